"""The main window driven in-process: CONTRACT §6–7."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSlider,
    QWidget,
)
from pytestqt.qtbot import QtBot

from llmcompare_gui.store.errors import StoreWriteError
from llmcompare_gui.ui.window.main_window import MainWindow

from .window_helpers import (
    cell,
    column,
    contract_cost,
    open_window,
    row_of,
    source_model,
    stored_models,
    table_view,
    type_into,
)

pytestmark = pytest.mark.gui

REFERENCE = {
    "Kimi K2": "kimi-k2",
    "DeepSeek V3.1": "deepseek-v3.1",
    "DeepSeek V3/R1": "deepseek-v3-r1",
}


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    window = open_window(qtbot, data_dir)
    window.show()
    qtbot.waitExposed(window)
    return window


def find(window: MainWindow, kind: type[QWidget], name: str) -> Any:
    found = window.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r}"
    return found


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, f"no action named {name!r}"
    return found


def test_the_contract_widgets_are_found_by_object_name(window: MainWindow) -> None:
    find(window, QWidget, "modelTable")
    find(window, QWidget, "chartPanel")
    find(window, QWidget, "costCalculator")
    for name in ("inputTokensSlider", "outputTokensSlider", "cachedShareSlider"):
        assert isinstance(find(window, QWidget, name), QSlider)
    for name in ("inputTokensEdit", "outputTokensEdit"):
        assert isinstance(find(window, QWidget, name), QLineEdit | QAbstractSpinBox)


def test_undo_and_redo_are_actions_with_the_standard_shortcuts(window: MainWindow) -> None:
    undo = action(window, "undoAction")
    redo = action(window, "redoAction")
    assert undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert redo.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)


def test_table_headers_and_names_follow_the_contract(window: MainWindow, data_dir: Path) -> None:
    model = source_model(window)
    for prefix in ("Input", "Cached", "Output", "Cost"):
        column(model, prefix)
    names = {model.index(r, column(model, "Name")).data() for r in range(model.rowCount())}
    assert names == {m["name"] for m in stored_models(data_dir).values()}


def test_one_billion_in_and_100m_out_costs_the_contract_formula_exactly(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    type_into(qtbot, find(window, QLineEdit, "inputTokensEdit"), "1B")
    type_into(qtbot, find(window, QLineEdit, "outputTokensEdit"), "100M")
    find(window, QSlider, "cachedShareSlider").setValue(0)
    model = source_model(window)
    stored = stored_models(data_dir)
    for name, model_id in REFERENCE.items():
        expected = contract_cost(1e9, 100e6, 0.0, stored[model_id]["pricing"])
        assert cell(model, name, "Cost") == expected
    assert {name: cell(model, name, "Cost") for name in REFERENCE} == {
        "Kimi K2": 850.0,
        "DeepSeek V3.1": 716.0,
        "DeepSeek V3/R1": 420.0,
    }


def test_cached_share_uses_the_cached_price_or_the_input_price(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    type_into(qtbot, find(window, QLineEdit, "inputTokensEdit"), "2.5B")
    type_into(qtbot, find(window, QLineEdit, "outputTokensEdit"), "750k")
    find(window, QSlider, "cachedShareSlider").setValue(40)
    model = source_model(window)
    stored = stored_models(data_dir)
    for name, model_id in REFERENCE.items():
        expected = contract_cost(2.5e9, 750e3, 0.4, stored[model_id]["pricing"])
        assert cell(model, name, "Cost") == expected


def test_moving_the_input_slider_up_raises_every_cost_and_updates_the_editor(
    window: MainWindow,
) -> None:
    slider = find(window, QSlider, "inputTokensSlider")
    edit = find(window, QLineEdit, "inputTokensEdit")
    model = source_model(window)
    slider.setValue(slider.maximum() // 2)
    before = {name: cell(model, name, "Cost") for name in REFERENCE}
    text_before = edit.text()
    slider.setValue(slider.value() + 10)
    after = {name: cell(model, name, "Cost") for name in REFERENCE}
    assert all(after[name] > before[name] for name in REFERENCE)
    assert edit.text() != text_before


def test_a_slider_tick_is_one_data_changed_for_cost_and_blended_never_a_reset(
    window: MainWindow,
) -> None:
    model = source_model(window)
    changes: list[tuple[int, int, int, int]] = []
    resets: list[bool] = []
    model.dataChanged.connect(
        lambda tl, br, roles=(): changes.append((tl.row(), tl.column(), br.row(), br.column()))
    )
    model.modelReset.connect(lambda: resets.append(True))
    model.layoutChanged.connect(lambda: resets.append(True))
    slider = find(window, QSlider, "inputTokensSlider")
    slider.setValue(slider.value() + 1)
    assert not resets
    assert len(changes) == 1
    top, left, bottom, right = changes[0]
    assert (top, bottom) == (0, model.rowCount() - 1)
    covered = {
        str(model.headerData(c, Qt.Orientation.Horizontal)).split(" ")[0]
        for c in range(left, right + 1)
    }
    assert covered == {"Blended", "Cost"}


def test_editing_a_price_saves_it_within_two_seconds(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    model = source_model(window)
    index = model.index(row_of(model, "Kimi K2"), column(model, "Input"))
    assert model.setData(index, 0.75, Qt.ItemDataRole.EditRole) is True
    assert index.data(Qt.ItemDataRole.UserRole) == 0.75
    qtbot.waitUntil(
        lambda: stored_models(data_dir)["kimi-k2"]["pricing"]["input_per_mtok"] == 0.75,
        timeout=2000,
    )
    assert find(window, QLabel, "saveState").text() == "All changes saved"


def test_a_price_edit_changes_the_cost(window: MainWindow) -> None:
    model = source_model(window)
    before = cell(model, "DeepSeek V3/R1", "Cost")
    index = model.index(row_of(model, "DeepSeek V3/R1"), column(model, "Output"))
    assert model.setData(index, 12.0, Qt.ItemDataRole.EditRole)
    assert cell(model, "DeepSeek V3/R1", "Cost") > before


@pytest.mark.parametrize("prefix", ["Input", "Cached", "Output"])
@pytest.mark.parametrize(
    "value", [-1.0, -0.01, math.nan, math.inf, -math.inf, "abc", "1.2.3", True, [1]]
)
def test_bad_prices_are_refused_and_change_nothing(
    qtbot: QtBot, window: MainWindow, data_dir: Path, prefix: str, value: Any
) -> None:
    model = source_model(window)
    before_file = (data_dir / "models.json").read_bytes()
    index = model.index(row_of(model, "Kimi K2"), column(model, prefix))
    before = index.data(Qt.ItemDataRole.UserRole)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    assert model.setData(index, value, Qt.ItemDataRole.EditRole) is False
    assert index.data(Qt.ItemDataRole.UserRole) == before
    assert any(message.startswith("Not changed") for message in messages)
    assert not action(window, "undoAction").isEnabled()
    # A refused edit schedules no save; closing the window would flush one that was pending.
    assert find(window, QLabel, "saveState").text() == "All changes saved"
    window.close()
    assert (data_dir / "models.json").read_bytes() == before_file


def test_none_clears_the_cached_price_and_the_input_price_applies(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    model = source_model(window)
    index = model.index(row_of(model, "Kimi K2"), column(model, "Cached"))
    assert model.setData(index, 0.15, Qt.ItemDataRole.EditRole)
    assert index.data(Qt.ItemDataRole.UserRole) == 0.15
    assert model.setData(index, None, Qt.ItemDataRole.EditRole)
    assert index.data(Qt.ItemDataRole.UserRole) is None
    qtbot.waitUntil(
        lambda: (
            stored_models(data_dir)["kimi-k2"]["pricing"].get("cached_input_per_mtok", 0) is None
        ),
        timeout=2000,
    )
    find(window, QSlider, "cachedShareSlider").setValue(100)
    pricing = stored_models(data_dir)["kimi-k2"]["pricing"]
    scenario = window.current_comparison().scenario
    expected = contract_cost(scenario.input_tokens, scenario.output_tokens, 1.0, pricing)
    assert cell(model, "Kimi K2", "Cost") == expected


def test_the_price_editor_refuses_text_with_a_visible_message(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    view = table_view(window)
    proxy = view.model()
    model = source_model(window)
    source_index = model.index(row_of(model, "Kimi K2"), column(model, "Output"))
    index = proxy.mapFromSource(source_index)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.findChild(QLineEdit, "cellEditor")
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "-3")
    assert editor.property("invalid") is True
    assert "negative" in editor.toolTip()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "negative" in window.statusBar().currentMessage())
    assert source_index.data(Qt.ItemDataRole.UserRole) == 2.5


def test_undo_restores_the_price_and_saves_it(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    model = source_model(window)
    index = model.index(row_of(model, "DeepSeek V3.1"), column(model, "Output"))
    assert model.setData(index, 9.0, Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(
        lambda: stored_models(data_dir)["deepseek-v3.1"]["pricing"]["output_per_mtok"] == 9.0,
        timeout=2000,
    )
    undo = action(window, "undoAction")
    assert undo.isEnabled()
    undo.trigger()
    assert index.data(Qt.ItemDataRole.UserRole) == 1.66
    qtbot.waitUntil(
        lambda: stored_models(data_dir)["deepseek-v3.1"]["pricing"]["output_per_mtok"] == 1.66,
        timeout=2000,
    )
    action(window, "redoAction").trigger()
    assert index.data(Qt.ItemDataRole.UserRole) == 9.0


def test_edits_survive_a_restart(qtbot: QtBot, data_dir: Path) -> None:
    first = open_window(qtbot, data_dir)
    model = source_model(first)
    index = model.index(row_of(model, "Kimi K2"), column(model, "Name"))
    assert model.setData(index, "Kimi K2 (renamed)", Qt.ItemDataRole.EditRole)
    price = model.index(row_of(model, "Kimi K2 (renamed)"), column(model, "Input"))
    assert model.setData(price, 0.42, Qt.ItemDataRole.EditRole)
    first.close()  # saves at once, without waiting for the autosave
    second = open_window(qtbot, data_dir)
    again = source_model(second)
    assert cell(again, "Kimi K2 (renamed)", "Input") == 0.42


def test_unknown_fields_in_the_file_survive_an_edit(qtbot: QtBot, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    store = {
        "schema_version": 1,
        "x_top": {"kept": True},
        "models": [
            {
                "id": "m1",
                "name": "Model One",
                "x_model": [1, 2, 3],
                "pricing": {"input_per_mtok": 1.0, "output_per_mtok": 2.0, "x_price": "yes"},
            }
        ],
    }
    (data_dir / "models.json").write_text(json.dumps(store), encoding="utf-8")
    window = open_window(qtbot, data_dir)
    model = source_model(window)
    index = model.index(row_of(model, "Model One"), column(model, "Output"))
    assert model.setData(index, 3.0, Qt.ItemDataRole.EditRole)
    window.close()
    saved = json.loads((data_dir / "models.json").read_text(encoding="utf-8"))
    assert saved["x_top"] == {"kept": True}
    assert saved["models"][0]["x_model"] == [1, 2, 3]
    assert saved["models"][0]["pricing"]["x_price"] == "yes"
    assert saved["models"][0]["pricing"]["output_per_mtok"] == 3.0
    assert "cached_input_per_mtok" not in saved["models"][0]["pricing"]


BROKEN = {
    "not json": ('{"models": [', "not valid JSON"),
    "bad price": (
        json.dumps(
            {
                "models": [
                    {
                        "id": "a",
                        "name": "A",
                        "pricing": {"input_per_mtok": -1, "output_per_mtok": 1},
                    }
                ]
            }
        ),
        "input_per_mtok",
    ),
    "newer": (json.dumps({"schema_version": 99, "models": []}), "newer version"),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_store_is_never_overwritten_and_the_window_says_why(
    qtbot: QtBot, data_dir: Path, case: str
) -> None:
    text, problem = BROKEN[case]
    data_dir.mkdir(parents=True)
    path = data_dir / "models.json"
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    window = open_window(qtbot, data_dir)
    window.show()
    message = find(window, QLabel, "storeError").text()
    assert str(path) in message
    assert problem in message
    assert str(path) in window.statusBar().currentMessage()
    # Closing is when a pending save would be flushed.
    window.close()
    assert path.read_bytes() == before
    # Nothing else is written beside it (the lock file is how instances meet).
    assert {p.name for p in data_dir.iterdir()} <= {"models.json", ".models.json.lock"}


def test_a_second_window_on_the_same_store_is_read_only_and_never_writes(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    second = open_window(qtbot, data_dir)
    second.show()
    banner = find(second, QLabel, "storeBanner")
    assert banner.isVisible()
    assert "read-only" in banner.text().lower()
    assert find(second, QLabel, "saveState").text().startswith("Read-only")
    before = (data_dir / "models.json").read_bytes()
    model = source_model(second)
    index = model.index(row_of(model, "Kimi K2"), column(model, "Input"))
    assert model.setData(index, 5.0, Qt.ItemDataRole.EditRole) is False
    assert not action(second, "addModelAction").isEnabled()
    second.close()
    assert (data_dir / "models.json").read_bytes() == before
    # The first window still owns the store and saves.
    first_model = source_model(window)
    first_index = first_model.index(row_of(first_model, "Kimi K2"), column(first_model, "Input"))
    assert first_model.setData(first_index, 5.0, Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(
        lambda: stored_models(data_dir)["kimi-k2"]["pricing"]["input_per_mtok"] == 5.0,
        timeout=2000,
    )


def test_a_failed_save_is_shown_once_per_new_failure(
    qtbot: QtBot, window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: shown.append(args[2]))
    session = window.parts.session

    def fail() -> None:
        raise StoreWriteError(session.path, "not saved: disk full")

    monkeypatch.setattr(session, "save", fail)
    model = source_model(window)
    index = model.index(row_of(model, "Kimi K2"), column(model, "Input"))
    state = find(window, QLabel, "saveState")
    assert model.setData(index, 0.9, Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: state.text().startswith("Save failed"), timeout=2000)
    assert "disk full" in state.text()
    assert model.setData(index, 0.8, Qt.ItemDataRole.EditRole)
    assert state.text() == "Unsaved changes"
    # The second autosave fails the same way: the state says so, no second message box.
    qtbot.waitUntil(lambda: state.text().startswith("Save failed"), timeout=2000)
    # Undo the patches before asserting: a failed assertion must not leave the window
    # unable to save, or closing it would wait on the unsaved-changes dialog.
    monkeypatch.undo()
    assert len(shown) == 1
    assert "disk full" in shown[0]
    window.parts.saver.save_now()
    assert state.text() == "All changes saved"
    assert stored_models(data_dir)["kimi-k2"]["pricing"]["input_per_mtok"] == 0.8


def test_add_is_undoable(
    qtbot: QtBot, window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from llmcompare_gui.domain.model import Model, Pricing
    from llmcompare_gui.ui.editing import model_form

    new = Model(
        id="new-model", name="New Model", pricing=Pricing(input_per_mtok=1.0, output_per_mtok=4.0)
    )
    monkeypatch.setattr(model_form.ModelFormDialog, "ask", classmethod(lambda cls, *a, **k: new))
    model = source_model(window)
    action(window, "addModelAction").trigger()
    assert model.rowCount() == 4
    assert cell(model, "New Model", "Compare") is True
    assert cell(model, "New Model", "Output") == 4.0
    qtbot.waitUntil(lambda: "new-model" in stored_models(data_dir), timeout=2000)
    action(window, "undoAction").trigger()
    assert model.rowCount() == 3
    qtbot.waitUntil(lambda: "new-model" not in stored_models(data_dir), timeout=2000)


def test_duplicate_and_delete_are_undoable(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    model = source_model(window)
    view = table_view(window)
    proxy = view.model()
    view.selectRow(proxy.mapFromSource(model.index(row_of(model, "Kimi K2"), 0)).row())
    action(window, "duplicateAction").trigger()
    assert model.rowCount() == 4
    assert cell(model, "Kimi K2 (copy)", "Input") == 0.6
    assert cell(model, "Kimi K2 (copy)", "Compare") is True
    qtbot.waitUntil(lambda: "kimi-k2-copy" in stored_models(data_dir), timeout=2000)
    copy = stored_models(data_dir)["kimi-k2-copy"]
    original = stored_models(data_dir)["kimi-k2"]
    assert {k: v for k, v in copy.items() if k not in ("id", "name")} == {
        k: v for k, v in original.items() if k not in ("id", "name")
    }

    view.clearSelection()
    view.selectRow(proxy.mapFromSource(model.index(row_of(model, "DeepSeek V3.1"), 0)).row())
    action(window, "deleteAction").trigger()
    assert model.rowCount() == 3
    qtbot.waitUntil(lambda: "deepseek-v3.1" not in stored_models(data_dir), timeout=2000)

    undo = action(window, "undoAction")
    undo.trigger()  # the delete
    assert cell(model, "DeepSeek V3.1", "Output") == 1.66
    undo.trigger()  # the duplicate
    assert model.rowCount() == 3
    qtbot.waitUntil(
        lambda: list(stored_models(data_dir)) == ["kimi-k2", "deepseek-v3.1", "deepseek-v3-r1"],
        timeout=2000,
    )
    action(window, "redoAction").trigger()
    assert cell(model, "Kimi K2 (copy)", "Input") == 0.6


def test_edit_model_goes_through_the_form_and_is_undoable(
    qtbot: QtBot, window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from llmcompare_gui.ui.editing import model_form

    def ask(cls: Any, parent: Any, store: Any, model: Any = None) -> Any:
        edited = model.model_copy(deep=True)
        edited.vendor = "Someone else"
        return edited

    monkeypatch.setattr(model_form.ModelFormDialog, "ask", classmethod(ask))
    model = source_model(window)
    view = table_view(window)
    view.selectRow(view.model().mapFromSource(model.index(row_of(model, "Kimi K2"), 0)).row())
    action(window, "editModelAction").trigger()
    assert cell(model, "Kimi K2", "Vendor") == "Someone else"
    action(window, "undoAction").trigger()
    assert cell(model, "Kimi K2", "Vendor") == "Moonshot AI"


def test_reset_to_defaults_keeps_a_backup_and_clears_undo(
    qtbot: QtBot, window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = source_model(window)
    index = model.index(row_of(model, "Kimi K2"), column(model, "Input"))
    assert model.setData(index, 3.0, Qt.ItemDataRole.EditRole)
    asked: list[str] = []

    def question(*args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(args[2])
        return QMessageBox.StandardButton.Reset

    monkeypatch.setattr(QMessageBox, "question", question)
    action(window, "resetAction").trigger()
    assert asked
    assert cell(model, "Kimi K2", "Input") == 0.6
    assert stored_models(data_dir)["kimi-k2"]["pricing"]["input_per_mtok"] == 0.6
    assert list((data_dir / "backups").glob("models-*-before-reset.json"))
    assert not action(window, "undoAction").isEnabled()


def test_the_compare_column_drives_the_calculator_and_the_charts(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    model = source_model(window)
    compare = column(model, "Compare")
    assert window.current_comparison().models[0].id == "kimi-k2"
    assert len(window.current_comparison().models) == 3
    index = model.index(row_of(model, "Kimi K2"), compare)
    assert model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert [m.id for m in window.current_comparison().models] == ["deepseek-v3.1", "deepseek-v3-r1"]
    calculator = find(window, QWidget, "costCalculator")
    assert [row[0] for row in calculator.cost_rows()] == ["DeepSeek V3.1", "DeepSeek V3/R1"]
    window.close()
    again = open_window(qtbot, data_dir)
    assert [m.id for m in again.current_comparison().models] == ["deepseek-v3.1", "deepseek-v3-r1"]


def test_the_scenario_is_remembered_between_launches(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    type_into(qtbot, find(window, QLineEdit, "inputTokensEdit"), "3.5B")
    find(window, QSlider, "cachedShareSlider").setValue(25)
    window.close()
    again = open_window(qtbot, data_dir)
    scenario = again.current_comparison().scenario
    assert (scenario.input_tokens, scenario.cached_share) == (3.5e9, 0.25)
    assert find(again, QLineEdit, "inputTokensEdit").text() == "3.5B"


def test_column_visibility_is_remembered(qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    model = source_model(window)
    vendor = column(model, "Vendor")
    view = table_view(window)
    assert not view.isColumnHidden(vendor)
    toggle = action(window, "column_vendor")
    toggle.trigger()
    assert view.isColumnHidden(vendor)
    window.close()
    again = open_window(qtbot, data_dir)
    assert table_view(again).isColumnHidden(column(source_model(again), "Vendor"))
    action(again, "column_vendor").trigger()
    assert not table_view(again).isColumnHidden(column(source_model(again), "Vendor"))


def test_ctrl_f_focuses_the_filter_box(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    action(window, "findAction").trigger()
    filter_edit = find(window, QLineEdit, "modelFilter")
    assert action(window, "findAction").shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    qtbot.waitUntil(filter_edit.hasFocus)


def test_charts_are_built_and_follow_the_tabs(window: MainWindow) -> None:
    from llmcompare_gui.domain.comparison import ChartKind

    panel = window.parts.charts
    assert panel.built
    assert panel.current_kind() in set(ChartKind)
    panel.set_current_kind(ChartKind.VALUE)
    assert panel.current_kind() is ChartKind.VALUE


def test_the_about_box_names_version_licence_sources_and_opens_the_data_folder(
    qtbot: QtBot, window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QDialog, QPushButton

    from llmcompare_gui import __version__

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    action(window, "aboutAction").trigger()
    dialog = window.findChild(QDialog, "aboutDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    text = find(dialog, QLabel, "aboutText").text()
    assert f"llmcompare-gui {__version__}" in text
    assert "Licence:</b> MIT" in text
    # The bundled models' source, as resources/default_store.json names it.
    assert "Kimi K2 vs DeepSeek V3/R1 Architecture and Performance Metrics Unpacked" in text
    assert "LiteLLM" in text
    folder = find(dialog, QLineEdit, "aboutDataFolder")
    assert folder.text() == str(data_dir)
    assert str(data_dir / "models.json") in folder.toolTip()
    find(dialog, QPushButton, "openDataFolder").click()
    assert opened == [QUrl.fromLocalFile(str(data_dir))]
    dialog.close()


def test_launch_shows_the_shell_first_then_the_table_then_the_charts(
    qtbot: QtBot, data_dir: Path
) -> None:
    from llmcompare_gui.ui.window.app import launch

    window = launch(data_dir)
    qtbot.addWidget(window)
    assert window.isVisible()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "modelTable") is not None)
    qtbot.waitUntil(lambda: window.findChild(QWidget, "chartPanel") is not None)
    panel = window.parts.charts
    qtbot.waitUntil(lambda: panel.built, timeout=5000)
    assert panel.figure(panel.current_kind()) is not None
    assert cell(source_model(window), "Kimi K2", "Input") == 0.6


def test_launch_on_a_broken_store_says_why(qtbot: QtBot, data_dir: Path) -> None:
    from llmcompare_gui.ui.window.app import launch

    data_dir.mkdir(parents=True)
    (data_dir / "models.json").write_text("[", encoding="utf-8")
    window = launch(data_dir)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.findChild(QLabel, "storeError") is not None)
    assert "not valid JSON" in find(window, QLabel, "storeError").text()


def test_other_chart_tabs_are_drawn_when_shown(qtbot: QtBot, window: MainWindow) -> None:
    from llmcompare_gui.domain.comparison import ChartKind

    panel = window.parts.charts
    for kind in ChartKind:
        panel.set_current_kind(kind)
        assert panel.current_kind() is kind
        figure = panel.figure(kind)
        assert figure is not None
        qtbot.waitUntil(figure.widget.isVisible)
    slider = find(window, QSlider, "inputTokensSlider")
    slider.setValue(slider.value() + 3)
    qtbot.waitUntil(lambda: panel.comparison().scenario == window.current_comparison().scenario)


def test_view_charts_hides_a_tab_and_remembers_it(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    from llmcompare_gui.domain.comparison import ChartKind

    action(window, "showChart_volume").trigger()
    assert not window.parts.charts.is_kind_visible(ChartKind.VOLUME)
    window.close()
    again = open_window(qtbot, data_dir)
    assert not again.parts.charts.is_kind_visible(ChartKind.VOLUME)
    assert not action(again, "showChart_volume").isChecked()


def test_dark_theme_recolours_the_charts(window: MainWindow) -> None:
    panel = window.parts.charts
    action(window, "theme_dark").trigger()
    assert panel.is_dark()
    action(window, "theme_light").trigger()
    assert not panel.is_dark()
    action(window, "theme_system").trigger()


def test_splitter_sizes_and_geometry_are_remembered(qtbot: QtBot, data_dir: Path) -> None:
    from PySide6.QtWidgets import QSplitter

    first = open_window(qtbot, data_dir)
    first.resize(760, 560)  # the offscreen screen is 800×600
    first.show()
    qtbot.waitExposed(first)
    splitter = find(first, QSplitter, "bottomSplitter")
    splitter.setSizes([400, 350])
    sizes = splitter.sizes()
    first.close()
    again = open_window(qtbot, data_dir)
    again.show()
    qtbot.waitExposed(again)
    assert (again.size().width(), again.size().height()) == (760, 560)
    assert find(again, QSplitter, "bottomSplitter").sizes() == sizes


def test_many_compared_models_are_capped_in_the_charts_and_the_panel_says_so(
    qtbot: QtBot, data_dir: Path
) -> None:
    from ..stores import write_store

    write_store(data_dir, 40)
    window = open_window(qtbot, data_dir)
    model = source_model(window)
    table = window.parts.table
    table.set_compared_ids({table.model_at(row).id for row in range(model.rowCount())})
    assert len(window.current_comparison().models) == 40
    note = find(window, QLabel, "chartNote")
    assert "15 cheapest" in note.text()
    assert len(find(window, QWidget, "costCalculator").cost_rows()) == 40


def test_the_export_menu_holds_the_export_actions(window: MainWindow) -> None:
    from PySide6.QtWidgets import QMenu

    menu = window.findChild(QMenu, "exportMenu")
    assert menu is not None
    assert menu.isEnabled()
    assert [a.text() for a in menu.actions()] == [
        "Export Chart…",
        "Copy Chart",
        "Export All Charts…",
        "Export Table as CSV…",
    ]


# A popup menu on the offscreen platform: no window stacking, no keyboard grab.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_the_header_menu_offers_every_column(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QMenu

    header = table_view(window).horizontalHeader()
    # What a right click on the header does.
    header.customContextMenuRequested.emit(QPoint(10, 5))
    qtbot.waitUntil(lambda: window.findChild(QMenu, "headerMenu") is not None)
    menu = window.findChild(QMenu, "headerMenu")
    assert menu is not None
    texts = [a.text() for a in menu.actions()]
    model = source_model(window)
    headers = [
        str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())
    ]
    assert texts == headers
    vendor = next(a for a in menu.actions() if a.text() == "Vendor")
    vendor.trigger()
    assert table_view(window).isColumnHidden(column(model, "Vendor"))
    menu.close()


def test_the_value_map_benchmark_follows_the_combo_and_is_remembered(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    from PySide6.QtWidgets import QComboBox

    combo = find(window, QComboBox, "valueBenchmarkCombo")
    ids = [combo.itemData(i) for i in range(combo.count())]
    assert ids == ["swe_bench_verified", "livecodebench", "aider-polyglot"]
    assert combo.currentData() == "swe_bench_verified"
    combo.setCurrentIndex(ids.index("livecodebench"))
    combo.activated.emit(combo.currentIndex())
    definition = window.current_comparison().value_benchmark_definition()
    assert definition is not None
    assert definition.id == "livecodebench"
    window.close()
    again = open_window(qtbot, data_dir)
    assert again.current_comparison().value_benchmark == "livecodebench"
    assert find(again, QComboBox, "valueBenchmarkCombo").currentData() == "livecodebench"


def test_a_termination_signal_closes_the_window_and_saves(
    qtbot: QtBot, window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import signal

    from llmcompare_gui.ui.window.app import close_on_signals

    handlers: dict[int, Any] = {}
    monkeypatch.setattr(
        signal, "signal", lambda number, handler: handlers.setdefault(number, handler)
    )
    close_on_signals(window)
    assert set(handlers) >= {signal.SIGINT, signal.SIGTERM}
    model = source_model(window)
    index = model.index(row_of(model, "Kimi K2"), column(model, "Output"))
    assert model.setData(index, 2.75, Qt.ItemDataRole.EditRole)
    handlers[signal.SIGTERM](signal.SIGTERM, None)
    assert not window.isVisible()
    assert stored_models(data_dir)["kimi-k2"]["pricing"]["output_per_mtok"] == 2.75


def test_a_new_benchmark_in_an_edit_adds_a_column(window: MainWindow) -> None:
    from llmcompare_gui.domain.model import BenchmarkResult

    model = source_model(window)
    table = window.parts.table
    before = model.columnCount()
    original = table.store.model("kimi-k2")
    edited = original.model_copy(deep=True)
    edited.benchmarks = {**edited.benchmarks, "mmlu": BenchmarkResult(score=88.0)}
    window.parts.edits.replace(original, edited, "Add MMLU")
    assert model.columnCount() == before + 1
    assert cell(model, "Kimi K2", "mmlu") == 88.0
    assert table_view(window).horizontalHeader().sectionSize(column(model, "mmlu")) > 30
    action(window, "undoAction").trigger()
    assert model.columnCount() == before


def test_a_name_edited_in_the_table_is_saved_and_undoable(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    view = table_view(window)
    model = source_model(window)
    index = view.model().mapFromSource(
        model.index(row_of(model, "DeepSeek V3.1"), column(model, "Name"))
    )
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.findChild(QLineEdit, "cellEditor")
    assert editor is not None
    assert editor.text() == "DeepSeek V3.1"
    editor.selectAll()
    qtbot.keyClicks(editor, "DeepSeek V3.1 Terminus")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: stored_models(data_dir)["deepseek-v3.1"]["name"] == "DeepSeek V3.1 Terminus",
        timeout=2000,
    )
    assert action(window, "undoAction").text().startswith("&Undo")
    action(window, "undoAction").trigger()
    assert row_of(model, "DeepSeek V3.1") >= 0
