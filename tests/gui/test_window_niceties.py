"""What a desktop app is expected to do: shortcuts, tips, accessibility, HiDPI, palette, memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QMenu,
    QSlider,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from llmcompare_gui.domain.comparison import ChartKind
from llmcompare_gui.ui.window.main_window import MainWindow
from llmcompare_gui.ui.window.theme import dark_palette

from .window_helpers import open_window, table_view

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    window = open_window(qtbot, data_dir)
    window.show()
    qtbot.waitExposed(window)
    return window


def menu_actions(menu: QMenu, path: str) -> list[tuple[str, QAction]]:
    """Every command in ``menu`` and its submenus, as ("File → Quit", action)."""
    found = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        label = f"{path} → {action.text().replace('&', '')}"
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            found += menu_actions(submenu, label)
        else:
            found.append((label, action))
    return found


def all_menu_actions(window: MainWindow) -> list[tuple[str, QAction]]:
    found = []
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        found += menu_actions(menu, top.text().replace("&", ""))
    return found


def test_every_menu_command_has_a_shortcut_and_a_status_tip(window: MainWindow) -> None:
    commands = all_menu_actions(window)
    assert len(commands) > 20
    columns = [label for label, _ in commands if label.startswith("View → Columns →")]
    assert columns  # one check item per table column: tips, but no shortcuts
    missing_tip = [label for label, action in commands if not action.statusTip()]
    assert missing_tip == []
    missing_key = [
        label for label, action in commands if action.shortcut().isEmpty() and label not in columns
    ]
    assert missing_key == []
    keys = [action.shortcut().toString() for label, action in commands if label not in columns]
    assert len(keys) == len(set(keys)), "a shortcut is used twice"


def test_calculator_table_and_charts_have_accessible_names_and_descriptions(
    window: MainWindow,
) -> None:
    calculator = window.findChild(QWidget, "costCalculator")
    assert calculator is not None
    controls: list[QWidget] = [
        widget
        for kind in (QSlider, QLineEdit, QAbstractSpinBox)
        for widget in calculator.findChildren(kind)
        if not widget.objectName().startswith("qt_")  # a spin box's own line edit
    ]
    names = {w.objectName() for w in controls}
    for required in (
        "inputTokensSlider",
        "outputTokensSlider",
        "cachedShareSlider",
        "inputTokensEdit",
        "outputTokensEdit",
        "reasoningOverheadSpin",
    ):
        assert required in names
    tabs = window.findChild(QTabWidget, "chartTabs")
    assert tabs is not None
    pages = [tabs.widget(index) for index in range(tabs.count())]
    for widget in [*controls, table_view(window), tabs, *pages]:
        where = widget.objectName() or type(widget).__name__
        assert widget.accessibleName().strip(), f"{where} has no accessible name"
        assert len(widget.accessibleDescription()) > 20, f"{where} has no accessible description"
    assert len({w.accessibleName() for w in controls}) == len(controls)


def test_a_chart_drawn_at_device_pixel_ratio_2_has_twice_the_pixels_and_is_sharp(
    window: MainWindow,
) -> None:
    figure = window.parts.charts.figure(ChartKind.COST)
    assert figure is not None
    widget = figure.widget
    widget.resize(QSize(480, 300))
    sharp = QImage(960, 600, QImage.Format.Format_ARGB32_Premultiplied)
    sharp.setDevicePixelRatio(2.0)
    sharp.fill(0)
    painter = QPainter(sharp)
    widget.render(painter)
    painter.end()
    assert (sharp.width(), sharp.height()) == (960, 600)
    assert sharp.deviceIndependentSize().toSize() == QSize(480, 300)
    # Drawn at 2x, not a 1x picture blown up: the two pixels of a 2x2 block differ
    # wherever an edge of text or a bar runs through it. Upscaled, they never would.
    split_blocks = sum(
        sharp.pixel(x, y) != sharp.pixel(x + 1, y)
        for y in range(0, 600, 3)
        for x in range(0, 960, 2)
    )
    blurred = QImage(480, 300, QImage.Format.Format_ARGB32_Premultiplied)
    blurred.fill(0)
    painter = QPainter(blurred)
    widget.render(painter)
    painter.end()
    upscaled = blurred.scaled(960, 600)
    split_upscaled = sum(
        upscaled.pixel(x, y) != upscaled.pixel(x + 1, y)
        for y in range(0, 600, 3)
        for x in range(0, 960, 2)
    )
    assert split_upscaled == 0
    assert split_blocks > 300


@pytest.fixture
def restore_palette() -> object:
    yield None
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setPalette(QPalette())


@pytest.mark.usefixtures("restore_palette")
def test_following_the_system_the_charts_are_dark_on_a_dark_desktop_at_start(
    qtbot: QtBot, data_dir: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setPalette(dark_palette())  # what the platform theme gives on a dark desktop
    window = open_window(qtbot, data_dir)
    assert window.findChild(QAction, "theme_system").isChecked()
    assert window.parts.charts.is_dark()


@pytest.mark.usefixtures("restore_palette")
def test_following_the_system_the_charts_change_when_the_desktop_does(
    qtbot: QtBot, window: MainWindow
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    panel = window.parts.charts
    assert not panel.is_dark()
    # The palette change reaches the window as a posted event.
    app.setPalette(dark_palette())
    qtbot.waitUntil(panel.is_dark)
    app.setPalette(QPalette())
    qtbot.waitUntil(lambda: not panel.is_dark())


def test_the_last_chart_tab_is_remembered(qtbot: QtBot, data_dir: Path) -> None:
    first = open_window(qtbot, data_dir)
    first.parts.charts.set_current_kind(ChartKind.VALUE)
    first.close()
    again = open_window(qtbot, data_dir)
    assert again.parts.charts.current_kind() is ChartKind.VALUE


def test_the_first_run_hint_explains_sliders_and_store_until_dismissed_for_good(
    qtbot: QtBot, data_dir: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QPushButton

    first = open_window(qtbot, data_dir)
    first.show()
    qtbot.waitExposed(first)
    hint = first.findChild(QWidget, "firstRunHint")
    assert hint is not None
    assert hint.isVisible()
    label = first.findChild(QLabel, "firstRunHintText")
    assert label is not None
    text = label.text()
    assert text.count(". ") + text.endswith(".") == 2  # two sentences
    assert "sliders" in text
    assert "models.json" in text
    dismiss = first.findChild(QPushButton, "dismissHint")
    assert dismiss is not None
    qtbot.mouseClick(dismiss, Qt.MouseButton.LeftButton)
    assert not hint.isVisible()
    first.close()

    again = open_window(qtbot, data_dir)
    again.show()
    qtbot.waitExposed(again)
    hint_again = again.findChild(QWidget, "firstRunHint")
    assert hint_again is not None
    assert not hint_again.isVisible()
