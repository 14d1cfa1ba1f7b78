"""The five chart figures: built, updated in place, robust, and true to the numbers."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import TypeVar

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from llmcompare_gui.charts import DARK, LIGHT, Theme, create_chart
from llmcompare_gui.charts.benchmarks import BenchmarksChart
from llmcompare_gui.charts.cost import CostChart
from llmcompare_gui.charts.parameters import ParametersChart
from llmcompare_gui.charts.plot import ChartBase
from llmcompare_gui.charts.price_history import PriceHistoryChart
from llmcompare_gui.charts.task_cost import TaskCostChart
from llmcompare_gui.charts.task_value import TaskValueChart
from llmcompare_gui.charts.value import ValueChart
from llmcompare_gui.charts.volume import VolumeChart
from llmcompare_gui.domain.comparison import ChartKind, Comparison
from llmcompare_gui.domain.price_points import priced_on

from .charting import HOSTILE, comparison

CHARTED = 15
"""Charts show at most this many models: the cheapest (written out, not read from the code)."""

pytestmark = pytest.mark.gui


C = TypeVar("C", bound=ChartBase)


def make_as(qtbot: QtBot, kind: ChartKind, cls: type[C], theme: Theme = LIGHT) -> C:
    """The chart the window makes for ``kind``, which must be a ``cls``."""
    chart = create_chart(kind, theme)
    assert isinstance(chart, cls), f"create_chart({kind}) made a {type(chart).__name__}"
    qtbot.addWidget(chart.widget)
    chart.widget.resize(1000, 600)
    return chart


def make(qtbot: QtBot, kind: ChartKind, theme: Theme = LIGHT) -> ChartBase:
    return make_as(qtbot, kind, ChartBase, theme)


def plot_items(chart: ChartBase) -> list[object]:
    return list(chart.plot.items)


def visible_texts(chart: ChartBase) -> list[str]:
    import pyqtgraph as pg

    return [
        item.toPlainText()
        for item in chart.plot.items
        if isinstance(item, pg.TextItem) and item.isVisible()
    ]


def note(chart: ChartBase) -> str:
    return chart.note_text


@pytest.mark.parametrize("kind", list(ChartKind))
@pytest.mark.parametrize("count", [0, 1, 3, 20])
def test_builds_for_any_number_of_models(qtbot: QtBot, kind: ChartKind, count: int) -> None:
    chart = make(qtbot, kind)
    assert chart.kind is kind
    chart.update_comparison(comparison(count))
    image = chart.widget.grab().toImage()
    assert image.width() == 1000
    if count == 0:
        assert "No models selected" in visible_texts(chart)
    else:
        assert "No models selected" not in visible_texts(chart)
    if count > CHARTED and kind not in TASK_KINDS:
        assert f"15 of {count} models, cheapest shown" in note(chart)


TASK_KINDS = (ChartKind.TASK_COST, ChartKind.TASK_VALUE)


@pytest.mark.parametrize("kind", list(ChartKind))
def test_updates_in_place(qtbot: QtBot, kind: ChartKind) -> None:
    chart = make(qtbot, kind)
    chart.update_comparison(comparison(5))
    before = plot_items(chart)
    for share in (0.0, 0.3, 0.9):
        chart.update_comparison(comparison(5, input_tokens=2e8 + share * 1e9, cached_share=share))
    after = plot_items(chart)
    assert [id(item) for item in after] == [id(item) for item in before]


@pytest.mark.parametrize("kind", list(ChartKind))
def test_dark_theme_recolours(qtbot: QtBot, kind: ChartKind) -> None:
    chart = make(qtbot, kind)
    chart.update_comparison(comparison(3))
    chart.set_theme(DARK)
    image = chart.widget.grab().toImage()
    corner = image.pixelColor(2, 2)
    assert corner.name().upper() == DARK.background.upper()


def test_cost_bars_are_the_cost_engines_numbers(qtbot: QtBot) -> None:
    chart = make_as(qtbot, ChartKind.COST, CostChart)
    comp = comparison(6, cached_share=0.4)
    chart.update_comparison(comp)
    table = comp.table(ChartKind.COST)
    column = {name: index for index, name in enumerate(table.header)}
    fresh = np.array([row[column["input_cost"]] for row in table.rows])
    cached = np.array([row[column["cached_input_cost"]] for row in table.rows])
    output = np.array([row[column["output_cost"]] for row in table.rows])
    np.testing.assert_array_equal(chart.input_bars.opts["width"], fresh)
    np.testing.assert_array_equal(chart.cached_bars.opts["width"], cached)
    np.testing.assert_array_equal(chart.output_bars.opts["width"], output)
    np.testing.assert_array_equal(chart.output_bars.opts["x0"], fresh + cached)
    names = chart.row_names
    # Cheapest first, as the CSV; long names elided to fit.
    assert len(names) == len(table.rows)
    for name, row in zip(names, table.rows, strict=True):
        assert str(row[1]).startswith(name.removesuffix("…"))
    texts = visible_texts(chart)
    assert any(text.endswith("cheapest") for text in texts)
    assert sum("cheapest" in text for text in texts) == 1


def test_cost_chart_charts_the_cheapest_fifteen(qtbot: QtBot) -> None:
    chart = make_as(qtbot, ChartKind.COST, CostChart)
    comp = comparison(20)
    chart.update_comparison(comp)
    widths = chart.input_bars.opts["width"]
    assert len(widths) == CHARTED
    table = comp.table(ChartKind.COST)
    totals = [row[table.header.index("total_cost")] for row in table.rows]
    shown = chart.input_bars.opts["width"] + chart.output_bars.opts["width"]
    np.testing.assert_allclose(shown, totals[:CHARTED])


def test_benchmarks_never_plot_a_note(qtbot: QtBot) -> None:
    chart = make_as(qtbot, ChartKind.BENCHMARKS, BenchmarksChart)
    comp = comparison(3)
    chart.update_comparison(comp)
    heights = sorted(
        float(h) for bar in (*chart.bars, *chart.claim_bars) for h in bar.opts["height"]
    )
    scores = sorted(
        result.score
        for model in comp.models
        for result in model.benchmarks.values()
        if result.score is not None
    )
    assert heights == scores  # 65.8, 74.8, 76.3 and Aider's 59.1, 71.4: notes are no bars
    texts = visible_texts(chart)
    assert any(text.startswith("n/a") for text in texts)
    # V3.1's SWE-Bench note is "N/A": one "n/a", not "n/a · N/A".
    assert not any("N/A" in text for text in texts)
    # DeepSeek V3/R1's note on SWE-Bench is shown at its slot, as text.
    assert any("Lower than Kimi K2" in text for text in texts)
    # AIME and GPQA have notes only: listed, not plotted, not dropped.
    assert "AIME" in note(chart)
    assert "Higher than DeepSeek V3" in note(chart)


def test_value_map_lists_models_without_a_score(qtbot: QtBot) -> None:
    chart = make_as(qtbot, ChartKind.VALUE, ValueChart)
    comp = comparison(3, benchmark="swe_bench_verified")
    chart.update_comparison(comp)
    xs, ys = chart.points.getData()
    assert list(ys) == [65.8]
    # Kimi K2's effective price: (1B × $0.60 + 100M × $2.50) / 1.1B tokens, per million.
    assert xs[0] == pytest.approx(850 / 1100)
    # V3.1's note "N/A" says no more than the heading's "n/a": the name alone.
    assert "DeepSeek V3.1 (N/A)" not in note(chart)
    assert "DeepSeek V3.1" in note(chart)
    assert "DeepSeek V3/R1 (Lower than Kimi K2)" in note(chart)
    assert "Kimi K2" in visible_texts(chart)


def test_parameters_group_identical_points(qtbot: QtBot) -> None:
    chart = make_as(qtbot, ChartKind.PARAMETERS, ParametersChart)
    chart.update_comparison(comparison(3))
    texts = visible_texts(chart)
    assert "Kimi K2 (3.2 % active)" in texts
    assert "DeepSeek V3.1 (5.5 % active)\nDeepSeek V3/R1 (5.5 % active)" in texts


def crossing_comparison() -> Comparison:
    """All input cached, V3.1 at the vendor's card (cached $0.07, output $1.68): it crosses
    V3/R1 at the article's ($0.30, $1.20). The article's three cards alone never cross."""
    article = comparison(3, cached_share=1.0)
    models = [
        priced_on(m, dt.date(2025, 9, 5)) if m.id == "deepseek-v3.1" else m for m in article.models
    ]
    return dataclasses.replace(article, models=models)


def test_volume_marks_scenario_and_break_even(qtbot: QtBot) -> None:
    chart = make_as(qtbot, ChartKind.VOLUME, VolumeChart)
    article = comparison(3, cached_share=1.0)
    # V3.1 at the vendor's card (cached $0.07, output $1.68) crosses V3/R1 at the article's
    # ($0.30, $1.20): the article's three cards alone never cross.
    models = [
        priced_on(m, dt.date(2025, 9, 5)) if m.id == "deepseek-v3.1" else m for m in article.models
    ]
    comp = dataclasses.replace(article, models=models)
    assert comp.break_even()
    chart.update_comparison(comp)
    assert chart.current.value() == pytest.approx(9.0)
    assert "scenario: 1B" in chart.current.label.toPlainText()
    xs, _ = chart.crossings.getData()
    assert len(xs) == len(comp.break_even())
    assert any(" = " in text for text in visible_texts(chart))


@pytest.mark.parametrize("kind", list(ChartKind))
def test_hostile_names_are_plain_text(qtbot: QtBot, kind: ChartKind) -> None:
    chart = make(qtbot, kind)
    chart.update_comparison(comparison(4))
    legend_html = [label.item.toHtml() for _, label in chart.legend.items]
    for html in legend_html:
        assert "<script>" not in html
    legend_text = [label.item.toPlainText() for _, label in chart.legend.items]
    if kind in (ChartKind.VOLUME, ChartKind.BENCHMARKS):
        assert HOSTILE in legend_text


def test_charts_know_nothing_of_export_or_window() -> None:
    import ast
    from pathlib import Path

    import llmcompare_gui.charts as charts

    for path in Path(charts.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(("ui", "export", "..ui", "..export")), path


def test_theme_module_needs_no_pyqtgraph() -> None:
    code = (
        "import sys; sys.modules['pyqtgraph'] = None\n"
        "from llmcompare_gui.charts.theme import LIGHT\n"
        "import llmcompare_gui.charts\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_process_with_charts_alive_at_exit_exits_cleanly(tmp_path: Path) -> None:
    """A window kept in a global until shutdown must not crash the process on exit."""
    script = tmp_path / "app.py"
    script.write_text(
        textwrap.dedent(
            """
            import os
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
            from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget
            app = QApplication([])
            from llmcompare_gui.charts import ChartKind, create_chart
            from llmcompare_gui.domain.comparison import Comparison
            from llmcompare_gui.domain.cost import Scenario
            from llmcompare_gui.store.jsonstore import default_store
            store = default_store()
            comparison = Comparison(store, store.models, Scenario(1e9, 1e8, 0.5))
            window = QMainWindow()
            tabs = QTabWidget()
            window.setCentralWidget(tabs)
            charts = [create_chart(kind) for kind in ChartKind]
            for chart in charts:
                tabs.addTab(chart.widget, chart.kind.value)
                chart.update_comparison(comparison)
                chart.widget.resize(600, 400)
                chart.widget.grab()
            window.grab()
            """
        )
    )
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


def test_hover_tooltips_give_exact_values(qtbot: QtBot) -> None:
    comp = comparison(3)
    cost = make_as(qtbot, ChartKind.COST, CostChart)
    cost.update_comparison(comp)
    tip = cost.tooltip_at(1.0, 0.0)
    # The cheapest: DeepSeek V3/R1, 1B × $0.30 + 100M × $1.20 = $420.
    assert "DeepSeek V3/R1" in tip
    assert "total: $420.00 a month" in tip
    assert cost.tooltip_at(1.0, 0.5) == ""  # between bars

    bench = make_as(qtbot, ChartKind.BENCHMARKS, BenchmarksChart)
    bench.update_comparison(comp)
    # Sweep across the groups rather than read where the bars are.
    texts = {bench.tooltip_at(float(x), 1.0) for x in np.arange(-1.0, 10.0, 0.01)} - {""}
    k2 = next(text for text in texts if text.startswith("Kimi K2\nSWE-Bench Verified"))
    # Who reported the figure, and where it is from.
    assert k2.startswith("Kimi K2\nSWE-Bench Verified: 65.8 % (vendor's claim)\nsource: Kimi K2 vs")
    aider = next(text for text in texts if text.startswith("Kimi K2\nAider Polyglot"))
    assert "59.1 % (independent run)" in aider
    assert "github.com/Aider-AI/aider" in aider
    assert "DeepSeek V3/R1\nSWE-Bench Verified: no score\nnote: Lower than Kimi K2" in texts

    volume = make_as(qtbot, ChartKind.VOLUME, VolumeChart)
    volume.update_comparison(comp)
    tip = volume.tooltip_at(9.0, 2.0)
    assert tip.splitlines()[0] == "At 1B input tokens a month:"
    assert "DeepSeek V3/R1: $420.00" in tip

    value = make_as(qtbot, ChartKind.VALUE, ValueChart)
    value.update_comparison(comp)
    value.widget.grab()
    x = 850 / 1100  # Kimi K2: (1B × $0.60 + 100M × $2.50) / 1.1B tokens, per million
    assert "Kimi K2" in value.tooltip_at(x, 65.8)
    assert value.tooltip_at(x * 0.1, 5.0) == ""


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen only
def test_hover_shows_a_tooltip(qtbot: QtBot) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QToolTip

    chart = make_as(qtbot, ChartKind.COST, CostChart)
    chart.widget.show()
    qtbot.waitExposed(chart.widget)
    chart.update_comparison(comparison(3))
    scene_pos = chart.plot.vb.mapViewToScene(QPointF(1.0, 0.0))
    chart.plot.scene().sigMouseMoved.emit(scene_pos)
    assert "cheapest" not in QToolTip.text()  # the tooltip is the breakdown, not the label
    assert "total: $420.00 a month" in QToolTip.text()
    QToolTip.hideText()


def test_models_with_missing_data_are_listed_not_plotted(qtbot: QtBot) -> None:
    from llmcompare_gui.domain.model import Model, Pricing

    comp = comparison(3)
    bare = Model(
        id="bare", name="Bare model", pricing=Pricing(input_per_mtok=1.0, output_per_mtok=2.0)
    )
    models = [*comp.models, bare]
    comp = Comparison(comp.store, models, comp.scenario)
    params = make_as(qtbot, ChartKind.PARAMETERS, ParametersChart)
    params.update_comparison(comp)
    assert "n/a — parameter counts not known: Bare model" in note(params)
    assert len(params.points.getData()[0]) == 3
    value = make_as(qtbot, ChartKind.VALUE, ValueChart)
    value.update_comparison(comp)
    assert "Bare model" in note(value)
    bench = make_as(qtbot, ChartKind.BENCHMARKS, BenchmarksChart)
    bench.update_comparison(comp)
    assert sum(text == "n/a" for text in visible_texts(bench)) >= 3  # one per benchmark
    cost = make_as(qtbot, ChartKind.COST, CostChart)
    cost.update_comparison(comp)
    assert len(cost.input_bars.opts["width"]) == 4


def test_free_model_on_log_axes(qtbot: QtBot) -> None:
    from llmcompare_gui.domain.model import Model, Pricing

    comp = comparison(2)
    free = Model(id="free", name="Free", pricing=Pricing(input_per_mtok=0.0, output_per_mtok=0.0))
    comp = Comparison(comp.store, [*comp.models, free], comp.scenario)
    for kind in ChartKind:
        chart = make(qtbot, kind)
        chart.update_comparison(comp)
        chart.widget.grab()


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1.0, 1.0), (1.01, 1.2), (0.0314, 0.035), (461 * 1.32, 700.0), (999.0, 1000.0), (0.0, 1.0)],
)
def test_nice_ceiling_rounds_up_to_a_round_number(value: float, expected: float) -> None:
    from llmcompare_gui.charts.axes import nice_ceiling

    assert nice_ceiling(value) == pytest.approx(expected)
    assert nice_ceiling(value) >= value


def test_price_history_draws_a_step_per_point_with_its_source_in_the_tooltip(
    qtbot: QtBot,
) -> None:
    chart = make_as(qtbot, ChartKind.PRICE_HISTORY, PriceHistoryChart)
    comp = comparison(3)
    v31 = next(m for m in comp.models if m.id == "deepseek-v3.1")
    comp = dataclasses.replace(comp, models=[v31], as_of=dt.date(2025, 9, 4))
    chart.update_comparison(comp)
    drawn = [line for line in chart.lines if line.getData()[0] is not None]
    drawn = [line for line in drawn if len(line.getData()[0])]
    assert len(drawn) == 3  # input, cached input and output of one model
    inputs = drawn[0].getData()[1]
    # Steps: 0.27 from 2025-08-21, 0.56 from 2025-09-05, 0.55 (the article) from 2026-11-29.
    assert list(inputs) == pytest.approx([0.27, 0.27, 0.56, 0.56, 0.55, 0.55])
    mid_september = calendar.timegm(dt.date(2025, 9, 20).timetuple())
    tip = chart.tooltip_at(mid_september, 0.56)
    assert "input $0.56/M from 2025-09-05" in tip
    assert "Source: DeepSeek API Docs: Models & Pricing" in tip
    assert chart.marker.isVisible()
    assert chart.marker.value() == calendar.timegm(dt.date(2025, 9, 4).timetuple())


def test_task_cost_bars_are_cost_per_solved_task_labelled_with_solved_n_of_m(
    qtbot: QtBot,
) -> None:
    chart = make_as(qtbot, ChartKind.TASK_COST, TaskCostChart)
    chart.update_comparison(comparison(3))
    bars = [*chart.cheapest_bar.opts["width"], *chart.bars.opts["width"]]
    # By hand: K2 (2,355,141 × 0.60 + 363,846 × 2.50) / 10^6 / 133 solved; V3/R1's best run
    # (R1 0528) (2,644,169 × 0.30 + 1,842,168 × 1.20) / 10^6 / 160 solved.
    assert bars == pytest.approx([2.3226996 / 133, 3.0038523 / 160])
    texts = visible_texts(chart)
    assert "$0.0175 per task · solved 133 of 225" in texts
    assert "$0.0188 per task · solved 160 of 224" in texts
    tip = chart.tooltip_at(0.01, 0.0)  # over the first bar: Kimi K2, the cheapest
    assert "Kimi K2" in tip
    assert "dated 2025-07-17" in tip
    assert "edit format diff" in tip
    # DeepSeek V3.1 has no Aider run: it is not a bar.
    assert not any("V3.1" in text for text in texts)


def test_task_charts_say_how_many_priced_models_are_shown(qtbot: QtBot) -> None:
    comp = comparison(40)
    priced = len(comp.task_costs.priced)
    assert priced > CHARTED
    for kind in TASK_KINDS:
        chart = make(qtbot, kind)
        chart.update_comparison(comp)
        assert f"15 of {priced} models, cheapest per task shown" in note(chart)


def test_task_value_marks_the_pareto_front(qtbot: QtBot) -> None:
    chart = make_as(qtbot, ChartKind.TASK_VALUE, TaskValueChart)
    chart.update_comparison(comparison(3))
    xs, ys = chart.rings.getData()
    # K2 solves 59.1 % for 0.01746 a task, V3/R1 71.4 % for 0.01877: neither beats the other.
    assert list(xs) == [59.1, 71.4]
    assert list(ys) == pytest.approx([2.3226996 / 133, 3.0038523 / 160])


def test_vendor_claims_are_hatched_and_stand_beside_independent_results(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    from llmcompare_gui.domain.benchmark_import import plan_benchmark_import, read_benchmark_csv

    comp = comparison(3)
    csv_text = (
        "model_id,benchmark,score,reported_by\ndeepseek-v3.1,aider-polyglot,70.5,independent\n"
    )
    store = plan_benchmark_import(comp.store, read_benchmark_csv(csv_text)).store
    both = Comparison(store, store.models, comp.scenario)
    chart = make_as(qtbot, ChartKind.BENCHMARKS, BenchmarksChart)
    chart.update_comparison(both)
    v31 = 1  # DeepSeek V3.1 is the second model
    solid = chart.bars[v31]
    hatched = chart.claim_bars[v31]
    assert list(solid.opts["height"]) == [70.5]
    assert sorted(hatched.opts["height"]) == [74.8, 76.3]
    # Side by side in the model's slot: the independent result and the claim do not overlap.
    aider_claim = list(hatched.opts["height"]).index(76.3)
    gap = abs(float(solid.opts["x"][0]) - float(hatched.opts["x"][aider_claim]))
    assert gap >= float(solid.opts["width"][0]) * 0.9
    assert hatched.opts["brush"].style() == Qt.BrushStyle.BDiagPattern
    assert solid.opts["brush"].style() == Qt.BrushStyle.SolidPattern
    legend = [label.item.toPlainText() for _, label in chart.legend.items]
    assert "independent run" in legend
    assert "claim (hatched)" in legend


@pytest.mark.parametrize("height", [260, 600])
def test_break_even_labels_stay_inside_a_short_volume_chart(qtbot: QtBot, height: int) -> None:
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    chart = make_as(qtbot, ChartKind.VOLUME, VolumeChart)
    chart.widget.resize(900, height)
    chart.widget.show()
    qtbot.waitExposed(chart.widget)
    chart.update_comparison(crossing_comparison())
    QApplication.processEvents()  # the layout settles before its geometry is measured
    box = chart.plot.getViewBox().sceneBoundingRect()
    labels = [
        item
        for item in chart.plot.items
        if isinstance(item, pg.TextItem) and item.isVisible() and " = " in item.toPlainText()
    ]
    assert labels
    for label in labels:
        rect = label.sceneBoundingRect()
        assert box.top() - 1 <= rect.top(), label.toPlainText()
        assert rect.bottom() <= box.bottom() + 1, label.toPlainText()
