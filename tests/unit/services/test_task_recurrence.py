"""Recurring tasks: completing one repeats it from its due date or from its completion."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.core.errors import UserError
from desktop.services.container import Services
from desktop.services.task_recurrence import next_round
from desktop.services.tasks import TaskDraft, TaskFilter, TaskView
from tests.conftest import FakeClock

BERLIN = ZoneInfo("Europe/Berlin")  # the clock says Wednesday 2026-03-04 11:00 here


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), BERLIN)


def add(services: Services, title: str = "Water plants", **fields: object) -> TaskView:
    return services.tasks.add(TaskDraft(title=title, **fields)).value  # type: ignore[arg-type]


def done(services: Services) -> list[TaskView]:
    return services.tasks.list(TaskFilter(status="done"))


def test_from_due_moves_to_the_next_occurrence_and_keeps_a_done_copy(
    services: Services, clock: FakeClock
) -> None:
    task = add(services, due=date(2026, 3, 2), recurrence="FREQ=WEEKLY", tags=["home"])
    repeated = services.tasks.complete(task.id).value

    assert repeated.id == task.id
    assert (repeated.status, repeated.due, repeated.completed_at) == (
        "todo",
        date(2026, 3, 9),
        None,
    )
    assert repeated.recurrence == "FREQ=WEEKLY"
    (record,) = done(services)
    assert record.id != task.id
    assert (record.title, record.due, record.completed_at) == (
        "Water plants",
        date(2026, 3, 2),
        clock.current,
    )
    assert (record.recurrence, record.tags) == (None, ("home",))
    assert services.tasks.stats().done == 1


def test_from_due_keeps_a_next_due_that_is_still_past(services: Services) -> None:
    task = add(services, due=date(2026, 2, 2), recurrence="FREQ=WEEKLY")
    assert services.tasks.complete(task.id).value.due == date(2026, 2, 9)
    assert services.tasks.complete(task.id).value.due == date(2026, 2, 16)
    assert len(done(services)) == 2


def test_timed_due_keeps_its_local_time_across_summer_time(services: Services) -> None:
    task = add(services, due=at(date(2026, 3, 25), 9), recurrence="FREQ=WEEKLY")
    repeated = services.tasks.complete(task.id).value
    assert repeated.due == at(date(2026, 4, 1), 9)
    assert repeated.due.utcoffset() == timedelta(0)  # type: ignore[union-attr]
    assert repeated.due.hour == 7  # type: ignore[union-attr]


def test_from_completion_counts_from_the_day_it_was_done(services: Services) -> None:
    timed = add(
        services,
        due=at(date(2026, 2, 20), 9),
        recurrence="FREQ=DAILY;INTERVAL=3",
        repeat_from="completion",
    )
    assert timed.repeat_from == "completion"
    # Done on 03-04 (11:00 local): next is three days later, at the due's time of day.
    assert services.tasks.complete(timed.id).value.due == at(date(2026, 3, 7), 9)

    dated = add(services, due=date(2026, 2, 1), recurrence="FREQ=MONTHLY", repeat_from="completion")
    assert services.tasks.complete(dated.id).value.due == date(2026, 4, 4)

    # The same rule from the due date would have stayed in the past.
    from_due = add(services, due=date(2026, 2, 1), recurrence="FREQ=MONTHLY")
    assert services.tasks.complete(from_due.id).value.due == date(2026, 3, 1)


def test_without_a_due_it_repeats_from_completion(services: Services) -> None:
    task = add(services, recurrence="FREQ=DAILY;INTERVAL=2")
    assert services.tasks.complete(task.id).value.due == date(2026, 3, 6)


def test_count_is_used_up_then_the_task_is_done_for_good(
    services: Services, clock: FakeClock
) -> None:
    task = add(services, due=date(2026, 3, 4), recurrence="FREQ=DAILY;COUNT=3")
    second = services.tasks.complete(task.id).value
    assert (second.due, second.recurrence) == (date(2026, 3, 5), "FREQ=DAILY;COUNT=2")
    clock.advance(days=1)
    third = services.tasks.complete(task.id).value
    assert (third.due, third.recurrence, third.status) == (
        date(2026, 3, 6),
        "FREQ=DAILY;COUNT=1",
        "todo",
    )
    clock.advance(days=1)
    last = services.tasks.complete(task.id).value
    assert (last.status, last.due, last.completed_at) == ("done", date(2026, 3, 6), clock.current)
    assert sorted(t.due for t in done(services)) == [  # type: ignore[type-var]
        date(2026, 3, 4),
        date(2026, 3, 5),
        date(2026, 3, 6),
    ]
    assert services.tasks.list() == []


def test_until_that_has_passed_ends_the_task(services: Services) -> None:
    task = add(services, due=date(2026, 3, 4), recurrence="FREQ=WEEKLY;UNTIL=20260310")
    finished = services.tasks.complete(task.id).value
    assert (finished.id, finished.status) == (task.id, "done")
    assert len(done(services)) == 1


def test_a_due_off_the_rule_does_not_use_up_the_count(services: Services) -> None:
    # Due on a Wednesday, repeating on Mondays twice: the Wednesday is a start of its own
    # (as in the calendar's expansion and recurring-ical-events), and both Mondays come.
    task = add(services, due=date(2026, 3, 4), recurrence="FREQ=WEEKLY;BYDAY=MO;COUNT=2")
    first = services.tasks.complete(task.id).value
    assert (first.due, first.recurrence) == (date(2026, 3, 9), "FREQ=WEEKLY;BYDAY=MO;COUNT=2")
    second = services.tasks.complete(task.id).value
    assert (second.due, second.recurrence) == (date(2026, 3, 16), "FREQ=WEEKLY;BYDAY=MO;COUNT=1")
    assert services.tasks.complete(task.id).value.status == "done"


def test_subtasks_are_open_again_when_the_parent_repeats(services: Services) -> None:
    parent = add(services, "Weekly review", due=date(2026, 3, 6), recurrence="FREQ=WEEKLY")
    inbox = add(services, "Empty inbox", parent_id=parent.id)
    notes = add(services, "File notes", parent_id=parent.id)
    skipped = add(services, "Call bank", parent_id=parent.id)
    deeper = add(services, "Scan receipts", parent_id=notes.id)
    services.tasks.complete(inbox.id)
    services.tasks.update(notes.id, status="in_progress")
    services.tasks.complete(deeper.id)
    services.tasks.update(skipped.id, status="cancelled")

    services.tasks.complete(parent.id)

    everything = services.tasks.list(TaskFilter(status="all"))
    assert sorted((t.title, t.status) for t in everything) == [
        ("Call bank", "cancelled"),
        ("Empty inbox", "todo"),
        ("File notes", "todo"),
        ("Scan receipts", "todo"),
        ("Weekly review", "done"),  # this round, kept
        ("Weekly review", "todo"),  # the task, due a week later
    ]
    assert services.tasks.get(parent.id).status == "todo"
    assert [t.title for t in done(services)] == ["Weekly review"]
    assert services.tasks.get(inbox.id).completed_at is None


def test_status_done_through_update_repeats_and_start_moves_along(services: Services) -> None:
    task = add(
        services,
        due=at(date(2026, 3, 5), 17),
        start=at(date(2026, 3, 5), 15),
        recurrence="FREQ=DAILY",
    )
    services.tasks.update(task.id, status="in_progress")
    repeated = services.tasks.update(task.id, status="done").value
    assert (repeated.status, repeated.due, repeated.start) == (
        "todo",
        at(date(2026, 3, 6), 17),
        at(date(2026, 3, 6), 15),
    )
    # Cancelling does not repeat.
    assert services.tasks.update(task.id, status="cancelled").value.due == at(date(2026, 3, 6), 17)


def test_update_sets_and_clears_the_rule(services: Services) -> None:
    task = add(services, due=date(2026, 3, 4))
    assert task.recurrence is None
    assert task.repeat_from == "due"
    changed = services.tasks.update(
        task.id, recurrence="rrule:freq=weekly;byday=mo", repeat_from="completion"
    ).value
    assert (changed.recurrence, changed.repeat_from) == ("FREQ=WEEKLY;BYDAY=MO", "completion")
    cleared = services.tasks.update(task.id, recurrence=None).value
    assert cleared.recurrence is None
    assert services.tasks.complete(task.id).value.status == "done"  # no rule, no repeat
    with pytest.raises(UserError, match="not a way to repeat"):
        services.tasks.update(task.id, repeat_from="sometimes")
    with pytest.raises(UserError, match="not a recurrence rule"):
        services.tasks.update(task.id, recurrence="every monday")
    with pytest.raises(UserError, match="not a way to repeat"):
        add(services, repeat_from="never")


def test_next_round_directly() -> None:
    done_at = datetime(2026, 3, 4, 10, tzinfo=BERLIN)
    found = next_round(
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", date(2024, 2, 29), done_at, "due", BERLIN
    )
    assert found is not None
    assert found.due == date(2028, 2, 29)  # a sparse rule is found
    assert next_round("FREQ=DAILY;COUNT=1", date(2026, 3, 4), done_at, "due", BERLIN) is None
