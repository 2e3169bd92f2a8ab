"""`atrium --smoke [--all-panes]`: start for real, wait for the Today pane, time it, exit.

Prints one JSON line: {"ready_ms": ..., "panes": {"tasks": first_paint_ms, ...},
"rss_mb": ...} (the resident memory at the end).
`ready_ms` counts from the start of the process (what a user waits) to the Today
pane filled; with --all-panes every other pane is then opened once and each gets
the time from being selected to its data on screen. Exits 0, or 1 with a message
when something does not load within the time limit.
"""

from __future__ import annotations

import json
import sys
import time

import psutil
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from desktop.ui.main_window import MainWindow
from desktop.ui.panes.names import PANES

TIMEOUT_MS = 120_000


def process_age_ms() -> float:
    """Milliseconds since this process started."""
    return (time.time() - psutil.Process().create_time()) * 1000


class SmokeRun(QObject):
    """Drives the main window through the smoke run and ends the application."""

    def __init__(self, window: MainWindow, app: QApplication, all_panes: bool) -> None:
        super().__init__(window)
        self.window = window
        self.app = app
        self.all_panes = all_panes
        self.ready_ms: float | None = None
        self.panes: dict[str, float] = {}
        self._queue = [p for p in PANES if p != "today"] if all_panes else []
        self._current: str | None = "today"
        self._started = time.perf_counter()
        window.pane_loaded.connect(self._loaded)
        QTimer.singleShot(TIMEOUT_MS, self._timeout)

    def _loaded(self, pane: str) -> None:
        if pane != self._current:
            return
        elapsed = (time.perf_counter() - self._started) * 1000
        if pane == "today" and self.ready_ms is None:
            self.ready_ms = process_age_ms()
        else:
            self.panes[pane] = round(elapsed, 1)
        self._next()

    def _next(self) -> None:
        if not self._queue:
            self._finish(0)
            return
        self._current = self._queue.pop(0)
        self._started = time.perf_counter()
        if self._current == self.window.current_pane():
            self.window.refresh()
        else:
            self.window.select_pane(self._current)

    def _finish(self, code: int) -> None:
        rss_mb = psutil.Process().memory_info().rss / 2**20
        report = {
            "ready_ms": round(self.ready_ms or 0.0, 1),
            "panes": self.panes,
            "rss_mb": round(rss_mb, 1),
        }
        sys.stdout.write(json.dumps(report) + "\n")
        sys.stdout.flush()
        self.app.exit(code)

    def _timeout(self) -> None:
        sys.stderr.write(
            f"error: the {self._current} pane did not load within {TIMEOUT_MS // 1000} s\n"
        )
        self._finish(1)
