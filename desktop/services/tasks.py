"""Tasks: create (one or many), update, complete, move, delete; reading is in `task_queries`.

`TaskService` is what the container exposes as `services.tasks`. The dataclasses it
takes and returns live in `task_views` and the checks on its fields in `task_checks`;
they are re-exported here, where most callers import them from.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.core.sortkey import between, sequence
from desktop.services.base import (
    Outcome,
    check_reminders,
    clean_tags,
    clean_text,
    get_live,
    live,
)
from desktop.services.task_checks import (
    check_estimate,
    check_project,
    check_rrule,
    check_status,
    priority_value,
    split_due,
    validated,
    with_defaults,
)
from desktop.services.task_queries import TaskQueries
from desktop.services.task_recurrence import check_repeat_from, next_round
from desktop.services.task_views import (
    LIST_STATUSES,
    OPEN_STATUSES,
    TASKS,
    UNSET,
    Due,
    ProjectCount,
    TagCount,
    TaskDraft,
    TaskFilter,
    TaskStats,
    TaskView,
    to_view,
)
from desktop.store.models import Task
from desktop.store.uow import UnitOfWork

__all__ = [
    "LIST_STATUSES",
    "OPEN_STATUSES",
    "TASKS",
    "UNSET",
    "Due",
    "ProjectCount",
    "TagCount",
    "TaskDraft",
    "TaskFilter",
    "TaskService",
    "TaskStats",
    "TaskView",
    "check_status",
    "priority_value",
    "to_view",
]


class TaskService(TaskQueries):
    """Use cases on tasks: the writing ones here, the reading ones inherited."""

    # -- writing -----------------------------------------------------------------------

    def add(self, draft: TaskDraft) -> Outcome[TaskView]:
        with self.ctx.store.unit_of_work() as uow:
            values = validated(uow.s, draft, self.ctx.now())
            values["sort_key"] = between(self._last_sort_key(uow.s), None)
            row = Task(**values)
            uow.s.add(row)
            uow.commit()
            return Outcome(to_view(row), TASKS)

    def add_many(self, drafts: Sequence[TaskDraft]) -> Outcome[int]:
        """Create many tasks in one transaction (imports, seeding, agents)."""
        if not drafts:
            return Outcome(0, Changes())
        with self.ctx.store.unit_of_work() as uow:
            session = uow.s
            keys = sequence(len(drafts), self._last_sort_key(session))
            known_parents: set[uuid.UUID] = set()
            rows = []
            for draft, key in zip(drafts, keys, strict=True):
                values = validated(session, draft, self.ctx.now(), known_parents)
                values["sort_key"] = key
                rows.append(uow.stamp_insert(with_defaults(values)))
            for start in range(0, len(rows), 2000):
                session.execute(insert(Task), rows[start : start + 2000])
            uow.commit()
        return Outcome(len(rows), TASKS)

    def update(
        self,
        task_id: str | uuid.UUID,
        *,
        title: str | None = None,
        notes: str | None = None,
        status: str | None = None,
        priority: str | None = None,
        due: Any = UNSET,
        estimate_minutes: Any = UNSET,
        tags: list[str] | None = None,
        parent_id: Any = UNSET,
        project_id: Any = UNSET,
        recurrence: Any = UNSET,
        repeat_from: str | None = None,
        reminders: list[int] | None = None,
    ) -> Outcome[TaskView]:
        """Change the given fields; `due=None` clears the due date, `recurrence=None` the rule.

        Marking a recurring task done repeats it (see `_repeat`).
        """
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, Task, task_id, "task")
            if title is not None:
                row.title = clean_text(title, "title", limit=500, required=True)
            if notes is not None:
                row.notes = clean_text(notes, "notes", limit=100_000)
            if reminders is not None:
                row.reminders = check_reminders(reminders)
            if priority is not None:
                row.priority = priority_value(priority)
            if due is not UNSET:
                row.due_date, row.due_at = split_due(due)
            if estimate_minutes is not UNSET:
                row.estimate_minutes = check_estimate(estimate_minutes)
            if tags is not None:
                row.tags = clean_tags(tags)
            if parent_id is not UNSET:
                row.parent_id = self._check_parent(uow.s, parent_id, row.id)
            if project_id is not UNSET:
                row.project_id = check_project(uow.s, project_id)
            if recurrence is not UNSET:
                row.recurrence = check_rrule(recurrence)
            if repeat_from is not None:
                row.repeat_from = check_repeat_from(repeat_from)
            if status is not None:
                new_status = check_status(status)
                if new_status == "done" and row.status != "done" and row.recurrence:
                    self._repeat(uow, row)
                else:
                    self._set_status(row, new_status, uow.now())
            uow.commit()
            return Outcome(to_view(row), TASKS)

    def complete(self, task_id: str | uuid.UUID) -> Outcome[TaskView]:
        """Mark a task done; a recurring one comes back at its next due (the view shows it)."""
        return self.update(task_id, status="done")

    def delete(self, task_id: str | uuid.UUID) -> Outcome[int]:
        """Delete a task and its subtasks (as tombstones, so sync carries it)."""
        with self.ctx.store.unit_of_work() as uow:
            root = get_live(uow.s, Task, task_id, "task")
            doomed = [root, *self._descendants(uow.s, root.id)]
            for row in doomed:
                uow.tombstone(row)
            uow.commit()
            return Outcome(len(doomed), TASKS)

    def move(
        self, task_id: str | uuid.UUID, *, after: str | None, before: str | None
    ) -> Outcome[TaskView]:
        """Put a task between two others (drag to reorder); None means an end."""
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, Task, task_id, "task")
            low = get_live(uow.s, Task, after, "task").sort_key if after else None
            high = get_live(uow.s, Task, before, "task").sort_key if before else None
            if low is None and high is None:
                raise UserError("say which task to move it after or before")
            try:
                row.sort_key = between(low, high)
            except ValueError:
                raise UserError("the task to move after must come before the other one") from None
            uow.commit()
            return Outcome(to_view(row), TASKS)

    # -- helpers -----------------------------------------------------------------------

    def _check_parent(
        self, session: Session, parent: str | uuid.UUID | None, child: uuid.UUID
    ) -> uuid.UUID | None:
        if parent is None:
            return None
        parent_id = get_live(session, Task, parent, "parent task").id
        if parent_id == child or parent_id in {row.id for row in self._descendants(session, child)}:
            raise UserError("a task cannot be its own parent or a subtask of its subtasks")
        return parent_id

    def _descendants(self, session: Session, root: uuid.UUID) -> builtins.list[Task]:
        found: builtins.list[Task] = []
        frontier = [root]
        while frontier:
            children = list(
                session.scalars(select(Task).where(live(Task), Task.parent_id.in_(frontier)))
            )
            found.extend(children)
            frontier = [child.id for child in children]
        return found

    def _last_sort_key(self, session: Session) -> str | None:
        return session.scalar(
            select(func.max(Task.sort_key)).where(Task.owner_id == self.ctx.store.user_id)
        )

    def _repeat(self, uow: UnitOfWork, row: Task) -> None:
        """Complete one round of a recurring task.

        The round is kept as a done copy (history shows it); the task itself moves
        to its next due with its subtasks open again. An exhausted rule (COUNT,
        UNTIL) completes the task for good.
        """
        assert row.recurrence is not None
        now = uow.now()
        due = row.due_at if row.due_at is not None else row.due_date
        found = next_round(row.recurrence, due, now, row.repeat_from or "due", self.ctx.zone)
        if found is None:
            self._set_status(row, "done", now)
            return
        uow.s.add(
            Task(
                title=row.title,
                notes=row.notes,
                status="done",
                priority=row.priority,
                due_date=row.due_date,
                due_at=row.due_at,
                start_at=row.start_at,
                estimate_minutes=row.estimate_minutes,
                completed_at=now,
                parent_id=row.parent_id,
                project_id=row.project_id,
                tags=list(row.tags or ()),
                sort_key=between(self._last_sort_key(uow.s), None),
                repeat_from=row.repeat_from,
                reminders=[],
            )
        )
        if row.start_at is not None and isinstance(due, datetime):
            assert isinstance(found.due, datetime)
            row.start_at = row.start_at + (found.due - due)
        row.due_date, row.due_at = split_due(found.due)
        row.recurrence = found.rule
        self._set_status(row, "todo", now)
        for child in self._descendants(uow.s, row.id):
            if child.status in ("done", "in_progress"):
                self._set_status(child, "todo", now)

    @staticmethod
    def _set_status(row: Task, status: str, now: datetime) -> None:
        if status == "done" and row.status != "done":
            row.completed_at = now
        elif status != "done":
            row.completed_at = None
        row.status = status
