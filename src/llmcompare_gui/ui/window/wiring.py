"""The composition root: build the window's parts on an open store, connect them, attach them.

:func:`wire` is the one place that creates the table, the calculator, the
charts and the controllers and connects them to each other and to the
window; it hands them to the window as one typed :class:`~.parts.WindowParts`.
Each step imports what it builds when it runs (after the window's first
paint), so that the window's shell shows as fast as a bare Qt window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHeaderView

from ...store.paths import AppPaths
from .main_window import MainWindow
from .settings import WindowSettings

if TYPE_CHECKING:
    from ...store.session import StoreSession
    from ..calculator.calculator import CostCalculator
    from ..calculator.cost_controller import CostController
    from ..editing.edit_controller import EditController
    from ..editing.provenance_controller import ProvenanceController
    from ..table.delegates import CellDelegate
    from ..table.proxy import ModelFilterProxy
    from ..table.table_model import ModelTableModel
    from ..transfer.export_controller import ExportController
    from ..transfer.import_controller import ImportController
    from .chart_panel import ChartPanel
    from .parts import WindowParts
    from .save_controller import SaveController


def wire(
    window: MainWindow, session: StoreSession, settings: WindowSettings, paths: AppPaths
) -> WindowParts:
    """Build the table, calculator and charts, connect their controllers, attach them.

    The steps run in this order on purpose: slots of one signal run in the order
    they were connected (the costs and the filter follow a change of the models
    before the window's view state does).
    """
    from .parts import WindowParts
    from .session_controller import SessionController
    from .window_controller import WindowController

    if session.read_only:
        settings.keep_changes_private()
    table, proxy, delegate = build_table(window, session, settings)
    calculator, charts = build_calculator_and_charts(window, settings)
    stack = QUndoStack(window)
    window.set_undo_actions(
        stack.createUndoAction(window, "&Undo"), stack.createRedoAction(window, "&Redo")
    )
    costs = connect_costs(window, table, calculator, charts, settings)
    saver = connect_saving(window, session, table, proxy)

    def message(text: str) -> None:
        window.statusBar().showMessage(text, 10_000)

    edits, provenance = connect_editing(window, table, proxy, stack, message)
    connect_edit_messages(window, table, delegate, settings, message)
    exports = connect_export(window, table, proxy, costs, charts, settings, message)
    imports = connect_import(window, session, table, stack, settings, message)

    controller = WindowController(window, table, proxy, charts, settings, paths)
    controller.restore()
    follow_selection(window, proxy, session)
    if session.read_only:
        window.show_banner(
            f"Read-only: {session.read_only_reason}. Edits are switched off and nothing is saved."
        )
        window.set_read_only(f"Read-only: {session.read_only_reason}")
        window.table.setEditTriggers(window.table.EditTrigger.NoEditTriggers)

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


def build_table(
    window: MainWindow, session: StoreSession, settings: WindowSettings
) -> tuple[ModelTableModel, ModelFilterProxy, CellDelegate]:
    """The store's models in the window's table, behind the filter proxy, unsorted."""
    from ...domain.table_columns import COMPARE
    from ..table.delegates import CellDelegate, CompareDelegate
    from ..table.proxy import ModelFilterProxy
    from ..table.table_model import ModelTableModel
    from .session_controller import initial_compared

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
    return table, proxy, delegate


def build_calculator_and_charts(
    window: MainWindow, settings: WindowSettings
) -> tuple[CostCalculator, ChartPanel]:
    """The calculator and the chart panel (its figures come later) in the lower splitter."""
    from ...domain.comparison import ChartKind
    from ..calculator.calculator import CostCalculator
    from .chart_panel import TAB_TITLES, ChartPanel

    calculator = CostCalculator(window)
    calculator.set_advanced_open(settings.advanced_open())
    calculator.advancedToggled.connect(settings.set_advanced_open)
    window.set_calculator(calculator)
    charts = ChartPanel(window)
    window.set_chart_panel(charts)
    window.add_chart_actions([(kind, TAB_TITLES[kind], kind.value) for kind in ChartKind])
    return calculator, charts


def connect_costs(
    window: MainWindow,
    table: ModelTableModel,
    calculator: CostCalculator,
    charts: ChartPanel,
    settings: WindowSettings,
) -> CostController:
    """The scenario (remembered, else the calculator's) priced for the table and the charts."""
    from ..calculator.cost_controller import CostController

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
    return costs


def connect_saving(
    window: MainWindow, session: StoreSession, table: ModelTableModel, proxy: ModelFilterProxy
) -> SaveController:
    """Autosave after each change, its state in the status bar; the filter follows changes."""
    from .save_controller import SaveController

    saver = SaveController(session, window, parent=window)
    saver.stateChanged.connect(window.set_save_state)
    window.set_save_state(saver.state)
    table.modelsChanged.connect(saver.changed)
    table.modelsChanged.connect(proxy.refilter)
    return saver


def connect_editing(
    window: MainWindow,
    table: ModelTableModel,
    proxy: ModelFilterProxy,
    stack: QUndoStack,
    message: Callable[[str], None],
) -> tuple[EditController, ProvenanceController]:
    """Edit → Add, Edit, Duplicate, Delete, Sources and Exchange Rates, on the selected rows."""
    from ..editing.edit_controller import EditController
    from ..editing.provenance_controller import ProvenanceController

    view = window.table

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
    edits.message.connect(message)
    provenance.message.connect(message)
    return edits, provenance


def connect_edit_messages(
    window: MainWindow,
    table: ModelTableModel,
    delegate: CellDelegate,
    settings: WindowSettings,
    message: Callable[[str], None],
) -> None:
    """What an edit in the table refused or warned about, in the status bar; the compare set."""

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


def connect_export(
    window: MainWindow,
    table: ModelTableModel,
    proxy: ModelFilterProxy,
    costs: CostController,
    charts: ChartPanel,
    settings: WindowSettings,
    message: Callable[[str], None],
) -> ExportController:
    """File → Export: the current chart, all charts, or the table as shown."""
    from ...domain.comparison import Comparison, Table
    from ...domain.price_points import models_on
    from ...domain.table_export import model_table
    from ..transfer.export_controller import ExportController

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
    return exports


def connect_import(
    window: MainWindow,
    session: StoreSession,
    table: ModelTableModel,
    stack: QUndoStack,
    settings: WindowSettings,
    message: Callable[[str], None],
) -> ImportController:
    """File → Import Models…, switched off while the store is read-only."""
    from ..transfer.import_controller import ImportController
    from ..transfer.import_dialog import ImportDialog

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
    return imports


def follow_selection(window: MainWindow, proxy: ModelFilterProxy, session: StoreSession) -> None:
    """Edit, Duplicate and Delete only with a selection, and never on a read-only store."""
    view = window.table

    def update_actions() -> None:
        selected = view.selectionModel().hasSelection()
        for action in (window.edit_action, window.duplicate_action, window.delete_action):
            action.setEnabled(selected and not session.read_only)

    view.selectionModel().selectionChanged.connect(lambda *_: update_actions())
    proxy.modelReset.connect(update_actions)
    update_actions()


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
