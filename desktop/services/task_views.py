"""What the task service hands out and takes in: views, drafts, filters and counts.

Plain dataclasses (and `to_view`, which makes a `TaskView` of a stored row), shared
by every surface: the panes, the CLI, actions and agents.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from desktop.core.changes import Changes
from desktop.store.models import PRIORITIES, Task

TASKS = Changes(tasks=True)
OPEN_STATUSES = ("todo", "in_progress")
LIST_STATUSES = ("open", "done", "cancelled", "all")
Due = date | datetime


@dataclass(frozen=True)
class TaskView:
    """A task as every surface sees it."""

    id: uuid.UUID
    title: str
    notes: str
    status: str
    priority: str
    due: Due | None
    start: datetime | None
    estimate_minutes: int | None
    completed_at: datetime | None
    parent_id: uuid.UUID | None
    project_id: uuid.UUID | None
    tags: tuple[str, ...]
    recurrence: str | None
    created_at: datetime
    updated_at: datetime
    repeat_from: str = "due"
    reminders: tuple[int, ...] = ()


@dataclass
class TaskDraft:
    """What a new task needs; everything but the title is optional."""

    title: str
    notes: str = ""
    priority: str = "medium"
    due: Due | None = None
    start: datetime | None = None
    estimate_minutes: int | None = None
    parent_id: uuid.UUID | str | None = None
    project_id: uuid.UUID | str | None = None
    tags: list[str] = field(default_factory=list)
    recurrence: str | None = None
    status: str = "todo"
    repeat_from: str = "due"
    reminders: list[int] = field(default_factory=list)  # minutes before the due


@dataclass
class TaskFilter:
    """Which tasks to list."""

    status: str = "open"
    tag: str | None = None
    search: str | None = None
    due_before: Due | None = None
    parent_id: uuid.UUID | None = None
    project_id: uuid.UUID | None = None
    limit: int | None = None
    offset: int = 0
    due_after: Due | None = None  # due at or after this (a day: from its start)
    roots_only: bool = False  # leave out subtasks
    order: str = "due"  # or "manual": the drag-to-reorder order
    no_project: bool = False  # only tasks outside every project
    untagged: bool = False  # only tasks without tags
    also_tag: str | None = None  # a second tag the tasks must carry (a tag group)


@dataclass(frozen=True)
class ProjectCount:
    """How many tasks of a filter belong to a project (`project_id` None: to none)."""

    project_id: uuid.UUID | None
    name: str | None  # None for no project, or a project since deleted
    count: int


@dataclass(frozen=True)
class TagCount:
    """How many tasks of a filter carry a tag (`tag` None: no tag at all)."""

    tag: str | None
    count: int


@dataclass(frozen=True)
class TaskStats:
    """Counts for the Today pane and `task stats`."""

    open: int
    in_progress: int
    done: int
    cancelled: int
    overdue: int
    due_today: int
    completed_last_7_days: int


UNSET: Any = object()  # update(): a field not given, as opposed to None (cleared)


def to_view(row: Task) -> TaskView:
    """The view of a stored task row."""
    return TaskView(
        id=row.id,
        title=row.title,
        notes=row.notes,
        status=row.status,
        priority=PRIORITIES[row.priority],
        due=row.due_at if row.due_at is not None else row.due_date,
        start=row.start_at,
        estimate_minutes=row.estimate_minutes,
        completed_at=row.completed_at,
        parent_id=row.parent_id,
        project_id=row.project_id,
        tags=tuple(row.tags or ()),
        recurrence=row.recurrence,
        created_at=row.created_at,
        updated_at=row.updated_at,
        repeat_from=row.repeat_from or "due",
        reminders=tuple(row.reminders or ()),
    )
