"""One window per data dir: a second launch brings the running window to the front.

The running instance listens on a local socket named after its data dir. A new
launch first asks the store lock whether anyone is running there (a file probe,
no Qt), and only then connects; a window that answers is raised and the new
launch ends. Without an answer (no listener, a stale socket, a refused
connection) the new launch goes on and opens the store read-only, as
CONTRACT §2 says, and so does an explicit ``--new-instance``.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ...store.lock import held_elsewhere

ACTIVATE = b"activate\n"
ACTIVATED = b"activated\n"
CONNECT_TIMEOUT_MS = 500
REPLY_TIMEOUT_MS = 2000


def server_name(data_dir: Path) -> str:
    """A socket name unique per user and data dir, short enough for any platform."""
    import hashlib  # loads OpenSSL (~30 ms): only once a socket is really needed

    key = str(Path(data_dir).expanduser().resolve())
    user = getattr(os, "getuid", lambda: 0)()
    digest = hashlib.sha256(f"{user}:{key}".encode()).hexdigest()[:16]
    return f"llmcompare-gui-{digest}"


def hand_over(data_dir: Path) -> bool:
    """Ask the window running on ``data_dir`` to come to the front; True if it did."""
    if not held_elsewhere(Path(data_dir)):
        return False
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(ACTIVATE)
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    answered = False
    while socket.waitForReadyRead(REPLY_TIMEOUT_MS):
        if bytes(socket.readAll().data()).endswith(ACTIVATED):
            answered = True
            break
    socket.disconnectFromServer()
    return answered


class InstanceServer(QObject):
    """Listens for later launches and brings ``window`` to the front for each."""

    activated = Signal()

    def __init__(self, window: QWidget, data_dir: Path) -> None:
        super().__init__(window)
        from PySide6.QtNetwork import QLocalServer

        self._window = window
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.name = server_name(data_dir)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening; a socket left by a crashed instance is replaced."""
        from PySide6.QtNetwork import QLocalServer

        if self._server.listen(self.name):
            return True
        # Only the holder of the store lock listens, so a leftover socket is stale.
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: object) -> None:
        from PySide6.QtNetwork import QLocalSocket

        assert isinstance(socket, QLocalSocket)
        if not bytes(socket.readAll().data()).endswith(ACTIVATE):
            return
        self.raise_window()
        socket.write(ACTIVATED)
        socket.flush()
        self.activated.emit()

    def raise_window(self) -> None:
        from PySide6.QtCore import Qt

        window = self._window
        if window.isMinimized():
            window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
