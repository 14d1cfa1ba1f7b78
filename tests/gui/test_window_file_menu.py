"""File → Import and File → Export, wired into the real main window."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from llmcompare_gui.domain.importers import plan_import, read_price_file
from llmcompare_gui.domain.model import Store
from llmcompare_gui.ui.transfer.import_dialog import ImportDialog
from llmcompare_gui.ui.window.main_window import MainWindow

from .window_helpers import cell, open_window, source_model

pytestmark = pytest.mark.gui

NEW_MODELS_CSV = (
    "id,name,vendor,input_per_mtok,output_per_mtok\n"
    "acme-1,Acme One,Acme,0.1,0.4\n"
    "kimi-k2,Kimi K2,Moonshot AI,0.5,2.5\n"
)


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def stored(data_dir: Path) -> dict[str, dict[str, Any]]:
    document = json.loads((data_dir / "models.json").read_text(encoding="utf-8"))
    return {model["id"]: model for model in document["models"]}


def accept_import_of(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    def ask(parent: object, store: Store, settings: object = None) -> object:
        return plan_import(store, read_price_file(text))

    monkeypatch.setattr(ImportDialog, "ask", staticmethod(ask))


def test_no_two_actions_share_a_shortcut(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    shortcuts = Counter(
        a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()
    )
    assert [key for key, count in shortcuts.items() if count > 1] == []
    export_chart = next(a for a in window.findChildren(QAction) if a.text() == "Export Chart…")
    assert export_chart.shortcut() == QKeySequence("Ctrl+E")
    assert export_chart.isEnabled()


def test_import_adds_and_updates_then_undo_restores_and_saves(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, data_dir)
    accept_import_of(monkeypatch, NEW_MODELS_CSV)
    action(window, "importAction").trigger()

    model = source_model(window)
    assert cell(model, "Acme One", "Input") == 0.1
    assert cell(model, "Kimi K2", "Input") == 0.5
    qtbot.waitUntil(lambda: "acme-1" in stored(data_dir), timeout=2000)
    assert stored(data_dir)["kimi-k2"]["pricing"]["input_per_mtok"] == 0.5
    assert list((data_dir / "backups").glob("*before-import*"))

    window.parts.undo_stack.undo()
    assert cell(model, "Kimi K2", "Input") == 0.6
    qtbot.waitUntil(lambda: "acme-1" not in stored(data_dir), timeout=2000)
    assert stored(data_dir)["kimi-k2"]["pricing"]["input_per_mtok"] == 0.6


def test_cancelled_import_changes_nothing(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, data_dir)
    before = (data_dir / "models.json").read_bytes()
    monkeypatch.setattr(ImportDialog, "ask", staticmethod(lambda *args: None))
    action(window, "importAction").trigger()
    assert not window.parts.undo_stack.canUndo()
    assert (data_dir / "models.json").read_bytes() == before


def test_export_table_writes_what_the_table_shows(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, data_dir)
    out = tmp_path / "table.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    next(a for a in window.findChildren(QAction) if a.text() == "Export Table as CSV…").trigger()
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert set(rows) == {"kimi-k2", "deepseek-v3.1", "deepseek-v3-r1"}
    model = source_model(window)
    assert float(rows["kimi-k2"]["monthly_cost"]) == cell(model, "Kimi K2", "Cost")
    # The table export reads back in as an import that changes nothing.
    plan = plan_import(window.parts.table.store, read_price_file(out.read_text("utf-8-sig")))
    assert plan.added == []
    assert plan.updated == []


def test_benchmark_import_is_one_undoable_step_with_its_new_benchmark(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from llmcompare_gui.domain.imports import plan_any_import, read_import_file

    scores = "model_id,benchmark,score,unit\nKimi K2,LiveBench,64.2,%\n"

    def ask(parent: object, store: Store, settings: object = None) -> object:
        return plan_any_import(store, read_import_file(scores))

    monkeypatch.setattr(ImportDialog, "ask", staticmethod(ask))
    window = open_window(qtbot, data_dir)
    action(window, "importAction").trigger()
    model = source_model(window)
    assert cell(model, "Kimi K2", "LiveBench") == 64.2

    def saved_benchmarks() -> list[str]:
        document = json.loads((data_dir / "models.json").read_text(encoding="utf-8"))
        return [b["id"] for b in document["benchmarks"]]

    qtbot.waitUntil(lambda: "LiveBench" in saved_benchmarks(), timeout=2000)
    assert stored(data_dir)["kimi-k2"]["benchmarks"]["LiveBench"]["reported_by"] == "independent"
    window.parts.undo_stack.undo()
    qtbot.waitUntil(lambda: "LiveBench" not in saved_benchmarks(), timeout=2000)
    assert "LiveBench" not in stored(data_dir)["kimi-k2"]["benchmarks"]
