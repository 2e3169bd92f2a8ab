"""What the user did with a reminder: fired, snoozed or dismissed, synced across devices."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Index, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base, Synced

REMINDER_STATES = ("fired", "snoozed", "dismissed")


class ReminderState(Synced, Base):
    """One reminder of one occurrence of a task or event, once it has been shown.

    Its id is derived from (owner, item, occurrence, offset), so two devices that
    fire the same reminder write the same row and sync merges them.
    """

    __tablename__ = "reminder_states"
    __table_args__ = (
        CheckConstraint("item_kind IN ('task', 'event')", name="item_kind"),
        CheckConstraint("state IN ('fired', 'snoozed', 'dismissed')", name="state"),
        Index(None, "owner_id", "item_id"),
    )

    item_kind: Mapped[str] = mapped_column(String(8))
    item_id: Mapped[uuid.UUID]
    occurrence: Mapped[str] = mapped_column(String(40))
    offset_minutes: Mapped[int] = mapped_column(SmallInteger)
    state: Mapped[str] = mapped_column(String(12))
    snoozed_until: Mapped[datetime | None]
