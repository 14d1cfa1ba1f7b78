"""Helpers for driving the main window in-process, as CONTRACT §6–7 describe it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QLineEdit, QMainWindow, QTableView
from pytestqt.qtbot import QtBot

import llmcompare_gui
from llmcompare_gui.ui.window.main_window import MainWindow


def open_window(qtbot: QtBot, data_dir: Path, **options: Any) -> MainWindow:
    window = llmcompare_gui.create_main_window(data_dir, **options)
    qtbot.addWidget(window)
    return window


def table_view(window: QMainWindow) -> QTableView:
    view = window.findChild(QTableView, "modelTable")
    assert view is not None
    return view


def source_model(window: QMainWindow) -> QAbstractItemModel:
    model = table_view(window).model()
    assert isinstance(model, QSortFilterProxyModel)
    source = model.sourceModel()
    assert source is not None
    return source


def column(model: QAbstractItemModel, prefix: str) -> int:
    for section in range(model.columnCount()):
        header = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if str(header).startswith(prefix):
            return section
    raise AssertionError(f"no column whose header starts with {prefix!r}")


def name_column(model: QAbstractItemModel) -> int:
    return column(model, "Name")


def row_of(model: QAbstractItemModel, name: str) -> int:
    name_col = name_column(model)
    for row in range(model.rowCount()):
        if model.index(row, name_col).data() == name:
            return row
    raise AssertionError(f"no row named {name!r}")


def cell(model: QAbstractItemModel, name: str, prefix: str) -> Any:
    return model.index(row_of(model, name), column(model, prefix)).data(Qt.ItemDataRole.UserRole)


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def stored_models(data_dir: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((data_dir / "models.json").read_text(encoding="utf-8"))
    return {model["id"]: model for model in data["models"]}


def contract_cost(i: float, o: float, c: float, pricing: dict[str, Any]) -> float:
    """CONTRACT §3, written out."""
    inp = pricing["input_per_mtok"]
    cached = pricing.get("cached_input_per_mtok")
    cached = inp if cached is None else cached
    return (i * (1 - c) * inp + i * c * cached + o * pricing["output_per_mtok"]) / 1_000_000
