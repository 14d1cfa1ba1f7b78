"""The store's lifetime in the window: what is compared at first, reset, and the last save."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.limits import MAX_CHARTED_MODELS
from ...store.errors import StoreError
from ...store.jsonstore import save_store
from ...store.session import StoreSession
from ..calculator.cost_controller import CostController
from ..table.table_model import ModelTableModel
from .save_controller import SaveController
from .settings import WindowSettings
from .unsaved_dialog import UnsavedChangesDialog, UnsavedChoice


class SessionController(QObject):
    """The store's lifetime in the window: reset to defaults, and the last save on close."""

    message = Signal(str)

    def __init__(
        self,
        session: StoreSession,
        table: ModelTableModel,
        undo_stack: QUndoStack,
        saver: SaveController,
        settings: WindowSettings,
        costs: CostController,
        remember_view: Callable[[], None],
        dialog_parent: QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._dialog_parent = dialog_parent
        self._session = session
        self._table = table
        self._stack = undo_stack
        self._saver = saver
        self._settings = settings
        self._costs = costs
        self._remember_view = remember_view
        self._closed = False

    def reset_to_defaults(self) -> None:
        """Replace the store by the bundled data, keeping a dated copy of the old one."""
        self._saver.save_now()  # the copy kept aside then holds the latest edits
        try:
            self._session.reset_to_defaults()
        except StoreError as error:
            self.message.emit(f"Not reset: {error}")
            return
        self._table.reset_store(self._session.store)
        self._saver.discard_pending()
        self._stack.clear()
        self._settings.clear_compared_ids()
        ids = [model.id for model in self._session.store.models]
        self._table.set_compared_ids(initial_compared(self._settings, ids))
        self.message.emit("Reset to the bundled data; the previous store was kept in backups/")

    def may_close(self) -> bool:
        """Whether the window may close: unsaved changes are saved, or the user decides.

        A save that fails asks: retry, save the models to another file, or
        discard them; cancel keeps the window open.
        """
        if self._closed or self._session.read_only:
            return True
        while not self._saver.save_now(quiet=True):
            problem = self._saver.last_failure or "the store could not be written"
            choice = UnsavedChangesDialog.ask(self._dialog_parent, self._session.path, problem)
            if choice is UnsavedChoice.RETRY:
                continue
            if choice is UnsavedChoice.DISCARD:
                self._saver.discard_pending("Changes discarded")
                return True
            if choice is UnsavedChoice.SAVE_AS:
                if self._save_copy():
                    return True
                continue
            return False
        return True

    def _save_copy(self) -> bool:
        """Save As… on quit: the models to a chosen file; the window's store stays where it is."""
        suggested = Path.home() / self._session.path.name
        path = UnsavedChangesDialog.ask_path(self._dialog_parent, suggested)
        if path is None:
            return False
        try:
            save_store(self._session.store, path, backup=False)
        except StoreError as error:
            QMessageBox.warning(self._dialog_parent, "Not saved", str(error))
            return False
        self._saver.discard_pending(f"Saved to {path}; the store was not changed")
        QMessageBox.information(
            self._dialog_parent,
            "Saved elsewhere",
            f"Your models were saved to {path}.\n\n"
            f"The app's store {self._session.path} was not changed: the next start opens "
            "it as it was before these edits. To use the copy, import it (File → Import "
            "Models…) or put it in place of the store.",
        )
        return True

    def close(self) -> None:
        """Remember the view and the scenario, save what is unsaved, release the store."""
        if self._closed:
            return
        self._closed = True
        self._remember_view()
        self._settings.set_scenario(self._costs.scenario)
        self._settings.set_text("charts/value_benchmark", self._costs.value_benchmark)
        self._settings.set_compared_ids(self._table.compared_ids())
        self._settings.sync()
        self._saver.save_now()
        self._session.close()


def initial_compared(settings: WindowSettings, ids: list[str]) -> set[str]:
    """The remembered compare set, else the bundled models, else the first few."""
    remembered = settings.compared_ids()
    present = set(ids)
    if remembered is not None:
        return remembered & present
    from ...store.jsonstore import default_store

    bundled = {model.id for model in default_store().models} & present
    return bundled or set(ids[:MAX_CHARTED_MODELS])
