"""CalendarService: events, all-day spans and recurring series over a real SQLite store."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from desktop.core.changes import Changes
from desktop.core.errors import NotFoundError, UserError
from desktop.core.recurrence import occurrence_key
from desktop.services.calendar import EventDraft, EventView, Occurrence
from desktop.services.container import Services
from desktop.store.models import Attendee, CalendarEvent
from desktop.store.profile import Store

BERLIN = ZoneInfo("Europe/Berlin")
CALENDAR_ONLY = Changes(calendar=True)


def at(day: date, hour: int, minute: int = 0, zone: ZoneInfo = BERLIN) -> datetime:
    return datetime.combine(day, time(hour, minute), zone)


def add(services: Services, draft: EventDraft) -> EventView:
    outcome = services.calendar.add(draft)
    assert outcome.changes == CALENDAR_ONLY
    return outcome.value


def weekly_standup(services: Services, **fields: object) -> EventView:
    """Wednesdays 09:00-09:30 Berlin from 2026-03-04 (before the DST change of 03-29)."""
    draft = EventDraft(
        title="Standup",
        start=at(date(2026, 3, 4), 9),
        end=at(date(2026, 3, 4), 9, 30),
        rrule="FREQ=WEEKLY",
    )
    for key, value in fields.items():
        setattr(draft, key, value)
    return add(services, draft)


def local_starts(occurrences: list[Occurrence]) -> list[str]:
    return [
        o.start.astimezone(BERLIN).strftime("%m-%d %H:%M")  # type: ignore[union-attr]
        for o in occurrences
    ]


def add_override(
    store: Store, series: EventView, original: datetime, **fields: object
) -> uuid.UUID:
    """An overridden occurrence: its own row pointing at the series (as CalDAV import makes)."""
    with store.unit_of_work() as uow:
        row = CalendarEvent(
            title=fields.pop("title", series.title),
            time_zone="Europe/Berlin",
            series_id=series.id,
            recurrence_id=occurrence_key(original),
            **fields,
        )
        uow.s.add(row)
        uow.commit()
        return row.id


# -- single events ---------------------------------------------------------------------


def test_timed_event_round_trip(services: Services, store: Store) -> None:
    start, end = at(date(2026, 3, 5), 14), at(date(2026, 3, 5), 15, 30)
    event = add(
        services,
        EventDraft(
            title=" Dentist ",
            start=start,
            end=end,
            location="Main St 1",
            description="checkup",
            attendees=["Bob@Example.com", '"Ann Lee" <ann@example.org>'],
            reminders=[30, 10, 30],
            transparency="transparent",
        ),
    )

    assert event == services.calendar.get(event.id)
    assert (event.title, event.location, event.description) == ("Dentist", "Main St 1", "checkup")
    assert event.start == start
    assert event.end == end
    assert not event.all_day
    assert event.time_zone == "Europe/Berlin"  # the user's zone by default
    assert event.reminders == (10, 30)
    assert event.transparency == "transparent"
    assert event.status == "confirmed"
    assert [(a.email, a.name, a.role, a.response) for a in event.attendees] == [
        ("ann@example.org", "Ann Lee", "required", "needs-action"),
        ("bob@example.com", "", "required", "needs-action"),
    ]
    with store.read() as session:
        row = session.get(CalendarEvent, event.id)
        assert row is not None
        assert row.owner_id == store.user_id
        assert row.origin == store.device_id
        assert row.start_at == start
        assert row.start_date is None


def test_single_events_in_a_range(services: Services) -> None:
    day = date(2026, 3, 5)
    add(services, EventDraft("late", at(day, 18), at(day, 19)))
    add(services, EventDraft("early", at(day, 8), at(day, 9)))
    add(
        services,
        EventDraft("next week", at(day + timedelta(days=7), 8), at(day + timedelta(days=7), 9)),
    )
    # 23:30-00:30 Berlin across midnight into the 6th.
    add(services, EventDraft("overnight", at(day, 23, 30), at(day + timedelta(days=1), 0, 30)))
    # 00:30 Berlin on the 5th is 23:30 UTC on the 4th: still the 5th here.
    add(services, EventDraft("after midnight", at(day, 0, 30), at(day, 1)))

    found = services.calendar.occurrences(day, day)
    assert [o.title for o in found] == ["after midnight", "early", "late", "overnight"]
    assert all(not o.recurring and not o.all_day for o in found)
    assert found[0].occurrence_key == "2026-03-04T23:30:00+00:00"
    assert [
        o.title
        for o in services.calendar.occurrences(day + timedelta(days=1), day + timedelta(days=1))
    ] == ["overnight"]
    assert services.calendar.occurrences(date(2026, 3, 1), date(2026, 3, 4)) == []


def test_all_day_events(services: Services) -> None:
    single = add(
        services, EventDraft("Holiday", date(2026, 3, 10), date(2026, 3, 11), all_day=True)
    )
    assert single.all_day
    assert single.start == date(2026, 3, 10)
    assert single.end == date(2026, 3, 11)
    # A datetime start of an all-day event becomes its date; an end not after it, one day.
    one_day = add(
        services,
        EventDraft("Birthday", at(date(2026, 3, 12), 15), at(date(2026, 3, 12), 16), all_day=True),
    )
    assert (one_day.start, one_day.end) == (date(2026, 3, 12), date(2026, 3, 13))
    # Monday 2 to Friday 6 (the end is exclusive: the last day is the 6th).
    add(services, EventDraft("Conference", date(2026, 3, 2), date(2026, 3, 7), all_day=True))
    add(services, EventDraft("Meeting", at(date(2026, 3, 4), 10), at(date(2026, 3, 4), 11)))

    def titles(first: date, last: date) -> list[str]:
        return [o.title for o in services.calendar.occurrences(first, last)]

    assert titles(date(2026, 3, 4), date(2026, 3, 4)) == ["Conference", "Meeting"]
    assert titles(date(2026, 3, 6), date(2026, 3, 10)) == ["Conference", "Holiday"]
    assert titles(date(2026, 3, 7), date(2026, 3, 9)) == []
    assert titles(date(2026, 2, 20), date(2026, 3, 1)) == []
    assert titles(date(2026, 2, 20), date(2026, 3, 2)) == ["Conference"]
    conference = services.calendar.occurrences(date(2026, 3, 3), date(2026, 3, 3))[0]
    assert conference.all_day
    assert conference.start == date(2026, 3, 2)
    assert conference.end == date(2026, 3, 7)
    assert conference.occurrence_key == "2026-03-02"


def test_update_moves_the_end_along(services: Services) -> None:
    event = add(services, EventDraft("Call", at(date(2026, 3, 5), 9), at(date(2026, 3, 5), 10)))
    moved = services.calendar.update(
        event.id, start=at(date(2026, 3, 6), 14), title="Call Bob", location="Phone"
    )
    assert moved.changes == CALENDAR_ONLY
    view = services.calendar.get(event.id)
    assert (view.start, view.end) == (at(date(2026, 3, 6), 14), at(date(2026, 3, 6), 15))
    assert (view.title, view.location) == ("Call Bob", "Phone")
    services.calendar.update(event.id, end=at(date(2026, 3, 6), 16), add_attendees=["c@d.eu"])
    view = services.calendar.get(event.id)
    assert view.end == at(date(2026, 3, 6), 16)
    assert [a.email for a in view.attendees] == ["c@d.eu"]
    with pytest.raises(UserError, match="ends before it starts"):
        services.calendar.update(event.id, end=at(date(2026, 3, 6), 13))
    with pytest.raises(UserError, match="not an event status"):
        services.calendar.update(event.id, status="maybe")
    assert services.calendar.get(event.id) == view


def test_cancelled_single_event_is_hidden(services: Services) -> None:
    event = add(services, EventDraft("Call", at(date(2026, 3, 5), 9), at(date(2026, 3, 5), 10)))
    services.calendar.update(event.id, status="cancelled")
    assert services.calendar.occurrences(date(2026, 3, 5), date(2026, 3, 5)) == []
    assert services.calendar.get(event.id).status == "cancelled"


# -- recurring series ------------------------------------------------------------------


def test_weekly_series_stays_at_nine_across_dst(services: Services) -> None:
    series = weekly_standup(services)
    found = services.calendar.occurrences(date(2026, 3, 1), date(2026, 4, 12))
    assert local_starts(found) == [
        "03-04 09:00",
        "03-11 09:00",
        "03-18 09:00",
        "03-25 09:00",
        "04-01 09:00",
        "04-08 09:00",
    ]
    # The UTC hour changes with the offset (CET +01:00 then CEST +02:00) ...
    assert [o.start.astimezone(UTC).hour for o in found] == [8, 8, 8, 8, 7, 7]  # type: ignore[union-attr]
    # ... and each occurrence keeps its duration and knows its series.
    assert all(o.end - o.start == timedelta(minutes=30) for o in found)  # type: ignore[operator]
    assert all(o.recurring and o.event_id == series.id for o in found)
    assert found[4].occurrence_key == "2026-04-01T07:00:00+00:00"


def test_series_in_another_zone_keeps_its_own_wall_time(services: Services) -> None:
    new_york = ZoneInfo("America/New_York")
    add(
        services,
        EventDraft(
            "NY sync",
            at(date(2026, 3, 2), 9, zone=new_york),
            at(date(2026, 3, 2), 10, zone=new_york),
            time_zone="America/New_York",
            rrule="FREQ=WEEKLY;COUNT=3",
        ),
    )
    found = services.calendar.occurrences(date(2026, 3, 1), date(2026, 3, 31))
    assert [o.start.astimezone(new_york).hour for o in found] == [9, 9, 9]  # type: ignore[union-attr]
    # US summer time starts on 03-08, Europe's on 03-29: Berlin sees 15:00, 14:00, 14:00.
    assert local_starts(found) == ["03-02 15:00", "03-09 14:00", "03-16 14:00"]


def test_series_only_in_the_range(services: Services) -> None:
    weekly_standup(services, rrule="FREQ=WEEKLY;COUNT=3")
    assert local_starts(services.calendar.occurrences(date(2026, 3, 10), date(2026, 3, 31))) == [
        "03-11 09:00",
        "03-18 09:00",
    ]
    assert services.calendar.occurrences(date(2026, 2, 1), date(2026, 3, 3)) == []


def test_exdate_removes_an_occurrence(services: Services, store: Store) -> None:
    series = weekly_standup(services)
    with store.unit_of_work() as uow:
        row = uow.s.get(CalendarEvent, series.id)
        assert row is not None
        row.exdates = [
            occurrence_key(at(date(2026, 3, 18), 9)),
            occurrence_key(at(date(2026, 4, 1), 9)),
        ]  # after the DST change
        uow.commit()
    assert services.calendar.get(series.id).exdates == (
        "2026-03-18T08:00:00+00:00",
        "2026-04-01T07:00:00+00:00",
    )
    assert local_starts(services.calendar.occurrences(date(2026, 3, 1), date(2026, 4, 10))) == [
        "03-04 09:00",
        "03-11 09:00",
        "03-25 09:00",
        "04-08 09:00",
    ]


def test_all_day_series_with_exdate(services: Services, store: Store) -> None:
    series = add(
        services,
        EventDraft(
            "Bins out",
            date(2026, 3, 2),
            date(2026, 3, 3),
            all_day=True,
            rrule="FREQ=WEEKLY;BYDAY=MO",
        ),
    )
    with store.unit_of_work() as uow:
        row = uow.s.get(CalendarEvent, series.id)
        assert row is not None
        row.exdates = [occurrence_key(date(2026, 3, 16))]
        uow.commit()
    found = services.calendar.occurrences(date(2026, 3, 1), date(2026, 3, 31))
    assert [o.start for o in found] == [
        date(2026, 3, 2),
        date(2026, 3, 9),
        date(2026, 3, 23),
        date(2026, 3, 30),
    ]
    assert all(o.all_day and o.end - o.start == timedelta(days=1) for o in found)  # type: ignore[operator]


def test_override_replaces_the_occurrence(services: Services, store: Store) -> None:
    series = weekly_standup(services)
    moved_start = at(date(2026, 3, 12), 11)
    override = add_override(
        store,
        series,
        at(date(2026, 3, 11), 9),
        title="Standup (moved)",
        start_at=moved_start,
        end_at=moved_start + timedelta(minutes=45),
        location="Room B",
    )

    found = services.calendar.occurrences(date(2026, 3, 9), date(2026, 3, 19))
    assert [
        (o.title, o.start.astimezone(BERLIN).strftime("%m-%d %H:%M"))  # type: ignore[union-attr]
        for o in found
    ] == [("Standup (moved)", "03-12 11:00"), ("Standup", "03-18 09:00")]
    replaced = found[0]
    assert replaced.event_id == override
    assert replaced.recurring
    assert replaced.location == "Room B"
    # The original day no longer shows the series occurrence, even alone in the range.
    assert services.calendar.occurrences(date(2026, 3, 11), date(2026, 3, 11)) == []


def test_cancelled_override_hides_the_occurrence(services: Services, store: Store) -> None:
    series = weekly_standup(services)
    original = at(date(2026, 3, 11), 9)
    add_override(
        store,
        series,
        original,
        start_at=original,
        end_at=original + timedelta(minutes=30),
        status="cancelled",
    )
    assert local_starts(services.calendar.occurrences(date(2026, 3, 1), date(2026, 3, 20))) == [
        "03-04 09:00",
        "03-18 09:00",
    ]


def test_cancelled_series_is_hidden(services: Services) -> None:
    series = weekly_standup(services)
    services.calendar.update(series.id, status="cancelled")
    assert services.calendar.occurrences(date(2026, 3, 1), date(2026, 3, 31)) == []


def test_deleted_override_gives_the_occurrence_back(services: Services, store: Store) -> None:
    series = weekly_standup(services)
    original = at(date(2026, 3, 11), 9)
    override = add_override(
        store,
        series,
        original,
        title="Moved",
        start_at=original + timedelta(hours=2),
        end_at=original + timedelta(hours=3),
    )
    services.calendar.delete(override)
    assert local_starts(services.calendar.occurrences(date(2026, 3, 9), date(2026, 3, 15))) == [
        "03-11 09:00"
    ]


def test_update_rrule_and_clear_it(services: Services) -> None:
    series = weekly_standup(services)
    services.calendar.update(series.id, rrule="RRULE:FREQ=DAILY;COUNT=2")
    assert services.calendar.get(series.id).rrule == "FREQ=DAILY;COUNT=2"
    assert local_starts(services.calendar.occurrences(date(2026, 3, 1), date(2026, 3, 31))) == [
        "03-04 09:00",
        "03-05 09:00",
    ]
    services.calendar.update(series.id, clear_rrule=True)
    found = services.calendar.occurrences(date(2026, 3, 1), date(2026, 3, 31))
    assert local_starts(found) == ["03-04 09:00"]
    assert not found[0].recurring
    with pytest.raises(UserError, match="not a recurrence rule"):
        services.calendar.update(series.id, rrule="weekly")


# -- deleting --------------------------------------------------------------------------


def test_delete_tombstones_overrides_and_attendees(services: Services, store: Store) -> None:
    series = weekly_standup(services, attendees=["a@example.com", "b@example.com"])
    override = add_override(
        store,
        series,
        at(date(2026, 3, 11), 9),
        start_at=at(date(2026, 3, 11), 10),
        end_at=at(date(2026, 3, 11), 11),
    )
    other = add(
        services,
        EventDraft(
            "Other", at(date(2026, 3, 5), 9), at(date(2026, 3, 5), 10), attendees=["c@example.com"]
        ),
    )

    outcome = services.calendar.delete(series.id)
    assert outcome.value == 2
    assert outcome.changes == CALENDAR_ONLY

    with store.read() as session:
        events = {row.id: row for row in session.scalars(select(CalendarEvent))}
        attendees = session.scalars(select(Attendee)).all()
    assert events[series.id].deleted_hlc is not None
    assert events[override].deleted_hlc is not None
    assert events[other.id].deleted_hlc is None
    assert sorted((a.email, a.deleted_hlc is not None) for a in attendees) == [
        ("a@example.com", True),
        ("b@example.com", True),
        ("c@example.com", False),
    ]
    for gone in (series.id, override):
        with pytest.raises(NotFoundError):
            services.calendar.get(gone)
    assert [
        o.title for o in services.calendar.occurrences(date(2026, 3, 1), date(2026, 3, 31))
    ] == ["Other"]
    assert [a.email for a in services.calendar.get(other.id).attendees] == ["c@example.com"]
    with pytest.raises(NotFoundError):
        services.calendar.delete(series.id)


# -- validation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"end": at(date(2026, 3, 5), 8)}, "ends before it starts"),
        ({"end": at(date(2026, 3, 5), 9)}, "ends before it starts"),
        ({"end": at(date(2027, 3, 7), 9)}, "longer than a year"),
        ({"end": date(2026, 3, 6)}, "needs a start and end time"),
        ({"title": " "}, "title cannot be empty"),
        ({"attendees": ["not-an-email"]}, "'not-an-email' is not an email address"),
        ({"attendees": ["a@b.de", "joe@localhost"]}, "'joe@localhost' is not an email"),
        ({"attendees": ["jo e@example.com"]}, "is not an email"),
        ({"time_zone": "Mars/Olympus"}, "'Mars/Olympus' is not a time zone"),
        ({"time_zone": ":Europe/Berlin"}, "is not a time zone"),
        ({"rrule": "FREQ=FORTNIGHTLY"}, "not a valid recurrence rule"),
        ({"reminders": [-5]}, "reminder must be between"),
        ({"transparency": "busy"}, "transparency is opaque"),
    ],
)
def test_add_rejects_bad_input(
    services: Services, store: Store, fields: dict[str, object], message: str
) -> None:
    draft = EventDraft("Meeting", at(date(2026, 3, 5), 9), at(date(2026, 3, 5), 10))
    for key, value in fields.items():
        setattr(draft, key, value)
    with pytest.raises(UserError, match=message):
        services.calendar.add(draft)
    with store.read() as session:
        assert session.scalars(select(CalendarEvent)).all() == []
        assert session.scalars(select(Attendee)).all() == []


def test_range_validation(services: Services) -> None:
    with pytest.raises(UserError, match="end of the range is before its start"):
        services.calendar.occurrences(date(2026, 3, 5), date(2026, 3, 4))
    with pytest.raises(UserError, match="at most ten years"):
        services.calendar.occurrences(date(2026, 1, 1), date(2040, 1, 1))


def test_unknown_event(services: Services) -> None:
    with pytest.raises(NotFoundError, match="there is no event"):
        services.calendar.get(uuid.uuid4())
    with pytest.raises(UserError, match=r"'42' is not an? event id"):
        services.calendar.get("42")


def test_naive_times_are_a_user_error(services: Services) -> None:
    with pytest.raises(UserError, match="time zone"):
        services.calendar.add(
            EventDraft("Naive", datetime(2026, 3, 5, 9), datetime(2026, 3, 5, 10))
        )
