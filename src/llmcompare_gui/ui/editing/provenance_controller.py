"""Edit → Sources… and Edit → Exchange Rates…: the dialogs about where numbers come from."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from .rates_dialog import RatesDialog, SetExchangeRatesCommand
from .selection_controller import SelectionController
from .sources_dialog import SourcesDialog


class ProvenanceController(SelectionController):
    """Shows a model's sources and edits the store's exchange rates."""

    last_dialog: QDialog | None = None
    """The dialog opened last (tests and automation reach it here)."""

    def show_sources(self) -> None:
        ids = self._selected_ids()
        model = self._table.store.model(ids[0]) if ids else None
        if model is None:
            self.message.emit("Select a model to see its sources")
            return
        dialog = SourcesDialog(model, self._dialog_parent)
        self.last_dialog = dialog
        dialog.open()

    def edit_rates(self) -> None:
        store = self._table.store
        dialog = RatesDialog(store.currency, store.exchange_rates, self._dialog_parent)
        self.last_dialog = dialog
        dialog.accepted.connect(lambda: self.apply_rates(dialog))
        dialog.open()

    def apply_rates(self, dialog: RatesDialog) -> bool:
        """The dialog's rates as one undoable step; False (and a message) if refused."""
        if self._table.read_only:
            self.message.emit("Not changed: the store is open read-only")
            return False
        try:
            rates = dialog.result_rates()
        except ValueError as error:
            self.message.emit(f"Not changed: {error}")
            return False
        if rates == self._table.store.exchange_rates:
            return True
        command = SetExchangeRatesCommand(self._table, rates)
        try:
            self._table.set_exchange_rates(rates)  # validates before anything is recorded
        except ValueError as error:
            self.message.emit(f"Not changed: {error}")
            return False
        self._stack.push(command)  # its redo sets the same rates again: harmless
        self.message.emit("Exchange rates changed (Undo puts the old ones back)")
        return True
