"""The table's columns for the richer price card (schema 2): shown, edited, hidden when empty."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from llmcompare_gui.domain.model import Store
from llmcompare_gui.domain.table_columns import CARD_COLUMNS
from llmcompare_gui.store.jsonstore import default_store
from llmcompare_gui.ui.editing.commands import ReplaceModelCommand
from llmcompare_gui.ui.table.table_model import ModelTableModel

from .window_helpers import column, open_window, source_model, table_view

pytestmark = pytest.mark.gui

GEMINI_CARD: dict[str, Any] = {
    "input_per_mtok": 1.25,
    "output_per_mtok": 10.0,
    "cached_input_per_mtok": 0.125,
    "cache_write_per_mtok": 1.5625,
    "cache_write_1h_per_mtok": 2.5,
    "per_request": 0.0,
    "tiers": [
        {
            "above_prompt_tokens": 200000,
            "input_per_mtok": 2.5,
            "output_per_mtok": 15.0,
            "cached_input_per_mtok": 0.25,
        }
    ],
    "service_tiers": {"batch": {"input_per_mtok": 0.625, "output_per_mtok": 5.0}, "flex": {}},
    "off_peak": {
        "input_per_mtok": 0.135,
        "output_per_mtok": 0.55,
        "windows": [{"days": [1, 2, 3, 4, 5], "start_utc": "16:30", "end_utc": "00:30"}],
    },
}


def rich_store() -> Store:
    data = json.loads(default_store().model_dump_json(exclude_unset=True))
    data["models"][0]["pricing"].update(GEMINI_CARD)
    return Store.model_validate(data)


def cell(
    model: ModelTableModel, row: int, prefix: str, role: Any = Qt.ItemDataRole.DisplayRole
) -> Any:
    return model.index(row, column(model, prefix)).data(role)


def test_card_fields_are_shown_with_summaries() -> None:
    model = ModelTableModel(rich_store())
    assert cell(model, 0, "Cache write $") == "1.5625"
    assert cell(model, 0, "Cache write $", Qt.ItemDataRole.UserRole) == 1.5625
    assert cell(model, 0, "Cache write 1h") == "2.50"
    assert cell(model, 0, "Per request", Qt.ItemDataRole.UserRole) == 0.0
    assert cell(model, 0, "Long-context tiers") == "> 200K: 2.50 / 15.00"
    assert cell(model, 0, "Service tiers") == "batch, flex"
    assert cell(model, 0, "Off-peak") == "0.135 / 0.55, 16:30–00:30 (Mon Tue Wed Thu Fri) UTC"
    # A model without them shows the dash and says what applies instead.
    assert cell(model, 1, "Reasoning") == "—"
    assert "output price" in cell(model, 1, "Reasoning", Qt.ItemDataRole.ToolTipRole)


@pytest.mark.parametrize(
    ("value", "accepted"),
    [(-1.0, False), (float("nan"), False), ("lots", False), ("1,5", False), (1.875, True)],
)
def test_flat_card_prices_are_edited_with_todays_rules(value: Any, accepted: bool) -> None:
    store = rich_store()
    model = ModelTableModel(store)
    stack = QUndoStack()
    model.editor = lambda before, after, text: stack.push(
        ReplaceModelCommand(model, before, after, text)
    )
    index = model.index(0, column(model, "Cache write $"))
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(index, value, Qt.ItemDataRole.EditRole) is accepted
    if not accepted:
        assert store.models[0].pricing.cache_write_per_mtok == 1.5625
        assert stack.count() == 0
        return
    assert store.models[0].pricing.cache_write_per_mtok == 1.875
    stack.undo()
    assert store.models[0].pricing.cache_write_per_mtok == 1.5625


def test_an_emptied_card_price_falls_back() -> None:
    store = rich_store()
    model = ModelTableModel(store)
    index = model.index(0, column(model, "Cache write 1h"))
    assert model.setData(index, "", Qt.ItemDataRole.EditRole)
    assert store.models[0].pricing.cache_write_1h_per_mtok is None
    # Input stays required: emptying it is refused.
    assert not model.setData(model.index(0, column(model, "Input")), "", Qt.ItemDataRole.EditRole)


def test_summary_columns_are_read_only() -> None:
    model = ModelTableModel(rich_store())
    for prefix in ("Long-context tiers", "Service tiers", "Off-peak"):
        index = model.index(0, column(model, prefix))
        assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable, prefix


def hidden_keys(window: Any) -> set[str]:
    view = table_view(window)
    source = source_model(window)
    assert isinstance(source, ModelTableModel)
    return {
        source.key_at(section)
        for section in range(source.columnCount())
        if view.isColumnHidden(section)
    }


def test_empty_card_columns_are_hidden_until_the_store_fills_them(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window(qtbot, tmp_path)
    assert set(CARD_COLUMNS) <= hidden_keys(window), "the bundled store fills none of them"
    window.close()
    data = json.loads((tmp_path / "models.json").read_text(encoding="utf-8"))
    data["models"][0]["pricing"].update(GEMINI_CARD)
    (tmp_path / "models.json").write_text(json.dumps(data), encoding="utf-8")
    again = open_window(qtbot, tmp_path)
    hidden = hidden_keys(again)
    assert not hidden & {"cache_write", "cache_write_1h", "tiers", "service_tiers", "off_peak"}
    assert "reasoning_price" in hidden, "still empty across the store"
    again.close()


def test_an_edit_that_fills_an_empty_card_column_shows_it_at_once(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QAction

    from llmcompare_gui.ui.editing import model_form

    from .test_model_form import line
    from .window_helpers import row_of

    def ask(cls: Any, parent: Any, store: Any, model: Any = None) -> Any:
        dialog = model_form.ModelFormDialog(store, model)
        qtbot.addWidget(dialog)
        line(dialog, "cacheWritePriceEdit").setText("0.75")
        line(dialog, "cacheWrite1hPriceEdit").setText("1.2")
        return dialog.result_model()

    monkeypatch.setattr(model_form.ModelFormDialog, "ask", classmethod(ask))
    window = open_window(qtbot, tmp_path)

    def toggle(key: str) -> None:
        found = window.findChild(QAction, f"column_{key}")
        assert found is not None
        found.trigger()

    assert set(CARD_COLUMNS) <= hidden_keys(window)
    toggle("per_request")  # the user shows an empty column…
    toggle("cache_write_1h")  # …and shows then hides another one
    toggle("cache_write_1h")
    toggle("vendor")  # saves the hidden set, the empty card columns with it
    assert "per_request" not in hidden_keys(window)

    model = source_model(window)
    view = table_view(window)
    view.selectRow(view.model().mapFromSource(model.index(row_of(model, "Kimi K2"), 0)).row())
    window.findChild(QAction, "editModelAction").trigger()
    qtbot.waitUntil(lambda: "cache_write" not in hidden_keys(window), timeout=3000)
    hidden = hidden_keys(window)
    assert "cache_write_1h" in hidden, "the user hid it: filling it does not override that"
    assert "per_request" not in hidden, "the user showed it though empty"
    assert {"reasoning_price", "tiers", "service_tiers", "off_peak"} <= hidden
    cache_write = window.findChild(QAction, "column_cache_write")
    assert cache_write is not None
    assert cache_write.isChecked()

    window.findChild(QAction, "undoAction").trigger()
    qtbot.waitUntil(lambda: "cache_write" in hidden_keys(window), timeout=3000)
    assert not cache_write.isChecked()
    window.findChild(QAction, "redoAction").trigger()
    qtbot.waitUntil(lambda: "cache_write" not in hidden_keys(window), timeout=3000)
    window.close()

    # The filled column was shown by the store, not by the user: on the next launch it
    # follows the store, and the user's own choices are kept.
    again = open_window(qtbot, tmp_path)
    hidden = hidden_keys(again)
    assert "cache_write" not in hidden
    assert {"cache_write_1h", "vendor"} <= hidden
    assert "per_request" not in hidden
    again.close()
