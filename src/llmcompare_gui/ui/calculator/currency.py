"""The window's display-currency picker, with the date of the rates it converts with."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ...domain.currency import display_currencies
from ...domain.model import Store

CURRENCY_HELP = (
    "Show every cost in this currency. Prices in another currency are converted with the "
    "store's exchange rates (Edit → Exchange Rates…); the rates' date is shown under the costs."
)


class CurrencyControl(QWidget):
    """``currencyChanged`` carries the chosen code, or None for the store's own currency."""

    currencyChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("currencyControl")
        self._store_currency = "USD"
        self.combo = QComboBox(self)
        self.combo.setObjectName("displayCurrencyCombo")
        self.combo.setToolTip(CURRENCY_HELP)
        self.combo.setAccessibleName("Display currency")
        self.combo.setAccessibleDescription(CURRENCY_HELP)
        label = QLabel("Costs &in:", self)
        label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo, 1)
        self.combo.activated.connect(self._chosen)

    def set_store(self, store: Store, current: str | None) -> None:
        """The store's currencies; ``current`` stays chosen where the store still has it."""
        self._store_currency = store.currency
        with QSignalBlocker(self.combo):
            self.combo.clear()
            self.combo.addItems(display_currencies(store))
            self.set_currency(current)

    def set_currency(self, code: str | None) -> None:
        with QSignalBlocker(self.combo):
            index = self.combo.findText(code or self._store_currency)
            self.combo.setCurrentIndex(max(index, 0))

    def currency(self) -> str | None:
        code = self.combo.currentText()
        return None if not code or code == self._store_currency else code

    def _chosen(self) -> None:
        self.currencyChanged.emit(self.currency())
