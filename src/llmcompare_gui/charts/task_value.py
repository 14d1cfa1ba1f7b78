"""Cost per solved task against the pass rate: which models are both good and cheap.

A model is on the Pareto front when no other solves at least as large a share of
the tasks for less per solved task; the front is drawn as a step line and its
points ringed. Better is down and to the right.
"""

from __future__ import annotations

import math

import numpy as np

from ..domain.comparison import ChartKind, Comparison
from ..domain.formatting import fine_money
from ..domain.limits import MAX_CHARTED_MODELS
from ..domain.task_cost import TaskCost
from ._points import _span
from .binding import pg
from .labels import TextPool, elide, place_labels
from .plot import ChartBase
from .task_cost import left_out_note, run_details, solved_text

FRONT_COLOUR = "#009E73"


class TaskValueChart(ChartBase):
    kind = ChartKind.TASK_VALUE

    def _build(self) -> None:
        self._shown: list[TaskCost] = []
        self.front = pg.PlotDataItem(x=[], y=[], stepMode=None)
        self.rings = pg.ScatterPlotItem(size=22, symbol="o")
        self.points = pg.ScatterPlotItem(size=13)
        for item in (self.front, self.rings, self.points):
            self.plot.addItem(item)
        self.labels = TextPool(self.plot, reserve=MAX_CHARTED_MODELS)

    def _recolour(self) -> None:
        self.front.setPen(pg.mkPen(FRONT_COLOUR, width=2, style=pg.QtCore.Qt.PenStyle.DashLine))
        self.rings.setPen(pg.mkPen(FRONT_COLOUR, width=2.5))
        self.rings.setBrush(pg.mkBrush(None))
        self.points.setPen(pg.mkPen(self.theme.background, width=1.2))

    def _show(self, comparison: Comparison) -> None:
        currency = comparison.currency
        shown = comparison.task_costs.priced[:MAX_CHARTED_MODELS]
        self._shown = shown
        self._currency = currency
        self._set_title("Cost per solved task against pass rate (Aider Polyglot)")
        self._set_axis_labels(
            f"Cost per solved task ({currency})", "Pass rate (% of tasks solved, best run)"
        )
        self._set_note(left_out_note(comparison, len(shown)))
        self.labels.begin()
        if not shown:
            for item in (self.points, self.rings):
                item.setData(x=[], y=[])
            self.front.setData(x=[], y=[])
            self._set_legend([])
            self.labels.end()
            self._show_empty(
                "No models selected"
                if not comparison.models
                else "No compared model has a benchmark run with token counts"
            )
            return
        self._show_empty("")
        xs = [item.run.pass_rate_2 for item in shown]
        ys = [item.cost_per_solved for item in shown]
        brushes = [pg.mkBrush(self.theme.colour(i)) for i in range(len(shown))]
        self.points.setData(x=np.array(xs), y=np.array(ys), brush=brushes)
        front = sorted((item for item in shown if item.pareto), key=lambda i: i.run.pass_rate_2)
        self.rings.setData(
            x=np.array([i.run.pass_rate_2 for i in front]),
            y=np.array([i.cost_per_solved for i in front]),
        )
        self.front.setData(
            x=np.array([i.run.pass_rate_2 for i in front]),
            y=np.array([i.cost_per_solved for i in front]),
        )
        self._set_legend([(self.rings, "Pareto front (★)")])
        x_range = _span(xs, low_zero=True, head=0.12)
        x_range = (x_range[0], min(max(x_range[1], 10.0), 105.0))
        y_range = _span(ys, low_zero=True, head=0.2)
        texts = [elide(item.model.name, 200) + ("  ★" if item.pareto else "") for item in shown]
        view = self.plot.vb
        size = (view.width(), view.height())
        places = place_labels(
            xs,
            ys,
            texts,
            x_range,
            y_range,
            plot_pixels=size if min(size) > 80 else (900.0, 420.0),
        )
        for item, text, (x, y, anchor) in zip(shown, texts, places, strict=True):
            self.labels.take(
                text,
                x,
                y,
                anchor=anchor,
                colour=self.theme.foreground,
                tooltip=self._tooltip(item),
            )
        self.labels.end()
        self._set_range(*x_range, *y_range)

    def _tooltip(self, item: TaskCost) -> str:
        return (
            f"{item.model.name}: {item.run.pass_rate_2:g} % ({solved_text(item)}), "
            f"{fine_money(item.cost_per_solved, self._currency)} per solved task"
            + (" — on the Pareto front" if item.pareto else "")
            + f"\n{run_details(item.run)}"
        )

    def tooltip_at(self, x: float, y: float) -> str:
        view = self.plot.vb
        (x_low, x_high), (y_low, y_high) = view.viewRange()
        width, height = max(view.width(), 1.0), max(view.height(), 1.0)
        best, nearest = "", 10.0
        for item in self._shown:
            distance = math.hypot(
                (item.run.pass_rate_2 - x) / (x_high - x_low) * width,
                (item.cost_per_solved - y) / (y_high - y_low) * height,
            )
            if distance <= nearest:
                best, nearest = self._tooltip(item), distance
        return best
