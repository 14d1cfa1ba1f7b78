"""The window on a store it cannot open: what still works there, and the two ways out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from ...store.errors import StoreError
from ...store.paths import AppPaths
from ...store.recovery import newest_valid_backup, restore_backup, set_aside
from ...store.session import StoreSession
from .main_window import MainWindow
from .window_controller import apply_theme, show_about


class BrokenStoreController(QObject):
    """Quit, About and Theme work on the error page; its buttons open a store and hand it on.

    Nothing is written until the user confirms a way out, and the theme chosen
    here is not remembered (the settings live beside the store) until a store
    opens: ``on_opened`` gets the session and that theme (None if none was chosen).
    """

    def __init__(
        self,
        window: MainWindow,
        paths: AppPaths,
        on_opened: Callable[[StoreSession, str | None], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._paths = paths
        self._on_opened = on_opened
        self._theme_chosen: str | None = None
        window.quit_action.triggered.connect(self._quit)
        window.about_action.triggered.connect(self._about)
        window.theme_group.triggered.connect(self._theme)
        window.open_backup_button.clicked.connect(self.open_backup)
        window.start_fresh_button.clicked.connect(self.start_fresh)
        backup = newest_valid_backup(paths.store_file)
        if backup is None:
            window.open_backup_button.setEnabled(False)
            window.open_backup_button.setToolTip(
                f"No backup that opens was found beside {paths.store_file} or in its backups/"
            )
        else:
            window.open_backup_button.setToolTip(f"Newest backup that opens: {backup}")

    # -- what works without a store --------------------------------------------------------

    def _quit(self) -> None:
        self._window.close()

    def _about(self) -> None:
        show_about(self._window, self._paths)

    def _theme(self, action: QAction) -> None:
        self._theme_chosen = str(action.data())
        apply_theme(self._theme_chosen)

    def _detach(self) -> None:
        window = self._window
        window.quit_action.triggered.disconnect(self._quit)
        window.about_action.triggered.disconnect(self._about)
        window.theme_group.triggered.disconnect(self._theme)

    # -- the ways out ----------------------------------------------------------------------

    def open_backup(self) -> bool:
        """Put the newest valid backup in place of the broken store (after asking) and open it."""
        store_file = self._paths.store_file
        backup = newest_valid_backup(store_file)
        if backup is None:
            self._failed(f"No backup that opens was found beside {store_file}.")
            return False
        saved = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        if not self._confirm(
            "Open the last backup",
            f"Open the backup {backup} (saved {saved})?\n\n"
            f"The broken file {store_file} is kept aside beside it as "
            f"{store_file.stem}.broken-<date>{store_file.suffix}; nothing is deleted.",
        ):
            return False
        try:
            kept = restore_backup(store_file, backup)
        except StoreError as error:
            self._failed(str(error))
            return False
        return self._open(f"Opened the backup {backup.name}; the broken file was kept as {kept}")

    def start_fresh(self) -> bool:
        """Set the broken store aside (after asking) and start from the bundled data."""
        store_file = self._paths.store_file
        if not self._confirm(
            "Start from the bundled data",
            f"Start again from the bundled reference data?\n\nThe broken file {store_file} "
            f"is kept aside beside it as {store_file.stem}.broken-<date>{store_file.suffix}; "
            "nothing is deleted.",
        ):
            return False
        try:
            kept = set_aside(store_file) if store_file.exists() else None
        except StoreError as error:
            self._failed(str(error))
            return False
        where = f"; the broken file was kept as {kept}" if kept is not None else ""
        return self._open(f"Started from the bundled data{where}")

    def _open(self, text: str) -> bool:
        try:
            session = StoreSession.open(self._paths)
        except StoreError as error:
            self._failed(f"The store still cannot be opened:\n\n{error}")
            return False
        self._detach()
        self._window.show_contents()
        # A theme chosen on the error page is kept, and from now on remembered.
        self._on_opened(session, self._theme_chosen)
        self._window.statusBar().showMessage(text, 20_000)
        self.deleteLater()
        return True

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self._window,
            title,
            text,
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Ok

    def _failed(self, text: str) -> None:
        QMessageBox.warning(self._window, "Cannot open the store", text)
