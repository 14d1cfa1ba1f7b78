"""Monthly cost against the prompt size of each request, on log–log axes.

The monthly volumes stay as in the scenario; the prompt size decides how many
requests there are (per-request fees) and which long-context tier prices the
whole request. The grid holds a point either side of every tier threshold, so
a tier's cliff is drawn as a vertical step. The scenario's prompt size is a
dashed vertical line.
"""

from __future__ import annotations

import math

import numpy as np

from ..domain.comparison import ChartKind, Comparison, prompt_size_grid, prompt_size_range
from ..domain.cost import prompt_size_costs, tier_thresholds
from ..domain.formatting import token_volume
from ._cost_lines import CostLinesChart, logarithmic
from .plot import charted_rows


class PromptSizeChart(CostLinesChart):
    kind = ChartKind.PROMPT_SIZE

    def _build(self) -> None:
        super()._build()
        self._grid = np.zeros(0)

    def _show(self, comparison: Comparison) -> None:
        charted = charted_rows(comparison)
        rows = charted.rows
        currency = comparison.currency
        scenario = comparison.scenario
        self._set_title(
            f"Monthly cost against prompt size ({token_volume(scenario.input_tokens)} "
            f"input and {token_volume(scenario.output_tokens)} output tokens a month)"
        )
        self._set_axis_labels(f"Cost per month ({currency})", "Prompt tokens per request")
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
        self._grid = grid
        costs = prompt_size_costs(comparison.prices, scenario, grid)[:, rows]
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
        self.current.setVisible(True)
        self.current.setPos(math.log10(scenario.prompt_tokens))
        self.current.label.setFormat(f"scenario: {token_volume(scenario.prompt_tokens)}")
        thresholds = tier_thresholds(comparison.prices, scenario)
        tiered = sum(1 for row in rows if thresholds[row])
        note = (
            f"steps: {tiered} model(s) price the whole request at higher rates above a "
            "prompt size (long-context tiers)"
            if tiered
            else ""
        )
        self._set_note("\n".join(part for part in (charted.note, note) if part))
        low, high = prompt_size_range(
            scenario, [value for row in rows for value in thresholds[row]]
        )
        bottom, top = float(log_costs.min()), float(log_costs.max())
        margin = max((top - bottom) * 0.06, 0.15)
        self._set_range(math.log10(low), math.log10(high), bottom - margin * 2.5, top + margin * 2)

    def _costs_at(self, comparison: Comparison, value: float) -> np.ndarray:
        costs: np.ndarray = prompt_size_costs(
            comparison.prices, comparison.scenario, np.array([value])
        )[0]
        return costs

    def _tooltip_heading(self, value: float) -> str:
        return f"At {token_volume(value)} prompt tokens per request:"
