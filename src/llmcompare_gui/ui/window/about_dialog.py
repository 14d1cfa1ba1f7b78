"""Help → About: version, licence, where the figures come from, and the data folder."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..._version import __version__

LICENCE = "MIT"
MAX_SOURCES = 8
IMPORT_SOURCES = (
    "Imports read LiteLLM's model_prices_and_context_window.json (MIT licence), "
    "OpenRouter's /api/v1/models and Aider's leaderboards."
)


def source_lines(sources: Sequence[tuple[str, str | None]]) -> list[str]:
    """Unique (title, url) pairs as HTML lines, the first few, then how many more."""
    seen: list[tuple[str, str | None]] = []
    for source in sources:
        if source not in seen:
            seen.append(source)
    lines = []
    for title, url in seen[:MAX_SOURCES]:
        text = html.escape(title)
        if url:
            text = f'<a href="{html.escape(url, quote=True)}">{text}</a>'
        lines.append(text)
    if len(seen) > MAX_SOURCES:
        lines.append(f"and {len(seen) - MAX_SOURCES} more (see each model's sources)")
    return lines


class AboutDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        data_dir: Path,
        store_file: Path,
        sources: Sequence[tuple[str, str | None]] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About llmcompare-gui")
        self.data_dir = data_dir

        listed = source_lines(sources)
        sources_html = (
            "<ul style='margin-left: -20px'>" + "".join(f"<li>{s}</li>" for s in listed) + "</ul>"
            if listed
            else "<p>The store names no sources.</p>"
        )
        text = QLabel(
            f"<h3>llmcompare-gui {html.escape(__version__)}</h3>"
            "<p>Compare large language models side by side and see what your monthly "
            "workload costs on each.</p>"
            f"<p><b>Licence:</b> {LICENCE}. Free to use, change and share; no warranty.</p>"
            f"<p><b>Data sources</b> of the models in your store:</p>{sources_html}"
            f"<p>{html.escape(IMPORT_SOURCES)}</p>",
            self,
        )
        text.setObjectName("aboutText")
        text.setWordWrap(True)
        text.setOpenExternalLinks(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

        folder_label = QLabel("&Data folder:", self)
        self.folder = QLineEdit(str(data_dir), self)
        self.folder.setObjectName("aboutDataFolder")
        self.folder.setReadOnly(True)
        self.folder.setAccessibleName("Data folder")
        self.folder.setToolTip(f"The store is {store_file}")
        folder_label.setBuddy(self.folder)
        self.open_button = QPushButton("&Open Folder", self)
        self.open_button.setObjectName("openDataFolder")
        self.open_button.setToolTip("Show the data folder in the file manager")
        self.open_button.clicked.connect(self.open_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.open_button)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(folder_row)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def open_folder(self) -> bool:
        """Open the data folder in the desktop's file manager; False if it could not."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))
        if not opened:
            self.open_button.setToolTip(f"Could not open {self.data_dir}: copy the path instead")
        return bool(opened)
