"""The calculator's as-of date: the window prices each model with the point in force then."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QDateEdit
from pytestqt.qtbot import QtBot

from llmcompare_gui.ui.window.main_window import MainWindow

from .window_helpers import column, open_window, row_of, source_model

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    return open_window(qtbot, data_dir)


def set_as_of(qtbot: QtBot, window: MainWindow, day: dt.date | None) -> None:
    check = window.findChild(QCheckBox, "asOfCheck")
    edit = window.findChild(QDateEdit, "asOfDateEdit")
    assert check is not None
    assert edit is not None
    table = source_model(window)
    with qtbot.waitSignal(table.dataChanged, timeout=2000):
        if day is None:
            check.setChecked(False)
        else:
            edit.setDate(QDate(day.year, day.month, day.day))
            check.setChecked(True)


def v31(
    window: MainWindow, prefix: str, role: Qt.ItemDataRole = Qt.ItemDataRole.UserRole
) -> object:
    model = source_model(window)
    return model.index(row_of(model, "DeepSeek V3.1"), column(model, prefix)).data(role)


def test_a_day_before_v3_1s_vendor_card_prices_it_with_the_earlier_point(
    qtbot: QtBot, window: MainWindow
) -> None:
    scenario = window.current_comparison().scenario
    i, o = scenario.input_tokens, scenario.output_tokens
    c = scenario.cached_share
    # Today: the article's card, $0.55 in, $1.66 out, no cached price.
    assert v31(window, "Cost") == pytest.approx((i * 0.55 + o * 1.66) / 1e6)
    assert v31(window, "Price date") == "2026-11-29"

    set_as_of(qtbot, window, dt.date(2025, 9, 4))
    # The 2025-08-21 point: $0.27 in, $0.07 cached, $1.10 out (CONTRACT §3 by hand).
    expected = (i * (1 - c) * 0.27 + i * c * 0.07 + o * 1.10) / 1e6
    assert v31(window, "Cost") == pytest.approx(expected)
    assert v31(window, "Price date") == "2025-08-21"
    tip = str(v31(window, "Price date", Qt.ItemDataRole.ToolTipRole))
    assert "DeepSeek-V3.1 Release" in tip
    comparison = window.current_comparison()
    assert comparison.as_of == dt.date(2025, 9, 4)
    priced = next(m for m in comparison.models if m.id == "deepseek-v3.1")
    assert priced.pricing.input_per_mtok == 0.27

    set_as_of(qtbot, window, dt.date(2025, 9, 5))
    assert v31(window, "Price date") == "2025-09-05"

    set_as_of(qtbot, window, None)
    assert v31(window, "Cost") == pytest.approx((i * 0.55 + o * 1.66) / 1e6)


def test_a_point_more_than_six_months_old_on_the_day_is_marked(
    qtbot: QtBot, window: MainWindow
) -> None:
    set_as_of(qtbot, window, dt.date(2026, 6, 1))
    model = source_model(window)
    k2 = model.index(row_of(model, "Kimi K2"), column(model, "Price date"))
    # Kimi K2's vendor card of 2025-07-11 was in force, 325 days old.
    assert k2.data() == "2025-07-11 ⚠ stale"
    assert "More than six months old on 2026-06-01" in k2.data(Qt.ItemDataRole.ToolTipRole)
