"""Edit → Exchange Rates…: the store's rates, edited in a table or read from a currency,rate CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.currency import RatesFileError, parse_rates_csv
from ...domain.model import ExchangeRates
from ...domain.parsing import parse_currency_code, parse_rate, parse_store_date
from ..table.table_model import ModelTableModel


class SetExchangeRatesCommand(QUndoCommand):
    """The store's exchange rates replaced (undo puts the old ones back)."""

    def __init__(self, table: ModelTableModel, rates: ExchangeRates | None) -> None:
        super().__init__("Change Exchange Rates")
        self._table = table
        self._before = table.store.exchange_rates
        self._after = rates

    def redo(self) -> None:
        self._table.set_exchange_rates(self._after)

    def undo(self) -> None:
        self._table.set_exchange_rates(self._before)


class RatesDialog(QDialog):
    """A row per currency (units per one unit of the store's currency), the date and source."""

    def __init__(
        self, store_currency: str, rates: ExchangeRates | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ratesDialog")
        self.setWindowTitle("Exchange Rates")
        self._store_currency = store_currency
        explain = QLabel(
            f"Units of each currency per 1 {store_currency}. Costs are converted with these "
            "rates; the date is shown beside converted costs and in exported captions.",
            self,
        )
        explain.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("ratesTable")
        self.table.setHorizontalHeaderLabels(["Currency", f"Per 1 {store_currency}"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.as_of = QLineEdit(rates.as_of or "" if rates else "", self)
        self.as_of.setObjectName("ratesAsOfEdit")
        self.as_of.setPlaceholderText("YYYY-MM-DD")
        self.source = QLineEdit(rates.source or "" if rates else "", self)
        self.source.setObjectName("ratesSourceEdit")
        self.error = QLabel(self)
        self.error.setObjectName("ratesError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        add = QPushButton("&Add Currency", self)
        add.clicked.connect(lambda: self._add_row("", None))
        remove = QPushButton("&Remove", self)
        remove.clicked.connect(self._remove_rows)
        import_button = QPushButton("&Import CSV…", self)
        import_button.setObjectName("importRatesButton")
        import_button.setToolTip("Read a two-column CSV: currency,rate (a header row optional)")
        import_button.clicked.connect(self._choose_csv)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (add, remove, import_button):
            row.addWidget(button)
        row.addStretch(1)
        form = QFormLayout()
        form.addRow("Rates &as of:", self.as_of)
        form.addRow("&Source:", self.source)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for code, rate in sorted((rates.rates if rates else {}).items()):
            self._add_row(code, rate)
        self.resize(420, 380)

    def _add_row(self, code: str, rate: float | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(code))
        self.table.setItem(row, 1, QTableWidgetItem("" if rate is None else f"{rate:g}"))

    def _remove_rows(self) -> None:
        for row in sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def _choose_csv(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Import Exchange Rates", "", "CSV files (*.csv);;All files (*)"
        )
        if name:
            self.import_csv(Path(name))

    def import_csv(self, path: Path) -> bool:
        """Rates read from ``path`` replace or join the table's; False (and a message) on error."""
        try:
            text = path.read_bytes().decode("utf-8-sig")
            rates = parse_rates_csv(text, self._store_currency)
        except OSError as error:
            self.error.setText(f"Cannot read {path}: {error.strerror or error}")
            return False
        except UnicodeDecodeError as error:
            self.error.setText(f"{path}: byte {error.start}: not UTF-8 text")
            return False
        except RatesFileError as error:
            self.error.setText(f"{path.name}: {error}")
            return False
        known = {self._text(r, 0).upper(): r for r in range(self.table.rowCount())}
        for code, rate in sorted(rates.items()):
            rate_item = self.table.item(known[code], 1) if code in known else None
            if rate_item is not None:
                rate_item.setText(f"{rate:g}")
            else:
                self._add_row(code, rate)
        self.error.setText(
            f"Read {len(rates)} rate{'s' if len(rates) != 1 else ''} from {path.name}"
        )
        return True

    def _text(self, row: int, column: int) -> str:
        found = self.table.item(row, column)
        return found.text().strip() if found is not None else ""

    def result_rates(self) -> ExchangeRates | None:
        """What the dialog holds, validated; raises ValueError naming the bad cell."""
        rates: dict[str, float] = {}
        for row in range(self.table.rowCount()):
            code, text = self._text(row, 0), self._text(row, 1)
            if not code and not text:
                continue
            code = parse_currency_code(code, f"row {row + 1}")
            if code == self._store_currency:
                raise ValueError(f"row {row + 1}: {code} is the store's own currency (always 1)")
            rate = parse_rate(text, f"row {row + 1}")
            if code in rates:
                raise ValueError(f"row {row + 1}: {code} is given twice")
            rates[code] = rate
        as_of = self.as_of.text().strip()
        if as_of:
            parse_store_date(as_of, "Rates as of")
        source = self.source.text().strip()
        if not rates and not as_of and not source:
            return None
        return ExchangeRates.model_validate(
            {"as_of": as_of or None, "source": source or None, "rates": rates}
        )

    def accept(self) -> None:
        try:
            self.result_rates()
        except ValueError as error:
            self.error.setText(str(error))
            return
        super().accept()
