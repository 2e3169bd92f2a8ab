"""Export, then import into an empty profile, then export again: nothing is lost.

The round trip keeps RRULE, EXDATE, RDATE, overrides (RECURRENCE-ID), attendees,
alarms, time zones and all-day dates; tasks keep due dates, priorities, tags,
status, completion, recurrence and their parent.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from icalendar import Calendar

from desktop.services.container import Services
from desktop.services.tasks import TaskDraft
from desktop.store.profile import Store, open_store
from tests.conftest import FakeClock

BERLIN = ZoneInfo("Europe/Berlin")
CORPUS = Path(__file__).resolve().parents[2] / "data" / "ics"


@pytest.fixture
def other(tmp_path: Path, clock: FakeClock) -> Iterator[Services]:
    """A second, empty profile (user zone Europe/Berlin)."""
    store = open_store(tmp_path / "other.sqlite3", now=clock)
    yield Services(store, "Europe/Berlin")
    store.close()


def import_corpus(services: Services) -> None:
    for path in sorted(CORPUS.glob("*.ics")):
        services.ical.import_events(path.read_text())


def normal(text: str, kind: str = "VEVENT") -> list[tuple[Any, ...]]:
    """The components of an export as comparable tuples (DTSTAMP left out)."""
    found = []
    for component in Calendar.from_ical(text).walk(kind):
        fields = []
        for name, value in sorted(component.property_items(recursive=False)):
            if name not in ("DTSTAMP", "BEGIN", "END"):
                fields.append((name, value.to_ical() if hasattr(value, "to_ical") else value))
        alarms = sorted(str(a["TRIGGER"].to_ical()) for a in component.walk("VALARM"))
        found.append((tuple(fields), tuple(alarms)))
    return sorted(found)


def occurrences(text: str) -> list[tuple[object, object, str]]:
    found = []
    for c in recurring_ical_events.of(Calendar.from_ical(text)).between(
        date(2025, 6, 1), date(2027, 6, 1)
    ):
        if str(c.get("STATUS")) == "CANCELLED":
            continue
        start = c["DTSTART"].dt
        if isinstance(start, datetime):
            start = (start if start.tzinfo else start.replace(tzinfo=BERLIN)).astimezone(UTC)
        found.append((start, str(c["SUMMARY"])))
    return sorted(found, key=repr)


def test_events_survive_a_round_trip(services: Services, other: Services) -> None:
    import_corpus(services)
    first = services.ical.export_events()
    result = other.ical.import_events(first.text).value
    assert result.errors == ()
    assert result.created == first.count
    second = other.ical.export_events()
    assert second.count == first.count
    assert normal(second.text) == normal(first.text)
    assert normal(second.text, "VTIMEZONE") == normal(first.text, "VTIMEZONE")
    # The same occurrences in both profiles, and in the export as the oracle reads it.
    window = (date(2026, 1, 1), date(2026, 12, 31))
    assert [(o.start, o.end, o.title, o.all_day) for o in other.calendar.occurrences(*window)] == [
        (o.start, o.end, o.title, o.all_day) for o in services.calendar.occurrences(*window)
    ]
    original = "".join(p.read_text() for p in sorted(CORPUS.glob("*.ics")))
    expected = sorted(
        (o for p in sorted(CORPUS.glob("*.ics")) for o in occurrences(p.read_text())), key=repr
    )
    assert occurrences(second.text) == expected
    assert original.count("RECURRENCE-ID") == second.text.count("RECURRENCE-ID")


def test_an_export_keeps_what_the_issue_names(services: Services) -> None:
    import_corpus(services)
    text = services.ical.export_events().text
    calendar = Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0"
    assert {str(z["TZID"]) for z in calendar.walk("VTIMEZONE")} >= {
        "Europe/Berlin",
        "America/New_York",
    }
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    sync = events["Team sync"]
    assert sync["RRULE"].to_ical() == b"FREQ=WEEKLY;UNTIL=20260630T220000Z;BYDAY=MO,TH"
    lists = sync["EXDATE"] if isinstance(sync["EXDATE"], list) else [sync["EXDATE"]]
    exdates = sorted(d.dt for x in lists for d in x.dts)
    assert [d.strftime("%m-%d %H:%M %Z") for d in exdates] == [
        "03-05 10:00 CET",
        "03-16 10:00 CET",
        "04-06 10:00 CEST",
    ]
    attendees = {str(a): (a.params["ROLE"], a.params["PARTSTAT"]) for a in sync["ATTENDEE"]}
    assert attendees == {
        "mailto:ann@example.com": ("REQ-PARTICIPANT", "ACCEPTED"),
        "mailto:cy@example.com": ("OPT-PARTICIPANT", "TENTATIVE"),
    }
    moved = events["Team sync (moved to the afternoon)"]
    assert moved["UID"] == sync["UID"]
    assert moved["RECURRENCE-ID"].dt == datetime(2026, 3, 12, 9, 0, tzinfo=UTC)
    birthday = events["Birthday"]
    assert birthday["DTSTART"].dt == date(1990, 4, 15)
    assert birthday["DTSTART"].params.get("VALUE") == "DATE"
    assert birthday["DTEND"].dt == date(1990, 4, 16)
    cancelled = [e for e in calendar.walk("VEVENT") if str(e.get("STATUS")) == "CANCELLED"]
    assert [str(e["RECURRENCE-ID"].dt.date()) for e in cancelled] == ["2026-03-11"]


def test_a_range_export_holds_whole_series_with_their_overrides(services: Services) -> None:
    import_corpus(services)
    part = services.ical.export_events(date(2026, 3, 12), date(2026, 3, 12))
    titles = sorted(str(e["SUMMARY"]) for e in Calendar.from_ical(part.text).walk("VEVENT"))
    assert "Team sync (moved to the afternoon)" in titles
    assert "Team sync" in titles  # the series of the override in the range
    assert "Team sync (in New York time)" in titles  # its other overrides come along
    assert "Birthday" not in titles
    assert part.count == len(titles) < services.ical.export_events().count


def test_tasks_survive_a_round_trip(services: Services, other: Services, store: Store) -> None:
    parent = services.tasks.add(
        TaskDraft(
            title="Move house",
            priority="urgent",
            due=date(2026, 4, 1),
            tags=["home", "big"],
            notes="Boxes, van",
        )
    ).value
    services.tasks.add(
        TaskDraft(
            title="Book the van",
            parent_id=parent.id,
            due=datetime(2026, 3, 20, 17, 0, tzinfo=UTC),
            priority="high",
            estimate_minutes=30,
        )
    )
    services.tasks.add(TaskDraft(title="Water plants", recurrence="FREQ=DAILY;INTERVAL=3"))
    services.tasks.add(TaskDraft(title="Old chore", status="done", priority="low"))
    first = services.ical.export_tasks()
    assert first.count == 4
    result = other.ical.import_tasks(first.text).value
    assert (result.created, result.errors) == (4, ())
    second = other.ical.export_tasks()
    assert normal(second.text, "VTODO") == normal(first.text, "VTODO")
    theirs = {t.title: t for t in other.tasks.list(_all())}
    assert theirs["Move house"].priority == "urgent"
    assert theirs["Move house"].tags == ("home", "big")
    assert theirs["Move house"].due == date(2026, 4, 1)
    assert theirs["Move house"].notes == "Boxes, van"
    assert theirs["Book the van"].parent_id == theirs["Move house"].id
    assert theirs["Book the van"].due == datetime(2026, 3, 20, 17, 0, tzinfo=UTC)
    assert theirs["Book the van"].estimate_minutes == 30
    assert theirs["Water plants"].recurrence == "FREQ=DAILY;INTERVAL=3"
    assert theirs["Old chore"].status == "done"
    assert theirs["Old chore"].completed_at is not None
    assert theirs["Old chore"].priority == "low"
    again = other.ical.import_tasks(second.text).value
    assert (again.created, again.updated, again.skipped) == (0, 0, 4)


def _all() -> Any:
    from desktop.services.tasks import TaskFilter

    return TaskFilter(status="all")
