"""Reminders edited in the task and event editors and saved through the actions:
add_task/update_task and add_event/update_event with `reminders` or `clear_reminders`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.services.calendar import EventDraft
from desktop.services.container import Services
from desktop.services.tasks import TaskDraft, TaskFilter, TaskView
from desktop.ui.dialogs.event_editor import EditorResult, EventEditor, EventFields
from desktop.ui.dialogs.event_scope import ScopeQuestion
from desktop.ui.dialogs.task_editor import TaskEditor
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.calendar_pane import CalendarPane
from desktop.ui.panes.tasks_pane import TasksPane
from desktop.ui.widgets.reminder_edit import ReminderEdit

pytestmark = pytest.mark.gui

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 3, 4)


def at(hour: int, minute: int = 0, day: date = TODAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


def test_the_reminder_field_words_offsets_and_refuses_bad_ones(qtbot: QtBot) -> None:
    edit = ReminderEdit()
    qtbot.addWidget(edit)
    words = [edit.preset.itemText(i) for i in range(edit.preset.count())]
    assert words == [
        "At the time",
        "5 min before",
        "10 min before",
        "30 min before",
        "1 hour before",
        "1 day before",
        "Custom…",
    ]
    assert edit.offset_text(1440 + 125) == "1 day 2 hours 5 min before"
    assert not edit.remove_button.isEnabled()
    edit.add_button.click()  # the preset shown first: 10 min
    edit.add_button.click()  # twice is once
    assert edit.durations() == ["10m"]
    assert edit.remove_button.isEnabled()

    problems: list[str] = []
    edit.invalid.connect(problems.append)
    edit.preset.setCurrentIndex(edit.preset.count() - 1)
    edit.custom.setText("61d")
    edit.add_button.click()
    assert problems == ["A reminder can be at most 60 days before."]
    edit.custom.setText("")
    edit.add_button.click()
    assert problems[-1] == "Type how long before, like 45m, 2h or 2d."
    edit.custom.setText("2d")
    edit.add_button.click()
    assert problems[-1] == ""
    assert edit.minutes() == [10, 2880]
    edit.remove_current()
    edit.remove_current()
    assert edit.minutes() == []


# -- tasks ----------------------------------------------------------------------------


@pytest.fixture
def tasks_pane(qtbot: QtBot, pane_ctx: PaneContext, services: Services) -> Iterator[TasksPane]:
    services.tasks.add(TaskDraft("Call the dentist", due=at(17), reminders=[15]))
    pane = TasksPane(pane_ctx)
    qtbot.addWidget(pane)
    pane.show()
    with qtbot.waitSignal(pane.loaded):
        pane.reload()
    yield pane
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)


def _edit_in_dialog(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, change: Any) -> list[Any]:
    """Replace TaskEditor.ask by the real dialog driven by `change(dialog)`."""
    shown: list[Any] = []

    def ask(
        cls: type,
        parent: Any,
        task: TaskView | None,
        projects: Any,
        now: Any,
        zone: Any,
        due: str = "",
    ) -> Any:
        dialog = TaskEditor(parent, task, projects, now, zone, due)
        qtbot.addWidget(dialog)
        dialog.open()
        shown.append(dialog.reminders.minutes())
        change(dialog)
        QTest.keyClick(dialog.title_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert dialog.result() == QDialog.DialogCode.Accepted
        return dialog.edit()

    monkeypatch.setattr(TaskEditor, "ask", classmethod(ask))
    return shown


def test_task_reminders_are_shown_changed_and_cleared_through_update_task(
    qtbot: QtBot, tasks_pane: TasksPane, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    task = services.tasks.list(TaskFilter())[0]

    def add_a_day(dialog: TaskEditor) -> None:
        dialog.reminders.preset.setCurrentIndex(dialog.reminders.preset.findData(1440))
        dialog.reminders.add_button.click()

    shown = _edit_in_dialog(qtbot, monkeypatch, add_a_day)
    tasks_pane.select_task(task.id)
    tasks_pane.open_editor()
    qtbot.waitUntil(lambda: services.tasks.get(task.id).reminders == (15, 1440))
    assert shown == [[15]]

    def remove_all(dialog: TaskEditor) -> None:
        dialog.reminders.list.setCurrentRow(0)
        QTest.keyClick(dialog.reminders.list, Qt.Key.Key_Delete)
        QTest.keyClick(dialog.reminders.list, Qt.Key.Key_Delete)

    shown = _edit_in_dialog(qtbot, monkeypatch, remove_all)
    tasks_pane.select_task(task.id)
    tasks_pane.open_editor()
    qtbot.waitUntil(lambda: services.tasks.get(task.id).reminders == ())
    assert shown == [[15, 1440]]
    qtbot.waitUntil(lambda: not tasks_pane.is_busy())


def test_a_new_task_is_added_with_its_reminders(
    qtbot: QtBot, tasks_pane: TasksPane, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: TaskEditor) -> None:
        dialog.title_edit.setText("Pay the rent")
        dialog.due_edit.setText("today 18:00")
        dialog.reminders.preset.setCurrentIndex(dialog.reminders.preset.findData(0))
        dialog.reminders.add_button.click()
        dialog.reminders.preset.setCurrentIndex(dialog.reminders.preset.count() - 1)
        dialog.reminders.custom.setText("2h")  # typed, added on saving

    shown = _edit_in_dialog(qtbot, monkeypatch, fill)
    tasks_pane.new_task()
    qtbot.waitUntil(lambda: bool(services.tasks.list(TaskFilter(search="rent"))))
    assert shown == [[]]
    added = services.tasks.list(TaskFilter(search="rent"))[0]
    assert added.reminders == (0, 120)
    qtbot.waitUntil(lambda: not tasks_pane.is_busy())


# -- events ---------------------------------------------------------------------------


@pytest.fixture
def calendar(qtbot: QtBot, pane_ctx: PaneContext) -> Iterator[CalendarPane]:
    pane = CalendarPane(pane_ctx)
    qtbot.addWidget(pane)
    pane.resize(1000, 700)
    pane.show()
    with qtbot.waitSignal(pane.loaded):
        pane.reload()
    yield pane
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)


def test_a_new_event_is_added_with_its_reminders(
    qtbot: QtBot, calendar: CalendarPane, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ask(cls: type, parent: Any, fields: EventFields, **_kw: Any) -> EditorResult:
        dialog = EventEditor(fields, parent=parent)
        qtbot.addWidget(dialog)
        dialog.title.setText("Dentist")
        dialog.reminders.preset.setCurrentIndex(dialog.reminders.preset.findData(60))
        dialog.reminders.add_button.click()
        return EditorResult(dialog.fields())

    monkeypatch.setattr(EventEditor, "ask", classmethod(ask))
    calendar.create_event(at(14), at(15), False)
    qtbot.waitUntil(lambda: bool(services.calendar.occurrences(TODAY, TODAY)))
    event = services.calendar.occurrences(TODAY, TODAY)[0]
    assert services.calendar.get(event.event_id).reminders == (60,)


def test_changing_a_series_reminders_asks_no_scope_and_clearing_them_works(
    qtbot: QtBot, calendar: CalendarPane, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    series = services.calendar.add(
        EventDraft("Standup", at(9), at(9, 15), rrule="FREQ=DAILY;COUNT=5", reminders=[10])
    ).value
    with qtbot.waitSignal(calendar.loaded):
        calendar.reload()
    occurrence = next(o for o in calendar.occurrences if o.title == "Standup")
    asked: list[str] = []
    monkeypatch.setattr(ScopeQuestion, "ask", classmethod(lambda *a, **k: asked.append("scope")))
    shown: list[tuple[int, ...]] = []
    wanted: list[tuple[int, ...]] = [(5, 30), ()]

    def ask(cls: type, parent: Any, fields: EventFields, **_kw: Any) -> EditorResult:
        shown.append(fields.reminders)
        dialog = EventEditor(fields, existing=True, recurring=True, parent=parent)
        qtbot.addWidget(dialog)
        dialog.reminders.set_minutes(wanted.pop(0))
        return EditorResult(dialog.fields())

    monkeypatch.setattr(EventEditor, "ask", classmethod(ask))
    calendar.open_event(occurrence)
    qtbot.waitUntil(lambda: services.calendar.get(series.id).reminders == (5, 30))
    calendar.open_event(occurrence)
    qtbot.waitUntil(lambda: services.calendar.get(series.id).reminders == ())
    assert shown == [(10,), (5, 30)]
    assert asked == []  # reminders belong to the whole series
