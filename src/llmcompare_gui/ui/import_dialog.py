"""Import a price or benchmark file with a preview of what will be added, updated and skipped.

Benchmark runs that belong to no model are listed with a model picker: choosing
a model assigns the run to it (and the run's model id becomes an alias of the
model, so the next import matches it without asking).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
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
    UnmatchedEntry,
    describe_change,
)
from ..domain.imports import AnyReadResult, plan_any_import, read_import_file
from ..domain.model import Store

_AUTO = "Guess from the content"
_FORMAT_LABELS = {
    ImportFormat.LITELLM: "LiteLLM model_prices_and_context_window.json",
    ImportFormat.OPENROUTER: "OpenRouter /api/v1/models JSON",
    ImportFormat.CSV: "CSV (id, name, input_per_mtok, output_per_mtok, …)",
    ImportFormat.AIDER: "Aider leaderboard YAML (benchmark runs)",
    ImportFormat.BENCHMARK_CSV: "Benchmark CSV (model_id, benchmark, score, …)",
}
_UNASSIGNED = "— not imported —"
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
        self._result: AnyReadResult | None = None
        self._assignments: dict[str, str] = {}

        self.path_edit = QLineEdit(objectName="importPathEdit")
        self.path_edit.setPlaceholderText(
            "A LiteLLM, OpenRouter or CSV price file, or an Aider leaderboard"
        )
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
        self._result = None
        self._assignments = {}
        text = self.path_edit.text().strip()
        if not text:
            self._show_plan()
            return
        path = Path(text).expanduser()
        fmt = self.format_combo.currentData()
        try:
            content = path.read_bytes().decode("utf-8-sig")
            result = read_import_file(content, fmt, path.name)
        except OSError as error:
            self._show_plan(f"Cannot read {path}: {error.strerror or error}")
            return
        except UnicodeDecodeError as error:
            self._show_plan(f"{path}: byte {error.start}: not UTF-8 text")
            return
        except ImportFileError as error:
            self._show_plan(f"Cannot import {path}: {error}")
            return
        self._result = result
        self._replan()

    def assign(self, key: str, model_id: str | None) -> None:
        """Import the unmatched run ``key`` into ``model_id`` (None: leave it out)."""
        if model_id is None:
            self._assignments.pop(key, None)
        else:
            self._assignments[key] = model_id
        self._replan()

    def _replan(self) -> None:
        result = self._result
        if result is None:
            return
        self._plan = plan_any_import(self._store, result, self._assignments)
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
        if plan.matched:
            matched = QTreeWidgetItem(self.tree, [f"Matched ({len(plan.matched)})", ""])
            for key, model_id in plan.matched[:PREVIEW_LIMIT]:
                assigned = " (assigned here)" if key in self._assignments else ""
                QTreeWidgetItem(matched, [key, f"→ {model_id}{assigned}"])
            matched.setExpanded(True)
        if plan.unmatched:
            self._add_unmatched(plan.unmatched)

    def _add_unmatched(self, entries: list[UnmatchedEntry]) -> None:
        group = QTreeWidgetItem(
            self.tree,
            [f"Matching no model ({len(entries)}): choose a model to import one into", ""],
        )
        group.setFirstColumnSpanned(True)
        group.setExpanded(True)
        # One list of models shared by every picker: a store may hold thousands.
        choices = QStandardItemModel(self.tree)
        for name, model_id in [(_UNASSIGNED, None)] + [(m.name, m.id) for m in self._store.models]:
            choice = QStandardItem(name)
            choice.setData(model_id, Qt.ItemDataRole.UserRole)
            choices.appendRow(choice)
        for entry in entries[:PREVIEW_LIMIT]:
            label = entry.label + (f" ({entry.model_id})" if entry.model_id else "")
            item = QTreeWidgetItem(group, [label, ""])
            item.setToolTip(0, entry.key)
            picker = QComboBox(objectName="assignModelCombo")
            picker.setModel(choices)
            picker.setCurrentIndex(0)
            picker.setToolTip(
                "Import this run into the chosen model; its id "
                f"{entry.model_id or entry.key!r} becomes an alias of the model"
            )
            picker.currentIndexChanged.connect(
                lambda _index, key=entry.key, combo=picker: self.assign(key, combo.currentData())
            )
            self.tree.setItemWidget(item, 1, picker)

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
            self,
            "Import Models",
            folder,
            "Price and benchmark files (*.json *.csv *.yml *.yaml);;All files (*)",
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
