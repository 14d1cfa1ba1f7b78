"""The model table's Qt model: the store's models as rows, with costs, compare set and as-of date.

Rows are the store's models; ``_order`` maps a row to the model's place in the
store, so sorting reorders rows (on raw values, missing last) without touching
the file's order. Costs and blended prices arrive as numpy arrays in store
order from the cost controller; the table never computes a price. What a column
reads, shows and writes lives in :mod:`llmcompare_gui.domain.table_columns`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

import numpy as np
from pydantic import ValidationError
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.cost import cheapest_mask
from ...domain.formatting import blended_price
from ...domain.import_preview import cached_above_input
from ...domain.model import BenchmarkDefinition, ExchangeRates, Model, Store
from ...domain.price_edit import user_priced
from ...domain.price_points import PriceOption, is_stale
from ...domain.table_columns import (
    BENCH_PREFIX,
    BLENDED,
    COMPARE,
    COST,
    EDITABLE,
    NUMERIC,
    PRICE_DATE,
    PRICE_FIELDS,
    Column,
    Raw,
    columns_for,
    edited_model,
    price_point_in_force,
    raw_value,
    sorted_rows,
)
from ...domain.table_text import (
    MISSING,
    cell_text,
    cell_tip_lines,
    cost_text,
    describe_source,
    price_date_text,
)

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""Returns the domain :class:`Model` of a row."""

Index = QModelIndex | QPersistentModelIndex

# Roles and flags as plain constants: data() and flags() run for every painted
# cell, and attribute lookups and enum arithmetic there cost more than the rest.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_EDIT = int(Qt.ItemDataRole.EditRole.value)
_USER = int(Qt.ItemDataRole.UserRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_FONT = int(Qt.ItemDataRole.FontRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
_CHECK = int(Qt.ItemDataRole.CheckStateRole.value)
_UNUSED_ROLES = frozenset(
    int(role.value)
    for role in (
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.StatusTipRole,
        Qt.ItemDataRole.WhatsThisRole,
        Qt.ItemDataRole.SizeHintRole,
        Qt.ItemDataRole.AccessibleDescriptionRole,
    )
)
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_PLAIN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_CHECKABLE = _PLAIN | Qt.ItemFlag.ItemIsUserCheckable
_EDITABLE = _PLAIN | Qt.ItemFlag.ItemIsEditable


def _font(*, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setBold(bold)
    font.setItalic(italic)
    return font


class ModelTableModel(QAbstractTableModel):
    """The store's models as table rows.

    Edits are refused here when invalid and otherwise handed to ``editor``
    (which makes them undoable); without an editor they apply directly.
    """

    editRefused = Signal(str)
    """A value was refused: the message says which and why."""
    editWarning = Signal(str)
    """A value was accepted but looks wrong (cached input above input): the message says why."""
    modelsChanged = Signal()
    """Models were added, removed or edited (prices, names…)."""
    compareChanged = Signal()
    """The set of compared models changed."""

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.editor: Callable[[Model, Model, str], None] | None = None
        self.read_only = False
        """Refuse every edit (the store is open read-only); Compare still works."""
        self._bold = _font(bold=True)
        self._italic = _font(italic=True)
        self._cheapest_brush = QBrush(QColor(0, 158, 115, 70))
        self._store = store
        self._compared: set[str] = set()
        self._price_day: dt.date | None = None
        self._cost_currency: str | None = None
        self._sorted_by: tuple[str, Qt.SortOrder] | None = None
        self._set_store(store)

    # -- contents ---------------------------------------------------------

    def _set_store(self, store: Store) -> None:
        self._store = store
        self._columns = columns_for(store)
        self._keys = [column.key for column in self._columns]
        self._key_index = {key: i for i, key in enumerate(self._keys)}
        self._order: list[int] = list(range(len(store.models)))
        self._display: list[list[str] | None] = [None] * len(store.models)
        self._haystacks = [self._haystack(model) for model in store.models]
        self._needle = ""
        self._match: list[bool] = [True] * len(store.models)
        self._cost = np.full(len(store.models), np.nan)
        self._blended = np.full(len(store.models), np.nan)
        self._cheapest: frozenset[int] = frozenset()

    def reset_store(self, store: Store) -> None:
        self.beginResetModel()
        self._set_store(store)
        self.endResetModel()
        self.modelsChanged.emit()

    @property
    def store(self) -> Store:
        return self._store

    @property
    def columns(self) -> list[Column]:
        return list(self._columns)

    def column_of(self, key: str) -> int:
        return self._key_index[key]

    def key_at(self, column: int) -> str:
        return self._keys[column]

    def model_at(self, row: int) -> Model:
        return self._store.models[self._order[row]]

    def row_of(self, model_id: str) -> int:
        for row, store_row in enumerate(self._order):
            if self._store.models[store_row].id == model_id:
                return row
        raise KeyError(model_id)

    def _store_row_of(self, model_id: str) -> int:
        for store_row, model in enumerate(self._store.models):
            if model.id == model_id:
                return store_row
        raise KeyError(model_id)

    # -- costs --------------------------------------------------------------

    def set_cost_currency(self, code: str | None) -> None:
        """The currency the costs arrive in (None: the store's)."""
        if code == self._store.currency:
            code = None
        if code == self._cost_currency:
            return
        self._cost_currency = code
        section = self._key_index[COST]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, section, section)

    def set_costs(
        self, total: np.ndarray, blended: np.ndarray, compared: np.ndarray | None = None
    ) -> None:
        """New costs and blended prices, in store order: one dataChanged for both columns.

        ``compared`` is :meth:`compared_store_rows` as an array, for a caller that keeps it
        between slider ticks (gathering it costs ~2 ms at 2,500 models).
        """
        self._cost = total
        self._blended = blended
        # The ★ goes to the cheapest compared model: the one the calculator and charts name.
        if compared is None:
            compared = np.asarray(self.compared_store_rows(), dtype=np.intp)
        marked = compared[cheapest_mask(total[compared])] if len(compared) else compared
        self._cheapest = frozenset(int(row) for row in marked)
        rows = len(self._order)
        if rows:
            first = min(self._key_index[BLENDED], self._key_index[COST])
            last = max(self._key_index[BLENDED], self._key_index[COST])
            self.dataChanged.emit(self.index(0, first), self.index(rows - 1, last))

    # -- compare set ------------------------------------------------------

    def compared_ids(self) -> set[str]:
        return set(self._compared)

    def set_compared_ids(self, ids: Iterable[str]) -> None:
        self._compared = set(ids)
        rows = len(self._order)
        if rows:
            column = self._key_index[COMPARE]
            self.dataChanged.emit(
                self.index(0, column),
                self.index(rows - 1, column),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.compareChanged.emit()

    def compared_store_rows(self) -> list[int]:
        """Store rows of the compared models, in store order."""
        return [i for i, model in enumerate(self._store.models) if model.id in self._compared]

    # -- filtering (read by the proxy) ---------------------------------------
    # The proxy decides which rows show (filterAcceptsRow); the model keeps each
    # row's lower-cased name and vendor and the match of the current needle, so
    # the per-row call is a list lookup. Reading the cells through data() in the
    # proxy instead cost 110–153 ms a keystroke on 2,500 rows against 7–15 ms
    # (8–21×; benchmarks/bench_sort.py, as above).

    @staticmethod
    def _haystack(model: Model) -> str:
        return f"{model.name}\n{model.vendor or ''}".lower()

    def set_filter(self, text: str) -> None:
        needle = text.strip().lower()
        self._needle = needle
        self._match = [needle in hay for hay in self._haystacks] if needle else []

    def row_matches(self, row: int) -> bool:
        if not self._needle:
            return True
        return self._match[self._order[row]]

    # -- Qt model interface -------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.key == COST and self._cost_currency is not None:
                return f"Cost / month ({self._cost_currency})"
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        key = self._keys[index.column()]
        if key == COMPARE:
            return _CHECKABLE
        if key in EDITABLE and not self.read_only:
            return _EDITABLE
        return _PLAIN

    def _row_display(self, store_row: int) -> list[str]:
        cached = self._display[store_row]
        if cached is None:
            model = self._store.models[store_row]
            cached = [cell_text(model, key, self._store.currency) for key in self._keys]
            self._display[store_row] = cached
        return cached

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every painted cell: int role constants, cheap exits.
        if role in _UNUSED_ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._order) and 0 <= column < len(self._keys)):
            return None
        store_row = self._order[row]
        key = self._keys[column]
        if role == _DISPLAY:
            if key == COST:
                return self._money_cell(store_row)
            if key == BLENDED:
                value = self._blended[store_row]
                return MISSING if math.isnan(value) else blended_price(float(value))
            if key == COMPARE:
                return None
            if key == PRICE_DATE:
                return price_date_text(
                    self._point_in_force(store_row), self._price_day or dt.date.today()
                )
            return self._row_display(store_row)[column]
        if role == _ALIGNMENT:
            return _RIGHT if key in NUMERIC else None
        if role == _FONT:
            if key == COST:
                return self._bold if self._is_cheapest(store_row) else None
            if key.startswith(BENCH_PREFIX) and isinstance(
                raw_value(self._store.models[store_row], key), str
            ):
                return self._italic
            return None
        if role == _CHECK:
            if key != COMPARE:
                return None
            checked = self._store.models[store_row].id in self._compared
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == _BACKGROUND:
            return self._cheapest_brush if key == COST and self._is_cheapest(store_row) else None
        if role == _USER:
            if key == COST:
                return float(self._cost[store_row])
            if key == BLENDED:
                return float(self._blended[store_row])
            if key == COMPARE:
                return self._store.models[store_row].id in self._compared
            if key == PRICE_DATE:
                return self._point_in_force(store_row).effective
            return raw_value(self._store.models[store_row], key)
        if role == _EDIT:
            if key in EDITABLE:
                value = raw_value(self._store.models[store_row], key)
                return "" if value is None else value
            return None
        if role == _TOOLTIP:
            return self._tooltip(store_row, key)
        if role == ROW_ROLE:
            return self._store.models[store_row]
        return None

    # -- the price point in force -------------------------------------------

    def set_price_day(self, day: dt.date | None) -> None:
        """The as-of date the costs are priced on (None: the current cards)."""
        if day == self._price_day:
            return
        self._price_day = day
        rows = len(self._order)
        if rows:
            column = self._key_index[PRICE_DATE]
            self.dataChanged.emit(self.index(0, column), self.index(rows - 1, column))

    def _point_in_force(self, store_row: int) -> PriceOption:
        return price_point_in_force(self._store.models[store_row], self._price_day)

    def _money_cell(self, store_row: int) -> str:
        text = cost_text(float(self._cost[store_row]), self._cost_currency or self._store.currency)
        return "★ " + text if store_row in self._cheapest else text

    def _is_cheapest(self, store_row: int) -> bool:
        return store_row in self._cheapest

    def _tooltip(self, store_row: int, key: str) -> str | None:
        model = self._store.models[store_row]
        lines: list[str] = []
        if key == COST and self._is_cheapest(store_row):
            lines.append("The cheapest compared model for this scenario")
        elif key == COST and self._cost[store_row] == 0:
            lines.append("Free: this model costs nothing for this scenario")
        if key == PRICE_DATE:
            point = self._point_in_force(store_row)
            day = self._price_day or dt.date.today()
            lines.append(f"Costs use the price point {point.describe()}")
            if is_stale(point.effective, day):
                lines.append(f"More than six months old on {day.isoformat()}")
            if point.source is not None:
                lines.append(describe_source(point.source))
            return "\n".join(lines)
        lines.extend(cell_tip_lines(model, key, self._store.currency))
        return "\n".join(lines) or None

    # -- editing ----------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        key = self._keys[index.column()]
        model = self.model_at(index.row())
        if key == COMPARE and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            compared = set(self._compared)
            (compared.add if checked else compared.discard)(model.id)
            self.set_compared_ids(compared)
            return True
        if role != Qt.ItemDataRole.EditRole or key not in EDITABLE:
            return False
        if self.read_only:
            self.editRefused.emit("the store is open read-only")
            return False
        try:
            edited = edited_model(model, key, value, self._store.currency)
        except ValueError as error:
            self.editRefused.emit(f"{model.name}: {error}")
            return False
        if edited is None:
            return True  # nothing changed
        # The typed price is the user's own: credit it to them, keep the old card as history.
        edited = user_priced(model, edited, date.today().isoformat())
        label = self._columns[index.column()].header.split(" ")[0].lower()
        description = f"Edit {label} of {model.name}"
        if self.editor is not None:
            self.editor(model, edited, description)
        else:
            self.replace_model(model.id, edited)
        if key in PRICE_FIELDS and cached_above_input(edited.pricing):
            pricing = edited.pricing
            self.editWarning.emit(
                f"{model.name}: the cached input price ({pricing.cached_input_per_mtok:g}) is "
                f"above the input price ({pricing.input_per_mtok:g}); kept as entered, "
                "but cache reads are normally cheaper"
            )
        return True

    # -- changes, called by the undo commands ----------------------------------

    def set_exchange_rates(self, rates: ExchangeRates | None) -> None:
        """New rates for the store; ValueError (nothing changed) if a card's currency loses its."""
        try:
            Store.model_validate(
                {**self._store.model_dump(exclude_unset=True), "exchange_rates": None}
                | ({"exchange_rates": rates.model_dump(exclude_unset=True)} if rates else {})
            )
        except ValidationError as error:
            raise ValueError(error.errors()[0]["msg"]) from None
        self._store.exchange_rates = rates
        self.modelsChanged.emit()

    def replace_model(self, model_id: str, model: Model) -> None:
        store_row = self._store_row_of(model_id)
        self._store.models[store_row] = model
        self._display[store_row] = None
        self._haystacks[store_row] = self._haystack(model)
        if self._needle:
            self._match[store_row] = self._needle in self._haystacks[store_row]
        if model.id != model_id and model_id in self._compared:
            self._compared.discard(model_id)
            self._compared.add(model.id)
        row = self._order.index(store_row)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._keys) - 1))
        self._refresh_columns()
        self.modelsChanged.emit()

    def replace_all_models(
        self, models: Sequence[Model], benchmarks: Sequence[BenchmarkDefinition] | None = None
    ) -> None:
        """Swap in a whole new list of models (an import, or its undo), and of benchmarks."""
        self._store.models[:] = list(models)
        if benchmarks is not None:
            self._store.benchmarks[:] = list(benchmarks)
        self.reset_store(self._store)

    def insert_model(self, store_row: int, model: Model, row: int | None = None) -> None:
        """Insert ``model`` at ``store_row`` in the file and at view ``row`` (default: last)."""
        row = len(self._order) if row is None else row
        self.beginInsertRows(QModelIndex(), row, row)
        self._store.models.insert(store_row, model)
        self._order = [i + 1 if i >= store_row else i for i in self._order]
        self._order.insert(row, store_row)
        self._display.insert(store_row, None)
        self._haystacks.insert(store_row, self._haystack(model))
        if self._needle:
            self._match.insert(store_row, self._needle in self._haystacks[store_row])
        self._cost = np.insert(self._cost, store_row, np.nan)
        self._blended = np.insert(self._blended, store_row, np.nan)
        self.endInsertRows()
        self._refresh_columns()
        self.modelsChanged.emit()

    def remove_model(self, model_id: str) -> tuple[int, int, Model]:
        """Remove a model; return its store row, view row and the model (for undo)."""
        store_row = self._store_row_of(model_id)
        row = self._order.index(store_row)
        self.beginRemoveRows(QModelIndex(), row, row)
        model = self._store.models.pop(store_row)
        del self._order[row]
        self._order = [i - 1 if i > store_row else i for i in self._order]
        del self._display[store_row]
        del self._haystacks[store_row]
        if self._needle:
            del self._match[store_row]
        self._cost = np.delete(self._cost, store_row)
        self._blended = np.delete(self._blended, store_row)
        self.endRemoveRows()
        self._refresh_columns()
        self.modelsChanged.emit()
        return store_row, row, model

    def _refresh_columns(self) -> None:
        """Benchmark columns follow the store: reset when they change."""
        keys = [column.key for column in columns_for(self._store)]
        if keys == self._keys:
            return
        self.beginResetModel()
        self._columns = columns_for(self._store)
        self._keys = keys
        self._key_index = {key: i for i, key in enumerate(keys)}
        self._display = [None] * len(self._store.models)
        self.endResetModel()

    # -- sorting ------------------------------------------------------------------
    # Sorting stays here, not in the proxy's lessThan on a sort role (vorta's
    # sort_proxy.py): Qt's sort would call back into Python, and data(), once per
    # comparison. Measured on 2,500 rows (median over Name, Input, Cost and a
    # benchmark, both orders; this machine, 2 shared cores, 2026-12-02):
    # here 7–16 ms, through a lessThan proxy 975–1,045 ms, 66–134× slower.
    #     QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_sort.py
    # The rule itself (numbers, then notes, missing last) is domain.table_columns.sorted_rows.

    @property
    def sorted_by(self) -> tuple[str, Qt.SortOrder] | None:
        """The column key and order of the last sort (rows are in store order after a rebuild)."""
        return self._sorted_by

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._keys):
            self._sorted_by = None
            return
        self._sorted_by = (self._keys[column], order)
        new_order = self._sorted_order(self._keys[column], order)
        if new_order == self._order:
            return
        self.layoutAboutToBeChanged.emit()
        old_order = self._order
        self._order = new_order
        new_rows = {store_row: row for row, store_row in enumerate(new_order)}
        persistent = self.persistentIndexList()
        if persistent:
            moved = [
                self.index(new_rows[old_order[index.row()]], index.column()) for index in persistent
            ]
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _sorted_order(self, key: str, order: Qt.SortOrder) -> list[int]:
        """Store rows sorted on raw values; missing values last in both orders."""
        descending = order == Qt.SortOrder.DescendingOrder
        models = self._store.models
        count = len(models)
        if key in (COST, BLENDED):
            values = self._cost if key == COST else self._blended
            present = np.flatnonzero(~np.isnan(values))
            missing = np.flatnonzero(np.isnan(values))
            keys = values[present]
            ranked = present[np.argsort(-keys if descending else keys, kind="stable")]
            return [int(i) for i in ranked] + [int(i) for i in missing]
        if key == COMPARE:
            # Ascending puts the compared (checked) models first, as people expect.
            flags = [models[i].id in self._compared for i in range(count)]
            return sorted(range(count), key=lambda i: flags[i], reverse=not descending)
        if key == PRICE_DATE:
            raws: list[Raw] = [self._point_in_force(i).effective for i in range(count)]
        else:
            raws = [raw_value(model, key) for model in models]
        return sorted_rows(raws, descending=descending)
