"""Monthly cost per model: horizontal stacked bars, cheapest at the top."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..domain.comparison import ChartKind, Comparison
from ..domain.cost import cheapest_mask, free_mask
from ._common import (
    MAX_CHARTED_MODELS,
    ChartBase,
    ChartFont,
    TextPool,
    charted_rows,
    elide,
    money,
    nice_ceiling,
    pg,
    text_width,
)

INPUT_COLOUR = "#0072B2"  # blue
CACHED_COLOUR = "#56B4E9"  # sky blue
OUTPUT_COLOUR = "#E69F00"  # orange
CHEAPEST_COLOUR = "#009E73"  # bluish green
BAR_THICKNESS = 0.62
LABEL_ROOM = 1.32
"""The value axis runs this far past the longest bar, for its total label."""


class CostChart(ChartBase):
    kind = ChartKind.COST

    def _build(self) -> None:
        self._tick_names: list[str] = []
        self._bars: tuple[Any, ...] | None = None
        plot = self.plot
        plot.invertY(True)
        empty = np.zeros(0)
        self.input_bars = pg.BarGraphItem(x0=empty, y=empty, width=empty, height=BAR_THICKNESS)
        self.cached_bars = pg.BarGraphItem(x0=empty, y=empty, width=empty, height=BAR_THICKNESS)
        self.output_bars = pg.BarGraphItem(x0=empty, y=empty, width=empty, height=BAR_THICKNESS)
        self.cheapest_frame = pg.BarGraphItem(
            x0=empty, y=empty, width=empty, height=BAR_THICKNESS + 0.16
        )
        for item in (self.cheapest_frame, self.input_bars, self.cached_bars, self.output_bars):
            plot.addItem(item)
        self.totals = TextPool(plot, reserve=MAX_CHARTED_MODELS)
        self._legend_items = [
            (self.input_bars, "Input (not cached)"),
            (self.cached_bars, "Cached input"),
            (self.output_bars, "Output"),
        ]

    def _recolour(self) -> None:
        edge = pg.mkPen(self.theme.background, width=0.5)
        self.input_bars.setOpts(brush=pg.mkBrush(INPUT_COLOUR), pen=edge)
        self.cached_bars.setOpts(brush=pg.mkBrush(CACHED_COLOUR), pen=edge)
        self.output_bars.setOpts(brush=pg.mkBrush(OUTPUT_COLOUR), pen=edge)
        self.cheapest_frame.setOpts(brush=None, pen=pg.mkPen(CHEAPEST_COLOUR, width=2.5))

    def _show(self, comparison: Comparison) -> None:
        charted = charted_rows(comparison, cheapest_order=True)
        rows = charted.rows
        currency = comparison.currency
        self._set_title(f"Monthly cost per model ({currency})")
        self._set_axis_labels("", f"Cost per month ({currency})")
        self._set_note(charted.note)
        self._set_legend(self._legend_items if rows else [])
        self.totals.begin()
        costs = comparison.costs
        index = np.asarray(rows, dtype=int)
        fresh = costs.input[index]
        cached = costs.cached_input[index]
        output = costs.output[index]
        total = costs.total[index]
        y = np.arange(len(rows), dtype=float)
        self.input_bars.setOpts(x0=np.zeros(len(rows)), y=y, width=fresh)
        self.cached_bars.setOpts(x0=fresh, y=y, width=cached)
        self.output_bars.setOpts(x0=fresh + cached, y=y, width=output)
        axis = self.plot.getAxis("left")
        if not rows:
            self._bars = None
            self.cheapest_frame.setOpts(x0=np.zeros(0), y=np.zeros(0), width=np.zeros(0))
            axis.setTicks([[]])
            axis.setWidth(20)
            self._tick_names = []
            self.totals.end()
            self._show_empty("No models selected")
            return
        self._show_empty("")
        names = [elide(comparison.models[row].name) for row in rows]
        if names != self._tick_names:
            # Re-laying out the axis is costly; on most slider ticks the order stays.
            self._tick_names = names
            axis.setTicks([list(enumerate(names))])
            axis.setWidth(max(text_width(name, ChartFont.normal()) for name in names) + 16)
        cheapest = cheapest_mask(total)
        free = free_mask(total)
        self.cheapest_frame.setOpts(
            x0=np.zeros(int(cheapest.sum())), y=y[cheapest], width=total[cheapest]
        )
        # Tooltips are written when asked for (tooltip_at), not on every slider tick.
        self._bars = (
            comparison,
            [comparison.models[row] for row in rows],
            fresh,
            cached,
            output,
            total,
        )
        foreground = self.theme.foreground
        for position in range(len(rows)):
            label = money(float(total[position]), currency)
            is_cheapest = bool(cheapest[position])
            if is_cheapest:
                label += "  ✓ cheapest"
            elif free[position]:
                label += "  free"
            self.totals.take(
                label,
                float(total[position]),
                float(position),
                anchor=(-0.03, 0.5),
                colour=CHEAPEST_COLOUR if is_cheapest else foreground,
                bold=is_cheapest,
            )
        self.totals.end()
        highest = float(total.max())
        self._set_range(0.0, nice_ceiling(highest * LABEL_ROOM), -0.6, len(rows) - 0.4)

    def tooltip_at(self, x: float, y: float) -> str:
        if self._bars is None:
            return ""
        comparison, models, fresh, cached, output, total = self._bars
        row = round(y)
        if not (0 <= row < len(models) and abs(y - row) <= BAR_THICKNESS / 2):
            return ""
        if not 0 <= x <= max(float(total[row]), 0.0) * LABEL_ROOM:
            return ""
        currency = comparison.currency
        return (
            f"{models[row].name}\n"
            f"input (not cached): {money(float(fresh[row]), currency)}\n"
            f"cached input: {money(float(cached[row]), currency)}\n"
            f"output: {money(float(output[row]), currency)}\n"
            f"total: {money(float(total[row]), currency)} a month"
        )
