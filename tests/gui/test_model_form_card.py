"""The add/edit form on the richer price card: tiers, service tiers, off-peak, flat fields."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from llmcompare_gui.domain.model import Store

from .test_card_columns import GEMINI_CARD, rich_store
from .test_model_form import button, dump, line, make_form, table

pytestmark = pytest.mark.gui


def set_row(grid: QTableWidget, row: int, *texts: str) -> None:
    for column, text in enumerate(texts):
        if text is not None:
            grid.item(row, column).setText(text)


def add_row(dialog: Any, what: str, *texts: str) -> None:
    grid = {"tier": "tiersTable", "window": "offPeakWindowsTable"}[what]
    button(dialog, f"add{what.capitalize()}Button").click()
    found = table(dialog, grid)
    set_row(found, found.rowCount() - 1, *texts)


def test_a_rich_card_round_trips_unchanged(qtbot: QtBot) -> None:
    store = rich_store()
    original = store.models[0]
    dialog = make_form(qtbot, store, original.id)
    assert table(dialog, "tiersTable").item(0, 0).text() == "200K"
    assert line(dialog, "cacheWritePriceEdit").text() == "1.5625"
    windows = table(dialog, "offPeakWindowsTable")
    assert [windows.item(0, c).text() for c in range(3)] == ["1-5", "16:30", "00:30"]
    result = dialog.result_model()
    assert dump(result) == dump(original)


def test_new_card_fields_are_written(qtbot: QtBot) -> None:
    store = rich_store()
    dialog = make_form(qtbot, store, "deepseek-v3.1")
    line(dialog, "cacheWritePriceEdit").setText("0.7")
    line(dialog, "reasoningPriceEdit").setText("2.19")
    line(dialog, "perRequestEdit").setText("0.005")
    line(dialog, "cardCurrencyEdit").setText("cny")
    add_row(dialog, "tier", "128k", "1.1", "", "3.3")
    service = table(dialog, "serviceTiersTable")
    service.item(0, 1).setCheckState(Qt.CheckState.Checked)  # batch, at its own input price
    service.item(0, 2).setText("0.275")
    service.item(1, 1).setCheckState(Qt.CheckState.Checked)  # flex, at standard prices
    line(dialog, "offPeakInputEdit").setText("0.135")
    add_row(dialog, "window", "Mon-Sun", "16:30", "0:30")
    pricing = dump(dialog.result_model())["pricing"]
    assert pricing["cache_write_per_mtok"] == 0.7
    assert pricing["reasoning_per_mtok"] == 2.19
    assert pricing["per_request"] == 0.005
    assert pricing["currency"] == "CNY"
    assert pricing["tiers"] == [
        {"above_prompt_tokens": 128000, "input_per_mtok": 1.1, "output_per_mtok": 3.3}
    ]
    assert pricing["service_tiers"] == {"batch": {"input_per_mtok": 0.275}, "flex": {}}
    assert pricing["off_peak"] == {
        "input_per_mtok": 0.135,
        "windows": [{"days": [1, 2, 3, 4, 5, 6, 7], "start_utc": "16:30", "end_utc": "00:30"}],
    }


def test_removing_rows_and_unticking_tiers(qtbot: QtBot) -> None:
    store = rich_store()
    dialog = make_form(qtbot, store, store.models[0].id)
    tiers = table(dialog, "tiersTable")
    tiers.setCurrentCell(0, 0)
    button(dialog, "removeTierButton").click()
    table(dialog, "serviceTiersTable").item(0, 1).setCheckState(Qt.CheckState.Unchecked)
    windows = table(dialog, "offPeakWindowsTable")
    windows.setCurrentCell(0, 0)
    button(dialog, "removeWindowButton").click()
    for name in ("offPeakInputEdit", "offPeakOutputEdit"):
        line(dialog, name).setText("")
    pricing = dump(dialog.result_model())["pricing"]
    assert pricing["tiers"] == []
    assert pricing["service_tiers"] == {"flex": {}}
    assert "off_peak" not in pricing


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: add_row(d, "tier", "lots", "1"), "Long-context tiers, row 2, above prompt"),
        (lambda d: add_row(d, "tier", "0", "1"), "Long-context tiers, row 2, above prompt"),
        (lambda d: add_row(d, "tier", "200K", "3"), "is also row 1's threshold"),
        (lambda d: add_row(d, "tier", "300K"), "a tier needs at least one price"),
        (lambda d: add_row(d, "tier", "300K", "-1"), "Long-context tiers, row 2, input"),
        (lambda d: add_row(d, "window", "Mon-Fri", "25:00", "01:00"), "row 2, start"),
        (lambda d: add_row(d, "window", "8", "01:00", "02:00"), "row 2, days"),
        (lambda d: add_row(d, "window", "5-1", "01:00", "02:00"), "runs backwards"),
        (lambda d: add_row(d, "window", "1", "01:00", ""), "row 2, end: required"),
        (lambda d: line(d, "cardCurrencyEdit").setText("dollars"), "Card currency"),
        (lambda d: line(d, "cacheWritePriceEdit").setText("-2"), "Cache write price"),
        (lambda d: line(d, "perRequestEdit").setText("free"), "Fee per request"),
    ],
)
def test_bad_card_values_name_their_field_and_keep_the_form_open(
    qtbot: QtBot, change: Any, message: str
) -> None:
    store = rich_store()
    before = json.loads(store.model_dump_json(exclude_unset=True))
    dialog = make_form(qtbot, store, store.models[0].id)
    change(dialog)
    dialog.accept()
    assert message in dialog.error_text()
    assert dialog.accepted_model() is None
    assert json.loads(store.model_dump_json(exclude_unset=True)) == before


def test_off_peak_prices_need_a_window(qtbot: QtBot) -> None:
    store = rich_store()
    dialog = make_form(qtbot, store, "deepseek-v3.1")
    line(dialog, "offPeakOutputEdit").setText("0.5")
    dialog.accept()
    assert "at least one window" in dialog.error_text()


def test_unknown_fields_inside_the_card_survive(qtbot: QtBot) -> None:
    data = json.loads(rich_store().model_dump_json(exclude_unset=True))
    pricing = data["models"][0]["pricing"]
    pricing["tiers"][0]["x_note"] = "from the vendor page"
    pricing["service_tiers"]["batch"]["x_sla"] = "24h"
    pricing["off_peak"]["windows"][0]["x_label"] = "night"
    store = Store.model_validate(data)
    dialog = make_form(qtbot, store, store.models[0].id)
    table(dialog, "tiersTable").item(0, 1).setText("2.6")
    table(dialog, "serviceTiersTable").item(0, 3).setText("0.0625")
    table(dialog, "offPeakWindowsTable").item(0, 1).setText("17:00")
    pricing = dump(dialog.result_model())["pricing"]
    assert pricing["tiers"][0] == {
        **GEMINI_CARD["tiers"][0],
        "input_per_mtok": 2.6,
        "x_note": "from the vendor page",
    }
    assert pricing["service_tiers"]["batch"] == {
        "input_per_mtok": 0.625,
        "output_per_mtok": 5.0,
        "cached_input_per_mtok": 0.0625,
        "x_sla": "24h",
    }
    assert pricing["off_peak"]["windows"][0]["start_utc"] == "17:00"
    assert pricing["off_peak"]["windows"][0]["x_label"] == "night"


def test_a_card_edit_in_the_window_is_one_undo_step(
    qtbot: QtBot, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from llmcompare_gui.ui.editing import model_form

    from .window_helpers import open_window, row_of, source_model, stored_models, table_view

    def ask(cls: Any, parent: Any, store: Any, model: Any = None) -> Any:
        dialog = model_form.ModelFormDialog(store, model)
        qtbot.addWidget(dialog)
        add_row(dialog, "tier", "128K", "1.1", "", "3.3")
        line(dialog, "cacheWritePriceEdit").setText("0.7")
        table(dialog, "serviceTiersTable").item(0, 1).setCheckState(Qt.CheckState.Checked)
        return dialog.result_model()

    monkeypatch.setattr(model_form.ModelFormDialog, "ask", classmethod(ask))
    window = open_window(qtbot, tmp_path)
    model = source_model(window)
    view = table_view(window)
    view.selectRow(view.model().mapFromSource(model.index(row_of(model, "Kimi K2"), 0)).row())
    window.findChild(QAction, "editModelAction").trigger()
    qtbot.waitUntil(
        lambda: stored_models(tmp_path)["kimi-k2"]["pricing"].get("cache_write_per_mtok") == 0.7,
        timeout=3000,
    )
    pricing = stored_models(tmp_path)["kimi-k2"]["pricing"]
    assert pricing["tiers"][0]["above_prompt_tokens"] == 128000
    assert pricing["service_tiers"] == {"batch": {}}
    window.findChild(QAction, "undoAction").trigger()
    qtbot.waitUntil(
        lambda: "cache_write_per_mtok" not in stored_models(tmp_path)["kimi-k2"]["pricing"],
        timeout=3000,
    )
    pricing = stored_models(tmp_path)["kimi-k2"]["pricing"]
    assert "tiers" not in pricing
    assert "service_tiers" not in pricing
    window.close()


def test_a_tier_edits_every_price_of_the_card(qtbot: QtBot) -> None:
    store = rich_store()
    dialog = make_form(qtbot, store, store.models[0].id)
    tiers = table(dialog, "tiersTable")
    headers = [tiers.horizontalHeaderItem(c).text() for c in range(tiers.columnCount())]
    assert headers[4:] == ["Cache write", "Cache write 1h", "Reasoning", "Per request"]
    set_row(tiers, 0, None, None, None, None, "3.125")  # the 200K tier gains a cache write
    add_row(dialog, "tier", "1M", "", "", "", "", "6", "30", "0.01")
    pricing = dump(dialog.result_model())["pricing"]
    # CONTRACT §2: a tier may carry any card price; the ones left empty are absent.
    assert pricing["tiers"] == [
        {**GEMINI_CARD["tiers"][0], "cache_write_per_mtok": 3.125},
        {
            "above_prompt_tokens": 1000000,
            "cache_write_1h_per_mtok": 6.0,
            "reasoning_per_mtok": 30.0,
            "per_request": 0.01,
        },
    ]
    set_row(tiers, 0, None, None, None, None, "")  # emptied: falls back again
    assert dump(dialog.result_model())["pricing"]["tiers"][0] == GEMINI_CARD["tiers"][0]


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        (
            ("300K", "", "", "", "-1"),
            "Long-context tiers, row 2, cache write: '-1' is negative; a price must be 0 or more",
        ),
        (("300K", "", "", "", "", "1,5"), "Long-context tiers, row 2, cache write 1h"),
        (("300K", "", "", "", "", "", "nan"), "Long-context tiers, row 2, reasoning"),
        (("300K", "", "", "", "", "", "", "free"), "Long-context tiers, row 2, per request"),
    ],
)
def test_bad_tier_prices_name_row_and_field(qtbot: QtBot, texts: Any, message: str) -> None:
    store = rich_store()
    dialog = make_form(qtbot, store, store.models[0].id)
    add_row(dialog, "tier", *texts)
    dialog.accept()
    assert message in dialog.error_text()
    assert dialog.accepted_model() is None


def tiers_dialog(dialog: Any, name: str) -> Any:
    from PySide6.QtWidgets import QDialog

    dialog.show()  # as the window shows it; the small dialog opens over it
    button(dialog, f"{name}TiersButton").click()
    # A closed one may wait for its deletion: the open one is the visible one.
    shown = [d for d in dialog.findChildren(QDialog, "serviceTierTiersDialog") if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def test_a_service_tier_edits_its_own_long_context_tiers(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox, QLabel

    store = rich_store()
    dialog = make_form(qtbot, store, store.models[0].id)
    assert button(dialog, "batchTiersButton").text() == "Tiers…"
    sub = tiers_dialog(dialog, "batch")
    grid = sub.findChild(QTableWidget, "serviceTierTiersTable")
    sub.findChild(QPushButton, "addTierButton").click()
    set_row(grid, 0, "200k", "-1")
    ok = sub.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    error = sub.findChild(QLabel, "serviceTierTiersError")
    assert "Service tiers, batch, long-context tiers, row 1, input" in error.text()
    assert sub.isVisible(), "a refused tier keeps the small dialog open"
    set_row(grid, 0, None, "1.25", "", "7.5")
    ok.click()
    assert not sub.isVisible()
    assert button(dialog, "batchTiersButton").text() == "Tiers (1)…"
    pricing = dump(dialog.result_model())["pricing"]
    # CONTRACT §2: a service tier "may carry its own tiers", its prices beside them.
    assert pricing["service_tiers"] == {
        "batch": {
            "input_per_mtok": 0.625,
            "output_per_mtok": 5.0,
            "tiers": [
                {"above_prompt_tokens": 200000, "input_per_mtok": 1.25, "output_per_mtok": 7.5}
            ],
        },
        "flex": {},
    }
    # Opened again, it shows what was entered; removing the row clears the tiers.
    again = tiers_dialog(dialog, "batch")
    grid = again.findChild(QTableWidget, "serviceTierTiersTable")
    assert [grid.item(0, c).text() for c in range(4)] == ["200K", "1.25", "", "7.5"]
    grid.setCurrentCell(0, 0)
    again.findChild(QPushButton, "removeTierButton").click()
    again.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    batch = dump(dialog.result_model())["pricing"]["service_tiers"]["batch"]
    assert batch == {"input_per_mtok": 0.625, "output_per_mtok": 5.0}, "it had no tiers before"


def test_a_service_tiers_own_tiers_keep_unknown_fields_and_cancel_changes_nothing(
    qtbot: QtBot,
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    data = json.loads(rich_store().model_dump_json(exclude_unset=True))
    batch = data["models"][0]["pricing"]["service_tiers"]["batch"]
    batch["tiers"] = [{"above_prompt_tokens": 200000, "input_per_mtok": 1.25, "x_note": "kept"}]
    store = Store.model_validate(data)
    dialog = make_form(qtbot, store, store.models[0].id)
    assert button(dialog, "batchTiersButton").text() == "Tiers (1)…"
    sub = tiers_dialog(dialog, "batch")
    set_row(sub.findChild(QTableWidget, "serviceTierTiersTable"), 0, None, "9")
    sub.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dump(dialog.result_model()) == dump(store.models[0])
    sub = tiers_dialog(dialog, "batch")
    set_row(sub.findChild(QTableWidget, "serviceTierTiersTable"), 0, None, None, None, "7.5")
    sub.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    tiers = dump(dialog.result_model())["pricing"]["service_tiers"]["batch"]["tiers"]
    assert tiers == [
        {
            "above_prompt_tokens": 200000,
            "input_per_mtok": 1.25,
            "output_per_mtok": 7.5,
            "x_note": "kept",
        }
    ]
    # Every row removed: the card's own long-context tiers apply again (CONTRACT §2).
    sub = tiers_dialog(dialog, "batch")
    grid = sub.findChild(QTableWidget, "serviceTierTiersTable")
    grid.setCurrentCell(0, 0)
    sub.findChild(QPushButton, "removeTierButton").click()
    sub.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert "tiers" not in dump(dialog.result_model())["pricing"]["service_tiers"]["batch"]
    assert button(dialog, "batchTiersButton").text() == "Tiers…"
