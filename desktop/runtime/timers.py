"""Qt timers the background jobs share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def single_shot_timer(parent: QObject, ms: int, slot: Callable[[], None]) -> QTimer:
    """A stopped one-shot timer of `ms` milliseconds that calls `slot`: each `start()`
    (re)arms it, so a burst of starts runs `slot` once, `ms` after the last."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    return timer
