"""The model form's Tiers & off-peak tab: long-context tiers, service tiers, off-peak hours."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.model_edit import (
    SERVICE_TIER_NAMES,
    TIER_PRICE_KEYS,
    EditError,
    RowEdit,
    ServiceTierEdit,
)
from ...domain.parsing import parse_utc_time, parse_weekdays
from ...domain.validation import Location
from .form_fields import (
    INITIAL_ROLE,
    Data,
    Parse,
    append_row,
    blank,
    cell,
    checked,
    days_text,
    item,
    list_table,
    make_line,
    number_text,
    put_cell,
    row_buttons,
    row_edit,
    setup_table,
)
from .form_tier_dialog import ServiceTierTiersDialog, read_tiers, tiers_table

TIER_PRICE_LABELS = ("input", "cached input", "output")

TIERS: Location = ("pricing", "tiers")
SERVICE: Location = ("pricing", "service_tiers")
WINDOWS: Location = ("pricing", "off_peak", "windows")


def _sub(data: Data, key: str) -> Data:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _dicts(value: object) -> list[Data]:
    return [entry for entry in value if isinstance(entry, dict)] if isinstance(value, list) else []


class TiersTab(QWidget):
    """Prices that apply to some requests only: long prompts, service tiers, off-peak hours."""

    def __init__(self, base: Data, price: Parse, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pricing = _sub(base, "pricing")
        self._price = price
        self._original_tiers = _dicts(pricing.get("tiers"))

        tiers_group = QGroupBox("Long-context tiers", self)
        self._tiers = tiers_table(self, "tiersTable", self._original_tiers)
        tiers_layout = QVBoxLayout(tiers_group)
        tiers_layout.addWidget(self._tiers)
        tiers_layout.addLayout(row_buttons(self._tiers, "tier", self))

        service_group = QGroupBox("Service tiers", self)
        self._service = self._service_table(_sub(pricing, "service_tiers"), service_group)
        service_layout = QVBoxLayout(service_group)
        service_layout.addWidget(self._service)

        off_group = QGroupBox("Off-peak hours (standard tier)", self)
        off_peak = _sub(pricing, "off_peak")
        self._off_input, self._off_cached, self._off_output = (
            make_line(
                self,
                name,
                label,
                number_text(off_peak.get(key)),
                ("pricing", "off_peak", key),
                price,
                placeholder="empty: the card's",
            )
            for name, label, key in (
                ("offPeakInputEdit", "Off-peak input price", "input_per_mtok"),
                ("offPeakCachedEdit", "Off-peak cached input price", "cached_input_per_mtok"),
                ("offPeakOutputEdit", "Off-peak output price", "output_per_mtok"),
            )
        )
        self._windows = list_table(
            self,
            "offPeakWindowsTable",
            ["Days (1 = Monday … 7)", "Start (UTC)", "End (UTC)"],
            [
                [days_text(w.get("days")), w.get("start_utc") or "", w.get("end_utc") or ""]
                for w in _dicts(off_peak.get("windows"))
            ],
            stretch=0,
        )
        self._windows.setToolTip(
            "Weekly windows in UTC: days as 1-7, 1-5 or Mon-Fri; times as HH:MM. "
            "A window may pass midnight (16:30 to 00:30)."
        )
        off_form = QFormLayout()
        off_form.addRow("Input:", self._off_input.widget)
        off_form.addRow("Cached input:", self._off_cached.widget)
        off_form.addRow("Output:", self._off_output.widget)
        off_layout = QVBoxLayout(off_group)
        off_layout.addLayout(off_form)
        off_layout.addWidget(self._windows)
        off_layout.addLayout(row_buttons(self._windows, "window", self))

        layout = QVBoxLayout(self)
        layout.addWidget(tiers_group, 2)
        layout.addWidget(service_group, 2)
        layout.addWidget(off_group, 3)

    # --- service tiers ------------------------------------------------------------------

    def _service_table(self, service: Data, parent: QWidget) -> QTableWidget:
        table = QTableWidget(0, 6, parent)
        table.setObjectName("serviceTiersTable")
        table.setHorizontalHeaderLabels(
            ["Tier", "Offered", "Input", "Cached input", "Output", "Long-context tiers"]
        )
        setup_table(table, stretch=0)
        # A service tier's own long-context tiers, as edited in its Tiers… dialog.
        self._service_tiers: dict[str, list[Data]] = {}
        self._service_tiers_edited: set[str] = set()
        self._tier_buttons: dict[str, QPushButton] = {}
        for index, name in enumerate(SERVICE_TIER_NAMES):
            entry = service.get(name)
            prices = entry if isinstance(entry, dict) else {}
            values = [name.capitalize(), isinstance(entry, dict)]
            values += [number_text(prices.get(key)) for key in TIER_PRICE_KEYS]
            append_row(table, [*values, ""], index, (1,))
            item(table, index, 0).setFlags(Qt.ItemFlag.ItemIsEnabled)
            item(table, index, 5).setFlags(Qt.ItemFlag.ItemIsEnabled)
            self._service_tiers[name] = _dicts(prices.get("tiers"))
            button = QPushButton(table)
            button.setObjectName(f"{name}TiersButton")
            button.setToolTip(f"The {name} tier's own long-context tiers")
            button.clicked.connect(lambda _checked=False, n=name: self.edit_service_tier_tiers(n))
            table.setCellWidget(index, 5, button)
            self._tier_buttons[name] = button
            self._label_tiers_button(name)
        table.setToolTip(
            "Tick the tiers the model offers; an empty price is the card's own. "
            "Tiers… edits a service tier's own long-context tiers (none: the card's)."
        )
        return table

    def _label_tiers_button(self, name: str) -> None:
        count = len(self._service_tiers[name])
        self._tier_buttons[name].setText(f"Tiers ({count})…" if count else "Tiers…")

    def edit_service_tier_tiers(self, name: str) -> QDialog:
        """Open (not blocking) the editor of a service tier's own long-context tiers."""

        def done(tiers: list[Data]) -> None:
            self._service_tiers[name] = tiers
            self._service_tiers_edited.add(name)
            self._label_tiers_button(name)

        dialog = ServiceTierTiersDialog(
            name, self._service_tiers[name], self._price, done, self.window()
        )
        dialog.open()
        return dialog

    def _service_edits(self) -> dict[str, ServiceTierEdit | None]:
        edits: dict[str, ServiceTierEdit | None] = {}
        table = self._service
        for row, name in enumerate(SERVICE_TIER_NAMES):
            where = f"Service tiers, {name}"
            if not checked(table, row, 1):
                priced = any(cell(table, row, column).strip() for column in (2, 3, 4))
                if priced and not item(table, row, 1).data(INITIAL_ROLE):
                    raise EditError(SERVICE, f"{where}: tick Offered to give it prices")
                edits[name] = None
                continue
            changes: Data = {}
            for column, (key, label) in enumerate(
                zip(TIER_PRICE_KEYS, TIER_PRICE_LABELS, strict=True), 2
            ):
                put_cell(
                    changes, table, (row, column), key, self._price, f"{where}, {label}", SERVICE
                )
            own = self._service_tiers[name] if name in self._service_tiers_edited else None
            edits[name] = ServiceTierEdit(changes=changes, tiers=own)
        return edits

    # --- off-peak windows ---------------------------------------------------------------

    def _window_rows(self) -> list[RowEdit]:
        rows = []
        table = self._windows
        for row in range(table.rowCount()):
            if blank(table, row):
                continue
            where = f"Off-peak windows, row {row + 1}"
            changes: Data = {}
            put_cell(changes, table, (row, 0), "days", parse_weekdays, f"{where}, days", WINDOWS)
            for column, key, label in ((1, "start_utc", "start"), (2, "end_utc", "end")):
                put_cell(
                    changes, table, (row, column), key, parse_utc_time, f"{where}, {label}", WINDOWS
                )
            rows.append(row_edit(table, row, changes))
        return rows

    # --- the tab's part of the edit -----------------------------------------------------

    def add_edit(self, edit: dict[str, Any]) -> None:
        edit["tiers"] = read_tiers(
            self._tiers, self._original_tiers, "Long-context tiers", self._price, TIERS
        )
        edit["service_tiers"] = self._service_edits()
        off_peak: Data = {}
        self._off_input.put(off_peak, "input_per_mtok")
        self._off_cached.put(off_peak, "cached_input_per_mtok")
        self._off_output.put(off_peak, "output_per_mtok")
        edit["off_peak"] = off_peak
        edit["windows"] = self._window_rows()

    def targets(self) -> dict[Location, QWidget]:
        return {
            TIERS: self._tiers,
            SERVICE: self._service,
            WINDOWS: self._windows,
            **{
                line.loc: line.widget
                for line in (self._off_input, self._off_cached, self._off_output)
            },
        }
