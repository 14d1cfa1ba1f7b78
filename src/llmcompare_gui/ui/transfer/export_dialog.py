"""The "Export Chart" dialog: format, size, texts and where to write.

It only asks; the :class:`~llmcompare_gui.ui.transfer.export_controller.ExportController`
writes. Use :meth:`ExportChartDialog.ask` (modal) or build it, fill it and read
:meth:`ExportChartDialog.request` (tests do that without an event loop).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services.export_service import (
    DEFAULT_HEIGHT,
    DEFAULT_WIDTH,
    DIALOG_MIN_HEIGHT,
    DIALOG_MIN_WIDTH,
    EXPORT_FORMATS,
    MAX_SIDE,
    format_from_suffix,
)
from .export_request import (
    KEY_LIGHT,
    KEY_SCALE,
    ChartExportRequest,
    remember,
    remembered_folder,
    remembered_format,
    remembered_size,
)
from .widgets import named

_FORMAT_LABELS = {
    "png": "PNG image",
    "svg": "SVG vector image",
    "pdf": "PDF document",
    "csv": "CSV: the numbers behind the chart",
}
FORMATS = {fmt: _FORMAT_LABELS[fmt] for fmt in EXPORT_FORMATS}
"""The export service's formats, in its order, as the format box names them."""
SIZE_PRESETS = ((DEFAULT_WIDTH, DEFAULT_HEIGHT), (1920, 1080), (3840, 2160))
CUSTOM = "Custom"
MIN_WIDTH, MIN_HEIGHT = DIALOG_MIN_WIDTH, DIALOG_MIN_HEIGHT


def preset_key(width: int, height: int) -> str:
    """The size combo box's data for a preset: ``1280x720``."""
    return f"{width}x{height}"


def all_chart_names(base_names: list[str], fmt: str) -> list[str]:
    """The files Export All Charts writes into its folder."""
    return [f"{name}.{fmt}" for name in base_names]


class ExportChartDialog(QDialog):
    """Export Chart…; with ``all_charts`` (base names), Export All Charts… into a folder.

    In the all-charts mode each chart keeps its own title and subtitle; the
    format, size, scale and background apply to every file.
    """

    def __init__(
        self,
        parent: QWidget | None,
        settings: QSettings,
        *,
        title: str,
        subtitle: str,
        base_name: str,
        all_charts: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportChartDialog")
        self._all_charts = all_charts
        self.setWindowTitle("Export All Charts" if all_charts is not None else "Export Chart")
        self._settings = settings
        self._base_name = base_name
        self._confirmed_path: Path | None = None
        """A path the platform's save dialog already asked about overwriting."""

        self.format_box = named(QComboBox(), "exportFormat")
        for fmt, label in FORMATS.items():
            self.format_box.addItem(f"{fmt.upper()} — {label}", fmt)

        self.size_box = named(QComboBox(), "exportSizePreset")
        for width, height in SIZE_PRESETS:
            self.size_box.addItem(f"{width} × {height}", preset_key(width, height))
        self.size_box.addItem(CUSTOM, CUSTOM)
        self.width_box = named(QSpinBox(minimum=MIN_WIDTH, maximum=MAX_SIDE), "exportWidth")
        self.height_box = named(QSpinBox(minimum=MIN_HEIGHT, maximum=MAX_SIDE), "exportHeight")
        self.width_box.setSuffix(" px")
        self.height_box.setSuffix(" px")
        self.size_note = named(
            QLabel(
                f"At least {MIN_WIDTH} × {MIN_HEIGHT} px: smaller charts have no room for "
                "titles and axes."
            ),
            "exportSizeNote",
        )
        for box in (self.width_box, self.height_box):
            box.setToolTip(self.size_note.text())
            # A typed 100 becomes the minimum, instead of silently going back.
            box.setCorrectionMode(QSpinBox.CorrectionMode.CorrectToNearestValue)
        self.scale_box = named(
            QDoubleSpinBox(minimum=0.5, maximum=4.0, singleStep=0.5, decimals=1), "exportScale"
        )
        self.scale_box.setSuffix(" ×")
        self.title_edit = named(QLineEdit(title), "exportTitle")
        self.subtitle_edit = named(QLineEdit(subtitle), "exportSubtitle")
        for edit in (self.title_edit, self.subtitle_edit):
            edit.setCursorPosition(0)  # show the start of a long text
        self.light_box = named(QCheckBox("Light background"), "exportLightBackground")
        self.path_edit = named(QLineEdit(), "exportPath")
        self.browse_button = named(QPushButton("Browse…"), "exportBrowse")

        size_row = QHBoxLayout()
        size_row.addWidget(self.size_box)
        size_row.addWidget(self.width_box)
        size_row.addWidget(self.height_box)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow("&Format:", self.format_box)
        size_label = QLabel("&Size:")
        size_label.setBuddy(self.size_box)
        form.addRow(size_label, size_row)
        form.addRow("", self.size_note)
        form.addRow("S&cale (PNG):", self.scale_box)
        if all_charts is None:
            form.addRow("&Title:", self.title_edit)
            form.addRow("Su&btitle:", self.subtitle_edit)
        else:
            self.title_edit.hide()
            self.subtitle_edit.hide()
            captions = QLabel("Each chart gets its own title and subtitle.")
            form.addRow("", captions)
        form.addRow("", self.light_box)
        path_label = QLabel("Save &as:" if all_charts is None else "Save to &folder:")
        path_label.setBuddy(self.path_edit)
        form.addRow(path_label, path_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        self.setMinimumWidth(600)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self._load_settings()
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.size_box.currentIndexChanged.connect(self._preset_changed)
        self.browse_button.clicked.connect(self.browse)
        self.path_edit.textChanged.connect(self._update_ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._format_changed()
        self._preset_changed()

    # -- state -------------------------------------------------------------------------------

    def _load_settings(self) -> None:
        fmt = remembered_format(self._settings)
        self.format_box.setCurrentIndex(max(0, self.format_box.findData(fmt)))
        width, height = remembered_size(self._settings)
        self.width_box.setValue(width)
        self.height_box.setValue(height)
        preset = self.size_box.findData(preset_key(width, height))
        self.size_box.setCurrentIndex(preset if preset >= 0 else self.size_box.count() - 1)
        try:
            scale = float(str(self._settings.value(KEY_SCALE, 1.0)))
        except ValueError:
            scale = 1.0
        self.scale_box.setValue(scale)
        light = self._settings.value(KEY_LIGHT, True)
        self.light_box.setChecked(str(light).lower() not in ("false", "0"))
        folder = remembered_folder(self._settings)
        if self._all_charts is not None:
            self.path_edit.setText(str(folder))
        else:
            self.path_edit.setText(str(folder / f"{self._base_name}.{fmt}"))

    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def _format_changed(self) -> None:
        fmt = self.fmt()
        image = fmt != "csv"
        for widget in (
            self.size_box,
            self.width_box,
            self.height_box,
            self.title_edit,
            self.subtitle_edit,
            self.light_box,
        ):
            widget.setEnabled(image)
        self.scale_box.setEnabled(fmt == "png")
        if image:
            self._preset_changed()
        text = self.path_edit.text().strip()
        if text and self._all_charts is None:
            path = Path(text)
            if format_from_suffix(path) is not None or not path.suffix:
                self.path_edit.setText(str(path.with_suffix(f".{fmt}")))
        self._update_ok()

    def _preset_changed(self) -> None:
        key = str(self.size_box.currentData())
        custom = key == CUSTOM
        enabled = custom and self.fmt() != "csv"
        self.width_box.setEnabled(enabled)
        self.height_box.setEnabled(enabled)
        self.size_note.setVisible(enabled)
        if not custom:
            width, height = (int(part) for part in key.split("x"))
            self.width_box.setValue(width)
            self.height_box.setValue(height)

    def _update_ok(self) -> None:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        button.setEnabled(bool(self.path_edit.text().strip()))

    def browse(self) -> None:
        fmt = self.fmt()
        if self._all_charts is not None:
            folder = QFileDialog.getExistingDirectory(
                self, "Export All Charts to Folder", self.path_edit.text()
            )
            if folder:
                self.path_edit.setText(folder)
            return
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            "Export Chart",
            self.path_edit.text(),
            f"{FORMATS[fmt]} (*.{fmt});;All files (*)",
        )
        if chosen:
            path = Path(chosen)
            if not path.suffix:
                path = path.with_suffix(f".{fmt}")
            self.path_edit.setText(str(path))
            # The platform's dialog has asked about replacing it already.
            self._confirmed_path = path

    def existing_targets(self, request: ChartExportRequest) -> list[Path]:
        """Files the export would replace."""
        if self._all_charts is None:
            return [request.path] if request.path.exists() else []
        return [
            request.path / name
            for name in all_chart_names(self._all_charts, request.fmt)
            if (request.path / name).exists()
        ]

    def accept(self) -> None:
        """Save, after asking before replacing a file (as the platform's save dialog does)."""
        request = self.request()
        if request is None:
            return
        existing = self.existing_targets(request)
        if existing and existing != [self._confirmed_path]:
            if len(existing) == 1:
                text = f"{existing[0]} already exists.\n\nReplace it?"
            else:
                names = "\n".join(path.name for path in existing)
                text = (
                    f"{len(existing)} files already exist in {request.path}:\n\n{names}"
                    "\n\nReplace them?"
                )
            answer = QMessageBox.question(
                self,
                "Replace?",
                text,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().accept()

    def request(self) -> ChartExportRequest | None:
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        fmt = self.fmt()
        if self._all_charts is None and path.suffix.lower().lstrip(".") != fmt:
            path = (
                path.with_name(path.name + f".{fmt}")
                if path.suffix
                else path.with_suffix(f".{fmt}")
            )
        return ChartExportRequest(
            path=path,
            fmt=fmt,
            width=self.width_box.value(),
            height=self.height_box.value(),
            scale=self.scale_box.value() if fmt == "png" else 1.0,
            title=self.title_edit.text(),
            subtitle=self.subtitle_edit.text(),
            light_background=self.light_box.isChecked(),
        )

    def remember(self, request: ChartExportRequest) -> None:
        """Keep the folder, format and size for next time."""
        remember(self._settings, request, is_folder=self._all_charts is not None)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        settings: QSettings,
        *,
        title: str,
        subtitle: str,
        base_name: str,
        all_charts: list[str] | None = None,
    ) -> ChartExportRequest | None:
        """Show the dialog modally; the request, or None when cancelled.

        With ``all_charts`` (the charts' file base names) it asks for a folder.
        """
        dialog = cls(
            parent,
            settings,
            title=title,
            subtitle=subtitle,
            base_name=base_name,
            all_charts=all_charts,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            request = dialog.request()
            if request is not None:
                dialog.remember(request)
            return request
        finally:
            dialog.deleteLater()
