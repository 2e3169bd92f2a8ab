"""Importing .ics files: events with their zones, overrides, attendees and alarms; re-imports."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from desktop.core.changes import Changes
from desktop.services.container import Services
from desktop.store.models import Attendee, CalendarEvent
from desktop.store.profile import Store

CORPUS = Path(__file__).resolve().parents[2] / "data" / "ics"
BERLIN = ZoneInfo("Europe/Berlin")


def ics(*components: str) -> str:
    body = "".join(c.strip() + "\n" for c in components)
    return f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n{body}END:VCALENDAR\n"


def rows(store: Store) -> list[CalendarEvent]:
    with store.read() as session:
        return list(
            session.scalars(
                select(CalendarEvent)
                .where(CalendarEvent.deleted_hlc.is_(None))
                .order_by(CalendarEvent.created_at, CalendarEvent.id)
            )
        )


def people(store: Store, event: CalendarEvent) -> dict[str, tuple[str, str, str]]:
    with store.read() as session:
        found = session.scalars(
            select(Attendee).where(Attendee.event_id == event.id, Attendee.deleted_hlc.is_(None))
        )
        return {a.email: (a.name, a.role, a.response) for a in found}


MEETING = """
BEGIN:VEVENT
UID:meeting@test
SUMMARY:Planning
LOCATION:Room 4
DESCRIPTION:Quarterly planning\\, with slides
DTSTART;TZID=Europe/Berlin:20260302T100000
DTEND;TZID=Europe/Berlin:20260302T113000
RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=10
EXDATE;TZID=Europe/Berlin:20260309T100000
TRANSP:TRANSPARENT
STATUS:TENTATIVE
ORGANIZER;CN=Olga:mailto:olga@example.com
ATTENDEE;CN=Ann;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:Ann@Example.com
ATTENDEE;ROLE=OPT-PARTICIPANT;PARTSTAT=DECLINED:mailto:bo@example.com
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:-PT15M
END:VALARM
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER;RELATED=END:-PT1H
END:VALARM
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:PT5M
END:VALARM
END:VEVENT
"""

OVERRIDE = """
BEGIN:VEVENT
UID:meeting@test
RECURRENCE-ID;TZID=Europe/Berlin:20260316T100000
SUMMARY:Planning (moved)
DTSTART;TZID=Europe/Berlin:20260316T140000
DTEND;TZID=Europe/Berlin:20260316T150000
END:VEVENT
"""


def test_an_event_with_everything(services: Services, store: Store) -> None:
    outcome = services.ical.import_events(ics(MEETING))
    assert outcome.changes == Changes(calendar=True)
    assert (outcome.value.created, outcome.value.updated, outcome.value.skipped) == (1, 0, 0)
    (row,) = rows(store)
    assert row.uid == "meeting@test"
    assert row.title == "Planning"
    assert row.location == "Room 4"
    assert row.description == "Quarterly planning, with slides"
    assert row.time_zone == "Europe/Berlin"
    assert row.start_at == datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    assert row.end_at == datetime(2026, 3, 2, 10, 30, tzinfo=UTC)
    assert row.rrule == "FREQ=WEEKLY;COUNT=10;BYDAY=MO"
    assert row.exdates == [datetime(2026, 3, 9, 9, 0, tzinfo=UTC).isoformat()]
    assert (row.transparency, row.status) == ("transparent", "tentative")
    # 15 minutes before the start; 1 hour before a 90-minute event's end is 30 minutes
    # after its start, which Atrium cannot remind of, nor of the one after the start.
    assert row.reminders == [15]
    assert people(store, row) == {
        "ann@example.com": ("Ann", "required", "accepted"),
        "bo@example.com": ("", "optional", "declined"),
        "olga@example.com": ("Olga", "chair", "accepted"),
    }


def test_an_override_links_to_its_series_in_any_order(services: Services, store: Store) -> None:
    result = services.ical.import_events(ics(OVERRIDE, MEETING)).value
    assert result.created == 2
    series, override = sorted(rows(store), key=lambda r: r.recurrence_id is not None)
    assert override.series_id == series.id
    assert override.recurrence_id == datetime(2026, 3, 16, 9, 0, tzinfo=UTC).isoformat()
    assert override.rrule is None
    starts = {
        o.start.astimezone(BERLIN).strftime("%m-%d %H:%M"): o.title  # type: ignore[union-attr]
        for o in services.calendar.occurrences(date(2026, 3, 1), date(2026, 3, 22))
    }
    assert starts == {
        "03-02 10:00": "Planning",
        "03-16 14:00": "Planning (moved)",
    }


def test_an_override_of_a_series_imported_before(services: Services, store: Store) -> None:
    services.ical.import_events(ics(MEETING))
    result = services.ical.import_events(ics(OVERRIDE)).value
    assert (result.created, result.updated) == (1, 0)
    series = next(r for r in rows(store) if r.recurrence_id is None)
    override = next(r for r in rows(store) if r.recurrence_id is not None)
    assert override.series_id == series.id


def test_a_series_imported_after_its_override_adopts_it(services: Services, store: Store) -> None:
    services.ical.import_events(ics(OVERRIDE))
    (orphan,) = rows(store)
    assert orphan.series_id is None  # shown as a single event meanwhile
    services.ical.import_events(ics(MEETING))
    series = next(r for r in rows(store) if r.recurrence_id is None)
    override = next(r for r in rows(store) if r.recurrence_id is not None)
    assert override.series_id == series.id
    titles = [o.title for o in services.calendar.occurrences(date(2026, 3, 16), date(2026, 3, 16))]
    assert titles == ["Planning (moved)"]


def test_a_reimport_updates_instead_of_duplicating(services: Services, store: Store) -> None:
    services.ical.import_events(ics(MEETING, OVERRIDE))
    again = services.ical.import_events(ics(MEETING, OVERRIDE))
    assert (again.value.created, again.value.updated, again.value.skipped) == (0, 0, 2)
    assert again.changes == Changes()
    changed = (
        MEETING.replace("SUMMARY:Planning", "SUMMARY:Planning v2")
        .replace("PARTSTAT=ACCEPTED:mailto:Ann", "PARTSTAT=TENTATIVE:mailto:Ann")
        .replace("ATTENDEE;ROLE=OPT-PARTICIPANT;PARTSTAT=DECLINED:mailto:bo@example.com\n", "")
        .replace(
            "EXDATE;TZID=Europe/Berlin:20260309T100000", "EXDATE;TZID=Europe/Berlin:20260323T100000"
        )
    )
    third = services.ical.import_events(ics(changed, OVERRIDE)).value
    assert (third.created, third.updated, third.skipped) == (0, 1, 1)
    assert len(rows(store)) == 2
    series = next(r for r in rows(store) if r.recurrence_id is None)
    assert series.title == "Planning v2"
    assert series.exdates == [datetime(2026, 3, 23, 9, 0, tzinfo=UTC).isoformat()]
    assert people(store, series) == {
        "ann@example.com": ("Ann", "required", "tentative"),
        "olga@example.com": ("Olga", "chair", "accepted"),
    }


def test_all_day_events_stay_dates(services: Services, store: Store) -> None:
    services.ical.import_events(
        ics(
            """
BEGIN:VEVENT
UID:trip@test
SUMMARY:Trip
DTSTART;VALUE=DATE:20260310
DTEND;VALUE=DATE:20260313
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:-PT15H
END:VALARM
END:VEVENT
BEGIN:VEVENT
UID:day@test
SUMMARY:One day
DTSTART;VALUE=DATE:20260320
END:VEVENT
"""
        )
    )
    trip, day = rows(store)
    assert (trip.all_day, trip.start_date, trip.end_date) == (
        True,
        date(2026, 3, 10),
        date(2026, 3, 13),
    )
    assert trip.start_at is None
    assert trip.reminders == [24 * 60]  # 09:00 the day before: a day before the 09:00 anchor
    assert (day.start_date, day.end_date) == (date(2026, 3, 20), date(2026, 3, 21))


@pytest.mark.parametrize(
    ("start", "zone", "utc_hour"),
    [
        ("DTSTART:20260305T090000Z", "UTC", 9),
        ("DTSTART:20260305T090000", "Europe/Berlin", 8),  # floating: the user's zone
        ("DTSTART;TZID=America/New_York:20260305T090000", "America/New_York", 14),
        ("DTSTART;TZID=W. Europe Standard Time:20260305T090000", "Europe/Berlin", 8),
    ],
)
def test_time_zones(services: Services, store: Store, start: str, zone: str, utc_hour: int) -> None:
    services.ical.import_events(
        ics(f"BEGIN:VEVENT\nUID:z@test\nSUMMARY:Z\n{start}\nDURATION:PT1H\nEND:VEVENT")
    )
    (row,) = rows(store)
    assert row.time_zone == zone
    assert row.start_at == datetime(2026, 3, 5, utc_hour, 0, tzinfo=UTC)
    assert row.end_at == row.start_at + timedelta(hours=1)


def test_vtimezone_definitions_map_to_iana_names(services: Services, store: Store) -> None:
    services.ical.import_events((CORPUS / "custom_vtimezone.ics").read_text())
    outlook, custom = rows(store)
    assert outlook.time_zone == "Europe/Berlin"
    assert outlook.start_at == datetime(2026, 3, 5, 8, 30, tzinfo=UTC)
    eastern = ZoneInfo(custom.time_zone)
    assert custom.time_zone.startswith("America/")
    for month in range(1, 13):
        moment = datetime(2026, month, 15, 12)
        assert eastern.utcoffset(moment) == ZoneInfo("America/New_York").utcoffset(moment)
    assert custom.start_at == datetime(2026, 10, 26, 13, 0, tzinfo=UTC)


def test_a_mozilla_style_tzid_keeps_its_iana_tail(services: Services, store: Store) -> None:
    zone = (CORPUS / "custom_vtimezone.ics").read_text().split("BEGIN:VTIMEZONE")[1]
    zone = "BEGIN:VTIMEZONE" + zone.split("END:VTIMEZONE")[0] + "END:VTIMEZONE"
    zone = zone.replace("W. Europe Standard Time", "/mozilla.org/20050126_1/Europe/Paris")
    services.ical.import_events(
        ics(
            zone,
            "BEGIN:VEVENT\nUID:m@test\nSUMMARY:M\n"
            "DTSTART;TZID=/mozilla.org/20050126_1/Europe/Paris:20260705T090000\n"
            "DURATION:PT30M\nEND:VEVENT",
        )
    )
    (row,) = rows(store)
    assert row.time_zone == "Europe/Paris"
    assert row.start_at == datetime(2026, 7, 5, 7, 0, tzinfo=UTC)


def test_rdates_alone_repeat_the_event(services: Services) -> None:
    services.ical.import_events((CORPUS / "rdate.ics").read_text())
    titles = [
        o.start
        for o in services.calendar.occurrences(date(2026, 1, 1), date(2026, 12, 31))
        if o.title == "Dates only, no rule"
    ]
    assert [d.astimezone(ZoneInfo("America/New_York")).date() for d in titles] == [  # type: ignore[union-attr]
        date(2026, 2, 10),
        date(2026, 3, 10),
        date(2026, 11, 10),
    ]


def test_other_components_are_skipped(services: Services, store: Store) -> None:
    result = services.ical.import_events(
        ics(
            MEETING,
            "BEGIN:VTODO\nUID:t@test\nSUMMARY:A task\nEND:VTODO",
            "BEGIN:VJOURNAL\nUID:j@test\nSUMMARY:A journal\nEND:VJOURNAL",
        )
    ).value
    assert (result.created, result.skipped) == (1, 2)


def test_a_uid_atrium_made_finds_its_row(services: Services, store: Store) -> None:
    services.ical.import_events(ics(MEETING.replace("UID:meeting@test\n", "")))
    (row,) = rows(store)
    assert row.uid is not None
    assert row.uid.endswith("@import.atrium")
    with store.unit_of_work() as uow:
        stored = uow.s.get(CalendarEvent, row.id)
        assert stored is not None
        stored.uid = None
        uow.commit()
    exported = services.ical.export_events().text
    assert f"UID:{row.id}@atrium" in exported
    result = services.ical.import_events(exported).value
    assert (result.created, result.updated + result.skipped) == (0, 1)
    assert len(rows(store)) == 1


def test_overrides_made_in_atrium_are_found_again(services: Services, store: Store) -> None:
    services.ical.import_events(ics(MEETING))
    (series,) = rows(store)
    with store.unit_of_work() as uow:
        uow.s.add(
            CalendarEvent(
                title="Planning (edited here)",
                time_zone="Europe/Berlin",
                start_at=datetime(2026, 3, 23, 12, 0, tzinfo=UTC),
                end_at=datetime(2026, 3, 23, 13, 0, tzinfo=UTC),
                series_id=series.id,
                recurrence_id=datetime(2026, 3, 23, 9, 0, tzinfo=UTC).isoformat(),
            )
        )
        uow.commit()
    exported = services.ical.export_events().text
    assert exported.count("UID:meeting@test") == 2
    result = services.ical.import_events(exported).value
    assert (result.created, result.skipped) == (0, 2)
    assert len(rows(store)) == 2


def test_the_whole_corpus_imports_in_one_go(services: Services, store: Store) -> None:
    created = 0
    for path in sorted(CORPUS.glob("*.ics")):
        created += services.ical.import_events(path.read_text()).value.created
    assert created == len(rows(store)) > 40
