"""The base of the charts that draw each model's cost as a line on log–log axes."""

from __future__ import annotations

import numpy as np

from ..domain.comparison import Comparison
from ..domain.formatting import money
from ..domain.limits import MAX_CHARTED_MODELS
from .axes import CompactAxis
from .binding import pg
from .plot import ChartBase, charted_rows

COST_FLOOR = 1e-4
"""Costs below this (in the currency) are drawn at it: a log axis has no zero."""
DASHES = (None, [6.0, 3.0], [2.0, 2.0])
"""Line styles for the first 8 models, the next 8, and so on: colours repeat."""


def logarithmic(values: np.ndarray) -> np.ndarray:
    """Costs as base-10 logarithms, a free model drawn at :data:`COST_FLOOR`."""
    logs: np.ndarray = np.log10(np.maximum(values, COST_FLOOR))
    return logs


class CostLinesChart(ChartBase):
    """A token axis and a cost axis, both logarithmic; a line per charted model and a
    dashed vertical marker at the scenario's value."""

    def _axes(self) -> dict[str, pg.AxisItem]:
        bottom = CompactAxis("bottom", tokens=True)
        left = CompactAxis("left")
        bottom.setLogMode(True)
        left.setLogMode(True)
        return {"left": left, "bottom": bottom}

    def _build(self) -> None:
        self.lines = [pg.PlotCurveItem() for _ in range(MAX_CHARTED_MODELS)]
        for line in self.lines:
            self.plot.addItem(line)
        self.current = pg.InfiniteLine(
            angle=90,
            movable=False,
            label="",
            labelOpts={"position": 0.96, "anchors": [(0, 0), (0, 0)]},
        )
        self.plot.addItem(self.current, ignoreBounds=True)

    def _line_pen(self, index: int) -> object:
        theme = self.theme
        pen = pg.mkPen(theme.colour(index), width=2.2)
        dash = DASHES[(index // len(theme.palette)) % len(DASHES)]
        if dash is not None:
            pen.setDashPattern(dash)
        return pen

    def _recolour(self) -> None:
        for index, line in enumerate(self.lines):
            line.setPen(self._line_pen(index))
        foreground = self.theme.foreground
        self.current.setPen(pg.mkPen(foreground, width=1.2, dash=[4.0, 4.0]))
        self.current.label.setColor(foreground)

    def _costs_at(self, comparison: Comparison, value: float) -> np.ndarray:
        """Every model's monthly cost at ``value`` on the token axis."""
        raise NotImplementedError

    def _tooltip_heading(self, value: float) -> str:
        raise NotImplementedError

    def tooltip_at(self, x: float, y: float) -> str:
        """Every charted model's cost at the token value under the cursor, cheapest first."""
        comparison = self._comparison
        if comparison is None or not comparison.models:
            return ""
        value = 10.0**x
        costs = self._costs_at(comparison, value)
        order = sorted(charted_rows(comparison).rows, key=lambda row: costs[row])
        lines = [self._tooltip_heading(value)]
        lines += [
            f"{comparison.models[row].name}: {money(float(costs[row]), comparison.currency)}"
            for row in order
        ]
        return "\n".join(lines)
