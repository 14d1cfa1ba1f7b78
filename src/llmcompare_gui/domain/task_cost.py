"""What one solved task costs: a benchmark run's tokens priced at a model's prices.

CONTRACT §8: ``run_cost = (prompt_tokens·input + completion_tokens·output) / 1,000,000``
at the model's current standard prices, divided by the tasks the run solved. The
model's run is its best one on the benchmark; a best run without token counts
(absent or zero) cannot be priced and is named instead.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from .benchmark_import import AIDER_POLYGLOT, best_run
from .model import BenchmarkRun, Model

PER_MILLION = Decimal(1_000_000)


@dataclass(frozen=True)
class TaskCost:
    model: Model
    run: BenchmarkRun
    run_cost: float
    cost_per_solved: float
    pareto: bool = False
    """No other model solves at least as large a share for less per solved task."""

    @property
    def solved(self) -> int:
        return self.run.pass_num_2 or 0

    @property
    def cases(self) -> int | None:
        return self.run.test_cases


@dataclass(frozen=True)
class TaskCosts:
    priced: list[TaskCost]
    """Cheapest per solved task first (ties by name)."""
    without_tokens: list[Model]
    """Models whose best run gives no token counts."""
    without_solved: list[Model]
    """Models whose best run solved nothing (or does not say how many)."""


def run_cost_exact(run: BenchmarkRun, model: Model) -> Decimal:
    """In decimal, so that a CSV says 2.3226996 rather than 2.3226995999999995."""
    pricing = model.pricing
    prompt = Decimal(run.prompt_tokens or 0)
    completion = Decimal(run.completion_tokens or 0)
    return (
        prompt * Decimal(repr(pricing.input_per_mtok))
        + completion * Decimal(repr(pricing.output_per_mtok))
    ) / PER_MILLION


def run_cost(run: BenchmarkRun, model: Model) -> float:
    return float(run_cost_exact(run, model))


def task_costs(models: Iterable[Model], benchmark: str = AIDER_POLYGLOT) -> TaskCosts:
    priced: list[TaskCost] = []
    without_tokens: list[Model] = []
    without_solved: list[Model] = []
    for model in models:
        run = best_run(model, benchmark)
        if run is None:
            continue
        if not run.prompt_tokens or not run.completion_tokens:
            without_tokens.append(model)
            continue
        if not run.pass_num_2:
            without_solved.append(model)
            continue
        cost = run_cost_exact(run, model)
        priced.append(TaskCost(model, run, float(cost), float(cost / run.pass_num_2)))
    priced.sort(key=lambda item: (item.cost_per_solved, item.model.name))
    return TaskCosts(_mark_pareto(priced), without_tokens, without_solved)


def _mark_pareto(costs: Sequence[TaskCost]) -> list[TaskCost]:
    """Mark the models no other beats on both pass rate (higher) and cost per task (lower)."""
    marked = []
    for item in costs:
        dominated = any(
            other.run.pass_rate_2 >= item.run.pass_rate_2
            and other.cost_per_solved <= item.cost_per_solved
            and (
                other.run.pass_rate_2 > item.run.pass_rate_2
                or other.cost_per_solved < item.cost_per_solved
            )
            for other in costs
        )
        marked.append(
            TaskCost(item.model, item.run, item.run_cost, item.cost_per_solved, not dominated)
        )
    return marked


def models_with_runs(models: Iterable[Model], benchmark: str = AIDER_POLYGLOT) -> bool:
    return any(run.benchmark == benchmark for model in models for run in model.benchmark_runs)


def tokens_per_task(run: BenchmarkRun) -> tuple[float, float]:
    """Prompt and completion tokens per case of the run (every case attempted, solved or not)."""
    cases = run.test_cases or 0
    if not run.has_tokens or cases <= 0:
        raise ValueError(f"run {run.run} gives no token counts or no number of cases")
    return (run.prompt_tokens or 0) / cases, (run.completion_tokens or 0) / cases


def run_workload(run: BenchmarkRun, tasks_per_month: float) -> tuple[float, float]:
    """Monthly input and output tokens for ``tasks_per_month`` tasks like the run's."""
    if not math.isfinite(tasks_per_month) or tasks_per_month <= 0:
        raise ValueError("the number of tasks a month must be positive")
    prompt, completion = tokens_per_task(run)
    # Whole tokens: a volume of 20,934,586.67 tokens means nothing more than 20,934,587.
    return float(round(prompt * tasks_per_month)), float(round(completion * tasks_per_month))
