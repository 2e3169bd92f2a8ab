"""RRULE validation and expansion in the event's own zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.core.errors import UserError
from desktop.core.recurrence import check_rrule, expand_all_day, expand_timed, occurrence_key

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def test_weekly_meeting_keeps_local_time_across_dst() -> None:
    start = datetime(2026, 3, 2, 9, 0, tzinfo=BERLIN)  # Monday, winter time
    got = expand_timed(
        "FREQ=WEEKLY;BYDAY=MO",
        start,
        BERLIN,
        (datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 14, tzinfo=UTC)),
        duration=timedelta(hours=1),
    )
    local = [g.astimezone(BERLIN) for g in got]
    assert [d.day for d in local] == [2, 9, 16, 23, 30, 6, 13]
    assert all(d.hour == 9 and d.minute == 0 for d in local)
    assert local[3].utcoffset() == timedelta(hours=1)
    assert local[4].utcoffset() == timedelta(hours=2)


def test_new_york_daily_across_november_fallback() -> None:
    start = datetime(2026, 10, 30, 8, 0, tzinfo=NEW_YORK)
    got = expand_timed(
        "FREQ=DAILY;COUNT=5",
        start,
        NEW_YORK,
        (datetime(2026, 10, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC)),
        duration=timedelta(minutes=30),
    )
    assert [g.astimezone(NEW_YORK).hour for g in got] == [8] * 5
    assert len({g.utcoffset() for g in got}) == 1  # stored as UTC instants


def test_exdates_and_rdates() -> None:
    start = datetime(2026, 3, 2, 9, 0, tzinfo=BERLIN)
    skip = occurrence_key(datetime(2026, 3, 3, 9, 0, tzinfo=BERLIN))
    extra = datetime(2026, 3, 7, 15, 0, tzinfo=BERLIN).isoformat()
    got = expand_timed(
        "FREQ=DAILY;COUNT=4",
        start,
        BERLIN,
        (datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 3, 10, tzinfo=UTC)),
        duration=timedelta(hours=1),
        exdates=[skip],
        rdates=[extra],
    )
    assert [g.astimezone(BERLIN).day for g in got] == [2, 4, 5, 7]


def test_occurrence_overlapping_the_window_start_is_included() -> None:
    start = datetime(2026, 3, 2, 23, 0, tzinfo=UTC)
    got = expand_timed(
        "FREQ=DAILY",
        start,
        ZoneInfo("UTC"),
        (datetime(2026, 3, 5, 0, 30, tzinfo=UTC), datetime(2026, 3, 5, 2, tzinfo=UTC)),
        duration=timedelta(hours=2),
    )
    assert got == [datetime(2026, 3, 4, 23, 0, tzinfo=UTC)]


def test_all_day_leap_day_yearly_and_last_friday() -> None:
    leap = expand_all_day(
        "FREQ=YEARLY", date(2024, 2, 29), (date(2024, 1, 1), date(2033, 1, 1)), days=1
    )
    assert leap == [date(2024, 2, 29), date(2028, 2, 29), date(2032, 2, 29)]
    last_friday = expand_all_day(
        "FREQ=MONTHLY;BYDAY=-1FR", date(2026, 1, 30), (date(2026, 1, 1), date(2026, 5, 1)), days=1
    )
    assert last_friday == [
        date(2026, 1, 30),
        date(2026, 2, 27),
        date(2026, 3, 27),
        date(2026, 4, 24),
    ]


def test_multi_day_all_day_overlap() -> None:
    got = expand_all_day(
        "FREQ=WEEKLY", date(2026, 3, 6), (date(2026, 3, 8), date(2026, 3, 9)), days=3
    )
    assert got == [date(2026, 3, 6)]  # 6, 7, 8 overlaps the 8th


def test_check_rrule() -> None:
    assert check_rrule("RRULE:freq=weekly;byday=mo") == "FREQ=WEEKLY;BYDAY=MO"
    for bad in ("weekly", "FREQ=SOMETIMES", "FREQ=WEEKLY;BYDAY=XX", "FREQ=DAILY;COUNT=x"):
        with pytest.raises(UserError):
            check_rrule(bad)


def test_unbounded_ranges_are_refused() -> None:
    start = datetime(2000, 1, 1, tzinfo=UTC)
    with pytest.raises(UserError, match="more than"):
        expand_timed(
            "FREQ=MINUTELY",
            start,
            ZoneInfo("UTC"),
            (start, start + timedelta(days=30)),
            duration=timedelta(minutes=1),
        )


def test_until_in_utc_is_the_instant_the_series_stops() -> None:
    # 09:00 Berlin is 08:00 UTC; UNTIL=...T080000Z includes the 4th, T075959Z does not.
    start = datetime(2026, 3, 2, 9, 0, tzinfo=BERLIN)
    window = (datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 3, 31, tzinfo=UTC))
    hour = timedelta(hours=1)
    rule = "FREQ=DAILY;UNTIL=20260304T{}Z"
    through = expand_timed(rule.format("080000"), start, BERLIN, window, duration=hour)
    before = expand_timed(rule.format("075959"), start, BERLIN, window, duration=hour)
    assert [d.day for d in through] == [2, 3, 4]
    assert [d.day for d in before] == [2, 3]
    assert check_rrule("rrule:freq=daily;until=20260304T080000z") == rule.format("080000")
