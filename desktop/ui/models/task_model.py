"""The Tasks pane's item model: a tree of tasks fetched lazily, a page at a time.

Top-level rows arrive in pages of `PAGE_SIZE` through `canFetchMore`/`fetchMore`,
which schedule a job on the database executor and insert the rows when it returns
(the GUI thread never waits for the database). A task's subtasks are fetched the
first time it is expanded; only tasks that have subtasks report children, so only
they get an expander. Ticking a row's box and dropping a row between two others
do not write anything themselves: the model updates the row at once and asks the
pane, through signals, to run the matching action.

Grouped (by project or by tag), the top level is one row per group with its
count (all read at once); a group's tasks come a page at a time once it is
expanded, the next page only when its last rows come into sight (`set_fetch_gate`),
and a task's subtasks under it as before.

Indexes carry an integer key into the node table of `task_tree.TaskTree`, which
also answers the structural questions and handles drag to reorder.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, tzinfo
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont

from desktop.services.container import Services
from desktop.ui.models.task_nodes import Node
from desktop.ui.models.task_tree import NO_PARENT, Index, TaskTree
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.tasks_format import (
    COLUMNS,
    cell_colour,
    cell_text,
    column_titles,
    finished,
    row_tooltip,
)
from desktop.ui.panes.tasks_query import GroupList, TaskGroup, TaskPage, TaskRow

PAGE_SIZE = 200
TASK_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's TaskView
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3  # a group head's TaskGroup

PageLoader = Callable[[Services, int, int], TaskPage]
ChildLoader = Callable[[Services, uuid.UUID], TaskPage]
GroupLoader = Callable[[Services, TaskGroup, int, int], TaskPage]
FetchGate = Callable[[QModelIndex], bool]
_ROLE = Qt.ItemDataRole
DISPLAY, FOREGROUND, FONT = int(_ROLE.DisplayRole), int(_ROLE.ForegroundRole), int(_ROLE.FontRole)
CHECK_STATE, TOOLTIP = int(_ROLE.CheckStateRole), int(_ROLE.ToolTipRole)
ACCESSIBLE_TEXT = int(_ROLE.AccessibleTextRole)


class TaskTreeModel(TaskTree):
    """Tasks as a tree: pages of top-level rows, subtasks under their parent.

    Signals:
        completion_requested(object, bool): a row's box was ticked (True) or cleared;
            carries the TaskView as it was.
        move_requested(object, object, object): inherited from `TaskTree`.
        rows_fetched(): a page or a task's subtasks were inserted.
        fetch_failed(object): fetching a page or subtasks raised this exception.
    """

    completion_requested = Signal(object, bool)
    rows_fetched = Signal()
    fetch_failed = Signal(object)

    def __init__(self, ctx: PaneContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._load_page: PageLoader | None = None
        self._load_children: ChildLoader | None = None
        self._load_group: GroupLoader | None = None
        self._wants_more: FetchGate = lambda _parent: True
        self._struck = QFont()
        self._struck.setStrikeOut(True)
        self._bold = QFont()
        self._bold.setBold(True)
        self._now = datetime.now(UTC)
        self._today = self._now.date()
        self._zone: tzinfo = UTC

    # -- filling -----------------------------------------------------------------------

    def reset(
        self,
        page: TaskPage,
        load_page: PageLoader,
        load_children: ChildLoader,
        *,
        reorderable: bool = False,
    ) -> None:
        """Show `page` as the first rows; later pages come from `load_page(services, offset,
        limit)`, subtasks from `load_children(services, parent_id)`. Fetches still running
        for the previous rows are dropped when they return."""
        self.beginResetModel()
        self._generation += 1
        self._load_page, self._load_children = load_page, load_children
        self._load_group = None
        self._reorderable = reorderable
        self._set_flags(reorderable)
        self._nodes.clear()
        self._root = Node(0, None, None, 0)
        self._set_clock(page)
        self._root.children = [
            self._new_node(row, self._root, i) for i, row in enumerate(page.rows)
        ]
        self._root.more = page.more
        self.endResetModel()

    def reset_groups(
        self, groups: GroupList, load_group: GroupLoader, load_children: ChildLoader
    ) -> None:
        """Show `groups` as the top-level rows; a group's tasks come from
        `load_group(services, group, offset, limit)` once it is expanded."""
        self.beginResetModel()
        self._generation += 1
        self._load_page, self._load_group = None, load_group
        self._load_children = load_children
        self._reorderable = False
        self._set_flags(False)
        self._nodes.clear()
        self._root = Node(0, None, None, 0)
        self._now, self._today, self._zone = groups.now, groups.today, groups.zone
        for i, group in enumerate(groups.groups):
            node = Node(next(self._keys), None, self._root, i, group)
            self._nodes[node.key] = node
            self._root.children.append(node)
        self.endResetModel()

    @property
    def grouped(self) -> bool:
        return self._load_group is not None

    def group_at(self, index: Index) -> TaskGroup | None:
        return self._node(index).group if index.isValid() else None

    def index_of_group(self, ident: tuple[str, str | None]) -> QModelIndex:
        """The row of the group known by `ident` (`TaskGroup.ident`); invalid when gone."""
        for node in self._root.children:
            if node.group is not None and node.group.ident == ident:
                return self.createIndex(node.row, 0, node.key)
        return QModelIndex()

    def clear(self) -> None:
        """No rows, and nothing more to fetch."""
        self.beginResetModel()
        self._generation += 1
        self._nodes.clear()
        self._root = Node(0, None, None, 0)
        self.endResetModel()

    def set_fetch_gate(self, wants_more: FetchGate) -> None:
        """Let the view say whether it needs more rows under a parent (the root or a
        group) now.

        QTreeView asks `canFetchMore` on every layout of its root and of each expanded
        row, so a model that always says yes is fetched to its end one page after
        another; with the gate it fetches the next page only when the last rows come
        into sight. A group's first page is fetched when it is expanded, gate or not.
        """
        self._wants_more = wants_more

    @property
    def today(self) -> date:
        return self._today

    def is_fetching(self) -> bool:
        return self._root.loading or any(node.loading for node in self._nodes.values())

    def _set_clock(self, page: TaskPage) -> None:  # texts cached before keep their words
        self._now, self._today, self._zone = page.now, page.today, page.zone

    # -- lazy fetching -------------------------------------------------------------------

    def canFetchMore(self, parent: Index) -> bool:
        node = self._node(parent)
        if node.loading:
            return False
        if node is self._root:
            return node.more and self._load_page is not None and self._wants_more(NO_PARENT)
        if node.group is not None:
            return node.more and (not node.loaded or self._wants_more(self._index_for(node)))
        return node.data is not None and node.data.subtasks > 0 and not node.loaded

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        node = self._node(parent)
        node.loading = True
        generation = self._generation
        job: Callable[[Services], TaskPage]
        if node is self._root:
            load_page, offset = self._load_page, len(node.children)
            assert load_page is not None
            job = lambda services: load_page(services, offset, PAGE_SIZE)  # noqa: E731
        elif node.group is not None:
            load_group, group, offset = self._load_group, node.group, len(node.children)
            assert load_group is not None
            job = lambda services: load_group(services, group, offset, PAGE_SIZE)  # noqa: E731
        else:
            load_children, parent_id = self._load_children, node.task().id
            assert load_children is not None
            job = lambda services: load_children(services, parent_id)  # noqa: E731
        self._ctx.read(
            job,
            lambda page: self._insert(generation, node, page),
            lambda exc: self._fetch_error(generation, node, exc),
        )

    def _insert(self, generation: int, node: Node, page: TaskPage) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return  # the rows were replaced while the job ran
        node.loading = False
        self._set_clock(page)
        if node is not self._root:
            node.loaded = True
        if node is self._root or node.group is not None:
            node.more = page.more
        if page.rows:
            first = len(node.children)
            self.beginInsertRows(self._index_for(node), first, first + len(page.rows) - 1)
            node.children.extend(
                self._new_node(row, node, first + i) for i, row in enumerate(page.rows)
            )
            self.endInsertRows()
        elif node is not self._root:  # its subtasks went away meanwhile: no expander
            index = self._index_for(node)
            self.dataChanged.emit(index, index)
        self.rows_fetched.emit()

    def _fetch_error(self, generation: int, node: Node, exc: Exception) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        node.loading = False
        node.more = False
        self.fetch_failed.emit(exc)

    # -- data ----------------------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _ROLE.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == _ROLE.DisplayRole and 0 <= section < len(COLUMNS):
            return column_titles()[section]
        return None

    def data(self, index: Index, role: int = _ROLE.DisplayRole) -> Any:
        # Painting asks for many roles of every visible cell: plain ints, cached texts.
        node = self._nodes.get(index.internalId()) if index.isValid() else None
        if node is None:
            return None
        if node.data is None:
            return self._group_data(node.group, index.column(), role)
        column = index.column()
        if role in (DISPLAY, ACCESSIBLE_TEXT):
            if node.texts is None:
                node.texts = self._texts(node.data)
            return node.texts[column]
        if role == FOREGROUND:
            return cell_colour(node.data.task, COLUMNS[column], self._now, self._today)
        if role == CHECK_STATE:
            if column != 0:
                return None
            done = node.data.task.status == "done"
            return Qt.CheckState.Checked if done else Qt.CheckState.Unchecked
        if role == TASK_ROLE:
            return node.data.task
        if role == FONT:
            return self._struck if column == 0 and finished(node.data.task) else None
        if role == TOOLTIP and column == 0:
            return row_tooltip(node.data)
        return None

    def _group_data(self, group: TaskGroup | None, column: int, role: int) -> Any:
        if group is None:
            return None
        if role == DISPLAY:
            return f"{self._group_label(group)}  ({group.count:,})" if column == 0 else ""
        if role == ACCESSIBLE_TEXT:
            if column != 0:
                return ""
            label = self._group_label(group)
            if group.count == 1:
                return self.tr("{group}: 1 task").format(group=label)
            return self.tr("{group}: {n} tasks").format(group=label, n=group.count)
        if role == FONT and column == 0:
            return self._bold
        if role == GROUP_ROLE:
            return group
        return None

    def _group_label(self, group: TaskGroup) -> str:
        if group.by == "project":
            return group.label or self.tr("No project")
        return f"#{group.label}" if group.label else self.tr("No tag")

    def _texts(self, row: TaskRow) -> tuple[str, ...]:
        return tuple(cell_text(row, column, self._today, self._zone) for column in COLUMNS)

    def setData(self, index: Index, value: Any, role: int = _ROLE.EditRole) -> bool:
        if role != _ROLE.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        node = self._node(index)
        if node.data is None:
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        done = state == Qt.CheckState.Checked
        before = node.data.task
        if (before.status == "done") == done:
            return False
        status = "done" if done else "todo"
        node.data = replace(node.data, task=replace(before, status=status))
        node.texts = None
        first = self.createIndex(node.row, 0, node.key)
        self.dataChanged.emit(first, first.siblingAtColumn(len(COLUMNS) - 1))
        self.completion_requested.emit(before, done)
        return True
