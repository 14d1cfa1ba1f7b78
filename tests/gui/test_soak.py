"""The window survives long slider sweeps without growing (PySide6 6.12 on Python 3.11 did not).

The default suite keeps a short sweep; ``make test-slow`` runs 100,000 steps and
measures how much resident memory grows over them (read from /proc/self/statm).
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSlider
from pytestqt.qtbot import QtBot

from ..stores import write_store
from .window_helpers import column, open_window, source_model

pytestmark = pytest.mark.gui

MAX_GROWTH_MB = 10.0
WARM_UP_STEPS = 2_000
"""Steps before the first memory reading: caches (fonts, glyphs, pyqtgraph's) fill up first."""


def resident_mb() -> float:
    """Resident memory of this process, from /proc/self/statm (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def sweep(
    qtbot: QtBot, data_dir: Path, steps: int, *, cycle_charts: bool = False
) -> tuple[float, float]:
    """Move the input slider ``steps`` times; return resident MB after the warm-up and at the end.

    Every step checks that a model's cost moved the way the slider did, so a
    sweep that stops updating fails instead of passing quickly.
    """
    window = open_window(qtbot, data_dir)
    window.show()
    qtbot.waitExposed(window)
    slider = window.findChild(QSlider, "inputTokensSlider")
    assert slider is not None
    model = source_model(window)
    cost = column(model, "Cost")
    price = column(model, "Input")
    row = next(
        r for r in range(model.rowCount()) if model.index(r, price).data(Qt.ItemDataRole.UserRole)
    )
    low, high = slider.minimum(), slider.maximum()
    position, direction = low, 1
    slider.setValue(position)
    previous = model.index(row, cost).data(Qt.ItemDataRole.UserRole)
    start_mb = resident_mb()
    for step in range(steps):
        if not low <= position + direction <= high:
            direction = -direction
        position += direction
        slider.setValue(position)
        current = model.index(row, cost).data(Qt.ItemDataRole.UserRole)
        assert (current > previous) if direction > 0 else (current < previous), step
        previous = current
        if step % 10 == 0:
            QApplication.processEvents()
        if cycle_charts and step % 500 == 0:
            tabs = window.parts.charts.tabs
            tabs.setCurrentIndex((tabs.currentIndex() + 1) % tabs.count())
        if step == WARM_UP_STEPS:
            gc.collect()
            start_mb = resident_mb()
    QApplication.processEvents()
    gc.collect()
    end_mb = resident_mb()
    assert window.isVisible()
    return start_mb, end_mb


def test_the_window_survives_3000_slider_steps(qtbot: QtBot, data_dir: Path) -> None:
    """A few seconds: the default suite's guard; the 100,000-step one runs in make test-slow."""
    sweep(qtbot, data_dir, 3_000)


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/statm")
def test_100000_slider_steps_grow_resident_memory_by_at_most_10_mb(
    qtbot: QtBot, data_dir: Path
) -> None:
    start_mb, end_mb = sweep(qtbot, data_dir, 100_000, cycle_charts=True)
    growth = end_mb - start_mb
    print(f"resident memory: {start_mb:.1f} MB after warm-up, {end_mb:.1f} MB after 100,000 steps")
    assert growth <= MAX_GROWTH_MB, f"resident memory grew {growth:.1f} MB over 100,000 steps"


@pytest.mark.soak
def test_2500_models_30000_steps_through_every_chart(qtbot: QtBot, data_dir: Path) -> None:
    """``make soak``: a large store, 40 compared models, every chart tab in turn."""
    write_store(data_dir, 2500)
    window = open_window(qtbot, data_dir)
    table = window.parts.table
    table.set_compared_ids({table.model_at(row).id for row in range(40)})
    window.close()
    sweep(qtbot, data_dir, 30_000, cycle_charts=True)
