"""The Projects, Workflows, Agents and Voice panes on a real store: list, search, sort,
create, edit, delete (projects), add (voice commands), the agent run's details, and
the item models under qtmodeltester."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.core.errors import UserError
from desktop.services.container import Services
from desktop.services.records import ProjectView
from desktop.services.tasks import TaskDraft, TaskFilter
from desktop.store.models import VoiceCommand
from desktop.store.profile import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.base import Pane, PaneContext
from desktop.ui.panes.projects_pane import (
    ConfirmDeleteProject,
    ProjectEditor,
    ProjectFields,
    ProjectsPane,
)
from desktop.ui.panes.records_base import RecordListPane
from desktop.ui.panes.records_model import SORT_ROLE, Column, RecordTableModel
from desktop.ui.panes.records_panes import VoiceCommandEditor, VoicePane, rate_text
from desktop.ui.panes.registry import PANES_WITH_WIDGETS, load_factory
from tests.conftest import FakeClock

pytestmark = pytest.mark.gui

PANES: dict[str, Callable[[PaneContext], Pane]] = {
    "projects": ProjectsPane,
    "voice": VoicePane,
}


@pytest.fixture
def seeded(services: Services, store: Store, clock: FakeClock) -> None:
    services.records.add_project(
        "Atrium", repository_url="https://github.com/example/atrium", description="The app"
    )
    services.records.add_project("Garden", description="Beds and\nseeds")
    services.records.add_voice_command("what is overdue", "list_tasks")
    services.records.add_voice_command("new note", "add_note")


@pytest.fixture
def window(qtbot: QtBot, pane_ctx: PaneContext) -> Iterator[MainWindow]:
    builders = {name: (lambda cls=cls: cls(pane_ctx)) for name, cls in PANES.items()}
    window = MainWindow(pane_ctx.runner, pane_ctx.events, pane_builders=builders)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    yield window
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)


def open_pane(qtbot: QtBot, window: MainWindow, name: str) -> Any:
    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == name):
        window.select_pane(name)
    pane = window.pane_widget(name)
    assert isinstance(pane, RecordListPane)
    return pane


def cells(pane: RecordListPane[Any], column: int = 0) -> list[str]:
    proxy = pane.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def row_texts(pane: RecordListPane[Any]) -> list[list[str]]:
    proxy = pane.proxy
    return [
        [proxy.index(row, col).data() for col in range(proxy.columnCount())]
        for row in range(proxy.rowCount())
    ]


# -- the panes are registered ----------------------------------------------------------


def test_the_registry_builds_these_panes() -> None:
    # "agents" and "workflows" have their own panes (test_agents_pane.py, test_workflows_pane.py).
    for name in ("projects", "voice"):
        assert name in PANES_WITH_WIDGETS
        assert load_factory(name) is PANES[name]
    assert load_factory("agents").__name__ == "AgentsPane"
    assert load_factory("workflows").__name__ == "WorkflowsPane"
    assert load_factory("agents").__module__ == "desktop.ui.panes.agents_pane"
    assert load_factory("workflows").__module__ == "desktop.ui.panes.workflows_pane"


# -- projects --------------------------------------------------------------------------


def test_projects_are_listed_and_pass_the_model_tester(
    qtbot: QtBot, window: MainWindow, seeded: None, qtmodeltester: Any
) -> None:
    pane = open_pane(qtbot, window, "projects")
    assert row_texts(pane) == [
        ["Atrium", "Active", "https://github.com/example/atrium", "The app"],
        ["Garden", "Active", "", "Beds and seeds"],
    ]
    assert pane.count_label.text() == "2 projects"
    assert pane.current().name == "Atrium"  # the first row is current
    assert pane.edit_button.isEnabled()
    qtmodeltester.check(pane.model)
    qtmodeltester.check(pane.proxy)


def test_search_filters_and_escape_clears(qtbot: QtBot, window: MainWindow, seeded: None) -> None:
    pane = open_pane(qtbot, window, "projects")
    QTest.keyClicks(pane.search, "seeds")
    assert cells(pane) == ["Garden"]
    assert pane.count_label.text() == "1 of 2 projects"
    QTest.keyClick(pane.search, Qt.Key.Key_Escape)
    assert cells(pane) == ["Atrium", "Garden"]
    QTest.keyClick(pane.search, Qt.Key.Key_Down)
    assert pane.table.hasFocus()


def test_new_project_is_created_through_the_editor(
    qtbot: QtBot, window: MainWindow, seeded: None, services: Services, monkeypatch: Any
) -> None:
    fields = ProjectFields("Boat", "https://github.com/example/boat", "A boat", "paused")
    monkeypatch.setattr(ProjectEditor, "ask", classmethod(lambda cls, parent, p: fields))
    pane = open_pane(qtbot, window, "projects")

    with qtbot.waitSignal(pane.loaded):
        pane.new_button.click()
    qtbot.waitUntil(lambda: "Paused" in cells(pane, 1))

    [boat] = [p for p in services.records.projects() if p.name == "Boat"]
    assert (boat.repository_url, boat.description, boat.status) == (
        "https://github.com/example/boat",
        "A boat",
        "paused",
    )
    assert pane.current().name == "Boat"  # the new project is selected


def test_enter_edits_the_current_project(
    qtbot: QtBot, window: MainWindow, seeded: None, services: Services, monkeypatch: Any
) -> None:
    seen: list[ProjectView | None] = []

    def ask(cls: object, parent: object, project: ProjectView | None) -> ProjectFields:
        seen.append(project)
        return ProjectFields("Garden plots", "", "Raised beds", "done")

    monkeypatch.setattr(ProjectEditor, "ask", classmethod(ask))
    pane = open_pane(qtbot, window, "projects")
    pane.table.setFocus()
    QTest.keyClick(pane.table, Qt.Key.Key_Down)
    assert pane.current().name == "Garden"

    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.table, Qt.Key.Key_Return)

    assert [p.name for p in seen if p] == ["Garden"]
    garden = next(p for p in services.records.projects() if p.name == "Garden plots")
    assert (garden.description, garden.status, garden.repository_url) == (
        "Raised beds",
        "done",
        None,
    )
    assert pane.current().name == "Garden plots"
    assert cells(pane, 1) == ["Active", "Done"]


def test_a_bad_repository_url_is_reported(
    qtbot: QtBot, window: MainWindow, seeded: None, monkeypatch: Any
) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr(
        "desktop.ui.panes.projects_pane.show_error",
        lambda parent, exc, what="": shown.append(exc),
    )
    monkeypatch.setattr(
        ProjectEditor,
        "ask",
        classmethod(lambda cls, parent, p: ProjectFields("Atrium", "ftp://nope", "", "active")),
    )
    pane = open_pane(qtbot, window, "projects")
    pane.edit_button.click()
    qtbot.waitUntil(lambda: bool(shown))
    assert isinstance(shown[0], UserError)
    assert "'ftp://nope' is not a repository URL" in str(shown[0])


def test_delete_asks_first_and_keeps_the_tasks(
    qtbot: QtBot, window: MainWindow, seeded: None, services: Services, monkeypatch: Any
) -> None:
    atrium = next(p for p in services.records.projects() if p.name == "Atrium")
    task = services.tasks.add(TaskDraft("Ship it", project_id=atrium.id)).value
    answers = [False, True]
    asked: list[str] = []

    def ask(cls: object, parent: object, name: str) -> bool:
        asked.append(name)
        return answers.pop(0)

    monkeypatch.setattr(ConfirmDeleteProject, "ask", classmethod(ask))
    pane = open_pane(qtbot, window, "projects")
    pane.table.setFocus()

    QTest.keyClick(pane.table, Qt.Key.Key_Delete)  # answered No
    assert asked == ["Atrium"]
    assert len(services.records.projects()) == 2

    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.table, Qt.Key.Key_Delete)
    assert [p.name for p in services.records.projects()] == ["Garden"]
    assert cells(pane) == ["Garden"]
    assert pane.current().name == "Garden"
    [kept] = services.tasks.list(TaskFilter())
    assert kept.id == task.id
    assert kept.project_id is None


def test_the_project_editor_needs_a_name_and_saves_with_enter(qtbot: QtBot) -> None:
    editor = ProjectEditor(None)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.windowTitle() == "New project"
    QTest.keyClick(editor.name, Qt.Key.Key_Return)
    assert editor.result_value is None
    assert editor.problem.text() == "A project needs a name."
    QTest.keyClicks(editor.name, "  Kiln ")
    QTest.keyClicks(editor.repository, "https://github.com/example/kiln")
    editor.status.setCurrentIndex(editor.status.findData("archived"))
    QTest.keyClick(editor.name, Qt.Key.Key_Return)
    assert editor.result_value == ProjectFields(
        "Kiln", "https://github.com/example/kiln", "", "archived"
    )


def test_the_project_editor_cancels_with_escape(qtbot: QtBot) -> None:
    project = ProjectView(uuid.uuid4(), "Atrium", "https://x.example/a", "App", "paused")
    editor = ProjectEditor(project)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.windowTitle() == "Edit project"
    assert editor.name.text() == "Atrium"
    assert editor.status.currentData() == "paused"
    assert editor.repository.text() == "https://x.example/a"
    QTest.keyClick(editor.name, Qt.Key.Key_Escape)
    assert editor.result_value is None
    assert not editor.isVisible()


def test_sorting_by_a_column_uses_its_sort_key(
    qtbot: QtBot, window: MainWindow, seeded: None, store: Store
) -> None:
    """Numbers sort as numbers ("2" before "10"), through the column's sort key."""
    with store.unit_of_work() as uow:
        for row in uow.s.scalars(select(VoiceCommand)):
            row.usage_count, row.success_count = (10, 5) if row.phrase == "new note" else (2, 2)
        uow.commit()
    pane = open_pane(qtbot, window, "voice")
    pane.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # uses
    assert cells(pane, 3) == ["2", "10"]
    assert [pane.proxy.index(r, 3).data(SORT_ROLE) for r in range(2)] == [2, 10]
    pane.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # success rate
    assert cells(pane, 4) == ["100 %", "50 %"]


# -- voice -----------------------------------------------------------------------------


def test_voice_commands_are_listed_and_added(
    qtbot: QtBot,
    window: MainWindow,
    seeded: None,
    services: Services,
    monkeypatch: Any,
    qtmodeltester: Any,
) -> None:
    offered: list[list[str]] = []

    def ask(cls: object, parent: object, actions: list[str]) -> tuple[str, str]:
        offered.append(list(actions))
        return ("Plan My Week", "plan_schedule")

    monkeypatch.setattr(VoiceCommandEditor, "ask", classmethod(ask))
    pane = open_pane(qtbot, window, "voice")
    assert row_texts(pane) == [
        ["new note", "add_note", "On", "0", "–", "Never"],
        ["what is overdue", "list_tasks", "On", "0", "–", "Never"],
    ]
    assert "deleting them come with the voice issue" in pane.note_label.text()
    qtmodeltester.check(pane.model)

    with qtbot.waitSignal(pane.loaded):
        pane.add_command_button.click()
    assert "plan_schedule" in offered[0]
    assert cells(pane) == ["new note", "plan my week", "what is overdue"]
    assert pane.current().phrase == "plan my week"
    assert len(services.records.voice_commands()) == 3


def test_the_voice_command_editor_needs_a_phrase(qtbot: QtBot) -> None:
    editor = VoiceCommandEditor(["add_task", "list_tasks"])
    qtbot.addWidget(editor)
    editor.show()
    QTest.keyClick(editor.phrase, Qt.Key.Key_Return)
    assert editor.result_value is None
    assert editor.problem.isVisibleTo(editor)
    QTest.keyClicks(editor.phrase, "show my tasks")
    editor.action.setCurrentIndex(1)
    QTest.keyClick(editor.phrase, Qt.Key.Key_Return)
    assert editor.result_value == ("show my tasks", "list_tasks")


# -- the model and the wording ---------------------------------------------------------


def test_the_record_model_on_its_own(qtmodeltester: Any) -> None:
    model: RecordTableModel[tuple[str, int]] = RecordTableModel(
        [
            Column("Name", lambda r: r[0]),
            Column(
                "Count",
                lambda r: str(r[1]),
                sort=lambda r: r[1],
                numeric=True,
                check=lambda r: r[1] > 1,
            ),
        ]
    )
    qtmodeltester.check(model)
    model.set_records([("a", 1), ("b", 10)])
    qtmodeltester.check(model)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Count"
    assert model.index(1, 1).data(SORT_ROLE) == 10
    assert model.index(1, 1).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) is None
    assert model.record_at(5) is None
    assert model.row_of("nothing") == -1
    model.set_records([])
    assert model.rowCount() == 0


def test_wording_helpers() -> None:
    assert rate_text(0, 0) == "–"
    assert rate_text(3, 2) == "67 %"
