"""The task tree model: pages fetched off the GUI thread, subtasks on expand, checks, drops."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from desktop.services.container import Services
from desktop.services.tasks import TaskDraft, TaskFilter, TaskView
from desktop.ui.models.task_model import PAGE_SIZE, TASK_ROLE, TaskTreeModel
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.tasks_format import (
    COLUMNS,
    OVERDUE,
    day_text,
    due_text,
    estimate_text,
    parse_tags,
)
from desktop.ui.panes.tasks_query import (
    TaskGroup,
    TaskPage,
    TaskQuery,
    load_children,
    load_group_page,
    load_groups,
    load_page,
)

pytestmark = pytest.mark.gui

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 3, 4)  # FIXED_NOW, a Wednesday
T = TypeVar("T")


def _read(qtbot: QtBot, ctx: PaneContext, fn: Callable[[Services], T]) -> T:
    """Run `fn(services)` the way panes do and wait for its result."""
    box: list[T] = []
    ctx.read(fn, box.append)
    qtbot.waitUntil(lambda: bool(box))
    return box[0]


def _model(
    qtbot: QtBot, ctx: PaneContext, query: TaskQuery, threads: list[int] | None = None
) -> TaskTreeModel:
    """A model showing the first page of `query`; later pages note their thread in `threads`."""
    threads = [] if threads is None else threads

    def more(services: Services, offset: int, limit: int) -> TaskPage:
        threads.append(threading.get_ident())
        return load_page(services, query, offset, limit)

    model = TaskTreeModel(ctx)
    page = _read(qtbot, ctx, lambda s: load_page(s, query, 0, PAGE_SIZE))
    model.reset(page, more, load_children, reorderable=query.reorderable)
    return model


def _titles(model: TaskTreeModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    return [
        model.index(row, 0, parent).data(TASK_ROLE).title for row in range(model.rowCount(parent))
    ]


@pytest.fixture
def many(services: Services) -> Services:
    """450 open top-level tasks in manual order; #7 has three subtasks, one of them done."""
    services.tasks.add_many([TaskDraft(f"Task {i:03}") for i in range(450)])
    parent = services.tasks.list(TaskFilter(order="manual", limit=8))[7]
    for title, status in (("Sub A", "todo"), ("Sub B", "done"), ("Sub C", "todo")):
        services.tasks.add(TaskDraft(title, parent_id=parent.id, status=status))
    return services


def test_pages_are_fetched_off_the_gui_thread_until_the_end(
    qtbot: QtBot, pane_ctx: PaneContext, many: Services, qtmodeltester
) -> None:
    threads: list[int] = []
    model = _model(qtbot, pane_ctx, TaskQuery("all"), threads)
    assert model.rowCount() == PAGE_SIZE
    assert _titles(model)[:3] == ["Task 000", "Task 001", "Task 002"]
    assert model.canFetchMore(QModelIndex())

    with qtbot.waitSignal(model.rows_fetched):
        model.fetchMore(QModelIndex())
        assert model.rowCount() == PAGE_SIZE  # nothing waits on the GUI thread
        assert not model.canFetchMore(QModelIndex())  # one fetch at a time
    assert model.rowCount() == 2 * PAGE_SIZE
    with qtbot.waitSignal(model.rows_fetched):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert _titles(model)[-1] == "Task 449"
    assert not model.canFetchMore(QModelIndex())
    assert len(threads) == 2
    assert threading.get_ident() not in threads
    qtmodeltester.check(model)


def test_only_tasks_with_subtasks_expand_and_fetch_them_when_expanded(
    qtbot: QtBot, pane_ctx: PaneContext, many: Services, qtmodeltester
) -> None:
    model = _model(qtbot, pane_ctx, TaskQuery("all"))
    parent, plain = model.index(7, 0), model.index(6, 0)
    assert model.hasChildren(parent)
    assert not model.hasChildren(plain)
    assert (parent.data(), plain.data()) == ("Task 007  (3)", "Task 006")
    assert model.rowCount(parent) == 0
    assert model.canFetchMore(parent)
    assert not model.canFetchMore(plain)

    with qtbot.waitSignal(model.rows_fetched):
        model.fetchMore(parent)
    assert _titles(model, parent) == ["Sub A", "Sub B", "Sub C"]
    assert not model.canFetchMore(parent)
    child = model.index(1, 0, parent)
    assert model.parent(child) == parent
    assert child.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert child.data(Qt.ItemDataRole.FontRole).strikeOut()
    qtmodeltester.check(model)

    # Subtasks reorder among themselves: their parent takes drops, a leaf takes none.
    drop = Qt.ItemFlag.ItemIsDropEnabled
    assert model.flags(parent) & drop
    assert not model.flags(plain) & drop
    assert not model.flags(child) & drop
    subtask_a = model.index(0, 0, parent).data(TASK_ROLE).id
    data = model.mimeData([model.index(2, 0, parent)])
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    with qtbot.waitSignal(model.move_requested) as signal:
        assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, parent)
    assert signal.args[1:] == [None, subtask_a]
    assert _titles(model, parent) == ["Sub C", "Sub A", "Sub B"]
    qtmodeltester.check(model)


def test_results_of_replaced_rows_are_dropped(
    qtbot: QtBot, pane_ctx: PaneContext, many: Services
) -> None:
    model = _model(qtbot, pane_ctx, TaskQuery("all"))
    model.fetchMore(QModelIndex())  # still running when the rows are replaced
    page = load_page(many, TaskQuery("all", search="Task 001"), 0, PAGE_SIZE)
    model.reset(page, lambda s, o, n: load_page(s, TaskQuery("all"), o, n), load_children)
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)
    assert _titles(model) == ["Task 001"]


def test_ticking_a_box_shows_it_done_and_asks_for_the_completion(
    qtbot: QtBot, pane_ctx: PaneContext, many: Services
) -> None:
    model = _model(qtbot, pane_ctx, TaskQuery("all"))
    index = model.index(3, 0)
    task = index.data(TASK_ROLE)
    assert index.flags() & Qt.ItemFlag.ItemIsUserCheckable

    with qtbot.waitSignal(model.completion_requested) as signal:
        assert model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert signal.args == [task, True]
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    # Ticking it again changes nothing; clearing it asks to reopen.
    assert not model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    with qtbot.waitSignal(model.completion_requested) as signal:
        model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert signal.args[1] is False


def test_a_drop_between_two_rows_moves_the_row_and_names_its_neighbours(
    qtbot: QtBot, pane_ctx: PaneContext, many: Services, qtmodeltester
) -> None:
    model = _model(qtbot, pane_ctx, TaskQuery("all"))
    qtmodeltester.check(model)
    ids = [model.index(row, 0).data(TASK_ROLE).id for row in range(5)]
    assert model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled  # between top rows
    data = model.mimeData([model.index(0, 0), model.index(0, 1)])
    move = Qt.DropAction.MoveAction
    assert not model.canDropMimeData(data, move, -1, -1, model.index(2, 0))  # onto a row
    assert not model.canDropMimeData(data, move, 1, 0, QModelIndex())  # where it is

    with qtbot.waitSignal(model.move_requested) as signal:
        assert model.dropMimeData(data, move, 3, 0, QModelIndex())
    assert signal.args == [ids[0], ids[2], ids[3]]
    assert _titles(model)[:4] == ["Task 001", "Task 002", "Task 000", "Task 003"]

    up = model.mimeData([model.index(2, 0)])
    with qtbot.waitSignal(model.move_requested) as signal:
        model.dropMimeData(up, move, 0, 0, QModelIndex())
    assert signal.args == [ids[0], None, ids[1]]
    assert _titles(model)[:2] == ["Task 000", "Task 001"]


def test_rows_cannot_be_dragged_where_the_order_is_not_manual(
    qtbot: QtBot, pane_ctx: PaneContext, many: Services
) -> None:
    model = _model(qtbot, pane_ctx, TaskQuery("all", search="Task"))
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    data = model.mimeData([model.index(0, 0)])
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())


def test_columns_word_due_dates_priority_tags_and_estimates(
    qtbot: QtBot, pane_ctx: PaneContext, services: Services
) -> None:
    berlin_5pm = datetime(2026, 3, 4, 17, 0, tzinfo=BERLIN)
    services.tasks.add_many(
        [
            TaskDraft("Late", due=TODAY - timedelta(days=2), priority="urgent", tags=["home"]),
            TaskDraft("Tonight", due=berlin_5pm, estimate_minutes=90, tags=["a", "b"]),
            TaskDraft("Friday", due=date(2026, 3, 6), priority="low"),
        ]
    )
    model = _model(qtbot, pane_ctx, TaskQuery("upcoming"))
    assert _titles(model) == ["Friday"]
    model = _model(qtbot, pane_ctx, TaskQuery("today"))
    rows = {
        model.index(row, 0).data(): [model.index(row, c).data() for c in range(len(COLUMNS))]
        for row in range(model.rowCount())
    }
    assert rows == {
        "Late": ["Late", "2 Mar", "Urgent", "#home", ""],
        "Tonight": ["Tonight", "Today 17:00", "Medium", "#a #b", "1h30m"],
    }
    late = model.index(0, 1)
    assert late.data(TASK_ROLE).title == "Late"
    assert late.data(Qt.ItemDataRole.ForegroundRole) == OVERDUE
    assert model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Due"


def test_due_words_and_small_formats() -> None:
    assert [day_text(TODAY + timedelta(days=d), TODAY) for d in (-1, 0, 1, 2, 6, 7)] == [
        "Yesterday",
        "Today",
        "Tomorrow",
        "Friday",
        "Tuesday",
        "11 Mar",
    ]
    assert day_text(date(2027, 1, 5), TODAY) == "2027-01-05"
    utc_late = datetime(2026, 3, 4, 23, 30, tzinfo=ZoneInfo("UTC"))  # 00:30 in Berlin
    assert due_text(utc_late, TODAY, BERLIN) == "Tomorrow 00:30"
    assert [estimate_text(m) for m in (None, 45, 60, 150)] == ["", "45m", "1h", "2h30m"]
    assert parse_tags("#home, errand  #x") == ["home", "errand", "x"]


def test_a_task_view_is_what_the_rows_carry(
    qtbot: QtBot, pane_ctx: PaneContext, many: Services
) -> None:
    model = _model(qtbot, pane_ctx, TaskQuery("all"))
    task = model.index(0, 0).data(TASK_ROLE)
    assert isinstance(task, TaskView)
    assert isinstance(task.id, uuid.UUID)
    assert model.index_of(task.id, 2).row() == 0
    assert not model.index_of(uuid.uuid4()).isValid()


# -- grouped by project or by tag -------------------------------------------------------


def _grouped(
    qtbot: QtBot, ctx: PaneContext, query: TaskQuery, gate: list[bool] | None = None
) -> TaskTreeModel:
    """A model showing the group heads of `query`; `gate[0]` says whether more is wanted."""

    def group_page(services: Services, group: TaskGroup, offset: int, limit: int) -> TaskPage:
        return load_group_page(services, query, group, offset, limit)

    model = TaskTreeModel(ctx)
    if gate is not None:
        model.set_fetch_gate(lambda _parent: gate[0])
    groups = _read(qtbot, ctx, lambda s: load_groups(s, query))
    model.reset_groups(groups, group_page, load_children)
    return model


@pytest.fixture
def grouped(services: Services) -> Services:
    """Tasks in two projects and none, tagged work/home; 250 in "Big" to need two pages."""
    big = services.records.add_project("Big").value
    small = services.records.add_project("Small").value
    drafts = [TaskDraft(f"Big {i:03}", project_id=big.id, tags=["work"]) for i in range(250)]
    drafts += [
        TaskDraft("Small one", project_id=small.id, tags=["home", "work"]),
        TaskDraft("Loose end"),
        TaskDraft("Finished", project_id=small.id, status="done"),
    ]
    services.tasks.add_many(drafts)
    parent = services.tasks.list(TaskFilter(search="Small one"))[0]
    services.tasks.add(TaskDraft("Small step", parent_id=parent.id, project_id=small.id))
    return services


def test_grouped_by_project_heads_carry_counts_and_tasks_come_when_expanded(
    qtbot: QtBot, pane_ctx: PaneContext, grouped: Services, qtmodeltester
) -> None:
    gate = [False]
    model = _grouped(qtbot, pane_ctx, TaskQuery("all", group="project"), gate)
    assert model.grouped
    assert not model.reorderable
    heads = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert heads == ["Big  (250)", "Small  (1)", "No project  (1)"]
    big, small = model.index(0, 0), model.index(1, 0)
    assert model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == "Big: 250 tasks"
    assert model.group_at(big) is not None
    assert model.task_at(big) is None
    assert big.data(Qt.ItemDataRole.CheckStateRole) is None
    assert big.data(Qt.ItemDataRole.FontRole).bold()
    assert not model.flags(big) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.hasChildren(big)
    assert model.rowCount(big) == 0
    assert not model.canFetchMore(QModelIndex())  # the heads come all at once

    # The first page of a group comes on expanding it, the gate closed or not.
    assert model.canFetchMore(big)
    with qtbot.waitSignal(model.rows_fetched):
        model.fetchMore(big)
    assert model.rowCount(big) == PAGE_SIZE
    assert _titles(model, big)[:2] == ["Big 000", "Big 001"]
    assert not model.canFetchMore(big)  # the rest only when it comes into sight
    gate[0] = True
    assert model.canFetchMore(big)
    with qtbot.waitSignal(model.rows_fetched):
        model.fetchMore(big)
    assert model.rowCount(big) == 250
    assert not model.canFetchMore(big)

    # A task in a group keeps its subtasks beneath it.
    with qtbot.waitSignal(model.rows_fetched):
        model.fetchMore(small)
    parent = model.index(0, 0, small)
    assert _titles(model, small) == ["Small one"]
    assert model.hasChildren(parent)
    with qtbot.waitSignal(model.rows_fetched):
        model.fetchMore(parent)
    assert _titles(model, parent) == ["Small step"]
    assert model.parent(model.index(0, 0, parent)) == parent
    assert model.parent(parent) == small
    assert model.index_of(_titles_ids(model, parent)[0]).isValid()
    qtmodeltester.check(model)


def _titles_ids(model: TaskTreeModel, parent: QModelIndex) -> list[uuid.UUID]:
    return [model.index(r, 0, parent).data(TASK_ROLE).id for r in range(model.rowCount(parent))]


def test_grouped_by_tag_a_task_is_under_each_of_its_tags(
    qtbot: QtBot, pane_ctx: PaneContext, grouped: Services, qtmodeltester
) -> None:
    model = _grouped(qtbot, pane_ctx, TaskQuery("all", search="small", group="tag"))
    heads = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert heads == ["#home  (1)", "#work  (1)", "No tag  (1)"]  # "Small step" has none
    for row in range(2):
        head = model.index(row, 0)
        with qtbot.waitSignal(model.rows_fetched):
            model.fetchMore(head)
        assert _titles(model, head) == ["Small one"]
    qtmodeltester.check(model)

    done = _grouped(qtbot, pane_ctx, TaskQuery("done", group="tag"))
    assert [done.index(r, 0).data() for r in range(done.rowCount())] == ["No tag  (1)"]
    untagged = done.index(0, 0)
    with qtbot.waitSignal(done.rows_fetched):
        done.fetchMore(untagged)
    assert _titles(done, untagged) == ["Finished"]
    assert done.index_of_group(("tag", None)) == untagged
    qtmodeltester.check(done)


def test_ungrouping_after_grouping_shows_plain_rows_again(
    qtbot: QtBot, pane_ctx: PaneContext, grouped: Services, qtmodeltester
) -> None:
    model = _grouped(qtbot, pane_ctx, TaskQuery("all", group="project"))
    page = _read(qtbot, pane_ctx, lambda s: load_page(s, TaskQuery("all"), 0, PAGE_SIZE))
    model.reset(page, lambda s, o, n: load_page(s, TaskQuery("all"), o, n), load_children)
    assert not model.grouped
    assert model.group_at(model.index(0, 0)) is None
    assert model.rowCount() == PAGE_SIZE
    qtmodeltester.check(model)
