"""Reminders of tasks and events: when they fall due, snooze, dismiss, shown once."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.core.errors import UserError
from desktop.services.actions.registry import default_catalog
from desktop.services.calendar import EventDraft
from desktop.services.container import Services
from desktop.services.reminders import parse_reminder_key, reminder_key
from desktop.services.tasks import TaskDraft
from desktop.store.models import Task
from desktop.store.profile import Store
from tests.conftest import FakeClock

BERLIN_NOON = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)  # 13:00 in Berlin; "now" is 10:00 UTC


def task_with_reminders(
    services: Services, store: Store, title: str, due: date | datetime, minutes: list[int]
) -> uuid.UUID:
    task = services.tasks.add(TaskDraft(title=title, due=due)).value
    with store.unit_of_work() as uow:
        row = uow.s.get(Task, task.id)
        assert row is not None
        row.reminders = minutes
        uow.commit()
    return task.id


def event(services: Services, title: str, start: datetime, **extra: object) -> uuid.UUID:
    draft = EventDraft(title=title, start=start, end=start + timedelta(minutes=30), **extra)  # type: ignore[arg-type]
    return services.calendar.add(draft).value.id


def test_task_and_event_reminders_come_in_time_order(services: Services, store: Store) -> None:
    task_id = task_with_reminders(services, store, "Send report", BERLIN_NOON, [30, 120])
    event_id = event(services, "Standup", BERLIN_NOON + timedelta(hours=1), reminders=[10])

    upcoming = services.reminders.upcoming()

    assert [(r.title, r.fire_at, r.offset_minutes) for r in upcoming] == [
        ("Send report", BERLIN_NOON - timedelta(minutes=120), 120),  # due right now
        ("Send report", BERLIN_NOON - timedelta(minutes=30), 30),
        ("Standup", BERLIN_NOON + timedelta(minutes=50), 10),
    ]
    assert upcoming[1].key == reminder_key("task", task_id, "due", 30)
    assert upcoming[2].item_id == event_id


def test_a_reminder_due_now_is_due(services: Services, store: Store) -> None:
    task_with_reminders(services, store, "Send report", BERLIN_NOON, [120])  # due 10:00 UTC = now
    due = services.reminders.due()
    assert [(r.title, r.offset_minutes) for r in due] == [("Send report", 120)]


def test_dated_task_reminds_from_nine_local(services: Services, store: Store) -> None:
    task_with_reminders(services, store, "Pay rent", date(2026, 3, 5), [60])
    (reminder,) = services.reminders.upcoming()
    assert reminder.fire_at == datetime(2026, 3, 5, 7, 0, tzinfo=UTC)  # 09:00 CET - 1 h
    assert reminder.starts == date(2026, 3, 5)


def test_recurring_event_reminds_each_occurrence(services: Services) -> None:
    event(
        services,
        "Daily sync",
        datetime(2026, 3, 4, 15, 0, tzinfo=UTC),
        rrule="FREQ=DAILY;COUNT=3",
        reminders=[15],
    )
    fires = [r.fire_at for r in services.reminders.upcoming()]
    assert fires == [datetime(2026, 3, d, 14, 45, tzinfo=UTC) for d in (4, 5, 6)]
    assert len({r.key for r in services.reminders.upcoming()}) == 3


def test_fired_reminders_are_not_shown_again(
    services: Services, store: Store, clock: FakeClock
) -> None:
    task_with_reminders(services, store, "Send report", BERLIN_NOON, [30])
    clock.advance(hours=1, minutes=30)  # 11:30 UTC: due
    due = services.reminders.due()
    assert len(due) == 1
    outcome = services.reminders.mark_fired(r.key for r in due)
    assert outcome.changes.reminders
    assert services.reminders.due() == []
    assert services.reminders.upcoming() == []


def test_snooze_brings_it_back_later(services: Services, store: Store, clock: FakeClock) -> None:
    task_with_reminders(services, store, "Send report", BERLIN_NOON, [30])
    clock.advance(hours=1, minutes=30)
    (reminder,) = services.reminders.due()

    snoozed = services.reminders.snooze(reminder.key, 10).value

    assert snoozed.state == "snoozed"
    assert snoozed.fire_at == clock() + timedelta(minutes=10)
    assert services.reminders.due() == []
    clock.advance(minutes=10)
    (again,) = services.reminders.due()
    assert again.key == reminder.key
    assert again.state == "snoozed"


def test_dismissed_reminder_is_gone(services: Services, store: Store) -> None:
    task_with_reminders(services, store, "Send report", BERLIN_NOON, [30])
    (reminder,) = services.reminders.upcoming()
    services.reminders.dismiss(reminder.key)
    assert services.reminders.upcoming() == []


def test_a_dismissal_undone_can_be_dismissed_again(services: Services, store: Store) -> None:
    task_with_reminders(services, store, "Send report", BERLIN_NOON, [30])
    (reminder,) = services.reminders.upcoming()
    dismissed = default_catalog().call(services, "dismiss_reminder", {"key": reminder.key})
    assert dismissed.undo is not None
    services.undo.revert(dismissed.undo)  # Edit › Undo: the reminder is back
    assert [r.key for r in services.reminders.upcoming()] == [reminder.key]
    services.reminders.dismiss(reminder.key)
    assert services.reminders.upcoming() == []


def test_completed_task_has_no_reminders(services: Services, store: Store) -> None:
    task_id = task_with_reminders(services, store, "Send report", BERLIN_NOON, [30])
    services.tasks.complete(task_id)
    assert services.reminders.upcoming() == []


def test_reminders_far_ahead_are_not_upcoming(services: Services, store: Store) -> None:
    task_with_reminders(services, store, "Later", BERLIN_NOON + timedelta(days=30), [30])
    assert services.reminders.upcoming() == []
    assert len(services.reminders.upcoming(horizon=timedelta(days=31))) == 1


@pytest.mark.parametrize(
    "key",
    ["", "task", "note:0192f3c4-0000-7000-8000-000000000000:due:5", "task:nope:due:5", "task:x"],
)
def test_bad_keys_are_refused(services: Services, key: str) -> None:
    with pytest.raises(UserError, match="reminder key"):
        parse_reminder_key(key)
    with pytest.raises(UserError):
        services.reminders.dismiss(key)


def test_unknown_reminder_cannot_be_snoozed(services: Services) -> None:
    key = reminder_key("task", uuid.uuid4(), "due", 5)
    with pytest.raises(UserError, match="no reminder"):
        services.reminders.snooze(key, 5)
    with pytest.raises(UserError, match="snooze for 1"):
        services.reminders.snooze(key, 0)


def test_the_state_row_is_shared_by_devices(services: Services, store: Store) -> None:
    """Its id depends on the reminder only, so two devices write the same row."""
    task_with_reminders(services, store, "Send report", BERLIN_NOON, [30])
    (reminder,) = services.reminders.upcoming()
    first = services.reminders._state_id(reminder.key)
    assert first == services.reminders._state_id(reminder.key)
    assert first != services.reminders._state_id(reminder.key.replace(":30", ":31"))
