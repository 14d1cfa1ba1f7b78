"""The chart figures (pyqtgraph), built from a Comparison and updated in place.

pyqtgraph is imported only when a chart is created, so that
``llmcompare_gui.charts.theme`` stays importable without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.comparison import ChartKind
from .theme import DARK, LIGHT, THEMES, Theme

if TYPE_CHECKING:
    from .base import ChartFigure

__all__ = ["DARK", "LIGHT", "THEMES", "ChartKind", "Theme", "create_chart"]


def create_chart(kind: ChartKind, theme: Theme = LIGHT) -> ChartFigure:
    """A new figure of ``kind``, empty until its first ``update_comparison``."""
    kind = ChartKind(kind)
    if kind is ChartKind.COST:
        from .cost import CostChart

        return CostChart(theme)
    if kind is ChartKind.VOLUME:
        from .volume import VolumeChart

        return VolumeChart(theme)
    if kind is ChartKind.BENCHMARKS:
        from .benchmarks import BenchmarksChart

        return BenchmarksChart(theme)
    if kind is ChartKind.VALUE:
        from .value import ValueChart

        return ValueChart(theme)
    if kind is ChartKind.PARAMETERS:
        from .parameters import ParametersChart

        return ParametersChart(theme)
    if kind is ChartKind.PRICE_HISTORY:
        from .price_history import PriceHistoryChart

        return PriceHistoryChart(theme)
    if kind is ChartKind.PROMPT_SIZE:
        from .prompt_size import PromptSizeChart

        return PromptSizeChart(theme)
    if kind is ChartKind.TASK_COST:
        from .task_cost import TaskCostChart

        return TaskCostChart(theme)
    if kind is ChartKind.TASK_VALUE:
        from .task_value import TaskValueChart

        return TaskValueChart(theme)
    raise ValueError(f"no chart for {kind!r}")
