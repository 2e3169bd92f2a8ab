"""The Workflows pane on a real store: build a workflow in the editor (by keyboard), list,
switch on and off, run now (a real task is made and the trace shows it), dry run (nothing
is written), a send_message step waits until Approve (or Deny), edit, delete, start from
a template, and the pane's models pass qtmodeltester. The editor's forms and checks:
test_workflows_editor.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.services.container import Services
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.base import Pane, PaneContext
from desktop.ui.panes.registry import load_factory
from desktop.ui.panes.workflows_editor import DefinitionCheck, WorkflowEditor
from desktop.ui.panes.workflows_model import ENABLED_COLUMN
from desktop.ui.panes.workflows_pane import WorkflowsPane
from desktop.ui.panes.workflows_pane_parts import ConfirmWorkflowDelete
from desktop.ui.panes.workflows_templates_dialog import TemplatePicker

pytestmark = pytest.mark.gui

PaneWindow = Callable[[str, Callable[[PaneContext], Pane]], MainWindow]
Driver = Callable[[WorkflowEditor], None]

TASK_STEP = {"kind": "action", "action": "add_task", "args": {"title": "Water the plants"}}
SEND_STEP = {
    "kind": "action",
    "action": "send_message",
    "args": {"to": ["bob@example.com"], "subject": "Lunch", "body": "See you at noon"},
}


def definition(name: str, *steps: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"name": name, "trigger": {"kind": "manual"}, "steps": list(steps), **extra}


def outbox(services: Services) -> list[Any]:
    return [m for m in services.messages.list(limit=None) if "outbox" in m.labels]


def cells(model: Any, column: int) -> list[str]:
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


@pytest.fixture
def open_pane(qtbot: QtBot, pane_window: PaneWindow) -> Callable[[], WorkflowsPane]:
    def make() -> WorkflowsPane:
        window = pane_window("workflows", WorkflowsPane)
        with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "workflows"):
            window.select_pane("workflows")
        pane = window.pane_widget("workflows")
        assert isinstance(pane, WorkflowsPane)
        qtbot.waitUntil(lambda: pane.history.title.text() != "" and pane.ctx.runner.busy_count == 0)
        return pane

    return make


@pytest.fixture
def drive_editor(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Callable[[Driver], list[WorkflowEditor]]:
    """Replaces the modal `WorkflowEditor.ask` with the real dialog, shown without a nested
    exec, which `driver` fills in (with keys); it returns once the dialog closed."""
    opened: list[WorkflowEditor] = []

    def install(driver: Driver) -> list[WorkflowEditor]:
        def ask(
            parent: Any,
            catalog: Any,
            check: DefinitionCheck,
            definition: dict[str, Any] | None = None,
            title: str = "",
        ) -> dict[str, Any] | None:
            editor = WorkflowEditor(catalog, check, definition, parent, title=title)
            opened.append(editor)
            editor.show()
            editor.activateWindow()
            qtbot.waitUntil(editor.isActiveWindow)
            driver(editor)
            qtbot.waitUntil(lambda: not editor.isVisible(), timeout=10000)
            return editor.result_value

        monkeypatch.setattr(WorkflowEditor, "ask", ask)
        return opened

    return install


def add_through_service(services: Services, data: dict[str, Any]) -> str:
    return str(services.workflows.add(data).value.id)


def reload_and_select(qtbot: QtBot, pane: WorkflowsPane, ident: str) -> None:
    with qtbot.waitSignal(pane.loaded):
        pane.reload()
    pane.select(ident)
    qtbot.waitUntil(lambda: pane.history.title.text().endswith("”"))


def test_the_registry_builds_the_workflows_pane() -> None:
    assert load_factory("workflows") is WorkflowsPane


def test_a_workflow_built_in_the_editor_by_keyboard_is_stored_and_listed(
    qtbot: QtBot,
    open_pane: Callable[[], WorkflowsPane],
    drive_editor: Callable[[Driver], list[WorkflowEditor]],
    services: Services,
) -> None:
    pane = open_pane()
    assert pane.model.rowCount() == 0
    assert not pane.run_button.isEnabled()

    def fill(editor: WorkflowEditor) -> None:
        assert editor.windowTitle() == "New workflow"
        assert editor.focusWidget() is editor.name
        QTest.keyClicks(editor.name, "Weekday plants")
        QTest.keyClick(editor.name, Qt.Key.Key_Tab)
        QTest.keyClicks(QApplication.focusWidget(), "Water them on work days")
        trigger = editor.trigger_form
        trigger.kind.setFocus()
        QTest.keyClick(trigger.kind, Qt.Key.Key_Home)  # "At a time" is the first kind
        assert trigger.kind.currentData() == "time"
        trigger.at.setFocus()
        QTest.keyClicks(trigger.at, "0930")
        for day in ("mon", "wed", "fri"):
            trigger.day_boxes[day].setFocus()
            QTest.keyClick(trigger.day_boxes[day], Qt.Key.Key_Space)
        QTest.keyClick(editor, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # Steps tab
        assert editor.tabs.currentWidget() is editor.steps_form
        steps = editor.steps_form
        QTest.keyClick(steps.add_button, Qt.Key.Key_Space)
        assert steps.action.currentData() == "add_task"
        title = steps.args.field("title")
        assert isinstance(title, QLineEdit)
        title.setFocus()
        QTest.keyClicks(title, "Water the plants on {{today}}")
        QTest.keyClick(editor.name, Qt.Key.Key_Return)

    drive_editor(fill)
    with qtbot.waitSignal(pane.loaded, timeout=10000):
        pane.new_button.click()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1)

    stored = services.workflows.list()
    assert [w.name for w in stored] == ["Weekday plants"]
    detail = services.workflows.get(stored[0].id)
    assert detail.description == "Water them on work days"
    assert detail.definition["trigger"] == {
        "kind": "time",
        "at": "09:30",
        "days": ["mon", "wed", "fri"],
        "missed": "run_once",
    }
    assert detail.definition["steps"] == [
        {"kind": "action", "action": "add_task", "args": {"title": "Water the plants on {{today}}"}}
    ]
    assert cells(pane.model, 0) == ["Weekday plants"]
    assert cells(pane.model, 1) == [stored[0].trigger_text]
    assert pane.model.index(0, ENABLED_COLUMN).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )
    assert cells(pane.model, 3) == ["Never"]
    assert pane.selected_id() == str(stored[0].id)
    assert pane.run_button.isEnabled()


def test_ticking_enabled_switches_the_workflow_off_and_on(
    qtbot: QtBot, open_pane: Callable[[], WorkflowsPane], services: Services
) -> None:
    ident = add_through_service(services, definition("Plants", TASK_STEP))
    pane = open_pane()
    reload_and_select(qtbot, pane, ident)
    index = pane.proxy.index(0, ENABLED_COLUMN)
    assert pane.proxy.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    with qtbot.waitSignal(pane.loaded, timeout=10000):
        assert pane.proxy.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert services.workflows.get(ident).enabled is False
    assert cells(pane.model, ENABLED_COLUMN) == ["Off"]
    index = pane.proxy.index(0, ENABLED_COLUMN)  # the reload made new rows
    with qtbot.waitSignal(pane.loaded, timeout=10000):
        pane.proxy.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert services.workflows.get(ident).enabled is True


def test_run_now_makes_the_task_and_the_history_shows_the_trace(
    qtbot: QtBot, open_pane: Callable[[], WorkflowsPane], services: Services, qtmodeltester: Any
) -> None:
    ident = add_through_service(services, definition("Plants", TASK_STEP))
    pane = open_pane()
    reload_and_select(qtbot, pane, ident)
    assert pane.history.runs_model.rowCount() == 0
    assert "No run yet" in pane.history.run_info.text()

    with qtbot.waitSignal(pane.run_done, timeout=10000) as blocker:
        QTest.keyClick(pane, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    run = blocker.args[0]
    assert run.status == "done"
    assert not run.dry_run
    assert [t.title for t in services.tasks.list()] == ["Water the plants"]
    assert "ran: 1 step(s) done" in pane.status.text()

    history = pane.history
    qtbot.waitUntil(lambda: history.runs_model.rowCount() == 1)
    assert cells(history.runs_model, 1) == ["done"]
    assert cells(history.runs_model, 2) == ["real"]
    trace = history.trace_model
    assert trace.rowCount() == 1
    assert cells(trace, 0) == ["1"]
    assert cells(trace, 1) == ["done"]
    assert cells(trace, 2) == ["add_task"]
    assert "Water the plants" in cells(trace, 3)[0]
    assert "Water the plants" in cells(trace, 4)[0]
    assert cells(trace, 5)[0].endswith("ms") or cells(trace, 5)[0].endswith("s")
    qtbot.waitUntil(lambda: cells(pane.model, 5) == ["1"])
    assert cells(pane.model, 4) == ["done"]
    for model in (pane.model, history.runs_model, trace):
        qtmodeltester.check(model)


def test_a_dry_run_writes_nothing_and_says_what_would_run(
    qtbot: QtBot, open_pane: Callable[[], WorkflowsPane], services: Services
) -> None:
    ident = add_through_service(services, definition("Plants", TASK_STEP))
    pane = open_pane()
    reload_and_select(qtbot, pane, ident)
    with qtbot.waitSignal(pane.run_done, timeout=10000) as blocker:
        pane.dry_run_button.click()
    run = blocker.args[0]
    assert run.dry_run
    assert services.tasks.list() == []
    assert "nothing was changed" in pane.status.text()
    history = pane.history
    qtbot.waitUntil(lambda: history.trace_model.rowCount() == 1)
    assert cells(history.runs_model, 2) == ["dry run"]
    assert cells(history.trace_model, 1) == ["would run"]
    assert "nothing was changed" in history.run_info.text()
    assert not history.approve_button.isVisible()


def test_a_send_message_step_waits_and_approve_sends_it(
    qtbot: QtBot, open_pane: Callable[[], WorkflowsPane], services: Services
) -> None:
    ident = add_through_service(services, definition("Lunch", TASK_STEP, SEND_STEP))
    pane = open_pane()
    reload_and_select(qtbot, pane, ident)
    with qtbot.waitSignal(pane.run_done, timeout=10000) as blocker:
        pane.run_button.click()
    assert blocker.args[0].status == "pending_approval"
    assert outbox(services) == []
    assert "waits for your approval" in pane.status.text()
    history = pane.history
    qtbot.waitUntil(lambda: history.approve_button.isVisible())
    assert cells(history.trace_model, 1) == ["done", "waiting for approval"]
    assert history.deny_button.isVisible()

    with qtbot.waitSignal(pane.approval_done, timeout=10000) as approved:
        history.approve_button.click()
    assert approved.args[0].status == "done"
    assert [m.subject for m in outbox(services)] == ["Lunch"]
    qtbot.waitUntil(lambda: cells(history.trace_model, 1) == ["done", "done"])
    assert not history.approve_button.isVisible()
    assert [t.title for t in services.tasks.list()] == ["Water the plants"]  # ran once


def test_deny_stops_the_run_and_nothing_is_sent(
    qtbot: QtBot, open_pane: Callable[[], WorkflowsPane], services: Services
) -> None:
    ident = add_through_service(services, definition("Lunch", SEND_STEP))
    pane = open_pane()
    reload_and_select(qtbot, pane, ident)
    with qtbot.waitSignal(pane.run_done, timeout=10000):
        pane.run_button.click()
    qtbot.waitUntil(lambda: pane.history.deny_button.isVisible())
    with qtbot.waitSignal(pane.approval_done, timeout=10000) as denied:
        pane.history.deny_button.click()
    assert denied.args[0].status == "stopped"
    assert outbox(services) == []


def test_edit_by_enter_and_delete_by_the_delete_key(
    qtbot: QtBot,
    open_pane: Callable[[], WorkflowsPane],
    drive_editor: Callable[[Driver], list[WorkflowEditor]],
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ident = add_through_service(services, definition("Plants", TASK_STEP))
    pane = open_pane()
    reload_and_select(qtbot, pane, ident)

    def rename(editor: WorkflowEditor) -> None:
        assert editor.windowTitle() == "Edit workflow"
        assert editor.name.text() == "Plants"
        assert editor.steps_form.value() == [TASK_STEP]
        editor.name.selectAll()
        QTest.keyClicks(editor.name, "Garden")
        QTest.keyClick(editor.name, Qt.Key.Key_Return)

    opened = drive_editor(rename)
    pane.table.setFocus()
    with qtbot.waitSignal(pane.loaded, timeout=10000):
        QTest.keyClick(pane.table, Qt.Key.Key_Return)
    assert len(opened) == 1
    assert services.workflows.get(ident).name == "Garden"
    assert cells(pane.model, 0) == ["Garden"]

    asked: list[str] = []

    def confirm(parent: Any, title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(ConfirmWorkflowDelete, "ask", confirm)
    pane.window().activateWindow()  # the editor had it
    qtbot.waitUntil(pane.window().isActiveWindow)
    pane.table.setFocus()
    with qtbot.waitSignal(pane.loaded, timeout=10000):
        QTest.keyClick(pane.table, Qt.Key.Key_Delete)
    assert asked
    assert "Garden" in asked[0]
    assert services.workflows.list() == []
    assert pane.model.rowCount() == 0
    assert not pane.edit_button.isEnabled()


def test_delete_asks_first_and_cancel_keeps_the_workflow(
    qtbot: QtBot,
    open_pane: Callable[[], WorkflowsPane],
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ident = add_through_service(services, definition("Plants", TASK_STEP))
    pane = open_pane()
    reload_and_select(qtbot, pane, ident)
    monkeypatch.setattr(ConfirmWorkflowDelete, "ask", lambda *args: False)
    pane.delete_button.click()
    qtbot.waitUntil(lambda: pane.ctx.runner.busy_count == 0)
    assert [w.name for w in services.workflows.list()] == ["Plants"]


def test_a_template_is_picked_adjusted_and_added(
    qtbot: QtBot,
    open_pane: Callable[[], WorkflowsPane],
    drive_editor: Callable[[Driver], list[WorkflowEditor]],
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pane = open_pane()
    shown: list[list[str]] = []

    def pick(parent: Any, templates: list[Any]) -> Any:
        picker = TemplatePicker(templates, parent)
        qtbot.addWidget(picker)
        shown.append([picker.list.item(i).text() for i in range(picker.list.count())])
        row = next(i for i, t in enumerate(templates) if t.name == "daily-agenda")
        picker.list.setCurrentRow(row)
        assert "08:00" in picker.about.text()
        return picker.chosen()

    monkeypatch.setattr(TemplatePicker, "ask", pick)

    def adjust(editor: WorkflowEditor) -> None:
        assert editor.windowTitle().startswith("New workflow: ")
        assert editor.trigger_form.kind.currentData() == "time"
        editor.trigger_form.at.setFocus()
        QTest.keyClicks(editor.trigger_form.at, "0715")
        QTest.keyClick(editor.name, Qt.Key.Key_Return)

    drive_editor(adjust)
    with qtbot.waitSignal(pane.loaded, timeout=10000):
        pane.template_button.click()
    assert len(shown[0]) >= 6
    stored = services.workflows.list()
    assert len(stored) == 1
    trigger = services.workflows.get(stored[0].id).definition["trigger"]
    assert trigger["kind"] == "time"
    assert trigger["at"] == "07:15"
