"""Uncaught exceptions: log them, tell the user, offer a report, optionally send it.

`CrashHandler.install()` replaces `sys.excepthook` and `threading.excepthook`.
An exception that nothing caught (in a slot, a timer, a worker thread) is
logged with its traceback, then `CrashDialog.ask` shows what failed, the
details, and "Save report…" (the traceback and the diagnostics in a text file,
secrets scrubbed). With the opt-in `crash.sentry_dsn` setting the report is
also sent, on a worker thread, through desktop.services.crash_report.
Exceptions on other threads reach the dialog through a queued signal.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import PySide6
import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.config import Paths
from desktop.services.crash_report import (
    ExcInfo,
    format_report,
    send_to_sentry,
    sentry_available,
)
from desktop.services.diagnostics import diagnostics, scrub
from desktop.ui.messages import show_error

log = logging.getLogger("desktop.crash")


@dataclass(frozen=True)
class Crash:
    """One uncaught exception, ready to show."""

    summary: str
    report: str
    sentry: str  # what happens with Sentry, in words ("" when no DSN is set)


class CrashDialog(QDialog):
    """What failed, the details, and "Save report…"."""

    def __init__(self, crash: Crash, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.crash = crash
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Atrium ran into a problem"))
        self.resize(640, 440)
        intro = QLabel(
            self.tr(
                "Something went wrong that Atrium did not expect. Your data is safe; "
                "you can go on working, but restarting Atrium is wise.\n\n{summary}"
            ).format(summary=crash.summary)
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(crash.report)
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Details of the problem"))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.sentry_label = QLabel(crash.sentry)
        self.sentry_label.setObjectName("crashSentry")
        self.sentry_label.setWordWrap(True)
        self.sentry_label.setVisible(bool(crash.sentry))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("&Save report…"))
        self.save_button.setAccessibleName(self.tr("Save the report to a file"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_report)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.sentry_label)
        layout.addWidget(buttons)
        self.save_button.setFocus()

    @classmethod
    def ask(cls, crash: Crash, parent: QWidget | None = None) -> CrashDialog:
        """Show the dialog without blocking (tests replace this to see what is shown)."""
        dialog = cls(crash, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @classmethod
    def choose_file(cls, parent: QWidget, suggested: str) -> str:
        """The file to save the report in; "" when the user cancels (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(
            parent, parent.tr("Save report"), suggested, parent.tr("Text files (*.txt)")
        )
        return path

    def save_report(self) -> None:
        path = self.choose_file(self, str(Path.home() / "atrium-crash-report.txt"))
        if not path:
            return
        try:
            Path(path).write_text(self.crash.report, encoding="utf-8")
        except OSError as exc:
            show_error(self, exc, self.tr("The report could not be saved"))
            return
        self.sentry_label.setText(self.tr("The report was saved to {path}.").format(path=path))
        self.sentry_label.setVisible(True)


class CrashHandler(QObject):
    """Catches uncaught exceptions of every thread and shows them on the GUI thread.

    Signals:
        crashed(object): a `Crash` was built and is being shown (GUI thread).
        sent(str): the Sentry upload finished; what happened, in words.
    """

    crashed = Signal(object)
    sent = Signal(str)
    _arrived = Signal(object)  # (exc_info, where), from any thread

    def __init__(
        self,
        paths: Paths,
        settings: Callable[[], dict[str, Any]],
        parent: QObject | None = None,
        window: Callable[[], QWidget | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self.window = window
        self.shown = 0
        self._previous: tuple[Any, Any] | None = None
        self._arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        self.handle((kind, exc, tb), "the main thread")

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "a thread"
        self.handle((args.exc_type, args.exc_value, args.exc_traceback), f"thread {name}")

    def handle(self, exc_info: ExcInfo, where: str) -> None:
        """Log the exception, then show it (queued to the GUI thread)."""
        if issubclass(exc_info[0], KeyboardInterrupt):
            sys.__excepthook__(*exc_info)
            return
        log.critical("uncaught exception in %s", where, exc_info=exc_info)
        try:
            if shiboken6.isValid(self):
                self._arrived.emit((exc_info, where))
        except Exception:  # noqa: BLE001 - never let the hook itself fail
            traceback.print_exception(*exc_info)

    def _show(self, arrived: tuple[ExcInfo, str]) -> None:
        exc_info, where = arrived
        try:
            crash = self.build(exc_info, where)
            self.shown += 1
            self.crashed.emit(crash)
            CrashDialog.ask(crash, self.window())
        except Exception:  # a failing dialog must not recurse into the hook
            log.exception("could not show the crash dialog")
            traceback.print_exception(*exc_info)

    def build(self, exc_info: ExcInfo, where: str) -> Crash:
        """The summary, the report (traceback + diagnostics) and the Sentry state."""
        values = self.settings()
        qt = f"{qVersion()} (PySide6 {PySide6.__version__})"
        text = diagnostics(self.paths, qt_version=qt, settings=values)
        report = format_report(exc_info, text, where)
        summary = scrub(f"{exc_info[0].__name__}: {exc_info[1]}")
        dsn = str(values.get("crash.sentry_dsn") or "")
        if not dsn:
            sentry = ""
        elif not sentry_available():
            sentry = self.tr(
                "A Sentry DSN is set, but sentry-sdk is not installed, so nothing was sent "
                "(install it with: pip install sentry-sdk)."
            )
        else:
            sentry = self.tr("Sending the report (scrubbed of secrets) to Sentry…")
            worker = threading.Thread(
                target=lambda: self._send(dsn, exc_info), name="crash-report", daemon=True
            )
            worker.start()
        return Crash(summary, report, sentry)

    def _send(self, dsn: str, exc_info: ExcInfo) -> None:
        outcome = send_to_sentry(dsn, exc_info)
        log.info("crash report %s", outcome)
        if shiboken6.isValid(self):
            self.sent.emit(outcome)


def install_crash_handler(
    app: QApplication, paths: Paths, settings: Callable[[], dict[str, Any]]
) -> CrashHandler:
    """The handler for this app, installed; it is undone when the app quits."""
    handler = CrashHandler(paths, settings, app, window=QApplication.activeWindow)
    handler.install()
    app.aboutToQuit.connect(handler.uninstall)
    return handler
