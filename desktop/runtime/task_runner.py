"""Run blocking work off the GUI thread and deliver the outcome back on it.

Database work goes to one serial executor (one job at a time, in submission order),
network and file I/O to a small pool. Whatever a job returns or raises comes back to
the GUI thread through a queued signal, where `on_done` or `on_error` is called
(Anki's `aqt/taskman.py` is the model). Nothing is swallowed: a failure with no
`on_error` is logged to the ``desktop.runtime`` logger and announced by `failed`.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

from desktop.core.errors import AtriumError

log = logging.getLogger("desktop.runtime")

T = TypeVar("T")

OnError = Callable[[Exception], None]

DEFAULT_IO_WORKERS = 4


def describe_error(exc: BaseException) -> str:
    """A one-line message for a failure: ours as written, anything else with its type."""
    if isinstance(exc, AtriumError):
        return str(exc)
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class _MainThreadBridge(QObject):
    """Lives on the GUI thread and calls, there, the callables posted from any thread.

    Signals:
        done(object): a callable taking no argument, to be called on this object's thread.
    """

    done = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Queued even when posted from the GUI thread itself: a callback never runs
        # inside the call that scheduled it.
        self.done.connect(self._call, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _call(self, callback: Callable[[], None]) -> None:
        callback()


class TaskRunner(QObject):
    """Owns the worker threads; results and errors come back on the GUI thread.

    Create it on the GUI thread (its bridge lives there) and call `shutdown` before
    the application exits. `run_db`, `run_io` and `run_on_main` may be called from
    any thread.

    Signals:
        busy_changed(int): the number of jobs submitted whose outcome has not yet been
            delivered changed; 0 means idle.
        failed(str): a job with no `on_error` (or one of its callbacks) raised; the
            message describes the error, which was also logged.
    """

    busy_changed = Signal(int)
    failed = Signal(str)

    def __init__(
        self, parent: QObject | None = None, *, io_workers: int = DEFAULT_IO_WORKERS
    ) -> None:
        super().__init__(parent)
        self._bridge = _MainThreadBridge(self)
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="atrium-db")
        self._io = ThreadPoolExecutor(max_workers=io_workers, thread_name_prefix="atrium-io")
        self._lock = threading.RLock()
        self._busy = 0
        self._closed = False

    @property
    def closed(self) -> bool:
        """Whether `shutdown` was called (new jobs are refused)."""
        with self._lock:
            return self._closed

    @property
    def busy_count(self) -> int:
        """Jobs submitted whose outcome has not been delivered yet."""
        with self._lock:
            return self._busy

    def run_db(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: OnError | None = None,
    ) -> None:
        """Run `fn` on the serial database executor; deliver its outcome on the GUI thread."""
        self._submit(self._db, fn, on_done, on_error)

    def run_io(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: OnError | None = None,
    ) -> None:
        """Run `fn` on the I/O pool (network, files, speech); deliver its outcome likewise."""
        self._submit(self._io, fn, on_done, on_error)

    def run_on_main(self, callback: Callable[[], None]) -> None:
        """Call `callback` on the GUI thread, later, from the event loop."""
        self._bridge.done.emit(callback)

    def shutdown(self, wait: bool = True) -> None:
        """Refuse new jobs and stop the workers; with `wait`, let running and queued jobs end.

        Outcomes of jobs that finish now are still posted to the GUI thread, but they are
        only delivered if the event loop runs again.
        """
        with self._lock:
            self._closed = True
        self._db.shutdown(wait=wait)
        self._io.shutdown(wait=wait)

    def _submit(
        self,
        executor: ThreadPoolExecutor,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: OnError | None,
    ) -> None:
        with self._lock:
            if self._closed:
                raise RuntimeError("the task runner has been shut down")
            self._change_busy(+1)
            try:
                executor.submit(self._work, fn, on_done, on_error)
            except BaseException:
                self._change_busy(-1)
                raise

    def _work(
        self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: OnError | None
    ) -> None:
        """Runs on a worker thread: call `fn` and post what happened to the GUI thread."""
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001 - handed to on_error or logged on the GUI thread
            self.run_on_main(functools.partial(self._deliver_error, fn, exc, on_error))
        else:
            self.run_on_main(functools.partial(self._deliver_result, fn, result, on_done))

    def _deliver_result(self, fn: Callable[[], T], result: T, on_done: Callable[[T], None]) -> None:
        try:
            on_done(result)
        except Exception as exc:  # noqa: BLE001 - a failing callback is reported, not lost
            self._report(f"the result handler of {_name(fn)}", exc)
        finally:
            self._change_busy(-1)

    def _deliver_error(self, fn: Callable[[], T], exc: Exception, on_error: OnError | None) -> None:
        try:
            if on_error is None:
                self._report(_name(fn), exc)
            else:
                try:
                    on_error(exc)
                except Exception as handler_exc:  # noqa: BLE001 - reported, not lost
                    self._report(f"the error handler of {_name(fn)}", handler_exc)
        finally:
            self._change_busy(-1)

    def _report(self, what: str, exc: Exception) -> None:
        log.error("background job %s failed", what, exc_info=exc)
        self.failed.emit(describe_error(exc))

    def _change_busy(self, delta: int) -> None:
        with self._lock:
            self._busy += delta
            busy = self._busy
            self.busy_changed.emit(busy)


def _name(fn: Callable[..., object]) -> str:
    inner = fn.func if isinstance(fn, functools.partial) else fn
    return getattr(inner, "__qualname__", None) or repr(inner)
