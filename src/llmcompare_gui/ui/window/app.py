"""Application start-up: the QApplication, the window on screen fast, one window per store.

Start-up is staged so that a window is on screen as early as a bare Qt window
would be: the window's shell (menus, splitters, status bar; Qt only) is shown
first; the store, the domain (pydantic, numpy) and the table are loaded right
after its first paint, and the chart figures (pyqtgraph) after the next.
:func:`create_main_window` does all of it before returning. What is built on an
open store, and how it is connected, is ``wiring.py``'s :func:`~.wiring.wire`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from ..._version import __version__
from ...store.paths import AppPaths, resolve_paths
from .main_window import MainWindow
from .settings import WindowSettings
from .wiring import wire

if TYPE_CHECKING:
    from ...store.errors import StoreError
    from ...store.session import StoreSession
    from .parts import WindowParts

APP_NAME = "llmcompare-gui"
# The desktop entry's and the AppStream component's id (packaging/APP_ID.desktop).
APP_ID = "io.github.llmcompare_gui.LLMCompare"


def create_main_window(
    data_dir: str | os.PathLike[str] | None = None, *, defer_charts: bool = False, **_: Any
) -> MainWindow:
    """The fully wired main window, not shown (CONTRACT §6).

    With ``defer_charts`` the chart figures (and pyqtgraph) are left for
    ``window.parts.charts.build_charts()``, so that the window can be shown first.
    """
    paths = resolve_paths(data_dir)
    window = MainWindow()
    settings = WindowSettings(paths.settings_file)
    parts = populate(window, paths, settings)
    if parts is not None and not defer_charts:
        parts.charts.build_charts()
    return window


def populate(window: MainWindow, paths: AppPaths, settings: WindowSettings) -> WindowParts | None:
    """Open the store and wire the window to it, or say why it cannot be opened (None)."""
    from ...store.errors import StoreError
    from ...store.session import StoreSession

    try:
        session = StoreSession.open(paths)
    except StoreError as error:
        refuse(window, error, paths, settings)
        return None
    return wire(window, session, settings, paths)


def refuse(
    window: MainWindow, error: StoreError, paths: AppPaths, settings: WindowSettings
) -> None:
    """Say why the store cannot be used and offer the ways out; nothing is written unasked."""
    from .store_recovery import BrokenStoreController

    where = f"\nAt: {error.where}" if error.where else ""
    window.show_store_error(
        "The model store cannot be opened, so nothing is shown and nothing will be "
        f"written.\n\nFile: {error.path}{where}\nProblem: {error.problem}\n\n"
        "The file is left exactly as it is. Fix it and start llmcompare-gui again, or use "
        "one of the buttons below: both keep the broken file aside under a new name."
    )

    def opened(session: StoreSession, theme: str | None) -> None:
        parts = wire(window, session, settings, paths)
        parts.charts.build_charts()
        if theme is not None:  # chosen on the error page: kept, and now remembered
            window.theme_actions[theme].trigger()

    BrokenStoreController(window, paths, opened)
    window.set_save_state("Store not opened")
    window.statusBar().showMessage(f"Cannot open the store: {error}")
    if not window.isVisible():
        window.resize(1280, 800)


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` from the event loop once ``widget`` has been painted."""

    class _Watcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                widget.removeEventFilter(self)
                QTimer.singleShot(0, callback)
                self.deleteLater()
            return False

    watcher = _Watcher(widget)
    widget.installEventFilter(watcher)


def application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    try:
        from ...bundled import resource

        icon = resource("icons/llmcompare-gui.svg")
        if icon.is_file():
            app.setWindowIcon(QIcon(str(icon)))
    except FileNotFoundError:
        pass
    return app


def launch(
    data_dir: str | os.PathLike[str] | None,
    on_loaded: Callable[[MainWindow, AppPaths], None] | None = None,
) -> MainWindow:
    """Show the window's shell at once; load the store after its first paint, then the charts.

    ``on_loaded`` is called once the store is open (or refused).
    """
    paths = resolve_paths(data_dir)
    settings = WindowSettings(paths.settings_file)
    window = MainWindow(shell_only=True)
    geometry = settings.geometry()
    if geometry is None or not window.restoreGeometry(geometry):
        window.resize(1280, 800)
    window.show()

    def load() -> None:
        window.build()
        parts = populate(window, paths, settings)
        if on_loaded is not None:
            on_loaded(window, paths)
        if parts is not None:
            # The table first, then the charts (importing pyqtgraph takes a while).
            after_first_paint(window.table.viewport(), parts.charts.build_charts)

    after_first_paint(window, load)
    return window


def run(data_dir: str | None, *, new_instance: bool = False) -> int:
    """The window and its event loop; or, when one already runs on the store, raise that one."""
    window = start(data_dir, new_instance=new_instance)
    if window is None:
        return 0
    close_on_signals(window)
    return QApplication.exec()


def start(data_dir: str | None, *, new_instance: bool = False) -> MainWindow | None:
    """The shown window; None when the window already running on the store was raised."""
    paths = resolve_paths(data_dir)
    if not new_instance:
        from ...store.lock import held_elsewhere

        # A file probe first: the socket (and its imports) only when someone holds the
        # store; and before the QApplication, so a launch that only raises another
        # window ends at once.
        if held_elsewhere(paths.data_dir) and hand_over(paths.data_dir):
            print(
                f"llmcompare-gui is already running on {paths.data_dir}: its window was "
                "brought to the front (--new-instance opens another, read-only).",
                file=sys.stderr,
            )
            return None
    application()
    return launch(data_dir, on_loaded=serve_later_launches)


def hand_over(data_dir: os.PathLike[str]) -> bool:
    from pathlib import Path

    from .single_instance import hand_over as ask_running_window

    return ask_running_window(Path(data_dir))


def serve_later_launches(window: MainWindow, paths: AppPaths) -> None:
    """The window that may write the store answers later launches by coming to the front."""
    if not window.has_store or window.parts.session.read_only:
        return
    from .single_instance import InstanceServer

    server = InstanceServer(window, paths.data_dir)
    server.activated.connect(
        lambda: window.statusBar().showMessage(
            "llmcompare-gui was launched again: this window is already open on the store.",
            10_000,
        )
    )
    if server.listen():
        # Closed with the window, so that no socket file outlives the process.
        window.closing.connect(server.close)
    else:
        server.setParent(None)  # not the window's: nothing listens


def close_on_signals(window: MainWindow) -> None:
    """Ctrl+C in a terminal, or a SIGTERM at logout, close the window (and so save)."""
    import signal

    def close(_signum: int, _frame: object) -> None:
        window.close()

    for name in ("SIGINT", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), close)
    # Python runs signal handlers between bytecodes: wake it up now and then.
    ticker = QTimer(window)
    ticker.timeout.connect(lambda: None)
    ticker.start(250)
