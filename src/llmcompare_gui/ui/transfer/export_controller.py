"""Export and copy from the window: four actions, no window code.

The main window builds one :class:`ExportController` with the collaborators
it needs (callables, so the controller always sees the current comparison,
chart and table), adds its actions to a menu or toolbar, and shows its
``message`` signal in the status bar.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...domain.comparison import ChartKind, Comparison, Table
from ...export.captions import default_subtitle, default_title
from ...services.export_service import (
    ExportError,
    chart_image,
    write_chart,
    write_table,
)
from .export_dialog import ExportChartDialog
from .export_request import KEY_FOLDER, ChartExportRequest, remembered_folder, remembered_size


class ExportController(QObject):
    message = Signal(str)
    """A short success message for the status bar."""

    def __init__(
        self,
        parent: QWidget,
        settings: QSettings,
        comparison: Callable[[], Comparison],
        current_kind: Callable[[], ChartKind],
        model_table: Callable[[], Table],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._settings = settings
        self._comparison = comparison
        self._current_kind = current_kind
        self._model_table = model_table

        self.export_chart_action = self._action(
            "Export Chart…", "exportChartAction", self.export_chart, QKeySequence("Ctrl+E")
        )
        self.export_chart_action.setStatusTip("Save the chart shown as PNG, SVG or PDF")
        self.copy_chart_action = self._action(
            "Copy Chart", "copyChartAction", self.copy_chart, QKeySequence("Ctrl+Shift+C")
        )
        self.copy_chart_action.setStatusTip("Copy the chart shown to the clipboard as a picture")
        self.export_all_action = self._action(
            "Export All Charts…",
            "exportAllChartsAction",
            self.export_all,
            QKeySequence("Ctrl+Alt+E"),
        )
        self.export_all_action.setStatusTip("Save every chart into one folder")
        self.export_table_action = self._action(
            "Export Table as CSV…",
            "exportTableAction",
            self.export_table,
            QKeySequence("Ctrl+Shift+T"),
        )
        self.export_table_action.setStatusTip("Save the table as shown (filtered, sorted) as CSV")

    def _action(
        self,
        text: str,
        name: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    @property
    def actions(self) -> list[QAction]:
        return [
            self.export_chart_action,
            self.copy_chart_action,
            self.export_all_action,
            self.export_table_action,
        ]

    # -- the four commands -------------------------------------------------------------------

    def export_chart(self) -> Path | None:
        """Ask how, then write the current chart; the path written, or None."""
        comparison = self._comparison()
        kind = self._current_kind()
        request = ExportChartDialog.ask(
            self._parent,
            self._settings,
            title=default_title(comparison, kind),
            subtitle=default_subtitle(comparison, kind),
            base_name=f"llmcompare-{kind.value}",
        )
        if request is None:
            return None
        return self.write_chart(comparison, kind, request)

    def write_chart(
        self, comparison: Comparison, kind: ChartKind, request: ChartExportRequest
    ) -> Path | None:
        try:
            self._write(comparison, kind, request)
        except ExportError as error:
            self._failed(request.path, error.problem)
            return None
        self.message.emit(f"Saved {kind.value} chart to {request.path}")
        return request.path

    def _write(self, comparison: Comparison, kind: ChartKind, request: ChartExportRequest) -> None:
        write_chart(comparison, kind, request.path, request.fmt, request.options())

    def copy_chart(self) -> None:
        """Put the current chart on the clipboard as an image, at the last export size."""
        comparison = self._comparison()
        kind = self._current_kind()
        width, height = remembered_size(self._settings)
        image = chart_image(comparison, kind, width, height)
        QGuiApplication.clipboard().setImage(image)
        self.message.emit(f"Copied the {kind.value} chart ({width} × {height}) to the clipboard")

    def export_all(self) -> list[Path]:
        """One file per chart kind into a chosen folder, with the dialog's format and options."""
        comparison = self._comparison()
        names = [f"llmcompare-{kind.value}" for kind in ChartKind]
        request = ExportChartDialog.ask(
            self._parent,
            self._settings,
            title="",
            subtitle="",
            base_name="llmcompare",
            all_charts=names,
        )
        if request is None:
            return []
        folder = request.path
        written: list[Path] = []
        for kind, name in zip(ChartKind, names, strict=True):
            path = folder / f"{name}.{request.fmt}"
            one = dataclasses.replace(
                request,
                path=path,
                title=default_title(comparison, kind),
                subtitle=default_subtitle(comparison, kind),
            )
            try:
                self._write(comparison, kind, one)
            except ExportError as error:
                self._failed(path, error.problem)
                break
            written.append(path)
        if written:
            self.message.emit(f"Saved {len(written)} charts to {folder}")
        return written

    def export_table(self) -> Path | None:
        """The model table (as the window shows it) to a CSV file the import reads back."""
        start = remembered_folder(self._settings) / "llmcompare-models.csv"
        chosen, _filter = QFileDialog.getSaveFileName(
            self._parent, "Export Table as CSV", str(start), "CSV files (*.csv);;All files (*)"
        )
        if not chosen:
            return None
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(".csv")
        table = self._model_table()
        try:
            write_table(path, table)
        except ExportError as error:
            self._failed(path, error.problem)
            return None
        self._settings.setValue(KEY_FOLDER, str(path.parent))
        self.message.emit(f"Saved the table ({len(table.rows)} models) to {path}")
        return path

    def _failed(self, path: Path, problem: str) -> None:
        QMessageBox.critical(
            self._parent,
            "Export failed",
            f"Could not write {path}:\n{problem}\n\nNothing was written there.",
        )
