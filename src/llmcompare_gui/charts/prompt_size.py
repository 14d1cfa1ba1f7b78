"""Monthly cost against prompt size (tokens per request), long-context cliffs as steps.

The monthly volumes stay as in the scenario; the prompt size decides which
long-context tier prices the whole request (and how many requests pay a
per-request fee). The grid holds both sides of every threshold, so a tier
shows as a vertical step. The x axis is logarithmic, the cost axis linear.
"""

from __future__ import annotations

import math

import numpy as np

from ..domain.comparison import ChartKind, Comparison, prompt_size_grid
from ..domain.cost import prompt_size_costs
from ..domain.tokens import format_token_volume
from ._common import MAX_CHARTED_MODELS, ChartBase, CompactAxis, charted_rows, money, pg


class PromptSizeChart(ChartBase):
    kind = ChartKind.PROMPT_SIZE

    def _axes(self) -> dict[str, pg.AxisItem]:
        bottom = CompactAxis("bottom", tokens=True)
        bottom.setLogMode(True)
        return {"left": CompactAxis("left"), "bottom": bottom}

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

    def _recolour(self) -> None:
        for index, line in enumerate(self.lines):
            line.setPen(pg.mkPen(self.theme.colour(index), width=2.2))
        foreground = self.theme.foreground
        self.current.setPen(pg.mkPen(foreground, width=1.2, dash=[4.0, 4.0]))
        self.current.label.setColor(foreground)

    def _show(self, comparison: Comparison) -> None:
        charted = charted_rows(comparison)
        rows = charted.rows
        scenario = comparison.scenario
        self._set_title(
            f"Monthly cost against prompt size ({format_token_volume(scenario.input_tokens)} "
            f"input and {format_token_volume(scenario.output_tokens)} output tokens a month)"
        )
        self._set_axis_labels(
            f"Cost per month ({comparison.currency})", "Prompt tokens per request"
        )
        if not rows:
            for line in self.lines:
                line.setData([], [])
                line.setVisible(False)
            self.current.setVisible(False)
            self._set_legend([])
            self._set_note(charted.note)
            self._show_empty("No models selected")
            return
        self._show_empty("")
        grid = prompt_size_grid(comparison)
        costs = prompt_size_costs(comparison.prices, scenario, grid)[:, rows]
        log_x = np.log10(grid)
        for position, line in enumerate(self.lines):
            visible = position < len(rows)
            line.setData(log_x, costs[:, position]) if visible else line.setData([], [])
            line.setVisible(visible)
        self._set_legend(
            [(self.lines[i], comparison.models[row].name) for i, row in enumerate(rows)]
        )
        self.current.setVisible(True)
        self.current.setPos(math.log10(scenario.prompt_tokens))
        self.current.label.setFormat(f"scenario: {format_token_volume(scenario.prompt_tokens)}")
        self._set_note(charted.note)
        top = float(costs.max()) if costs.size else 1.0
        self._set_range(float(log_x[0]), float(log_x[-1]), 0.0, max(top, 1e-9) * 1.12)

    def tooltip_at(self, x: float, y: float) -> str:
        """Every charted model's cost at the prompt size under the cursor."""
        comparison = self._comparison
        if comparison is None or not comparison.models:
            return ""
        rows = charted_rows(comparison).rows
        size = 10.0**x
        costs = prompt_size_costs(comparison.prices, comparison.scenario, np.array([size]))[0]
        lines = [f"At {format_token_volume(size)} prompt tokens per request:"]
        lines += [
            f"{comparison.models[row].name}: {money(float(costs[row]), comparison.currency)}"
            for row in sorted(rows, key=lambda row: costs[row])
        ]
        return "\n".join(lines)
