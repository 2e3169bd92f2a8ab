"""Uncaught exceptions: logged, shown in the crash dialog, saved as a report without secrets."""

from __future__ import annotations

import importlib.util
import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.config import Paths, Settings, setup_logging
from desktop.ui.crash import Crash, CrashDialog, CrashHandler

pytestmark = pytest.mark.gui

DSN = "https://0a1b2c3d4e5f@o4501.ingest.sentry.io/4505"


class Shown:
    """Records the dialogs `CrashDialog.ask` opened (the real ones)."""

    def __init__(self) -> None:
        self.dialogs: list[CrashDialog] = []


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> Shown:
    record = Shown()
    real = CrashDialog.ask.__func__  # type: ignore[attr-defined]

    def ask(cls: type[CrashDialog], crash: Crash, parent: Any = None) -> CrashDialog:
        dialog: CrashDialog = real(cls, crash, parent)
        record.dialogs.append(dialog)
        return dialog

    monkeypatch.setattr(CrashDialog, "ask", classmethod(ask))
    return record


@pytest.fixture
def handler(tmp_path: Path, qtbot: QtBot) -> Iterator[CrashHandler]:
    paths = Paths(tmp_path / "profile").ensure()
    setup_logging(paths)
    settings = Settings(paths.settings)
    settings.set("sync.server", "https://alice:pa55word@sync.example.org")
    crash_handler = CrashHandler(paths, settings.as_dict, QApplication.instance())
    crash_handler.install()
    yield crash_handler
    crash_handler.uninstall()
    crash_handler.deleteLater()
    for dialog in QApplication.topLevelWidgets():
        if isinstance(dialog, CrashDialog):
            dialog.close()


def _boom() -> None:
    secret_token = "token=ZX81-very-secret"
    raise RuntimeError(f"injected failure ({secret_token})")


def test_an_uncaught_exception_in_a_slot_shows_the_dialog_and_is_logged(
    qtbot: QtBot, handler: CrashHandler, shown: Shown
) -> None:
    assert sys.excepthook == handler.excepthook
    with qtbot.waitSignal(handler.crashed, timeout=5000) as crashed:
        QTimer.singleShot(0, _boom)
    crash = crashed.args[0]
    assert isinstance(crash, Crash)
    qtbot.waitUntil(lambda: bool(shown.dialogs) and shown.dialogs[0].isVisible())
    dialog = shown.dialogs[0]
    assert "RuntimeError: injected failure" in crash.summary
    text = dialog.details.toPlainText()
    assert "Traceback" in text
    assert "_boom" in text
    assert "Atrium " in text
    assert "Last 200 log lines" in text
    assert "ZX81-very-secret" not in text
    assert "pa55word" not in text
    assert not dialog.sentry_label.isVisible()  # no DSN: nothing said about Sentry
    for h in logging.getLogger("desktop").handlers:
        h.flush()
    logged = handler.paths.log_file.read_text(encoding="utf-8")
    assert "uncaught exception in the main thread" in logged
    assert "RuntimeError" in logged


def test_save_report_writes_the_traceback_and_the_diagnostics(
    qtbot: QtBot,
    handler: CrashHandler,
    shown: Shown,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "report.txt"
    monkeypatch.setattr(CrashDialog, "choose_file", classmethod(lambda cls, p, s: str(target)))
    with qtbot.waitSignal(handler.crashed, timeout=5000):
        QTimer.singleShot(0, _boom)
    qtbot.waitUntil(lambda: bool(shown.dialogs))
    dialog = shown.dialogs[0]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = target.read_text(encoding="utf-8")
    assert "RuntimeError: injected failure" in saved
    assert "Settings:" in saved
    assert "Keyring backend:" in saved
    assert "ZX81-very-secret" not in saved
    assert "pa55word" not in saved
    assert str(target) in dialog.sentry_label.text()


def test_an_exception_in_a_worker_thread_reaches_the_dialog(
    qtbot: QtBot, handler: CrashHandler, shown: Shown
) -> None:
    worker = threading.Thread(target=_boom, name="importer")
    with qtbot.waitSignal(handler.crashed, timeout=5000) as crashed:
        worker.start()
        worker.join()
    assert "in thread importer" in crashed.args[0].report
    qtbot.waitUntil(lambda: bool(shown.dialogs) and shown.dialogs[0].isVisible())


def test_a_dsn_without_sentry_sdk_says_so_in_the_dialog(
    qtbot: QtBot, handler: CrashHandler, shown: Shown
) -> None:
    if importlib.util.find_spec("sentry_sdk") is not None:
        pytest.skip("sentry-sdk is installed here")
    settings = handler.settings.__self__  # type: ignore[attr-defined]
    assert isinstance(settings, Settings)
    settings.set("crash.sentry_dsn", DSN)
    with qtbot.waitSignal(handler.crashed, timeout=5000) as crashed:
        QTimer.singleShot(0, _boom)
    qtbot.waitUntil(lambda: bool(shown.dialogs))
    assert "sentry-sdk is not installed" in shown.dialogs[0].sentry_label.text()
    assert DSN not in crashed.args[0].report
    assert "0a1b2c3d4e5f" not in crashed.args[0].report


def test_uninstall_restores_the_previous_hooks(handler: CrashHandler) -> None:
    handler.uninstall()
    assert sys.excepthook != handler.excepthook
    assert threading.excepthook != handler.thread_excepthook
