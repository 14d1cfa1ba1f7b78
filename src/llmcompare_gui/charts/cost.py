"""Monthly cost per model: horizontal stacked bars, cheapest at the top.

Each part of the cost the engine splits out (fresh input, cached read, cache
write, output, reasoning, request fees) is one bar item, created once; the
legend lists the parts that are not zero for the charted models.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..domain.comparison import ChartKind, Comparison
from ..domain.cost import cheapest_mask, free_mask
from ..domain.formatting import money
from ..domain.limits import MAX_CHARTED_MODELS
from .axes import nice_ceiling
from .binding import pg
from .labels import ChartFont, TextPool, elide, text_width
from .plot import ChartBase, charted_rows

INPUT_COLOUR = "#0072B2"  # blue
CACHED_COLOUR = "#56B4E9"  # sky blue
CACHE_WRITE_COLOUR = "#D55E00"  # vermillion
OUTPUT_COLOUR = "#E69F00"  # orange
REASONING_COLOUR = "#CC79A7"  # reddish purple
REQUEST_COLOUR = "#8C8C8C"  # grey
COMPONENTS = (
    ("input", "Input (not cached)", INPUT_COLOUR),
    ("cached_input", "Cached read", CACHED_COLOUR),
    ("cache_write", "Cache write", CACHE_WRITE_COLOUR),
    ("output", "Output", OUTPUT_COLOUR),
    ("reasoning", "Reasoning", REASONING_COLOUR),
    ("request", "Request fees", REQUEST_COLOUR),
)
"""The stacked parts, left to right: a CostBreakdown attribute, its legend text, its colour."""
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
        self.cheapest_frame = pg.BarGraphItem(
            x0=empty, y=empty, width=empty, height=BAR_THICKNESS + 0.16
        )
        plot.addItem(self.cheapest_frame)
        self._legend_entries: list[tuple[Any, str]] = []
        self.component_bars: dict[str, Any] = {}
        for key, _label, _colour in COMPONENTS:
            bars = pg.BarGraphItem(x0=empty, y=empty, width=empty, height=BAR_THICKNESS)
            plot.addItem(bars)
            self.component_bars[key] = bars
        self.input_bars = self.component_bars["input"]
        self.cached_bars = self.component_bars["cached_input"]
        self.output_bars = self.component_bars["output"]
        self.totals = TextPool(plot, reserve=MAX_CHARTED_MODELS)

    def _recolour(self) -> None:
        edge = pg.mkPen(self.theme.background, width=0.5)
        for key, _label, colour in COMPONENTS:
            self.component_bars[key].setOpts(brush=pg.mkBrush(colour), pen=edge)
        self.cheapest_frame.setOpts(brush=None, pen=pg.mkPen(CHEAPEST_COLOUR, width=2.5))

    @property
    def row_names(self) -> list[str]:
        """The names on the left axis, top row first as the rows are charted (elided)."""
        return list(self._tick_names)

    def legend_labels(self) -> list[str]:
        """The parts the legend lists now, in stacking order."""
        return [label for _sample, label in self._legend_entries]

    def _show(self, comparison: Comparison) -> None:
        charted = charted_rows(comparison, cheapest_order=True)
        rows = charted.rows
        currency = comparison.currency
        self._set_title(f"Monthly cost per model ({currency})")
        self._set_axis_labels("", f"Cost per month ({currency})")
        self._set_note(charted.note)
        self.totals.begin()
        costs = comparison.costs
        index = np.asarray(rows, dtype=int)
        parts = [np.asarray(getattr(costs, key), dtype=float)[index] for key, _l, _c in COMPONENTS]
        total = costs.total[index]
        y = np.arange(len(rows), dtype=float)
        left = np.zeros(len(rows))
        entries = []
        for (key, label, _colour), part in zip(COMPONENTS, parts, strict=True):
            bars = self.component_bars[key]
            bars.setOpts(x0=left, y=y, width=part)
            left = left + part
            if len(rows) and np.any(part):
                entries.append((bars, label))
        self._legend_entries = entries
        self._set_legend(entries)
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
        self._bars = (comparison, rows, parts, total)
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
        comparison, rows, parts, total = self._bars
        row = round(y)
        if not (0 <= row < len(rows) and abs(y - row) <= BAR_THICKNESS / 2):
            return ""
        if not 0 <= x <= max(float(total[row]), 0.0) * LABEL_ROOM:
            return ""
        currency = comparison.currency
        lines = [comparison.models[rows[row]].name]
        for (_key, label, _colour), part in zip(COMPONENTS, parts, strict=True):
            if part[row]:
                lines.append(f"{label.lower()}: {money(float(part[row]), currency)}")
        lines.append(f"total: {money(float(total[row]), currency)} a month")
        note = comparison.costs.notes[rows[row]]
        if note:
            lines.append(note)
        return "\n".join(lines)
