"""The WHEN grammar: dates, times, weekdays, relative words and durations."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from desktop.core.errors import UserError
from desktop.core.when import parse_day, parse_duration_minutes, parse_month, parse_when

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
# Wednesday 2026-03-04, 10:00 UTC = 11:00 in Berlin, 05:00 in New York.
NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-05-01", date(2026, 5, 1)),
        ("today", date(2026, 3, 4)),
        ("Tomorrow", date(2026, 3, 5)),
        ("yesterday", date(2026, 3, 3)),
        ("thursday", date(2026, 3, 5)),
        ("wed", date(2026, 3, 11)),  # a weekday name never means today
        ("next monday", date(2026, 3, 9)),
        ("in 3 days", date(2026, 3, 7)),
        ("in 2 weeks", date(2026, 3, 18)),
    ],
)
def test_days(text: str, expected: date) -> None:
    assert parse_when(text, NOW, BERLIN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-05-01T09:30", datetime(2026, 5, 1, 9, 30, tzinfo=BERLIN)),
        ("2026-05-01 09:30", datetime(2026, 5, 1, 9, 30, tzinfo=BERLIN)),
        ("2026-05-01T09:30:00Z", datetime(2026, 5, 1, 9, 30, tzinfo=UTC)),
        ("2026-05-01T09:30+02:00", datetime(2026, 5, 1, 7, 30, tzinfo=UTC)),
        ("tomorrow 17:00", datetime(2026, 3, 5, 17, 0, tzinfo=BERLIN)),
        ("tomorrow 5pm", datetime(2026, 3, 5, 17, 0, tzinfo=BERLIN)),
        ("fri at 9:15am", datetime(2026, 3, 6, 9, 15, tzinfo=BERLIN)),
        ("today 12am", datetime(2026, 3, 4, 0, 0, tzinfo=BERLIN)),
        ("in 2 hours", datetime(2026, 3, 4, 13, 0, tzinfo=BERLIN)),
        ("15:00", datetime(2026, 3, 4, 15, 0, tzinfo=BERLIN)),
        ("9:00", datetime(2026, 3, 5, 9, 0, tzinfo=BERLIN)),  # passed today: tomorrow
    ],
)
def test_instants(text: str, expected: datetime) -> None:
    got = parse_when(text, NOW, BERLIN)
    assert isinstance(got, datetime)
    assert got == expected


def test_relative_words_use_the_users_zone() -> None:
    late = datetime(2026, 3, 4, 23, 30, tzinfo=UTC)  # already Thursday in Berlin
    assert parse_when("today", late, BERLIN) == date(2026, 3, 5)
    assert parse_when("today", late, NEW_YORK) == date(2026, 3, 4)


def test_now_is_the_clock() -> None:
    assert parse_when("now", NOW, BERLIN) == NOW


def test_daylight_saving_is_respected() -> None:
    summer = parse_when("2026-07-01T09:00", NOW, BERLIN)
    assert isinstance(summer, datetime)
    assert summer.utcoffset() is not None
    assert summer.utcoffset().total_seconds() == 7200


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "someday",
        "2026-02-30",
        "2026-13-01",
        "tomorrow 25:00",
        "tomorrow 13pm",
        "next week",
        "next blursday",
        "friday noonish",
        "2026-05-01T24:61",
    ],
)
def test_bad_input_is_a_user_error(text: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_when(text, NOW, BERLIN)
    assert str(caught.value)


def test_invalid_calendar_date_says_why() -> None:
    with pytest.raises(UserError, match="day is out of range"):
        parse_when("2026-02-30", NOW, BERLIN)


def test_parse_day_turns_instants_into_local_days() -> None:
    assert parse_day("2026-05-01T23:30Z", NOW, BERLIN) == date(2026, 5, 2)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("30m", 30),
        ("1h", 60),
        ("1h30m", 90),
        ("1.5h", 90),
        ("45", 45),
        ("2d", 2880),
        ("1h 15m", 75),
    ],
)
def test_durations(text: str, minutes: int) -> None:
    assert parse_duration_minutes(text) == minutes


@pytest.mark.parametrize("text", ["", "0", "0m", "abc", "1x", "h", "-5m", "400d"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(UserError):
        parse_duration_minutes(text)


def test_months() -> None:
    assert parse_month("2026-03") == date(2026, 3, 1)
    for bad in ("2026-13", "2026-3", "March", "2026-03-01"):
        with pytest.raises(UserError, match="YYYY-MM"):
            parse_month(bad)


def test_time_only_combines_with_today_at_local_midnight_boundary() -> None:
    got = parse_when("00:30", datetime(2026, 3, 4, 22, 0, tzinfo=UTC), BERLIN)
    assert got == datetime.combine(date(2026, 3, 5), time(0, 30), BERLIN)
