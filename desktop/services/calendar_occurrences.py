"""The occurrences of the user's events in a range of days, recurrences expanded.

Single events are read by their span; series by their (owner, rrule) index and then
expanded in Python, leaving out the occurrences an override row replaces (the
override is read as a single event where it moved to).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, literal_column, or_, select
from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.core.recurrence import expand_all_day, expand_timed, occurrence_key
from desktop.services.base import ServiceContext, live, zone_or_none
from desktop.services.calendar_views import Occurrence
from desktop.services.event_spans import stored_span
from desktop.store.models import CalendarEvent


def occurrences_between(ctx: ServiceContext, first: date, last: date) -> list[Occurrence]:
    """Every occurrence overlapping the days `first`..`last` (inclusive), in order."""
    if last < first:
        raise UserError("the end of the range is before its start")
    if (last - first).days > 3660:
        raise UserError("choose a range of at most ten years")
    zone = ctx.zone
    lo = datetime.combine(first, time(), zone).astimezone(UTC)
    hi = datetime.combine(last + timedelta(days=1), time(), zone).astimezone(UTC)
    end_day = last + timedelta(days=1)
    owner = CalendarEvent.owner_id == ctx.store.user_id
    single = or_(
        and_(~CalendarEvent.all_day, CalendarEvent.start_at < hi, CalendarEvent.end_at > lo),
        and_(
            CalendarEvent.all_day,
            CalendarEvent.start_date < end_day,
            CalendarEvent.end_date > first,
        ),
    )
    with ctx.store.read() as session:
        singles = session.scalars(
            select(CalendarEvent).where(
                live(CalendarEvent), owner, CalendarEvent.rrule.is_(None), single
            )
        )
        series = list(
            session.scalars(
                select(CalendarEvent).where(
                    live(CalendarEvent),
                    owner,
                    CalendarEvent.rrule.is_not(None),
                    CalendarEvent.status != "cancelled",
                    # Unary + keeps SQLite on the (owner_id, rrule) index: series are
                    # few, events that start before the window are nearly all rows.
                    or_(
                        _unindexed(CalendarEvent.start_at) < hi,
                        _unindexed(CalendarEvent.start_date) < end_day,
                    ),
                )
            )
        )
        overridden = _overridden(session, ctx.store.user_id, [s.id for s in series])
        found = [_single(row) for row in singles if row.status != "cancelled"]
    for row in series:
        found.extend(_expand(row, zone, (lo, hi), (first, end_day), overridden))
    return sorted(found, key=lambda o: (_sort_instant(o.start, zone), o.title))


def _overridden(
    session: Session, user_id: uuid.UUID, series_ids: list[uuid.UUID]
) -> set[tuple[uuid.UUID, str]]:
    """The (series id, occurrence key) of every live override of the given series."""
    if not series_ids:
        return set()
    rows = session.execute(
        select(CalendarEvent.series_id, CalendarEvent.recurrence_id).where(
            live(CalendarEvent),
            CalendarEvent.owner_id == user_id,
            CalendarEvent.series_id.in_(series_ids),
            CalendarEvent.recurrence_id.is_not(None),
        )
    )
    return {(sid, rid) for sid, rid in rows if sid is not None and rid is not None}


def _expand(
    row: CalendarEvent,
    user_zone: ZoneInfo,
    instants: tuple[datetime, datetime],
    days: tuple[date, date],
    overridden: set[tuple[uuid.UUID, str]],
) -> list[Occurrence]:
    """The occurrences of the series `row` in the window, less the overridden ones."""
    assert row.rrule is not None
    starts: Iterable[date | datetime]
    if row.all_day:
        assert row.start_date is not None and row.end_date is not None
        length = row.end_date - row.start_date
        starts = expand_all_day(
            row.rrule,
            row.start_date,
            days,
            days=length.days,
            exdates=row.exdates,
            rdates=row.rdates,
        )
    else:
        assert row.start_at is not None and row.end_at is not None
        zone = zone_or_none(row.time_zone) or user_zone
        length = row.end_at - row.start_at
        starts = expand_timed(
            row.rrule,
            row.start_at,
            zone,
            instants,
            duration=length,
            exdates=row.exdates,
            rdates=row.rdates,
        )
    result = []
    for start in starts:
        key = occurrence_key(start)
        if (row.id, key) not in overridden:
            result.append(
                Occurrence(
                    row.id,
                    row.title,
                    start,
                    start + length,
                    row.all_day,
                    row.location,
                    True,
                    key,
                    row.calendar,
                )
            )
    return result


def _single(row: CalendarEvent) -> Occurrence:
    start, end = stored_span(row)
    return Occurrence(
        row.id,
        row.title,
        start,
        end,
        row.all_day,
        row.location,
        row.series_id is not None,
        # An override is the occurrence its recurrence_id names, wherever it moved.
        row.recurrence_id if row.series_id and row.recurrence_id else occurrence_key(start),
        row.calendar,
    )


def _unindexed(column: Any) -> ColumnElement[Any]:
    """`column` with SQLite's unary + in front: compared the same, but not through an index."""
    return literal_column(f"+{column.table.name}.{column.name}", type_=column.type)


def _sort_instant(value: datetime | date, zone: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time(), zone)
