"""The model table: a Qt table model over the store's models, and its filter proxy.

Rows are the store's models; ``_order`` maps a row to the model's place in the
store, so sorting reorders rows (on raw values, missing last) without touching
the file's order. Costs and blended prices arrive as numpy arrays in store
order from the cost controller; the table never computes a price.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from pydantic import ValidationError
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.amounts import large_amount
from ...domain.cost import cheapest_mask
from ...domain.import_preview import cached_above_input
from ...domain.limits import MAX_PRICE_PER_MTOK
from ...domain.model import (
    REPORTED_BY_LABELS,
    BenchmarkDefinition,
    BenchmarkResult,
    ExchangeRates,
    Model,
    Quantity,
    Source,
    Store,
)
from ...domain.price_edit import user_priced
from ...domain.price_points import PriceOption, is_stale, option_on, price_options
from ...domain.task_cost import models_with_runs, task_costs
from ...domain.tokens import format_token_volume

MISSING = "—"
FREE = "free"
"""What the Cost column shows for a model that costs nothing (it is not marked cheapest)."""
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""Returns the domain :class:`Model` of a row."""
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 2
"""Returns the :class:`Source` behind a cell, or None."""

Index = QModelIndex | QPersistentModelIndex
Raw = float | str | bool | None

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

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "¥"}

# Column keys; benchmark columns are "bench:<id>".
COMPARE = "compare"
NAME = "name"
VENDOR = "vendor"
TOTAL_PARAMS = "total_params"
ACTIVE_PARAMS = "active_params"
SPARSITY = "sparsity"
CONTEXT = "context"
INPUT = "input"
CACHED = "cached"
OUTPUT = "output"
BLENDED = "blended"
COST = "cost"
PRICE_DATE = "price_date"
LICENCE = "licence"
FOCUS = "focus"
CACHE_WRITE = "cache_write"
CACHE_WRITE_1H = "cache_write_1h"
REASONING_PRICE = "reasoning_price"
PER_REQUEST = "per_request"
TIERS = "tiers"
SERVICE_TIERS = "service_tiers"
OFF_PEAK = "off_peak"
TASK_COST = "task_cost"
BENCH_PREFIX = "bench:"
REPORTED_BY_SUFFIX = {"vendor": "vendor", "article": "article", "independent": "indep."}
"""Written after a benchmark figure, so a claim is never mistaken for a measurement."""

CARD_PRICE_FIELDS = {
    CACHE_WRITE: "cache_write_per_mtok",
    CACHE_WRITE_1H: "cache_write_1h_per_mtok",
    REASONING_PRICE: "reasoning_per_mtok",
    PER_REQUEST: "per_request",
}
"""Schema-2 flat card fields: optional numbers, edited like the prices (empty clears)."""
PRICE_FIELDS = {
    INPUT: "input_per_mtok",
    CACHED: "cached_input_per_mtok",
    OUTPUT: "output_per_mtok",
    **CARD_PRICE_FIELDS,
}
OPTIONAL_PRICES = frozenset({CACHED, *CARD_PRICE_FIELDS})
"""Price cells that may be emptied (the field then falls back as CONTRACT §2 says)."""
CARD_SUMMARIES = (TIERS, SERVICE_TIERS, OFF_PEAK)
CARD_COLUMNS = (*CARD_PRICE_FIELDS, *CARD_SUMMARIES)
"""Columns of the richer price card: hidden by default where the whole store leaves them empty."""
TEXT_FIELDS = {NAME: "name", VENDOR: "vendor"}
EDITABLE = frozenset({*PRICE_FIELDS, *TEXT_FIELDS})
NUMERIC = frozenset(
    {
        TOTAL_PARAMS,
        ACTIVE_PARAMS,
        SPARSITY,
        CONTEXT,
        INPUT,
        CACHED,
        OUTPUT,
        BLENDED,
        COST,
        *CARD_PRICE_FIELDS,
        TASK_COST,
    }
)


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    tip: str


def currency_symbol(code: str) -> str:
    return CURRENCY_SYMBOLS.get(code, code + " ")


def columns_for(store: Store) -> list[Column]:
    unit = f"{currency_symbol(store.currency)}/M"
    cols = [
        Column(COMPARE, "Compare", "Show this model in the charts and the calculator's summary"),
        Column(NAME, "Name", "Model name"),
        Column(VENDOR, "Vendor", "Who makes the model"),
        Column(INPUT, f"Input {unit}", f"Input price per million tokens ({store.currency})"),
        Column(
            CACHED,
            f"Cached {unit}",
            f"Cached-input price per million tokens ({store.currency}); "
            "— means cached input costs the input price",
        ),
        Column(OUTPUT, f"Output {unit}", f"Output price per million tokens ({store.currency})"),
        Column(
            BLENDED,
            f"Blended {unit}",
            "Price per million tokens at the scenario's input:output mix (no cache)",
        ),
        Column(COST, f"Cost / month ({store.currency})", "Monthly cost of the scenario"),
        Column(
            PRICE_DATE,
            "Price date",
            "The date the price point the costs use took effect (the calculator's as-of date "
            "chooses the point); marked when it was more than six months old on that day",
        ),
        Column(
            CACHE_WRITE,
            f"Cache write {unit}",
            f"Price of writing input into the prompt cache, per million tokens "
            f"({store.currency}); — means the input price",
        ),
        Column(
            CACHE_WRITE_1H,
            f"Cache write 1h {unit}",
            "Price of a one-hour cache write per million tokens; — means the cache-write price",
        ),
        Column(
            REASONING_PRICE,
            f"Reasoning {unit}",
            "Price of reasoning (thinking) tokens per million; — means the output price",
        ),
        Column(
            PER_REQUEST,
            f"Per request ({currency_symbol(store.currency).strip()})",
            f"A fee per request ({store.currency}); — means none",
        ),
        Column(
            TIERS,
            "Long-context tiers",
            "Prompt sizes above which the whole request is priced at other rates",
        ),
        Column(SERVICE_TIERS, "Service tiers", "Batch, flex and priority tiers the model offers"),
        Column(OFF_PEAK, "Off-peak", "Off-peak prices and their weekly windows (UTC)"),
    ]
    if models_with_runs(store.models):
        # Only where some model has a run: otherwise the column would be empty.
        cols.append(
            Column(
                TASK_COST,
                f"Cost / solved task ({store.currency})",
                "What one solved Aider Polyglot task costs: the model's best run's prompt and "
                "completion tokens at its current prices, divided by the tasks it solved",
            )
        )
    cols += [
        Column(TOTAL_PARAMS, "Total params (B)", "Total parameters, in billions"),
        Column(ACTIVE_PARAMS, "Active params (B)", "Parameters active per token, in billions"),
        Column(SPARSITY, "Sparsity", "Active parameters as a share of the total"),
        Column(CONTEXT, "Context window", "Context window, in tokens"),
    ]
    for bench_id in store.benchmark_ids():
        definition = store.benchmark_definition(bench_id)
        unit_text = f" ({definition.unit})" if definition.unit else ""
        cols.append(
            Column(
                BENCH_PREFIX + bench_id,
                definition.name + unit_text,
                (definition.description or definition.name)
                + "\nSorting: qualitative notes after the scores ascending, before them "
                "descending (a note has no number to rank); no result is always last.",
            )
        )
    cols.append(Column(LICENCE, "Licence", "Licence of the weights or the service"))
    cols.append(Column(FOCUS, "Primary focus", "What the model is positioned for"))
    return cols


def _quantity(quantity: Quantity | None) -> float | None:
    return None if quantity is None else quantity.value


def _with_qualifier(text: str, quantity: Quantity | None) -> str:
    """A figure with its qualifier in view: ``262,144 (heavy mode)``."""
    if quantity is None or not quantity.note:
        return text
    return f"{text} ({quantity.note})"


def price_point_in_force(model: Model, day: dt.date | None) -> PriceOption:
    """The point the costs use: the one in force on ``day``, else the current card."""
    if day is not None:
        return option_on(model, day)
    return next(option for option in price_options(model) if option.is_current)


def price_date_text(option: PriceOption, day: dt.date) -> str:
    if not option.effective:
        return MISSING
    return f"{option.effective} ⚠ stale" if is_stale(option.effective, day) else option.effective


def raw_value(model: Model, key: str) -> Raw:
    """The value a cell shows, unformatted: a float, a str, or None where missing."""
    arch = model.architecture
    if key == NAME:
        return model.name
    if key == VENDOR:
        return model.vendor
    if key == TOTAL_PARAMS:
        return _quantity(arch.total_params_b) if arch else None
    if key == ACTIVE_PARAMS:
        return _quantity(arch.active_params_b) if arch else None
    if key == SPARSITY:
        return model.sparsity
    if key == CONTEXT:
        return _quantity(arch.context_window) if arch else None
    if key == INPUT:
        return model.pricing.input_per_mtok
    if key == CACHED:
        return model.pricing.cached_input_per_mtok
    if key == OUTPUT:
        return model.pricing.output_per_mtok
    if key in CARD_PRICE_FIELDS:
        return getattr(model.pricing, CARD_PRICE_FIELDS[key])
    if key == TIERS:
        return tiers_summary(model)
    if key == SERVICE_TIERS:
        return service_tiers_summary(model)
    if key == OFF_PEAK:
        return off_peak_summary(model)
    if key == LICENCE:
        return model.license
    if key == FOCUS:
        return model.positioning.primary_focus if model.positioning else None
    if key == PRICE_DATE:
        return model.pricing.effective
    if key.startswith(BENCH_PREFIX):
        result = model.benchmarks.get(key[len(BENCH_PREFIX) :])
        if result is None:
            return None
        return result.score if result.score is not None else result.note
    if key == TASK_COST:
        priced = task_costs([model]).priced
        return priced[0].cost_per_solved if priced else None
    return None


def _short_tokens(count: float) -> str:
    return format_token_volume(count)


def tiers_summary(model: Model) -> str | None:
    """``> 200K: 2.50 / 15.00`` (input / output per million) per long-context tier."""
    tiers = model.pricing.tiers or []
    if not tiers:
        return None
    parts = []
    for tier in sorted(tiers, key=lambda tier: tier.above_prompt_tokens):
        prices = " / ".join(
            format_price(value) if value is not None else "…"
            for value in (tier.input_per_mtok, tier.output_per_mtok)
        )
        parts.append(f"> {_short_tokens(tier.above_prompt_tokens)}: {prices}")
    return "; ".join(parts)


def service_tiers_summary(model: Model) -> str | None:
    """The offered service tiers, e.g. ``batch, priority``."""
    service = model.pricing.service_tiers
    if service is None:
        return None
    offered = [name for name in ("batch", "flex", "priority") if getattr(service, name) is not None]
    return ", ".join(offered) or None


def off_peak_summary(model: Model) -> str | None:
    """``0.135 / 0.55, 16:30–00:30 UTC`` (input / output per million, then the windows)."""
    off_peak = model.pricing.off_peak
    if off_peak is None:
        return None
    prices = " / ".join(
        format_price(value) if value is not None else "…"
        for value in (off_peak.input_per_mtok, off_peak.output_per_mtok)
    )
    windows = ", ".join(
        f"{window.start_utc}–{window.end_utc}"
        + ("" if sorted(window.days) == list(range(1, 8)) else f" ({_days(window.days)})")
        for window in off_peak.windows
    )
    return f"{prices}, {windows} UTC" if windows else prices


_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _days(days: Sequence[int]) -> str:
    return " ".join(_DAY_NAMES[day - 1] for day in sorted(days) if 1 <= day <= 7)


def empty_card_columns(store: Store) -> set[str]:
    """The richer card's columns that no model of ``store`` fills."""
    return {
        key for key in CARD_COLUMNS if all(raw_value(model, key) is None for model in store.models)
    }


def source_of(model: Model, key: str) -> Source | None:
    """The source of a cell's figure: its own where it has one, else the model's."""
    own: Source | None = None
    arch = model.architecture
    if key in (INPUT, OUTPUT, BLENDED, COST, *CARD_COLUMNS):
        own = model.pricing.source
    elif key == CACHED:
        own = model.pricing.cached_input_source or model.pricing.source
    elif key in (TOTAL_PARAMS, ACTIVE_PARAMS, CONTEXT, SPARSITY) and arch is not None:
        quantity = {
            TOTAL_PARAMS: arch.total_params_b,
            ACTIVE_PARAMS: arch.active_params_b,
            CONTEXT: arch.context_window,
            SPARSITY: arch.active_params_b,
        }[key]
        own = (quantity.source if quantity else None) or arch.source
    elif key == FOCUS and model.positioning is not None:
        own = model.positioning.source
    elif key.startswith(BENCH_PREFIX):
        result = model.benchmarks.get(key[len(BENCH_PREFIX) :])
        own = result.source if result else None
    if own is None and model.sources:
        own = model.sources[0]
    return own


def describe_source(source: Source) -> str:
    parts = [f"Source: {source.title}"]
    if source.url:
        parts.append(source.url)
    if source.published:
        parts.append(f"published {source.published}")
    if source.retrieved:
        parts.append(f"retrieved {source.retrieved}")
    if source.note:
        parts.append(source.note)
    return "\n".join(parts)


def format_number(value: float) -> str:
    if value == int(value) or abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:,.4g}"
    return f"{value:.3g}"


def format_money(value: float) -> str:
    """Monthly amounts: cents below 10,000 (``88.20``), whole units above, small ones exact."""
    if (compact := large_amount(value)) is not None:
        return compact
    if abs(value) >= 10_000:
        return f"{value:,.0f}"
    if value == 0 or abs(value) >= 0.01:
        return f"{value:,.2f}"
    return f"{value:.3g}"


def format_price(value: float) -> str:
    """Prices per million tokens: at least two decimals, at most four (``0.60``, ``0.0375``)."""
    if 0 < abs(value) < 0.0001:
        return f"{value:.2g}"
    whole, _, decimals = f"{value:.4f}".partition(".")
    return f"{whole}.{decimals.rstrip('0').ljust(2, '0')}"


def format_blended(value: float) -> str:
    """A computed mix of prices: three decimals for every row, so the column lines up."""
    if 0 < abs(value) < 0.001:
        return f"{value:.2g}"
    return f"{value:,.3f}"


def _display(model: Model, key: str) -> str:
    value = raw_value(model, key)
    if value is None:
        return MISSING
    if key == FOCUS and model.positioning is not None and model.positioning.applies_to:
        return f"{value} (said of {model.positioning.applies_to})"
    if isinstance(value, str):
        if key.startswith(BENCH_PREFIX):
            kind = model.benchmarks[key[len(BENCH_PREFIX) :]].reported_by
            return f"{value} · {REPORTED_BY_SUFFIX[kind]}" if kind else value
        return value
    if key in PRICE_FIELDS:
        return format_price(float(value))
    arch = model.architecture
    if key == SPARSITY:
        return f"{float(value) * 100:.1f} %"
    if key == CONTEXT:
        return _with_qualifier(f"{float(value):,.0f}", arch.context_window if arch else None)
    if key in (TOTAL_PARAMS, ACTIVE_PARAMS) and arch is not None:
        quantity = arch.total_params_b if key == TOTAL_PARAMS else arch.active_params_b
        return _with_qualifier(format_number(float(value)), quantity)
    if key == TASK_COST:
        return f"{float(value):.3g}"
    if key.startswith(BENCH_PREFIX):
        result = model.benchmarks[key[len(BENCH_PREFIX) :]]
        suffix = REPORTED_BY_SUFFIX.get(result.reported_by or "")
        text = format_number(float(value))
        return f"{text} · {suffix}" if suffix else text
    return format_number(float(value))


_CARD_FALLBACKS = {
    CACHE_WRITE: "No cache-write price: cache writes cost the input price",
    CACHE_WRITE_1H: "No one-hour cache-write price: such writes cost the cache-write price",
    REASONING_PRICE: "No reasoning price: reasoning tokens cost the output price",
    PER_REQUEST: "No fee per request",
    TIERS: "No long-context tiers: every prompt size costs the same per token",
    SERVICE_TIERS: "No batch, flex or priority tier: priced at standard",
    OFF_PEAK: "No off-peak prices",
}


def _result_lines(model: Model, bench_id: str, result: BenchmarkResult) -> list[str]:
    """Who reported a result (and the others' reports), and the model's runs of it."""
    lines = []
    if result.reported_by:
        lines.append(f"Reported by: {REPORTED_BY_LABELS[result.reported_by]}")
    if result.note:
        lines.append(result.note)
    for other in result.other_reports:
        said = f"{other.score:g}" if other.score is not None else (other.note or "")
        who = REPORTED_BY_LABELS.get(other.reported_by or "", "another report")
        origin = f" ({other.source.title})" if other.source else ""
        lines.append(f"Also: {said}, {who}{origin}")
    runs = [run for run in model.benchmark_runs if run.benchmark == bench_id]
    if runs:
        lines.append(f"{len(runs)} run{'s' if len(runs) != 1 else ''} (best is the score):")
        for run in sorted(runs, key=lambda r: -r.pass_rate_2):
            solved = f", solved {run.pass_num_2} of {run.test_cases}" if run.pass_num_2 else ""
            lines.append(
                f"  {run.pass_rate_2:g} % — {run.model or run.run}"
                + (f", {run.date}" if run.date else "")
                + (f", {run.edit_format}" if run.edit_format else "")
                + solved
            )
    return lines


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
            cached = [_display(model, key) for key in self._keys]
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
                return MISSING if math.isnan(value) else format_blended(float(value))
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
        if role == SOURCE_ROLE:
            return source_of(self._store.models[store_row], key)
        return None

    # -- the price point in force -------------------------------------------

    @property
    def price_day(self) -> dt.date | None:
        return self._price_day

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

    def _money(self, value: float) -> str:
        if math.isnan(value):
            return MISSING
        if value == 0:
            return FREE
        return currency_symbol(self._cost_currency or self._store.currency) + format_money(
            float(value)
        )

    def _money_cell(self, store_row: int) -> str:
        text = self._money(self._cost[store_row])
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
        if key == CACHED and model.pricing.cached_input_per_mtok is None:
            lines.append("No cached-input price: cached input costs the input price")
        if key == PRICE_DATE:
            point = self._point_in_force(store_row)
            day = self._price_day or dt.date.today()
            lines.append(f"Costs use the price point {point.describe()}")
            if is_stale(point.effective, day):
                lines.append(f"More than six months old on {day.isoformat()}")
            if point.source is not None:
                lines.append(describe_source(point.source))
            return "\n".join(lines)
        if key in CARD_COLUMNS and raw_value(model, key) is None:
            lines.append(_CARD_FALLBACKS[key])
        value = raw_value(model, key)
        if key.startswith(BENCH_PREFIX):
            bench_id = key[len(BENCH_PREFIX) :]
            result = model.benchmarks.get(bench_id)
            if result is not None:
                lines.extend(_result_lines(model, bench_id, result))
        elif key == TASK_COST:
            priced = task_costs([model]).priced
            if priced:
                item = priced[0]
                run = item.run
                lines.append(
                    f"{item.cost_per_solved:.3g} {self._store.currency} per solved task: "
                    f"solved {item.solved}"
                    + (f" of {item.cases}" if item.cases else "")
                    + f", run cost {item.run_cost:.4g} {self._store.currency}"
                )
                lines.append(
                    f"Run {run.run}"
                    + (f" of {run.date}" if run.date else "")
                    + (f", edit format {run.edit_format}" if run.edit_format else "")
                )
            elif model.benchmark_runs:
                lines.append("The best run gives no token counts: it cannot be priced")
        elif key in (TOTAL_PARAMS, ACTIVE_PARAMS, CONTEXT) and value is not None:
            arch = model.architecture
            assert arch is not None
            quantity = {
                TOTAL_PARAMS: arch.total_params_b,
                ACTIVE_PARAMS: arch.active_params_b,
                CONTEXT: arch.context_window,
            }[key]
            if quantity is not None and quantity.note:
                lines.append(quantity.note)
        elif key == NAME:
            # The full name first: the column may be too narrow for it.
            lines.append(model.name)
            if model.notes:
                lines.append(model.notes)
        source = source_of(model, key) if key != COMPARE else None
        if source is not None:
            lines.append(describe_source(source))
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
            edited = edited_model(model, key, value)
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
        numbers = [i for i in range(count) if isinstance(raws[i], int | float)]
        texts = [i for i in range(count) if isinstance(raws[i], str)]
        missing_rows = [i for i in range(count) if raws[i] is None]
        numbers.sort(key=lambda i: raws[i], reverse=descending)  # type: ignore[arg-type,return-value]
        texts.sort(key=lambda i: str(raws[i]).casefold(), reverse=descending)
        # A qualitative note ranks above every number ("high performance" has no score to
        # compare): after the numbers ascending, before them descending; missing always last.
        if descending:
            return texts + numbers + missing_rows
        return numbers + texts + missing_rows


def edited_model(model: Model, key: str, value: Any) -> Model | None:
    """A copy of ``model`` with one cell changed; None if nothing changes.

    Raises :class:`ValueError` with a message for a value the store refuses.
    """
    if key in PRICE_FIELDS:
        field = PRICE_FIELDS[key]
        price = parse_price(value, allow_empty=key in OPTIONAL_PRICES)
        if getattr(model.pricing, field) == price and (
            price is not None or field in model.pricing.model_fields_set
        ):
            return None
        edited = model.model_copy(deep=True)
        try:
            setattr(edited.pricing, field, price)
        except ValidationError as error:
            raise ValueError(error.errors(include_url=False)[0]["msg"]) from None
        return edited
    if key in TEXT_FIELDS:
        field = TEXT_FIELDS[key]
        text = "" if value is None else str(value).strip()
        if key == NAME and not text:
            raise ValueError("a model needs a name")
        new: str | None = text or None
        if getattr(model, field) == new:
            return None
        edited = model.model_copy(deep=True)
        setattr(edited, field, new)
        return edited
    raise ValueError(f"{key} cannot be edited here")


_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d*)?$")


def parse_price(value: Any, *, allow_empty: bool) -> float | None:
    """A price from what a person or a script gave; ValueError says why not."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if allow_empty:
            return None
        raise ValueError("a price is needed here")
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a price")
    if isinstance(value, str):
        text = value.strip().lstrip("$€£¥").strip()
        if "," in text:
            # "1,000.50" is a thousands separator; "1,5" is a decimal comma we
            # would misread as 15, so it is refused rather than guessed.
            if not _THOUSANDS.match(text):
                raise ValueError(f"{value!r}: write decimals with a point, e.g. 1.5")
            text = text.replace(",", "")
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"{value!r} is not a number") from None
    elif isinstance(value, int | float):
        number = float(value)
    else:
        raise ValueError(f"{value!r} is not a number")
    if not math.isfinite(number):
        raise ValueError(f"{value!r} is not a finite number")
    if number < 0:
        raise ValueError(f"{value!r} is negative; a price must be 0 or more")
    if number > MAX_PRICE_PER_MTOK:
        raise ValueError(f"{value!r} is too large; a price is at most {MAX_PRICE_PER_MTOK:,.0f}")
    return number


class ModelFilterProxy(QSortFilterProxyModel):
    """Filters rows on name and vendor; sorting is forwarded to the source model."""

    def __init__(self, source: ModelTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self.setSourceModel(source)
        self.setDynamicSortFilter(False)
        self._text = ""

    def set_filter_text(self, text: str) -> None:
        self._text = text
        # beginFilterChange/endFilterChange exist from Qt 6.10, the oldest pyproject allows.
        self.beginFilterChange()
        self._source.set_filter(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refilter(self) -> None:
        """Re-read the filter after names or vendors changed."""
        self.set_filter_text(self._text)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return self._source.row_matches(source_row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.sort(column, order)

    def source_rows(self, rows: Sequence[int]) -> list[int]:
        return [self.mapToSource(self.index(row, 0)).row() for row in rows]
