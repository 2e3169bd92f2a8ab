"""Importing VTODOs: priorities, categories, status, completion, parents, re-imports."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from desktop.core.changes import Changes
from desktop.services.container import Services
from desktop.services.tasks import TaskFilter, TaskView

FILE = Path(__file__).resolve().parents[2] / "data" / "ics" / "vtodo" / "tasks.ics"


def tasks(services: Services) -> dict[str, TaskView]:
    return {t.title: t for t in services.tasks.list(TaskFilter(status="all"))}


def test_vtodos_become_tasks(services: Services) -> None:
    outcome = services.ical.import_tasks(FILE.read_text())
    assert outcome.changes == Changes(tasks=True)
    assert (outcome.value.created, outcome.value.updated, outcome.value.errors) == (5, 0, ())
    found = tasks(services)
    move, pack = found["Move house"], found["Pack the kitchen"]
    assert (move.priority, move.due, move.tags) == (
        "urgent",
        date(2026, 4, 1),
        ("home", "Big-Projects"),
    )
    assert move.notes == "Everything, including the piano"
    assert (pack.priority, pack.status, pack.parent_id) == ("high", "in_progress", move.id)
    assert pack.due == datetime(2026, 3, 20, 17, 0, tzinfo=UTC)
    done = found["Cancel the old lease"]
    assert (done.status, done.priority) == ("done", "low")
    assert done.completed_at == datetime(2026, 2, 10, 12, 0, tzinfo=UTC)
    movers = found["Call the movers"]
    assert movers.due == datetime(2026, 3, 18, 9, 0, tzinfo=UTC)  # floating: 10:00 Berlin
    assert movers.start == datetime(2026, 3, 18, 8, 0, tzinfo=UTC)
    assert movers.recurrence == "FREQ=WEEKLY;COUNT=3"
    assert movers.estimate_minutes == 20
    assert (found["Undated"].status, found["Undated"].priority) == ("cancelled", "medium")


def test_task_reminders_and_repeat_mode(services: Services) -> None:
    from sqlalchemy import select

    from desktop.store.models import Task

    services.ical.import_tasks(FILE.read_text())
    with services.store.read() as session:
        rows = {t.uid: t for t in session.scalars(select(Task))}
    # A day before the due date's midnight: 33 hours before the 09:00 anchor of that date.
    assert rows["parent@test"].reminders == [33 * 60]
    # RELATED=START: 10 minutes before a start one hour before the due time.
    assert rows["floating@test"].reminders == [70]
    assert rows["floating@test"].repeat_from == "completion"


def test_a_task_reimport_updates(services: Services) -> None:
    services.ical.import_tasks(FILE.read_text())
    changed = FILE.read_text().replace("SUMMARY:Move house", "SUMMARY:Move to Leipzig")
    result = services.ical.import_tasks(changed).value
    assert (result.created, result.updated, result.skipped) == (0, 1, 4)
    found = tasks(services)
    assert "Move to Leipzig" in found
    assert "Move house" not in found
    assert found["Pack the kitchen"].parent_id == found["Move to Leipzig"].id
    assert len(found) == 5


def test_a_parent_from_an_earlier_import(services: Services) -> None:
    text = FILE.read_text()
    head, rest = text.split("BEGIN:VTODO", 1)
    child, others = rest.split("END:VTODO", 1)
    services.ical.import_tasks(head + others.lstrip())
    services.ical.import_tasks(head + "BEGIN:VTODO" + child + "END:VTODO\nEND:VCALENDAR\n")
    found = tasks(services)
    assert found["Pack the kitchen"].parent_id == found["Move house"].id


def test_events_in_a_task_import_are_skipped(services: Services) -> None:
    text = FILE.read_text().replace(
        "END:VCALENDAR",
        "BEGIN:VEVENT\nUID:e@test\nSUMMARY:E\nDTSTART:20260301T090000Z\nEND:VEVENT\nEND:VCALENDAR",
    )
    result = services.ical.import_tasks(text).value
    assert (result.created, result.skipped) == (5, 1)
    assert services.calendar.occurrences(date(2026, 3, 1), date(2026, 3, 1)) == []
