"""The span of an event row (instants, or dates when all-day) and row-level chores.

Shared by the calendar service and the series editing in `calendar_series`: read
and set the span columns, copy attendees to a new row, tombstone rows with their
attendees.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.services.base import live
from desktop.store.models import Attendee, CalendarEvent

Moment = datetime | date
Tombstone = Callable[[Any], None]


def stored_span(row: CalendarEvent) -> tuple[Moment, Moment]:
    """The (start, end) of a row: dates when it is all-day, instants otherwise."""
    if row.all_day:
        assert row.start_date is not None and row.end_date is not None
        return row.start_date, row.end_date
    assert row.start_at is not None and row.end_at is not None
    return row.start_at, row.end_at


def span_values(start: Moment, end: Moment, all_day: bool) -> dict[str, Any]:
    """The span columns for a checked span; UserError when it makes no sense."""
    if all_day:
        first = start.date() if isinstance(start, datetime) else start
        last = end.date() if isinstance(end, datetime) else end
        if last <= first:
            last = first + timedelta(days=1)
        return {"all_day": True, "start_date": first, "end_date": last}
    if not isinstance(start, datetime) or not isinstance(end, datetime):
        raise UserError("a timed event needs a start and end time; use --all-day for dates")
    if start.tzinfo is None or end.tzinfo is None:
        raise UserError("an event's start and end need a time zone")
    if end <= start:
        raise UserError("the event ends before it starts")
    if end - start > timedelta(days=366):
        raise UserError("an event cannot last longer than a year")
    return {"all_day": False, "start_at": start, "end_at": end}


def set_span(row: CalendarEvent, start: Moment, end: Moment) -> None:
    """Check a span and store it in the row's span columns (clearing the other kind)."""
    values = span_values(start, end, row.all_day)
    if row.all_day:
        row.start_date, row.end_date = values["start_date"], values["end_date"]
        row.start_at = row.end_at = None
    else:
        row.start_at, row.end_at = values["start_at"], values["end_at"]
        row.start_date = row.end_date = None


def copy_attendees(session: Session, source: uuid.UUID, target: uuid.UUID) -> None:
    """Give the event `target` the live attendees of the event `source`."""
    for person in session.scalars(
        select(Attendee).where(live(Attendee), Attendee.event_id == source)
    ):
        session.add(
            Attendee(
                event_id=target,
                email=person.email,
                name=person.name,
                role=person.role,
                response=person.response,
            )
        )


def delete_rows(session: Session, rows: list[CalendarEvent], tombstone: Tombstone) -> None:
    """Tombstone events and their attendees."""
    if not rows:
        return
    attendees = session.scalars(
        select(Attendee).where(live(Attendee), Attendee.event_id.in_([r.id for r in rows]))
    )
    for doomed in [*rows, *attendees]:
        tombstone(doomed)
