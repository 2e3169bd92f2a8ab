"""Around the window: quick add, reminders as toasts with snooze, the tray menu, close to tray."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.runtime.reminder_job import take_due
from desktop.runtime.scheduler import JobScheduler
from desktop.services.calendar import EventDraft
from desktop.services.container import Services
from desktop.services.tasks import TaskDraft
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.base import PaneContext
from desktop.ui.presence import Presence
from desktop.ui.tray import Tray
from tests.conftest import FakeClock

pytestmark = pytest.mark.gui


@pytest.fixture
def window(main_window: MainWindow) -> MainWindow:
    return main_window


@pytest.fixture
def presence(window: MainWindow, pane_ctx: PaneContext) -> Iterator[Presence]:
    presence = Presence(window, pane_ctx, QIcon(), with_tray=False)
    yield presence
    presence.quick_add.close()


def test_ctrl_n_opens_quick_add_which_previews_then_saves(
    qtbot: QtBot, window: MainWindow, presence: Presence, services: Services
) -> None:
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = presence.quick_add
    qtbot.waitUntil(dialog.isVisible)

    with qtbot.waitSignal(dialog.previewed, timeout=3000) as seen:
        QTest.keyClicks(dialog.line, "Call dentist tomorrow at 5pm !high #health")
    found = seen.args[0]
    assert found["kind"] == "task"
    assert found["title"] == "Call dentist"
    assert "Call dentist" in dialog.preview.text()
    assert "Priority:</b> high" in dialog.preview.text()

    with qtbot.waitSignal(dialog.added):
        QTest.keyClick(dialog.line, Qt.Key.Key_Return)

    [task] = services.tasks.list()
    assert (task.title, task.priority, task.tags) == ("Call dentist", "high", ("health",))
    assert not dialog.isVisible()
    assert "Added 'Call dentist'" in window.statusBar().currentMessage()


def test_quick_add_can_be_told_it_is_an_event(
    qtbot: QtBot, presence: Presence, services: Services
) -> None:
    dialog = presence.quick_add
    presence.open_quick_add("Lunch with Ann fri 1pm-2pm at Cafe Luna")
    dialog.kind.setCurrentIndex(2)
    with qtbot.waitSignal(dialog.added):
        dialog.submit()
    [event] = services.calendar.occurrences(
        services.ctx.today(), services.ctx.today() + timedelta(7)
    )
    assert event.title == "Lunch with Ann"
    assert event.location == "Cafe Luna"


def test_a_bad_line_is_refused_in_words_and_kept(
    qtbot: QtBot, presence: Presence, monkeypatch: pytest.MonkeyPatch, services: Services
) -> None:
    errors: list[str] = []
    monkeypatch.setattr("desktop.ui.quick_add.show_error", lambda w, exc: errors.append(str(exc)))
    presence.open_quick_add("tomorrow 5pm")
    presence.quick_add.submit()
    qtbot.waitUntil(lambda: bool(errors))
    assert "title" in errors[0]
    assert presence.quick_add.line.text() == "tomorrow 5pm"
    assert services.tasks.list() == []


def test_due_reminders_become_toasts_and_snooze_puts_them_off(
    qtbot: QtBot, presence: Presence, services: Services, clock: FakeClock
) -> None:
    start = clock.current + timedelta(minutes=5)
    services.calendar.add(
        EventDraft("Standup", start, start + timedelta(minutes=15), reminders=[10])
    )
    services.tasks.add(TaskDraft("Pay rent", due=clock.current + timedelta(hours=3)))

    presence.reminders.check()
    qtbot.waitUntil(lambda: len(presence.notifier.toasts()) == 1)
    toast = presence.notifier.toasts()[0]
    assert toast.accessibleName() == "Reminder: Standup"
    assert take_due(services).reminders == ()  # delivered once

    with qtbot.waitSignal(presence.ctx.events.changes_applied):
        QTest.mouseClick(toast.snooze_button, Qt.MouseButton.LeftButton)
    assert presence.notifier.toasts() == []
    [snoozed] = [r for r in services.reminders.upcoming() if r.title == "Standup"]
    assert snoozed.state == "snoozed"
    assert snoozed.fire_at == clock.current + timedelta(minutes=10)

    clock.advance(minutes=11)
    presence.reminders.check()
    qtbot.waitUntil(lambda: len(presence.notifier.toasts()) == 1)
    with qtbot.waitSignal(presence.ctx.events.changes_applied):
        QTest.mouseClick(presence.notifier.toasts()[0].dismiss_button, Qt.MouseButton.LeftButton)
    assert [r.title for r in services.reminders.upcoming()] == []


def test_the_scheduler_runs_the_reminder_job_at_start(
    qtbot: QtBot, presence: Presence, services: Services, clock: FakeClock
) -> None:
    start = clock.current + timedelta(minutes=2)
    services.calendar.add(EventDraft("Call", start, start + timedelta(minutes=30), reminders=[5]))
    scheduler = JobScheduler()
    presence.start_reminders(scheduler)
    scheduler.start()
    try:
        assert scheduler.job_names() == ["reminders"]
        qtbot.waitUntil(lambda: len(presence.notifier.toasts()) == 1, timeout=5000)
    finally:
        scheduler.shutdown()


def test_the_tray_menu_lists_the_next_events(
    qtbot: QtBot, pane_ctx: PaneContext, services: Services, clock: FakeClock
) -> None:
    tray = Tray(pane_ctx, QIcon())
    for hours, title in ((1, "Standup"), (3, "Review"), (26, "Dentist"), (30, "Gym")):
        start = clock.current + timedelta(hours=hours)
        services.calendar.add(EventDraft(title, start, start + timedelta(minutes=30)))
    tray.refresh_events()
    qtbot.waitUntil(lambda: len(tray.event_texts()) == 3)
    texts = tray.event_texts()
    assert texts[0].endswith("Standup")
    assert texts[2].startswith("Tomorrow")
    assert texts[2].endswith("Dentist")
    entries = [a.text() for a in tray.menu.actions() if a.text()]
    assert entries[0] == "Quick add…"
    assert entries[-4:] == ["Push to talk", "Sync now", "Open Atrium", "Quit"]
    assert not tray.push_to_talk.isEnabled()


def test_closing_keeps_running_only_with_a_tray(
    qtbot: QtBot, window: MainWindow, pane_ctx: PaneContext
) -> None:
    without = Presence(window, pane_ctx, QIcon(), close_to_tray=True, with_tray=False)
    assert not without.keeps_running()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.quitOnLastWindowClosed()

    with_tray = Presence(window, pane_ctx, QIcon(), close_to_tray=True, with_tray=True)
    assert with_tray.keeps_running()
    window.close()
    assert window.isHidden()
    with_tray.raise_window()
    assert window.isVisible()
    app.setQuitOnLastWindowClosed(True)


def test_a_second_enter_while_saving_adds_nothing_twice(
    qtbot: QtBot, presence: Presence, services: Services, pane_ctx: PaneContext
) -> None:
    presence.open_quick_add("Buy milk #home")
    dialog = presence.quick_add
    dialog.submit()
    dialog.submit()  # Enter again before the first save came back
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)
    assert [t.title for t in services.tasks.list()] == ["Buy milk"]


def test_more_reminders_than_fit_wait_their_turn(
    qtbot: QtBot, presence: Presence, services: Services, clock: FakeClock
) -> None:
    start = clock.current + timedelta(minutes=5)
    for n in range(7):
        end = start + timedelta(minutes=15)
        services.calendar.add(EventDraft(f"Call {n}", start, end, reminders=[10]))
    presence.reminders.check()
    qtbot.waitUntil(lambda: len(presence.notifier.toasts()) == 5)
    assert presence.notifier.waiting() == 2
    with qtbot.waitSignal(presence.ctx.events.changes_applied):
        QTest.mouseClick(presence.notifier.toasts()[0].dismiss_button, Qt.MouseButton.LeftButton)
    assert len(presence.notifier.toasts()) == 5  # the next one took its place
    assert presence.notifier.waiting() == 1
    shown = {t.accessibleName() for t in presence.notifier.toasts()}
    assert len(shown) == 5


def test_turning_reminders_off_and_on_takes_effect_at_once(presence: Presence) -> None:
    scheduler = JobScheduler()
    presence.start_reminders(scheduler)
    assert scheduler.job_names() == ["reminders"]
    presence.set_notifications(False, scheduler)
    assert scheduler.job_names() == []
    presence.set_notifications(True, scheduler)
    assert scheduler.job_names() == ["reminders"]
