"""What the Tasks pane asks the services, as plain functions run on the database executor.

A `TaskQuery` names a view (Today, Upcoming, Overdue, All, Done), the words and
tag typed into the filter box and a grouping (none, project, tag); `load_page`,
`load_children` and `load_counts` turn it into `TaskFilter`s and return `TaskPage`s:
tasks with their number of subtasks, plus the clock and zone the GUI needs to word
due dates ("Today", "Fri"). Grouped, `load_groups` reads the group heads with their
counts in one query and `load_group_page` a page of one group's tasks.
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
GROUPINGS = ("none", "project", "tag")


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
    group: str = "none"  # one of GROUPINGS

    @classmethod
    def parse(cls, view: str, text: str, group: str = "none") -> TaskQuery:
        """The filter box's text: `#word` filters by that tag, other words search."""
        words, tag = [], None
        for word in text.split():
            if word.startswith("#") and len(word) > 1 and tag is None:
                tag = word[1:]
            else:
                words.append(word)
        search = " ".join(words)
        return cls(view, search if fts_query(search) else None, tag, group)

    @property
    def reorderable(self) -> bool:
        """Whether rows show in the manual order, so that dragging them means something."""
        return self.view == "all" and not self.search and not self.tag and not self.grouped

    @property
    def grouped(self) -> bool:
        return self.group != "none"


@dataclass(frozen=True)
class TaskGroup:
    """A group head: tasks of one project or one tag (`value` None: none at all)."""

    by: str  # "project" or "tag"
    value: uuid.UUID | str | None
    label: str  # the project's name or the tag; '' for "no project" / "no tag"
    count: int

    @property
    def ident(self) -> tuple[str, str | None]:
        """What identifies the group across reloads (tags without case)."""
        value = self.value
        if isinstance(value, str):
            return self.by, value.lower()
        return self.by, value.hex if value is not None else None


@dataclass(frozen=True)
class GroupList:
    """The group heads of a grouped view, with the clock the model words dates by."""

    groups: tuple[TaskGroup, ...]
    now: datetime
    today: date
    zone: ZoneInfo


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


def group_filter(flt: TaskFilter, group: TaskGroup) -> TaskFilter:
    """`flt` narrowed to the tasks of `group`."""
    if group.by == "project":
        if group.value is None:
            return replace(flt, no_project=True)
        assert isinstance(group.value, uuid.UUID)
        return replace(flt, project_id=group.value)
    if group.value is None:
        return replace(flt, untagged=True)
    return replace(flt, also_tag=str(group.value))


def load_groups(services: Services, query: TaskQuery) -> GroupList:
    """The groups of the query's view, each with its count (one query)."""
    flt = view_filter(query, services.ctx.now(), services.ctx.today())
    groups: list[TaskGroup]
    if query.group == "project":
        groups = [
            TaskGroup("project", row.project_id, row.name or "", row.count)
            for row in services.tasks.count_by_project(flt)
        ]
    elif query.group == "tag":
        groups = [
            TaskGroup("tag", row.tag, row.tag or "", row.count)
            for row in services.tasks.count_by_tag(flt)
        ]
    else:
        raise ValueError(f"unknown task grouping {query.group!r}")
    ctx = services.ctx
    return GroupList(tuple(groups), ctx.now(), ctx.today(), ctx.zone)


def load_group_page(
    services: Services, query: TaskQuery, group: TaskGroup, offset: int, limit: int
) -> TaskPage:
    """Rows `offset`..`offset+limit` of one group of the query's view."""
    flt = group_filter(view_filter(query, services.ctx.now(), services.ctx.today()), group)
    tasks = services.tasks.list(replace(flt, offset=offset, limit=limit))
    return _page(services, tasks, len(tasks) == limit)


def load_counts(
    services: Services, query: TaskQuery, still_wanted: Callable[[], bool]
) -> dict[str, int] | None:
    """How many rows each view has with the query's words and tag; None once unwanted."""
    if not still_wanted():
        return None
    now, today = services.ctx.now(), services.ctx.today()
    return services.tasks.count_many(
        {view: view_filter(replace(query, view=view), now, today) for view in VIEWS}
    )
