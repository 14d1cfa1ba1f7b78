"""What a new user hit in the window (issue 13): quitting, broken stores, stale views, keys."""

from __future__ import annotations

import json
import signal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from llmcompare_gui.domain.table_columns import INPUT
from llmcompare_gui.ui.window.main_window import MainWindow
from llmcompare_gui.ui.window.unsaved_dialog import UnsavedChangesDialog, UnsavedChoice

from .window_helpers import column, open_window, row_of, source_model, table_view

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    window = open_window(qtbot, data_dir)
    window.show()
    qtbot.waitExposed(window)
    return window


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, f"no action named {name!r}"
    return found


def input_price_in(path: Path, model_id: str) -> float:
    data = json.loads(path.read_text(encoding="utf-8"))
    return next(m for m in data["models"] if m["id"] == model_id)["pricing"]["input_per_mtok"]


# -- 1. quitting with changes that cannot be saved ------------------------------------------


def edit_with_the_folder_gone(qtbot: QtBot, window: MainWindow, data_dir: Path) -> Path:
    """Edit Kimi K2's input price after the data folder was replaced by a file, as in the issue.

    Returns where the folder (and the store as it was) went.
    """
    moved = data_dir.with_name("moved-away")
    data_dir.rename(moved)
    data_dir.write_text("not a folder", encoding="utf-8")
    model = source_model(window)
    index = model.index(row_of(model, "Kimi K2"), column(model, "Input"))
    assert model.setData(index, 0.75, Qt.ItemDataRole.EditRole)
    state = window.findChild(QLabel, "saveState")
    assert state is not None
    qtbot.waitUntil(lambda: state.text().startswith("Save failed"), timeout=3000)
    return moved


def quit_by(how: str, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    if how == "menu":
        action(window, "quitAction").trigger()
    elif how == "close":
        window.close()
    else:
        from llmcompare_gui.ui.window.app import close_on_signals

        handlers: dict[int, Any] = {}
        monkeypatch.setattr(
            signal, "signal", lambda number, handler: handlers.setdefault(number, handler)
        )
        close_on_signals(window)
        handlers[signal.SIGTERM](signal.SIGTERM, None)


@pytest.fixture
def no_warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: shown.append(args[2]))
    return shown


@pytest.mark.parametrize("how", ["menu", "close", "sigterm"])
def test_quit_with_unsavable_changes_asks_and_cancel_keeps_the_window(
    qtbot: QtBot,
    window: MainWindow,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_warnings: list[str],
    how: str,
) -> None:
    edit_with_the_folder_gone(qtbot, window, data_dir)
    asked: list[str] = []

    def cancel(_parent: object, _store: Path, problem: str) -> UnsavedChoice:
        asked.append(problem)
        return UnsavedChoice.CANCEL

    monkeypatch.setattr(UnsavedChangesDialog, "ask", cancel)
    quit_by(how, window, monkeypatch)
    assert len(asked) == 1
    assert str(data_dir) in asked[0]
    assert window.isVisible()
    assert window.parts.saver.dirty


def test_retry_on_quit_saves_once_the_folder_is_back(
    qtbot: QtBot,
    window: MainWindow,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_warnings: list[str],
) -> None:
    moved = edit_with_the_folder_gone(qtbot, window, data_dir)
    calls: list[int] = []

    def retry_then_fix(*_args: object) -> UnsavedChoice:
        calls.append(1)
        if len(calls) == 2:  # the user put the folder back before the second retry
            data_dir.unlink()
            moved.rename(data_dir)
        return UnsavedChoice.RETRY

    monkeypatch.setattr(UnsavedChangesDialog, "ask", retry_then_fix)
    action(window, "quitAction").trigger()
    assert len(calls) == 2
    assert not window.isVisible()
    assert input_price_in(data_dir / "models.json", "kimi-k2") == 0.75


def test_save_as_on_quit_writes_the_models_elsewhere_and_says_so(
    qtbot: QtBot,
    window: MainWindow,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_warnings: list[str],
) -> None:
    moved = edit_with_the_folder_gone(qtbot, window, data_dir)
    copy = tmp_path / "rescued.json"
    monkeypatch.setattr(UnsavedChangesDialog, "ask", lambda *a: UnsavedChoice.SAVE_AS)
    monkeypatch.setattr(UnsavedChangesDialog, "ask_path", lambda *a: copy)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args, **kw: told.append(args[2]))
    action(window, "quitAction").trigger()
    assert not window.isVisible()
    assert input_price_in(copy, "kimi-k2") == 0.75
    # The store itself was not touched, and the message says both where the copy went
    # and that the app's store was not changed.
    assert input_price_in(moved / "models.json", "kimi-k2") == 0.6
    assert len(told) == 1
    assert str(copy) in told[0]
    assert str(data_dir / "models.json") in told[0]
    assert "not changed" in told[0]
    state = window.findChild(QLabel, "saveState")
    assert state is not None
    assert state.text().startswith(f"Saved to {copy}")  # not "All changes saved"


def test_discard_on_quit_closes_without_saving(
    qtbot: QtBot,
    window: MainWindow,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_warnings: list[str],
) -> None:
    moved = edit_with_the_folder_gone(qtbot, window, data_dir)
    monkeypatch.setattr(UnsavedChangesDialog, "ask", lambda *a: UnsavedChoice.DISCARD)
    action(window, "quitAction").trigger()
    assert not window.isVisible()
    assert input_price_in(moved / "models.json", "kimi-k2") == 0.6


def test_quit_with_everything_saved_asks_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[object] = []
    monkeypatch.setattr(UnsavedChangesDialog, "ask", lambda *a: asked.append(a))
    action(window, "quitAction").trigger()
    assert not window.isVisible()
    assert asked == []


# -- 3. the window on a broken store -------------------------------------------------------


BROKEN_TEXT = '{"schema_version": 1, "models": [ oops'


@pytest.fixture
def broken(qtbot: QtBot, data_dir: Path) -> MainWindow:
    data_dir.mkdir(parents=True)
    (data_dir / "models.json").write_text(BROKEN_TEXT, encoding="utf-8")
    window = open_window(qtbot, data_dir)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_broken_store_window_is_the_only_window_shown(qtbot: QtBot, data_dir: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from llmcompare_gui.ui.window.app import launch

    data_dir.mkdir(parents=True)
    (data_dir / "models.json").write_text(BROKEN_TEXT, encoding="utf-8")
    window = launch(data_dir)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.findChild(QLabel, "storeError") is not None)
    # The table and charts it set aside are not left on screen as a window of their own
    # (which also kept the application running after the window closed).
    shown = [widget for widget in QApplication.topLevelWidgets() if widget.isVisible()]
    assert shown == [window]


def test_the_broken_store_window_has_no_parts_and_says_so(broken: MainWindow) -> None:
    assert not broken.has_store
    with pytest.raises(RuntimeError, match="no store is open in this window"):
        _ = broken.parts
    with pytest.raises(RuntimeError, match="no store is open in this window"):
        broken.current_comparison()


def test_a_window_on_a_store_has_its_parts_wired_to_it(window: MainWindow) -> None:
    assert window.has_store
    parts = window.parts
    # The parts are the ones the window shows and uses, not copies.
    assert table_view(window).model() is parts.proxy
    assert parts.proxy.sourceModel() is parts.table
    assert window.findChild(QWidget, "costCalculator") is parts.calculator
    assert window.findChild(QWidget, "chartPanel") is parts.charts
    assert parts.table.store is parts.session.store
    undo = action(window, "undoAction")
    assert not undo.isEnabled()
    source = parts.table
    index = source.index(0, source.column_of(INPUT))
    assert source.setData(index, 0.42, Qt.ItemDataRole.EditRole)
    assert parts.undo_stack.canUndo()
    assert undo.isEnabled()
    assert parts.saver.dirty


def test_the_broken_store_window_quits_from_the_menu(broken: MainWindow) -> None:
    quit_action = action(broken, "quitAction")
    assert quit_action.isEnabled()
    quit_action.trigger()
    assert not broken.isVisible()


def test_the_broken_store_window_shows_about_and_switches_theme(
    broken: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

    action(broken, "aboutAction").trigger()
    dialog = broken.findChild(QDialog, "aboutDialog")
    assert dialog is not None
    folder = dialog.findChild(QLineEdit, "aboutDataFolder")
    assert folder is not None
    assert str(data_dir / "models.json") in folder.toolTip()
    dialog.close()
    action(broken, "theme_dark").trigger()
    window_colour = QApplication.palette().color(QPalette.ColorRole.Window)
    assert window_colour.lightness() < 128
    action(broken, "theme_system").trigger()
    # Nothing was written beside the broken store (not even the theme setting).
    assert {p.name for p in data_dir.iterdir()} <= {"models.json", ".models.json.lock"}


def test_the_broken_store_window_disables_what_needs_a_store(broken: MainWindow) -> None:
    for name in (
        "importAction",
        "resetAction",
        "addModelAction",
        "editModelAction",
        "duplicateAction",
        "deleteAction",
        "findAction",
    ):
        assert not action(broken, name).isEnabled(), name
    menus = {menu.objectName(): menu for menu in broken.findChildren(QMenu)}
    assert not menus["exportMenu"].isEnabled()
    assert not menus["columnsMenu"].isEnabled()


def button(window: MainWindow, name: str) -> Any:
    from PySide6.QtWidgets import QPushButton

    found = window.findChild(QPushButton, name)
    assert found is not None, f"no button named {name!r}"
    return found


def test_open_the_last_backup_after_confirming_keeps_the_broken_file(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from llmcompare_gui.store.jsonstore import default_store, dump_store

    data_dir.mkdir(parents=True)
    good = default_store()
    good.models = good.models[:2]
    (data_dir / "models.json.bak").write_text(dump_store(good), encoding="utf-8")
    (data_dir / "models.json").write_text(BROKEN_TEXT, encoding="utf-8")
    window = open_window(qtbot, data_dir)
    window.show()
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str, *rest: object) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", confirm)
    action(window, "theme_dark").trigger()
    button(window, "openBackupButton").click()
    assert action(window, "theme_dark").isChecked()  # the theme chosen on the error page stays
    action(window, "theme_system").trigger()
    assert len(asked) == 1
    assert "models.json.bak" in asked[0]
    # The normal window on the backup's two models, and the broken file kept aside.
    assert source_model(window).rowCount() == 2
    assert action(window, "importAction").isEnabled()
    kept = list(data_dir.glob("models.broken-*.json"))
    assert len(kept) == 1
    assert kept[0].read_text(encoding="utf-8") == BROKEN_TEXT
    assert kept[0].name in window.statusBar().currentMessage()
    # It works like the normal window: an edit is saved to the restored store.
    model = source_model(window)
    index = model.index(0, column(model, "Input"))
    assert model.setData(index, 4.25, Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(
        lambda: input_price_in(data_dir / "models.json", good.models[0].id) == 4.25,
        timeout=3000,
    )
    action(window, "quitAction").trigger()
    assert not window.isVisible()


def test_start_from_the_bundled_data_keeps_the_broken_file(
    qtbot: QtBot, broken: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from llmcompare_gui.store.jsonstore import default_store

    assert not button(broken, "openBackupButton").isEnabled()  # no backup exists
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Cancel)
    button(broken, "startFreshButton").click()
    assert (data_dir / "models.json").read_text(encoding="utf-8") == BROKEN_TEXT
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Ok)
    button(broken, "startFreshButton").click()
    assert source_model(broken).rowCount() == len(default_store().models)
    kept = list(data_dir.glob("models.broken-*.json"))
    assert [p.read_text(encoding="utf-8") for p in kept] == [BROKEN_TEXT]
    assert json.loads((data_dir / "models.json").read_text(encoding="utf-8"))["models"]


# -- 4. sort order and counts after the model list is rebuilt ----------------------------


def shown_costs(window: MainWindow) -> list[float]:
    from .window_helpers import table_view

    proxy = table_view(window).model()
    cost = column(proxy, "Cost")
    return [
        proxy.index(row, cost).data(Qt.ItemDataRole.UserRole) for row in range(proxy.rowCount())
    ]


def count_text(window: MainWindow) -> str:
    label = window.findChild(QLabel, "modelCount")
    assert label is not None
    return label.text()


def sort_by_cost(window: MainWindow, order: Qt.SortOrder = Qt.SortOrder.DescendingOrder) -> None:
    from .window_helpers import table_view

    view = table_view(window)
    view.sortByColumn(column(view.model(), "Cost"), order)


IMPORTED_CSV = (
    "id,name,vendor,input_per_mtok,output_per_mtok\n"
    "acme-1,Acme One,Acme,0.1,0.4\n"
    "acme-2,Acme Two,Acme,9,30\n"
    "acme-3,Acme Three,Acme,3,3\n"
)


def test_import_and_its_undo_keep_the_sort_and_the_filter_count(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QLineEdit

    from llmcompare_gui.domain.importers import plan_import, read_price_file
    from llmcompare_gui.ui.transfer.import_dialog import ImportDialog

    from .window_helpers import table_view

    table = source_model(window)
    sort_by_cost(window)
    monkeypatch.setattr(
        ImportDialog,
        "ask",
        staticmethod(lambda _p, store, _s=None: plan_import(store, read_price_file(IMPORTED_CSV))),
    )
    action(window, "importAction").trigger()
    costs = shown_costs(window)
    assert len(costs) == 6
    assert costs == sorted(costs, reverse=True)
    header = table_view(window).horizontalHeader()
    assert header.sortIndicatorSection() == column(table, "Cost")
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    # With a filter: the count says what the table shows, after undo and redo too.
    filter_edit = window.findChild(QLineEdit, "modelFilter")
    filter_edit.setText("acme")
    assert count_text(window) == "3 of 6 models"
    window.parts.undo_stack.undo()
    assert table_view(window).model().rowCount() == 0
    assert count_text(window) == "0 of 3 models"
    window.parts.undo_stack.redo()
    assert count_text(window) == "3 of 6 models"
    costs = shown_costs(window)
    assert costs == sorted(costs, reverse=True)
    assert len(costs) == 3


def test_reset_to_defaults_keeps_the_sort_and_the_count(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QLineEdit

    table = source_model(window)
    index = table.index(row_of(table, "Kimi K2"), column(table, "Input"))
    assert table.setData(index, 40.0, Qt.ItemDataRole.EditRole)
    # The bundled models are in descending cost order: ascending shows a stale order.
    sort_by_cost(window, Qt.SortOrder.AscendingOrder)
    window.findChild(QLineEdit, "modelFilter").setText("deepseek")
    assert count_text(window) == "2 of 3 models"
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Reset)
    action(window, "resetAction").trigger()
    costs = shown_costs(window)
    assert len(costs) == 2
    assert costs == sorted(costs)
    assert count_text(window) == "2 of 3 models"


# -- 10. the ★ marks the cheapest compared model, and a free one is called free ----------


FREE_AND_PAID_CSV = (
    "id,name,vendor,input_per_mtok,output_per_mtok\n"
    "gratis-1,Gratis One,Nobody,0,0\n"
    "cheap-1,Cheap One,Nobody,0.01,0.02\n"
)


def cost_texts(window: MainWindow) -> dict[str, str]:
    table = source_model(window)
    name, cost = column(table, "Name"), column(table, "Cost")
    return {
        table.index(row, name).data(): table.index(row, cost).data()
        for row in range(table.rowCount())
    }


def test_the_star_marks_the_cheapest_compared_model_as_the_calculator_and_chart_do(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from llmcompare_gui.domain.importers import plan_import, read_price_file
    from llmcompare_gui.ui.transfer.import_dialog import ImportDialog

    monkeypatch.setattr(
        ImportDialog,
        "ask",
        staticmethod(
            lambda _p, store, _s=None: plan_import(store, read_price_file(FREE_AND_PAID_CSV))
        ),
    )
    action(window, "importAction").trigger()
    table = window.parts.table
    compared = {m.id for m in table.store.models} - {"gratis-1", "cheap-1"}
    table.set_compared_ids(compared)
    texts = cost_texts(window)
    # The imported models are not compared: neither is marked; the free one says "free".
    assert texts["Gratis One"] == "free"
    assert not texts["Cheap One"].startswith("★")
    starred = [name for name, text in texts.items() if text.startswith("★")]
    # DeepSeek V3/R1 is the cheapest of the three compared (by hand, 100M in and 20M out:
    # 0.30 × 100 + 1.20 × 20 = $54, against V3.1's $88.20 and Kimi K2's $110).
    assert starred == ["DeepSeek V3/R1"]
    assert texts["DeepSeek V3/R1"] == "★ $54.00"
    calculator_rows = {row[0]: row[2] for row in window.parts.calculator.cost_rows()}
    assert calculator_rows["DeepSeek V3/R1"] == "cheapest"
    # Comparing the free model too: it is called free everywhere, and the ★ stays on
    # the cheapest model that costs something.
    table.set_compared_ids(compared | {"gratis-1"})
    texts = cost_texts(window)
    assert texts["Gratis One"] == "free"
    assert [name for name, text in texts.items() if text.startswith("★")] == ["DeepSeek V3/R1"]
    calculator_rows = {row[0]: row[2] for row in window.parts.calculator.cost_rows()}
    assert calculator_rows == {
        "Kimi K2": "×2.04",
        "DeepSeek V3.1": "×1.63",
        "DeepSeek V3/R1": "cheapest",
        "Gratis One": "free",
    }


# -- 5. disabled looks disabled; the read-only window switches its writing actions off ------


def test_the_light_and_dark_palettes_grey_out_disabled_text() -> None:
    from PySide6.QtGui import QPalette

    from llmcompare_gui.ui.window.theme import dark_palette, light_palette

    for palette in (light_palette(), dark_palette()):
        background = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window)
        for role in (
            QPalette.ColorRole.WindowText,
            QPalette.ColorRole.Text,
            QPalette.ColorRole.ButtonText,
        ):
            enabled = palette.color(QPalette.ColorGroup.Active, role)
            disabled = palette.color(QPalette.ColorGroup.Disabled, role)
            # Disabled text sits between the enabled text and the background.
            assert abs(disabled.lightness() - background.lightness()) < abs(
                enabled.lightness() - background.lightness()
            ), role


def test_a_disabled_menu_item_is_drawn_fainter_under_the_light_theme(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QMenu

    action(window, "theme_light").trigger()
    menu = QMenu()
    qtbot.addWidget(menu)
    enabled = menu.addAction("Redo Redo Redo")
    disabled = menu.addAction("Redo Redo Redo")
    disabled.setEnabled(False)
    menu.resize(menu.sizeHint())
    image = menu.grab().toImage()  # drawn as shown, without a popup grabbing the keyboard

    def darkest(item: QAction) -> int:
        area = menu.actionGeometry(item)
        return min(
            image.pixelColor(x, y).lightness()
            for x in range(area.left(), area.right())
            for y in range(area.top(), area.bottom())
        )

    assert darkest(enabled) < 80
    assert darkest(disabled) > darkest(enabled) + 60
    action(window, "theme_system").trigger()


@pytest.fixture
def read_only(qtbot: QtBot, window: MainWindow, data_dir: Path) -> MainWindow:
    second = open_window(qtbot, data_dir)
    second.show()
    qtbot.waitExposed(second)
    return second


WRITING_ACTIONS = (
    "importAction",
    "resetAction",
    "addModelAction",
    "editModelAction",
    "duplicateAction",
    "deleteAction",
)


def test_the_read_only_window_disables_every_writing_action_and_says_why(
    read_only: MainWindow,
) -> None:
    from .window_helpers import table_view

    table_view(read_only).selectRow(0)  # a selection enables Edit and Delete elsewhere
    for name in WRITING_ACTIONS:
        found = action(read_only, name)
        assert not found.isEnabled(), name
        assert "read-only" in found.statusTip().lower(), name
        assert "read-only" in found.toolTip().lower(), name
    assert action(read_only, "quitAction").isEnabled()
    assert action(read_only, "findAction").isEnabled()


def test_the_read_only_window_never_writes_the_settings(qtbot: QtBot, data_dir: Path) -> None:
    from llmcompare_gui.store.lock import StoreLock

    first = open_window(qtbot, data_dir)
    first.close()
    settings_file = data_dir / "settings.ini"
    before = settings_file.read_bytes()
    lock = StoreLock(data_dir)
    assert lock.acquire()  # another instance owns the store
    try:
        second = open_window(qtbot, data_dir)
        second.show()
        second.main_splitter.setSizes([50, 700])
        action(second, "theme_dark").trigger()
        action(second, "column_vendor").toggle()
        second.close()
    finally:
        lock.release()
    assert settings_file.read_bytes() == before
    action(second, "theme_system").trigger()


# -- 11. Tab moves between the parts of the window; arrows move inside the table ----------


def test_tab_walks_filter_table_calculator_and_chart_tabs_and_comes_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QApplication, QTabBar

    window.activateWindow()
    window.filter_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.filter_edit)
    visited: list[Any] = []
    for _ in range(20):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
        if visited[-1] is window.filter_edit:
            break
    names = [widget.objectName() for widget in visited]
    assert names[0] == "modelTable"
    assert names[1] != "modelTable"  # one Tab leaves the table
    assert "inputTokensEdit" in names
    assert "cachedShareSlider" in names
    assert any(isinstance(widget, QTabBar) for widget in visited)
    assert names[-1] == "modelFilter"
    assert names.index("modelTable") < names.index("inputTokensEdit")


def test_arrows_move_inside_the_table(qtbot: QtBot, window: MainWindow) -> None:
    from .window_helpers import table_view

    view = table_view(window)
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 1))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.currentIndex().column() == 2


# -- the minor items --------------------------------------------------------------------------


def test_a_refusal_message_goes_once_a_later_edit_succeeds(window: MainWindow) -> None:
    table = source_model(window)
    index = table.index(row_of(table, "Kimi K2"), column(table, "Input"))
    assert not table.setData(index, "1e400", Qt.ItemDataRole.EditRole)
    assert window.statusBar().currentMessage().startswith("Not changed")
    assert table.setData(index, 0.7, Qt.ItemDataRole.EditRole)
    assert window.statusBar().currentMessage() == ""


def test_deleting_says_what_and_how_to_undo(qtbot: QtBot, window: MainWindow) -> None:
    from .window_helpers import table_view

    view = table_view(window)
    proxy = view.model()
    view.selectRow(row_of(proxy, "Kimi K2"))
    action(window, "deleteAction").trigger()
    assert window.statusBar().currentMessage() == "Deleted Kimi K2 — Ctrl+Z to undo"


def test_the_compare_column_cannot_be_hidden(window: MainWindow, data_dir: Path) -> None:
    from .window_helpers import table_view

    compare = action(window, "column_compare")
    assert compare.isChecked()
    assert not compare.isEnabled()
    assert not table_view(window).isColumnHidden(column(source_model(window), "Compare"))


def test_a_hidden_compare_column_in_old_settings_is_shown(qtbot: QtBot, data_dir: Path) -> None:
    from llmcompare_gui.store.paths import resolve_paths
    from llmcompare_gui.ui.window.settings import WindowSettings

    from .window_helpers import table_view

    settings = WindowSettings(resolve_paths(data_dir).settings_file)
    settings.set_hidden_columns({"compare", "vendor"})
    settings.sync()
    window = open_window(qtbot, data_dir)
    model = source_model(window)
    assert not table_view(window).isColumnHidden(column(model, "Compare"))
    assert table_view(window).isColumnHidden(column(model, "Vendor"))


def test_a_long_name_is_shown_in_full_in_its_tooltip_before_the_source(
    window: MainWindow,
) -> None:
    from .window_helpers import table_view

    table = source_model(window)
    long_name = "DeepSeek V3.1 Terminus Experimental Preview (thinking, 128K context, 2026-11)"
    index = table.index(row_of(table, "DeepSeek V3.1"), column(table, "Name"))
    assert table.setData(index, long_name, Qt.ItemDataRole.EditRole)
    index = table.index(row_of(table, long_name), column(table, "Name"))
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    lines = tooltip.split("\n")
    assert lines[0] == long_name
    assert any(line.startswith("Source: ") for line in lines[1:])
    # The column starts wide enough for the longest bundled name.
    view = table_view(window)
    names = [m.name for m in window.parts.table.store.models if m.name != long_name]
    widest = max(view.fontMetrics().horizontalAdvance(name) for name in names)
    assert view.columnWidth(column(table, "Name")) >= widest


def test_the_chart_note_is_not_drawn_disabled_and_the_benchmark_picker_follows_the_tab(
    window: MainWindow,
) -> None:
    from PySide6.QtWidgets import QComboBox

    from llmcompare_gui.domain.comparison import ChartKind

    note = window.findChild(QLabel, "chartNote")
    assert note is not None
    assert note.isEnabled()
    assert "compared" in note.text()
    count = window.findChild(QLabel, "modelCount")
    assert count is not None
    assert count.isEnabled()
    picker = window.findChild(QComboBox, "valueBenchmarkCombo")
    assert picker is not None
    panel = window.parts.charts
    for kind in ChartKind:
        panel.set_current_kind(kind)
        assert picker.isVisible() == (kind is ChartKind.VALUE), kind


def test_the_read_only_window_can_be_narrow_and_its_banner_wraps(
    qtbot: QtBot, read_only: MainWindow
) -> None:
    read_only.resize(720, 600)
    qtbot.waitUntil(lambda: read_only.width() <= 720)
    banner = read_only.findChild(QLabel, "storeBanner")
    assert banner is not None
    assert banner.wordWrap()
    assert banner.geometry().right() <= read_only.centralWidget().width()
    assert "read-only" in banner.text().lower()
    # The status bar's read-only state is short enough not to be cut at the right edge.
    assert read_only.statusBar().minimumSizeHint().width() <= 720
    state = read_only.findChild(QLabel, "saveState")
    assert state is not None
    assert state.text().startswith("Read-only")
