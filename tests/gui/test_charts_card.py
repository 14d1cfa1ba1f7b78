"""The cost chart's stacked components and the cost-against-prompt-size chart."""

from __future__ import annotations

import json
import math
from typing import TypeVar

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from llmcompare_gui.charts import LIGHT, create_chart
from llmcompare_gui.charts.cost import CostChart
from llmcompare_gui.charts.plot import ChartBase
from llmcompare_gui.charts.prompt_size import PromptSizeChart
from llmcompare_gui.domain.comparison import ChartKind, Comparison
from llmcompare_gui.domain.cost import Scenario
from llmcompare_gui.domain.model import Store
from llmcompare_gui.store.jsonstore import default_store

from .test_card_columns import GEMINI_CARD

pytestmark = pytest.mark.gui


def tiered_store() -> Store:
    """The bundled store plus a model with Gemini 2.5 Pro's card (CONTRACT §2's example)."""
    data = json.loads(default_store().model_dump_json(exclude_unset=True))
    data["models"].append({"id": "gemini-like", "name": "Gemini-like", "pricing": GEMINI_CARD})
    return Store.model_validate(data)


C = TypeVar("C", bound=ChartBase)


def make(qtbot: QtBot, kind: ChartKind, cls: type[C]) -> C:
    """The chart the window makes for ``kind``, which must be a ``cls``."""
    chart = create_chart(kind, LIGHT)
    assert isinstance(chart, cls), f"create_chart({kind}) made a {type(chart).__name__}"
    qtbot.addWidget(chart.widget)
    chart.widget.resize(1000, 600)
    return chart


def only_gemini(scenario: Scenario) -> Comparison:
    store = tiered_store()
    return Comparison(store, [store.models[-1]], scenario)


def test_cost_bars_stack_every_non_zero_component(qtbot: QtBot) -> None:
    chart = make(qtbot, ChartKind.COST, CostChart)
    scenario = Scenario(1e9, 1e8, 0.0, cache_write_share=0.2)
    chart.update_comparison(only_gemini(scenario))
    bars = chart.component_bars
    # By hand from CONTRACT §3 with Gemini's card: 1B input, 20 % written to a 5-minute cache.
    fresh = 1e9 * 0.8 * 1.25 / 1e6  # 1,000
    write = 1e9 * 0.2 * 1.5625 / 1e6  # 312.5
    output = 1e8 * 10.0 / 1e6  # 1,000
    assert bars["input"].opts["width"] == pytest.approx([fresh])
    assert bars["cache_write"].opts["width"] == pytest.approx([write])
    assert bars["cache_write"].opts["x0"] == pytest.approx([fresh])
    assert bars["output"].opts["x0"] == pytest.approx([fresh + write])
    assert bars["output"].opts["width"] == pytest.approx([output])
    assert chart.legend_labels() == ["Input (not cached)", "Cache write", "Output"]
    tip = chart.tooltip_at(100.0, 0.0)
    assert "cache write: $312.50" in tip
    assert "total: $2,312.50 a month" in tip


def test_the_legend_follows_the_components(qtbot: QtBot) -> None:
    chart = make(qtbot, ChartKind.COST, CostChart)
    chart.update_comparison(only_gemini(Scenario(1e9, 1e8, 0.5)))
    assert chart.legend_labels() == ["Input (not cached)", "Cached read", "Output"]
    before = list(chart.plot.items)
    chart.update_comparison(only_gemini(Scenario(1e9, 1e8, 0.5, cache_write_share=0.1)))
    assert chart.legend_labels() == ["Input (not cached)", "Cached read", "Cache write", "Output"]
    assert [id(item) for item in chart.plot.items] == [id(item) for item in before]


def test_the_tooltip_names_the_rule_that_priced_a_bar(qtbot: QtBot) -> None:
    chart = make(qtbot, ChartKind.COST, CostChart)
    chart.update_comparison(only_gemini(Scenario(1e9, 1e8, 0.0, prompt_tokens=250_000)))
    tip = chart.tooltip_at(100.0, 0.0)
    assert "200K" in tip, tip
    # 250K > 200K: the whole request at the tier, 1B × 2.50 + 100M × 15.00 per million.
    assert "total: $4,000.00 a month" in tip


def line_value(chart: PromptSizeChart, size: float) -> float:
    x, y = chart.lines[0].getData()
    index = int(np.argmin(np.abs(x - math.log10(size))))
    assert x[index] == pytest.approx(math.log10(size), abs=1e-12), f"{size} not in the grid"
    return float(10 ** y[index])


def test_prompt_size_chart_draws_the_tier_cliff_as_a_step(qtbot: QtBot) -> None:
    chart = make(qtbot, ChartKind.PROMPT_SIZE, PromptSizeChart)
    chart.update_comparison(only_gemini(Scenario(1e9, 1e8, 0.0)))
    standard = (1e9 * 1.25 + 1e8 * 10.0) / 1e6  # 2,250 up to 200K tokens a prompt
    tier = (1e9 * 2.5 + 1e8 * 15.0) / 1e6  # 4,000 above
    assert line_value(chart, 10_000) == pytest.approx(standard)
    assert line_value(chart, 200_000) == pytest.approx(standard)
    assert line_value(chart, 200_001) == pytest.approx(tier)
    x, y = chart.lines[0].getData()
    assert 10 ** y[-1] == pytest.approx(tier), "the largest prompt is at the tier too"
    assert chart.current.value() == pytest.approx(math.log10(10_000))
    assert x.min() <= math.log10(1_000), "log x axis span"
    assert x.max() >= math.log10(400_000), "log x axis span"
    assert chart.plot.getAxis("bottom").logMode


def test_prompt_size_tooltip_gives_each_cost_at_the_size_under_the_cursor(qtbot: QtBot) -> None:
    chart = make(qtbot, ChartKind.PROMPT_SIZE, PromptSizeChart)
    chart.update_comparison(only_gemini(Scenario(1e9, 1e8, 0.0)))
    # 1B input and 100M output at $1.25/$10 per million up to 200K, $2.50/$15 above.
    below = chart.tooltip_at(math.log10(100_000), 0.0)
    assert below.splitlines() == ["At 100K prompt tokens per request:", "Gemini-like: $2,250.00"]
    above = chart.tooltip_at(math.log10(300_000), 0.0)
    assert above.splitlines()[1] == "Gemini-like: $4,000.00"


def test_prompt_size_chart_follows_the_scenario_in_place(qtbot: QtBot) -> None:
    chart = make(qtbot, ChartKind.PROMPT_SIZE, PromptSizeChart)
    chart.update_comparison(only_gemini(Scenario(1e9, 1e8, 0.0)))
    before = [id(item) for item in chart.plot.items]
    chart.update_comparison(only_gemini(Scenario(1e9, 1e8, 0.0, prompt_tokens=300_000)))
    assert chart.current.value() == pytest.approx(math.log10(300_000))
    assert [id(item) for item in chart.plot.items] == before


def test_value_map_plots_the_workloads_effective_price(qtbot: QtBot) -> None:
    store = tiered_store()
    store.models[-1].benchmarks = {}
    data = json.loads(store.model_dump_json(exclude_unset=True))
    data["models"][-1]["benchmarks"] = {"swe_bench_verified": {"score": 60.0}}
    store = Store.model_validate(data)
    scenario = Scenario(1e9, 1e8, 0.5)
    comparison = Comparison(store, [store.models[-1]], scenario, "swe_bench_verified")
    row = comparison.table(ChartKind.VALUE).rows[0]
    # 1B input half from cache at 0.125, half at 1.25, plus 100M output at 10: $1,687.50
    # over 1.1B tokens is $1.534… per million, not the no-cache blend of $2.045….
    assert row[2] == pytest.approx(1687.5 / 1100)
