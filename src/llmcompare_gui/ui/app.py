"""Application start-up: the QApplication, the store session and the main window."""

from __future__ import annotations

import os
import sys
from typing import Any

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from ..store.paths import resolve_paths
from ..store.session import StoreSession


def create_main_window(data_dir: str | os.PathLike[str] | None = None, **_: Any) -> QMainWindow:
    paths = resolve_paths(data_dir)
    session = StoreSession.open(paths)
    window = QMainWindow()
    window.setWindowTitle("llmcompare-gui")
    window.setCentralWidget(QLabel(f"{len(session.store.models)} models in {session.path}"))
    return window


def run(data_dir: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    window = create_main_window(data_dir)
    window.resize(1280, 800)
    window.show()
    return app.exec()
