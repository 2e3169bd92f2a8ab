"""Turning a parsed VEVENT or VTODO into the values of an Atrium row.

Each function takes a `Piece` (the component and its line numbers) and returns
the column values, or raises `ComponentError` naming the line and the component, e.g.
"line 14: VEVENT 'Standup' has DTEND before DTSTART". Timed values are stored as
UTC instants with the IANA name of their zone; floating times are read in the
user's zone; all-day values stay dates. Reminders are minutes before the start
(or due), counted from 09:00 on all-day items, as the reminder service does.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Component

from desktop.core.errors import UserError
from desktop.core.recurrence import check_rrule, occurrence_key
from desktop.services.base import clean_tags
from desktop.services.ical.reading import Piece
from desktop.services.ical.zones import ZoneResolver

ALL_DAY_ANCHOR_MINUTES = 9 * 60
# The rule of an event that repeats only on its RDATEs (DTSTART, then the RDATEs).
RDATES_ONLY = "FREQ=DAILY;COUNT=1"
MAX_REMINDER_MINUTES = 60 * 24 * 60
ROLES = {"CHAIR": "chair", "REQ-PARTICIPANT": "required", "OPT-PARTICIPANT": "optional"}
RESPONSES = {"ACCEPTED": "accepted", "DECLINED": "declined", "TENTATIVE": "tentative"}
TASK_STATUSES = {
    "NEEDS-ACTION": "todo",
    "IN-PROCESS": "in_progress",
    "COMPLETED": "done",
    "CANCELLED": "cancelled",
}


class ComponentError(Exception):
    """One thing wrong with one component, at one line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


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


class Reader:
    """Reads components against one user zone and one set of VTIMEZONE definitions."""

    def __init__(self, resolver: ZoneResolver, now: datetime) -> None:
        self.zones = resolver
        self.now = now

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
            "status": _status(comp),
            "transparency": "transparent"
            if str(comp.get("TRANSP", "")).upper() == "TRANSPARENT"
            else "opaque",
        }
        if all_day:
            assert isinstance(start, date)
            last = _end_date(piece, start, end, duration)
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
            begin = _aware(start, zone)
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
        values["reminders"] = _reminders(comp, start, length, all_day)
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
            uid=_uid(piece),
            recurrence_id=recurrence[0] if recurrence else None,
            values=values,
            attendees=_attendees(comp),
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
                _aware(start, ZoneInfo(self._zone_name(piece, "DTSTART", start)))
                if isinstance(start, datetime)
                else datetime.combine(start, time(), user_zone)
            )
        if due is None and start_at is not None and duration is not None:
            due = start_at + duration
        due_date, due_at = None, None
        if isinstance(due, datetime):
            due_at = _aware(due, ZoneInfo(self._zone_name(piece, "DUE", due))).astimezone(UTC)
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
                _aware(completed, UTC).astimezone(UTC)
                if isinstance(completed, datetime)
                else self.now
            )
        values: dict[str, Any] = {
            "title": self._text(piece, "SUMMARY", 500) or "Untitled task",
            "notes": self._text(piece, "DESCRIPTION", 100_000),
            "status": status,
            "priority": _priority(piece),
            "due_date": due_date,
            "due_at": due_at,
            "start_at": start_at.astimezone(UTC) if start_at else None,
            "completed_at": completed_at,
            "tags": _tags(piece),
            "recurrence": self._rrule(piece),
            "repeat_from": "completion"
            if str(comp.get("X-ATRIUM-REPEAT-FROM", "")).lower() == "completion"
            else "due",
            "estimate_minutes": self._estimate(piece),
            "reminders": _task_reminders(comp, due_at or due_date, start_at),
        }
        return TaskData(_uid(piece), values, _parent_uid(comp), piece)

    # -- helpers -------------------------------------------------------------------------

    def _component(self, piece: Piece) -> Component:
        comp = piece.component
        assert comp is not None
        for part in comp.walk():
            for name, message in getattr(part, "errors", ()):
                if not str(name).upper().startswith("X-"):
                    raise ComponentError(
                        piece.line_of(str(name).upper()),
                        f"{piece.label} has a bad {name} ({' '.join(str(message).split())})",
                    )
        return comp

    def _value(self, piece: Piece, name: str) -> date | datetime | None:
        assert piece.component is not None
        prop = piece.component.get(name)
        if prop is None:
            return None
        if isinstance(prop, list):
            raise ComponentError(piece.line_of(name), f"{piece.label} has more than one {name}")
        value = getattr(prop, "dt", None)
        if not isinstance(value, (date, datetime)):
            raise ComponentError(
                piece.line_of(name), f"{piece.label} has a {name} that is not a date"
            )
        if isinstance(value, datetime) and value.tzinfo is None and "TZID" in prop.params:
            tzid = prop.params["TZID"]
            raise ComponentError(
                piece.line_of(name),
                f"{piece.label} uses the time zone '{tzid}', which the file does not define "
                "and which is not a known zone name",
            )
        return value

    def _duration(self, piece: Piece, name: str) -> timedelta | None:
        assert piece.component is not None
        prop = piece.component.get(name)
        value = getattr(prop, "dt", None) if prop is not None else None
        if prop is not None and not isinstance(value, timedelta):
            raise ComponentError(
                piece.line_of(name), f"{piece.label} has a {name} that is not a duration"
            )
        if value is not None and value < timedelta():
            raise ComponentError(piece.line_of(name), f"{piece.label} has a negative {name}")
        return value

    def _zone_name(self, piece: Piece, name: str, value: datetime) -> str:
        found = self.zones.name_of(value)
        if found is None:
            raise ComponentError(
                piece.line_of(name),
                f"{piece.label} uses a time zone that matches no known zone; "
                "export it again with IANA zone names",
            )
        return found

    def _end_instant(
        self,
        piece: Piece,
        begin: datetime,
        end: date | datetime | None,
        duration: timedelta | None,
        zone: ZoneInfo,
    ) -> datetime:
        if end is not None and duration is not None:
            raise ComponentError(
                piece.line_of("DURATION"), f"{piece.label} has both DTEND and DURATION"
            )
        if end is None:
            return begin + (duration or timedelta())
        if not isinstance(end, datetime):
            raise ComponentError(
                piece.line_of("DTEND"),
                f"{piece.label} has a DTEND that is a date while DTSTART has a time",
            )
        finish = _aware(end, ZoneInfo(self._zone_name(piece, "DTEND", end)))
        if end.tzinfo is None:
            finish = end.replace(tzinfo=zone)
        if finish < begin:
            raise ComponentError(piece.line_of("DTEND"), f"{piece.label} has DTEND before DTSTART")
        return finish

    def _text(self, piece: Piece, name: str, limit: int) -> str:
        assert piece.component is not None
        value = piece.component.get(name)
        if isinstance(value, list):
            value = value[0]
        text = str(value).strip() if value is not None else ""
        if len(text) > limit:
            raise ComponentError(
                piece.line_of(name), f"{piece.label} has a {name} longer than {limit} characters"
            )
        return text

    def _rrule(self, piece: Piece) -> str | None:
        assert piece.component is not None
        prop = piece.component.get("RRULE")
        if prop is None:
            return None
        if isinstance(prop, list):
            raise ComponentError(
                piece.line_of("RRULE"), f"{piece.label} has more than one RRULE; keep one"
            )
        body = prop.to_ical().decode()
        try:
            return check_rrule(body)
        except UserError as exc:
            raise ComponentError(piece.line_of("RRULE"), f"{piece.label}: {exc}") from None

    def _dates(self, piece: Piece, name: str) -> list[Any]:
        assert piece.component is not None
        prop = piece.component.get(name)
        if prop is None:
            return []
        found: list[Any] = []
        for item in prop if isinstance(prop, list) else [prop]:
            dts = getattr(item, "dts", None)
            if dts is None:
                dts = [item]
            for entry in dts:
                value = getattr(entry, "dt", None)
                if isinstance(value, tuple):  # a PERIOD: its start
                    value = value[0]
                if not isinstance(value, (date, datetime)):
                    raise ComponentError(
                        piece.line_of(name), f"{piece.label} has a {name} that is not a date"
                    )
                found.append(value)
        return found

    def _keys(self, piece: Piece, name: str, start: date | datetime, zone: ZoneInfo) -> list[str]:
        keys = []
        for value in self._dates(piece, name):
            if not isinstance(start, datetime):
                day = value.astimezone(zone).date() if isinstance(value, datetime) else value
                keys.append(occurrence_key(day))
            elif isinstance(value, datetime):
                keys.append(occurrence_key(_aware(value, zone)))
            else:
                local = start.astimezone(zone) if start.tzinfo else start
                keys.append(occurrence_key(datetime.combine(value, local.time(), zone)))
        return sorted(set(keys))

    def _rdates(self, piece: Piece, start: date | datetime, zone: ZoneInfo) -> list[str]:
        result = []
        for value in self._dates(piece, "RDATE"):
            if not isinstance(start, datetime):
                day = value.astimezone(zone).date() if isinstance(value, datetime) else value
                result.append(day.isoformat())
            elif isinstance(value, datetime):
                result.append(_aware(value, zone).astimezone(UTC).isoformat())
            else:
                local = start.astimezone(zone) if start.tzinfo else start
                moment = datetime.combine(value, local.time(), zone)
                result.append(moment.astimezone(UTC).isoformat())
        return sorted(set(result))

    def _estimate(self, piece: Piece) -> int | None:
        assert piece.component is not None
        for name in ("ESTIMATED-DURATION", "X-ATRIUM-ESTIMATE"):
            prop = piece.component.get(name)
            if prop is None:
                continue
            try:
                value = _duration_text(str(prop))
            except ValueError:
                raise ComponentError(
                    piece.line_of(name), f"{piece.label} has a {name} that is not a duration"
                ) from None
            minutes = int(value.total_seconds() // 60)
            return minutes if 0 < minutes <= 100_000 else None
        return None


def _duration_text(text: str) -> timedelta:
    from icalendar import vDuration

    value = vDuration.from_ical(text)  # type: ignore[no-untyped-call]
    if not isinstance(value, timedelta):
        raise ValueError(text)
    return value


def _aware(value: datetime, zone: Any) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


def _uid(piece: Piece) -> str:
    assert piece.component is not None
    uid = str(piece.component.get("UID", "")).strip()
    if uid:
        if len(uid) > 255:
            raise ComponentError(
                piece.line_of("UID"), f"{piece.label} has a UID longer than 255 characters"
            )
        return uid
    # No UID: one derived from the content, so importing the same file again updates.
    digest = hashlib.sha1(piece.raw().encode(), usedforsecurity=False).hexdigest()
    return f"{digest}@import.atrium"


def _end_date(
    piece: Piece, start: date, end: date | datetime | None, duration: timedelta | None
) -> date:
    if end is None:
        days = max(1, duration.days) if duration is not None else 1
        return start + timedelta(days=days)
    if isinstance(end, datetime):
        raise ComponentError(
            piece.line_of("DTEND"), f"{piece.label} has a DTEND with a time while DTSTART is a date"
        )
    if end < start:
        raise ComponentError(piece.line_of("DTEND"), f"{piece.label} has DTEND before DTSTART")
    return end if end > start else start + timedelta(days=1)


def _status(comp: Component) -> str:
    status = str(comp.get("STATUS", "")).lower()
    return status if status in ("tentative", "cancelled") else "confirmed"


def _attendees(comp: Component) -> list[dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    raw = comp.get("ATTENDEE", [])
    for prop in raw if isinstance(raw, list) else [raw]:
        email = _email(prop)
        if email is None or email in found:
            continue
        params = getattr(prop, "params", {})
        found[email] = {
            "email": email,
            "name": str(params.get("CN", "")).strip()[:200],
            "role": ROLES.get(str(params.get("ROLE", "REQ-PARTICIPANT")).upper(), "optional"),
            "response": RESPONSES.get(str(params.get("PARTSTAT", "")).upper(), "needs-action"),
        }
    organizer = comp.get("ORGANIZER")
    email = _email(organizer) if organizer is not None else None
    if email is not None and email not in found:
        found[email] = {
            "email": email,
            "name": str(organizer.params.get("CN", "")).strip()[:200],
            "role": "chair",
            "response": "accepted",
        }
    return list(found.values())


def _email(prop: Any) -> str | None:
    text = str(prop).strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    text = text.strip().lower()
    local, at, domain = text.partition("@")
    if not at or not local or "." not in domain or any(c.isspace() for c in text):
        return None
    return text[:320]


def _alarm_triggers(comp: Component) -> list[tuple[Any, str]]:
    triggers = []
    for alarm in comp.walk("VALARM"):
        prop = alarm.get("TRIGGER")
        if prop is None:
            continue
        triggers.append((prop.dt, str(prop.params.get("RELATED", "START")).upper()))
    return triggers


def _reminders(
    comp: Component, start: date | datetime, length: timedelta, all_day: bool
) -> list[int]:
    """Minutes before the start (09:00 on all-day events); alarms after it are dropped."""
    minutes = set()
    for value, related in _alarm_triggers(comp):
        if isinstance(value, timedelta):
            offset = -(value + length if related == "END" else value)
            before = int(offset.total_seconds() // 60)
            if all_day:
                before += ALL_DAY_ANCHOR_MINUTES
        elif isinstance(value, datetime) and isinstance(start, datetime):
            before = int((start - _aware(value, UTC)).total_seconds() // 60)
        else:
            continue
        if 0 <= before <= MAX_REMINDER_MINUTES:
            minutes.add(before)
    return sorted(minutes)


def _task_reminders(
    comp: Component, due: date | datetime | None, start: datetime | None
) -> list[int]:
    """Minutes before the due time (09:00 on a due date); RELATED=START counts from DTSTART."""
    if due is None:
        return []
    minutes = set()
    for value, related in _alarm_triggers(comp):
        if not isinstance(value, timedelta):
            continue
        before = int(-value.total_seconds() // 60)
        if related == "START" and start is not None and isinstance(due, datetime):
            before += int((due - start).total_seconds() // 60)
        elif not isinstance(due, datetime):
            before += ALL_DAY_ANCHOR_MINUTES
        if 0 <= before <= MAX_REMINDER_MINUTES:
            minutes.add(before)
    return sorted(minutes)


def _priority(piece: Piece) -> int:
    """RFC 5545 1 (highest) .. 9 (lowest), 0 undefined, as Atrium's low..urgent (0..3)."""
    assert piece.component is not None
    raw = piece.component.get("PRIORITY")
    if raw is None:
        return 1
    try:
        value = int(str(raw))
    except ValueError:
        value = -1
    if not 0 <= value <= 9:
        raise ComponentError(
            piece.line_of("PRIORITY"), f"{piece.label} has a PRIORITY that is not 0 to 9"
        )
    if value == 0 or value == 5:
        return 1
    if value == 1:
        return 3
    return 2 if value < 5 else 0


def _tags(piece: Piece) -> list[str]:
    assert piece.component is not None
    raw = piece.component.get("CATEGORIES")
    names: list[str] = []
    for prop in raw if isinstance(raw, list) else ([raw] if raw is not None else []):
        names.extend(str(c) for c in getattr(prop, "cats", []))
    cleaned = ["-".join(name.split())[:64] for name in names if name.strip()]
    try:
        return clean_tags(cleaned)
    except UserError as exc:
        raise ComponentError(piece.line_of("CATEGORIES"), f"{piece.label}: {exc}") from None


def _parent_uid(comp: Component) -> str | None:
    raw = comp.get("RELATED-TO")
    for prop in raw if isinstance(raw, list) else ([raw] if raw is not None else []):
        if str(prop.params.get("RELTYPE", "PARENT")).upper() == "PARENT":
            return str(prop).strip() or None
    return None
