"""What the editing controllers share: the table, the undo stack, the selection, a dialog parent."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from ..table.table_model import ModelTableModel


class SelectionController(QObject):
    """Acts on the models selected in the table, as undoable steps; says what it did or refused."""

    message = Signal(str)

    def __init__(
        self,
        table: ModelTableModel,
        undo_stack: QUndoStack,
        selected_ids: Callable[[], list[str]],
        dialog_parent: QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._table = table
        self._stack = undo_stack
        self._selected_ids = selected_ids
        self._dialog_parent = dialog_parent
