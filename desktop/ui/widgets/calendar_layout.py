"""Pure helpers shared by the calendar views: visible ranges, local spans, side-by-side
layout of overlapping events and snapping (colours: `calendar_colours`).

Nothing here paints; the day/week and month widgets and the calendar pane use these
so that their geometry can be tested without pixels.
"""

from __future__ import annotations

import calendar as pycalendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desktop.core.freetime import WorkingHours
from desktop.services.calendar import Occurrence

DAY, WEEK, MONTH = "day", "week", "month"
MODES = (DAY, WEEK, MONTH)
MINUTES_PER_DAY = 24 * 60
SNAP_MINUTES = 15
MIN_EVENT_MINUTES = 20  # shorter events are drawn this tall so that their title fits
MONTH_DAYS = 42  # six weeks of seven days


@dataclass(frozen=True)
class Placed:
    """A timed occurrence's piece on one visible day, with its side-by-side column."""

    occurrence: Occurrence
    day_index: int
    top: int  # minutes after local midnight
    bottom: int
    column: int
    columns: int


def visible_range(mode: str, anchor: date) -> tuple[date, date]:
    """The first and last day (inclusive) a view in `mode` shows around `anchor`."""
    if mode == DAY:
        return anchor, anchor
    if mode == WEEK:
        monday = anchor - timedelta(days=anchor.weekday())
        return monday, monday + timedelta(days=6)
    first = anchor.replace(day=1)
    start = first - timedelta(days=first.weekday())
    return start, start + timedelta(days=MONTH_DAYS - 1)


def step(mode: str, anchor: date, count: int) -> date:
    """`anchor` moved by `count` days, weeks or months (the day clamped to the month)."""
    if mode == DAY:
        return anchor + timedelta(days=count)
    if mode == WEEK:
        return anchor + timedelta(days=7 * count)
    month = anchor.month - 1 + count
    year, month = anchor.year + month // 12, month % 12 + 1
    last = pycalendar.monthrange(year, month)[1]
    return date(year, month, min(anchor.day, last))


def days_of(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def local_span(occurrence: Occurrence, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """A timed occurrence's start and end in `zone`."""
    start, end = occurrence.start, occurrence.end
    assert isinstance(start, datetime) and isinstance(end, datetime)
    return start.astimezone(zone), end.astimezone(zone)


def day_span(occurrence: Occurrence) -> tuple[date, date]:
    """An all-day occurrence's first and last day (inclusive)."""
    start, end = occurrence.start, occurrence.end
    assert not isinstance(start, datetime) and not isinstance(end, datetime)
    return start, max(start, end - timedelta(days=1))


def covers(occurrence: Occurrence, day: date, zone: ZoneInfo) -> bool:
    """Whether `occurrence` shows on `day` (a timed one that ends at midnight does not)."""
    if occurrence.all_day:
        first, last = day_span(occurrence)
        return first <= day <= last
    start, end = local_span(occurrence, zone)
    day_start = datetime.combine(day, time(), zone)
    day_end = datetime.combine(day + timedelta(days=1), time(), zone)
    return start < day_end and (end > day_start or (start == end and start >= day_start))


def minutes_on(occurrence: Occurrence, day: date, zone: ZoneInfo) -> tuple[int, int]:
    """The part of a timed occurrence on `day`, as minutes after local midnight."""
    start, end = local_span(occurrence, zone)
    day_start = datetime.combine(day, time(), zone)
    top = max(0, round((start - day_start).total_seconds() / 60))
    bottom = min(MINUTES_PER_DAY, round((end - day_start).total_seconds() / 60))
    return top, max(bottom, top)


def layout_days(
    occurrences: Sequence[Occurrence], days: Sequence[date], zone: ZoneInfo
) -> list[Placed]:
    """Timed occurrences placed per day; overlapping ones share the width in columns."""
    placed: list[Placed] = []
    for index, day in enumerate(days):
        pieces = [
            (occ, *minutes_on(occ, day, zone))
            for occ in occurrences
            if not occ.all_day and covers(occ, day, zone)
        ]
        placed.extend(_columns(pieces, index))
    return placed


def _columns(pieces: list[tuple[Occurrence, int, int]], day_index: int) -> list[Placed]:
    """Greedy columns within clusters of transitively overlapping pieces."""
    pieces.sort(key=lambda p: (p[1], -p[2], p[0].title))
    result: list[Placed] = []
    cluster: list[tuple[Occurrence, int, int, int]] = []
    column_ends: list[int] = []
    cluster_end = -1

    def flush() -> None:
        for occ, top, bottom, column in cluster:
            result.append(Placed(occ, day_index, top, bottom, column, len(column_ends)))
        cluster.clear()
        column_ends.clear()

    for occ, top, bottom in pieces:
        shown_bottom = max(bottom, top + MIN_EVENT_MINUTES)
        if top >= cluster_end:
            flush()
            cluster_end = -1
        for column, end in enumerate(column_ends):
            if end <= top:
                column_ends[column] = shown_bottom
                break
        else:
            column = len(column_ends)
            column_ends.append(shown_bottom)
        cluster.append((occ, top, bottom, column))
        cluster_end = max(cluster_end, shown_bottom)
    flush()
    return result


def all_day_rows(
    occurrences: Sequence[Occurrence], first: date, last: date
) -> list[tuple[Occurrence, int, int, int]]:
    """All-day occurrences as (occurrence, first column, last column, row), packed in rows."""
    rows: list[int] = []  # last column used per row
    result = []
    items = sorted((o for o in occurrences if o.all_day), key=lambda o: (day_span(o)[0], o.title))
    for occ in items:
        start, end = day_span(occ)
        if end < first or start > last:
            continue
        a, b = (max(start, first) - first).days, (min(end, last) - first).days
        for row, used in enumerate(rows):
            if used < a:
                rows[row] = b
                break
        else:
            row = len(rows)
            rows.append(b)
        result.append((occ, a, b, row))
    return result


def snap(minutes: float, step_minutes: int = SNAP_MINUTES) -> int:
    """`minutes` rounded to the nearest step, kept within one day."""
    value = round(minutes / step_minutes) * step_minutes
    return max(0, min(MINUTES_PER_DAY, value))


def at_minutes(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    """The instant `minutes` after local midnight of `day` (24:00 is the next midnight)."""
    return datetime.combine(day, time(), zone) + timedelta(minutes=minutes)


def is_working(hours: WorkingHours | None, day: date, minute: int) -> bool:
    """Whether `minute` after midnight of `day` is inside working hours."""
    if hours is None:
        return 8 * 60 <= minute < 18 * 60 and day.weekday() < 5
    if day.weekday() not in hours.days:
        return False
    return any(a <= minute < b for a, b in hours.ranges)


def same_occurrence(a: Occurrence | None, b: Occurrence | None) -> bool:
    if a is None or b is None:
        return False
    return (a.event_id, a.occurrence_key) == (b.event_id, b.occurrence_key)
