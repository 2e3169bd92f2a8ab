"""What the Tasks pane asks the services, as plain functions run on the database executor.

A `TaskQuery` names a view (Today, Upcoming, Overdue, All, Done) and the words and
tag typed into the filter box; `load_page`, `load_children` and `load_counts` turn
it into `TaskFilter`s and return `TaskPage`s: tasks with their number of subtasks,
plus the clock and zone the GUI needs to word due dates ("Today", "Fri").
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from desktop.services.container import Services
from desktop.services.search import fts_query
from desktop.services.tasks import TaskFilter, TaskView

VIEWS = ("today", "upcoming", "overdue", "all", "done")


@dataclass(frozen=True)
class TaskRow:
    """A task and how many subtasks it has."""

    task: TaskView
    subtasks: int


@dataclass(frozen=True)
class TaskPage:
    """Rows of one fetch; `more` when the list may go on after them."""

    rows: tuple[TaskRow, ...]
    more: bool
    now: datetime
    today: date
    zone: ZoneInfo


@dataclass(frozen=True)
class TaskQuery:
    """A view and the filter box's words (`search`) and `#tag`."""

    view: str = "today"
    search: str | None = None
    tag: str | None = None

    @classmethod
    def parse(cls, view: str, text: str) -> TaskQuery:
        """The filter box's text: `#word` filters by that tag, other words search."""
        words, tag = [], None
        for word in text.split():
            if word.startswith("#") and len(word) > 1 and tag is None:
                tag = word[1:]
            else:
                words.append(word)
        search = " ".join(words)
        return cls(view, search if fts_query(search) else None, tag)

    @property
    def reorderable(self) -> bool:
        """Whether rows show in the manual order, so that dragging them means something."""
        return self.view == "all" and not self.search and not self.tag


def view_filter(query: TaskQuery, now: datetime, today: date) -> TaskFilter:
    """The service filter of a view (without paging)."""
    base = TaskFilter(search=query.search, tag=query.tag)
    tomorrow = today + timedelta(days=1)
    if query.view == "today":
        return replace(base, due_before=tomorrow)
    if query.view == "upcoming":
        return replace(base, due_after=tomorrow)
    if query.view == "overdue":
        return replace(base, due_before=now)
    if query.view == "done":
        return replace(base, status="done")
    if query.view == "all":
        return replace(base, roots_only=not query.search and not query.tag, order="manual")
    raise ValueError(f"unknown task view {query.view!r}")


def _page(services: Services, tasks: list[TaskView], more: bool) -> TaskPage:
    counts = services.tasks.child_counts([task.id for task in tasks])
    ctx = services.ctx
    return TaskPage(
        tuple(TaskRow(task, counts.get(task.id, 0)) for task in tasks),
        more,
        ctx.now(),
        ctx.today(),
        ctx.zone,
    )


def load_page(services: Services, query: TaskQuery, offset: int, limit: int) -> TaskPage:
    """Top-level rows `offset`..`offset+limit` of the query's view."""
    flt = view_filter(query, services.ctx.now(), services.ctx.today())
    tasks = services.tasks.list(replace(flt, offset=offset, limit=limit))
    return _page(services, tasks, len(tasks) == limit)


def load_children(services: Services, parent: uuid.UUID) -> TaskPage:
    """Every subtask of `parent`, in the manual order."""
    return _page(services, services.tasks.subtasks(parent), False)


def load_counts(
    services: Services, query: TaskQuery, still_wanted: Callable[[], bool]
) -> dict[str, int] | None:
    """How many rows each view has with the query's words and tag; None once unwanted."""
    counts: dict[str, int] = {}
    now, today = services.ctx.now(), services.ctx.today()
    for view in VIEWS:
        if not still_wanted():
            return None
        counts[view] = services.tasks.count(view_filter(replace(query, view=view), now, today))
    return counts
