"""RFC 5545 recurrence: validate RRULEs and expand a series over a window.

A timed series expands in its own time zone (a 09:00 meeting stays at 09:00
local time across daylight-saving changes), then each start becomes an
instant. An all-day series expands in dates. EXDATEs remove starts; RDATEs add
them. Exceptions are keyed by `occurrence_key`: the UTC ISO instant of a timed
start, or the ISO date of an all-day one (the RECURRENCE-ID of an override).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from desktop.core.errors import UserError

MAX_OCCURRENCES = 10_000


_UNTIL_UTC = re.compile(r"UNTIL=(\d{8}T\d{6})Z", re.IGNORECASE)


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


def _parse(rule: str, dtstart: datetime, zone: ZoneInfo | None = None) -> rrule:
    body = rule.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    body = _local_until(body, zone)
    parsed = rrulestr(body, dtstart=dtstart, forceset=False)
    if not isinstance(parsed, rrule):
        raise ValueError("only a single RRULE is allowed here")
    return parsed


def check_rrule(rule: str) -> str:
    """The rule without an 'RRULE:' prefix, upper-cased; UserError when invalid."""
    body = rule.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    body = body.upper()
    if "FREQ=" not in body:
        raise UserError(f"'{rule}' is not a recurrence rule; write it like FREQ=WEEKLY;BYDAY=MO")
    try:
        _parse(body, datetime(2000, 1, 1))
    except (ValueError, TypeError) as exc:
        raise UserError(f"'{rule}' is not a valid recurrence rule ({exc})") from None
    return body


def occurrence_key(start: datetime | date) -> str:
    """The key of one occurrence: UTC ISO instant, or ISO date for all-day."""
    if isinstance(start, datetime):
        return start.astimezone(UTC).isoformat()
    return start.isoformat()


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
    parsed = _parse(rule, local_start, zone)
    starts = {
        naive.replace(tzinfo=zone).astimezone(UTC)
        for naive in _bounded(parsed.between(lo_local, hi_local, inc=True))
    }
    for extra in rdates:
        starts.add(datetime.fromisoformat(extra).astimezone(UTC))
    skipped = {datetime.fromisoformat(value).astimezone(UTC) for value in exdates}
    return sorted(s for s in starts - skipped if s < hi and s + duration > lo)


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
    parsed = _parse(rule, datetime.combine(start, time()))
    found = parsed.between(
        datetime.combine(lo - timedelta(days=days), time()),
        datetime.combine(hi, time()),
        inc=True,
    )
    starts = {moment.date() for moment in _bounded(found)}
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
