"""Checks on what a task may hold: priority, status, due, estimate, rule, project.

Each check returns the cleaned value to store or raises a `UserError` that says what
is wrong and what to use instead; `validated` runs them all over a `TaskDraft`.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.core.ids import new_id
from desktop.services.base import check_reminders, clean_tags, clean_text, get_live, require_id
from desktop.services.task_recurrence import check_repeat_from
from desktop.services.task_views import Due, TaskDraft
from desktop.store.models import PRIORITIES, TASK_STATUSES, DevProject, Task


def priority_value(name: str) -> int:
    """'low'..'urgent' as 0..3; UserError for anything else."""
    try:
        return PRIORITIES.index(name.strip().lower())
    except ValueError:
        raise UserError(f"'{name}' is not a priority; use one of {', '.join(PRIORITIES)}") from None


def check_status(name: str) -> str:
    """A task status in its stored form ('in-progress' -> 'in_progress'); UserError if unknown."""
    status = name.strip().lower().replace("-", "_")
    if status not in TASK_STATUSES:
        raise UserError(f"'{name}' is not a task status; use one of {', '.join(TASK_STATUSES)}")
    return status


def validated(
    session: Session,
    draft: TaskDraft,
    now: datetime,
    known_parents: set[uuid.UUID] | None = None,
) -> dict[str, Any]:
    """The column values of a new task from `draft` (`now` stamps one created done).

    The parent must exist; `known_parents` (for a batch) remembers those already checked.
    """
    due_date, due_at = split_due(draft.due)
    status = check_status(draft.status)
    values: dict[str, Any] = {
        "title": clean_text(draft.title, "title", limit=500, required=True),
        "notes": clean_text(draft.notes, "notes", limit=100_000),
        "priority": priority_value(draft.priority),
        "status": status,
        "due_date": due_date,
        "due_at": due_at,
        "start_at": check_instant(draft.start, "start"),
        "estimate_minutes": check_estimate(draft.estimate_minutes),
        "tags": clean_tags(draft.tags),
        "recurrence": check_rrule(draft.recurrence),
        "repeat_from": check_repeat_from(draft.repeat_from),
        "reminders": check_reminders(draft.reminders),
        "project_id": check_project(session, draft.project_id),
        "completed_at": now if status == "done" else None,
    }
    parent = require_id(draft.parent_id, "task") if draft.parent_id else None
    if parent is not None and (known_parents is None or parent not in known_parents):
        get_live(session, Task, parent, "parent task")
        if known_parents is not None:
            known_parents.add(parent)
    values["parent_id"] = parent
    return values


def split_due(due: Due | None) -> tuple[date | None, datetime | None]:
    """A due as the (due_date, due_at) columns: a day, or an aware instant."""
    if due is None:
        return None, None
    if isinstance(due, datetime):
        if due.tzinfo is None:
            raise UserError("a due time needs a time zone")
        return None, due
    return due, None


def check_instant(value: datetime | None, field: str) -> datetime | None:
    """`value` if it is None or aware; naive times are refused."""
    if value is not None and value.tzinfo is None:
        raise UserError(f"the {field} time needs a time zone")
    return value


def check_estimate(minutes: int | None) -> int | None:
    """An estimate in minutes, from 1 to 100,000, or None."""
    if minutes is None:
        return None
    if not 0 < minutes <= 100_000:
        raise UserError("an estimate must be between 1 minute and about 10 weeks")
    return int(minutes)


def check_rrule(rule: str | None) -> str | None:
    """A valid RRULE, or None for no rule (an empty one too)."""
    if not rule:
        return None
    from desktop.core.recurrence import check_rrule

    return check_rrule(rule)


def check_project(session: Session, project: str | uuid.UUID | None) -> uuid.UUID | None:
    """The id of a live project, or None for no project."""
    if not project:
        return None
    return get_live(session, DevProject, project, "project").id


def with_defaults(values: dict[str, Any]) -> dict[str, Any]:
    """`values` with the columns a bulk insert must name itself (and a new id)."""
    values.setdefault("repeat_from", "due")
    values.setdefault("reminders", [])
    values.setdefault("uid", None)
    values["id"] = values.get("id") or new_id()
    return values
