"""Import a price file with a preview of what will be added, updated and skipped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.importers import (
    ImportFileError,
    ImportFormat,
    ImportPlan,
    describe_change,
    plan_import,
    read_price_file,
)
from ..domain.model import Store

_AUTO = "Guess from the content"
_FORMAT_LABELS = {
    ImportFormat.LITELLM: "LiteLLM model_prices_and_context_window.json",
    ImportFormat.OPENROUTER: "OpenRouter /api/v1/models JSON",
    ImportFormat.CSV: "CSV (id, name, input_per_mtok, output_per_mtok, …)",
}
_LAST_FOLDER_KEY = "import/last_folder"
PREVIEW_LIMIT = 500
"""Rows listed per group; the counts always cover everything."""


class ImportDialog(QDialog):
    """Choose a file, see the plan, then accept it; nothing is written here.

    The caller applies :meth:`plan` to the store (as an undoable command).
    """

    def __init__(
        self, store: Store, settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import Models")
        self.setObjectName("importDialog")
        self.resize(640, 520)
        self._store = store
        self._settings = settings
        self._plan: ImportPlan | None = None

        self.path_edit = QLineEdit(objectName="importPathEdit")
        self.path_edit.setPlaceholderText("A LiteLLM, OpenRouter or CSV price file")
        self.path_edit.editingFinished.connect(self.preview)
        browse = QPushButton("Browse…", objectName="importBrowseButton")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        self.format_combo = QComboBox(objectName="importFormatCombo")
        self.format_combo.addItem(_AUTO, None)
        for fmt, label in _FORMAT_LABELS.items():
            self.format_combo.addItem(label, fmt)
        self.format_combo.currentIndexChanged.connect(self.preview)

        form = QFormLayout()
        form.addRow("File:", path_row)
        form.addRow("Format:", self.format_combo)

        self.summary = QLabel(objectName="importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget(objectName="importPreview")
        self.tree.setHeaderLabels(["Model", "Change"])
        self.tree.setUniformRowHeights(True)
        self.tree.setColumnWidth(0, 360)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self._show_plan()

    def plan(self) -> ImportPlan | None:
        return self._plan

    def set_path(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        self.preview()

    def preview(self) -> None:
        """Read the chosen file and show what importing it would change."""
        self._plan = None
        text = self.path_edit.text().strip()
        if not text:
            self._show_plan()
            return
        path = Path(text).expanduser()
        fmt = self.format_combo.currentData()
        try:
            content = path.read_bytes().decode("utf-8-sig")
            result = read_price_file(content, fmt, path.name)
        except OSError as error:
            self._show_plan(f"Cannot read {path}: {error.strerror or error}")
            return
        except UnicodeDecodeError as error:
            self._show_plan(f"{path}: byte {error.start}: not UTF-8 text")
            return
        except ImportFileError as error:
            self._show_plan(f"Cannot import {path}: {error}")
            return
        self._plan = plan_import(self._store, result)
        self._show_plan(f"Read as {_FORMAT_LABELS[result.format]}.")

    def _show_plan(self, message: str = "") -> None:
        plan = self._plan
        self.tree.clear()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(plan is not None and plan.changes_anything)
        if plan is None:
            self.summary.setText(message or "Choose a file to see what it would change.")
            return
        skipped = sum(plan.skipped.values())
        self.summary.setText(
            f"{message} {len(plan.added)} to add, {len(plan.updated)} to update, "
            f"{len(plan.unchanged)} unchanged, {skipped} skipped. "
            "The store is saved with a backup of its previous version."
        )
        self._add_group("Added", plan.added, lambda _: "new model")
        self._add_group("Updated", plan.updated, self._change)
        self._add_group("Unchanged", plan.unchanged, lambda _: "already as in the file")
        group = QTreeWidgetItem(self.tree, [f"Skipped ({skipped})", ""])
        for reason, count in sorted(plan.skipped.items(), key=lambda item: -item[1]):
            QTreeWidgetItem(group, [reason, str(count)])
        group.setExpanded(True)

    def _change(self, model_id: str) -> str:
        before = self._store.model(model_id)
        after = self._plan.store.model(model_id) if self._plan else None
        if before is None or after is None:
            return ""
        return describe_change(before, after)

    def _add_group(self, title: str, ids: list[str], change: Callable[[str], str]) -> None:
        group = QTreeWidgetItem(self.tree, [f"{title} ({len(ids)})", ""])
        for model_id in ids[:PREVIEW_LIMIT]:
            QTreeWidgetItem(group, [model_id, change(model_id)])
        if len(ids) > PREVIEW_LIMIT:
            QTreeWidgetItem(group, [f"… and {len(ids) - PREVIEW_LIMIT} more", ""])
        group.setExpanded(title != "Unchanged")

    def _browse(self) -> None:
        folder = ""
        if self._settings is not None:
            folder = str(self._settings.value(_LAST_FOLDER_KEY, "") or "")
        path, _ = QFileDialog.getOpenFileName(
            self, "Import Models", folder, "Price files (*.json *.csv);;All files (*)"
        )
        if path:
            if self._settings is not None:
                self._settings.setValue(_LAST_FOLDER_KEY, str(Path(path).parent))
            self.set_path(Path(path))

    @classmethod
    def ask(
        cls, parent: QWidget | None, store: Store, settings: QSettings | None = None
    ) -> ImportPlan | None:
        """Show the dialog; the accepted plan, or None."""
        dialog = cls(store, settings, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.plan()
        return None
