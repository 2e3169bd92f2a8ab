"""Calendar events (with RFC 5545 recurrence and overrides) and their attendees."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base, Synced


class CalendarEvent(Synced, Base):
    """An event or a recurring series.

    Timed events use `start_at`/`end_at` (instants); all-day events use
    `start_date`/`end_date` (end exclusive). An overridden occurrence is its own
    row with `series_id` pointing at the series and `recurrence_id` holding the
    original start of the occurrence it replaces (ISO text, as in iCalendar).
    """

    __tablename__ = "calendar_events"
    __table_args__ = (
        CheckConstraint(
            "(all_day AND start_date IS NOT NULL AND end_date IS NOT NULL) OR "
            "(NOT all_day AND start_at IS NOT NULL AND end_at IS NOT NULL)",
            name="span",
        ),
        CheckConstraint("transparency IN ('opaque', 'transparent')", name="transparency"),
        CheckConstraint("status IN ('confirmed', 'tentative', 'cancelled')", name="status"),
        Index(None, "owner_id", "start_at", "end_at"),
        Index(None, "owner_id", "start_date", "end_date"),
        Index(None, "owner_id", "rrule"),  # the few recurring series among many events
        Index(None, "owner_id", "series_id"),
        Index(None, "owner_id", "uid"),
    )

    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(String(500), default="")
    all_day: Mapped[bool] = mapped_column(default=False)
    start_at: Mapped[datetime | None]
    end_at: Mapped[datetime | None]
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]
    time_zone: Mapped[str] = mapped_column(String(64))
    rrule: Mapped[str | None] = mapped_column(String(500))
    exdates: Mapped[list[str]] = mapped_column(default=list)
    rdates: Mapped[list[str]] = mapped_column(default=list)
    series_id: Mapped[uuid.UUID | None]
    recurrence_id: Mapped[str | None] = mapped_column(String(40))
    transparency: Mapped[str] = mapped_column(String(12), default="opaque")
    status: Mapped[str] = mapped_column(String(12), default="confirmed")
    reminders: Mapped[list[int]] = mapped_column(default=list)
    uid: Mapped[str | None] = mapped_column(String(255))
    calendar: Mapped[str] = mapped_column(String(100), default="personal")
    integration_id: Mapped[uuid.UUID | None]
    task_id: Mapped[uuid.UUID | None]


class Attendee(Synced, Base):
    """A person invited to an event."""

    __tablename__ = "attendees"
    __table_args__ = (
        CheckConstraint("role IN ('chair', 'required', 'optional')", name="role"),
        CheckConstraint(
            "response IN ('needs-action', 'accepted', 'declined', 'tentative')", name="response"
        ),
        Index(None, "owner_id", "event_id"),
    )

    event_id: Mapped[uuid.UUID]
    email: Mapped[str] = mapped_column(String(320))
    name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(12), default="required")
    response: Mapped[str] = mapped_column(String(16), default="needs-action")
