"""The model form's Sources & notes tab: the model's sources and free notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGroupBox, QHeaderView, QPlainTextEdit, QVBoxLayout, QWidget

from ...domain.model_edit import REMOVE, RowEdit
from ...domain.parsing import DATE_HINT, parse_store_date
from ...domain.validation import Location
from .form_fields import Data, blank, list_table, parse_text, put_cell, row_buttons, row_edit

SOURCES: Location = ("sources",)


class SourcesTab(QWidget):
    """Sources for the model as a whole (title, URL, date read) and its notes."""

    def __init__(self, base: Data, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        group = QGroupBox("Sources for the model as a whole", self)
        self._sources = list_table(
            self,
            "sourcesTable",
            ["Title", "URL", "Retrieved"],
            [
                [s.get("title", ""), s.get("url") or "", s.get("retrieved") or ""]
                for s in base.get("sources") or []
            ],
            stretch=0,
        )
        self._sources.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self._sources.setColumnWidth(1, 200)
        self._sources.setToolTip(f"Retrieved: the date the source was read ({DATE_HINT}).")
        group_layout = QVBoxLayout(group)
        group_layout.addWidget(self._sources)
        group_layout.addLayout(row_buttons(self._sources, "source", self))

        notes_group = QGroupBox("Notes", self)
        self._notes = QPlainTextEdit(notes_group)
        self._notes.setObjectName("notesEdit")
        self._notes_initial = base.get("notes") or ""
        self._notes.setPlainText(self._notes_initial)
        notes_layout = QVBoxLayout(notes_group)
        notes_layout.addWidget(self._notes)

        layout = QVBoxLayout(self)
        layout.addWidget(group, 3)
        layout.addWidget(notes_group, 2)

    def add_edit(self, edit: dict[str, Any]) -> None:
        rows: list[RowEdit] = []
        table = self._sources
        for row in range(table.rowCount()):
            if blank(table, row):
                continue
            where = f"Sources, row {row + 1}"
            changes: Data = {}
            put_cell(changes, table, (row, 0), "title", parse_text, "", SOURCES)
            put_cell(changes, table, (row, 1), "url", parse_text, "", SOURCES)
            put_cell(
                changes,
                table,
                (row, 2),
                "retrieved",
                parse_store_date,
                f"{where}, retrieved",
                SOURCES,
            )
            rows.append(row_edit(table, row, changes))
        edit["sources"] = rows
        notes = self._notes.toPlainText()
        if notes != self._notes_initial:
            edit.setdefault("top", {})["notes"] = notes.strip() or REMOVE

    def targets(self) -> dict[Location, QWidget]:
        return {SOURCES: self._sources, ("notes",): self._notes}
