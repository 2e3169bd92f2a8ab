"""Turning a parsed VEVENT or VTODO into the values of an Atrium row.

Each method takes a `Piece` (the component and its line numbers) and returns
the column values, or raises `ComponentError` naming the line and the component, e.g.
"line 14: VEVENT 'Standup' has DTEND before DTSTART". Timed values are stored as
UTC instants with the IANA name of their zone; floating times are read in the
user's zone; all-day values stay dates. Reading single properties is in
`property_reader`, values of a whole component (reminders, attendees ...) in
`component_values`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from desktop.services.ical.component_values import (
    ALL_DAY_ANCHOR_MINUTES,
    attendees_of,
    end_date,
    event_reminders,
    event_status,
    parent_uid,
    priority_of,
    tags_of,
    task_reminders,
    uid_of,
)
from desktop.services.ical.property_reader import ComponentError, PropertyReader, aware
from desktop.services.ical.reading import Piece

__all__ = [
    "ALL_DAY_ANCHOR_MINUTES",
    "RDATES_ONLY",
    "ComponentError",
    "EventData",
    "Reader",
    "TaskData",
]

# The rule of an event that repeats only on its RDATEs (DTSTART, then the RDATEs).
RDATES_ONLY = "FREQ=DAILY;COUNT=1"
TASK_STATUSES = {
    "NEEDS-ACTION": "todo",
    "IN-PROCESS": "in_progress",
    "COMPLETED": "done",
    "CANCELLED": "cancelled",
}


@dataclass
class EventData:
    """A VEVENT as row values: the event, its attendees, and how to find it again."""

    uid: str
    recurrence_id: str | None
    values: dict[str, Any]
    attendees: list[dict[str, str]]
    piece: Piece


@dataclass
class TaskData:
    """A VTODO as row values, with the UID of its parent (RELATED-TO) to resolve later."""

    uid: str
    values: dict[str, Any]
    parent_uid: str | None
    piece: Piece
    extra: dict[str, Any] = field(default_factory=dict)


class Reader(PropertyReader):
    """Reads components against one user zone and one set of VTIMEZONE definitions."""

    # -- events --------------------------------------------------------------------------

    def event(self, piece: Piece) -> EventData:
        comp = self._component(piece)
        start = self._value(piece, "DTSTART")
        if start is None:
            raise ComponentError(piece.line, f"{piece.label} has no DTSTART")
        end = self._value(piece, "DTEND")
        duration = self._duration(piece, "DURATION")
        all_day = not isinstance(start, datetime)
        zone_name = (
            self._zone_name(piece, "DTSTART", start) if isinstance(start, datetime) else None
        )
        values: dict[str, Any] = {
            "title": self._text(piece, "SUMMARY", 500) or "Untitled event",
            "description": self._text(piece, "DESCRIPTION", 100_000),
            "location": self._text(piece, "LOCATION", 500),
            "status": event_status(comp),
            "transparency": "transparent"
            if str(comp.get("TRANSP", "")).upper() == "TRANSPARENT"
            else "opaque",
        }
        if all_day:
            assert isinstance(start, date)
            last = end_date(piece, start, end, duration)
            values.update(
                all_day=True,
                start_date=start,
                end_date=last,
                start_at=None,
                end_at=None,
                time_zone=self.zones.user_zone.key,
            )
            length = timedelta(days=(last - start).days)
        else:
            assert isinstance(start, datetime) and zone_name is not None
            zone = ZoneInfo(zone_name)
            begin = aware(start, zone)
            finish = self._end_instant(piece, begin, end, duration, zone)
            values.update(
                all_day=False,
                start_at=begin.astimezone(UTC),
                end_at=finish.astimezone(UTC),
                start_date=None,
                end_date=None,
                time_zone=zone_name,
            )
            length = finish - begin
        values["rrule"] = self._rrule(piece)
        series_zone = ZoneInfo(values["time_zone"])
        values["exdates"] = self._keys(piece, "EXDATE", start, series_zone)
        values["rdates"] = self._rdates(piece, start, series_zone)
        if values["rdates"] and not values["rrule"]:
            # Atrium expands only rows with a rule: RDATEs alone become a one-time rule.
            values["rrule"] = RDATES_ONLY
        values["reminders"] = event_reminders(comp, start, length, all_day)
        recurrence = self._keys(piece, "RECURRENCE-ID", start, series_zone)
        if len(recurrence) > 1:
            raise ComponentError(
                piece.line_of("RECURRENCE-ID"), f"{piece.label} has two RECURRENCE-IDs"
            )
        if recurrence and values["rrule"]:
            raise ComponentError(
                piece.line_of("RECURRENCE-ID"),
                f"{piece.label} has both RRULE and RECURRENCE-ID; an override cannot repeat",
            )
        return EventData(
            uid=uid_of(piece),
            recurrence_id=recurrence[0] if recurrence else None,
            values=values,
            attendees=attendees_of(comp),
            piece=piece,
        )

    # -- tasks ---------------------------------------------------------------------------

    def task(self, piece: Piece) -> TaskData:
        comp = self._component(piece)
        due = self._value(piece, "DUE")
        start = self._value(piece, "DTSTART")
        duration = self._duration(piece, "DURATION")
        user_zone = self.zones.user_zone
        start_at = None
        if start is not None:
            start_at = (
                aware(start, ZoneInfo(self._zone_name(piece, "DTSTART", start)))
                if isinstance(start, datetime)
                else datetime.combine(start, time(), user_zone)
            )
        if due is None and start_at is not None and duration is not None:
            due = start_at + duration
        due_date, due_at = None, None
        if isinstance(due, datetime):
            due_at = aware(due, ZoneInfo(self._zone_name(piece, "DUE", due))).astimezone(UTC)
        elif isinstance(due, date):
            due_date = due
        if start_at is not None and due_at is not None and due_at < start_at:
            raise ComponentError(piece.line_of("DUE"), f"{piece.label} has DUE before DTSTART")
        status = TASK_STATUSES.get(str(comp.get("STATUS", "")).upper(), "todo")
        completed = self._value(piece, "COMPLETED")
        if completed is not None and "STATUS" not in comp:
            status = "done"
        completed_at = None
        if status == "done":
            completed_at = (
                aware(completed, UTC).astimezone(UTC)
                if isinstance(completed, datetime)
                else self.now
            )
        values: dict[str, Any] = {
            "title": self._text(piece, "SUMMARY", 500) or "Untitled task",
            "notes": self._text(piece, "DESCRIPTION", 100_000),
            "status": status,
            "priority": priority_of(piece),
            "due_date": due_date,
            "due_at": due_at,
            "start_at": start_at.astimezone(UTC) if start_at else None,
            "completed_at": completed_at,
            "tags": tags_of(piece),
            "recurrence": self._rrule(piece),
            "repeat_from": "completion"
            if str(comp.get("X-ATRIUM-REPEAT-FROM", "")).lower() == "completion"
            else "due",
            "estimate_minutes": self._estimate(piece),
            "reminders": task_reminders(comp, due_at or due_date, start_at),
        }
        return TaskData(uid_of(piece), values, parent_uid(comp), piece)
