"""A second launch on the same store raises the running window, or opens read-only."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from llmcompare_gui import cli
from llmcompare_gui.store.paths import resolve_paths
from llmcompare_gui.ui.window import app as app_module
from llmcompare_gui.ui.window.main_window import MainWindow
from llmcompare_gui.ui.window.single_instance import InstanceServer, hand_over, server_name

from ..e2e.installed import ENTRY_POINT
from .window_helpers import open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def running(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    """The first instance, started as ``llmcompare-gui`` starts it, serving later launches."""
    window = app_module.start(str(data_dir))
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.findChild(InstanceServer) is not None, timeout=10_000)
    yield window
    window.close()


def server_of(window: MainWindow) -> InstanceServer:
    server = window.findChild(InstanceServer)
    assert server is not None
    return server


# The offscreen platform has no window stacking to raise in.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_second_launch_raises_the_running_window_and_ends(
    qtbot: QtBot, running: MainWindow, data_dir: Path
) -> None:
    server = server_of(running)
    assert server.listening
    running.showMinimized()
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with qtbot.waitSignal(server.activated, timeout=30_000):
        launch = subprocess.Popen(
            [str(ENTRY_POINT), "--data-dir", str(data_dir)],
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    try:
        _out, err = launch.communicate(timeout=30)
    finally:
        launch.kill()
    assert launch.returncode == 0
    assert "already running" in err
    assert str(data_dir) in err
    assert not running.isMinimized()
    assert "launched again" in running.statusBar().currentMessage()


def test_without_a_listener_a_second_window_opens_read_only(qtbot: QtBot, data_dir: Path) -> None:
    first = open_window(qtbot, data_dir)  # holds the store, but listens on no socket
    assert not first.parts.session.read_only
    assert hand_over(data_dir) is False
    second = open_window(qtbot, data_dir)
    assert second.parts.session.read_only
    banner = second.findChild(QLabel, "storeBanner")
    assert banner is not None
    assert banner.text().startswith("Read-only")
    # A read-only window does not take over the socket of the one that may write.
    app_module.serve_later_launches(second, resolve_paths(data_dir))
    assert second.findChild(InstanceServer) is None


def test_closing_the_window_removes_its_socket(running: MainWindow, data_dir: Path) -> None:
    server = server_of(running)
    running.close()
    assert not server.listening
    assert hand_over(data_dir) is False


def test_a_socket_left_by_a_crashed_instance_is_replaced(
    qtbot: QtBot, running: MainWindow, data_dir: Path
) -> None:
    server_of(running).close()
    # Another listener on the name (as if left behind) does not stop a new holder listening.
    leftover = InstanceServer(running, data_dir)
    assert leftover.listen()
    replacement = InstanceServer(running, data_dir)
    assert replacement.listen()
    assert replacement.listening


def test_probing_an_unused_store_does_not_load_qt_networking(tmp_path: Path) -> None:
    probe = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from llmcompare_gui.ui.window.single_instance import hand_over
        print(hand_over(Path(sys.argv[1])), "PySide6.QtNetwork" in sys.modules)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.split() == ["False", "False"]


def test_socket_names_differ_per_data_dir(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "x" / ".." / "a")


def test_new_instance_skips_the_hand_over(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    monkeypatch.setattr(
        app_module, "run", lambda _data_dir, *, new_instance: calls.append(new_instance) or 0
    )
    assert cli.main(["--new-instance"]) == 0
    assert cli.main([]) == 0
    assert calls == [True, False]
