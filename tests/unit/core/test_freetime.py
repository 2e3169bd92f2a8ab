"""Free time: parsing working hours, merging busy time, slots per local day (DST included)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.core.errors import UserError
from desktop.core.freetime import (
    WorkingHours,
    free_slots,
    merge,
    parse_working_hours,
    subtract,
    total,
    working_intervals,
)

BERLIN = ZoneInfo("Europe/Berlin")
OFFICE = parse_working_hours("09:00-17:00", "mon-fri")
EVERY_DAY = parse_working_hours("09:00-17:00", "all")


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), BERLIN)


def days(first: date, last: date) -> tuple[datetime, datetime]:
    return at(first, 0), at(last + timedelta(days=1), 0)


def local(slots: list[tuple[datetime, datetime]]) -> list[str]:
    return [f"{s:%a %d %H:%M}-{e:%H:%M}" for s, e in slots]


THU = date(2026, 3, 5)


# -- parsing ---------------------------------------------------------------------------


def test_parse_office_hours() -> None:
    assert WorkingHours(((540, 1020),), frozenset(range(5))) == OFFICE
    assert OFFICE.describe() == "09:00-17:00 on mon,tue,wed,thu,fri"


def test_parse_split_day_unsorted_and_midnight_end() -> None:
    hours = parse_working_hours("13:00-17:30, 9:00-12:00", "mon,wed,friday")
    assert hours.ranges == ((540, 720), (780, 1050))
    assert hours.days == frozenset({0, 2, 4})
    assert parse_working_hours("20:00-24:00", "all").ranges == ((1200, 1440),)


def test_parse_days_wrapping_range() -> None:
    assert parse_working_hours("09:00-17:00", "sun-thu").days == frozenset({6, 0, 1, 2, 3})
    assert parse_working_hours("09:00-17:00", "sat").days == frozenset({5})


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("9-5pm", "'9' is not a time of day"),
        ("", "is not a working-hours spec"),
        ("09:00", "is not a working-hours range"),
        ("17:00-09:00", "end before they start"),
        ("09:00-25:00", "'25:00' is not a time of day"),
        ("09:00-12:60", "not a time of day"),
        ("09:00-13:00,12:00-17:00", "overlap"),
        ("09:00-12:00,", "is not a working-hours spec"),
    ],
)
def test_bad_hours_are_user_errors(hours: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        parse_working_hours(hours)


@pytest.mark.parametrize("spec", ["funday", "mon-", "", "mo", "weekdays"])
def test_bad_days_are_user_errors(spec: str) -> None:
    with pytest.raises(UserError, match="not a list of working days"):
        parse_working_hours("09:00-17:00", spec)


# -- intervals -------------------------------------------------------------------------


def test_merge_widens_sorts_and_joins() -> None:
    a = (at(THU, 10), at(THU, 11))
    b = (at(THU, 11, 15), at(THU, 12))
    c = (at(THU, 10, 30), at(THU, 10, 45))
    merged = merge([b, c, a], timedelta(minutes=10))
    assert merged == [(at(THU, 9, 50).astimezone(UTC), at(THU, 12, 10).astimezone(UTC))]
    assert merge([a, b]) == [
        (a[0].astimezone(UTC), a[1].astimezone(UTC)),
        (b[0].astimezone(UTC), b[1].astimezone(UTC)),
    ]


def test_subtract_handles_busy_across_several_free_spans() -> None:
    free = merge([(at(THU, 9), at(THU, 12)), (at(THU, 13), at(THU, 17))])
    busy = merge([(at(THU, 11), at(THU, 14)), (at(THU, 16), at(THU, 18))])
    assert total(subtract(free, busy)) == timedelta(hours=4)


# -- free slots ------------------------------------------------------------------------


def test_slots_around_meetings_with_buffers() -> None:
    busy = [(at(THU, 10), at(THU, 11)), (at(THU, 14), at(THU, 14, 30))]
    slots = free_slots(busy, days(THU, THU), BERLIN, OFFICE, buffer_minutes=10)
    assert local(slots) == ["Thu 05 09:00-09:50", "Thu 05 11:10-13:50", "Thu 05 14:40-17:00"]
    assert all(s.tzinfo == BERLIN for pair in slots for s in pair)


def test_overlapping_and_adjacent_busy_are_merged() -> None:
    busy = [
        (at(THU, 10), at(THU, 11)),
        (at(THU, 10, 30), at(THU, 12)),
        (at(THU, 12), at(THU, 12, 30)),
        (at(THU, 12, 45), at(THU, 13)),  # the buffers join it to the one before
    ]
    slots = free_slots(busy, days(THU, THU), BERLIN, OFFICE, buffer_minutes=10)
    assert local(slots) == ["Thu 05 09:00-09:50", "Thu 05 13:10-17:00"]


def test_short_slots_are_dropped() -> None:
    busy = [(at(THU, 9, 20), at(THU, 12)), (at(THU, 12, 30), at(THU, 17))]
    slots = free_slots(busy, days(THU, THU), BERLIN, OFFICE, min_duration=timedelta(minutes=25))
    assert local(slots) == ["Thu 05 12:00-12:30"]


def test_busy_outside_hours_and_multi_day_busy() -> None:
    busy = [
        (at(THU, 7), at(THU, 8, 55)),  # before work: its buffer reaches 09:05
        (at(THU, 16), at(date(2026, 3, 9), 10)),  # Thu 16:00 to Mon 10:00
    ]
    slots = free_slots(busy, days(THU, date(2026, 3, 10)), BERLIN, OFFICE, buffer_minutes=10)
    assert local(slots) == [
        "Thu 05 09:05-15:50",
        "Mon 09 10:10-17:00",
        "Tue 10 09:00-17:00",
    ]


def test_weekends_are_not_working_time() -> None:
    weekend = free_slots([], days(date(2026, 3, 7), date(2026, 3, 8)), BERLIN, OFFICE)
    assert weekend == []
    week = free_slots([], days(date(2026, 3, 2), date(2026, 3, 8)), BERLIN, OFFICE)
    assert [s.date().isoformat() for s, _ in week] == [
        "2026-03-02",
        "2026-03-03",
        "2026-03-04",
        "2026-03-05",
        "2026-03-06",
    ]


def test_window_clips_the_working_day() -> None:
    window = (at(THU, 11, 5), at(THU, 15))
    assert local(free_slots([], window, BERLIN, OFFICE)) == ["Thu 05 11:05-15:00"]


def test_spring_forward_day_keeps_wall_clock_hours() -> None:
    """2026-03-29: Berlin goes from +01:00 to +02:00 at 02:00 local."""
    saturday, sunday = date(2026, 3, 28), date(2026, 3, 29)
    slots = free_slots([], days(saturday, sunday), BERLIN, EVERY_DAY)
    assert local(slots) == ["Sat 28 09:00-17:00", "Sun 29 09:00-17:00"]
    assert [s.astimezone(UTC).hour for s, _ in slots] == [8, 7]
    assert [str(s.utcoffset()) for s, _ in slots] == ["1:00:00", "2:00:00"]
    night = parse_working_hours("00:00-06:00", "all")
    (span,) = free_slots([], days(sunday, sunday), BERLIN, night)
    assert total([span]) == timedelta(hours=5)  # the hour 02:00-03:00 does not exist


def test_fall_back_day_is_an_hour_longer() -> None:
    sunday = date(2026, 10, 25)
    whole_day = parse_working_hours("00:00-24:00", "all")
    slots = free_slots([], days(sunday, sunday), BERLIN, whole_day)
    assert total(slots) == timedelta(hours=25)
    busy = [(at(sunday, 1), at(sunday, 4))]  # four real hours across the change
    assert total(free_slots(busy, days(sunday, sunday), BERLIN, whole_day)) == timedelta(hours=21)


def test_working_intervals_are_utc_and_sorted() -> None:
    spans = working_intervals(days(THU, date(2026, 3, 6)), BERLIN, OFFICE)
    assert [(s.isoformat(), e.isoformat()) for s, e in spans] == [
        ("2026-03-05T08:00:00+00:00", "2026-03-05T16:00:00+00:00"),
        ("2026-03-06T08:00:00+00:00", "2026-03-06T16:00:00+00:00"),
    ]
    assert working_intervals((at(THU, 12), at(THU, 12)), BERLIN, OFFICE) == []


def test_other_zone_of_busy_times_is_fine() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    meeting = datetime(2026, 3, 5, 18, 0, tzinfo=tokyo)  # 10:00 Berlin
    slots = free_slots([(meeting, meeting + timedelta(hours=1))], days(THU, THU), BERLIN, OFFICE)
    assert local(slots) == ["Thu 05 09:00-10:00", "Thu 05 11:00-17:00"]


def test_bad_arguments_are_user_errors() -> None:
    window = days(THU, THU)
    with pytest.raises(UserError, match="buffer"):
        free_slots([], window, BERLIN, OFFICE, buffer_minutes=-1)
    with pytest.raises(UserError, match="at least one minute"):
        free_slots([], window, BERLIN, OFFICE, min_duration=timedelta(0))
    with pytest.raises(UserError, match="aware"):
        free_slots([], (datetime(2026, 3, 5), datetime(2026, 3, 6)), BERLIN, OFFICE)
    with pytest.raises(UserError, match="no time zone"):
        free_slots([(datetime(2026, 3, 5, 10), datetime(2026, 3, 5, 11))], window, BERLIN, OFFICE)
