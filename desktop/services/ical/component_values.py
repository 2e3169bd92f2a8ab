"""Row values taken from a whole iCalendar component: UID, end date, status, attendees,
reminders, priority, tags and parent.

Reminders are minutes before the start (or due), counted from 09:00 on all-day
items, as the reminder service does; alarms after the start are dropped.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from typing import Any

from icalendar import Component

from desktop.core.errors import UserError
from desktop.services.base import clean_tags
from desktop.services.ical.property_reader import ComponentError, aware
from desktop.services.ical.reading import Piece

ALL_DAY_ANCHOR_MINUTES = 9 * 60
MAX_REMINDER_MINUTES = 60 * 24 * 60
ROLES = {"CHAIR": "chair", "REQ-PARTICIPANT": "required", "OPT-PARTICIPANT": "optional"}
RESPONSES = {"ACCEPTED": "accepted", "DECLINED": "declined", "TENTATIVE": "tentative"}


def uid_of(piece: Piece) -> str:
    """The UID, or one derived from the content when the component has none."""
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


def end_date(
    piece: Piece, start: date, end: date | datetime | None, duration: timedelta | None
) -> date:
    """The exclusive end date of an all-day event (a day after the start when none is given)."""
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


def event_status(comp: Component) -> str:
    """confirmed, tentative or cancelled (anything else reads as confirmed)."""
    status = str(comp.get("STATUS", "")).lower()
    return status if status in ("tentative", "cancelled") else "confirmed"


def attendees_of(comp: Component) -> list[dict[str, str]]:
    """The attendee rows (ATTENDEE, and the ORGANIZER as chair), one per address."""
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


def event_reminders(
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
            before = int((start - aware(value, UTC)).total_seconds() // 60)
        else:
            continue
        if 0 <= before <= MAX_REMINDER_MINUTES:
            minutes.add(before)
    return sorted(minutes)


def task_reminders(
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


def priority_of(piece: Piece) -> int:
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


def tags_of(piece: Piece) -> list[str]:
    """The CATEGORIES as tags (spaces joined by dashes)."""
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


def parent_uid(comp: Component) -> str | None:
    """The UID of the parent task (RELATED-TO with RELTYPE=PARENT, the default)."""
    raw = comp.get("RELATED-TO")
    for prop in raw if isinstance(raw, list) else ([raw] if raw is not None else []):
        if str(prop.params.get("RELTYPE", "PARENT")).upper() == "PARENT":
            return str(prop).strip() or None
    return None
