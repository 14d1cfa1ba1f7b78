"""The charts the app draws, by name.

Apart from the rest of the domain so that the command line can list them in
``--help`` without loading numpy and pydantic.
"""

from __future__ import annotations

import enum


class ChartKind(enum.StrEnum):
    COST = "cost"
    VOLUME = "volume"
    BENCHMARKS = "benchmarks"
    VALUE = "value"
    PARAMETERS = "parameters"
    PRICE_HISTORY = "price-history"
    PROMPT_SIZE = "prompt-size"
    TASK_COST = "task-cost"
    TASK_VALUE = "task-value"

    @property
    def description(self) -> str:
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = {
    ChartKind.COST: "monthly cost per model for the scenario, split into input, cached input, "
    "cache writes, output, reasoning and request fees (cheapest first)",
    ChartKind.VOLUME: "monthly cost against input volume (log axes), with the scenario's "
    "volume marked and the break-even points where models cross",
    ChartKind.BENCHMARKS: "benchmark scores grouped by benchmark (models without a score "
    "are marked n/a)",
    ChartKind.VALUE: "value map: the workload's effective price per million tokens (cache, "
    "tiers and fees counted) against a benchmark score",
    ChartKind.PARAMETERS: "total against active parameters (MoE sparsity)",
    ChartKind.PRICE_HISTORY: "input, cached-input and output price per million tokens over "
    "time, one step per dated price point (CSV: model_id,model,label,effective,field,price,"
    "currency,source; one row per model, point and price the point gives, oldest first, "
    "each price as listed in its card's currency)",
    ChartKind.PROMPT_SIZE: "monthly cost against prompt size (tokens per request, log axes): "
    "long-context tiers as steps, the scenario's prompt size marked; its CSV has one row "
    "per model and size: model_id,model,prompt_tokens,total_cost,currency",
    ChartKind.TASK_COST: "cost of one solved Aider Polyglot task: the best run's tokens at each "
    "model's prices, divided by the tasks it solved (cheapest first)",
    ChartKind.TASK_VALUE: "cost per solved task against the pass rate, the Pareto front "
    "(good and cheap) marked",
}
