"""Application start-up and the composition root: the QApplication, the store, the wired window.

Start-up is staged so that a window is on screen as early as a bare Qt window
would be: the window's shell (menus, splitters, status bar; Qt only) is shown
first; the store, the domain (pydantic, numpy) and the table are loaded right
after its first paint, and the chart figures (pyqtgraph) after the next.
:func:`create_main_window` does all of it before returning.

:func:`wire` is the one place that builds the parts and connects them; it hands
them to the window as one typed :class:`~.parts.WindowParts`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon, QUndoStack
from PySide6.QtWidgets import QApplication, QHeaderView, QWidget

from ..._version import __version__
from ...store.paths import AppPaths, resolve_paths
from .main_window import MainWindow
from .settings import WindowSettings

if TYPE_CHECKING:
    from ...store.errors import StoreError
    from ...store.session import StoreSession
    from ..table.table_model import ModelTableModel
    from .parts import WindowParts

APP_NAME = "llmcompare-gui"
# The desktop entry's and the AppStream component's id (packaging/APP_ID.desktop).
APP_ID = "io.github.llmcompare_gui.LLMCompare"


def create_main_window(
    data_dir: str | os.PathLike[str] | None = None, *, defer_charts: bool = False, **_: Any
) -> MainWindow:
    """The fully wired main window, not shown (CONTRACT §6).

    With ``defer_charts`` the chart figures (and pyqtgraph) are left for
    ``window.chart_panel.build_charts()``, so that the window can be shown first.
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


def wire(
    window: MainWindow, session: StoreSession, settings: WindowSettings, paths: AppPaths
) -> WindowParts:
    """Build the table, calculator and charts, connect their controllers, attach them."""
    from ...domain.comparison import ChartKind, Comparison, Table
    from ...domain.price_points import models_on
    from ...domain.table_columns import COMPARE
    from ...domain.table_export import model_table
    from ..calculator.calculator import CostCalculator
    from ..calculator.cost_controller import CostController
    from ..editing.edit_controller import EditController
    from ..editing.provenance_controller import ProvenanceController
    from ..table.delegates import CellDelegate, CompareDelegate
    from ..table.proxy import ModelFilterProxy
    from ..table.table_model import ModelTableModel
    from ..transfer.export_controller import ExportController
    from ..transfer.import_controller import ImportController
    from ..transfer.import_dialog import ImportDialog
    from .chart_panel import TAB_TITLES, ChartPanel
    from .parts import WindowParts
    from .save_controller import SaveController
    from .session_controller import SessionController, initial_compared
    from .window_controller import WindowController

    if session.read_only:
        settings.keep_changes_private()
    store = session.store
    table = ModelTableModel(store, window)
    table.read_only = session.read_only
    table.set_compared_ids(initial_compared(settings, [m.id for m in store.models]))
    proxy = ModelFilterProxy(table, window)
    view = window.table
    view.setModel(proxy)
    delegate = CellDelegate(table, view)
    view.setItemDelegate(delegate)
    view.setItemDelegateForColumn(table.column_of(COMPARE), CompareDelegate(view))
    size_columns(window, table)
    table.modelReset.connect(lambda: size_columns(window, table))
    view.horizontalHeader().setSortIndicator(-1, QtCore.Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)

    calculator = CostCalculator(window)
    calculator.set_advanced_open(settings.advanced_open())
    calculator.advancedToggled.connect(settings.set_advanced_open)
    window.set_calculator(calculator)
    charts = ChartPanel(window)
    window.set_chart_panel(charts)
    window.add_chart_actions([(kind, TAB_TITLES[kind], kind.value) for kind in ChartKind])

    stack = QUndoStack(window)
    window.set_undo_actions(
        stack.createUndoAction(window, "&Undo"), stack.createRedoAction(window, "&Redo")
    )

    scenario = settings.scenario()
    if scenario is None:
        scenario = calculator.scenario()
    costs = CostController(
        table, calculator, charts, scenario, settings.text("charts/value_benchmark"), window
    )
    calculator.price_date.asOfChanged.connect(costs.set_as_of)
    calculator.scenarioChanged.connect(costs.set_scenario)
    calculator.set_models(table.store.models)
    table.modelsChanged.connect(lambda: calculator.set_models(table.store.models))
    charts.valueBenchmarkChanged.connect(costs.set_value_benchmark)

    saver = SaveController(session, window, parent=window)
    saver.stateChanged.connect(window.set_save_state)
    window.set_save_state(saver.state)
    table.modelsChanged.connect(saver.changed)
    table.modelsChanged.connect(proxy.refilter)

    def selected_ids() -> list[str]:
        rows = sorted(index.row() for index in view.selectionModel().selectedRows())
        return [table.model_at(proxy.mapToSource(proxy.index(row, 0)).row()).id for row in rows]

    edits = EditController(table, stack, selected_ids, window, parent=window)
    provenance = ProvenanceController(table, stack, selected_ids, window, parent=window)
    window.sources_action.triggered.connect(provenance.show_sources)
    window.rates_action.triggered.connect(provenance.edit_rates)
    window.add_action.triggered.connect(edits.add)
    window.edit_action.triggered.connect(edits.edit)
    window.duplicate_action.triggered.connect(edits.duplicate)
    window.delete_action.triggered.connect(edits.delete)

    def message(text: str) -> None:
        window.statusBar().showMessage(text, 10_000)

    edits.message.connect(message)
    provenance.message.connect(message)

    def clear_refusal() -> None:
        """A refused value's message goes once a later edit succeeds."""
        if window.statusBar().currentMessage().startswith("Not changed"):
            window.statusBar().clearMessage()

    # (Not the undo stack's indexChanged: the stack emits it while the window is deleted.)
    table.modelsChanged.connect(clear_refusal)
    table.editRefused.connect(lambda text: message(f"Not changed: {text}"))
    table.editWarning.connect(lambda text: message(f"Changed, but check it: {text}"))
    delegate.refused.connect(message)
    table.compareChanged.connect(lambda: settings.set_compared_ids(table.compared_ids()))

    def table_for_export() -> Table:
        """The table as shown (filtered and sorted), with each model's cost."""
        rows = proxy.source_rows(list(range(proxy.rowCount())))
        models = [table.model_at(row) for row in rows]
        priced = models_on(models, costs.as_of)
        comparison = Comparison(table.store, priced, costs.scenario, as_of=costs.as_of)
        return model_table(table.store, models, comparison)

    exports = ExportController(
        window,
        settings.qsettings,
        costs.current_comparison,
        charts.current_kind,
        table_for_export,
    )
    exports.message.connect(message)
    window.add_export_actions(exports.actions)

    imports = ImportController(
        session,
        table,
        stack,
        lambda store: ImportDialog.ask(window, store, settings.qsettings),
        parent=window,
    )
    imports.message.connect(message)
    window.import_action.triggered.connect(imports.import_models)
    window.import_action.setEnabled(not session.read_only)

    controller = WindowController(window, table, proxy, charts, settings, paths)
    controller.restore()

    def update_actions() -> None:
        selected = view.selectionModel().hasSelection()
        for action in (window.edit_action, window.duplicate_action, window.delete_action):
            action.setEnabled(selected and not session.read_only)

    view.selectionModel().selectionChanged.connect(lambda *_: update_actions())
    proxy.modelReset.connect(update_actions)
    update_actions()

    if session.read_only:
        window.show_banner(
            f"Read-only: {session.read_only_reason}. Edits are switched off and nothing is saved."
        )
        window.set_read_only(f"Read-only: {session.read_only_reason}")
        view.setEditTriggers(view.EditTrigger.NoEditTriggers)

    lifetime = SessionController(
        session,
        table,
        stack,
        saver,
        settings,
        costs,
        remember_view=controller.remember,
        dialog_parent=window,
        parent=window,
    )
    lifetime.message.connect(message)
    controller.resetConfirmed.connect(lifetime.reset_to_defaults)
    window.closing.connect(lifetime.close)
    parts = WindowParts(
        session=session,
        settings=settings,
        table=table,
        proxy=proxy,
        calculator=calculator,
        charts=charts,
        undo_stack=stack,
        costs=costs,
        saver=saver,
        edits=edits,
        provenance=provenance,
        imports=imports,
        exports=exports,
        lifetime=lifetime,
    )
    window.attach(parts)
    return parts


def size_columns(window: MainWindow, table: ModelTableModel) -> None:
    """Columns wide enough for their header text; the name column wider."""
    header = window.table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    metrics = header.fontMetrics()
    for column, spec in enumerate(table.columns):
        width = metrics.horizontalAdvance(spec.header) + 28
        if spec.key == "name":
            # As wide as the longest name, within reason; the tooltip shows any name in full.
            longest = max(
                (metrics.horizontalAdvance(model.name) for model in table.store.models), default=0
            )
            width = max(width, min(longest + 24, 360), 190)
        elif spec.key in ("vendor", "focus", "licence"):
            width = max(width, 130)
        elif spec.key == "cost":
            width = max(width, 120)
        header.resizeSection(column, width)


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
