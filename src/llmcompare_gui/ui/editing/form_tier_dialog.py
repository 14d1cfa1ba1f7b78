"""Long-context tier tables of the model form, and the dialog for a service tier's own tiers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidget, QVBoxLayout, QWidget

from ...domain.model_edit import LONG_TIER_KEYS, EditError, RowEdit, merge_tiers
from ...domain.parsing import parse_token_volume
from ...domain.validation import Location
from .form_fields import (
    Data,
    Parse,
    blank,
    list_table,
    number_text,
    put_cell,
    row_buttons,
    row_edit,
    volume_text,
)

LONG_TIER_LABELS = (
    *("input", "cached input", "output", "cache write", "cache write 1h"),
    *("reasoning", "per request"),
)
"""Labels of :data:`~.model_edit.LONG_TIER_KEYS`, in the tiers table's column order."""


def _threshold(text: str, field: str) -> int | float:
    value = parse_token_volume(text, field, positive=True)
    return int(value) if float(value).is_integer() else value


def tiers_table(parent: QWidget, name: str, tiers: Sequence[Data]) -> QTableWidget:
    """A table of long-context tiers: the threshold, then each price of the tier."""
    table = list_table(
        parent,
        name,
        ["Above prompt tokens", *(label.capitalize() for label in LONG_TIER_LABELS)],
        [
            [
                volume_text(tier.get("above_prompt_tokens")),
                *(number_text(tier.get(key)) for key in LONG_TIER_KEYS),
            ]
            for tier in tiers
        ],
        stretch=0,
    )
    table.setToolTip(
        "A request whose prompt has more tokens than the threshold (200K, 1M…) is "
        "priced wholly at that row's prices; an empty price falls back to the next "
        "lower tier, then the card (cache write 1h: this tier's cache write first)."
    )
    return table


def read_tiers(
    table: QTableWidget, originals: Sequence[Data], what: str, price: Parse, loc: Location
) -> list[Data]:
    """The long-context tiers a tiers table describes, sorted; EditError naming row and field."""
    rows: list[RowEdit] = []
    for row in range(table.rowCount()):
        if blank(table, row):
            continue  # a blank row: left out
        where = f"{what}, row {row + 1}"
        changes: Data = {}
        put_cell(
            changes,
            table,
            (row, 0),
            "above_prompt_tokens",
            _threshold,
            f"{where}, above prompt tokens",
            loc,
        )
        for column, (key, label) in enumerate(
            zip(LONG_TIER_KEYS, LONG_TIER_LABELS, strict=True), 1
        ):
            put_cell(changes, table, (row, column), key, price, f"{where}, {label}", loc)
        rows.append(row_edit(table, row, changes))
    return merge_tiers(originals, rows, what, loc)


class ServiceTierTiersDialog(QDialog):
    """Edits a service tier's own long-context tiers; ``done`` gets them on OK."""

    def __init__(
        self,
        name: str,
        tiers: Sequence[Data],
        price: Parse,
        done: Callable[[list[Data]], Any],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("serviceTierTiersDialog")
        self.setWindowTitle(f"{name.capitalize()} tier: long-context tiers")
        self._name = name
        self._originals = list(tiers)
        self._price = price
        self._done = done
        self._table = tiers_table(self, "serviceTierTiersTable", tiers)
        self._error = QLabel(self)
        self._error.setObjectName("serviceTierTiersError")
        self._error.setWordWrap(True)
        self._error.setStyleSheet("color: #c0392b;")
        self._error.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                f"Requests on the {name} tier whose prompt passes a threshold are priced at "
                "that row; an empty price falls back to the lower row, then the service "
                "tier's own price, then the card's. No rows: the card's long-context "
                "tiers apply.",
                self,
                wordWrap=True,
            )
        )
        layout.addWidget(self._table)
        layout.addLayout(row_buttons(self._table, "tier", self))
        layout.addWidget(self._error)
        layout.addWidget(buttons)
        self.resize(760, 300)
        self.finished.connect(self.deleteLater)

    def accept(self) -> None:
        try:
            tiers = read_tiers(
                self._table,
                self._originals,
                f"Service tiers, {self._name}, long-context tiers",
                self._price,
                ("pricing", "service_tiers", self._name, "tiers"),
            )
        except EditError as problem:
            self._error.setText(str(problem))
            self._error.setVisible(True)
            self._table.setFocus()
            return
        self._done(tiers)
        super().accept()
