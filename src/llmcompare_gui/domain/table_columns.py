"""The model table's columns, Qt-free: how each reads, shows, explains and writes a figure.

A column key names a figure of a :class:`Model`; :func:`raw_value` reads it
unformatted (sorting uses that), :func:`cell_text` writes it as a cell shows it,
:func:`cell_tip_lines` explains it, and :func:`edited_model` writes a typed value
back into a copy of the model. The Qt model in ``ui/table`` only adds what depends
on the window's state: costs, the compare set, the as-of date.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from .amounts import large_amount
from .formatting import token_volume as format_token_volume
from .limits import MAX_PRICE_PER_MTOK
from .model import REPORTED_BY_LABELS, BenchmarkResult, Model, Quantity, Source, Store
from .price_points import PriceOption, is_stale, option_on, price_options
from .task_cost import models_with_runs, task_costs

MISSING = "—"
FREE = "free"
"""What the Cost column shows for a model that costs nothing (it is not marked cheapest)."""

Raw = float | str | None
"""A cell's value unformatted: a number, a text (a name, a qualitative note), or missing."""


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
            format_price(value) if value is not None else "…"
            for value in (tier.input_per_mtok, tier.output_per_mtok)
        )
        parts.append(f"> {format_token_volume(tier.above_prompt_tokens)}: {prices}")
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


def cell_text(model: Model, key: str) -> str:
    """What the cell of ``key`` shows for ``model``; the Qt model adds cost, blended and date."""
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


CARD_FALLBACKS = {
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


def cost_text(value: float, currency: str) -> str:
    """A monthly cost cell: ``$88.20``, ``free`` for nothing, ``—`` where there is no cost."""
    if math.isnan(value):
        return MISSING
    if value == 0:
        return FREE
    return currency_symbol(currency) + format_money(float(value))


def cell_tip_lines(model: Model, key: str, currency: str) -> list[str]:
    """The lines of a cell's tooltip that depend on the model alone, its source last.

    ``currency`` is the store's: the per-task cost is priced in it.
    """
    lines: list[str] = []
    if key == CACHED and model.pricing.cached_input_per_mtok is None:
        lines.append("No cached-input price: cached input costs the input price")
    value = raw_value(model, key)
    if key in CARD_COLUMNS and value is None:
        lines.append(CARD_FALLBACKS[key])
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
                f"{item.cost_per_solved:.3g} {currency} per solved task: "
                f"solved {item.solved}"
                + (f" of {item.cases}" if item.cases else "")
                + f", run cost {item.run_cost:.4g} {currency}"
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
    return lines


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
