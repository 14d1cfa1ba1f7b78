"""The model table's cells as a person reads them, Qt-free: cell text and tooltip lines.

Every number goes through :mod:`.formatting`, so a cell reads like the same value
in the calculator, the charts and the CSV.
"""

from __future__ import annotations

import datetime as dt
import math

from .formatting import figure, fine_money, money, percent, price
from .model import REPORTED_BY_LABELS, BenchmarkResult, Model, Quantity, Source
from .price_points import PriceOption, is_stale
from .table_columns import (
    ACTIVE_PARAMS,
    BENCH_PREFIX,
    CACHE_WRITE,
    CACHE_WRITE_1H,
    CACHED,
    CARD_COLUMNS,
    COMPARE,
    CONTEXT,
    FOCUS,
    NAME,
    OFF_PEAK,
    PER_REQUEST,
    PRICE_FIELDS,
    REASONING_PRICE,
    SERVICE_TIERS,
    SPARSITY,
    TASK_COST,
    TIERS,
    TOTAL_PARAMS,
    raw_value,
    source_of,
)
from .task_cost import task_costs

MISSING = "—"
FREE = "free"
"""What the Cost column shows for a model that costs nothing (it is not marked cheapest)."""

REPORTED_BY_SUFFIX = {"vendor": "vendor", "article": "article", "independent": "indep."}
"""Written after a benchmark figure, so a claim is never mistaken for a measurement."""


def _with_qualifier(text: str, quantity: Quantity | None) -> str:
    """A figure with its qualifier in view: ``262,144 (heavy mode)``."""
    if quantity is None or not quantity.note:
        return text
    return f"{text} ({quantity.note})"


def price_date_text(option: PriceOption, day: dt.date) -> str:
    """The Price date cell: the day the point took effect, marked when stale on ``day``."""
    if not option.effective:
        return MISSING
    return f"{option.effective} ⚠ stale" if is_stale(option.effective, day) else option.effective


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


def cell_text(model: Model, key: str, currency: str) -> str:
    """What the cell of ``key`` shows for ``model``; the Qt model adds cost, blended and date.

    ``currency`` is the store's: the cost of a solved task is in it.
    """
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
        return price(float(value))
    arch = model.architecture
    if key == SPARSITY:
        return percent(float(value))
    if key == CONTEXT:
        return _with_qualifier(figure(float(value)), arch.context_window if arch else None)
    if key in (TOTAL_PARAMS, ACTIVE_PARAMS) and arch is not None:
        quantity = arch.total_params_b if key == TOTAL_PARAMS else arch.active_params_b
        return _with_qualifier(figure(float(value)), quantity)
    if key == TASK_COST:
        return fine_money(float(value), currency)
    if key.startswith(BENCH_PREFIX):
        result = model.benchmarks[key[len(BENCH_PREFIX) :]]
        suffix = REPORTED_BY_SUFFIX.get(result.reported_by or "")
        text = figure(float(value))
        return f"{text} · {suffix}" if suffix else text
    return figure(float(value))


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
    return money(float(value), currency)


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
                f"{fine_money(item.cost_per_solved, currency)} per solved task: "
                f"solved {item.solved}"
                + (f" of {item.cases}" if item.cases else "")
                + f", run cost {fine_money(item.run_cost, currency)}"
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
