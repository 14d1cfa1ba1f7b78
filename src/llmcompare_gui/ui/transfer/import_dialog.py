"""Import a price or benchmark file with a preview of what will be added, updated and skipped.

Enter in the file field shows the preview; only the Import button applies it,
so nothing reaches the store unseen (the dialog has no default button).
Benchmark runs that belong to no model are listed with a model picker: choosing
a model assigns the run to it (and the run's model id becomes an alias of the
model, so the next import matches it without asking).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.import_preview import REVIEW_ABOVE_PER_MTOK, PreviewAction, PreviewRow, preview_rows
from ...domain.importers import ImportFormat, ImportPlan, UnmatchedEntry
from ...domain.imports import AnyReadResult
from ...domain.model import Store
from ...services import import_service
from .widgets import named

_AUTO = "Guess from the content"
_FORMAT_LABELS = {
    ImportFormat.LITELLM: "LiteLLM model_prices_and_context_window.json",
    ImportFormat.OPENROUTER: "OpenRouter /api/v1/models JSON",
    ImportFormat.CSV: "CSV (id, name, input_per_mtok, output_per_mtok, …)",
    ImportFormat.AIDER: "Aider leaderboard YAML (benchmark runs)",
    ImportFormat.BENCHMARK_CSV: "Benchmark CSV (model_id, benchmark, score, …)",
}
_UNASSIGNED = "— not imported —"
RUNS_LIMIT = 2000
"""Benchmark runs listed with a picker; a leaderboard has under a hundred."""
_LAST_FOLDER_KEY = "import/last_folder"
_ACTION_TEXT = {
    PreviewAction.ADD: "add",
    PreviewAction.UPDATE: "update",
    PreviewAction.UNCHANGED: "unchanged",
    PreviewAction.SKIP: "skip",
}
REFUSED = "refused"
"""The action shown for a bad line of a file that is refused whole."""
PRICE_HEADER = "per million tokens"


class PreviewModel(QAbstractTableModel):
    """Every row of the preview, however many: the view scrolls, nothing is cut."""

    HEADER = ("Action", "Model", "Name", "Input", "Cached", "Output", "Check")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PreviewRow] = []
        self._refused: list[str] = []

    def set_rows(self, rows: Sequence[PreviewRow], refused: Sequence[str] = ()) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._refused = list(refused)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows) + len(self._refused)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADER)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADER[section]
        if role == Qt.ItemDataRole.ToolTipRole and 3 <= section <= 5:
            return f"{self.HEADER[section]} price {PRICE_HEADER}; old → new for an update"
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if row >= len(self._rows):
            problem = self._refused[row - len(self._rows)]
            if role == Qt.ItemDataRole.ToolTipRole:
                return problem
            if role == Qt.ItemDataRole.DisplayRole:
                where, _, what = problem.partition(": ")  # "line 3, column id: the id is empty"
                return (REFUSED, where, "", "", "", "", what or where)[column]
            return None
        preview = self._rows[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            cells = (
                _ACTION_TEXT[preview.action],
                preview.model_id,
                preview.name,
                *preview.prices,
                ("⚠ " + preview.review) if preview.needs_review else "",
            )
            return cells[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and 3 <= column <= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def rows(self) -> list[PreviewRow]:
        return list(self._rows)

    def refused(self) -> list[str]:
        return list(self._refused)


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
        self.resize(960, 600)
        self._store = store
        self._settings = settings
        self._plan: ImportPlan | None = None
        self._result: AnyReadResult | None = None
        self._assignments: dict[str, str] = {}

        self.path_edit = named(QLineEdit(), "importPathEdit")
        self.path_edit.setPlaceholderText(
            "A LiteLLM, OpenRouter or CSV price file, or an Aider leaderboard"
        )
        self.path_edit.editingFinished.connect(self._preview_if_changed)
        self.path_edit.textEdited.connect(self._forget_plan)
        self._previewed: tuple[str, int] | None = None
        browse = named(QPushButton("Browse…"), "importBrowseButton")
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        self.format_combo = named(QComboBox(), "importFormatCombo")
        self.format_combo.addItem(_AUTO, None)
        for fmt, label in _FORMAT_LABELS.items():
            self.format_combo.addItem(label, fmt)
        self.format_combo.currentIndexChanged.connect(self.preview)

        form = QFormLayout()
        form.addRow("File:", path_row)
        form.addRow("Format:", self.format_combo)

        self.summary = named(QLabel(), "importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_model = PreviewModel(self)
        self.preview_view = named(QTableView(), "importPreview")
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.verticalHeader().hide()
        self.preview_view.verticalHeader().setDefaultSectionSize(
            self.preview_view.fontMetrics().height() + 6
        )
        header = self.preview_view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((70, 240, 160, 80, 80, 80)):
            header.resizeSection(column, width)

        # Benchmark imports: which run went to which model, and the runs that match none.
        self.runs_tree = named(QTreeWidget(), "importRuns")
        self.runs_tree.setHeaderLabels(["Run", "Model"])
        self.runs_tree.setUniformRowHeights(True)
        self.runs_tree.setColumnWidth(0, 520)
        self.runs_tree.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        import_button.setText("&Import")
        import_button.setObjectName("importApplyButton")
        for button in self.buttons.buttons():
            # No default button: Enter previews, it never applies.
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview_view, 1)
        layout.addWidget(self.runs_tree, 1)
        layout.addWidget(self.buttons)
        self._show_plan()

    def plan(self) -> ImportPlan | None:
        return self._plan

    def import_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # QDialog would press a default button here; Enter means "show me" instead.
            self._preview_if_changed()
            event.accept()
            return
        super().keyPressEvent(event)

    def _preview_if_changed(self) -> None:
        current = (self.path_edit.text().strip(), self.format_combo.currentIndex())
        if current != self._previewed or self._plan is None:
            self.preview()

    def _forget_plan(self) -> None:
        """The path changed: what was previewed is no longer what would be imported."""
        if self._plan is not None or self._previewed is not None:
            self._plan = None
            self._previewed = None
            self._show_plan("Press Enter to preview the file.")

    def set_path(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        self.preview()

    def preview(self) -> None:
        """Read the chosen file and show what importing it would change."""
        self._plan = None
        self._result = None
        self._assignments = {}
        text = self.path_edit.text().strip()
        self._previewed = (text, self.format_combo.currentIndex())
        if not text:
            self._show_plan()
            return
        path = Path(text).expanduser()
        fmt = self.format_combo.currentData()
        try:
            result = import_service.read_file(path, fmt)
        except import_service.ImportReadError as error:
            if error.problems:
                self._show_plan(
                    f"Cannot import {path}: {len(error.problems)} bad lines, listed below; "
                    "fix them and preview again. Nothing is imported.",
                    error.problems,
                )
            else:
                self._show_plan(f"Cannot {error.action} {path}: {error.problem}")
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
        self._plan = import_service.preview(self._store, result, self._assignments)
        self._show_plan(f"Read as {_FORMAT_LABELS[result.format]}.")

    def _show_plan(self, message: str = "", refused: Sequence[str] = ()) -> None:
        plan = self._plan
        self.import_button().setEnabled(plan is not None and plan.changes_anything)
        if plan is None:
            self.runs_tree.clear()
            self.runs_tree.hide()
            self.preview_model.set_rows([], refused)
            self.summary.setText(
                message
                or "Choose a file, or type its path and press Enter, to see what it would change."
            )
            return
        rows = preview_rows(self._store, plan)
        self.preview_model.set_rows(rows)
        self._show_runs(plan)
        skipped = sum(plan.skipped.values())
        review = sum(row.needs_review for row in rows if row.action is not PreviewAction.SKIP)
        reasons = sorted(plan.skipped.items(), key=lambda item: -item[1])
        counted = ", ".join(f"{count} × {reason}" for reason, count in reasons[:3])
        if len(reasons) > 3:
            counted += ", …"
        self.summary.setText(
            f"{message} {len(plan.added)} to add, {len(plan.updated)} to update, "
            f"{len(plan.unchanged)} unchanged, {skipped} skipped"
            + (f" ({counted})" if counted else "")
            + "."
            + (
                f" ⚠ {review} to check (a price above {REVIEW_ABOVE_PER_MTOK:,.0f} per million "
                "tokens, or cached input above input)."
                if review
                else ""
            )
            + " Prices are per million tokens. Press Import to apply; the store is saved with "
            "a backup of its previous version."
        )

    def _show_runs(self, plan: ImportPlan) -> None:
        tree = self.runs_tree
        tree.clear()
        tree.setVisible(bool(plan.matched or plan.unmatched))
        if plan.matched:
            matched = QTreeWidgetItem(tree, [f"Matched ({len(plan.matched)})", ""])
            for key, model_id in plan.matched[:RUNS_LIMIT]:
                assigned = " (assigned here)" if key in self._assignments else ""
                QTreeWidgetItem(matched, [key, f"→ {model_id}{assigned}"])
            matched.setExpanded(True)
        if plan.unmatched:
            self._add_unmatched(plan.unmatched)

    def _add_unmatched(self, entries: list[UnmatchedEntry]) -> None:
        group = QTreeWidgetItem(
            self.runs_tree,
            [f"Matching no model ({len(entries)}): choose a model to import one into", ""],
        )
        group.setFirstColumnSpanned(True)
        group.setExpanded(True)
        # One list of models shared by every picker: a store may hold thousands.
        choices = QStandardItemModel(self.runs_tree)
        for name, model_id in [(_UNASSIGNED, None)] + [(m.name, m.id) for m in self._store.models]:
            choice = QStandardItem(name)
            choice.setData(model_id, Qt.ItemDataRole.UserRole)
            choices.appendRow(choice)
        for entry in entries[:RUNS_LIMIT]:
            label = entry.label + (f" ({entry.model_id})" if entry.model_id else "")
            item = QTreeWidgetItem(group, [label, ""])
            item.setToolTip(0, entry.key)
            picker = named(QComboBox(), "assignModelCombo")
            picker.setModel(choices)
            picker.setCurrentIndex(0)
            picker.setToolTip(
                "Import this run into the chosen model; its id "
                f"{entry.model_id or entry.key!r} becomes an alias of the model"
            )
            picker.currentIndexChanged.connect(
                lambda _index, key=entry.key, combo=picker: self.assign(key, combo.currentData())
            )
            self.runs_tree.setItemWidget(item, 1, picker)

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
