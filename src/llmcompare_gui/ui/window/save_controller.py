"""Autosave shortly after each change and on close, and the save state the status bar shows."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ...store.errors import StoreError
from ...store.session import StoreSession

SAVED = "All changes saved"
SAVING = "Saving…"
UNSAVED = "Unsaved changes"
READ_ONLY = "Read-only: nothing is saved"

AUTOSAVE_DELAY_MS = 700
"""Autosave this long after the last change (CONTRACT §6: within two seconds)."""


class SaveController(QObject):
    """Autosave shortly after each change and on close; never silent, never while refused."""

    stateChanged = Signal(str)

    def __init__(
        self,
        session: StoreSession,
        dialog_parent: QWidget | None = None,
        delay_ms: int = AUTOSAVE_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._dialog_parent = dialog_parent
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)
        self._dirty = False
        self._last_failure: str | None = None
        self.state = ""
        if session.read_only:
            # Short: the status bar's width is the window's minimum; the banner says why.
            self._set_state(READ_ONLY)
        else:
            self._set_state(SAVED)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_state(self, text: str) -> None:
        self.state = text
        self.stateChanged.emit(text)

    def changed(self) -> None:
        """The store's content changed: save soon."""
        if self._session.read_only:
            return
        self._dirty = True
        self._set_state(UNSAVED)
        self._timer.start()

    @property
    def last_failure(self) -> str | None:
        """Why the last save failed (file and problem), or None after a success."""
        return self._last_failure

    def save_now(self, *, quiet: bool = False) -> bool:
        """Save what is unsaved; False if that failed (``quiet``: without a message box)."""
        self._timer.stop()
        if self._session.read_only or not self._dirty:
            return not self._dirty
        self._set_state(SAVING)
        try:
            self._session.save()
        except StoreError as error:
            self._failed(error, quiet=quiet)
            return False
        self._dirty = False
        self._last_failure = None
        self._set_state(SAVED)
        return True

    def _failed(self, error: StoreError, *, quiet: bool = False) -> None:
        reason = error.problem
        self._set_state(f"Save failed: {reason}")
        message = str(error)
        if quiet:
            self._last_failure = message
        elif message != self._last_failure:
            self._last_failure = message
            QMessageBox.warning(
                self._dialog_parent,
                "Changes not saved",
                f"Your changes could not be saved:\n\n{message}\n\n"
                "They are kept in the window; the app tries again with the next change "
                "and when you quit, and asks what to do if it still cannot save.",
            )

    def discard_pending(self, state: str = SAVED) -> None:
        """Forget unsaved changes (the store was replaced as a whole, or the user said so)."""
        self._timer.stop()
        self._dirty = False
        self._set_state(state)
