"""Markdown notes and their links to tasks, events and projects."""

from __future__ import annotations

import uuid

from sqlalchemy import CheckConstraint, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base, Synced

LINK_KINDS = ("task", "event", "project", "message", "note")


class Note(Synced, Base):
    """A note with a Markdown body."""

    __tablename__ = "notes"

    title: Mapped[str] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(default=list)
    pinned: Mapped[bool] = mapped_column(default=False)
    archived: Mapped[bool] = mapped_column(default=False)


class NoteLink(Synced, Base):
    """A link from a note to another record (one row per link, so links merge)."""

    __tablename__ = "note_links"
    __table_args__ = (
        CheckConstraint(
            "target_kind IN ('task', 'event', 'project', 'message', 'note')", name="target_kind"
        ),
        Index(None, "owner_id", "note_id"),
        Index(None, "owner_id", "target_id"),
    )

    note_id: Mapped[uuid.UUID]
    target_kind: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[uuid.UUID]
    label: Mapped[str] = mapped_column(Text, default="")
