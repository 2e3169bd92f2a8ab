"""The Tasks pane: views with counts, a filter box, a lazily fetched tree, a detail editor.

Every read runs on the database executor (`tasks_query`), every change through a
catalog action, so the pane reloads from `Changes.tasks` like any other surface.
Each reload, view switch or keystroke in the filter box starts a new generation;
results of an older one are dropped when they arrive. A reload keeps the selected
task, the expanded tasks and the scroll position when those rows still exist.
"Group by" (none, project, tag) turns the top level into group heads with counts,
their tasks fetched when expanded; the choice outlives the pane while the app runs.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from typing import ClassVar

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from desktop.runtime.task_runner import describe_error
from desktop.services.container import Services
from desktop.services.tasks import TaskView
from desktop.ui.models.task_model import PAGE_SIZE, TaskTreeModel
from desktop.ui.panes.base import Pane, PaneContext
from desktop.ui.panes.tasks_edits import TaskEdits
from desktop.ui.panes.tasks_query import (
    GroupList,
    TaskGroup,
    TaskPage,
    TaskQuery,
    load_children,
    load_counts,
    load_group_page,
    load_groups,
    load_page,
)
from desktop.ui.panes.tasks_widgets import TaskTreeView, ViewList

log = logging.getLogger("desktop.ui")

SEARCH_DELAY_MS = 150
COUNT_DELAY_MS = 250
RESTORE_LIMIT = 2000  # rows fetched at once to keep the place on a reload


@dataclass
class _Place:
    """Where the user was before a reload."""

    selected: uuid.UUID | None = None
    row: int = -1
    scroll: int = 0
    expanded: set[uuid.UUID] = field(default_factory=set)
    groups: set[tuple[str, str | None]] = field(default_factory=set)  # expanded group heads


class _Generation:
    """A counter that the database thread may read to stop work nobody waits for."""

    def __init__(self) -> None:
        self.value = 0

    def next(self) -> int:
        self.value += 1
        return self.value


class TasksPane(Pane):
    """Tasks in views (Today, Upcoming, Overdue, All, Done), filtered as you type.

    Enter or a double-click opens the editor, Insert adds a task, Delete deletes
    one after asking, Space or the box ticks it, dragging reorders the All view.
    """

    area = "tasks"
    # The last "Group by" choice: a pane built later in the same run starts with it.
    remembered_group: ClassVar[str] = "none"

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setAccessibleName(self.tr("Tasks"))
        self._query = TaskQuery("today", group=TasksPane.remembered_group)
        self._generation = _Generation()
        self._place = _Place()
        self._select_next: uuid.UUID | None = None
        self._clock: TaskPage | None = None

        self.search_box = QLineEdit()
        self.search_box.setObjectName("tasks_search")
        self.search_box.setPlaceholderText(self.tr("Filter tasks… (words, #tag)"))
        self.search_box.setAccessibleName(self.tr("Filter tasks"))
        self.search_box.setClearButtonEnabled(True)
        self.group_box = QComboBox()
        self.group_box.setObjectName("tasks_group_by")
        self.group_box.setAccessibleName(self.tr("Group by"))
        self.group_box.setToolTip(self.tr("Group the tasks by project or by tag"))
        for key, label in (
            ("none", self.tr("None")),
            ("project", self.tr("Project")),
            ("tag", self.tr("Tag")),
        ):
            self.group_box.addItem(label, key)
        self.group_box.setCurrentIndex(max(0, self.group_box.findData(self._query.group)))
        self.group_label = QLabel(self.tr("&Group by"))
        self.group_label.setBuddy(self.group_box)
        self.new_button = QPushButton(self.tr("&New task"))
        self.new_button.setAccessibleName(self.tr("New task"))
        self.new_button.setToolTip(self.tr("New task (Insert)"))
        self.views = ViewList()
        self.model = TaskTreeModel(ctx, self)
        self.tree = TaskTreeView()
        self.tree.setModel(self.model)
        self.model.set_fetch_gate(self.tree.near_the_end)
        self.tree.configure_columns()
        self.tree.setAccessibleName(self.tr("Task list"))
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setObjectName("tasks_empty")
        self.status_label = QLabel()
        self.status_label.setObjectName("tasks_status")
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)

        self.edits = TaskEdits(self)
        self._layout()
        self._connect()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.group_label)
        top.addWidget(self.group_box)
        top.addWidget(self.new_button)
        self._stack = QStackedLayout()
        self._stack.addWidget(self.tree)
        self._stack.addWidget(self.empty_label)
        body = QHBoxLayout()
        body.addWidget(self.views)
        body.addLayout(self._stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.status_label)
        QWidget.setTabOrder(self.search_box, self.group_box)
        QWidget.setTabOrder(self.group_box, self.new_button)
        QWidget.setTabOrder(self.new_button, self.views)
        QWidget.setTabOrder(self.views, self.tree)

    def _connect(self) -> None:
        self.search_box.textChanged.connect(lambda _text: self._debounce.start())
        self.search_box.returnPressed.connect(self.apply_filter)
        self._debounce.timeout.connect(self.apply_filter)
        self._count_timer.timeout.connect(self._load_counts)
        self.views.currentRowChanged.connect(lambda _row: self.apply_filter())
        self.group_box.currentIndexChanged.connect(lambda _row: self.apply_filter())
        self.new_button.clicked.connect(self.new_task)
        self.tree.open_requested.connect(self.open_editor)
        self.tree.delete_requested.connect(self.delete_current)
        self.tree.new_requested.connect(self.new_task)
        self.model.completion_requested.connect(self.edits.complete)
        self.model.move_requested.connect(self.edits.move)
        self.model.rows_fetched.connect(self._after_fetch)
        self.model.fetch_failed.connect(self._on_fetch_failed)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.search_box.setFocus)
        self.search_box.installEventFilter(self)

    # -- what the user sees ----------------------------------------------------------

    @property
    def query(self) -> TaskQuery:
        return self._query

    def current_task(self) -> TaskView | None:
        return self.model.task_at(self.tree.currentIndex())

    def current_group(self) -> TaskGroup | None:
        return self.model.group_at(self.tree.currentIndex())

    def set_grouping(self, group: str) -> None:
        """Group by "none", "project" or "tag" (as the Group by box does)."""
        self.group_box.setCurrentIndex(self.group_box.findData(group))

    def select_task(self, task_id: uuid.UUID) -> bool:
        """Make `task_id` the current row if it is fetched."""
        index = self.model.index_of(task_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        return index.isValid()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in the filter box clears it (then goes to the list); Down goes to the list."""
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self._escape_search()
                return True
            if event.key() == Qt.Key.Key_Down:
                self._focus_list()
                return True
        return super().eventFilter(watched, event)

    def _escape_search(self) -> None:
        if self.search_box.text():
            self.search_box.clear()
        else:
            self._focus_list()

    def _focus_list(self) -> None:
        self.tree.setFocus()
        if not self.tree.currentIndex().isValid() and self.model.rowCount() > 0:
            self.tree.setCurrentIndex(self.model.index(0, 0))

    # -- loading ---------------------------------------------------------------------

    def apply_filter(self) -> None:
        """Show the chosen view with the filter box's words now (the box waits 150 ms)."""
        self._debounce.stop()
        group = str(self.group_box.currentData() or "none")
        TasksPane.remembered_group = group
        query = TaskQuery.parse(self.views.view(), self.search_box.text(), group)
        if query == self._query:
            return
        self._query = query
        self._place = _Place(selected=self._place_now().selected)
        self._load(query, PAGE_SIZE)

    def reload(self) -> None:
        self._place = self._place_now()
        self._load(self._query, max(PAGE_SIZE, min(self.model.top_level_count(), RESTORE_LIMIT)))

    def _place_now(self) -> _Place:
        current = self.tree.currentIndex()
        task = self.model.task_at(current)
        expanded, groups = set(), set()
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if self.tree.isExpanded(index):
                found, group = self.model.task_at(index), self.model.group_at(index)
                if found is not None:
                    expanded.add(found.id)
                elif group is not None:
                    groups.add(group.ident)
        return _Place(
            selected=task.id if task is not None else self._place.selected,
            row=current.row() if current.isValid() and not current.parent().isValid() else -1,
            scroll=self.tree.verticalScrollBar().value(),
            expanded=expanded,
            groups=groups,
        )

    def _load(self, query: TaskQuery, limit: int) -> None:
        generation = self._generation.next()

        def done(page: TaskPage | GroupList) -> None:
            if not shiboken6.isValid(self) or generation != self._generation.value:
                return
            if isinstance(page, GroupList):
                self._show_groups(query, page)
            else:
                self._show(query, page)
            self.loaded.emit()
            # Counting waits for the typing to pause, so it never holds up a page.
            self._count_timer.start()

        def error(exc: Exception) -> None:
            if not shiboken6.isValid(self) or generation != self._generation.value:
                return
            log.error("loading tasks failed", exc_info=exc)
            self.status_label.setText(describe_error(exc))
            self.failed.emit(describe_error(exc))

        if query.grouped:
            self.ctx.read(lambda services: load_groups(services, query), done, error)
        else:
            self.ctx.read(lambda services: load_page(services, query, 0, limit), done, error)

    def _show(self, query: TaskQuery, page: TaskPage) -> None:
        self._clock = page

        def more(services: Services, offset: int, limit: int) -> TaskPage:
            return load_page(services, query, offset, limit)

        self.model.reset(page, more, load_children, reorderable=query.reorderable)
        self._stack.setCurrentWidget(self.tree if page.rows else self.empty_label)
        self.empty_label.setText(self._empty_text(query))
        self._restore(self._place)
        self._update_status()

    def _show_groups(self, query: TaskQuery, groups: GroupList) -> None:
        def group_page(services: Services, group: TaskGroup, offset: int, limit: int) -> TaskPage:
            return load_group_page(services, query, group, offset, limit)

        self.model.reset_groups(groups, group_page, load_children)
        self._stack.setCurrentWidget(self.tree if groups.groups else self.empty_label)
        self.empty_label.setText(self._empty_text(query))
        self._restore(self._place)
        self._update_status()

    def _restore(self, place: _Place) -> None:
        wanted = self._select_next or place.selected
        self._select_next = None
        for ident in place.groups:
            index = self.model.index_of_group(ident)
            if index.isValid():
                self.tree.expand(index)
        for task_id in place.expanded:
            index = self.model.index_of(task_id)
            if index.isValid():
                self.tree.expand(index)
        if place.scroll:
            self.tree.doItemsLayout()  # the scroll range must cover the rows first
            self.tree.verticalScrollBar().setValue(place.scroll)
        if wanted is not None and self.select_task(wanted):
            self._place.selected = None
            return
        rows = self.model.rowCount()
        if place.row >= 0 and rows:
            self.tree.setCurrentIndex(self.model.index(min(place.row, rows - 1), 0))

    def _after_fetch(self) -> None:
        if self._place.selected is not None and self.select_task(self._place.selected):
            self._place.selected = None
        self._update_status()

    def _on_fetch_failed(self, exc: Exception) -> None:
        log.error("fetching more tasks failed", exc_info=exc)
        self.status_label.setText(describe_error(exc))

    def is_busy(self) -> bool:
        """Whether a page or the view counts are still to come."""
        return self._count_timer.isActive() or self.model.is_fetching()

    def _load_counts(self) -> None:
        current, query = self._generation, self._query
        generation = current.value

        def still_wanted() -> bool:
            return current.value == generation

        def done(counts: dict[str, int] | None) -> None:
            if counts is None or not shiboken6.isValid(self) or not still_wanted():
                return
            self.views.set_counts(counts)
            self._update_status()

        def error(exc: Exception) -> None:
            log.error("counting tasks failed", exc_info=exc)

        # Aside: five counts over a big list must not delay the next pane's read.
        self.ctx.read_aside(
            lambda services: load_counts(services, query, still_wanted), done, error
        )

    def _update_status(self) -> None:
        if self.model.grouped:
            groups = self.model.top_level_count()
            total = self.views.count_of(self._query.view)
            words = self.tr("1 group") if groups == 1 else self.tr("{n} groups").format(n=groups)
            if total is not None:
                tasks = self.tr("1 task") if total == 1 else self.tr("{n} tasks")
                words = f"{tasks.format(n=f'{total:,}')} · {words}"
            self.status_label.setText(words)
            return
        shown = self.model.top_level_count()
        total = self.views.count_of(self._query.view)
        if total is None or total <= shown:
            text = self.tr("1 task") if shown == 1 else self.tr("{n} tasks").format(n=f"{shown:,}")
        else:
            text = self.tr("Showing {shown} of {total} tasks").format(
                shown=f"{shown:,}", total=f"{total:,}"
            )
        self.status_label.setText(text)

    def _empty_text(self, query: TaskQuery) -> str:
        if query.search or query.tag:
            return self.tr("No task matches the filter.")
        return {
            "today": self.tr("Nothing due today. Press Insert to add a task."),
            "upcoming": self.tr("Nothing coming up."),
            "overdue": self.tr("Nothing overdue."),
            "all": self.tr("No open tasks. Press Insert to add one."),
            "done": self.tr("No finished tasks yet."),
        }.get(query.view, "")

    # -- changing (see tasks_edits) ------------------------------------------------------

    def new_task(self) -> None:
        """Ask for a new task in the editor and add it through `add_task`."""
        self.edits.new_task()

    def open_editor(self) -> None:
        """Edit the current task in the editor and save it through `update_task`; on a
        group head, open or close the group."""
        current = self.tree.currentIndex()
        if self.model.group_at(current) is not None:
            self.tree.setExpanded(current, not self.tree.isExpanded(current))
            return
        self.edits.open_editor()

    def open_task(self, task_id: uuid.UUID) -> None:
        """Show `task_id` in the list when it is there, and open it in the editor."""
        self.select_task(task_id)
        self.edits.open_task(task_id)

    def delete_current(self) -> None:
        """Delete the current task (and its subtasks) once the user confirms."""
        self.edits.delete_current()

    def select_after_reload(self, task_id: uuid.UUID) -> None:
        """Make `task_id` current once the next reload shows it."""
        self._select_next = task_id
