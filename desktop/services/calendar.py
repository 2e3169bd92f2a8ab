"""Calendar events: create, change, delete, and list occurrences with recurrences expanded."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, literal_column, or_, select
from sqlalchemy.orm import Session

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.core.recurrence import check_rrule, expand_all_day, expand_timed, occurrence_key
from desktop.services.base import (
    Outcome,
    ServiceContext,
    check_reminders,
    check_zone,
    clean_text,
    get_live,
    live,
    zone_or_none,
)
from desktop.services.calendar_series import (
    SCOPES,
    EventChanges,
    Removal,
    Series,
    apply_changes,
    delete_all,
    delete_following,
    delete_this,
    edit_all,
    edit_following,
    edit_this,
    span_values,
    stored_span,
)
from desktop.store.models import Attendee, CalendarEvent

CALENDAR = Changes(calendar=True)
ROLES = ("chair", "required", "optional")


@dataclass(frozen=True)
class AttendeeView:
    email: str
    name: str
    role: str
    response: str


@dataclass(frozen=True)
class EventView:
    """An event or series as stored."""

    id: uuid.UUID
    title: str
    description: str
    location: str
    all_day: bool
    start: datetime | date
    end: datetime | date
    time_zone: str
    rrule: str | None
    exdates: tuple[str, ...]
    series_id: uuid.UUID | None
    recurrence_id: str | None
    status: str
    transparency: str
    reminders: tuple[int, ...]
    attendees: tuple[AttendeeView, ...]


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of an event in a range (a single event is one occurrence)."""

    event_id: uuid.UUID
    title: str
    start: datetime | date
    end: datetime | date
    all_day: bool
    location: str
    recurring: bool
    occurrence_key: str
    calendar: str = "personal"  # which of the user's calendars (colours, the focus blocks)


@dataclass
class EventDraft:
    """What a new event needs: a title and a span (instants, or dates when all-day)."""

    title: str
    start: datetime | date
    end: datetime | date
    all_day: bool = False
    description: str = ""
    location: str = ""
    time_zone: str | None = None
    rrule: str | None = None
    attendees: list[str] = field(default_factory=list)
    reminders: list[int] = field(default_factory=list)
    transparency: str = "opaque"


def _check_scope(scope: str) -> str:
    if scope not in SCOPES:
        raise UserError(f"'{scope}' is not a scope; use this, following or all")
    return scope


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
                transparency=_check_transparency(draft.transparency),
                **values,
            )
            uow.s.add(row)
            uow.s.flush()
            for email in draft.attendees:
                uow.s.add(Attendee(event_id=row.id, **_attendee(email)))
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
                old_start, old_end = _stored_span(row)
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
                uow.s.add(Attendee(event_id=row.id, **_attendee(email)))
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
        scope = _check_scope(scope)
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
            add_attendees=tuple(_attendee(email) for email in add_attendees or ()),
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
        scope = _check_scope(scope)
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
        if last < first:
            raise UserError("the end of the range is before its start")
        if (last - first).days > 3660:
            raise UserError("choose a range of at most ten years")
        zone = self.ctx.zone
        lo = datetime.combine(first, time(), zone).astimezone(UTC)
        hi = datetime.combine(last + timedelta(days=1), time(), zone).astimezone(UTC)
        end_day = last + timedelta(days=1)
        owner = CalendarEvent.owner_id == self.ctx.store.user_id
        single = or_(
            and_(~CalendarEvent.all_day, CalendarEvent.start_at < hi, CalendarEvent.end_at > lo),
            and_(
                CalendarEvent.all_day,
                CalendarEvent.start_date < end_day,
                CalendarEvent.end_date > first,
            ),
        )
        with self.ctx.store.read() as session:
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
            overridden = self._overridden(session, [s.id for s in series])
            found = [_single(row) for row in singles if row.status != "cancelled"]
        for row in series:
            found.extend(self._expand(row, (lo, hi), (first, end_day), overridden))
        return sorted(found, key=lambda o: (_sort_instant(o.start, zone), o.title))

    # -- helpers -----------------------------------------------------------------------

    def _span(self, start: datetime | date, end: datetime | date, all_day: bool) -> dict[str, Any]:
        values = span_values(start, end, all_day)
        if all_day:
            return {**values, "start_at": None, "end_at": None}
        return {**values, "start_date": None, "end_date": None}

    def _overridden(
        self, session: Session, series_ids: list[uuid.UUID]
    ) -> set[tuple[uuid.UUID, str]]:
        if not series_ids:
            return set()
        rows = session.execute(
            select(CalendarEvent.series_id, CalendarEvent.recurrence_id).where(
                live(CalendarEvent),
                CalendarEvent.owner_id == self.ctx.store.user_id,
                CalendarEvent.series_id.in_(series_ids),
                CalendarEvent.recurrence_id.is_not(None),
            )
        )
        return {(sid, rid) for sid, rid in rows if sid is not None and rid is not None}

    def _expand(
        self,
        row: CalendarEvent,
        instants: tuple[datetime, datetime],
        days: tuple[date, date],
        overridden: set[tuple[uuid.UUID, str]],
    ) -> list[Occurrence]:
        assert row.rrule is not None
        result = []
        if row.all_day:
            assert row.start_date is not None and row.end_date is not None
            length = row.end_date - row.start_date
            for start in expand_all_day(
                row.rrule,
                row.start_date,
                days,
                days=length.days,
                exdates=row.exdates,
                rdates=row.rdates,
            ):
                key = occurrence_key(start)
                if (row.id, key) not in overridden:
                    result.append(
                        Occurrence(
                            row.id,
                            row.title,
                            start,
                            start + length,
                            True,
                            row.location,
                            True,
                            key,
                            row.calendar,
                        )
                    )
            return result
        assert row.start_at is not None and row.end_at is not None
        zone = zone_or_none(row.time_zone) or self.ctx.zone
        duration = row.end_at - row.start_at
        for start in expand_timed(
            row.rrule,
            row.start_at,
            zone,
            instants,
            duration=duration,
            exdates=row.exdates,
            rdates=row.rdates,
        ):
            key = occurrence_key(start)
            if (row.id, key) not in overridden:
                result.append(
                    Occurrence(
                        row.id,
                        row.title,
                        start,
                        start + duration,
                        False,
                        row.location,
                        True,
                        key,
                        row.calendar,
                    )
                )
        return result

    def _view(self, session: Session, row: CalendarEvent) -> EventView:
        attendees = session.scalars(
            select(Attendee)
            .where(live(Attendee), Attendee.event_id == row.id)
            .order_by(Attendee.email)
        )
        start, end = _stored_span(row)
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


def _stored_span(row: CalendarEvent) -> tuple[datetime | date, datetime | date]:
    return stored_span(row)


def _single(row: CalendarEvent) -> Occurrence:
    start, end = _stored_span(row)
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


def _attendee(email: str) -> dict[str, str]:
    address = email.strip()
    name = ""
    if "<" in address and address.endswith(">"):
        name, _, address = address[:-1].partition("<")
        name, address = name.strip().strip('"'), address.strip()
    local, at, domain = address.partition("@")
    if not at or not local or "." not in domain or any(c.isspace() for c in address):
        raise UserError(f"'{email}' is not an email address")
    return {"email": address.lower(), "name": name}


def _check_transparency(value: str) -> str:
    if value not in ("opaque", "transparent"):
        raise UserError("transparency is opaque (busy) or transparent (free)")
    return value
