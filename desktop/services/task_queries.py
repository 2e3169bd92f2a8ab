"""The reading side of the task service: get, list, count, statistics.

`TaskQueries` builds the query of a `TaskFilter` (conditions and order) and reads
through it; `TaskService` adds the writing side on top. `_list_by_due` is the fast
path for a page of tasks due before a limit.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select, text
from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.services.base import ServiceContext, get_live, live, require_id
from desktop.services.task_search import narrow_by_search, task_match
from desktop.services.task_views import (
    LIST_STATUSES,
    OPEN_STATUSES,
    Due,
    ProjectCount,
    TagCount,
    TaskFilter,
    TaskStats,
    TaskView,
    to_view,
)
from desktop.store.models import DevProject, Task


class TaskQueries:
    """Reading tasks: one task, a filtered list, counts and statistics."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

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
        if merges_by_due(flt):
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


def merges_by_due(flt: TaskFilter) -> bool:
    """Whether `list` can read `flt`'s page through the two due indexes (see _list_by_due)."""
    return (
        flt.due_before is not None
        and flt.limit is not None
        and flt.order != "manual"
        and flt.status not in ("done",)
    )
