"""Every test runs headless and away from the user's real folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before anything imports Qt: no test needs a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point every data, config and cache dir at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    data_dir = home / "data"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("LLMCOMPARE_DATA_DIR", str(data_dir))
    return data_dir


@pytest.fixture
def data_dir(isolated_dirs: Path) -> Path:
    """The data dir every test uses (empty until something creates the store)."""
    return isolated_dirs
