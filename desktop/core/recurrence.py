"""RFC 5545 recurrence: validate RRULEs and expand a series over a window.

A timed series expands in its own time zone (a 09:00 meeting stays at 09:00
local time across daylight-saving changes), then each start becomes an
instant. An all-day series expands in dates. EXDATEs remove starts; RDATEs add
them. Exceptions are keyed by `occurrence_key`: the UTC ISO instant of a timed
start, or the ISO date of an all-day one (the RECURRENCE-ID of an override).

As RFC 5545 says, DTSTART is always the first occurrence, even when it does not
match the rule (unless it is after UNTIL). A local time that does not exist (in
the spring gap) is read with the offset before the gap, so 02:30 becomes 03:30.

Expansion is fast for views: a rule is parsed once (cached); a finite rule
(COUNT) is expanded once per series and then only sliced; any other rule starts
its search a whole number of periods (days, weeks, months, years times INTERVAL)
before the window instead of at DTSTART, with the parts that dateutil would
derive from DTSTART (the day of the month, the weekday) made explicit, so the
occurrences in the window are the same.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from desktop.core.errors import UserError

MAX_OCCURRENCES = 10_000
# Finite series up to this COUNT are expanded once and kept (a few MB at most).
MAX_COUNTED = 1_000


_UNTIL_UTC = re.compile(r"UNTIL=(\d{8}T\d{6})Z", re.IGNORECASE)
_DERIVED_FROM_START = ("BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY", "BYEASTER")


def _local_until(body: str, zone: ZoneInfo | None) -> str:
    """Rewrite a UTC UNTIL (RFC 5545's form for zoned starts) as local wall time.

    Series expand in naive local wall time, and dateutil refuses an aware UNTIL
    with a naive start, so the instant is moved into the series' own zone.
    """

    def local(match: re.Match[str]) -> str:
        instant = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
        wall = instant.astimezone(zone).replace(tzinfo=None) if zone else instant
        return "UNTIL=" + wall.strftime("%Y%m%dT%H%M%S")

    return _UNTIL_UTC.sub(local, body)


def _body(rule: str) -> str:
    body = rule.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    return body


@lru_cache(maxsize=4096)
def _template(body: str, zone_key: str | None) -> tuple[rrule, dict[str, str], datetime | None]:
    """The parsed rule (at a dummy start), its parts, and its UNTIL as local wall time."""
    local = _local_until(body, ZoneInfo(zone_key) if zone_key else None)
    parsed = rrulestr(local, dtstart=datetime(2000, 1, 1), forceset=False)
    if not isinstance(parsed, rrule):
        raise ValueError("only a single RRULE is allowed here")
    parts = {}
    for item in local.upper().split(";"):
        key, _, value = item.partition("=")
        if key:
            parts[key.strip()] = value.strip()
    until = parts.get("UNTIL")
    wall_until = None
    if until:
        wall_until = datetime.strptime(until[:15], "%Y%m%dT%H%M%S" if "T" in until else "%Y%m%d")
    return parsed, parts, wall_until


def _parse(rule: str, dtstart: datetime, zone: ZoneInfo | None = None) -> rrule:
    template, _, _ = _template(_body(rule), zone.key if zone else None)
    return template.replace(dtstart=dtstart)


def check_rrule(rule: str) -> str:
    """The rule without an 'RRULE:' prefix, upper-cased; UserError when invalid."""
    body = _body(rule).upper()
    if "FREQ=" not in body:
        raise UserError(f"'{rule}' is not a recurrence rule; write it like FREQ=WEEKLY;BYDAY=MO")
    try:
        _, parts, _ = _template(body, None)
    except (ValueError, TypeError) as exc:
        raise UserError(f"'{rule}' is not a valid recurrence rule ({exc})") from None
    if "BYMONTH" in parts and _never(parts, datetime(2000, 1, 1)):
        raise UserError(f"'{rule}' never occurs: none of its months has that day")
    return body


# The longest each month can be (February in a leap year).
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _never(parts: dict[str, str], start: datetime) -> bool:
    """True when the days of the month asked for exist in none of the months asked for.

    dateutil searches such a rule (FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30, or a monthly
    rule from the 31st limited to April) up to the year 9999, which takes seconds.
    """
    try:
        months = [int(m) for m in parts["BYMONTH"].split(",")] if "BYMONTH" in parts else []
        if "BYMONTHDAY" in parts:
            days = [int(d) for d in parts["BYMONTHDAY"].split(",")]
        elif not any(name in parts for name in _DERIVED_FROM_START) and parts.get("FREQ") in (
            "MONTHLY",
            "YEARLY",
        ):
            days = [start.day]
        else:
            return False
    except ValueError:
        return False
    if not months and parts.get("FREQ") == "YEARLY" and "BYMONTHDAY" not in parts:
        months = [start.month]
    lengths = [_MONTH_DAYS[m - 1] for m in months if 1 <= m <= 12] or list(_MONTH_DAYS)
    return not any(abs(day) <= length for day in days for length in lengths)


def occurrence_key(start: datetime | date) -> str:
    """The key of one occurrence: UTC ISO instant, or ISO date for all-day."""
    if isinstance(start, datetime):
        return start.astimezone(UTC).isoformat()
    return start.isoformat()


def _wall_starts(
    rule: str, start: datetime, zone: ZoneInfo | None, lo: datetime, hi: datetime
) -> list[datetime]:
    """Naive local starts of the rule (DTSTART `start`, naive) in [lo, hi], DTSTART included."""
    body, zone_key = _body(rule), zone.key if zone else None
    template, parts, until = _template(body, zone_key)
    if _never(parts, start):
        found: list[datetime] = []
    elif _simple(parts):
        found = _simple_starts(parts, start, lo, hi, until)
    elif int(parts.get("COUNT") or MAX_COUNTED + 1) <= MAX_COUNTED:
        every = _counted(body, zone_key, start)
        found = list(every[bisect_left(every, lo) : bisect_right(every, hi)])
    else:
        first = _fast_start(parts, start, lo)
        if first is None:
            parsed = template.replace(dtstart=start)
        else:
            parsed = template.replace(dtstart=first, **_explicit(parts, start))
        found = _bounded(parsed.between(lo, hi, inc=True))
    if lo <= start <= hi and (until is None or start <= until) and start not in found:
        found.append(start)
    return found


_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_SIMPLE_PARTS = frozenset({"FREQ", "INTERVAL", "UNTIL", "BYDAY", "WKST"})


def _simple(parts: dict[str, str]) -> bool:
    """A daily or weekly rule on plain weekdays (most series): computed without dateutil."""
    return (
        parts.get("FREQ") in ("DAILY", "WEEKLY")
        and parts.keys() <= _SIMPLE_PARTS
        and all(day in _WEEKDAYS for day in parts.get("BYDAY", "MO").split(","))
    )


def _simple_starts(
    parts: dict[str, str], start: datetime, lo: datetime, hi: datetime, until: datetime | None
) -> list[datetime]:
    """Starts of a simple rule in [lo, hi]: each day in range that the rule selects.

    DAILY selects every INTERVAL-th day from DTSTART; WEEKLY every INTERVAL-th week
    (weeks begin on WKST) from the week of DTSTART; BYDAY then keeps those weekdays
    (a weekly rule without BYDAY repeats DTSTART's weekday).
    """
    interval = int(parts.get("INTERVAL") or 1)
    weekly = parts["FREQ"] == "WEEKLY"
    if "BYDAY" in parts:
        weekdays = {_WEEKDAYS.index(day) for day in parts["BYDAY"].split(",")}
    else:
        weekdays = {start.weekday()} if weekly else set(range(7))
    wkst = _WEEKDAYS.index(parts.get("WKST") or "MO")
    first = start.toordinal()
    first_week = (first - 1 - wkst) // 7
    clock = start.time()
    found = []
    for ordinal in range(max(lo.toordinal(), first), hi.toordinal() + 1):
        if (ordinal - 1) % 7 not in weekdays:
            continue
        step = (ordinal - 1 - wkst) // 7 - first_week if weekly else ordinal - first
        if step % interval:
            continue
        moment = datetime.combine(date.fromordinal(ordinal), clock)
        if lo <= moment <= hi and moment >= start and (until is None or moment <= until):
            found.append(moment)
    return _bounded(found)


@lru_cache(maxsize=1024)
def _counted(body: str, zone_key: str | None, start: datetime) -> tuple[datetime, ...]:
    """Every start of a rule with COUNT (a finite series), computed once."""
    template, _, _ = _template(body, zone_key)
    return tuple(template.replace(dtstart=start))


def _fast_start(parts: dict[str, str], start: datetime, lo: datetime) -> datetime | None:
    """A start a whole number of periods before `lo`, or None to search from DTSTART.

    Every part of a rule selects within one period (BYSETPOS too), so moving DTSTART
    by whole periods keeps the later occurrences; COUNT counts from DTSTART, so a rule
    with COUNT is searched from its real start.
    """
    if "COUNT" in parts:
        return None
    interval = int(parts.get("INTERVAL") or 1)
    freq = parts.get("FREQ")
    days = (lo.date() - start.date()).days
    if freq == "DAILY":
        periods = days // interval - 1
        return start + timedelta(days=periods * interval) if periods > 0 else None
    if freq == "WEEKLY":
        periods = days // (7 * interval) - 1
        return start + timedelta(days=periods * 7 * interval) if periods > 0 else None
    if freq == "MONTHLY":
        months = (lo.year - start.year) * 12 + lo.month - start.month
        periods = months // interval - 1
        if periods <= 0:
            return None
        index = start.month - 1 + periods * interval
        return datetime.combine(date(start.year + index // 12, index % 12 + 1, 1), start.time())
    if freq == "YEARLY":
        periods = (lo.year - start.year) // interval - 1
        if periods <= 0:
            return None
        return datetime.combine(date(start.year + periods * interval, 1, 1), start.time())
    return None


def _explicit(parts: dict[str, str], start: datetime) -> dict[str, Any]:
    """The parts dateutil derives from DTSTART, given explicitly (for a moved DTSTART)."""
    if any(name in parts for name in _DERIVED_FROM_START):
        return {}
    freq = parts.get("FREQ")
    if freq == "WEEKLY":
        return {"byweekday": start.weekday()}
    if freq == "MONTHLY":
        return {"bymonthday": start.day}
    if freq == "YEARLY":
        derived: dict[str, Any] = {"bymonthday": start.day}
        if "BYMONTH" not in parts:
            derived["bymonth"] = start.month
        return derived
    return {}


def expand_timed(
    rule: str,
    start: datetime,
    zone: ZoneInfo,
    window: tuple[datetime, datetime],
    *,
    duration: timedelta,
    exdates: Iterable[str] = (),
    rdates: Iterable[str] = (),
) -> list[datetime]:
    """Starts (aware, UTC) of a timed series whose occurrence overlaps `window`."""
    local_start = start.astimezone(zone).replace(tzinfo=None)
    lo, hi = window
    # Search a little wider in local wall time, then filter exactly by instants.
    lo_local = (lo - duration).astimezone(zone).replace(tzinfo=None) - timedelta(days=1)
    hi_local = hi.astimezone(zone).replace(tzinfo=None) + timedelta(days=1)
    starts = {
        naive.replace(tzinfo=zone).astimezone(UTC)
        for naive in _wall_starts(rule, local_start, zone, lo_local, hi_local)
    }
    for extra in rdates:
        starts.add(datetime.fromisoformat(extra).astimezone(UTC))
    if exdates:
        starts -= {datetime.fromisoformat(value).astimezone(UTC) for value in exdates}
    return sorted(s for s in starts if s < hi and s + duration > lo)


def expand_all_day(
    rule: str,
    start: date,
    window: tuple[date, date],
    *,
    days: int,
    exdates: Iterable[str] = (),
    rdates: Iterable[str] = (),
) -> list[date]:
    """Start dates of an all-day series whose days overlap [window start, window end)."""
    lo, hi = window
    found = _wall_starts(
        rule,
        datetime.combine(start, time()),
        None,
        datetime.combine(lo - timedelta(days=days), time()),
        datetime.combine(hi, time()),
    )
    starts = {moment.date() for moment in found}
    starts.update(date.fromisoformat(value[:10]) for value in rdates)
    skipped = {date.fromisoformat(value[:10]) for value in exdates}
    return sorted(d for d in starts - skipped if d < hi and d + timedelta(days=days) > lo)


def _bounded(values: list[datetime]) -> list[datetime]:
    if len(values) > MAX_OCCURRENCES:
        raise UserError(
            f"the range holds more than {MAX_OCCURRENCES} occurrences of one series; "
            "choose a shorter range"
        )
    return values
