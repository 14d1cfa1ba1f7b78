"""What one solved benchmark task costs: horizontal bars, cheapest per solved task on top.

Each bar is a model's best Aider Polyglot run, its tokens priced at the model's
current prices (CONTRACT §8), labelled with the cost per task and "solved N of M".
"""

from __future__ import annotations

import numpy as np

from ..domain.comparison import ChartKind, Comparison
from ..domain.formatting import fine_money
from ..domain.limits import MAX_CHARTED_MODELS
from ..domain.model import BenchmarkRun
from ..domain.task_cost import TaskCost
from .axes import nice_ceiling
from .binding import pg
from .labels import ChartFont, TextPool, elide, text_width
from .plot import ChartBase

BAR_COLOUR = "#0072B2"
CHEAPEST_COLOUR = "#009E73"
BAR_THICKNESS = 0.62
LABEL_ROOM = 1.9
"""The value axis runs this far past the longest bar, for its label."""


def solved_text(item: TaskCost) -> str:
    cases = f" of {item.cases}" if item.cases else ""
    return f"solved {item.solved}{cases}"


def run_details(run: BenchmarkRun) -> str:
    parts = [f"run {run.run}"]
    if run.date:
        parts.append(f"dated {run.date}")
    if run.edit_format:
        parts.append(f"edit format {run.edit_format}")
    return ", ".join(parts)


def left_out_note(comparison: Comparison, shown: int) -> str:
    costs = comparison.task_costs
    notes = []
    if len(costs.priced) > shown:
        notes.append(f"{shown} of {len(costs.priced)} models, cheapest per task shown")
    if costs.without_tokens:
        notes.append(
            "Best run without token counts, not priced: "
            + ", ".join(model.name for model in costs.without_tokens)
        )
    if costs.without_solved:
        notes.append(
            "Best run solved no task: " + ", ".join(model.name for model in costs.without_solved)
        )
    return "\n".join(notes)


class TaskCostChart(ChartBase):
    kind = ChartKind.TASK_COST

    def _build(self) -> None:
        self._shown: list[TaskCost] = []
        self._currency = "USD"
        plot = self.plot
        plot.invertY(True)
        empty = np.zeros(0)
        self.bars = pg.BarGraphItem(x0=empty, y=empty, width=empty, height=BAR_THICKNESS)
        self.cheapest_bar = pg.BarGraphItem(x0=empty, y=empty, width=empty, height=BAR_THICKNESS)
        plot.addItem(self.bars)
        plot.addItem(self.cheapest_bar)
        self.labels = TextPool(plot, reserve=MAX_CHARTED_MODELS)

    def _recolour(self) -> None:
        edge = pg.mkPen(self.theme.background, width=0.5)
        self.bars.setOpts(brush=pg.mkBrush(BAR_COLOUR), pen=edge)
        self.cheapest_bar.setOpts(brush=pg.mkBrush(CHEAPEST_COLOUR), pen=edge)

    def _show(self, comparison: Comparison) -> None:
        currency = comparison.currency
        self._currency = currency
        shown = comparison.task_costs.priced[:MAX_CHARTED_MODELS]
        self._shown = shown
        self._set_title(f"Cost per solved Aider Polyglot task ({currency})")
        self._set_axis_labels(
            "", f"Cost per solved task ({currency}): the best run's tokens at each model's prices"
        )
        self._set_note(left_out_note(comparison, len(shown)))
        self._set_legend([])
        self.labels.begin()
        axis = self.plot.getAxis("left")
        empty = np.zeros(0)
        if not shown:
            for item in (self.bars, self.cheapest_bar):
                item.setOpts(x0=empty, y=empty, width=empty)
            axis.setTicks([[]])
            axis.setWidth(20)
            self.labels.end()
            self._show_empty(
                "No models selected"
                if not comparison.models
                else "No compared model has a benchmark run with token counts "
                "(File → Import an Aider leaderboard)"
            )
            return
        self._show_empty("")
        values = np.array([item.cost_per_solved for item in shown])
        y = np.arange(len(shown), dtype=float)
        cheapest = values == values.min()
        self.bars.setOpts(
            x0=np.zeros(int((~cheapest).sum())), y=y[~cheapest], width=values[~cheapest]
        )
        self.cheapest_bar.setOpts(
            x0=np.zeros(int(cheapest.sum())), y=y[cheapest], width=values[cheapest]
        )
        names = [elide(item.model.name) for item in shown]
        axis.setTicks([list(enumerate(names))])
        axis.setWidth(max(text_width(name, ChartFont.normal()) for name in names) + 16)
        for position, item in enumerate(shown):
            is_cheapest = bool(cheapest[position])
            self.labels.take(
                f"{fine_money(item.cost_per_solved, currency)} per task · {solved_text(item)}",
                item.cost_per_solved,
                float(position),
                anchor=(-0.03, 0.5),
                colour=CHEAPEST_COLOUR if is_cheapest else self.theme.foreground,
                bold=is_cheapest,
                tooltip=self._tooltip(item),
            )
        self.labels.end()
        self._set_range(0.0, nice_ceiling(float(values.max()) * LABEL_ROOM), -0.6, len(shown) - 0.4)

    def _tooltip(self, item: TaskCost) -> str:
        currency = self._currency
        return (
            f"{item.model.name}\n"
            f"{fine_money(item.cost_per_solved, currency)} per solved task "
            f"({solved_text(item)}, {item.run.pass_rate_2:g} %)\n"
            f"run cost at these prices: {fine_money(item.run_cost, currency)} "
            f"for {item.run.prompt_tokens:,} prompt and {item.run.completion_tokens:,} "
            "completion tokens\n"
            f"{run_details(item.run)}"
        )

    def tooltip_at(self, x: float, y: float) -> str:
        row = round(y)
        if not (0 <= row < len(self._shown) and abs(y - row) <= BAR_THICKNESS / 2):
            return ""
        if not 0 <= x <= self._shown[row].cost_per_solved * LABEL_ROOM:
            return ""
        return self._tooltip(self._shown[row])
