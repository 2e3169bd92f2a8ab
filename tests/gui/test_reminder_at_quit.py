"""A reminder snoozed or dismissed just before quitting is kept: the write ends before shut-down.

`run_gui` runs on a real profile. When the reminder's toast shows, its button is
clicked and the window closed (which ends the app) in the same breath, before the database job the
click queued can have run. `run_gui` shuts the runner down waiting for its queued
jobs, then closes the store: the reminder's new state is in the file afterwards.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import run_gui
from desktop.config import Settings
from desktop.services.calendar import EventDraft
from desktop.services.container import Services
from desktop.store.profile import opened
from desktop.ui.notifications import Toast

pytestmark = pytest.mark.gui


def _profile_with_a_due_reminder(data_dir: Path) -> None:
    Settings(data_dir / "settings.json").set("first_run.done", True)
    with opened(data_dir / "atrium.sqlite3") as store:
        start = datetime.now(UTC) + timedelta(minutes=5)
        Services(store, "UTC", data_dir / "settings.json").calendar.add(
            EventDraft("Standup", start, start + timedelta(minutes=15), reminders=[10])
        )


def _states(data_dir: Path) -> dict[str, str]:
    with opened(data_dir / "atrium.sqlite3") as store:
        services = Services(store, "UTC", data_dir / "settings.json")
        later = timedelta(days=1)
        return {r.title: r.state for r in services.reminders.upcoming(later)}


def _click_then_quit(button_name: str, clicked: list[str]) -> None:
    toasts = [
        toast
        for widget in QApplication.topLevelWidgets()
        for toast in widget.findChildren(Toast)
        if toast.isVisible()
    ]
    if not toasts:
        QTimer.singleShot(50, lambda: _click_then_quit(button_name, clicked))
        return
    getattr(toasts[0], button_name).click()  # queues the write on the database executor
    clicked.append(toasts[0].key)
    # At once: closing the last window ends the event loop with the write still queued.
    toasts[0].window().close()


@pytest.mark.parametrize(("button", "state"), [("snooze_button", "snoozed")])
def test_a_reminder_snoozed_just_before_quitting_is_kept(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, button: str, state: str
) -> None:
    _profile_with_a_due_reminder(tmp_path)
    clicked: list[str] = []
    QTimer.singleShot(50, lambda: _click_then_quit(button, clicked))
    assert run_gui(str(tmp_path), ["atrium"]) == 0
    assert len(clicked) == 1
    assert _states(tmp_path) == {"Standup": state}


def test_a_reminder_dismissed_just_before_quitting_stays_dismissed(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    _profile_with_a_due_reminder(tmp_path)
    clicked: list[str] = []
    QTimer.singleShot(50, lambda: _click_then_quit("dismiss_button", clicked))
    assert run_gui(str(tmp_path), ["atrium"]) == 0
    assert len(clicked) == 1
    assert _states(tmp_path) == {}  # dismissed: not upcoming any more, and not shown again
