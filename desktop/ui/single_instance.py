"""One running Atrium per profile: a second start hands its request to the first and exits.

The first instance listens on a QLocalServer whose name is derived from the
profile directory (so two profiles can run side by side), in the user's runtime
directory, accessible to the user only. A later start connects, sends one JSON
line such as {"command": "raise"} or {"command": "quick_add", "text": "..."},
and exits. A server left behind by a crashed instance is removed and replaced.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger("desktop.ui")

CONNECT_MS = 500
WRITE_MS = 1000
READ_MS = 1000


def server_name(data_dir: Path) -> str:
    """The same name for every start on the same profile: a socket in the user's runtime
    directory (a named pipe on Windows)."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    name = f"atrium-{digest}"
    if sys.platform == "win32":
        return name
    runtime = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.RuntimeLocation)
    return str(Path(runtime) / name) if runtime else name


def hand_over(name: str, message: dict[str, Any]) -> bool:
    """Send `message` to the running instance; False when none is listening."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(json.dumps(message).encode() + b"\n")
    delivered = socket.waitForBytesWritten(WRITE_MS)
    socket.disconnectFromServer()
    return delivered


def _answers(name: str) -> bool:
    """Whether a live server accepts connections on `name`."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    alive = socket.waitForConnected(CONNECT_MS)
    socket.abort()
    return alive


class InstanceServer(QObject):
    """Listens for later starts of the same profile.

    Signals:
        received(dict): another start sent a request (e.g. {"command": "raise"}).
    """

    received = Signal(dict)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._sockets: set[QLocalSocket] = set()

    def listen(self) -> bool:
        """Start listening, replacing a stale server of a crashed instance.

        False when another live instance holds the name (two starts at once): its
        socket is left alone.
        """
        # Asked first: with access options Qt binds elsewhere and renames over the name,
        # so listening would silently take it from a live instance.
        if _answers(self.name):
            log.warning("another Atrium already listens on %s", self.name)
            return False
        if self._server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        if self._server.listen(self.name):
            return True
        log.warning("single-instance server %s: %s", self.name, self._server.errorString())
        return False

    def close(self) -> None:
        """Stop listening and drop the connections still open."""
        self._server.close()
        for socket in list(self._sockets):
            self._drop(socket)

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._sockets.add(socket)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._drop(s))

    def _drop(self, socket: QLocalSocket) -> None:
        if socket not in self._sockets:
            return
        self._sockets.discard(socket)
        socket.readyRead.disconnect()
        socket.disconnected.disconnect()
        socket.abort()
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        while socket in self._sockets and socket.canReadLine():
            line = bytes(socket.readLine().data()).strip()
            try:
                message = json.loads(line)
            except ValueError:
                log.warning("ignoring a malformed hand-over: %r", line[:200])
                continue
            if isinstance(message, dict):
                self.received.emit(message)
