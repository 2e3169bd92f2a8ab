"""The Tasks pane through the UI: views and counts, filtering as you type, the editor,
inline completion, deleting, subtasks, drag to reorder, keeping the place on reloads."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import shiboken6
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.services.container import Services
from desktop.services.tasks import TaskDraft, TaskFilter, TaskView
from desktop.ui.dialogs.task_editor import DeleteTaskQuestion, TaskEdit, TaskEditor
from desktop.ui.main_window import MainWindow
from desktop.ui.models.task_model import PAGE_SIZE, TASK_ROLE
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.registry import pane_factories
from desktop.ui.panes.tasks_pane import TasksPane
from tests.conftest import FIXED_NOW

pytestmark = pytest.mark.gui

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 3, 4)


@pytest.fixture
def window(qtbot: QtBot, pane_ctx: PaneContext) -> Iterator[MainWindow]:
    window = MainWindow(
        pane_ctx.runner,
        pane_ctx.events,
        pane_builders={"tasks": lambda: pane_factories()["tasks"](pane_ctx)},
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    # The view counts come a moment after each page: let them land before the runner stops.
    pane = window.findChild(TasksPane)
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0 and not _busy(pane))


def _busy(pane: TasksPane | None) -> bool:
    return pane is not None and shiboken6.isValid(pane) and pane.is_busy()


@pytest.fixture
def seeded(services: Services) -> Services:
    """Open tasks due yesterday, today, tomorrow, next week and never; one done."""
    services.tasks.add_many(
        [
            TaskDraft("Pay the rent", due=TODAY - timedelta(days=1), priority="urgent"),
            TaskDraft("Call the dentist", due=TODAY, tags=["health"]),
            TaskDraft("Water the plants", due=datetime(2026, 3, 4, 18, 0, tzinfo=BERLIN)),
            TaskDraft("Buy a present", due=TODAY + timedelta(days=1), tags=["family"]),
            TaskDraft("Plan the trip", due=TODAY + timedelta(days=8)),
            TaskDraft("Read a book"),
            TaskDraft("Old chore", status="done"),
        ]
    )
    return services


def _open(qtbot: QtBot, window: MainWindow) -> TasksPane:
    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "tasks"):
        window.select_pane("tasks")
    pane = window.pane_widget("tasks")
    assert isinstance(pane, TasksPane)
    qtbot.waitUntil(lambda: pane.views.count_of("done") is not None)
    return pane


def _titles(pane: TasksPane, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    model = pane.model
    return [model.index(r, 0, parent).data(TASK_ROLE).title for r in range(model.rowCount(parent))]


def _select(pane: TasksPane, title: str) -> TaskView:
    row = _titles(pane).index(title)
    pane.tree.setFocus()
    pane.tree.setCurrentIndex(pane.model.index(row, 0))
    task = pane.current_task()
    assert task is not None
    return task


def _show_view(qtbot: QtBot, pane: TasksPane, view: str) -> None:
    with qtbot.waitSignal(pane.loaded):
        pane.views.select(view)


def _idle(qtbot: QtBot, pane: TasksPane) -> None:
    qtbot.waitUntil(lambda: not pane.is_busy() and pane.ctx.runner.busy_count == 0)


def test_today_lists_what_is_due_or_overdue_and_every_view_has_its_count(
    qtbot: QtBot, window: MainWindow, seeded: Services, qtmodeltester: Any
) -> None:
    pane = _open(qtbot, window)

    assert _titles(pane) == ["Pay the rent", "Call the dentist", "Water the plants"]
    qtmodeltester.check(pane.model)
    counts = {view: pane.views.count_of(view) for view in ("today", "upcoming", "overdue")}
    assert counts == {"today": 3, "upcoming": 2, "overdue": 1}
    assert (pane.views.count_of("all"), pane.views.count_of("done")) == (6, 1)
    assert pane.model.index(0, 1).data() == "Yesterday"
    assert pane.model.index(2, 1).data() == "Today 18:00"
    assert pane.status_label.text() == "3 tasks"


def test_views_switch_with_the_keyboard(qtbot: QtBot, window: MainWindow, seeded: Services) -> None:
    pane = _open(qtbot, window)
    pane.views.setFocus()

    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.views, Qt.Key.Key_Down)
    assert _titles(pane) == ["Buy a present", "Plan the trip"]
    assert pane.model.index(0, 1).data() == "Tomorrow"
    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.views, Qt.Key.Key_Down)
    assert _titles(pane) == ["Pay the rent"]
    _show_view(qtbot, pane, "done")
    assert _titles(pane) == ["Old chore"]
    _show_view(qtbot, pane, "all")
    assert len(_titles(pane)) == 6


def test_the_filter_box_filters_as_you_type_and_drops_stale_results(
    qtbot: QtBot, window: MainWindow, seeded: Services
) -> None:
    pane = _open(qtbot, window)
    _show_view(qtbot, pane, "all")

    pane.search_box.setFocus()
    QTest.keyClicks(pane.search_box, "plan")
    assert pane.query.search is None  # waits for the typing to pause
    with qtbot.waitSignal(pane.loaded, timeout=2000):
        pass
    assert _titles(pane) == ["Water the plants", "Plan the trip"]
    qtbot.waitUntil(lambda: pane.views.count_of("upcoming") == 1)

    # A slow first query overtaken by a second one: only the second is shown.
    pane.search_box.setText("rent")
    pane.apply_filter()
    pane.search_box.setText("#family")
    pane.apply_filter()
    _idle(qtbot, pane)
    assert pane.query.tag == "family"
    assert _titles(pane) == ["Buy a present"]

    QTest.keyClick(pane.search_box, Qt.Key.Key_Down)  # Down goes to the list
    assert pane.tree.currentIndex().row() == 0
    QTest.keyClick(pane.search_box, Qt.Key.Key_Escape)  # clears the box
    with qtbot.waitSignal(pane.loaded, timeout=2000):
        pass
    assert len(_titles(pane)) == 6

    pane.search_box.setText("nothing-like-this")
    with qtbot.waitSignal(pane.loaded, timeout=2000):
        pass
    assert pane.empty_label.isVisible()
    assert pane.empty_label.text() == "No task matches the filter."


def test_insert_opens_the_editor_and_adds_the_task(
    qtbot: QtBot,
    window: MainWindow,
    seeded: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pane = _open(qtbot, window)
    asked: list[TaskView | None] = []

    def ask(cls: type, parent: Any, task: TaskView | None, *rest: Any) -> TaskEdit:
        asked.append(task)
        assert rest[-1] == "today"  # a new task in Today is suggested for today
        return TaskEdit("Book flights", "window seat", "today 20:00", "high", ["trip"], "45m", None)

    monkeypatch.setattr(TaskEditor, "ask", classmethod(ask))
    pane.tree.setFocus()
    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.tree, Qt.Key.Key_Insert)

    assert asked == [None]
    qtbot.waitUntil(lambda: pane.current_task() is not None)
    added = pane.current_task()
    assert added is not None
    assert added.title == "Book flights"
    assert "Book flights" in _titles(pane)
    stored = seeded.tasks.get(added.id)
    assert (stored.notes, stored.priority, stored.tags) == ("window seat", "high", ("trip",))
    assert stored.estimate_minutes == 45
    assert stored.due == datetime(2026, 3, 4, 20, 0, tzinfo=BERLIN)


def test_enter_opens_the_editor_and_ctrl_enter_saves_every_field(
    qtbot: QtBot,
    window: MainWindow,
    seeded: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    project = seeded.records.add_project("Household").value
    pane = _open(qtbot, window)
    task = _select(pane, "Call the dentist")

    def ask(
        cls: type, parent: Any, shown: TaskView, projects: Any, now: Any, zone: Any, due: str
    ) -> Any:
        assert shown.id == task.id
        assert [p.name for p in projects] == ["Household"]
        dialog = TaskEditor(parent, shown, projects, now, zone)
        qtbot.addWidget(dialog)
        dialog.open()
        assert dialog.due_edit.text() == "2026-03-04"
        assert dialog.tags_edit.text() == "#health"
        dialog.title_edit.setText("Call the dentist again")
        dialog.due_edit.setText("fri 9:00")
        dialog.tags_edit.setText("#health #phone")
        dialog.estimate_edit.setText("15m")
        dialog.notes_edit.setPlainText("Ask about the bill")
        dialog.project_box.setCurrentIndex(1)
        QTest.keyClick(dialog.title_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert dialog.result() == QDialog.DialogCode.Accepted
        return dialog.edit()

    monkeypatch.setattr(TaskEditor, "ask", classmethod(ask))
    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.tree, Qt.Key.Key_Return)
    _idle(qtbot, pane)

    stored = seeded.tasks.get(task.id)
    assert stored.title == "Call the dentist again"
    assert stored.due == datetime(2026, 3, 6, 9, 0, tzinfo=BERLIN)
    assert (stored.tags, stored.estimate_minutes) == (("health", "phone"), 15)
    assert (stored.notes, stored.project_id) == ("Ask about the bill", project.id)
    # Due on Friday, it left Today.
    assert "Call the dentist again" not in _titles(pane)


def test_delete_asks_first_and_deletes_through_the_action(
    qtbot: QtBot,
    window: MainWindow,
    seeded: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pane = _open(qtbot, window)
    task = _select(pane, "Call the dentist")
    answers = [False, True]
    questions: list[str] = []

    def ask(cls: type, parent: Any, title: str, subtasks: int) -> bool:
        questions.append(title)
        return answers.pop(0)

    monkeypatch.setattr(DeleteTaskQuestion, "ask", classmethod(ask))
    QTest.keyClick(pane.tree, Qt.Key.Key_Delete)
    _idle(qtbot, pane)
    assert "Call the dentist" in _titles(pane)

    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.tree, Qt.Key.Key_Delete)
    assert questions == ["Call the dentist", "Call the dentist"]
    assert _titles(pane) == ["Pay the rent", "Water the plants"]
    assert seeded.tasks.list(TaskFilter(search="dentist")) == []
    # The row that took its place is selected.
    current = pane.current_task()
    assert current is not None
    assert current.title == "Water the plants"
    assert task.id not in {t.id for t in seeded.tasks.list()}


def test_space_and_the_box_complete_and_reopen_a_task_inline(
    qtbot: QtBot, window: MainWindow, seeded: Services
) -> None:
    pane = _open(qtbot, window)
    task = _select(pane, "Pay the rent")

    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.tree, Qt.Key.Key_Space)
    assert seeded.tasks.get(task.id).status == "done"
    assert "Pay the rent" not in _titles(pane)

    _show_view(qtbot, pane, "done")
    index = pane.model.index(_titles(pane).index("Pay the rent"), 0)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    rect = pane.tree.visualRect(index)
    box = QPoint(rect.left() + rect.height() // 2 + 2, rect.center().y())
    with qtbot.waitSignal(pane.loaded):  # a click on the box
        QTest.mouseClick(pane.tree.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert seeded.tasks.get(task.id).status == "todo"
    assert _titles(pane) == ["Old chore"]


def test_subtasks_show_as_a_tree_fetched_on_expand(
    qtbot: QtBot, window: MainWindow, seeded: Services, qtmodeltester: Any
) -> None:
    parent = seeded.tasks.list(TaskFilter(search="trip"))[0]
    for title in ("Book the hotel", "Renew the passport"):
        seeded.tasks.add(TaskDraft(title, parent_id=parent.id))
    pane = _open(qtbot, window)
    _show_view(qtbot, pane, "all")
    assert "Book the hotel" not in _titles(pane)  # subtasks sit under their parent

    _select(pane, "Plan the trip")
    index = pane.tree.currentIndex()
    assert pane.model.hasChildren(index)
    assert not pane.model.hasChildren(pane.model.index(_titles(pane).index("Read a book"), 0))
    with qtbot.waitSignal(pane.model.rows_fetched):
        QTest.keyClick(pane.tree, Qt.Key.Key_Right)
    assert _titles(pane, index) == ["Book the hotel", "Renew the passport"]
    qtmodeltester.check(pane.model)

    # An expanded parent stays expanded, with its subtasks, across a reload.
    with qtbot.waitSignal(pane.loaded):
        pane.ctx.act("add_task", {"title": "Pack", "parent_id": str(parent.id)})
    qtbot.waitUntil(lambda: len(_titles(pane, pane.model.index_of(parent.id))) == 3)
    assert pane.tree.isExpanded(pane.model.index_of(parent.id))


def test_dragging_a_row_in_the_all_view_saves_the_new_order(
    qtbot: QtBot, window: MainWindow, seeded: Services
) -> None:
    pane = _open(qtbot, window)
    _show_view(qtbot, pane, "all")
    before = _titles(pane)
    model = pane.model
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled

    # What the view does on a drop: the dragged row's data, dropped before row 3.
    data = model.mimeData([model.index(0, 0)])
    with qtbot.waitSignal(pane.loaded):
        assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    expected = [before[1], before[2], before[0], *before[3:]]
    assert _titles(pane) == expected
    stored = seeded.tasks.list(TaskFilter(order="manual", roots_only=True))
    assert [task.title for task in stored] == expected
    current = pane.current_task()
    assert current is not None
    assert current.title == before[0]


def test_the_selection_and_scroll_position_survive_a_reload(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    services.tasks.add_many([TaskDraft(f"Task {i:03}") for i in range(450)])
    pane = _open(qtbot, window)
    _show_view(qtbot, pane, "all")
    assert pane.model.rowCount() == PAGE_SIZE
    assert pane.status_label.text() == "Showing 200 of 450 tasks"

    pane.tree.scrollToBottom()  # the view asks for the next page
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2 * PAGE_SIZE)
    pane.tree.setCurrentIndex(pane.model.index(300, 0))
    pane.tree.scrollTo(pane.model.index(300, 0))
    scroll = pane.tree.verticalScrollBar().value()
    assert scroll > 0

    with qtbot.waitSignal(pane.loaded):
        pane.ctx.act("add_task", {"title": "From elsewhere"})
    current = pane.current_task()
    assert current is not None
    assert current.title == "Task 300"
    assert pane.tree.verticalScrollBar().value() == scroll
    assert pane.model.rowCount() >= 2 * PAGE_SIZE


def test_the_editor_checks_its_fields_and_escape_cancels(qtbot: QtBot, services: Services) -> None:
    dialog = TaskEditor(None, None, [], FIXED_NOW, BERLIN)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.windowTitle() == "New task"
    QTest.keyClicks(dialog.title_edit, "Plan the week")
    dialog.due_edit.setText("next blursday")
    QTest.keyClick(dialog.title_edit, Qt.Key.Key_Return)  # Enter saves, but the due is wrong
    assert dialog.isVisible()
    assert dialog.error_label.text().startswith("Due:")
    dialog.due_edit.setText("mon")
    dialog.estimate_edit.setText("forever")
    QTest.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    assert dialog.error_label.text().startswith("Estimate:")
    dialog.estimate_edit.clear()
    QTest.keyClick(dialog.title_edit, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.edit() == TaskEdit("Plan the week", "", "mon", "medium", [], "", None)

    other = TaskEditor(None, None, [], FIXED_NOW, BERLIN, suggested_due="tomorrow")
    qtbot.addWidget(other)
    other.open()
    assert other.due_edit.text() == "tomorrow"
    QTest.keyClick(other.title_edit, Qt.Key.Key_Escape)
    assert other.result() == QDialog.DialogCode.Rejected
    assert other.edit() is None


# -- grouping -------------------------------------------------------------------------


@pytest.fixture
def forget_grouping() -> Iterator[None]:
    """The Group by choice outlives a pane; put it back for the tests that follow."""
    TasksPane.remembered_group = "none"
    yield
    TasksPane.remembered_group = "none"


def _heads(pane: TasksPane) -> list[str]:
    return [pane.model.index(r, 0).data() for r in range(pane.model.rowCount())]


def _expand(qtbot: QtBot, pane: TasksPane, row: int) -> QModelIndex:
    index = pane.model.index(row, 0)
    pane.tree.setFocus()
    pane.tree.setCurrentIndex(index)
    with qtbot.waitSignal(pane.model.rows_fetched):
        QTest.keyClick(pane.tree, Qt.Key.Key_Right)
    return index


def test_group_by_project_and_tag_from_the_keyboard_in_every_view(
    qtbot: QtBot, window: MainWindow, seeded: Services, forget_grouping: None, qtmodeltester: Any
) -> None:
    home = seeded.records.add_project("Home").value
    for title in ("Pay the rent", "Water the plants"):
        task = seeded.tasks.list(TaskFilter(search=title))[0]
        seeded.tasks.update(task.id, project_id=home.id)
    pane = _open(qtbot, window)
    assert pane.group_box.accessibleName() == "Group by"

    # Tab from the filter box reaches the box (its label's buddy: Alt+G); arrows choose.
    assert pane.group_label.buddy() is pane.group_box
    window.activateWindow()
    qtbot.waitActive(window)
    pane.search_box.setFocus()
    QTest.keyClick(pane.search_box, Qt.Key.Key_Tab)
    qtbot.waitUntil(pane.group_box.hasFocus)
    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.group_box, Qt.Key.Key_Down)
    assert pane.query.group == "project"
    assert _heads(pane) == ["Home  (2)", "No project  (1)"]
    assert pane.status_label.text() in ("2 groups", "3 tasks · 2 groups")
    qtbot.waitUntil(lambda: pane.status_label.text() == "3 tasks · 2 groups")
    head = _expand(qtbot, pane, 0)
    assert _titles(pane, head) == ["Pay the rent", "Water the plants"]
    assert pane.tree.isExpanded(head)
    qtmodeltester.check(pane.model)

    # Enter on a task opens it; on a head it closes and opens the group.
    QTest.keyClick(pane.tree, Qt.Key.Key_Return)
    assert not pane.tree.isExpanded(head)
    QTest.keyClick(pane.tree, Qt.Key.Key_Return)
    assert pane.tree.isExpanded(head)

    # A change reloads the heads and keeps the open group open.
    with qtbot.waitSignal(pane.loaded):
        pane.ctx.act("add_task", {"title": "Mow the lawn", "due": "today"})
    qtbot.waitUntil(lambda: _heads(pane) == ["Home  (2)", "No project  (2)"])
    qtbot.waitUntil(lambda: pane.model.rowCount(pane.model.index(0, 0)) == 2)
    assert pane.tree.isExpanded(pane.model.index(0, 0))

    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.group_box, Qt.Key.Key_Down)
    assert pane.query.group == "tag"
    assert _heads(pane) == ["#health  (1)", "No tag  (3)"]

    # Other views and the filter box keep the grouping.
    _show_view(qtbot, pane, "upcoming")
    assert _heads(pane) == ["#family  (1)", "No tag  (1)"]
    family = _expand(qtbot, pane, 0)
    assert _titles(pane, family) == ["Buy a present"]
    _show_view(qtbot, pane, "done")
    assert _heads(pane) == ["No tag  (1)"]
    _show_view(qtbot, pane, "all")
    with qtbot.waitSignal(pane.loaded):
        pane.search_box.setText("#family")
        pane.apply_filter()
    assert _heads(pane) == ["#family  (1)"]
    with qtbot.waitSignal(pane.loaded):
        pane.search_box.setText("nothing-like-this")
        pane.apply_filter()
    assert pane.empty_label.isVisible()

    # Back to none: plain rows.
    with qtbot.waitSignal(pane.loaded):
        pane.search_box.setText("")
        pane.set_grouping("none")
    assert len(_titles(pane)) == 7
    assert not pane.model.grouped


def test_the_grouping_is_remembered_while_the_app_runs(
    qtbot: QtBot, pane_ctx: PaneContext, seeded: Services, forget_grouping: None
) -> None:
    first = TasksPane(pane_ctx)
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.loaded):
        first.reload()
    with qtbot.waitSignal(first.loaded):
        first.set_grouping("tag")
    assert _heads(first) == ["#health  (1)", "No tag  (2)"]
    first.close()

    second = TasksPane(pane_ctx)
    qtbot.addWidget(second)
    assert second.group_box.currentData() == "tag"
    with qtbot.waitSignal(second.loaded):
        second.reload()
    assert second.model.grouped
    assert _heads(second) == ["#health  (1)", "No tag  (2)"]
    qtbot.waitUntil(lambda: not second.is_busy() and pane_ctx.runner.busy_count == 0)
    qtbot.waitUntil(lambda: not first.is_busy())


def test_a_long_group_fetches_its_next_page_when_scrolled_into_sight(
    qtbot: QtBot, pane_ctx: PaneContext, services: Services, forget_grouping: None
) -> None:
    services.tasks.add_many([TaskDraft(f"Chore {i:03}", tags=["home"]) for i in range(450)])
    pane = TasksPane(pane_ctx)
    qtbot.addWidget(pane)
    pane.resize(800, 500)
    pane.show()
    qtbot.waitExposed(pane)
    pane.views.select("all")
    with qtbot.waitSignal(pane.loaded):
        pane.set_grouping("tag")
    head = _expand(qtbot, pane, 0)
    _idle(qtbot, pane)
    assert pane.model.rowCount(head) == PAGE_SIZE  # one page: the rest is out of sight
    with qtbot.waitSignal(pane.model.rows_fetched):
        pane.tree.scrollToBottom()
    assert pane.model.rowCount(head) == 2 * PAGE_SIZE
    pane.tree.scrollToBottom()
    qtbot.waitUntil(lambda: pane.model.rowCount(head) == 450)
    _idle(qtbot, pane)
