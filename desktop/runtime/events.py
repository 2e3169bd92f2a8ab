"""Application-wide signals that any part of the app may emit or observe."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """Notifications shared by the whole application; create one in the composition root.

    Create it on the GUI thread. Emitting from a worker thread is safe: receivers
    living on the GUI thread get the call queued onto it.

    Signals:
        changes_applied(Changes, object): a commit (local, or pulled by sync) changed the
            areas flagged in the `desktop.core.changes.Changes` record; the second argument
            is the initiator (the object that asked for the change, or None), so it can skip
            refreshing itself. Emitted once per commit.
    """

    changes_applied = Signal(object, object)
