"""The model form's building blocks: line edits and list tables that report only what changed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...domain.formatting import token_volume as format_token_volume
from ...domain.model_edit import REMOVE, EditError, RowEdit
from ...domain.parsing import ParseError, parse_token_volume
from ...domain.validation import Location

Data = dict[str, Any]
Parse = Callable[[str, str], Any]
"""Reads a field's text; the second argument is the field's label, for the message."""

ORIGINAL_ROLE = Qt.ItemDataRole.UserRole
"""Column 0 of a list row: the index of the original entry (or -1), or a benchmark id."""
INITIAL_ROLE = Qt.ItemDataRole.UserRole + 1
"""Every list cell: the text (or check state) it was opened with."""


class FormPart(Protocol):
    """A tab of the form: what it changed, and which widget shows which part of the model."""

    def add_edit(self, edit: dict[str, Any]) -> None:
        """Put this tab's fields of :class:`~.model_edit.ModelEdit` into ``edit``."""

    def targets(self) -> dict[Location, QWidget]:
        """The widget that shows each location of the model (pydantic's ``loc``) on this tab."""


# --- text of values ---------------------------------------------------------------------


def number_text(value: object) -> str:
    """A number as the shortest text that reads back as exactly the same float."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def volume_text(value: object) -> str:
    """Token counts as an exact plain number (131072), compact where that is exact (128K)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return ""
    compact = format_token_volume(float(value))
    return compact if parse_token_volume(compact) == value else number_text(value)


def days_text(days: object) -> str:
    """Sorted weekdays as ranges: ``1-5``, ``1-3,6``."""
    if not isinstance(days, list) or not all(isinstance(day, int) for day in days):
        return ""
    parts: list[str] = []
    values = sorted(set(days))
    start = 0
    for index in range(1, len(values) + 1):
        if index == len(values) or values[index] != values[index - 1] + 1:
            first, last = values[start], values[index - 1]
            parts.append(str(first) if first == last else f"{first}-{last}")
            start = index
    return ",".join(parts)


def parse_text(text: str, field: str) -> str:
    return text.strip()


# --- line edits -------------------------------------------------------------------------


class Line:
    """A line edit bound to one key: reported only when its text changed."""

    def __init__(
        self, widget: QLineEdit, label: str, parse: Parse, initial: str, loc: Location
    ) -> None:
        self.widget = widget
        self.label = label
        self.parse = parse
        self.initial = initial
        self.loc = loc
        widget.setText(initial)
        widget.setCursorPosition(0)  # long texts show their beginning

    @property
    def changed(self) -> bool:
        return self.widget.text() != self.initial

    @property
    def empty(self) -> bool:
        return not self.widget.text().strip()

    def value(self) -> Any:
        try:
            return self.parse(self.widget.text(), self.label)
        except ParseError as error:
            raise EditError(self.loc, str(error)) from None

    def put(self, changes: Data, key: str, *, required: bool = False) -> None:
        """Record the parsed value under ``key`` if the text changed (:data:`REMOVE` if cleared)."""
        if not self.changed:
            return
        if self.empty:
            if required:
                raise EditError(self.loc, f"{self.label}: required")
            changes[key] = REMOVE
            return
        changes[key] = self.value()


def make_line(
    parent: QWidget,
    name: str,
    label: str,
    initial: str,
    loc: Location,
    parse: Parse = parse_text,
    *,
    placeholder: str = "",
    tooltip: str = "",
) -> Line:
    widget = QLineEdit(parent)
    widget.setObjectName(name)
    widget.setPlaceholderText(placeholder)
    if tooltip:
        widget.setToolTip(tooltip)
    widget.setAccessibleName(label)
    return Line(widget, label, parse, initial, loc)


def make_combo(
    parent: QWidget, name: str, choices: tuple[tuple[str, Any], ...], current: Any
) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    for text, value in choices:
        combo.addItem(text, value)
    index = next(
        (i for i, (_, value) in enumerate(choices) if value is not None and value == current), 0
    )
    combo.setCurrentIndex(index)
    combo.setProperty("initialIndex", index)
    return combo


def put_combo(combo: QComboBox, changes: Data, key: str) -> None:
    """Record the combo's value if the choice changed; an "unknown" choice removes the key."""
    if combo.currentIndex() == combo.property("initialIndex"):
        return
    value = combo.currentData()
    changes[key] = REMOVE if value is None else value


# --- list tables ------------------------------------------------------------------------


def setup_table(table: QTableWidget, *, stretch: int) -> None:
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(table.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)


def append_row(
    table: QTableWidget, values: Sequence[Any], original: int, check_columns: Sequence[int] = ()
) -> None:
    row = table.rowCount()
    table.insertRow(row)
    for column, value in enumerate(values):
        item = QTableWidgetItem()
        if column in check_columns:
            item.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            item.setData(INITIAL_ROLE, bool(value))
        else:
            item.setText(str(value))
            item.setData(INITIAL_ROLE, str(value))
            if value:
                item.setToolTip(str(value))
        if column == 0:
            item.setData(ORIGINAL_ROLE, original)
        table.setItem(row, column, item)


def list_table(
    parent: QWidget,
    name: str,
    headers: list[str],
    rows: list[list[Any]],
    *,
    stretch: int,
    check_columns: Sequence[int] = (),
) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    setup_table(table, stretch=stretch)
    for index, values in enumerate(rows):
        append_row(table, values, index, check_columns)
    return table


def item(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    found = table.item(row, column)
    if found is None:  # every cell gets an item when its row is added
        found = QTableWidgetItem()
        table.setItem(row, column, found)
    return found


def cell(table: QTableWidget, row: int, column: int) -> str:
    found = table.item(row, column)
    return found.text() if found is not None else ""


def checked(table: QTableWidget, row: int, column: int) -> bool:
    return item(table, row, column).checkState() == Qt.CheckState.Checked


def blank(table: QTableWidget, row: int) -> bool:
    """A row whose every text cell is empty (check boxes aside)."""
    return not any(cell(table, row, column).strip() for column in range(table.columnCount()))


def put_cell(
    changes: Data,
    table: QTableWidget,
    cell_at: tuple[int, int],
    key: str,
    parse: Parse,
    field: str,
    loc: Location,
) -> None:
    """Record a cell under ``key`` where it changed; a cleared cell is :data:`REMOVE`.

    ``field`` names the cell in a message, ``loc`` is where its table is in the model.
    """
    row, column = cell_at
    found = table.item(row, column)
    text = found.text() if found is not None else ""
    initial = found.data(INITIAL_ROLE) if found is not None else None
    if text == (initial or ""):
        return
    if not text.strip():
        changes[key] = REMOVE
        return
    try:
        changes[key] = parse(text, field)
    except ParseError as error:
        raise EditError(loc, str(error)) from None


def row_edit(table: QTableWidget, row: int, changes: Data) -> RowEdit:
    original = item(table, row, 0).data(ORIGINAL_ROLE)
    return RowEdit(
        number=row + 1, original=original if isinstance(original, int) else -1, changes=changes
    )


def row_buttons(
    table: QTableWidget, what: str, parent: QWidget, checks: Sequence[int] = ()
) -> QHBoxLayout:
    add = QPushButton(f"Add {what}", parent)
    add.setObjectName(f"add{what.capitalize()}Button")
    remove = QPushButton(f"Remove {what}", parent)
    remove.setObjectName(f"remove{what.capitalize()}Button")

    def add_row() -> None:
        empty: list[Any] = [
            False if column in checks else "" for column in range(table.columnCount())
        ]
        append_row(table, empty, -1, checks)
        table.setCurrentCell(table.rowCount() - 1, 0)
        table.editItem(item(table, table.rowCount() - 1, 0))

    def remove_row() -> None:
        if table.currentRow() >= 0:
            table.removeRow(table.currentRow())

    add.clicked.connect(add_row)
    remove.clicked.connect(remove_row)
    buttons = QHBoxLayout()
    buttons.addWidget(add)
    buttons.addWidget(remove)
    buttons.addStretch(1)
    return buttons
