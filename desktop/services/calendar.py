"""Calendar events: create, change, delete (one occurrence, the following or all).

`CalendarService` is `services.calendar`. Listing occurrences with recurrences
expanded is in `calendar_occurrences`, the views and drafts in `calendar_views`
(re-exported here, where callers import them from), and editing a series by scope
in `calendar_series`.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.core.recurrence import check_rrule
from desktop.services.base import (
    Outcome,
    ServiceContext,
    check_reminders,
    check_zone,
    clean_text,
    get_live,
    live,
)
from desktop.services.calendar_occurrences import occurrences_between
from desktop.services.calendar_series import (
    EventChanges,
    Removal,
    apply_changes,
    delete_all,
    delete_following,
    delete_this,
    edit_all,
    edit_following,
    edit_this,
)
from desktop.services.calendar_views import (
    CALENDAR,
    ROLES,
    AttendeeView,
    EventDraft,
    EventView,
    Occurrence,
    check_scope,
    check_transparency,
    parse_attendee,
)
from desktop.services.event_series import Series
from desktop.services.event_spans import span_values, stored_span
from desktop.store.models import Attendee, CalendarEvent

__all__ = [
    "CALENDAR",
    "ROLES",
    "AttendeeView",
    "CalendarService",
    "EventDraft",
    "EventView",
    "Occurrence",
    "Removal",
]


class CalendarService:
    """Use cases on events."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def add(self, draft: EventDraft) -> Outcome[EventView]:
        with self.ctx.store.unit_of_work() as uow:
            values = self._span(draft.start, draft.end, draft.all_day)
            zone_name = check_zone(draft.time_zone) if draft.time_zone else self.ctx.zone.key
            row = CalendarEvent(
                title=clean_text(draft.title, "title", limit=500, required=True),
                description=clean_text(draft.description, "description", limit=100_000),
                location=clean_text(draft.location, "location", limit=500),
                time_zone=zone_name,
                rrule=check_rrule(draft.rrule) if draft.rrule else None,
                reminders=check_reminders(draft.reminders),
                transparency=check_transparency(draft.transparency),
                **values,
            )
            uow.s.add(row)
            uow.s.flush()
            for email in draft.attendees:
                uow.s.add(Attendee(event_id=row.id, **parse_attendee(email)))
            uow.commit()
            return Outcome(self._view(uow.s, row), CALENDAR)

    def get(self, event_id: str | uuid.UUID) -> EventView:
        with self.ctx.store.read() as session:
            return self._view(session, get_live(session, CalendarEvent, event_id, "event"))

    def update(
        self,
        event_id: str | uuid.UUID,
        *,
        title: str | None = None,
        start: datetime | date | None = None,
        end: datetime | date | None = None,
        location: str | None = None,
        description: str | None = None,
        rrule: str | None = None,
        clear_rrule: bool = False,
        add_attendees: list[str] | None = None,
        status: str | None = None,
        reminders: list[int] | None = None,
    ) -> Outcome[EventView]:
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, CalendarEvent, event_id, "event")
            if reminders is not None:
                row.reminders = check_reminders(reminders)
            if title is not None:
                row.title = clean_text(title, "title", limit=500, required=True)
            if location is not None:
                row.location = clean_text(location, "location", limit=500)
            if description is not None:
                row.description = clean_text(description, "description", limit=100_000)
            if start is not None or end is not None:
                old_start, old_end = stored_span(row)
                new_start = start if start is not None else old_start
                new_end = (
                    end
                    if end is not None
                    else (
                        new_start + (old_end - old_start)  # type: ignore[operator]
                    )
                )
                for key, value in self._span(new_start, new_end, row.all_day).items():
                    setattr(row, key, value)
            if clear_rrule:
                row.rrule = None
            elif rrule is not None:
                row.rrule = check_rrule(rrule)
            if status is not None:
                if status not in ("confirmed", "tentative", "cancelled"):
                    raise UserError(f"'{status}' is not an event status")
                row.status = status
            for email in add_attendees or ():
                uow.s.add(Attendee(event_id=row.id, **parse_attendee(email)))
            uow.commit()
            return Outcome(self._view(uow.s, row), CALENDAR)

    def delete(self, event_id: str | uuid.UUID) -> Outcome[int]:
        """Delete an event (a series with its overrides) and its attendees."""
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, CalendarEvent, event_id, "event")
            overrides = list(
                uow.s.scalars(
                    select(CalendarEvent).where(
                        live(CalendarEvent), CalendarEvent.series_id == row.id
                    )
                )
            )
            events = [row, *overrides]
            attendees = uow.s.scalars(
                select(Attendee).where(
                    live(Attendee), Attendee.event_id.in_([e.id for e in events])
                )
            )
            for doomed in [*events, *attendees]:
                uow.tombstone(doomed)
            uow.commit()
            return Outcome(len(events), CALENDAR)

    def update_occurrence(
        self,
        event_id: str | uuid.UUID,
        occurrence: str,
        scope: str,
        *,
        title: str | None = None,
        start: datetime | date | None = None,
        end: datetime | date | None = None,
        location: str | None = None,
        description: str | None = None,
        status: str | None = None,
        rrule: str | None = None,
        clear_rrule: bool = False,
        add_attendees: list[str] | None = None,
    ) -> Outcome[EventView]:
        """Change one occurrence, it and the following ones, or all (see calendar_series).

        `occurrence` is an occurrence key, an instant or a local date naming one
        occurrence; the result is the override, the new series or the changed series.
        """
        scope = check_scope(scope)
        if status is not None and status not in ("confirmed", "tentative", "cancelled"):
            raise UserError(f"'{status}' is not an event status")
        changes = EventChanges(
            title=clean_text(title, "title", limit=500, required=True)
            if title is not None
            else None,
            start=start,
            end=end,
            location=clean_text(location, "location", limit=500) if location is not None else None,
            description=(
                clean_text(description, "description", limit=100_000)
                if description is not None
                else None
            ),
            status=status,
            rrule=check_rrule(rrule) if rrule is not None else None,
            clear_rrule=clear_rrule,
            add_attendees=tuple(parse_attendee(email) for email in add_attendees or ()),
        )
        with self.ctx.store.unit_of_work() as uow:
            series, key = self._locate(uow.s, event_id, occurrence)
            if series.master.rrule is None:
                row = series.master
                if changes.rrule is not None:
                    row.rrule = changes.rrule
                apply_changes(series, row, changes)
            elif scope == "this":
                row = edit_this(series, key, changes)
            elif scope == "following":
                row = edit_following(series, key, changes, uow.tombstone)
            else:
                row = edit_all(series, key, changes, uow.tombstone)
            uow.commit()
            return Outcome(self._view(uow.s, row), CALENDAR)

    def delete_occurrence(
        self, event_id: str | uuid.UUID, occurrence: str, scope: str
    ) -> Outcome[Removal]:
        """Delete one occurrence (an EXDATE), it and the following ones, or the series."""
        scope = check_scope(scope)
        with self.ctx.store.unit_of_work() as uow:
            series, key = self._locate(uow.s, event_id, occurrence)
            if series.master.rrule is None or scope == "all":
                removal = delete_all(series, key, uow.tombstone)
            elif scope == "this":
                removal = delete_this(series, key, uow.tombstone)
            else:
                removal = delete_following(series, key, uow.tombstone)
            uow.commit()
            return Outcome(removal, CALENDAR)

    def _locate(
        self, session: Session, event_id: str | uuid.UUID, occurrence: str
    ) -> tuple[Series, str]:
        """The series an event id belongs to (an override's id names its series) and the key."""
        row = get_live(session, CalendarEvent, event_id, "event")
        if row.rrule is None and row.series_id is not None:
            master = get_live(session, CalendarEvent, row.series_id, "event")
            series = Series(session, master, self.ctx.zone)
            if not occurrence.strip():
                return series, str(row.recurrence_id)
        else:
            series = Series(session, row, self.ctx.zone)
        if not occurrence.strip():
            raise UserError("say which occurrence: its key from `atrium event list --json`")
        return series, series.resolve(occurrence, self.ctx.zone)

    def occurrences(self, first: date, last: date) -> list[Occurrence]:
        """Every occurrence overlapping the days `first`..`last` (inclusive), in order."""
        return occurrences_between(self.ctx, first, last)

    # -- helpers -----------------------------------------------------------------------

    def _span(self, start: datetime | date, end: datetime | date, all_day: bool) -> dict[str, Any]:
        values = span_values(start, end, all_day)
        if all_day:
            return {**values, "start_at": None, "end_at": None}
        return {**values, "start_date": None, "end_date": None}

    def _view(self, session: Session, row: CalendarEvent) -> EventView:
        attendees = session.scalars(
            select(Attendee)
            .where(live(Attendee), Attendee.event_id == row.id)
            .order_by(Attendee.email)
        )
        start, end = stored_span(row)
        return EventView(
            id=row.id,
            title=row.title,
            description=row.description,
            location=row.location,
            all_day=row.all_day,
            start=start,
            end=end,
            time_zone=row.time_zone,
            rrule=row.rrule,
            exdates=tuple(row.exdates or ()),
            series_id=row.series_id,
            recurrence_id=row.recurrence_id,
            status=row.status,
            transparency=row.transparency,
            reminders=tuple(row.reminders or ()),
            attendees=tuple(AttendeeView(a.email, a.name, a.role, a.response) for a in attendees),
        )
