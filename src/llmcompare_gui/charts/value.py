"""Value map: the scenario's effective price per million tokens against a benchmark's score.

The effective price is the scenario's monthly cost over its tokens: cache
reads and writes, long-context tiers, request fees and the service tier count.
"""

from __future__ import annotations

import numpy as np

from ..domain.comparison import ChartKind, Comparison
from ..domain.cost import price_per_mtok
from ..domain.formatting import price_with_unit
from ..domain.model import Model
from ._points import PointChart
from .labels import is_not_available


class ValueChart(PointChart):
    kind = ChartKind.VALUE
    empty_data_text = "No model has a score for this benchmark"

    def _texts(self, comparison: Comparison) -> tuple[str, str, str, str]:
        definition = comparison.value_benchmark_definition()
        bench = definition.name if definition else "benchmark"
        unit = f" ({definition.unit})" if definition and definition.unit else ""
        return (
            f"Value: price against {bench}",
            f"{bench}{unit}",
            f"Effective price of the workload ({comparison.currency} per million tokens)",
            f"n/a — no {bench} score",
        )

    def _values(self, comparison: Comparison, model: Model, row: int) -> tuple[float, float] | None:
        definition = comparison.value_benchmark_definition()
        if definition is None:
            return None
        result = model.benchmarks.get(definition.id)
        if result is None or result.score is None:
            return None
        return float(self._effective_prices(comparison)[row]), result.score

    def _effective_prices(self, comparison: Comparison) -> np.ndarray:
        """Every model's effective price, worked out once per comparison (not once per point)."""
        memo = getattr(self, "_effective_memo", None)
        if memo is None or memo[0] is not comparison:
            memo = (comparison, price_per_mtok(comparison.costs, comparison.scenario))
            self._effective_memo = memo
        return memo[1]

    def _missing(self, comparison: Comparison, model: Model) -> str:
        definition = comparison.value_benchmark_definition()
        result = model.benchmarks.get(definition.id) if definition else None
        if result is not None and result.note and not is_not_available(result.note):
            return f"{model.name} ({result.note})"
        return model.name

    def _tooltip(self, comparison: Comparison, model: Model, values: tuple[float, float]) -> str:
        definition = comparison.value_benchmark_definition()
        name = definition.name if definition else "score"
        return (
            f"{model.name}: {price_with_unit(values[0], comparison.currency)} "
            f"(effective, per million tokens of this workload), {name} {values[1]:g}"
        )
