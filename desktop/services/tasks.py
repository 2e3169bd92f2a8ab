"""Tasks: create (one or many), list and filter, update, complete, delete, statistics."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, insert, or_, select, text
from sqlalchemy.orm import Session

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.core.ids import new_id
from desktop.core.sortkey import between, sequence
from desktop.services.base import (
    Outcome,
    ServiceContext,
    check_reminders,
    clean_tags,
    clean_text,
    get_live,
    live,
    require_id,
)
from desktop.services.task_recurrence import check_repeat_from, next_round
from desktop.services.task_search import narrow_by_search, task_match
from desktop.store.models import PRIORITIES, TASK_STATUSES, DevProject, Task
from desktop.store.uow import UnitOfWork

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


UNSET: Any = object()


def priority_value(name: str) -> int:
    """'low'..'urgent' as 0..3; UserError for anything else."""
    try:
        return PRIORITIES.index(name.strip().lower())
    except ValueError:
        raise UserError(f"'{name}' is not a priority; use one of {', '.join(PRIORITIES)}") from None


def check_status(name: str) -> str:
    status = name.strip().lower().replace("-", "_")
    if status not in TASK_STATUSES:
        raise UserError(f"'{name}' is not a task status; use one of {', '.join(TASK_STATUSES)}")
    return status


def to_view(row: Task) -> TaskView:
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


class TaskService:
    """Use cases on tasks."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- writing -----------------------------------------------------------------------

    def add(self, draft: TaskDraft) -> Outcome[TaskView]:
        with self.ctx.store.unit_of_work() as uow:
            values = self._validated(uow.s, draft)
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
                values = self._validated(session, draft, known_parents)
                values["sort_key"] = key
                rows.append(uow.stamp_insert(_with_defaults(values)))
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
                row.due_date, row.due_at = _split_due(due)
            if estimate_minutes is not UNSET:
                row.estimate_minutes = _check_estimate(estimate_minutes)
            if tags is not None:
                row.tags = clean_tags(tags)
            if parent_id is not UNSET:
                row.parent_id = self._check_parent(uow.s, parent_id, row.id)
            if project_id is not UNSET:
                row.project_id = _check_project(uow.s, project_id)
            if recurrence is not UNSET:
                row.recurrence = _check_rrule(recurrence)
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

    # -- reading -----------------------------------------------------------------------

    def get(self, task_id: str | uuid.UUID) -> TaskView:
        with self.ctx.store.read() as session:
            return to_view(get_live(session, Task, task_id, "task"))

    def subtasks(self, task_id: str | uuid.UUID) -> list[TaskView]:
        parent = require_id(task_id, "task")
        with self.ctx.store.read() as session:
            rows = session.scalars(
                select(Task)
                .where(live(Task), Task.owner_id == self.ctx.store.user_id)
                .where(Task.parent_id == parent)
                .order_by(Task.sort_key)
            )
            return [to_view(row) for row in rows]

    def child_counts(self, task_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
        """How many live subtasks each of `task_ids` has (those with none are left out)."""
        if not task_ids:
            return {}
        query = (
            select(Task.parent_id, func.count())
            .where(live(Task), Task.owner_id == self.ctx.store.user_id)
            .where(Task.parent_id.in_(list(task_ids)))
            .group_by(Task.parent_id)
        )
        with self.ctx.store.read() as session:
            return {parent: int(n) for parent, n in session.execute(query) if parent}

    def list(self, flt: TaskFilter | None = None) -> list[TaskView]:
        flt = flt or TaskFilter()
        if _merges_by_due(flt):
            return self._list_by_due(flt)
        with self.ctx.store.read() as session:
            query = self._filtered(flt, session)
            if flt.limit is not None:
                query = query.limit(flt.limit)
            if flt.offset:
                query = query.offset(flt.offset)
            return [to_view(row) for row in session.scalars(query)]

    def count_many(self, filters: dict[str, TaskFilter]) -> dict[str, int]:
        """How many tasks each filter matches, in one pass over the user's tasks.

        The view counts of the Tasks pane: five separate counts read the table five
        times; here each filter's condition is summed in the same scan.
        """
        columns = []
        for name, flt in filters.items():
            condition = self._filtered(flt).whereclause
            assert condition is not None  # _filtered always has the owner and live conditions
            matches = case((condition, 1), else_=0)
            columns.append(func.coalesce(func.sum(matches), 0).label(name))
        query = select(*columns).where(live(Task), Task.owner_id == self.ctx.store.user_id)
        with self.ctx.store.read() as session:
            row = session.execute(query).one()
        return {name: int(row[i]) for i, name in enumerate(filters)}

    def count(self, flt: TaskFilter | None = None) -> int:
        query = self._filtered(flt or TaskFilter()).order_by(None)
        with self.ctx.store.read() as session:
            return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)

    def count_by_project(self, flt: TaskFilter | None = None) -> builtins.list[ProjectCount]:
        """Tasks of `flt` per project, in one query: by project name, no project last."""
        filtered = self._filtered(flt or TaskFilter()).order_by(None)
        sub = filtered.with_only_columns(Task.project_id).subquery()
        name = DevProject.name
        query = (
            select(sub.c.project_id, func.min(name), func.count())
            .select_from(sub)
            .outerjoin(DevProject, and_(DevProject.id == sub.c.project_id, live(DevProject)))
            .group_by(sub.c.project_id)
        )
        with self.ctx.store.read() as session:
            rows = [ProjectCount(pid, title, int(n)) for pid, title, n in session.execute(query)]
        return sorted(rows, key=lambda r: (r.project_id is None, (r.name or "").lower()))

    def count_by_tag(self, flt: TaskFilter | None = None) -> builtins.list[TagCount]:
        """Tasks of `flt` per tag (a task with two tags counts under both); tags compare
        without case; by tag, no tag last.

        One query counts the tasks per distinct list of tags (people reuse a few
        combinations, so the lists are few), which is twice as fast as taking every
        task's list apart in SQL; the lists are then split here.
        """
        filtered = self._filtered(flt or TaskFilter()).order_by(None)
        sub = filtered.with_only_columns(Task.tags).subquery()
        query = select(sub.c.tags, func.count()).group_by(sub.c.tags)
        counts: dict[str | None, int] = {}
        names: dict[str, str] = {}
        with self.ctx.store.read() as session:
            for tags, n in session.execute(query):
                if not tags:
                    counts[None] = counts.get(None, 0) + int(n)
                for tag in dict.fromkeys(str(t) for t in tags or ()):
                    key = tag.lower()
                    names[key] = min(names.get(key, tag), tag)
                    counts[key] = counts.get(key, 0) + int(n)
        rows = [TagCount(names[key] if key else None, n) for key, n in counts.items()]
        return sorted(rows, key=lambda r: (r.tag is None, (r.tag or "").lower()))

    def stats(self) -> TaskStats:
        today = self.ctx.today()
        now = self.ctx.now()
        week_ago = now - timedelta(days=7)
        _, end = self._day_bounds(today)
        owner = Task.owner_id == self.ctx.store.user_id
        is_open = Task.status.in_(OPEN_STATUSES)

        def count_where(*conditions: ColumnElement[bool]) -> Any:
            return func.count().filter(and_(*conditions))

        query = select(
            count_where(is_open),
            count_where(Task.status == "in_progress"),
            count_where(Task.status == "done"),
            count_where(Task.status == "cancelled"),
            count_where(is_open, or_(Task.due_date < today, Task.due_at < now)),
            count_where(
                is_open,
                or_(Task.due_date == today, and_(Task.due_at >= now, Task.due_at < end)),
            ),
            count_where(Task.status == "done", Task.completed_at >= week_ago),
        ).where(owner, live(Task))
        with self.ctx.store.read() as session:
            row = session.execute(query).one()
        return TaskStats(*(int(value or 0) for value in row))

    # -- helpers -----------------------------------------------------------------------

    def _filtered(self, flt: TaskFilter, session: Session | None = None) -> Select[Task]:
        """The query of the tasks `flt` selects, in its order. With a `session`, a search
        may be planned from its matches (a join); without, every condition stays in the
        WHERE clause, for callers that reuse it."""
        if flt.status not in LIST_STATUSES:
            raise UserError(f"'{flt.status}' is not a status filter; use open, done or all")
        query = select(Task).where(live(Task), Task.owner_id == self.ctx.store.user_id)
        if flt.status == "open":
            query = query.where(Task.status.in_(OPEN_STATUSES))
        elif flt.status in ("done", "cancelled"):
            query = query.where(Task.status == flt.status)
        if flt.tag:
            tag = flt.tag.strip().lstrip("#")
            query = query.where(
                text(
                    "EXISTS (SELECT 1 FROM json_each(tasks.tags) WHERE lower(value) = :tag)"
                ).bindparams(tag=tag.lower())
            )
        if flt.also_tag:
            query = query.where(
                text(
                    "EXISTS (SELECT 1 FROM json_each(tasks.tags) WHERE lower(value) = :also)"
                ).bindparams(also=flt.also_tag.strip().lstrip("#").lower())
            )
        if flt.untagged:
            query = query.where(text("json_array_length(coalesce(tasks.tags, '[]')) = 0"))
        if flt.no_project:
            # Unary + as for roots_only: most tasks have no project, so the index on
            # project_id would only get in the way of the one that serves the order.
            query = query.where(text("+tasks.project_id IS NULL"))
        if flt.search:
            query = narrow_by_search(query, task_match(flt.search), session)
        if flt.due_before is not None:
            query = query.where(self._due_before(flt.due_before))
        if flt.parent_id is not None:
            query = query.where(Task.parent_id == flt.parent_id)
        if flt.project_id is not None:
            query = query.where(Task.project_id == flt.project_id)
        if flt.due_after is not None:
            query = query.where(self._due_from(flt.due_after))
        if flt.roots_only:
            # Unary + keeps SQLite off the parent_id index (nearly every row is a
            # root), so that the status index serves the manual order.
            query = query.where(text("+tasks.parent_id IS NULL"))
        if flt.order == "manual":
            return query.order_by(Task.sort_key)
        due_rank = func.coalesce(Task.due_at, self._local_day_start(Task.due_date))
        if flt.status == "done":
            return query.order_by(Task.completed_at.desc(), Task.sort_key)
        return query.order_by(due_rank.is_(None), due_rank, Task.priority.desc(), Task.sort_key)

    def _list_by_due(self, flt: TaskFilter) -> builtins.list[TaskView]:
        """`list` for a page of tasks due before a limit, in due order, fast.

        Ordering every matching row by the combined due instant (an expression no
        index serves) sorts all of them, tens of thousands on a big list. Instead
        the timed and the dated tasks are read separately in the order of their own
        index, a page each, and merged in Python by the same key the SQL order
        uses: the same rows in the same order as `_filtered`'s.
        """
        assert flt.limit is not None
        wanted = flt.offset + flt.limit
        with self.ctx.store.read() as session:
            base = self._filtered(flt, session).order_by(None)
        timed = (
            base.where(Task.due_at.is_not(None))
            .order_by(Task.due_at, Task.priority.desc(), Task.sort_key)
            .limit(wanted)
        )
        dated = (
            base.where(Task.due_at.is_(None), Task.due_date.is_not(None))
            .order_by(Task.due_date, Task.priority.desc(), Task.sort_key)
            .limit(wanted)
        )
        offset = self.ctx.now().astimezone(self.ctx.zone).utcoffset() or timedelta()

        def key(row: Task) -> tuple[datetime, int, int, str]:
            if row.due_at is not None:
                instant = row.due_at.astimezone(UTC).replace(tzinfo=None)
                return instant, 1, -row.priority, row.sort_key
            assert row.due_date is not None
            return datetime.combine(row.due_date, time()) - offset, 0, -row.priority, row.sort_key

        with self.ctx.store.read() as session:
            rows = [*session.scalars(timed), *session.scalars(dated)]
        rows.sort(key=key)
        return [to_view(row) for row in rows[flt.offset : wanted]]

    def _local_day_start(self, day: Any) -> Any:
        """SQL: the UTC text of the start of a stored local date, comparable with `due_at`.

        Uses the zone's current offset; around a daylight-saving change the order of
        a date-only task and a timed one may be off by that hour, which is harmless.
        """
        offset = self.ctx.now().astimezone(self.ctx.zone).utcoffset() or timedelta()
        minutes = -int(offset.total_seconds() // 60)
        return func.datetime(day, f"{minutes:+d} minutes")

    def _due_before(self, limit: Due) -> ColumnElement[bool]:
        if isinstance(limit, datetime):
            day = limit.astimezone(self.ctx.zone).date()
            return or_(Task.due_at < limit, Task.due_date < day)
        start, _ = self._day_bounds(limit)
        return or_(Task.due_date < limit, Task.due_at < start)

    def _due_from(self, limit: Due) -> ColumnElement[bool]:
        if isinstance(limit, datetime):
            day = limit.astimezone(self.ctx.zone).date()
            return or_(Task.due_at >= limit, Task.due_date > day)
        start, _ = self._day_bounds(limit)
        return or_(Task.due_date >= limit, Task.due_at >= start)

    def _day_bounds(self, day: date) -> tuple[datetime, datetime]:
        zone = self.ctx.zone
        start = datetime.combine(day, time(), zone)
        return start, datetime.combine(day + timedelta(days=1), time(), zone)

    def _validated(
        self, session: Session, draft: TaskDraft, known_parents: set[uuid.UUID] | None = None
    ) -> dict[str, Any]:
        due_date, due_at = _split_due(draft.due)
        status = check_status(draft.status)
        values: dict[str, Any] = {
            "title": clean_text(draft.title, "title", limit=500, required=True),
            "notes": clean_text(draft.notes, "notes", limit=100_000),
            "priority": priority_value(draft.priority),
            "status": status,
            "due_date": due_date,
            "due_at": due_at,
            "start_at": _check_instant(draft.start, "start"),
            "estimate_minutes": _check_estimate(draft.estimate_minutes),
            "tags": clean_tags(draft.tags),
            "recurrence": _check_rrule(draft.recurrence),
            "repeat_from": check_repeat_from(draft.repeat_from),
            "reminders": check_reminders(draft.reminders),
            "project_id": _check_project(session, draft.project_id),
            "completed_at": self.ctx.now() if status == "done" else None,
        }
        parent = require_id(draft.parent_id, "task") if draft.parent_id else None
        if parent is not None and (known_parents is None or parent not in known_parents):
            get_live(session, Task, parent, "parent task")
            if known_parents is not None:
                known_parents.add(parent)
        values["parent_id"] = parent
        return values

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
        row.due_date, row.due_at = _split_due(found.due)
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


def _split_due(due: Due | None) -> tuple[date | None, datetime | None]:
    if due is None:
        return None, None
    if isinstance(due, datetime):
        if due.tzinfo is None:
            raise UserError("a due time needs a time zone")
        return None, due
    return due, None


def _check_instant(value: datetime | None, field: str) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise UserError(f"the {field} time needs a time zone")
    return value


def _check_estimate(minutes: int | None) -> int | None:
    if minutes is None:
        return None
    if not 0 < minutes <= 100_000:
        raise UserError("an estimate must be between 1 minute and about 10 weeks")
    return int(minutes)


def _check_rrule(rule: str | None) -> str | None:
    if not rule:
        return None
    from desktop.core.recurrence import check_rrule

    return check_rrule(rule)


def _merges_by_due(flt: TaskFilter) -> bool:
    """Whether `list` can read `flt`'s page through the two due indexes (see _list_by_due)."""
    return (
        flt.due_before is not None
        and flt.limit is not None
        and flt.order != "manual"
        and flt.status not in ("done",)
    )


def _check_project(session: Session, project: str | uuid.UUID | None) -> uuid.UUID | None:
    if not project:
        return None
    return get_live(session, DevProject, project, "project").id


def _with_defaults(values: dict[str, Any]) -> dict[str, Any]:
    values.setdefault("repeat_from", "due")
    values.setdefault("reminders", [])
    values.setdefault("uid", None)
    values["id"] = values.get("id") or new_id()
    return values
