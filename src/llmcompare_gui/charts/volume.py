"""Monthly cost against monthly input volume, on log–log axes.

The output volume and cached share stay as in the scenario. The scenario's
input volume is a vertical line; where two cost lines cross (break-even) a
point marks it, and the crossings where the cheapest model changes are labelled.
Values are plotted as their base-10 logarithms on axes that label decades, so
that a free model (cost 0) cannot upset a log transform.
"""

from __future__ import annotations

import math

import numpy as np

from ..domain.comparison import ChartKind, Comparison, volume_grid, volume_range
from ..domain.cost import input_volume_costs
from ..domain.formatting import money, token_volume
from ..domain.scenario_text import scenario_knobs
from ._cost_lines import CostLinesChart, logarithmic
from .binding import pg
from .labels import TextPool, elide
from .plot import charted_rows

MAX_BREAK_EVEN_LABELS = 6


class VolumeChart(CostLinesChart):
    kind = ChartKind.VOLUME

    def _build(self) -> None:
        super()._build()
        self.crossings = pg.PlotDataItem(pen=None, symbol="o", symbolSize=9)
        self.crossings.setZValue(10)  # above the labels' backgrounds
        self.plot.addItem(self.crossings)
        self.labels = TextPool(self.plot, small=True, reserve=MAX_BREAK_EVEN_LABELS)

    def _recolour(self) -> None:
        super()._recolour()
        foreground = self.theme.foreground
        self.crossings.setSymbolBrush(pg.mkBrush(self.theme.background))
        self.crossings.setSymbolPen(pg.mkPen(foreground, width=1.8))

    def _show(self, comparison: Comparison) -> None:
        charted = charted_rows(comparison)
        rows = charted.rows
        currency = comparison.currency
        scenario = comparison.scenario
        self._set_title(
            f"Monthly cost against input volume ({token_volume(scenario.output_tokens)} "
            f"output tokens, {', '.join(scenario_knobs(scenario))})"
        )
        self._set_axis_labels(f"Cost per month ({currency})", "Input tokens per month")
        self.labels.begin()
        if not rows:
            for line in self.lines:
                line.setData([], [])
                line.setVisible(False)
            self.crossings.setData([], [])
            self.current.setVisible(False)
            self._set_legend([])
            self._set_note(charted.note)
            self.labels.end()
            self._show_empty("No models selected")
            return
        self._show_empty("")
        grid = volume_grid(scenario)
        prices = comparison.prices
        costs = input_volume_costs(prices, scenario, grid)[:, rows]
        log_x = np.log10(grid)
        log_costs = logarithmic(costs)
        for position, line in enumerate(self.lines):
            if position < len(rows):
                line.setData(log_x, log_costs[:, position])
                line.setVisible(True)
            else:
                line.setData([], [])
                line.setVisible(False)
        self._set_legend(
            [(self.lines[i], comparison.models[row].name) for i, row in enumerate(rows)]
        )
        self.current.setVisible(scenario.input_tokens > 0)
        if scenario.input_tokens > 0:
            self.current.setPos(math.log10(scenario.input_tokens))
            self.current.label.setFormat(f"scenario: {token_volume(scenario.input_tokens)}")
        bottom, top = float(log_costs.min()), float(log_costs.max())
        note = self._show_break_even(comparison, rows, (bottom + top) / 2)
        self._set_note("\n".join(part for part in (charted.note, note) if part))
        self.labels.end()
        low, high = volume_range(scenario)
        margin = max((top - bottom) * 0.06, 0.15)
        self._set_range(math.log10(low), math.log10(high), bottom - margin * 2.5, top + margin * 2)

    def _show_break_even(self, comparison: Comparison, rows: list[int], middle: float) -> str:
        """Mark and label the break-even points; ``middle`` is the cost axis's middle (log)."""
        low, high = volume_range(comparison.scenario)
        charted = set(rows)
        points = [
            point
            for point in comparison.break_even()
            if low <= point.input_tokens <= high and {point.first, point.second} <= charted
        ]
        if not points:
            self.crossings.setData([], [])
            return ""
        xs = np.log10([point.input_tokens for point in points])
        ys = logarithmic(np.array([point.cost for point in points]))
        self.crossings.setData(xs, ys)
        # Label the crossings where the cheapest model changes: the ones a buyer acts on.
        slope_costs = input_volume_costs(
            comparison.prices, comparison.scenario, np.array([p.input_tokens for p in points])
        )[:, rows]
        lowest = slope_costs.min(axis=1)
        names = comparison.models
        labelled = 0
        x_low, x_high = math.log10(low), math.log10(high)
        for index, point in enumerate(points):
            if point.cost > lowest[index] * (1 + 1e-9) + 1e-12:
                continue
            if labelled == MAX_BREAK_EVEN_LABELS:
                break
            labelled += 1
            first = elide(names[point.first].name, 140)
            second = elide(names[point.second].name, 140)
            text = (
                f"{first} = {second}\nat {token_volume(point.input_tokens)}, "
                f"{money(point.cost, comparison.currency)}"
            )
            # To the point's right in the left half of the chart, to its left in the right
            # half; below it in the upper half (cost lines rise to the right, leaving room
            # under them), above it in the lower half, so that a short chart does not cut
            # the label off at the bottom.
            horizontal = -0.04 if xs[index] < (x_low + x_high) / 2 else 1.04
            vertical = -0.15 if ys[index] >= middle else 1.15
            self.labels.take(
                text,
                float(xs[index]),
                float(ys[index]),
                anchor=(horizontal, vertical),
                colour=self.theme.foreground,
                fill=self.theme.background,
                tooltip=f"{names[point.first].name} and {names[point.second].name} cost the "
                f"same at {point.input_tokens:,.0f} input tokens a month: "
                f"{money(point.cost, comparison.currency)}",
            )
        return (
            f"○ break-even: {len(points)} volume(s) where two models cost the same "
            "(labelled where the cheapest model changes)"
        )

    def _costs_at(self, comparison: Comparison, value: float) -> np.ndarray:
        costs: np.ndarray = input_volume_costs(
            comparison.prices, comparison.scenario, np.array([value])
        )[0]
        return costs

    def _tooltip_heading(self, value: float) -> str:
        return f"At {token_volume(value)} input tokens a month:"
