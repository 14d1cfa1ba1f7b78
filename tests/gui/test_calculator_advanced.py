"""The calculator's Advanced section: prompt size, cache writes, tiers, off-peak, reasoning."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import numpy as np
import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QSlider,
    QWidget,
)
from pytestqt.qtbot import QtBot

from llmcompare_gui.domain.cost import Scenario
from llmcompare_gui.ui.calculator.calculator import CostCalculator
from llmcompare_gui.ui.calculator.cost_list import PLAIN_CARD_NOTE

from .window_helpers import open_window, type_into

pytestmark = pytest.mark.gui

W = TypeVar("W", bound=QWidget)


@pytest.fixture
def calc(qtbot: QtBot) -> CostCalculator:
    widget = CostCalculator()
    qtbot.addWidget(widget)
    widget.set_scenario(Scenario(100e6, 20e6, 0.0))
    return widget


def find(calc: QWidget, kind: type[W], name: str) -> W:
    found = calc.findChild(kind, name)
    assert isinstance(found, kind), f"no {kind.__name__} named {name!r}"
    return found


def slider(calc: QWidget, name: str) -> QSlider:
    found = find(calc, QSlider, name)
    assert isinstance(found, QSlider)
    return found


def combo(calc: QWidget, name: str) -> QComboBox:
    found = find(calc, QComboBox, name)
    assert isinstance(found, QComboBox)
    return found


def line(calc: QWidget, name: str) -> QLineEdit:
    found = find(calc, QLineEdit, name)
    assert isinstance(found, QLineEdit)
    return found


ADVANCED_CONTROLS: list[tuple[type[QWidget], str]] = [
    (QLineEdit, "promptTokensEdit"),
    (QSlider, "cacheWriteShareSlider"),
    (QComboBox, "cacheTtlCombo"),
    (QComboBox, "serviceTierCombo"),
    (QSlider, "offPeakShareSlider"),
    (QDoubleSpinBox, "reasoningOverheadSpin"),
]


def test_advanced_is_collapsed_by_default_and_holds_the_new_knobs(
    qtbot: QtBot, calc: CostCalculator
) -> None:
    calc.show()
    section = find(calc, QWidget, "advancedSection")
    assert not section.isVisible()
    assert not calc.advanced_open()
    for kind, name in ADVANCED_CONTROLS:
        control = find(calc, kind, name)
        assert section.isAncestorOf(control), name
        assert control.accessibleName(), f"{name} has no accessible name"
        assert control.toolTip(), f"{name} has no tooltip"
    with qtbot.waitSignal(calc.advancedToggled) as toggled:
        find(calc, QAbstractButton, "advancedToggle").click()
    assert toggled.args == [True]
    assert section.isVisible()
    assert find(calc, QLineEdit, "promptTokensEdit").isVisible()


def test_restoring_the_open_state_emits_nothing(qtbot: QtBot, calc: CostCalculator) -> None:
    calc.show()
    with qtbot.assertNotEmitted(calc.advancedToggled):
        calc.set_advanced_open(True)
    assert calc.advanced_open()
    assert find(calc, QWidget, "advancedSection").isVisible()
    calc.set_advanced_open(False)
    assert not find(calc, QWidget, "advancedSection").isVisible()


def test_each_knob_changes_its_field_once(qtbot: QtBot, calc: CostCalculator) -> None:
    calc.set_advanced_open(True)
    with qtbot.waitSignal(calc.scenarioChanged) as changed:
        slider(calc, "cacheWriteShareSlider").setValue(25)
    assert changed.args[0].cache_write_share == 0.25
    with qtbot.waitSignal(calc.scenarioChanged) as changed:
        ttl = combo(calc, "cacheTtlCombo")
        ttl.activated.emit(ttl.findData("1h"))
    assert changed.args[0].cache_ttl == "1h"
    with qtbot.waitSignal(calc.scenarioChanged) as changed:
        tier = combo(calc, "serviceTierCombo")
        tier.activated.emit(tier.findData("batch"))
    assert changed.args[0].service_tier == "batch"
    with qtbot.waitSignal(calc.scenarioChanged) as changed:
        slider(calc, "offPeakShareSlider").setValue(40)
    assert changed.args[0].off_peak_share == 0.4
    scenario = calc.scenario()
    assert (scenario.cache_write_share, scenario.cache_ttl, scenario.service_tier) == (
        0.25,
        "1h",
        "batch",
    )
    assert scenario.off_peak_share == 0.4
    assert scenario.input_tokens == 100e6, "the volumes are untouched"


def test_prompt_size_is_applied_on_enter_with_the_token_syntax(
    qtbot: QtBot, calc: CostCalculator
) -> None:
    calc.show()
    calc.set_advanced_open(True)
    edit = line(calc, "promptTokensEdit")
    assert edit.text() == "10K"
    with qtbot.waitSignal(calc.scenarioChanged) as changed:
        type_into(qtbot, edit, "250k")
    assert changed.args[0].prompt_tokens == 250_000
    assert edit.text() == "250K"


@pytest.mark.parametrize("text", ["0", "-5", "lots"])
def test_a_bad_prompt_size_is_refused_visibly(
    qtbot: QtBot, calc: CostCalculator, text: str
) -> None:
    calc.show()
    calc.set_advanced_open(True)
    edit = line(calc, "promptTokensEdit")
    with qtbot.assertNotEmitted(calc.scenarioChanged):
        type_into(qtbot, edit, text)
    error = find(calc, QLabel, "promptTokensError")
    assert isinstance(error, QLabel)
    assert error.isVisible()
    assert "Not applied" in error.text()
    assert calc.scenario().prompt_tokens == 10_000


def test_cached_and_written_shares_never_pass_100_percent(
    qtbot: QtBot, calc: CostCalculator
) -> None:
    slider(calc, "cachedShareSlider").setValue(70)
    slider(calc, "cacheWriteShareSlider").setValue(50)
    assert calc.scenario().cached_share == 0.7
    assert calc.scenario().cache_write_share == pytest.approx(0.3)
    assert slider(calc, "cacheWriteShareSlider").value() == 30
    assert calc.scenario().cached_share + calc.scenario().cache_write_share <= 1.0
    slider(calc, "cachedShareSlider").setValue(100)
    assert calc.scenario().cached_share == pytest.approx(0.7)
    assert calc.scenario().cached_share + calc.scenario().cache_write_share <= 1.0


def test_set_scenario_shows_every_knob_and_emits_nothing(
    qtbot: QtBot, calc: CostCalculator
) -> None:
    scenario = Scenario(
        2e9,
        1e8,
        0.5,
        reasoning_overhead=2.0,
        cache_write_share=0.2,
        cache_ttl="1h",
        prompt_tokens=250_000,
        service_tier="priority",
        off_peak_share=0.3,
    )
    with qtbot.assertNotEmitted(calc.scenarioChanged):
        calc.set_scenario(scenario)
    assert calc.scenario() == scenario
    assert line(calc, "promptTokensEdit").text() == "250K"
    assert slider(calc, "cacheWriteShareSlider").value() == 20
    assert find(calc, QLabel, "cacheWriteShareLabel").text() == "20 %"
    assert combo(calc, "cacheTtlCombo").currentData() == "1h"
    assert combo(calc, "serviceTierCombo").currentData() == "priority"
    assert slider(calc, "offPeakShareSlider").value() == 30
    spin = find(calc, QDoubleSpinBox, "reasoningOverheadSpin")
    assert spin.value() == 2.0


def test_shares_between_slider_steps_are_kept_exactly(qtbot: QtBot, calc: CostCalculator) -> None:
    """Showing 12.5 % on a slider of whole percents must not feed 12 % back as a change."""
    scenario = Scenario(1e9, 1e8, 0.125, cache_write_share=0.125, off_peak_share=1 / 3)
    with qtbot.assertNotEmitted(calc.scenarioChanged):
        calc.set_scenario(scenario)
    assert calc.scenario() == scenario
    assert slider(calc, "cacheWriteShareSlider").value() == 12
    assert find(calc, QLabel, "cacheWriteShareLabel").text() == "12.5 %"


def test_cost_list_shows_each_non_zero_component_and_the_rule(calc: CostCalculator) -> None:
    names = ["Gemini", "Kimi"]
    components = {
        "input": np.array([10.0, 5.0]),
        "cached_input": np.array([0.0, 0.0]),
        "cache_write": np.array([2.5, 0.0]),
        "output": np.array([30.0, 12.0]),
        "reasoning": np.array([0.0, 0.0]),
        "request": np.array([0.0, 0.0]),
    }
    rule = "prompt 250K > 200K: whole request at the long-context rates"
    calc.show_costs(names, np.array([42.5, 17.0]), "USD", components=components, notes=[rule, ""])
    assert calc.component_rows() == [
        {"Input": "$10.00", "Cache write": "$2.50", "Output": "$30.00"},
        {"Input": "$5.00", "Cache write": "$0.00", "Output": "$12.00"},
    ]
    assert calc.row_rules() == [rule, PLAIN_CARD_NOTE]
    # The rule reaches the cost cell's neighbours too: a reader hovering the name sees it.
    calc.show_costs(
        names,
        np.array([42.5, 17.0]),
        "USD",
        components={**components, "cache_write": np.zeros(2)},
        notes=["", "no batch price: standard prices"],
    )
    assert calc.component_rows() == [
        {"Input": "$10.00", "Output": "$30.00"},
        {"Input": "$5.00", "Output": "$12.00"},
    ]
    assert calc.row_rules() == [PLAIN_CARD_NOTE, "no batch price: standard prices"]


def test_the_window_remembers_the_advanced_section(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path)
    calc = window.findChild(CostCalculator, "costCalculator")
    assert isinstance(calc, CostCalculator)
    assert not calc.advanced_open(), "closed the first time"
    toggle = find(calc, QAbstractButton, "advancedToggle")
    toggle.click()
    assert calc.advanced_open()
    slider(calc, "offPeakShareSlider").setValue(35)
    window.close()
    again = open_window(qtbot, tmp_path)
    calc = again.findChild(CostCalculator, "costCalculator")
    assert isinstance(calc, CostCalculator)
    assert calc.advanced_open()
    assert calc.scenario().off_peak_share == 0.35
    again.close()
