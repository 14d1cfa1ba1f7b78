"""File → Import Models…: preview a price file, then apply it as one undoable step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ...domain.importers import ImportPlan
from ...domain.model import Store
from ...services import import_service
from ...store.errors import StoreError
from ...store.session import StoreSession
from ..editing.commands import ReplaceAllModelsCommand
from ..table.table_model import ModelTableModel


class ImportController(QObject):
    """File → Import Models…: preview a price file, then apply it as one undoable step."""

    message = Signal(str)

    def __init__(
        self,
        session: StoreSession,
        table: ModelTableModel,
        undo_stack: QUndoStack,
        ask: Callable[[Store], ImportPlan | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._table = table
        self._stack = undo_stack
        self._ask = ask

    def import_models(self) -> None:
        plan = self._ask(self._table.store)
        if plan is None or not plan.changes_anything:
            return
        try:
            # A dated copy as the command line's import keeps; undo restores in the window.
            import_service.keep_backup(self._session.path)
        except StoreError as error:
            self.message.emit(f"Not imported: {error}")
            return
        text = f"Import: {len(plan.added)} added, {len(plan.updated)} updated"
        if plan.matched or plan.unmatched:
            text += f", {len(plan.matched)} runs matched, {len(plan.unmatched)} not"
        self._stack.push(
            ReplaceAllModelsCommand(self._table, plan.store.models, text, plan.store.benchmarks)
        )
        self.message.emit(f"{text}; the previous store was kept in backups/")
