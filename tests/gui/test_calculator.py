"""The cost calculator: log sliders, exact editors, presets and the cost list."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QSlider,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from llmcompare_gui.domain.cost import Scenario
from llmcompare_gui.domain.model import BenchmarkRun, Store
from llmcompare_gui.domain.parsing import parse_token_volume
from llmcompare_gui.domain.presets import PRESETS
from llmcompare_gui.ui.calculator.calculator import CostCalculator
from llmcompare_gui.ui.calculator.slider_scale import SLIDER_MAX, slider_position, slider_value

pytestmark = pytest.mark.gui


@pytest.fixture
def calc(qtbot: QtBot) -> CostCalculator:
    widget = CostCalculator()
    qtbot.addWidget(widget)
    widget.set_scenario(Scenario(100e6, 20e6, 0.0))
    return widget


def child(calc: CostCalculator, kind: type[QWidget], name: str) -> QWidget:
    found = calc.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r}"
    return found


def slider(calc: CostCalculator, name: str) -> QSlider:
    found = child(calc, QSlider, name)
    assert isinstance(found, QSlider)
    return found


def edit(calc: CostCalculator, name: str) -> QLineEdit:
    found = child(calc, QLineEdit, name)
    assert isinstance(found, QLineEdit)
    return found


def type_into(qtbot: QtBot, line_edit: QLineEdit, text: str) -> None:
    line_edit.clear()
    qtbot.keyClicks(line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def test_contract_object_names_are_findable(calc: CostCalculator) -> None:
    assert calc.objectName() == "costCalculator"
    for name in ("inputTokensSlider", "outputTokensSlider", "cachedShareSlider"):
        assert isinstance(calc.findChild(QSlider, name), QSlider)
    for name in ("inputTokensEdit", "outputTokensEdit"):
        assert isinstance(calc.findChild(QLineEdit, name), QLineEdit)


def test_slider_mapping_round_trips_at_the_ends_and_everywhere() -> None:
    assert slider_value(0) == 1e3
    assert slider_value(SLIDER_MAX) == 100e9
    assert slider_position(1e3) == 0
    assert slider_position(100e9) == SLIDER_MAX
    values = [slider_value(p) for p in range(SLIDER_MAX + 1)]
    assert values == sorted(set(values)), "positions must be strictly increasing"
    assert all(slider_position(v) == p for p, v in enumerate(values))
    assert SLIDER_MAX // 8 >= 20, "at least 20 steps a decade"
    # Beyond the range, the slider pins at its ends.
    assert slider_position(0) == 0
    assert slider_position(10) == 0
    assert slider_position(5e12) == SLIDER_MAX


def test_slider_ends_drive_the_scenario(qtbot: QtBot, calc: CostCalculator) -> None:
    s = slider(calc, "inputTokensSlider")
    s.setValue(s.minimum())
    assert calc.scenario().input_tokens == 1e3
    assert edit(calc, "inputTokensEdit").text() == "1K"
    s.setValue(s.maximum())
    assert calc.scenario().input_tokens == 100e9
    assert edit(calc, "inputTokensEdit").text() == "100B"


def test_slider_up_raises_the_value_and_updates_the_editor(
    qtbot: QtBot, calc: CostCalculator
) -> None:
    s = slider(calc, "outputTokensSlider")
    before = calc.scenario().output_tokens
    with qtbot.waitSignal(calc.scenarioChanged) as blocker:
        qtbot.keyClick(s, Qt.Key.Key_Up)
    after = calc.scenario()
    assert blocker.args == [after]
    assert after.output_tokens > before
    assert after.input_tokens == 100e6
    assert after.output_tokens == 22e6  # the next step above 20M on the log scale
    assert edit(calc, "outputTokensEdit").text() == "22M"


def test_typed_volumes_are_kept_exactly(qtbot: QtBot, calc: CostCalculator) -> None:
    in_edit = edit(calc, "inputTokensEdit")
    out_edit = edit(calc, "outputTokensEdit")
    with qtbot.waitSignal(calc.scenarioChanged):
        type_into(qtbot, in_edit, "1B")
    type_into(qtbot, out_edit, "100M")
    assert calc.scenario() == Scenario(1e9, 1e8, 0.0)
    assert slider(calc, "inputTokensSlider").value() == 144  # (9 − 3) decades × 24 steps
    assert slider_value(slider(calc, "inputTokensSlider").value()) == 1e9


@pytest.mark.parametrize(
    ("text", "expected", "shown"),
    [
        ("2.5e6", 2.5e6, "2.5M"),
        ("750k", 750e3, "750K"),
        ("1_000_000", 1e6, "1M"),
        ("2,500,000", 2.5e6, "2.5M"),
        ("10M", 10e6, "10M"),
        ("2.5B", 2.5e9, "2.5B"),
        ("1234567", 1234567.0, "1.234567M"),
    ],
)
def test_token_syntax_is_accepted(
    qtbot: QtBot, calc: CostCalculator, text: str, expected: float, shown: str
) -> None:
    line_edit = edit(calc, "inputTokensEdit")
    type_into(qtbot, line_edit, text)
    assert calc.scenario().input_tokens == expected
    assert line_edit.property("invalid") is False
    # The editor shows a text that reads back as the exact value.
    assert line_edit.text() == shown


def test_exact_value_between_steps_survives_enter_on_unchanged_text(
    qtbot: QtBot, calc: CostCalculator
) -> None:
    line_edit = edit(calc, "inputTokensEdit")
    type_into(qtbot, line_edit, "1234567")
    assert line_edit.text() == "1.234567M"
    with qtbot.assertNotEmitted(calc.scenarioChanged):
        qtbot.keyClick(line_edit, Qt.Key.Key_Return)
    assert calc.scenario().input_tokens == 1234567.0


@pytest.mark.parametrize("text", ["abc", "-5", "10X", "", "1e999", "1e30", "1001T"])
def test_invalid_entries_are_refused_visibly(qtbot: QtBot, calc: CostCalculator, text: str) -> None:
    line_edit = edit(calc, "inputTokensEdit")
    before = calc.scenario()
    before_position = slider(calc, "inputTokensSlider").value()
    with qtbot.assertNotEmitted(calc.scenarioChanged):
        type_into(qtbot, line_edit, text)
    assert calc.scenario() == before
    assert slider(calc, "inputTokensSlider").value() == before_position
    assert line_edit.property("invalid") is True
    assert "border" in line_edit.styleSheet()
    message = calc.findChild(QLabel, "inputTokensError")
    assert isinstance(message, QLabel)
    assert not message.isHidden()
    assert repr(text.strip() if text.startswith("-") else text) in message.text()
    assert message.text() in line_edit.toolTip()
    # A good entry clears the message.
    type_into(qtbot, line_edit, "5M")
    assert calc.scenario().input_tokens == 5e6
    assert line_edit.property("invalid") is False
    assert message.isHidden()
    assert line_edit.styleSheet() == ""


def test_too_many_tokens_names_the_limit(qtbot: QtBot, calc: CostCalculator) -> None:
    type_into(qtbot, edit(calc, "inputTokensEdit"), "1e30")
    message = calc.findChild(QLabel, "inputTokensError")
    assert isinstance(message, QLabel)
    assert (
        message.text() == "Not applied: '1e30' is above the limit of 10^15 (1,000T) tokens a month"
    )
    type_into(qtbot, edit(calc, "inputTokensEdit"), "1e15")
    assert calc.scenario().input_tokens == 1e15
    assert message.isHidden()


def test_cost_columns_refit_when_a_normal_value_returns(calc: CostCalculator) -> None:
    tree = calc.findChild(QTreeWidget, "costList")
    assert isinstance(tree, QTreeWidget)
    names = ["Kimi K2", "DeepSeek V3.1"]
    calc.show_costs(names, np.array([850.0, 716.0]), "USD")
    normal = (tree.header().sectionSize(1), tree.header().sectionSize(2))
    calc.show_costs(names, np.array([850e12 / 3, 1.0]), "USD")
    assert calc.cost_rows()[0][1:] == ("$283.3T", "×283.3T")
    wide = (tree.header().sectionSize(1), tree.header().sectionSize(2))
    calc.show_costs(names, np.array([123456789.0, 1.0]), "USD")
    assert calc.cost_rows()[0][1:] == ("$123,456,789", "×123,456,789")
    assert tree.header().sectionSize(1) > wide[0]
    calc.show_costs(names, np.array([850.0, 716.0]), "USD")
    assert (tree.header().sectionSize(1), tree.header().sectionSize(2)) == normal


def test_negative_entry_says_negative(qtbot: QtBot, calc: CostCalculator) -> None:
    type_into(qtbot, edit(calc, "outputTokensEdit"), "-5")
    message = calc.findChild(QLabel, "outputTokensError")
    assert isinstance(message, QLabel)
    assert "negative" in message.text()


def test_values_beyond_the_slider_are_exact_and_pin_it(qtbot: QtBot, calc: CostCalculator) -> None:
    type_into(qtbot, edit(calc, "inputTokensEdit"), "1T")
    assert calc.scenario().input_tokens == 1e12
    assert slider(calc, "inputTokensSlider").value() == SLIDER_MAX
    type_into(qtbot, edit(calc, "outputTokensEdit"), "500")
    assert calc.scenario().output_tokens == 500
    assert slider(calc, "outputTokensSlider").value() == 0
    type_into(qtbot, edit(calc, "outputTokensEdit"), "0")
    assert calc.scenario().output_tokens == 0


def test_focus_out_applies(qtbot: QtBot, calc: CostCalculator) -> None:
    line_edit = edit(calc, "inputTokensEdit")
    line_edit.clear()
    qtbot.keyClicks(line_edit, "750k")
    assert calc.scenario().input_tokens == 100e6, "not applied while typing"
    with qtbot.waitSignal(calc.scenarioChanged):
        QApplication.sendEvent(
            line_edit, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason)
        )
    assert calc.scenario().input_tokens == 750e3


def test_cached_share_slider(qtbot: QtBot, calc: CostCalculator) -> None:
    with qtbot.waitSignal(calc.scenarioChanged):
        slider(calc, "cachedShareSlider").setValue(40)
    assert calc.scenario().cached_share == 0.4
    label = calc.findChild(QLabel, "cachedShareLabel")
    assert isinstance(label, QLabel)
    assert label.text() == "40 %"


def test_reasoning_overhead_defaults_to_none(qtbot: QtBot, calc: CostCalculator) -> None:
    spin = calc.findChild(QDoubleSpinBox, "reasoningOverheadSpin")
    assert isinstance(spin, QDoubleSpinBox)
    assert spin.text() == "none"
    assert "reasoning" in spin.toolTip()
    assert spin.maximum() >= 10
    with qtbot.waitSignal(calc.scenarioChanged):
        spin.setValue(1.5)
    assert calc.scenario().reasoning_overhead == 1.5
    spin.setValue(1.0)
    assert calc.scenario().reasoning_overhead == 1.0


def test_set_scenario_updates_controls_and_emits_nothing(
    qtbot: QtBot, calc: CostCalculator
) -> None:
    scenario = Scenario(2.5e9, 123_456_789, 0.333, 2.0)
    with qtbot.assertNotEmitted(calc.scenarioChanged):
        calc.set_scenario(scenario)
    assert calc.scenario() == scenario
    assert edit(calc, "inputTokensEdit").text() == "2.5B"
    assert edit(calc, "outputTokensEdit").text() == "123.456789M"
    # 2.5B lies between step 153 (2.4B) and 154 (2.6B): 2.6/2.5 is the nearer ratio.
    assert slider(calc, "inputTokensSlider").value() == 154
    assert slider(calc, "cachedShareSlider").value() == 33
    spin = calc.findChild(QDoubleSpinBox, "reasoningOverheadSpin")
    assert isinstance(spin, QDoubleSpinBox)
    assert spin.value() == 2.0
    # Leaving the editors untouched keeps the exact values.
    with qtbot.assertNotEmitted(calc.scenarioChanged):
        qtbot.keyClick(edit(calc, "outputTokensEdit"), Qt.Key.Key_Return)
    assert calc.scenario() == scenario


def test_presets_set_the_scenario_and_touching_a_control_goes_custom(
    qtbot: QtBot, calc: CostCalculator
) -> None:
    combo = calc.findChild(QComboBox, "workloadPreset")
    assert isinstance(combo, QComboBox)
    assert combo.itemText(0) == "Custom"
    names = [combo.itemText(i) for i in range(combo.count())]
    index = names.index("Coding agent")
    preset = PRESETS[index - 1]
    with qtbot.waitSignal(calc.scenarioChanged) as blocker:
        combo.activated.emit(index)
    expected = Scenario(2e9, 100e6, 0.8)
    assert (preset.input_tokens, preset.output_tokens, preset.cached_share) == (2e9, 100e6, 0.8)
    assert calc.scenario() == expected
    assert blocker.args == [expected]
    assert combo.currentIndex() == index
    assert edit(calc, "inputTokensEdit").text() == "2B"
    assert slider(calc, "cachedShareSlider").value() == 80
    slider(calc, "cachedShareSlider").setValue(70)
    assert combo.currentText() == "Custom"
    assert calc.scenario() == Scenario(2e9, 100e6, 0.7)


def test_preset_keeps_the_reasoning_overhead(qtbot: QtBot, calc: CostCalculator) -> None:
    calc.set_scenario(Scenario(1e6, 1e6, 0.0, 3.0))
    combo = calc.findChild(QComboBox, "workloadPreset")
    assert isinstance(combo, QComboBox)
    combo.activated.emit(combo.findText("Chatbot"))
    assert calc.scenario() == Scenario(50e6, 10e6, 0.2, 3.0)


def test_show_costs_marks_the_cheapest_and_shows_ratios(calc: CostCalculator) -> None:
    names = ["Kimi K2", "DeepSeek V3.1", "DeepSeek V3/R1"]
    calc.show_costs(names, np.array([850.0, 716.0, 420.0]), "USD")
    assert calc.cost_rows() == [
        ("Kimi K2", "$850.00", "×2.02"),
        ("DeepSeek V3.1", "$716.00", "×1.70"),
        ("DeepSeek V3/R1", "$420.00", "cheapest"),
    ]
    calc.show_costs(names, np.array([1234.5678, 0.00042, 420.0]), "USD")
    assert calc.cost_rows() == [
        ("Kimi K2", "$1,234.57", "×2,939,447"),
        ("DeepSeek V3.1", "$0.000420", "cheapest"),
        ("DeepSeek V3/R1", "$420.00", "×1,000,000"),
    ]


def test_show_costs_updates_rows_in_place(calc: CostCalculator) -> None:
    tree = calc.findChild(QTreeWidget, "costList")
    assert tree is not None
    names = ["A", "B"]
    calc.show_costs(names, np.array([2.0, 1.0]), "EUR")
    first_items = [tree.topLevelItem(i) for i in range(2)]
    assert first_items[1] is not None
    assert first_items[0] is not None
    assert first_items[1].font(0).bold()
    assert not first_items[0].font(0).bold()
    calc.show_costs(names, np.array([1.0, 3.0]), "EUR")
    assert [tree.topLevelItem(i) for i in range(2)] == first_items
    assert first_items[0].font(0).bold()
    assert not first_items[1].font(0).bold()
    assert calc.cost_rows() == [("A", "€1.00", "cheapest"), ("B", "€3.00", "×3.00")]
    calc.show_costs(["A", "B", "C"], np.array([1.0, 1.0, 0.5]), "CHF")
    assert calc.cost_rows() == [
        ("A", "CHF 1.00", "×2.00"),
        ("B", "CHF 1.00", "×2.00"),
        ("C", "CHF 0.50", "cheapest"),
    ]


def test_show_costs_edge_cases(calc: CostCalculator) -> None:
    calc.show_costs(["free", "paid"], np.array([0.0, 5.0]), "USD")
    # A model that costs nothing is free, not the cheapest (issue 13, item 10).
    assert calc.cost_rows() == [("free", "$0.00", "free"), ("paid", "$5.00", "cheapest")]
    calc.show_costs([], np.empty(0), "USD")
    assert calc.cost_rows() == []
    with pytest.raises(ValueError, match="2 names but 1 totals"):
        calc.show_costs(["a", "b"], np.array([1.0]), "USD")


def test_fits_a_side_panel(calc: CostCalculator) -> None:
    calc.show_costs([f"Model {i}" for i in range(15)], np.linspace(1, 1e6, 15), "USD")
    hint = calc.minimumSizeHint()
    assert hint.width() <= 360
    assert hint.height() <= 700


def test_choosing_the_current_preset_again_emits_nothing(
    qtbot: QtBot, calc: CostCalculator
) -> None:
    combo = calc.findChild(QComboBox, "workloadPreset")
    assert isinstance(combo, QComboBox)
    index = combo.findText("Chatbot")
    combo.activated.emit(index)
    with qtbot.assertNotEmitted(calc.scenarioChanged):
        combo.activated.emit(index)
        combo.activated.emit(0)  # "Custom" itself changes nothing
    assert calc.scenario() == Scenario(50e6, 10e6, 0.2)


def test_tooltips_explain_the_controls(calc: CostCalculator) -> None:
    tip = slider(calc, "inputTokensSlider").toolTip()
    assert tip.startswith("Input tokens / month, on a logarithmic scale from 1K to 100B")
    assert "750k" in edit(calc, "inputTokensEdit").toolTip()
    assert "cache" in slider(calc, "cachedShareSlider").toolTip()


def k2_run() -> tuple[Store, BenchmarkRun]:
    from llmcompare_gui.store.jsonstore import default_store

    store = default_store()
    k2 = store.model("kimi-k2")
    assert k2 is not None
    return store, k2.benchmark_runs[0]


def test_like_an_aider_run_sets_volumes_from_the_runs_tokens_per_task(
    qtbot: QtBot, calc: CostCalculator, monkeypatch: pytest.MonkeyPatch
) -> None:
    from llmcompare_gui.ui.calculator.run_workload import RunWorkloadDialog

    store, run = k2_run()
    combo = calc.findChild(QComboBox, "workloadPreset")
    assert isinstance(combo, QComboBox)
    names = [combo.itemText(i) for i in range(combo.count())]
    index = names.index("Like an Aider run…")
    model = combo.model()
    assert isinstance(model, QStandardItemModel)  # a QComboBox's own model
    item = model.item(index)
    assert not item.isEnabled()  # no model with a run yet
    calc.set_scenario(Scenario(1e6, 1e6, 0.25, 2.0))
    calc.set_models(store.models)
    assert item.isEnabled()
    monkeypatch.setattr(RunWorkloadDialog, "ask", staticmethod(lambda parent, runs: (run, 2000.0)))
    with qtbot.waitSignal(calc.scenarioChanged) as blocker:
        combo.activated.emit(index)
    # K2's run: 2,355,141 prompt and 363,846 completion tokens over 225 cases, × 2,000 tasks.
    # 20,934,586.67 and 3,234,186.67, in whole tokens.
    expected = Scenario(20934587.0, 3234187.0, 0.25, 2.0)
    assert blocker.args == [expected]
    assert calc.scenario() == expected
    assert combo.currentIndex() == index
    assert parse_token_volume(edit(calc, "inputTokensEdit").text()) == 20934587


def test_run_workload_dialog_reads_tasks_in_the_token_syntax(qtbot: QtBot) -> None:
    from llmcompare_gui.ui.calculator.run_workload import RunWorkloadDialog, run_choices

    store, run = k2_run()
    choices = run_choices(store.models)
    # V3 (0324) gives no token counts: not offered.
    assert [choice.run.run for choice in choices] == [
        "2025-07-17-17-41-54--kimi-k2-diff-or-pricing",
        "2025-06-06-16-47-07--r1-diff",
    ]
    dialog = RunWorkloadDialog(choices)
    qtbot.addWidget(dialog)
    dialog.tasks_edit.setText("2k")
    assert dialog.chosen() == (run, 2000.0)
    assert "10,467 input and 1,617 output tokens per task" in dialog.per_task.text()
    dialog.tasks_edit.setText("many")
    assert dialog.chosen() is None
