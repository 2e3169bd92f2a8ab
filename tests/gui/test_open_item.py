"""Items chosen on one pane open where they live: a task in its editor, an event on its day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from desktop.services.calendar import EventDraft
from desktop.services.container import Services
from desktop.services.tasks import TaskDraft
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.registry import pane_builders
from desktop.ui.panes.today_pane import ID_ROLE
from desktop.ui.shell import Shell

pytestmark = pytest.mark.gui


@pytest.fixture
def shell(qtbot: QtBot, pane_ctx: PaneContext) -> Iterator[Shell]:
    window = MainWindow(pane_ctx.runner, pane_ctx.events, pane_builders=pane_builders(pane_ctx))
    qtbot.addWidget(window)
    shell = Shell(window, pane_ctx)
    with qtbot.waitSignal(window.pane_loaded, timeout=10_000):
        window.show()
    yield shell
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0, timeout=10_000)


def test_today_pane_items_are_routed(
    qtbot: QtBot, shell: Shell, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Any] = []
    monkeypatch.setattr(
        "desktop.ui.panes.tasks_edits.TaskEditor.ask",
        lambda *args, **kwargs: opened.append(args[1]) or None,
    )
    task = services.tasks.add(TaskDraft("Pay rent")).value
    today = shell.window.pane_widget("today")
    today.open_item.emit("task", str(task.id))  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert shell.window.current_pane() == "tasks"
    assert opened[0].title == "Pay rent"


def test_an_event_opens_its_day_in_the_calendar(
    qtbot: QtBot, shell: Shell, services: Services
) -> None:
    start = datetime(2026, 3, 20, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    event = services.calendar.add(EventDraft("Offsite", start, start + timedelta(hours=8))).value
    shell.open_item("event", str(event.id))
    qtbot.waitUntil(lambda: shell.window.current_pane() == "calendar", timeout=5000)
    calendar = shell.window.pane_widget("calendar")
    qtbot.waitUntil(lambda: getattr(calendar, "selected_day", None) == date(2026, 3, 20))


def test_an_occurrence_of_a_series_opens_its_own_day(
    qtbot: QtBot, shell: Shell, services: Services
) -> None:
    start = datetime(2025, 1, 6, 9, 30, tzinfo=ZoneInfo("Europe/Berlin"))  # a long-running series
    services.calendar.add(
        EventDraft("Standup", start, start + timedelta(minutes=15), rrule="FREQ=DAILY")
    )
    today = shell.window.pane_widget("today")
    with qtbot.waitSignal(today.loaded, timeout=5000):  # type: ignore[attr-defined]
        today.reload()  # type: ignore[attr-defined]
    events = today.events  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: events.topLevelItemCount() > 0)
    ident = events.topLevelItem(0).data(0, ID_ROLE)
    assert ident.endswith("@2026-03-04")  # today's occurrence, not the series' first day
    today.open_item.emit("event", ident)  # type: ignore[attr-defined]
    calendar = shell.window.pane_widget("calendar")
    qtbot.waitUntil(lambda: getattr(calendar, "selected_day", None) == date(2026, 3, 4))


def test_money_and_messages_open_their_panes(shell: Shell) -> None:
    shell.open_item("finance", "groceries")
    assert shell.window.current_pane() == "finance"
    shell.open_item("inbox", "email")
    assert shell.window.current_pane() == "inbox"
