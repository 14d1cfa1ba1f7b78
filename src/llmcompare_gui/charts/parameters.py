"""Total against active parameters: how sparse each Mixture-of-Experts model is."""

from __future__ import annotations

from ..domain.comparison import ChartKind, Comparison
from ..domain.formatting import percent
from ..domain.model import Model
from ._points import PointChart
from .labels import elide


class ParametersChart(PointChart):
    kind = ChartKind.PARAMETERS
    empty_data_text = "No model has both parameter counts"

    def _texts(self, comparison: Comparison) -> tuple[str, str, str, str]:
        return (
            "Total and active parameters",
            "Active parameters per token (billions)",
            "Total parameters (billions)",
            "n/a — parameter counts not known",
        )

    def _values(self, comparison: Comparison, model: Model, row: int) -> tuple[float, float] | None:
        arch = model.architecture
        if arch is None or arch.total_params_b is None or arch.active_params_b is None:
            return None
        return arch.total_params_b.value, arch.active_params_b.value

    def _label(self, comparison: Comparison, model: Model, row: int) -> str:
        share = model.sparsity
        suffix = f" ({percent(share)} active)" if share is not None else ""
        return elide(model.name, 200) + suffix

    def _tooltip(self, comparison: Comparison, model: Model, values: tuple[float, float]) -> str:
        return (
            f"{model.name}: {values[0]:g}B total, {values[1]:g}B active "
            f"({percent(values[1] / values[0])} active)"
        )
