"""What every real pane stands on: `PaneContext` (jobs and actions off the GUI thread) and `Pane`.

A pane never touches the database on the GUI thread. It reads through
`PaneContext.read(fn, on_done)`, where `fn(services)` runs on the runtime's serial
database executor and returns plain dataclasses, and it changes data through
`PaneContext.act(action, args)`, which runs an action of the catalog there and emits
`AppEvents.changes_applied` once the commit is done, so every pane that shows the
changed area refreshes itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.runtime.events import AppEvents
from desktop.runtime.task_runner import TaskRunner, describe_error
from desktop.services.actions.registry import ActionCatalog, default_catalog
from desktop.services.container import Services

if TYPE_CHECKING:
    from desktop.services.actions.registry import ActionResult
    from desktop.ui.undo import UndoHistory

log = logging.getLogger("desktop.ui")

T = TypeVar("T")
OnError = Callable[[Exception], None]


class PaneContext:
    """The runner, the app's events and the services, as panes and dialogs use them.

    `services` is only ever used inside functions run by `read` or `act`, on the
    database executor; the GUI thread gets their results.
    """

    def __init__(
        self,
        runner: TaskRunner,
        events: AppEvents,
        services: Services,
        catalog: ActionCatalog | None = None,
    ) -> None:
        self.runner = runner
        self.events = events
        self.services = services
        self._catalog = catalog
        # The window's undo stack (set by `UndoHistory`): successful writes go on it.
        self.history: UndoHistory | None = None

    @property
    def catalog(self) -> ActionCatalog:
        """The action catalog, built on first use: registering every action imports every
        area's services (about 60 ms), which the first pane on screen does not need."""
        if self._catalog is None:
            self._catalog = default_catalog()
        return self._catalog

    def read(
        self,
        fn: Callable[[Services], T],
        on_done: Callable[[T], None],
        on_error: OnError | None = None,
    ) -> None:
        """Run `fn(services)` on the database executor; `on_done(result)` on the GUI thread.

        Once the app is shutting down (the runner is closed) the request is dropped.
        """
        if self.runner.closed:
            log.debug("dropped a read while shutting down: %s", fn)
            return
        services = self.services
        self.runner.run_db(lambda: fn(services), on_done, on_error)

    def read_aside(
        self,
        fn: Callable[[Services], T],
        on_done: Callable[[T], None],
        on_error: OnError | None = None,
    ) -> None:
        """Like `read`, but on the I/O pool, beside the database executor's queue.

        For slow reads nobody waits for (counts, statistics): they must not hold up
        the reads a pane shows next. Read-only work only: SQLite (WAL) lets readers
        run side by side on their own connections; writes stay serial.
        """
        if self.runner.closed:
            return
        services = self.services
        self.runner.run_io(lambda: fn(services), on_done, on_error)

    def act(
        self,
        action: str,
        args: Mapping[str, Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: OnError | None = None,
        initiator: object = None,
    ) -> None:
        """Run the catalog's `action` with `args`; announce its changes; `on_done(value)`.

        A write that can be undone goes on the undo stack (Edit › Undo). Errors go to
        `on_error`, or (without one) to the runner's `failed` signal, which the main
        window shows in its status bar.
        """
        services, catalog, events = self.services, self.catalog, self.events

        def run() -> ActionResult:
            result = catalog.call(services, action, dict(args))
            if result.changes:
                events.changes_applied.emit(result.changes, initiator)
            return result

        def done(result: ActionResult) -> None:
            if self.history is not None and result.undo is not None and result.undo.can_undo:
                self.history.record(action, result.undo)
            if on_done is not None:
                on_done(result.value)

        self.runner.run_db(run, done, on_error)


class Pane(QWidget):
    """A pane of the main window. Subclasses set `area` and implement `reload`.

    The main window builds a pane the first time it is shown, then calls `reload`
    when it is shown while stale and when `AppEvents.changes_applied` flags `area`
    while it is on screen. A pane that changes data itself may skip the refresh its
    own change causes by passing itself as the initiator of `PaneContext.act`.

    Signals:
        loaded(): fresh data is on screen (after each reload).
        failed(str): a reload failed; carries the message (the error was logged).
    """

    loaded = Signal()
    failed = Signal(str)

    # The `Changes` flag whose change makes this pane reload; None: any change.
    area: ClassVar[str | None] = None

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def reload(self) -> None:
        """Fetch fresh data (off the GUI thread) and show it; emit `loaded` when shown."""
        raise NotImplementedError

    def fetch(self, fn: Callable[[Services], T], show: Callable[[T], None]) -> None:
        """Run `fn(services)` off the GUI thread, `show` its result, then emit `loaded`
        (or `failed` with the message when `fn` raised)."""

        def done(value: T) -> None:
            if not shiboken6.isValid(self):  # closed while the job ran
                return
            show(value)
            self.loaded.emit()

        def error(exc: Exception) -> None:
            if not shiboken6.isValid(self):
                return
            log.error("loading %s failed", type(self).__name__, exc_info=exc)
            self.failed.emit(describe_error(exc))

        self.ctx.read(fn, done, error)


PaneFactory = Callable[[PaneContext], Pane]
