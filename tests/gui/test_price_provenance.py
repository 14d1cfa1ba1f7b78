"""A price edited in the table becomes the user's own price point; undo restores the file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from llmcompare_gui.domain.comparison import ChartKind, Comparison
from llmcompare_gui.domain.cost import Scenario
from llmcompare_gui.export.captions import data_footnote
from llmcompare_gui.ui.window.main_window import MainWindow

from .window_helpers import column, open_window, row_of, source_model, stored_models

pytestmark = pytest.mark.gui

ARTICLE = "Kimi K2 vs DeepSeek V3/R1 Architecture and Performance Metrics Unpacked"


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    window = open_window(qtbot, data_dir)
    window.show()
    qtbot.waitExposed(window)
    return window


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert isinstance(found, QAction), name
    return found


def test_an_edited_price_is_credited_to_the_user_and_undo_restores_it(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    model = source_model(window)
    index = model.index(row_of(model, "Kimi K2"), column(model, "Input"))
    assert model.setData(index, 0.6, Qt.ItemDataRole.EditRole)  # unchanged: nothing written
    qtbot.waitUntil(lambda: (data_dir / "models.json").exists(), timeout=3000)
    original = (data_dir / "models.json").read_bytes()
    before = json.loads(original)["models"][0]["pricing"]

    assert model.setData(index, 0.75, Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(
        lambda: stored_models(data_dir)["kimi-k2"]["pricing"]["input_per_mtok"] == 0.75,
        timeout=3000,
    )
    today = dt.date.today().isoformat()
    pricing = stored_models(data_dir)["kimi-k2"]["pricing"]
    assert pricing["source"] == {"title": "Edited by the user", "retrieved": today}
    assert pricing["as_of"] == today
    assert pricing["effective"] == today
    assert pricing["history"][-1] == {
        "effective": "2026-11-29",
        "input_per_mtok": 0.6,
        "output_per_mtok": 2.5,
        "source": before["source"],
        "note": f"Price before an edit on {today}",
    }
    assert pricing["history"][:-1] == before["history"]
    assert "cached_input_source" not in pricing  # the article's card has no cached price

    action(window, "undoAction").trigger()
    qtbot.waitUntil(lambda: (data_dir / "models.json").read_bytes() == original, timeout=3000)


def test_an_export_credits_the_user_not_the_article_for_an_edited_price(
    window: MainWindow,
) -> None:
    model = window.parts.table
    index = model.index(row_of(model, "Kimi K2"), column(model, "Input"))
    store = model.store
    kimi = store.model("kimi-k2")
    assert ARTICLE in data_footnote(Comparison(store, [kimi], Scenario()), ChartKind.COST)
    assert model.setData(index, 0.75, Qt.ItemDataRole.EditRole)
    kimi = store.model("kimi-k2")
    footnote = data_footnote(Comparison(store, [kimi], Scenario()), ChartKind.COST)
    today = dt.date.today().isoformat()
    assert footnote == f"Data: Edited by the user ({today}). Made with llmcompare-gui."


def test_cached_above_input_is_accepted_and_the_status_bar_says_so(
    qtbot: QtBot, window: MainWindow
) -> None:
    model = source_model(window)
    index = model.index(row_of(model, "Kimi K2"), column(model, "Cached"))
    assert model.setData(index, 0.9, Qt.ItemDataRole.EditRole)
    assert index.data(Qt.ItemDataRole.UserRole) == 0.9
    qtbot.waitUntil(
        lambda: (
            window.statusBar().currentMessage()
            == "Changed, but check it: Kimi K2: the cached input price (0.9) is above the input "
            "price (0.6); kept as entered, but cache reads are normally cheaper"
        )
    )
