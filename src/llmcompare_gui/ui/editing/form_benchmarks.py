"""The model form's Benchmarks tab: a score and/or a note per benchmark."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.limits import MAX_SCORE
from ...domain.model import Store
from ...domain.model_edit import Changes, EditError
from ...domain.parsing import parse_number
from ...domain.validation import Location
from .form_fields import (
    INITIAL_ROLE,
    ORIGINAL_ROLE,
    Data,
    cell,
    item,
    number_text,
    parse_text,
    put_cell,
    setup_table,
)

BENCHMARKS: Location = ("benchmarks",)


def _score(text: str, field: str) -> float:
    return parse_number(text, field, minimum=-MAX_SCORE, maximum=MAX_SCORE)


class BenchmarksTab(QWidget):
    """One row per benchmark the store defines (and any other the model has a result for)."""

    def __init__(self, base: Data, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        results = base.get("benchmarks")
        results = results if isinstance(results, dict) else {}
        table = QTableWidget(0, 3, self)
        table.setObjectName("benchmarksTable")
        table.setHorizontalHeaderLabels(["Benchmark", "Score", "Note"])
        setup_table(table, stretch=2)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(0, 180)
        table.setColumnWidth(1, 80)
        self._table = table
        ids = [b.id for b in store.benchmarks]
        ids += [bench_id for bench_id in results if bench_id not in ids]
        for bench_id in ids:
            result = results.get(bench_id)
            self._add_row(bench_id, result if isinstance(result, dict) else {})
        table.setToolTip(
            "A score (a number) and/or a note (a qualitative statement such as "
            "“lower than Kimi K2”). A row with neither is left out."
        )
        add = QPushButton("&Add benchmark", self)
        add.setObjectName("addBenchmarkButton")
        add.clicked.connect(lambda: self._add_row(None, {}, edit=True))
        remove = QPushButton("&Remove result", self)
        remove.setToolTip("Clear the selected row's score and note (a new row is removed).")
        remove.clicked.connect(self._remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(table, 1)
        layout.addLayout(buttons)

    def _add_row(self, bench_id: str | None, result: Data, *, edit: bool = False) -> None:
        table = self._table
        row = table.rowCount()
        table.insertRow(row)
        if bench_id is None:
            head = QTableWidgetItem("")
            head.setToolTip("Benchmark id, e.g. mmlu_pro")
        else:
            definition = self._store.benchmark_definition(bench_id)
            unit = f" ({definition.unit})" if definition.unit else ""
            head = QTableWidgetItem(definition.name + unit)
            head.setFlags(head.flags() & ~Qt.ItemFlag.ItemIsEditable)
            head.setToolTip(
                f"{bench_id}: {definition.description}" if definition.description else bench_id
            )
        head.setData(ORIGINAL_ROLE, bench_id)
        table.setItem(row, 0, head)
        for column, text in ((1, number_text(result.get("score"))), (2, result.get("note") or "")):
            cell_item = QTableWidgetItem(text)
            cell_item.setData(INITIAL_ROLE, text)
            if column == 1:
                cell_item.setTextAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            table.setItem(row, column, cell_item)
        if edit:
            table.setCurrentCell(row, 0)
            table.editItem(head)

    def _remove_row(self) -> None:
        row = self._table.currentRow()
        if row < 0:
            return
        if item(self._table, row, 0).data(ORIGINAL_ROLE) is None:
            self._table.removeRow(row)
            return
        for column in (1, 2):
            item(self._table, row, column).setText("")

    def add_edit(self, edit: dict[str, Any]) -> None:
        results: dict[str, Changes | None] = {}
        table = self._table
        for row in range(table.rowCount()):
            head = item(table, row, 0)
            original_id = head.data(ORIGINAL_ROLE)
            bench_id = original_id if isinstance(original_id, str) else head.text().strip()
            score_text, note_text = cell(table, row, 1), cell(table, row, 2)
            if not bench_id:
                if score_text.strip() or note_text.strip():
                    raise EditError(
                        BENCHMARKS, f"Benchmarks, row {row + 1}: a result needs a benchmark id"
                    )
                continue
            if bench_id in results:
                raise EditError(
                    BENCHMARKS, f"Benchmarks, row {row + 1}: {bench_id!r} appears twice"
                )
            if not score_text.strip() and not note_text.strip():
                results[bench_id] = None
                continue
            where = f"Benchmarks, {self._store.benchmark_definition(bench_id).name}"
            changes: Data = {}
            put_cell(changes, table, (row, 1), "score", _score, f"{where}, score", BENCHMARKS)
            put_cell(changes, table, (row, 2), "note", parse_text, "", BENCHMARKS)
            results[bench_id] = changes
        edit["benchmarks"] = results

    def targets(self) -> dict[Location, QWidget]:
        return {BENCHMARKS: self._table}
