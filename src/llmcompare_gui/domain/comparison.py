"""What a chart shows, as numbers: one definition for the charts and their CSV.

A :class:`Comparison` is the chosen models under a scenario. Each chart kind
has a table here (header and rows) that is both what the chart plots and what
``--format csv`` writes, so the picture and the numbers cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from .chart_kind import ChartKind as ChartKind  # re-exported: the charts and exports name it here
from .cost import (
    BreakEven,
    CostBreakdown,
    PriceTable,
    Scenario,
    break_even_points,
    compute_costs,
    price_per_mtok,
    prompt_size_costs,
    tier_thresholds,
)
from .model import BenchmarkDefinition, Model, Store
from .price_points import price_options
from .task_cost import TaskCosts, task_costs
from .tokens import MAX_TOKEN_VOLUME

Cell = str | float | int | None


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: list[tuple[Cell, ...]]


@dataclass(frozen=True)
class Comparison:
    """The models to compare, in display order, under one scenario."""

    store: Store
    models: Sequence[Model]
    scenario: Scenario
    value_benchmark: str | None = None
    """Benchmark id for the value map; the first one with scores when None."""
    as_of: dt.date | None = None
    """The date the models were priced as of (``models`` already carry those cards);
    None: their current cards."""
    _prices: PriceTable | None = field(default=None, repr=False, compare=False)

    @cached_property
    def prices(self) -> PriceTable:
        if self._prices is not None:
            return self._prices
        return PriceTable.from_store(self.store, self.models)

    @cached_property
    def costs(self) -> CostBreakdown:
        return compute_costs(self.prices, self.scenario)

    @property
    def currency(self) -> str:
        """The display currency."""
        return self.scenario.currency or self.store.currency

    def cheapest_first(self) -> list[int]:
        """Model rows sorted by total cost (ties by name)."""
        totals = self.costs.total
        return sorted(range(len(self.models)), key=lambda row: (totals[row], self.models[row].name))

    def break_even(self) -> list[BreakEven]:
        return break_even_points(self.prices, self.scenario)

    def benchmarks(self) -> list[BenchmarkDefinition]:
        """Benchmarks that any compared model has a result for, in store order."""
        used = {bench_id for model in self.models for bench_id in model.benchmarks}
        return [
            self.store.benchmark_definition(bench_id)
            for bench_id in self.store.benchmark_ids()
            if bench_id in used
        ]

    def scored_benchmarks(self) -> list[BenchmarkDefinition]:
        return [
            definition
            for definition in self.benchmarks()
            if any(_score(model, definition.id) is not None for model in self.models)
        ]

    def value_benchmark_definition(self) -> BenchmarkDefinition | None:
        scored = self.scored_benchmarks()
        for definition in scored:
            if definition.id == self.value_benchmark:
                return definition
        if self.value_benchmark is not None:
            return self.store.benchmark_definition(self.value_benchmark)
        return scored[0] if scored else None

    @cached_property
    def task_costs(self) -> TaskCosts:
        """Cost per solved Aider Polyglot task of each compared model with a run."""
        return task_costs(self.models)

    def table(self, kind: ChartKind) -> Table:
        return _TABLES[kind](self)


def _score(model: Model, bench_id: str) -> float | None:
    result = model.benchmarks.get(bench_id)
    return None if result is None else result.score


COST_HEADER = (
    "model_id",
    "model",
    "input_cost",
    "cached_input_cost",
    "cache_write_cost",
    "output_cost",
    "reasoning_cost",
    "request_cost",
    "total_cost",
    "currency",
    "note",
)
"""CONTRACT §4: the header of ``export --chart cost --format csv``."""


def _cost_table(comparison: Comparison) -> Table:
    costs = comparison.costs
    rows: list[tuple[Cell, ...]] = []
    for row in comparison.cheapest_first():
        model = comparison.models[row]
        rows.append(
            (
                model.id,
                model.name,
                float(costs.input[row]),
                float(costs.cached_input[row]),
                float(costs.cache_write[row]),
                float(costs.output[row]),
                float(costs.reasoning[row]),
                float(costs.request[row]),
                float(costs.total[row]),
                costs.currency,
                costs.notes[row],
            )
        )
    return Table(COST_HEADER, rows)


def _benchmark_table(comparison: Comparison) -> Table:
    definitions = [
        comparison.store.benchmark_definition(b) for b in comparison.store.benchmark_ids()
    ]
    rows: list[tuple[Cell, ...]] = []
    for model in comparison.models:
        for definition in definitions:
            result = model.benchmarks.get(definition.id)
            if result is None:
                continue
            rows.append(
                (
                    model.id,
                    model.name,
                    definition.name,
                    result.score,
                    definition.unit,
                    result.note or "",
                )
            )
    return Table(("model_id", "model", "benchmark", "score", "unit", "note"), rows)


VOLUME_POINTS = 61
"""Points per cost line on the volume chart (log-spaced)."""


def volume_range(scenario: Scenario) -> tuple[float, float]:
    """Input volumes the volume chart spans: three decades either side of the scenario.

    Never beyond the largest volume a scenario takes, so the axis stays readable.
    """
    centre = max(scenario.input_tokens, 1e3)
    return max(centre / 1e3, 1e3), min(centre * 1e3, MAX_TOKEN_VOLUME)


def volume_grid(scenario: Scenario) -> np.ndarray:
    low, high = volume_range(scenario)
    return np.logspace(math.log10(low), math.log10(high), VOLUME_POINTS)


def _volume_table(comparison: Comparison) -> Table:
    from .cost import input_volume_costs

    grid = volume_grid(comparison.scenario)
    costs = input_volume_costs(comparison.prices, comparison.scenario, grid)
    rows: list[tuple[Cell, ...]] = []
    for row, model in enumerate(comparison.models):
        for column, volume in enumerate(grid):
            rows.append(
                (
                    model.id,
                    model.name,
                    float(volume),
                    comparison.scenario.output_tokens,
                    float(costs[column, row]),
                    comparison.currency,
                )
            )
    return Table(
        ("model_id", "model", "input_tokens", "output_tokens", "total_cost", "currency"), rows
    )


PROMPT_SIZE_POINTS = 81
"""Log-spaced prompt sizes on the cost-against-prompt-size chart (tier cliffs added)."""


def prompt_size_range(scenario: Scenario, thresholds: Sequence[float] = ()) -> tuple[float, float]:
    """Prompt sizes the chart spans: 1K to 2M tokens, widened to the scenario and tiers."""
    highest = max([scenario.prompt_tokens, *thresholds], default=scenario.prompt_tokens)
    return min(1e3, scenario.prompt_tokens), max(2e6, highest * 2)


def prompt_size_grid(comparison: Comparison) -> np.ndarray:
    """Prompt sizes to price: a log grid, the scenario's size, and both sides of every cliff.

    A tier applies above its threshold, so the threshold itself is the last
    size at the lower price and the next token the first at the tier's.
    """
    thresholds = sorted(
        {t for row in tier_thresholds(comparison.prices, comparison.scenario) for t in row}
    )
    low, high = prompt_size_range(comparison.scenario, thresholds)
    grid = np.logspace(math.log10(low), math.log10(high), PROMPT_SIZE_POINTS)
    extra = [comparison.scenario.prompt_tokens]
    for threshold in thresholds:
        extra += [threshold, threshold + 1]
    return np.unique(np.concatenate([grid, np.asarray(extra, dtype=float)]))


def _prompt_size_table(comparison: Comparison) -> Table:
    grid = prompt_size_grid(comparison)
    costs = prompt_size_costs(comparison.prices, comparison.scenario, grid)
    currency = comparison.currency
    rows: list[tuple[Cell, ...]] = []
    for row, model in enumerate(comparison.models):
        for column, size in enumerate(grid):
            rows.append((model.id, model.name, float(size), float(costs[column, row]), currency))
    return Table(("model_id", "model", "prompt_tokens", "total_cost", "currency"), rows)


def _value_table(comparison: Comparison) -> Table:
    definition = comparison.value_benchmark_definition()
    # The workload's effective price (cache, tiers and fees counted), as the value map plots.
    effective = price_per_mtok(comparison.costs, comparison.scenario)
    rows: list[tuple[Cell, ...]] = []
    for row, model in enumerate(comparison.models):
        result = model.benchmarks.get(definition.id) if definition else None
        rows.append(
            (
                model.id,
                model.name,
                float(effective[row]),
                definition.name if definition else "",
                None if result is None else result.score,
                "" if result is None or result.note is None else result.note,
                comparison.currency,
            )
        )
    return Table(
        ("model_id", "model", "effective_price_per_mtok", "benchmark", "score", "note", "currency"),
        rows,
    )


def _parameter_table(comparison: Comparison) -> Table:
    rows: list[tuple[Cell, ...]] = []
    for model in comparison.models:
        arch = model.architecture
        total = arch.total_params_b.value if arch and arch.total_params_b else None
        active = arch.active_params_b.value if arch and arch.active_params_b else None
        rows.append(
            (
                model.id,
                model.name,
                total,
                active,
                model.sparsity,
                arch.kind if arch and arch.kind else "",
            )
        )
    return Table(
        ("model_id", "model", "total_params_b", "active_params_b", "active_share", "architecture"),
        rows,
    )


PRICE_FIELDS = (
    ("input", "input_per_mtok"),
    ("cached_input", "cached_input_per_mtok"),
    ("output", "output_per_mtok"),
)
"""The prices the history chart follows: (field name in its CSV, attribute of a point)."""


def _price_history_table(comparison: Comparison) -> Table:
    rows: list[tuple[Cell, ...]] = []
    for charted in comparison.models:
        # The whole history, whatever date the comparison is priced as of.
        model = comparison.store.model(charted.id) or charted
        for option in price_options(model):
            for field_name, attribute in PRICE_FIELDS:
                price = getattr(option, attribute)
                if price is None:
                    continue
                rows.append(
                    (
                        model.id,
                        model.name,
                        option.label or "",
                        option.effective or "",
                        field_name,
                        float(price),
                        option.currency or comparison.store.currency,
                        option.source_title if option.source else "",
                    )
                )
    return Table(
        ("model_id", "model", "label", "effective", "field", "price", "currency", "source"), rows
    )


TASK_COST_HEADER = (
    "model_id",
    "model",
    "benchmark",
    "run",
    "solved",
    "cases",
    "prompt_tokens",
    "completion_tokens",
    "run_cost",
    "cost_per_solved",
    "currency",
)


def _task_cost_table(comparison: Comparison) -> Table:
    rows: list[tuple[Cell, ...]] = []
    for item in comparison.task_costs.priced:
        run = item.run
        rows.append(
            (
                item.model.id,
                item.model.name,
                run.benchmark,
                run.run,
                item.solved,
                item.cases,
                run.prompt_tokens,
                run.completion_tokens,
                item.run_cost,
                item.cost_per_solved,
                comparison.currency,
            )
        )
    return Table(TASK_COST_HEADER, rows)


def _task_value_table(comparison: Comparison) -> Table:
    rows: list[tuple[Cell, ...]] = []
    for item in comparison.task_costs.priced:
        rows.append(
            (
                item.model.id,
                item.model.name,
                item.run.benchmark,
                item.run.run,
                item.run.pass_rate_2,
                item.cost_per_solved,
                comparison.currency,
                "yes" if item.pareto else "no",
            )
        )
    return Table(
        (
            "model_id",
            "model",
            "benchmark",
            "run",
            "pass_rate",
            "cost_per_solved",
            "currency",
            "pareto_front",
        ),
        rows,
    )


_TABLES = {
    ChartKind.COST: _cost_table,
    ChartKind.VOLUME: _volume_table,
    ChartKind.BENCHMARKS: _benchmark_table,
    ChartKind.VALUE: _value_table,
    ChartKind.PARAMETERS: _parameter_table,
    ChartKind.PRICE_HISTORY: _price_history_table,
    ChartKind.PROMPT_SIZE: _prompt_size_table,
    ChartKind.TASK_COST: _task_cost_table,
    ChartKind.TASK_VALUE: _task_value_table,
}
