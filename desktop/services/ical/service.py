"""IcalService: import .ics files into events and tasks, export them again.

An import is one unit of work: every VEVENT (or VTODO) is found again by its UID
(and RECURRENCE-ID for an overridden occurrence) and updated, or created; an
override is linked to its series by `series_id` and `recurrence_id`. When the
file has problems nothing is imported, unless `keep_valid` asks to import the
sound components and list the problems.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Generic, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.core.ids import new_id, parse_id
from desktop.core.sortkey import sequence
from desktop.services.base import Outcome, ServiceContext, live
from desktop.services.ical.mapping import ComponentError, EventData, Reader, TaskData
from desktop.services.ical.reading import ParsedFile, Piece, parse_calendar
from desktop.services.ical.writing import UID_SUFFIX, events_calendar, tasks_calendar
from desktop.services.ical.zones import ZoneResolver
from desktop.store.models import Attendee, CalendarEvent, Task
from desktop.store.uow import UnitOfWork

CHUNK = 500
T = TypeVar("T", EventData, TaskData)
# An export with only --from or only --to covers ten years from or up to it.
RANGE_DAYS = 3650


@dataclass(frozen=True)
class ImportResult:
    """What an import did; `errors` are 'line N: ...' messages of what was left out."""

    created: int
    updated: int
    skipped: int
    errors: tuple[str, ...]


@dataclass(frozen=True)
class ExportResult:
    """The text of an exported VCALENDAR and how many components it holds."""

    text: str
    count: int


class IcalService:
    """iCalendar (RFC 5545) import and export of events and tasks."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- import --------------------------------------------------------------------------

    def import_events(self, text: str, *, keep_valid: bool = False) -> Outcome[ImportResult]:
        """Create or update the VEVENTs of `text`; other components count as skipped."""
        reader, found, skipped, problems = self._collect(text, "VEVENT")
        events = _unique([reader.event(p) for p in found], lambda d: (d.uid, d.recurrence_id))
        errors = _check(problems + events.problems, keep_valid)
        with self.ctx.store.unit_of_work() as uow:
            created, updated, unchanged = _EventWriter(uow).write(events.items)
            uow.commit()
        result = ImportResult(created, updated, skipped + unchanged, errors)
        return Outcome(result, Changes(calendar=True) if created or updated else Changes())

    def import_tasks(self, text: str, *, keep_valid: bool = False) -> Outcome[ImportResult]:
        """Create or update the VTODOs of `text`; other components count as skipped."""
        reader, found, skipped, problems = self._collect(text, "VTODO")
        tasks = _unique([reader.task(p) for p in found], lambda d: d.uid)
        errors = _check(problems + tasks.problems, keep_valid)
        with self.ctx.store.unit_of_work() as uow:
            created, updated, unchanged = _write_tasks(uow.s, self.ctx.store.user_id, tasks.items)
            uow.commit()
        result = ImportResult(created, updated, skipped + unchanged, errors)
        return Outcome(result, Changes(tasks=True) if created or updated else Changes())

    def _collect(
        self, text: str, kind: str
    ) -> tuple[_SafeReader, list[Piece], int, list[tuple[int, str]]]:
        """The reader, the pieces of `kind`, how many others were skipped, the problems."""
        parsed, reader = self._read(text)
        wanted = [p for p in parsed.pieces if p.name == kind]
        skipped = sum(1 for p in parsed.pieces if p.name not in (kind, "VTIMEZONE"))
        return _SafeReader(reader), wanted, skipped, list(parsed.problems)

    def _read(self, text: str) -> tuple[ParsedFile, Reader]:
        parsed = parse_calendar(text)
        locations = {}
        for piece in parsed.pieces:
            if piece.name == "VTIMEZONE" and piece.component is not None:
                location = piece.component.get("X-LIC-LOCATION")
                if location is not None:
                    locations[str(piece.component.get("TZID", ""))] = str(location)
        resolver = ZoneResolver(self.ctx.zone, locations)
        return parsed, Reader(resolver, self.ctx.now())

    # -- export --------------------------------------------------------------------------

    def export_events(self, first: date | None = None, last: date | None = None) -> ExportResult:
        """Every event, or the events (whole series) with an occurrence in first..last."""
        owner = CalendarEvent.owner_id == self.ctx.store.user_id
        wanted: set[uuid.UUID] | None = None
        if first is not None or last is not None:
            from desktop.services.calendar import CalendarService

            if first is not None:
                low = first
                high = last or first + timedelta(days=RANGE_DAYS)
            else:
                assert last is not None
                low, high = last - timedelta(days=RANGE_DAYS), last
            wanted = {o.event_id for o in CalendarService(self.ctx).occurrences(low, high)}
        with self.ctx.store.read() as session:
            query = select(CalendarEvent).where(live(CalendarEvent), owner)
            rows = list(session.scalars(query.order_by(CalendarEvent.created_at)))
            if wanted is not None:
                chosen = {r.id for r in rows if r.id in wanted}
                chosen |= {r.series_id for r in rows if r.id in chosen and r.series_id}
                rows = [r for r in rows if r.id in chosen or r.series_id in chosen]
            rows.sort(key=lambda r: (r.recurrence_id is not None, r.created_at))
            people: dict[object, list[Attendee]] = {}
            for chunk in _chunks([r.id for r in rows]):
                for person in session.scalars(
                    select(Attendee)
                    .where(live(Attendee), Attendee.event_id.in_(chunk))
                    .order_by(Attendee.email)
                ):
                    people.setdefault(person.event_id, []).append(person)
            calendar = events_calendar(rows, people, self.ctx.now())
        return ExportResult(calendar.to_ical().decode(), len(rows))

    def export_tasks(self) -> ExportResult:
        """Every task (open and done) as VTODOs."""
        with self.ctx.store.read() as session:
            rows = list(
                session.scalars(
                    select(Task)
                    .where(live(Task), Task.owner_id == self.ctx.store.user_id)
                    .order_by(Task.sort_key)
                )
            )
            calendar = tasks_calendar(rows, self.ctx.now())
        return ExportResult(calendar.to_ical().decode(), len(rows))


# -- helpers -------------------------------------------------------------------------------


class _SafeReader:
    """A Reader that returns the problem of a wrong component instead of raising it."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader

    def event(self, piece: Piece) -> EventData | ComponentError:
        try:
            return self.reader.event(piece)
        except ComponentError as problem:
            return problem

    def task(self, piece: Piece) -> TaskData | ComponentError:
        try:
            return self.reader.task(piece)
        except ComponentError as problem:
            return problem


@dataclass
class _Unique(Generic[T]):
    items: list[T]
    problems: list[tuple[int, str]]


def _unique(found: list[T | ComponentError], key: Callable[[T], Any]) -> _Unique[T]:
    """The components read, each UID (and RECURRENCE-ID) once; the problems found."""
    seen: dict[Any, int] = {}
    kept: _Unique[T] = _Unique([], [])
    for item in found:
        if isinstance(item, ComponentError):
            kept.problems.append((item.line, item.message))
            continue
        k = key(item)
        piece = item.piece
        if k in seen:
            kept.problems.append((piece.line, f"{piece.label} repeats the UID of line {seen[k]}"))
            continue
        seen[k] = piece.line
        kept.items.append(item)
    return kept


def _check(problems: list[tuple[int, str]], keep_valid: bool) -> tuple[str, ...]:
    errors = tuple(f"line {line}: {message}" for line, message in sorted(problems))
    if errors and not keep_valid:
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        raise UserError(
            f"{errors[0]}{more}; nothing was imported: fix the file, "
            "or import the rest with --keep-valid"
        )
    return errors


def _chunks(ids: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _by_uid(session: Session, model: Any, owner: uuid.UUID, uids: set[str]) -> list[Any]:
    """Live rows with one of these UIDs, or whose id is in an `<id>@atrium` UID."""
    rows: list[Any] = []
    for chunk in _chunks(sorted(uids)):
        rows.extend(
            session.scalars(
                select(model).where(live(model), model.owner_id == owner, model.uid.in_(chunk))
            )
        )
    ids = [parse_id(u[: -len(UID_SUFFIX)]) for u in uids if u.endswith(UID_SUFFIX)]
    wanted = [i for i in ids if i is not None]
    for chunk in _chunks(wanted):
        rows.extend(
            session.scalars(
                select(model).where(live(model), model.owner_id == owner, model.id.in_(chunk))
            )
        )
    return rows


def _changed(row: Any, values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if getattr(row, key) != value}


class _EventWriter:
    """Writes imported events: series first, then overrides linked to them."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self.s = uow.s
        self.owner = uow.user_id
        self.people: dict[uuid.UUID, dict[str, Attendee]] = {}

    def write(self, found: list[EventData]) -> tuple[int, int, int]:
        existing: dict[tuple[str, str | None], CalendarEvent] = {}
        for row in _by_uid(self.s, CalendarEvent, self.owner, {d.uid for d in found}):
            uid = row.uid or f"{row.id}{UID_SUFFIX}"
            if row.series_id is not None and row.uid is None:
                continue
            existing.setdefault((uid, row.recurrence_id), row)
        self._overrides_of(existing)
        self.people = self._people([row.id for row in existing.values()])
        counts = [0, 0, 0]
        masters = [d for d in found if d.recurrence_id is None]
        overrides = [d for d in found if d.recurrence_id is not None]
        for data in [*masters, *overrides]:
            series = existing.get((data.uid, None)) if data.recurrence_id else None
            values = dict(data.values, recurrence_id=data.recurrence_id)
            values["series_id"] = series.id if series is not None else None
            row = existing.get((data.uid, data.recurrence_id))
            if row is None:
                row = CalendarEvent(id=new_id(), uid=data.uid, calendar="personal", **values)
                self.s.add(row)
                existing[(data.uid, data.recurrence_id)] = row
                self._attendees(row, data.attendees)
                counts[0] += 1
                continue
            changes = _changed(row, values)
            for key, value in changes.items():
                setattr(row, key, value)
            people = self._attendees(row, data.attendees)
            counts[1 if changes or people else 2] += 1
        for (uid, recurrence_id), row in existing.items():
            master = existing.get((uid, None))
            if recurrence_id is not None and row.series_id is None and master is not None:
                row.series_id = master.id  # an override imported before its series
        return counts[0], counts[1], counts[2]

    def _overrides_of(self, existing: dict[tuple[str, str | None], CalendarEvent]) -> None:
        """Add the overrides Atrium made (they have no UID of their own) under their series'."""
        masters = {row.id: uid for (uid, rid), row in existing.items() if rid is None}
        for chunk in _chunks(list(masters)):
            for row in self.s.scalars(
                select(CalendarEvent).where(
                    live(CalendarEvent),
                    CalendarEvent.series_id.in_(chunk),
                    CalendarEvent.recurrence_id.is_not(None),
                )
            ):
                assert row.series_id is not None
                existing.setdefault((masters[row.series_id], row.recurrence_id), row)

    def _people(self, event_ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, Attendee]]:
        """The live attendees of these events, by event and email (one query per chunk)."""
        found: dict[uuid.UUID, dict[str, Attendee]] = {}
        for chunk in _chunks(event_ids):
            for person in self.s.scalars(
                select(Attendee).where(live(Attendee), Attendee.event_id.in_(chunk))
            ):
                found.setdefault(person.event_id, {})[person.email] = person
        return found

    def _attendees(self, row: CalendarEvent, wanted: list[dict[str, str]]) -> bool:
        """Make the event's attendees these; True when anything changed."""
        current = self.people.get(row.id, {})
        changed = False
        emails = {w["email"] for w in wanted}
        for email, person in current.items():
            if email not in emails:
                self.uow.tombstone(person)
                changed = True
        for values in wanted:
            known = current.get(values["email"])
            if known is None:
                self.s.add(Attendee(event_id=row.id, **values))
                changed = True
            else:
                diff = _changed(known, values)
                for key, value in diff.items():
                    setattr(known, key, value)
                changed = changed or bool(diff)
        return changed


def _write_tasks(session: Session, owner: uuid.UUID, found: list[TaskData]) -> tuple[int, int, int]:
    existing = {
        (row.uid or f"{row.id}{UID_SUFFIX}"): row
        for row in _by_uid(session, Task, owner, {d.uid for d in found})
    }
    last = session.scalar(select(func.max(Task.sort_key)).where(Task.owner_id == owner))
    fresh = [d for d in found if d.uid not in existing]
    keys = iter(sequence(len(fresh), last)) if fresh else iter(())
    counts = [0, 0, 0]
    rows: dict[str, Task] = {}
    changed_rows: set[str] = set()
    for data in found:
        row = existing.get(data.uid)
        if row is None:
            row = Task(uid=data.uid, sort_key=next(keys), **data.values)
            session.add(row)
            counts[0] += 1
        else:
            changes = _changed(row, data.values)
            for key, value in changes.items():
                setattr(row, key, value)
            if changes:
                changed_rows.add(data.uid)
        rows[data.uid] = row
    session.flush()
    parents = {d.parent_uid for d in found if d.parent_uid and d.parent_uid not in rows}
    known = {
        (row.uid or f"{row.id}{UID_SUFFIX}"): row for row in _by_uid(session, Task, owner, parents)
    }
    known.update(rows)
    for data in found:
        row = rows[data.uid]
        parent = known.get(data.parent_uid) if data.parent_uid else None
        parent_id = parent.id if parent is not None and parent.id != row.id else None
        if row.parent_id != parent_id and not (parent_id is None and data.uid in existing):
            row.parent_id = parent_id
            if data.uid in existing:
                changed_rows.add(data.uid)
    for data in found:
        if data.uid in existing:
            counts[1 if data.uid in changed_rows else 2] += 1
    return counts[0], counts[1], counts[2]
