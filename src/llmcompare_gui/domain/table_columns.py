"""The model table's columns, Qt-free: what each is, how it reads a figure and writes one back.

A column key names a figure of a :class:`Model`; :func:`raw_value` reads it
unformatted (sorting uses that, through :func:`sorted_rows`) and
:func:`edited_model` writes a typed value back into a copy of the model. What a
person reads in a cell is :mod:`.table_text`. The Qt model in ``ui/table`` only
adds what depends on the window's state: costs, the compare set, the as-of date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from .formatting import currency_prefix, price, token_volume
from .model import Model, Quantity, Source, Store
from .parsing import ParseError, parse_optional_price, parse_price
from .price_points import PriceOption, option_on, price_options
from .task_cost import models_with_runs, task_costs

Raw = float | str | None
"""A cell's value unformatted: a number, a text (a name, a qualitative note), or missing."""


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


def columns_for(store: Store) -> list[Column]:
    unit = f"{currency_prefix(store.currency)}/M"
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
            f"Per request ({currency_prefix(store.currency).strip()})",
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


def price_point_in_force(model: Model, day: dt.date | None) -> PriceOption:
    """The point the costs use: the one in force on ``day``, else the current card."""
    if day is not None:
        return option_on(model, day)
    return next(option for option in price_options(model) if option.is_current)


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
        price: float | None = getattr(model.pricing, CARD_PRICE_FIELDS[key])
        return price
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


def tiers_summary(model: Model) -> str | None:
    """``> 200K: 2.50 / 15.00`` (input / output per million) per long-context tier."""
    tiers = model.pricing.tiers or []
    if not tiers:
        return None
    parts = []
    for tier in sorted(tiers, key=lambda tier: tier.above_prompt_tokens):
        prices = " / ".join(
            price(value) if value is not None else "…"
            for value in (tier.input_per_mtok, tier.output_per_mtok)
        )
        parts.append(f"> {token_volume(tier.above_prompt_tokens)}: {prices}")
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
        price(value) if value is not None else "…"
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


def sorted_rows(raws: Sequence[Raw], *, descending: bool) -> list[int]:
    """Positions of ``raws`` in sorted order: numbers, then text, missing last in both orders.

    A qualitative note ranks above every number ("high performance" has no score to
    compare): after the numbers ascending, before them descending.
    """
    numbers = [(raw, i) for i, raw in enumerate(raws) if isinstance(raw, int | float)]
    texts = [(raw.casefold(), i) for i, raw in enumerate(raws) if isinstance(raw, str)]
    missing = [i for i, raw in enumerate(raws) if raw is None]
    # Sorting on the value alone keeps equal values in their order, in both directions.
    numbers.sort(key=lambda pair: pair[0], reverse=descending)
    texts.sort(key=lambda pair: pair[0], reverse=descending)
    if descending:
        return [i for _, i in texts] + [i for _, i in numbers] + missing
    return [i for _, i in numbers] + [i for _, i in texts] + missing


def typed_price(model: Model, key: str, value: object, store_currency: str) -> float | None:
    """The price typed (or set by a script) into the cell of ``key``, read by the one price rule.

    The card's currency (else the store's) may be written with it, ``CHF 0.60``; an empty
    cell is None where the price may be absent. Raises :class:`ParseError` saying why not.
    """
    currency = model.pricing.currency or store_currency
    if key in OPTIONAL_PRICES and (value is None or isinstance(value, str)):
        return parse_optional_price(value, currency=currency)
    if value is None:
        value = ""  # a required price left empty: the parser says one is needed
    if not isinstance(value, str | int | float):
        raise ParseError(None, repr(value), " is not a price")
    return parse_price(value, currency=currency)


def edited_model(model: Model, key: str, value: object, store_currency: str) -> Model | None:
    """A copy of ``model`` with one cell changed; None if nothing changes.

    Raises :class:`ValueError` with a message for a value the store refuses.
    """
    if key in PRICE_FIELDS:
        field = PRICE_FIELDS[key]
        typed = typed_price(model, key, value, store_currency)
        if getattr(model.pricing, field) == typed and (
            typed is not None or field in model.pricing.model_fields_set
        ):
            return None
        edited = model.model_copy(deep=True)
        try:
            setattr(edited.pricing, field, typed)
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
