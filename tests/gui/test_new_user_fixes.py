"""What a new user hit in the window (issue 13): quitting, broken stores, stale views, keys."""

from __future__ import annotations

import json
import signal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from llmcompare_gui.ui.unsaved_dialog import UnsavedChangesDialog, UnsavedChoice

from .window_helpers import column, open_window, row_of, source_model

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> QMainWindow:
    window = open_window(qtbot, data_dir)
    window.show()
    qtbot.waitExposed(window)
    return window


def action(window: QMainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, f"no action named {name!r}"
    return found


def input_price_in(path: Path, model_id: str) -> float:
    data = json.loads(path.read_text(encoding="utf-8"))
    return next(m for m in data["models"] if m["id"] == model_id)["pricing"]["input_per_mtok"]


# -- 1. quitting with changes that cannot be saved ------------------------------------------


def edit_with_the_folder_gone(qtbot: QtBot, window: QMainWindow, data_dir: Path) -> Path:
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


def quit_by(how: str, window: QMainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    if how == "menu":
        action(window, "quitAction").trigger()
    elif how == "close":
        window.close()
    else:
        from llmcompare_gui.ui.app import close_on_signals

        handlers: dict[int, Any] = {}
        monkeypatch.setattr(
            signal, "signal", lambda number, handler: handlers.setdefault(number, handler)
        )
        close_on_signals(window)  # type: ignore[arg-type]
        handlers[signal.SIGTERM](signal.SIGTERM, None)


@pytest.fixture
def no_warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: shown.append(args[2]))
    return shown


@pytest.mark.parametrize("how", ["menu", "close", "sigterm"])
def test_quit_with_unsavable_changes_asks_and_cancel_keeps_the_window(
    qtbot: QtBot,
    window: QMainWindow,
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
    assert window.save_controller.dirty  # type: ignore[attr-defined]


def test_retry_on_quit_saves_once_the_folder_is_back(
    qtbot: QtBot,
    window: QMainWindow,
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
    window: QMainWindow,
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


def test_discard_on_quit_closes_without_saving(
    qtbot: QtBot,
    window: QMainWindow,
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
    qtbot: QtBot, window: QMainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[object] = []
    monkeypatch.setattr(UnsavedChangesDialog, "ask", lambda *a: asked.append(a))
    action(window, "quitAction").trigger()
    assert not window.isVisible()
    assert asked == []
