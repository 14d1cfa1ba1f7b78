"""The calculator's "prices as of" control: price every model as it was on a chosen date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSignalBlocker, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

AS_OF_HELP = (
    "Price each model with the price point in force on this date: the last one whose "
    "effective date is on or before it (the earliest known point for a date before them "
    "all). Unticked: each model's current card. The table's Price date column shows the "
    "point each model is priced with."
)


class PriceDateControl(QWidget):
    """A tick box and a date: ``asOfChanged`` carries the date, or None for current prices."""

    asOfChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("priceDateControl")
        self._check = QCheckBox("&As of", self)
        self._check.setObjectName("asOfCheck")
        self._check.setToolTip(AS_OF_HELP)
        self._check.setAccessibleDescription(AS_OF_HELP)
        self._date = QDateEdit(self)
        self._date.setObjectName("asOfDateEdit")
        self._date.setCalendarPopup(True)
        self._date.setDisplayFormat("yyyy-MM-dd")
        self._date.setDate(QDate.currentDate())
        self._date.setEnabled(False)
        self._date.setToolTip(AS_OF_HELP)
        self._check.setAccessibleName("Prices as of a date")
        self._date.setAccessibleName("Prices as of date")
        self._date.setAccessibleDescription(AS_OF_HELP)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._check)
        layout.addWidget(self._date, 1)
        self._check.toggled.connect(self._changed)
        self._date.dateChanged.connect(self._changed)

    def as_of(self) -> dt.date | None:
        if not self._check.isChecked():
            return None
        day = self._date.date()
        return dt.date(day.year(), day.month(), day.day())

    def set_as_of(self, day: dt.date | None) -> None:
        """Show ``day`` without emitting (a program's change, not the user's)."""
        with QSignalBlocker(self._check), QSignalBlocker(self._date):
            self._check.setChecked(day is not None)
            if day is not None:
                self._date.setDate(QDate(day.year, day.month, day.day))
            self._date.setEnabled(day is not None)

    def _changed(self) -> None:
        self._date.setEnabled(self._check.isChecked())
        self.asOfChanged.emit(self.as_of())
