"""Tasks with subtasks, due dates or instants, estimates, tags and recurrence."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Index, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base, Synced

TASK_STATUSES = ("todo", "in_progress", "done", "cancelled")
PRIORITIES = ("low", "medium", "high", "urgent")


class Task(Synced, Base):
    """A task. `due_date` (a day) and `due_at` (an instant) are exclusive."""

    __tablename__ = "tasks"
    __table_args__ = (
        CheckConstraint("status IN ('todo', 'in_progress', 'done', 'cancelled')", name="status"),
        CheckConstraint("priority BETWEEN 0 AND 3", name="priority"),
        CheckConstraint("due_date IS NULL OR due_at IS NULL", name="one_due"),
        Index(None, "owner_id", "status", "sort_key"),
        Index(None, "owner_id", "due_date"),
        Index(None, "owner_id", "due_at"),
        Index(None, "owner_id", "parent_id"),
        Index(None, "owner_id", "project_id"),
        Index(None, "owner_id", "uid"),
    )

    title: Mapped[str] = mapped_column(String(500))
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="todo")
    priority: Mapped[int] = mapped_column(SmallInteger, default=1)
    due_date: Mapped[date | None]
    due_at: Mapped[datetime | None]
    start_at: Mapped[datetime | None]
    estimate_minutes: Mapped[int | None]
    completed_at: Mapped[datetime | None]
    parent_id: Mapped[uuid.UUID | None]
    project_id: Mapped[uuid.UUID | None]
    tags: Mapped[list[str]] = mapped_column(default=list)
    sort_key: Mapped[str] = mapped_column(String(64))
    recurrence: Mapped[str | None] = mapped_column(String(500))
    repeat_from: Mapped[str] = mapped_column(String(16), default="due")
    reminders: Mapped[list[int]] = mapped_column(default=list)
    # The iCalendar UID (VTODO): a re-import updates the task instead of duplicating it.
    uid: Mapped[str | None] = mapped_column(String(255))
