"""Display currency: a model priced in yuan, costed in dollars with the rates' date, or in yuan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QTreeWidget
from pytestqt.qtbot import QtBot

from llmcompare_gui.bundled import read_resource_text
from llmcompare_gui.ui.window.main_window import MainWindow

from .window_helpers import column, open_window, row_of, source_model

pytestmark = pytest.mark.gui


def store_with_a_yuan_model(data_dir: Path) -> None:
    data = json.loads(read_resource_text("default_store.json"))
    data["exchange_rates"] = {"as_of": "2026-11-01", "source": "test", "rates": {"CNY": 8.0}}
    data["models"].append(
        {
            "id": "kimi-k2-cny",
            "name": "Kimi K2 (yuan)",
            "pricing": {"input_per_mtok": 4.0, "output_per_mtok": 16.0, "currency": "CNY"},
        }
    )
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "models.json").write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    store_with_a_yuan_model(data_dir)
    window = open_window(qtbot, data_dir)
    calculator = window.findChild(QTreeWidget, "costList")
    assert calculator is not None
    return window


def yuan_model_cost(window: MainWindow) -> float:
    model = source_model(window)
    value = model.index(row_of(model, "Kimi K2 (yuan)"), column(model, "Cost")).data(
        Qt.ItemDataRole.UserRole
    )
    return float(value)


def test_a_yuan_card_is_costed_in_dollars_with_the_rates_date_then_in_yuan(
    qtbot: QtBot, window: MainWindow
) -> None:
    scenario = window.current_comparison().scenario
    i, o = scenario.input_tokens, scenario.output_tokens
    yuan = (i * 4.0 + o * 16.0) / 1e6
    # 8 yuan to the dollar.
    assert yuan_model_cost(window) == pytest.approx(yuan / 8.0)
    label = window.findChild(QLabel, "exchangeRateLabel")
    assert label is not None
    assert "1 USD = 8 CNY (rates of 2026-11-01)" in label.text()
    assert not label.isHidden()
    model = source_model(window)
    header = model.headerData(column(model, "Cost"), Qt.Orientation.Horizontal)
    assert header == "Cost / month (USD)"

    combo = window.findChild(QComboBox, "displayCurrencyCombo")
    assert combo is not None
    assert [combo.itemText(i) for i in range(combo.count())] == ["USD", "CNY"]
    with qtbot.waitSignal(model.dataChanged, timeout=2000):
        combo.setCurrentIndex(1)
        combo.activated.emit(1)
    assert yuan_model_cost(window) == pytest.approx(yuan)
    assert model.headerData(column(model, "Cost"), Qt.Orientation.Horizontal) == (
        "Cost / month (CNY)"
    )
    # A dollar card shown in yuan: Kimi K2's article card, $0.60 in and $2.50 out.
    k2 = model.index(row_of(model, "Kimi K2"), column(model, "Cost")).data(Qt.ItemDataRole.UserRole)
    assert k2 == pytest.approx((i * 0.6 + o * 2.5) / 1e6 * 8.0)
    assert window.current_comparison().currency == "CNY"


def test_the_display_currency_is_remembered(qtbot: QtBot, data_dir: Path) -> None:
    store_with_a_yuan_model(data_dir)
    first = open_window(qtbot, data_dir)
    combo = first.findChild(QComboBox, "displayCurrencyCombo")
    assert combo is not None
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    first.close()
    second = open_window(qtbot, data_dir)
    again = second.findChild(QComboBox, "displayCurrencyCombo")
    assert again is not None
    assert again.currentText() == "CNY"
    assert second.current_comparison().currency == "CNY"
