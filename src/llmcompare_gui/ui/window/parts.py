"""The typed parts the composition root (``wiring.py``) attaches to a window on an open store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the window's shell imports Qt only, so that it shows fast
    from PySide6.QtGui import QUndoStack

    from ...store.session import StoreSession
    from ..calculator.calculator import CostCalculator
    from ..calculator.cost_controller import CostController
    from ..editing.edit_controller import EditController
    from ..editing.provenance_controller import ProvenanceController
    from ..table.proxy import ModelFilterProxy
    from ..table.table_model import ModelTableModel
    from ..transfer.export_controller import ExportController
    from ..transfer.import_controller import ImportController
    from .chart_panel import ChartPanel
    from .save_controller import SaveController
    from .session_controller import SessionController
    from .settings import WindowSettings


@dataclass(frozen=True)
class WindowParts:
    """Everything :func:`~llmcompare_gui.ui.window.wiring.wire` built for one open store.

    Reached as ``MainWindow.parts`` by tests and embedders. The window's own
    view state (columns, theme, sizes) is not here: it is driven through the
    window's actions and menus like any user would.
    """

    session: StoreSession
    settings: WindowSettings
    table: ModelTableModel
    proxy: ModelFilterProxy
    calculator: CostCalculator
    charts: ChartPanel
    undo_stack: QUndoStack
    costs: CostController
    saver: SaveController
    edits: EditController
    provenance: ProvenanceController
    imports: ImportController
    exports: ExportController
    lifetime: SessionController
