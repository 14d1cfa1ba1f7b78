"""The question asked on quit when unsaved changes cannot be saved: retry, save as, discard."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class UnsavedChoice(Enum):
    RETRY = "retry"
    SAVE_AS = "save_as"
    DISCARD = "discard"
    CANCEL = "cancel"


class UnsavedChangesDialog:
    """A message box with four answers; tests replace :meth:`ask` and :meth:`ask_path`."""

    @classmethod
    def ask(cls, parent: QWidget | None, store_path: Path, problem: str) -> UnsavedChoice:
        box = QMessageBox(parent)
        box.setObjectName("unsavedChangesDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Unsaved changes")
        box.setText("Your changes could not be saved. Quit anyway?")
        box.setInformativeText(
            f"{problem}\n\nStore: {store_path}\n\n"
            "Retry once the folder is writable again, save the models to another file, "
            "or discard the changes. Cancel keeps the window open."
        )
        retry = box.addButton("&Retry", QMessageBox.ButtonRole.AcceptRole)
        save_as = box.addButton("&Save As…", QMessageBox.ButtonRole.ActionRole)
        discard = box.addButton("&Discard Changes", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(retry)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is retry:
            return UnsavedChoice.RETRY
        if clicked is save_as:
            return UnsavedChoice.SAVE_AS
        if clicked is discard:
            return UnsavedChoice.DISCARD
        return UnsavedChoice.CANCEL

    @classmethod
    def ask_path(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, "Save Models As", str(suggested), "JSON files (*.json);;All files (*)"
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix else path.with_suffix(".json")
