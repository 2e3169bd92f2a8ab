"""`run_gui` opens a real profile: the store is created, the window shows and loads Today."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app import EXIT_CANNOT_START, run_gui
from desktop.config import APP_ICON
from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def _main_window() -> MainWindow | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            return widget
    return None


def test_run_gui_opens_the_profile_and_shows_the_window(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    seen: dict[str, object] = {}

    def look_then_quit() -> None:
        window = _main_window()
        if window is None or not window.has_loaded("today"):
            QTimer.singleShot(50, look_then_quit)
            return
        seen["title"] = window.windowTitle()
        seen["pane"] = window.current_pane()
        seen["today"] = window.pane_widget("today").objectName()
        window.close()  # the last window closing ends the event loop

    QTimer.singleShot(50, look_then_quit)
    code = run_gui(str(tmp_path), ["atrium"])

    assert code == 0
    assert seen["title"] == "Atrium"
    assert seen["pane"] == "today"
    assert seen["today"] == "pane_today"
    assert (tmp_path / "atrium.sqlite3").stat().st_size > 0
    assert (tmp_path / "logs" / "atrium.log").exists()
    assert APP_ICON.exists()
    assert not qapp.windowIcon().isNull()


def test_run_gui_refuses_a_damaged_database_with_a_message(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    database = tmp_path / "atrium.sqlite3"
    database.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8192)
    before = database.read_bytes()
    shown: list[str] = []

    def dismiss() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, dismiss)
            return
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(50, dismiss)
    code = run_gui(str(tmp_path), ["atrium"])

    assert code == EXIT_CANNOT_START
    assert shown
    assert str(database) in shown[0]
    assert database.read_bytes() == before
