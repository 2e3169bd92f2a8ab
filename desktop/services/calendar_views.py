"""What the calendar service hands out and takes in, and the checks on its small fields.

`EventView` (an event or series as stored), `Occurrence` (one occurrence in a
range), `EventDraft` (a new event); attendee addresses, transparency and edit
scopes are checked here with messages that say what to use instead.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.services.calendar_series import SCOPES

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


def check_scope(scope: str) -> str:
    """An edit scope: this, following or all."""
    if scope not in SCOPES:
        raise UserError(f"'{scope}' is not a scope; use this, following or all")
    return scope


def parse_attendee(email: str) -> dict[str, str]:
    """The email and name columns of an attendee given as `a@b.c` or `Name <a@b.c>`."""
    address = email.strip()
    name = ""
    if "<" in address and address.endswith(">"):
        name, _, address = address[:-1].partition("<")
        name, address = name.strip().strip('"'), address.strip()
    local, at, domain = address.partition("@")
    if not at or not local or "." not in domain or any(c.isspace() for c in address):
        raise UserError(f"'{email}' is not an email address")
    return {"email": address.lower(), "name": name}


def check_transparency(value: str) -> str:
    """opaque (busy) or transparent (free)."""
    if value not in ("opaque", "transparent"):
        raise UserError("transparency is opaque (busy) or transparent (free)")
    return value
