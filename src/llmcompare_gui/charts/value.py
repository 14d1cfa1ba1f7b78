"""Value map: blended price per million tokens against a benchmark's score."""

from __future__ import annotations

from ..domain.comparison import ChartKind, Comparison
from ..domain.model import Model
from ._common import is_not_available, money
from ._points import PointChart


class ValueChart(PointChart):
    kind = ChartKind.VALUE
    empty_data_text = "No model has a score for this benchmark"

    def _texts(self, comparison: Comparison) -> tuple[str, str, str, str]:
        definition = comparison.value_benchmark_definition()
        share = comparison.scenario.input_share * 100
        bench = definition.name if definition else "benchmark"
        unit = f" ({definition.unit})" if definition and definition.unit else ""
        return (
            f"Value: price against {bench}",
            f"{bench}{unit}",
            f"Blended price ({comparison.currency} per million tokens, "
            f"{share:.0f} % input / {100 - share:.0f} % output)",
            f"n/a — no {bench} score",
        )

    def _values(self, comparison: Comparison, model: Model, row: int) -> tuple[float, float] | None:
        definition = comparison.value_benchmark_definition()
        if definition is None:
            return None
        result = model.benchmarks.get(definition.id)
        if result is None or result.score is None:
            return None
        return float(comparison.blended_prices()[row]), result.score

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
            f"{model.name}: {money(values[0], comparison.currency)} per million tokens "
            f"(blended), {name} {values[1]:g}"
        )
