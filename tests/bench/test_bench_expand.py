"""Expanding a year of 500 recurring events for the month view (and the year view).

Target: expanding every series of a profile with 500 recurring events (a realistic
mix: weekly meetings, daily stand-ups, monthly reviews, yearly birthdays, rules
with COUNT, UNTIL, INTERVAL, BYSETPOS and EXDATEs, in Berlin and New York time)
over one month takes at most 50 ms. The baseline, measured in the same run, is
the plain way: dateutil parses each rule and searches from its DTSTART. The figure
is also given for `CalendarService.occurrences` (loading the rows as well) and for
the whole year. The asserts are ten times looser than the target.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr

from desktop.core import recurrence
from desktop.core.recurrence import expand_timed
from desktop.services.container import Services
from desktop.store.models import CalendarEvent
from desktop.store.profile import open_store
from tests.bench.benchutil import full_size, median, report, timed

pytestmark = pytest.mark.bench

ZONES = (ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York"))
RULES = (
    "FREQ=WEEKLY;BYDAY=MO",
    "FREQ=WEEKLY;BYDAY=MO,WE,FR",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH",
    "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
    "FREQ=WEEKLY;BYDAY=TH;UNTIL=20261001T000000Z",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=MONTHLY;BYMONTHDAY=15",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
    "FREQ=YEARLY",
    "FREQ=DAILY;INTERVAL=3;COUNT=60",
    "FREQ=WEEKLY;COUNT=40",
    "FREQ=DAILY",
)
YEAR = (date(2026, 1, 1), date(2026, 12, 31))
MONTH = (date(2026, 11, 1), date(2026, 11, 30))
ROUNDS = 5


def _series(count: int) -> list[tuple[str, datetime, ZoneInfo, timedelta, list[str]]]:
    """`count` series starting in the first weeks of the year, some with EXDATEs."""
    rng = random.Random(7)
    found = []
    for i in range(count):
        zone = ZONES[i % 5 == 4]
        day = YEAR[0] + timedelta(days=rng.randrange(45))
        start = datetime.combine(day, time(7 + rng.randrange(11), rng.choice((0, 30))), zone)
        exdates = [(start + timedelta(days=7 * k)).astimezone(UTC).isoformat() for k in (3, 9)]
        duration = timedelta(minutes=rng.choice((15, 30, 60, 90)))
        found.append((RULES[i % len(RULES)], start, zone, duration, exdates if i % 3 else []))
    return found


def _window(first: date, last: date) -> tuple[datetime, datetime]:
    zone = ZONES[0]
    return (
        datetime.combine(first, time(), zone).astimezone(UTC),
        datetime.combine(last + timedelta(days=1), time(), zone).astimezone(UTC),
    )


def _atrium(series: list, window: tuple[datetime, datetime]) -> int:
    return sum(
        len(expand_timed(rule, start, zone, window, duration=length, exdates=skip))
        for rule, start, zone, length, skip in series
    )


def _plain(series: list, window: tuple[datetime, datetime]) -> int:
    """The baseline: parse each rule and search from DTSTART, dateutil as it comes."""
    lo, hi = window
    total = 0
    for rule, start, zone, length, skip in series:
        local = start.astimezone(zone).replace(tzinfo=None)
        body = rule.replace("Z", "")
        starts = rrulestr(body, dtstart=local).between(
            (lo - length).astimezone(zone).replace(tzinfo=None),
            hi.astimezone(zone).replace(tzinfo=None),
            inc=True,
        )
        skipped = {datetime.fromisoformat(s) for s in skip}
        total += sum(1 for s in starts if s.replace(tzinfo=zone).astimezone(UTC) not in skipped)
    return total


def test_expand_a_year_of_recurring_events(tmp_path: Path) -> None:
    count = 500 if full_size() else 100
    series = _series(count)
    month, year = _window(*MONTH), _window(*YEAR)
    recurrence._template.cache_clear()
    recurrence._counted.cache_clear()
    cold_s = timed(lambda: _atrium(series, month))
    month_s = median([timed(lambda: _atrium(series, month)) for _ in range(ROUNDS)])
    plain_month_s = median([timed(lambda: _plain(series, month)) for _ in range(ROUNDS)])
    year_s = median([timed(lambda: _atrium(series, year)) for _ in range(ROUNDS)])
    plain_year_s = median([timed(lambda: _plain(series, year)) for _ in range(ROUNDS)])
    in_month, in_year = _atrium(series, month), _atrium(series, year)

    store = open_store(tmp_path / "expand.sqlite3", now=lambda: datetime(2026, 1, 1, tzinfo=UTC))
    with store.unit_of_work() as uow:
        for i, (rule, start, zone, length, skip) in enumerate(series):
            uow.s.add(
                CalendarEvent(
                    title=f"Series {i}",
                    start_at=start,
                    end_at=start + length,
                    time_zone=zone.key,
                    rrule=rule,
                    exdates=skip,
                )
            )
        uow.commit()
    services = Services(store, "Europe/Berlin")
    view_s = median([timed(lambda: services.calendar.occurrences(*MONTH)) for _ in range(ROUNDS)])
    listed = len(services.calendar.occurrences(*MONTH))
    store.close()
    report(
        "expand_month_view",
        series=count,
        occurrences=in_month,
        month_ms=month_s * 1000,
        month_cold_ms=cold_s * 1000,
        plain_month_ms=plain_month_s * 1000,
        month_vs_plain=month_s / plain_month_s,
        service_month_ms=view_s * 1000,
        target_month_ms=50,
    )
    report(
        "expand_year_view",
        series=count,
        occurrences=in_year,
        year_ms=year_s * 1000,
        plain_year_ms=plain_year_s * 1000,
        year_vs_plain=year_s / plain_year_s,
    )
    assert listed == in_month > count  # the service lists what the core expands
    assert in_year > 10 * count
    assert month_s < 0.5  # the target is 50 ms (at 500 series); ten times that fails
