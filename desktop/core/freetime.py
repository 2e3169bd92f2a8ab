"""Free time: working hours, busy intervals and the free slots between them.

Pure Python over aware datetimes. Every computation runs on UTC instants,
because subtracting two datetimes that share one `ZoneInfo` uses wall-clock
time and is an hour off across a daylight-saving change. Working hours are
local times of day, laid out per local day in the user's zone, so a working
day on the day the clocks change is still 09:00-17:00 on the wall clock (and
one hour shorter or longer in real time when the change falls inside it).

`free_slots` is a sort and a sweep: O(n log n) in the busy intervals plus
O(days) for the working hours, with no per-minute loops.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from desktop.core.errors import UserError

Interval = tuple[datetime, datetime]

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")
MAX_BUFFER_MINUTES = 240


@dataclass(frozen=True)
class WorkingHours:
    """Local times of day that count as working time, on some weekdays.

    `ranges` are sorted, non-overlapping (start, end) pairs of minutes after
    local midnight (an end of 1440 is midnight at the end of the day);
    `days` holds weekday numbers (0 is Monday).
    """

    ranges: tuple[tuple[int, int], ...]
    days: frozenset[int]

    def describe(self) -> str:
        spans = ",".join(f"{_clock(a)}-{_clock(b)}" for a, b in self.ranges)
        names = ",".join(WEEKDAYS[d] for d in sorted(self.days))
        return f"{spans} on {names}"


def parse_working_hours(hours: str, days: str = "mon-fri") -> WorkingHours:
    """Working hours from text like "09:00-17:00" (or "09:00-12:00,13:00-17:30")
    and working days like "mon-fri" (or "mon,wed,fri", "sun-thu", "all")."""
    return WorkingHours(_parse_ranges(hours), _parse_days(days))


def _parse_ranges(text: str) -> tuple[tuple[int, int], ...]:
    hint = "write working hours as HH:MM-HH:MM, e.g. 09:00-17:00 or 09:00-12:00,13:00-17:00"
    parts = [p.strip() for p in (text or "").split(",")]
    if not parts or not all(parts):
        raise UserError(f"'{text}' is not a working-hours spec; {hint}")
    ranges: list[tuple[int, int]] = []
    for part in parts:
        start_text, dash, end_text = part.partition("-")
        if not dash:
            raise UserError(f"'{part}' is not a working-hours range; {hint}")
        start, end = _minutes(start_text, hint), _minutes(end_text, hint)
        if end <= start:
            raise UserError(
                f"the working hours '{part}' end before they start; "
                "ranges over midnight are not supported"
            )
        ranges.append((start, end))
    ranges.sort()
    for (_, first_end), (second_start, _) in pairwise(ranges):
        if second_start < first_end:
            raise UserError(f"the working-hours ranges in '{text}' overlap")
    return tuple(ranges)


def _minutes(text: str, hint: str) -> int:
    match = _CLOCK.match(text.strip())
    if match is None:
        raise UserError(f"'{text.strip()}' is not a time of day; {hint}")
    hour, minute = int(match.group(1)), int(match.group(2))
    if minute > 59 or hour > 24 or (hour == 24 and minute):
        raise UserError(f"'{text.strip()}' is not a time of day; {hint}")
    return hour * 60 + minute


def _parse_days(text: str) -> frozenset[int]:
    hint = "write working days like mon-fri, mon,wed,fri or all"
    cleaned = (text or "").strip().lower()
    if cleaned in ("all", "daily", "every day"):
        return frozenset(range(7))
    found: set[int] = set()
    for part in (p.strip() for p in cleaned.split(",")):
        first, dash, last = part.partition("-")
        start = _weekday(first, text, hint)
        end = _weekday(last, text, hint) if dash else start
        day = start
        found.add(day)
        while day != end:  # a range may wrap around the week: "sun-thu"
            day = (day + 1) % 7
            found.add(day)
    return frozenset(found)


def _weekday(name: str, text: str, hint: str) -> int:
    try:
        return _DAY_NAMES[name.strip()]
    except KeyError:
        raise UserError(f"'{text}' is not a list of working days; {hint}") from None


_DAY_NAMES = {
    **{short: index for index, short in enumerate(WEEKDAYS)},
    **{
        full: index
        for index, full in enumerate(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        )
    },
    "tues": 1,
    "thurs": 3,
}


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def local_instant(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    """The UTC instant of `minutes` after local midnight of `day` on the wall clock.

    A wall time skipped by a daylight-saving change (02:30 on a spring-forward
    day) maps to the instant the same distance after the change, like most
    calendars do.
    """
    if minutes >= 1440:
        day, minutes = day + timedelta(days=minutes // 1440), minutes % 1440
    return datetime.combine(day, time(minutes // 60, minutes % 60), zone).astimezone(UTC)


def working_intervals(window: Interval, zone: ZoneInfo, hours: WorkingHours) -> list[Interval]:
    """The working time inside `window`, as sorted UTC intervals."""
    lo, hi = _utc(window[0]), _utc(window[1])
    if hi <= lo:
        return []
    day = lo.astimezone(zone).date() - timedelta(days=1)
    last = hi.astimezone(zone).date()
    result: list[Interval] = []
    while day <= last:
        if day.weekday() in hours.days:
            for start_minute, end_minute in hours.ranges:
                start = max(local_instant(day, start_minute, zone), lo)
                end = min(local_instant(day, end_minute, zone), hi)
                if end > start:
                    result.append((start, end))
        day += timedelta(days=1)
    return result


def merge(intervals: Iterable[Interval], pad: timedelta = timedelta(0)) -> list[Interval]:
    """Intervals as UTC, each widened by `pad` on both sides, sorted and merged."""
    ordered = sorted((_utc(start) - pad, _utc(end) + pad) for start, end in intervals)
    merged: list[Interval] = []
    for start, end in ordered:
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def subtract(free: Sequence[Interval], busy: Sequence[Interval]) -> list[Interval]:
    """`free` minus `busy`; both sorted and non-overlapping (as `merge` returns)."""
    result: list[Interval] = []
    first_busy = 0
    for start, end in free:
        while first_busy < len(busy) and busy[first_busy][1] <= start:
            first_busy += 1
        cursor = start
        index = first_busy
        while index < len(busy) and busy[index][0] < end and cursor < end:
            busy_start, busy_end = busy[index]
            if busy_start > cursor:
                result.append((cursor, busy_start))
            cursor = max(cursor, busy_end)
            index += 1
        if cursor < end:
            result.append((cursor, end))
    return result


def free_slots(
    busy: Iterable[Interval],
    window: Interval,
    zone: ZoneInfo,
    hours: WorkingHours,
    buffer_minutes: int = 0,
    min_duration: timedelta = timedelta(minutes=1),
) -> list[Interval]:
    """Free working time in `window`: working hours minus busy time, in `zone`.

    Each busy interval is widened by `buffer_minutes` on both sides before the
    overlapping ones are merged; slots shorter than `min_duration` are dropped.
    Returns sorted (start, end) pairs of aware datetimes in `zone`.
    """
    if not 0 <= buffer_minutes <= MAX_BUFFER_MINUTES:
        raise UserError(f"the buffer must be between 0 and {MAX_BUFFER_MINUTES} minutes")
    if min_duration <= timedelta(0):
        raise UserError("the duration must be at least one minute")
    if window[0].tzinfo is None or window[1].tzinfo is None:
        raise UserError("the window needs aware datetimes (with a time zone)")
    blocked = merge(busy, timedelta(minutes=buffer_minutes))
    open_time = subtract(working_intervals(window, zone, hours), blocked)
    return [
        (start.astimezone(zone), end.astimezone(zone))
        for start, end in open_time
        if end - start >= min_duration
    ]


def total(intervals: Iterable[Interval]) -> timedelta:
    """The summed length of intervals (computed on UTC instants)."""
    return sum((_utc(end) - _utc(start) for start, end in intervals), timedelta(0))


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise UserError(f"{moment.isoformat()} has no time zone; pass aware datetimes")
    return moment.astimezone(UTC)
