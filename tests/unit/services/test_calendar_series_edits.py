"""Editing recurring series: this occurrence, this and following, all; timed and all-day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from desktop.core.errors import UserError
from desktop.core.recurrence import occurrence_key
from desktop.services.calendar import EventDraft, EventView, Occurrence
from desktop.services.container import Services
from desktop.store.models import Attendee, CalendarEvent
from desktop.store.profile import Store

BERLIN = ZoneInfo("Europe/Berlin")
MARCH, MAY = date(2026, 3, 1), date(2026, 5, 31)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), BERLIN)


def key(day: date, hour: int = 9) -> str:
    return occurrence_key(at(day, hour))


def standup(services: Services, rule: str = "FREQ=WEEKLY;COUNT=6") -> EventView:
    """Wednesdays 09:00-09:30 Berlin from 03-04; summer time starts on 03-29."""
    start = at(date(2026, 3, 4), 9)
    return services.calendar.add(
        EventDraft(
            "Standup",
            start,
            start + timedelta(minutes=30),
            rrule=rule,
            location="Room A",
            attendees=["ann@example.com"],
        )
    ).value


def holiday(services: Services, rule: str = "FREQ=DAILY;UNTIL=20260310") -> EventView:
    """All-day, daily from Monday 03-02 to 03-10."""
    return services.calendar.add(
        EventDraft("Leave", date(2026, 3, 2), date(2026, 3, 3), all_day=True, rrule=rule)
    ).value


def listed(services: Services, first: date = MARCH, last: date = MAY) -> list[Occurrence]:
    return services.calendar.occurrences(first, last)


def local(found: list[Occurrence]) -> list[str]:
    return [
        o.start.astimezone(BERLIN).strftime("%m-%d %H:%M")
        if isinstance(o.start, datetime)
        else o.start.strftime("%m-%d")
        for o in found
    ]


def rows(store: Store, **where: object) -> list[CalendarEvent]:
    with store.read() as session:
        query = select(CalendarEvent).where(CalendarEvent.deleted_hlc.is_(None))
        for name, value in where.items():
            query = query.where(getattr(CalendarEvent, name) == value)
        return list(session.scalars(query))


ALL_SIX = ["03-04 09:00", "03-11 09:00", "03-18 09:00", "03-25 09:00", "04-01 09:00", "04-08 09:00"]


# -- this occurrence -------------------------------------------------------------------


def test_this_makes_an_override_that_keeps_its_key_when_moved(
    services: Services, store: Store
) -> None:
    series = standup(services)
    moved = services.calendar.update_occurrence(
        series.id,
        key(date(2026, 3, 18)),
        "this",
        title="Standup (moved)",
        start=at(date(2026, 3, 19), 11),
    ).value

    assert moved.series_id == series.id
    assert moved.recurrence_id == key(date(2026, 3, 18))
    assert moved.end - moved.start == timedelta(minutes=30)  # type: ignore[operator]
    assert [a.email for a in moved.attendees] == ["ann@example.com"]
    assert moved.location == "Room A"
    found = listed(services)
    assert local(found) == [
        "03-04 09:00",
        "03-11 09:00",
        "03-19 11:00",
        "03-25 09:00",
        "04-01 09:00",
        "04-08 09:00",
    ]
    assert found[2].title == "Standup (moved)"
    assert found[2].occurrence_key == key(date(2026, 3, 18))

    # A second edit of the same occurrence changes the same override.
    again = services.calendar.update_occurrence(
        series.id, key(date(2026, 3, 18)), "this", location="Room B"
    ).value
    assert again.id == moved.id
    assert again.location == "Room B"
    assert again.start == at(date(2026, 3, 19), 11)
    assert len(rows(store, series_id=series.id)) == 1
    # The override's own id and its (new) date name the same occurrence.
    third = services.calendar.update_occurrence(moved.id, "2026-03-19", "this", title="X").value
    assert third.id == moved.id


def test_delete_this_adds_an_exdate_and_drops_the_override(
    services: Services, store: Store
) -> None:
    series = standup(services)
    services.calendar.update_occurrence(series.id, "2026-03-18", "this", title="Other")
    removal = services.calendar.delete_occurrence(series.id, "2026-03-18", "this").value
    assert (removal.scope, removal.overrides_deleted, removal.series_deleted) == ("this", 1, False)
    services.calendar.delete_occurrence(series.id, key(date(2026, 4, 1)), "this")

    assert services.calendar.get(series.id).exdates == (
        key(date(2026, 3, 18)),
        key(date(2026, 4, 1)),
    )
    assert rows(store, series_id=series.id) == []
    assert local(listed(services)) == ["03-04 09:00", "03-11 09:00", "03-25 09:00", "04-08 09:00"]
    with pytest.raises(UserError, match="not an occurrence of this event"):
        services.calendar.delete_occurrence(series.id, key(date(2026, 4, 1)), "this")


def test_this_refuses_a_rule_and_unknown_occurrences(services: Services) -> None:
    series = standup(services)
    with pytest.raises(UserError, match="cannot have a rule of its own"):
        services.calendar.update_occurrence(series.id, "2026-03-11", "this", rrule="FREQ=DAILY")
    with pytest.raises(UserError, match="not an occurrence of this event"):
        services.calendar.update_occurrence(series.id, key(date(2026, 3, 11), 10), "this")
    with pytest.raises(UserError, match="no occurrence on 2026-03-12"):
        services.calendar.update_occurrence(series.id, "2026-03-12", "this", title="x")
    with pytest.raises(UserError, match="no occurrence on 2026-04-15"):  # past the COUNT
        services.calendar.update_occurrence(series.id, "2026-04-15", "this", title="x")
    with pytest.raises(UserError, match="not a scope"):
        services.calendar.update_occurrence(series.id, "2026-03-11", "some", title="x")
    with pytest.raises(UserError, match="not an occurrence key"):
        services.calendar.update_occurrence(series.id, "next week", "this", title="x")


def test_a_date_with_two_occurrences_needs_the_key(services: Services) -> None:
    start = at(date(2026, 3, 4), 9)
    series = services.calendar.add(
        EventDraft("Pill", start, start + timedelta(minutes=5), rrule="FREQ=HOURLY;INTERVAL=12")
    ).value
    with pytest.raises(UserError, match="occurs 2 times on 2026-03-05"):
        services.calendar.update_occurrence(series.id, "2026-03-05", "this", title="x")
    # A local time without an offset reads in the user's zone.
    edited = services.calendar.update_occurrence(
        series.id, "2026-03-05T21:00", "this", title="Evening pill"
    ).value
    assert edited.recurrence_id == key(date(2026, 3, 5), 21)


# -- this and following ----------------------------------------------------------------


def test_following_splits_a_count_series_across_summer_time(
    services: Services, store: Store
) -> None:
    series = standup(services)
    # Before the split: a renamed occurrence and a moved one after it, an exdate after it.
    services.calendar.update_occurrence(series.id, "2026-04-08", "this", title="Retro")
    services.calendar.delete_occurrence(series.id, "2026-03-25", "this")
    services.calendar.update_occurrence(
        series.id, "2026-03-11", "this", start=at(date(2026, 3, 11), 15)
    )

    tail = services.calendar.update_occurrence(
        series.id, key(date(2026, 3, 18)), "following", start=at(date(2026, 3, 18), 10)
    ).value

    head = services.calendar.get(series.id)
    # UNTIL in UTC, one second before the 03-18 occurrence (08:00Z in winter); no COUNT.
    assert head.rrule == "FREQ=WEEKLY;UNTIL=20260318T075959Z"
    assert head.exdates == ()
    assert tail.rrule == "FREQ=WEEKLY;COUNT=4"  # 6 minus the two before the split
    assert tail.start == at(date(2026, 3, 18), 10)
    assert tail.exdates == (key(date(2026, 3, 25), 10),)
    assert tail.series_id is None
    assert tail.recurrence_id is None
    assert [a.email for a in tail.attendees] == ["ann@example.com"]
    found = listed(services)
    assert local(found) == [
        "03-04 09:00",
        "03-11 15:00",  # the override before the split stays with the original
        "03-18 10:00",
        "04-01 10:00",  # 10:00 local after the change to summer time too
        "04-08 10:00",
    ]
    retro = found[-1]
    assert retro.title == "Retro"
    assert retro.occurrence_key == key(date(2026, 4, 8), 10)
    (moved_override,) = rows(store, series_id=tail.id)
    assert moved_override.id == retro.event_id
    assert len(rows(store, series_id=series.id)) == 1


def test_following_without_changes_keeps_every_occurrence(services: Services) -> None:
    series = standup(services, "FREQ=WEEKLY;BYDAY=WE,FR;UNTIL=20260410T070000Z")
    before = local(listed(services))
    tail = services.calendar.update_occurrence(series.id, "2026-03-27", "following").value

    assert local(listed(services)) == before
    assert tail.rrule == "FREQ=WEEKLY;BYDAY=WE,FR;UNTIL=20260410T070000Z"
    assert services.calendar.get(series.id).rrule == (
        "FREQ=WEEKLY;BYDAY=WE,FR;UNTIL=20260327T075959Z"
    )
    assert before[-1] == "04-10 09:00"


def test_following_moves_a_changed_override_by_key_only(services: Services, store: Store) -> None:
    series = standup(services, "FREQ=WEEKLY")
    services.calendar.update_occurrence(
        series.id, "2026-04-08", "this", start=at(date(2026, 4, 9), 15)
    )
    tail = services.calendar.update_occurrence(
        series.id, "2026-04-01", "following", start=at(date(2026, 4, 1), 8), title="Early"
    ).value

    (override,) = rows(store, series_id=tail.id)
    assert override.recurrence_id == key(date(2026, 4, 8), 8)
    assert override.start_at == at(date(2026, 4, 9), 15)  # its own time stays
    assert override.title == "Early"  # it had the series' title, so it follows
    assert tail.rrule == "FREQ=WEEKLY"
    assert local(listed(services, date(2026, 3, 23), date(2026, 4, 19))) == [
        "03-25 09:00",
        "04-01 08:00",
        "04-09 15:00",
        "04-15 08:00",
    ]


def test_following_at_the_first_occurrence_changes_all(services: Services) -> None:
    series = standup(services)
    changed = services.calendar.update_occurrence(
        series.id, "2026-03-04", "following", title="Daily sync"
    ).value
    assert changed.id == series.id
    assert {o.title for o in listed(services)} == {"Daily sync"}
    assert len(listed(services)) == 6


def test_following_on_an_all_day_series_ends_with_a_date(services: Services) -> None:
    series = holiday(services)
    tail = services.calendar.update_occurrence(
        series.id, "2026-03-06", "following", start=date(2026, 3, 7)
    ).value

    assert services.calendar.get(series.id).rrule == "FREQ=DAILY;UNTIL=20260305"
    assert tail.rrule == "FREQ=DAILY;UNTIL=20260311"  # the end moved with the shift
    assert tail.start == date(2026, 3, 7)
    assert local(listed(services)) == [
        "03-02",
        "03-03",
        "03-04",
        "03-05",
        "03-07",
        "03-08",
        "03-09",
        "03-10",
        "03-11",
    ]


def test_following_on_an_all_day_count_series(services: Services) -> None:
    series = holiday(services, "FREQ=WEEKLY;COUNT=5")
    services.calendar.delete_occurrence(series.id, "2026-03-09", "this")  # counts for COUNT
    tail = services.calendar.update_occurrence(
        series.id, "2026-03-16", "following", title="Leave (new)"
    ).value
    assert services.calendar.get(series.id).rrule == "FREQ=WEEKLY;UNTIL=20260315"
    assert tail.rrule == "FREQ=WEEKLY;COUNT=3"
    assert [(o.title, o.start) for o in listed(services)] == [
        ("Leave", date(2026, 3, 2)),
        ("Leave (new)", date(2026, 3, 16)),
        ("Leave (new)", date(2026, 3, 23)),
        ("Leave (new)", date(2026, 3, 30)),
    ]


def test_delete_following_truncates(services: Services, store: Store) -> None:
    series = standup(services)
    services.calendar.update_occurrence(series.id, "2026-04-08", "this", title="Last")
    services.calendar.update_occurrence(series.id, "2026-03-11", "this", title="Second")
    removal = services.calendar.delete_occurrence(series.id, "2026-04-01", "following").value

    assert (removal.overrides_deleted, removal.series_deleted) == (1, False)
    assert services.calendar.get(series.id).rrule == "FREQ=WEEKLY;UNTIL=20260401T065959Z"
    assert local(listed(services)) == ALL_SIX[:4]
    assert [r.title for r in rows(store, series_id=series.id)] == ["Second"]

    # From the first occurrence on, the whole series goes.
    whole = services.calendar.delete_occurrence(series.id, "2026-03-04", "following").value
    assert whole.series_deleted
    assert listed(services) == []


# -- all -------------------------------------------------------------------------------


def test_all_moves_every_occurrence_exdate_and_untouched_override(
    services: Services, store: Store
) -> None:
    series = standup(services)
    services.calendar.delete_occurrence(series.id, "2026-03-25", "this")
    services.calendar.update_occurrence(series.id, "2026-03-11", "this", title="Planning")
    services.calendar.update_occurrence(
        series.id, "2026-04-08", "this", start=at(date(2026, 4, 8), 14), location="Room C"
    )

    # Chosen in summer time: 09:00 becomes 08:00 local everywhere, winter included.
    changed = services.calendar.update_occurrence(
        series.id,
        key(date(2026, 4, 1)),
        "all",
        start=at(date(2026, 4, 1), 8),
        end=at(date(2026, 4, 1), 9),
        title="Morning standup",
    ).value

    assert changed.start == at(date(2026, 3, 4), 8)
    assert changed.end == at(date(2026, 3, 4), 9)
    assert changed.rrule == "FREQ=WEEKLY;COUNT=6"
    assert changed.exdates == (key(date(2026, 3, 25), 8),)
    found = listed(services)
    assert [(t, o.title) for t, o in zip(local(found), found, strict=True)] == [
        ("03-04 08:00", "Morning standup"),
        ("03-11 08:00", "Planning"),  # its own title stays, its time moved along
        ("03-18 08:00", "Morning standup"),
        ("04-01 08:00", "Morning standup"),
        ("04-08 14:00", "Morning standup"),  # its own time stays
    ]
    assert found[1].end - found[1].start == timedelta(hours=1)  # type: ignore[operator]
    assert {o.recurrence_id for o in rows(store, series_id=series.id)} == {
        key(date(2026, 3, 11), 8),
        key(date(2026, 4, 8), 8),
    }


def test_all_to_another_weekday_moves_byday_and_until(services: Services) -> None:
    series = standup(services, "FREQ=WEEKLY;BYDAY=WE;UNTIL=20260325T080000Z")
    changed = services.calendar.update_occurrence(
        series.id, "2026-03-11", "all", start=at(date(2026, 3, 12), 9)
    ).value
    assert changed.rrule == "FREQ=WEEKLY;BYDAY=TH;UNTIL=20260326T080000Z"
    assert local(listed(services)) == ["03-05 09:00", "03-12 09:00", "03-19 09:00", "03-26 09:00"]

    monthly = standup(services, "FREQ=MONTHLY;BYDAY=1WE")
    with pytest.raises(UserError, match="give the new rule as well"):
        services.calendar.update_occurrence(
            monthly.id, "2026-03-04", "all", start=at(date(2026, 3, 5), 9)
        )


def test_all_with_a_new_rule_drops_exceptions_it_no_longer_makes(
    services: Services, store: Store
) -> None:
    series = standup(services, "FREQ=WEEKLY")
    services.calendar.delete_occurrence(series.id, "2026-03-11", "this")
    services.calendar.update_occurrence(series.id, "2026-03-18", "this", title="Kept")
    services.calendar.update_occurrence(series.id, "2026-03-25", "this", title="Gone")
    changed = services.calendar.update_occurrence(
        series.id, "2026-03-04", "all", rrule="FREQ=WEEKLY;INTERVAL=2"
    ).value
    assert changed.exdates == ()
    assert [r.title for r in rows(store, series_id=series.id)] == ["Kept"]
    assert local(listed(services, MARCH, date(2026, 3, 31))) == ["03-04 09:00", "03-18 09:00"]


def test_all_on_an_all_day_series_and_delete_all(services: Services, store: Store) -> None:
    series = holiday(services)
    services.calendar.delete_occurrence(series.id, "2026-03-04", "this")
    services.calendar.update_occurrence(series.id, "2026-03-06", "this", title="Half day")
    changed = services.calendar.update_occurrence(
        series.id, "2026-03-05", "all", start=date(2026, 3, 6), end=date(2026, 3, 8)
    ).value
    assert (changed.start, changed.end) == (date(2026, 3, 3), date(2026, 3, 5))
    assert changed.rrule == "FREQ=DAILY;UNTIL=20260311"
    assert changed.exdates == ("2026-03-05",)
    (override,) = rows(store, series_id=series.id)
    assert (override.recurrence_id, override.start_date, override.end_date) == (
        "2026-03-07",
        date(2026, 3, 7),
        date(2026, 3, 9),
    )

    removal = services.calendar.delete_occurrence(series.id, "2026-03-07", "all").value
    assert (removal.overrides_deleted, removal.series_deleted) == (1, True)
    assert rows(store) == []
    with store.read() as session:
        assert list(session.scalars(select(Attendee).where(Attendee.deleted_hlc.is_(None)))) == []


def test_single_events_take_their_one_occurrence(services: Services) -> None:
    start = datetime(2026, 3, 5, 13, tzinfo=UTC)
    event = services.calendar.add(EventDraft("Lunch", start, start + timedelta(hours=1))).value
    changed = services.calendar.update_occurrence(
        event.id, "2026-03-05", "this", location="Cafe"
    ).value
    assert (changed.id, changed.location, changed.rrule) == (event.id, "Cafe", None)
    with pytest.raises(UserError, match="no occurrence on 2026-03-06"):
        services.calendar.delete_occurrence(event.id, "2026-03-06", "this")
    assert services.calendar.delete_occurrence(event.id, "2026-03-05", "this").value.series_deleted
    assert listed(services) == []


def test_a_long_series_splits_decades_later(services: Services) -> None:
    series = standup(services, "FREQ=DAILY")  # more than 10,000 days before the split
    tail = services.calendar.update_occurrence(
        series.id, "2060-03-04", "following", title="Later"
    ).value
    assert tail.start == at(date(2060, 3, 4), 9)
    assert services.calendar.get(series.id).rrule == "FREQ=DAILY;UNTIL=20600304T075959Z"
    found = services.calendar.occurrences(date(2060, 3, 3), date(2060, 3, 4))
    assert [o.title for o in found] == ["Standup", "Later"]


@pytest.mark.parametrize(
    ("rule", "all_day"),
    [
        ("FREQ=DAILY;COUNT=40", False),
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20260430T220000Z", False),
        ("FREQ=MONTHLY;BYDAY=-1FR;COUNT=6", False),
        ("FREQ=DAILY;INTERVAL=3", False),
        ("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=12", True),
        ("FREQ=MONTHLY;BYMONTHDAY=4;UNTIL=20260904", True),
    ],
)
def test_splitting_anywhere_without_changes_keeps_the_occurrences(
    services: Services, rule: str, all_day: bool
) -> None:
    if all_day:
        series = holiday(services, rule)
    else:
        series = standup(services, rule)
    everything = (date(2026, 3, 1), date(2026, 9, 30))
    before = local(listed(services, *everything))
    occurrence_keys = [o.occurrence_key for o in listed(services, *everything)]
    for picked in occurrence_keys[1::5]:
        owner = next(
            o.event_id for o in listed(services, *everything) if o.occurrence_key == picked
        )
        services.calendar.update_occurrence(owner, picked, "following")
        assert local(listed(services, *everything)) == before, picked
    head = services.calendar.get(series.id).rrule or ""
    assert "UNTIL=" in head
    assert "COUNT=" not in head
    splits = len(occurrence_keys[1::5])
    assert len({o.event_id for o in listed(services, *everything)}) == 1 + splits


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20260430T220000Z",
        "FREQ=MONTHLY;BYMONTHDAY=4,18;COUNT=8",
        "FREQ=DAILY;INTERVAL=2;COUNT=30",
    ],
)
def test_moving_all_there_and_back_restores_the_series(services: Services, rule: str) -> None:
    series = standup(services, rule)
    services.calendar.delete_occurrence(series.id, listed(services)[3].occurrence_key, "this")
    before, first = local(listed(services)), listed(services)[2]
    assert isinstance(first.start, datetime)

    moved = services.calendar.update_occurrence(
        series.id, first.occurrence_key, "all", start=first.start + timedelta(days=1, hours=2)
    ).value
    assert local(listed(services)) != before
    assert moved.rrule != rule or "BYDAY" not in rule
    shifted = first.start + timedelta(days=1, hours=2)
    services.calendar.update_occurrence(
        series.id, occurrence_key(shifted), "all", start=first.start
    )
    assert local(listed(services)) == before
    assert services.calendar.get(series.id).rrule == rule
