"""Recurrence expansion checked against `recurring_ical_events` as an oracle.

Each .ics file of tests/data/ics/ is imported into a fresh profile (user zone
Europe/Berlin), and the occurrences Atrium lists over several windows (a whole
year, and months holding daylight-saving changes and leap days) must be the same
(start, end, title) triples as the oracle's over the same window. Atrium hides
cancelled occurrences, so cancelled ones are left out of the oracle's answer.
The core function `expand_timed` is also checked directly, one series at a time.

One correction is applied to the oracle: it adds an occurrence's duration in
wall-clock time, so an occurrence across a daylight-saving change would last an
hour more or less (or end before it starts, in the spring gap). RFC 5545 (3.3.6)
makes durations in hours and minutes exact, which is what Atrium does; the
expected end is the oracle's start plus the exact duration.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from desktop.core.errors import UserError
from desktop.core.recurrence import check_rrule, expand_all_day, expand_timed
from desktop.services.container import Services
from desktop.store.models import CalendarEvent

CORPUS = Path(__file__).resolve().parents[2] / "data" / "ics"
FILES = sorted(CORPUS.glob("*.ics"))
BERLIN = ZoneInfo("Europe/Berlin")
WINDOWS = [
    (date(2026, 1, 1), date(2026, 12, 31)),
    (date(2026, 3, 1), date(2026, 3, 31)),
    (date(2026, 3, 26), date(2026, 4, 2)),
    (date(2026, 10, 20), date(2026, 11, 10)),
    (date(2027, 1, 1), date(2027, 12, 31)),
    (date(2028, 2, 1), date(2028, 3, 1)),
    (date(2024, 2, 1), date(2024, 3, 31)),
]

Triple = tuple[object, object, str]


def _instant_or_day(value: date | datetime) -> date | datetime:
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=BERLIN)
        return aware.astimezone(UTC)
    return value


def _bounds(first: date, last: date) -> tuple[datetime, datetime]:
    lo = datetime.combine(first, time(), BERLIN).astimezone(UTC)
    hi = datetime.combine(last + timedelta(days=1), time(), BERLIN).astimezone(UTC)
    return lo, hi


def _overlaps(start: object, end: object, first: date, last: date) -> bool:
    if isinstance(start, datetime):
        lo, hi = _bounds(first, last)
        return start < hi and end > lo  # type: ignore[operator]
    return start < last + timedelta(days=1) and end > first  # type: ignore[operator]


def oracle(text: str, first: date, last: date) -> list[Triple]:
    calendar = Calendar.from_ical(text)
    span = (first - timedelta(days=3), last + timedelta(days=3))
    found: list[Triple] = []
    for component in recurring_ical_events.of(calendar).between(*span):
        if str(component.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start = component["DTSTART"].dt
        if "DTEND" in component:
            end = component["DTEND"].dt
        elif "DURATION" in component:
            end = start + component["DURATION"].dt
        else:
            end = start + timedelta(days=0 if isinstance(start, datetime) else 1)
        begin, finish = _instant_or_day(start), _instant_or_day(end)
        if isinstance(start, datetime) and start.tzinfo is not None and start.tzinfo is end.tzinfo:
            # The oracle adds the duration in wall-clock time (Python's aware arithmetic), so
            # an occurrence across a daylight-saving change would get a longer or shorter, even
            # negative, span. RFC 5545 (3.3.6) makes hours and minutes exact: expect that.
            naive = end.replace(tzinfo=None) - start.replace(tzinfo=None)
            finish = begin + naive
        if _overlaps(begin, finish, first, last):
            found.append((begin, finish, str(component["SUMMARY"])))
    return sorted(found, key=repr)


def atrium(services: Services, first: date, last: date) -> list[Triple]:
    found: list[Triple] = [
        (_instant_or_day(o.start), _instant_or_day(o.end), o.title)
        for o in services.calendar.occurrences(first, last)
    ]
    return sorted(found, key=repr)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_occurrences_match_the_oracle(services: Services, path: Path) -> None:
    text = path.read_text()
    result = services.ical.import_events(text).value
    assert result.errors == ()
    assert result.created > 0
    for first, last in WINDOWS:
        expected = oracle(text, first, last)
        got = atrium(services, first, last)
        missing = [e for e in expected if e not in got]
        extra = [g for g in got if g not in expected]
        assert (missing, extra) == ([], []), f"{path.name} {first}..{last}"


def test_the_corpus_covers_what_the_issue_names() -> None:
    text = "".join(p.read_text() for p in FILES)
    for needle in (
        "TZID=Europe/Berlin",
        "TZID=America/New_York",
        "BYMONTH=2;BYMONTHDAY=29",
        "BYDAY=-1FR",
        "BYSETPOS",
        "COUNT=",
        "UNTIL=",
        "INTERVAL=",
        "RECURRENCE-ID",
        "EXDATE",
        "RDATE",
        "DTSTART;VALUE=DATE",
        "BYDAY=MO,WE,FR",
    ):
        assert needle in text, needle
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_core_expansion_of_each_series_matches_the_oracle(services: Services, path: Path) -> None:
    """`expand_timed`/`expand_all_day` directly, month by month over 2026."""
    text = path.read_text()
    services.ical.import_events(text)
    with services.store.read() as session:
        series = list(session.query(CalendarEvent).filter(CalendarEvent.rrule.is_not(None)))
    calendar = Calendar.from_ical(text)
    for row in series:
        uid_events = [c for c in calendar.walk("VEVENT") if str(c["UID"]) == row.uid]
        single = Calendar()
        for component in uid_events:
            if "RECURRENCE-ID" not in component:
                single.add_component(component)
        for month in range(1, 13):
            first = date(2026, month, 1)
            last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            expected = sorted(s for s, _, _ in oracle(single.to_ical().decode(), first, last))
            if row.all_day:
                assert row.start_date is not None
                assert row.end_date is not None
                got: list[object] = list(
                    expand_all_day(
                        row.rrule or "",
                        row.start_date,
                        (first, last + timedelta(days=1)),
                        days=(row.end_date - row.start_date).days,
                        exdates=row.exdates,
                        rdates=row.rdates,
                    )
                )
            else:
                assert row.start_at is not None
                assert row.end_at is not None
                got = list(
                    expand_timed(
                        row.rrule or "",
                        row.start_at,
                        ZoneInfo(row.time_zone),
                        _bounds(first, last),
                        duration=row.end_at - row.start_at,
                        exdates=row.exdates,
                        rdates=row.rdates,
                    )
                )
            assert got == expected, f"{path.name} {row.title} {first:%Y-%m}"


# -- the fast search equals the plain one ------------------------------------------------

RULE_PARTS = st.fixed_dictionaries(
    {
        "FREQ": st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]),
        "INTERVAL": st.integers(1, 4),
    },
    optional={
        "BYDAY": st.sampled_from(["MO", "MO,WE,FR", "TU,TH", "-1FR", "2TU", "SA,SU"]),
        "BYMONTHDAY": st.sampled_from(["1", "15", "-1", "29", "31"]),
        "BYMONTH": st.sampled_from(["2", "3,10", "11"]),
        "BYSETPOS": st.sampled_from(["1", "-1", "2"]),
        "UNTIL": st.sampled_from(["20270101T000000", "20290615T120000", "20260401T090000"]),
        "WKST": st.sampled_from(["MO", "SU"]),
    },
)


def _rule_text(parts: dict[str, object]) -> str:
    if parts["FREQ"] in ("DAILY", "WEEKLY") and str(parts.get("BYDAY", "")).startswith(("-", "2")):
        parts = {k: v for k, v in parts.items() if k != "BYDAY"}
    return ";".join(f"{k}={v}" for k, v in parts.items())


def _plain(rule: str, start: datetime, zone: ZoneInfo, window: tuple[datetime, datetime]) -> list:
    """The reference: dateutil from the real DTSTART, plus DTSTART itself (RFC 5545)."""
    local = start.astimezone(zone).replace(tzinfo=None)
    parsed = rrulestr(rule, dtstart=local)
    lo, hi = window
    found = {
        n.replace(tzinfo=zone).astimezone(UTC)
        for n in parsed.between(
            lo.replace(tzinfo=None) - timedelta(days=3), hi.replace(tzinfo=None) + timedelta(days=3)
        )
    }
    until = rule.split("UNTIL=")[1][:15] if "UNTIL=" in rule else None
    if until is None or local <= datetime.strptime(until, "%Y%m%dT%H%M%S"):
        found.add(start.astimezone(UTC))
    return sorted(s for s in found if s < hi and s + timedelta(hours=1) > lo)


@settings(max_examples=60, deadline=None)
@given(
    parts=RULE_PARTS,
    start_day=st.dates(date(2020, 1, 1), date(2026, 12, 31)),
    hour=st.sampled_from([0, 2, 9, 23]),
    window_day=st.dates(date(2020, 1, 1), date(2029, 12, 31)),
    length=st.integers(1, 70),
)
def test_fast_expansion_equals_the_plain_one(
    parts: dict[str, object], start_day: date, hour: int, window_day: date, length: int
) -> None:
    rule = _rule_text(parts)
    try:
        rrulestr(rule, dtstart=datetime(2020, 1, 1))
    except ValueError:
        return
    start = datetime.combine(start_day, time(hour, 30), BERLIN)
    window = _bounds(window_day, window_day + timedelta(days=length))
    try:
        got = expand_timed(rule, start, BERLIN, window, duration=timedelta(hours=1))
    except UserError:
        return  # more occurrences than one view may hold
    assert got == _plain(rule, start, BERLIN, window), rule


# A search to the year 9999 takes many seconds; the timeout fails it without timing the test.
@pytest.mark.timeout(10)
def test_a_rule_that_never_occurs_is_refused_and_costs_nothing() -> None:
    with pytest.raises(UserError, match="never occurs"):
        check_rrule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")
    assert (
        check_rrule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29") == "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"
    )
    # From the 31st, limited to April (30 days): dateutil would search until the year 9999.
    start = datetime(2026, 1, 31, 9, 0, tzinfo=BERLIN)
    got = expand_timed(
        "FREQ=MONTHLY;BYMONTH=4",
        start,
        BERLIN,
        _bounds(date(2026, 1, 1), date(2026, 12, 31)),
        duration=timedelta(hours=1),
    )
    assert got == [start.astimezone(UTC)]  # DTSTART alone
