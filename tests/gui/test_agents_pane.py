"""The Agents pane on a real store: runs stream and really act, approvals wait, Approve runs,
Edit checks the arguments against the catalog, Deny discards; Stop cancels; history and
performance update; the keyboard works; the pane's item models pass qtmodeltester."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.agents.model import ModelReply, ProviderError, ToolCall, Usage
from desktop.config import Settings
from desktop.runtime.agent_worker import FLUSH_MS
from desktop.services.container import Services
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.agents_dialogs import EditArgumentsDialog
from desktop.ui.panes.agents_pane import AgentsPane
from desktop.ui.panes.base import Pane, PaneContext
from desktop.ui.panes.registry import load_factory
from tests.conftest import FakeClock
from tests.gui.agents_helpers import (
    ScriptedProvider,
    cells,
    open_agents,
    run_and_wait,
    send_reply,
    text_reply,
)

pytestmark = pytest.mark.gui

PaneWindow = Callable[[str, Callable[[PaneContext], Pane]], MainWindow]


def outbox(services: Services) -> list[Any]:
    return [m for m in services.messages.list(limit=None) if "outbox" in m.labels]


def test_the_registry_builds_the_agents_pane() -> None:
    assert load_factory("agents") is AgentsPane


def test_offline_run_streams_adds_the_task_and_updates_history_and_stats(
    qtbot: QtBot, pane_window: PaneWindow, pane_ctx: PaneContext, services: Services
) -> None:
    pane = open_agents(qtbot, pane_window, pane_ctx)
    box = pane.run_box
    assert pane.provider_label.text() == "Model: Offline planner"
    assert box.agent_combo.currentData() == "assistant"
    assert box.agent_combo.count() >= 5
    assert pane.lists.history_model.rowCount() == 0

    box.prompt.setPlainText("add a task to call mom tomorrow")
    box.prompt.setFocus()
    with qtbot.waitSignal(pane.run_finished, timeout=15000) as blocker:
        QTest.keyClick(box.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    view = blocker.args[0]
    assert view.status == "done"
    assert pane.worker.text_updates >= 1  # the answer came as streamed text
    assert "Call mom" in box.output.toPlainText()
    assert box.output.toPlainText().strip() == view.output.strip()
    assert box.prompt.toPlainText() == "add a task to call mom tomorrow"  # no newline typed

    tomorrow = services.ctx.today() + timedelta(days=1)
    tasks = [t for t in services.tasks.list() if t.title == "Call mom"]
    assert [t.due for t in tasks] == [tomorrow]
    assert cells(box.steps_model, 1) == ["add_task"]
    assert '"Call mom"' in cells(box.steps_model, 2)[0]
    assert "Call mom" in cells(box.steps_model, 3)[0]

    qtbot.waitUntil(lambda: pane.lists.history_model.rowCount() == 1)
    history = pane.lists.history_model
    assert cells(history, 1) == ["assistant"]
    assert cells(history, 3) == ["done"]
    assert cells(history, 4) == ["$0"]
    stats = pane.lists.stats_model
    qtbot.waitUntil(lambda: stats.rowCount() == 1)
    assert [stats.index(0, c).data() for c in range(3)] == ["assistant", "1", "100 %"]
    assert "Done in" in box.status.text()


def test_an_outbound_step_waits_then_approve_sends_and_deny_discards(
    qtbot: QtBot,
    pane_window: PaneWindow,
    pane_ctx: PaneContext,
    services: Services,
    clock: FakeClock,
) -> None:
    provider = ScriptedProvider(
        lambda n: send_reply() if n % 2 == 0 else text_reply("The message waits for you.")
    )
    pane = open_agents(qtbot, pane_window, pane_ctx, provider)
    view = run_and_wait(qtbot, pane, "assistant", "tell Bob lunch is at noon")
    assert view.status == "pending"
    assert view.pending == 1
    assert outbox(services) == []  # nothing went out without approval
    assert cells(pane.run_box.steps_model, 3) == ["waiting for approval"]
    assert "approval" in pane.run_box.status.text()
    # What the model said before and after the tool call, as two paragraphs.
    assert pane.run_box.output.toPlainText() == "I will send it.\n\nThe message waits for you."
    clock.advance(minutes=5)
    run_and_wait(qtbot, pane, "assistant", "tell Bob again")

    approvals = pane.approvals
    qtbot.waitUntil(lambda: approvals.model.rowCount() == 2)
    assert approvals.title.text() == "Waiting for approval (2)"
    assert cells(approvals.model, 1) == ["send_message", "send_message"]
    assert cells(approvals.model, 2) == ["outbound", "outbound"]
    assert "bob@example.com" in cells(approvals.model, 3)[0]
    newest = approvals.model.record_at(0)
    assert newest is not None
    assert newest.prompt == "tell Bob again"
    current = approvals.current()
    assert current is not None
    assert current.prompt == "tell Bob lunch is at noon"
    approvals.table.setCurrentIndex(approvals.model.index(0, 0))

    with qtbot.waitSignal(pane.approval_done, timeout=10000):
        approvals.approve_button.click()
    sent = outbox(services)
    assert [(m.subject, m.snippet) for m in sent] == [("Lunch", "See you at noon")]
    qtbot.waitUntil(lambda: approvals.model.rowCount() == 1)

    assert approvals.current() is not None
    with qtbot.waitSignal(pane.approval_done, timeout=10000) as blocker:
        approvals.deny_button.click()
    denied = blocker.args[0]
    assert [s.status for s in denied.steps] == ["denied"]
    assert denied.status == "done"
    qtbot.waitUntil(lambda: approvals.model.rowCount() == 0)
    assert approvals.empty.isVisibleTo(pane)
    assert not approvals.approve_button.isEnabled()
    assert len(outbox(services)) == 1  # the denied message was never queued
    qtbot.waitUntil(lambda: cells(pane.lists.history_model, 3) == ["done", "done"])
    assert all(c.startswith("$0.0") for c in cells(pane.lists.history_model, 4))


def test_edit_checks_the_arguments_then_approves_with_them(
    qtbot: QtBot,
    pane_window: PaneWindow,
    pane_ctx: PaneContext,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    provider = ScriptedProvider(lambda n: send_reply() if n == 0 else text_reply("Waiting."))
    pane = open_agents(qtbot, pane_window, pane_ctx, provider)
    run_and_wait(qtbot, pane, "assistant", "tell Bob lunch is at noon")
    qtbot.waitUntil(lambda: pane.approvals.model.rowCount() == 1)
    asked: list[dict[str, Any]] = []

    def ask(cls: object, parent: object, tool: str, args: dict[str, Any], check: Any) -> Any:
        asked.append(args)
        return {**args, "body": "Lunch moved to one"}

    monkeypatch.setattr(EditArgumentsDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(pane.approval_done, timeout=10000):
        pane.approvals.edit_button.click()
    assert asked == [{"to": ["bob@example.com"], "subject": "Lunch", "body": "See you at noon"}]
    assert [m.snippet for m in outbox(services)] == ["Lunch moved to one"]


def test_the_edit_dialog_refuses_bad_json_and_arguments_the_action_does_not_take(
    qtbot: QtBot, pane_window: PaneWindow, pane_ctx: PaneContext
) -> None:
    pane = open_agents(qtbot, pane_window, pane_ctx)

    def check(args: dict[str, Any], ok: Any, error: Any) -> None:
        pane.worker.check_args("send_message", args, ok, error)

    dialog = EditArgumentsDialog("send_message", {"to": ["a@example.com"], "body": "x"}, check)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editor.setPlainText('{"to": ["a@example.com"],\n "body": }')
    dialog.accept()
    assert "line 2, column" in dialog.problem.text()
    assert dialog.result_value is None
    assert dialog.isVisible()

    dialog.editor.setPlainText('{"to": ["a@example.com"], "body": "hi", "cc": "x"}')
    dialog.accept()
    qtbot.waitUntil(lambda: "no parameter cc" in dialog.problem.text())
    assert dialog.result_value is None
    assert dialog.isVisible()

    dialog.editor.setPlainText('{"to": ["a@example.com"]}')
    dialog.accept()
    qtbot.waitUntil(lambda: "needs body" in dialog.problem.text())

    dialog.editor.setPlainText('{"to": ["a@example.com"], "body": "hi"}')
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result_value is not None)
    assert dialog.result_value == {"to": ["a@example.com"], "body": "hi"}


def test_stop_cancels_before_the_next_step_and_the_run_is_logged_cancelled(
    qtbot: QtBot, pane_window: PaneWindow, pane_ctx: PaneContext, services: Services
) -> None:
    gate = threading.Event()
    add = ToolCall("call-1", "add_task", {"title": "Never added"})
    provider = ScriptedProvider([ModelReply("Adding it.", (add,), Usage(10, 5))], gate=gate)
    pane = open_agents(qtbot, pane_window, pane_ctx, provider)
    box = pane.run_box
    with qtbot.waitSignal(pane.run_finished, timeout=15000) as blocker:
        pane.run("assistant", "add a task I will regret")
        assert provider.entered.wait(10)  # the model is "thinking"
        assert box.stop_button.isEnabled()
        assert not box.run_button.isEnabled()
        box.stop_button.click()
        assert "Stopping" in box.status.text()
        gate.set()
    view = blocker.args[0]
    assert view.status == "cancelled"
    assert not [t for t in services.tasks.list() if t.title == "Never added"]
    assert box.run_button.isEnabled()
    assert not box.stop_button.isEnabled()
    qtbot.waitUntil(lambda: cells(pane.lists.history_model, 3) == ["cancelled"])


def test_streamed_text_is_coalesced_to_about_thirty_updates_a_second(
    qtbot: QtBot, pane_window: PaneWindow, pane_ctx: PaneContext
) -> None:
    words = " ".join(f"word{n}" for n in range(300))
    provider = ScriptedProvider([text_reply(words)], piece_size=5, piece_pause=0.002)
    pane = open_agents(qtbot, pane_window, pane_ctx, provider)
    run_and_wait(qtbot, pane, "researcher", "say many words")
    pieces = -(-len(words) // 5)
    assert pane.run_box.output.toPlainText() == words
    allowed = provider.streamed_for * 1000 / FLUSH_MS + 3
    assert 1 <= pane.worker.text_updates <= allowed, (pane.worker.text_updates, allowed)
    assert pane.worker.text_updates < pieces / 3


def test_a_failing_provider_is_reported_and_logged_as_failed(
    qtbot: QtBot, pane_window: PaneWindow, pane_ctx: PaneContext
) -> None:
    def fail(_n: int) -> Any:
        raise ProviderError("auth", "the OpenAI API key was refused; set a valid key")

    pane = open_agents(qtbot, pane_window, pane_ctx, ScriptedProvider(fail))
    assert run_and_wait(qtbot, pane, "assistant", "hello") is None
    assert "API key was refused" in pane.run_box.status.text()
    assert "API key was refused" in pane.run_box.output.toPlainText()
    qtbot.waitUntil(lambda: cells(pane.lists.history_model, 3) == ["failed"])
    qtbot.waitUntil(lambda: pane.lists.stats_model.rowCount() == 1)
    assert pane.lists.stats_model.index(0, 2).data() == "0 %"


def test_opening_a_run_from_the_history_shows_its_steps_and_output(
    qtbot: QtBot, pane_window: PaneWindow, pane_ctx: PaneContext
) -> None:
    pane = open_agents(qtbot, pane_window, pane_ctx)
    run_and_wait(qtbot, pane, "assistant", "add a task to water the plants tomorrow")
    qtbot.waitUntil(lambda: pane.lists.history_model.rowCount() == 1)
    pane.run_box.output.clear()
    pane.run_box.steps_model.set_records([])
    history = pane.lists.history
    history.setFocus()
    history.setCurrentIndex(pane.lists.history_model.index(0, 0))
    QTest.keyClick(history, Qt.Key.Key_Return)
    assert "Water the plants" in pane.run_box.output.toPlainText()
    assert cells(pane.run_box.steps_model, 1) == ["add_task"]
    assert "water the plants" in pane.run_box.run_title.text()


def test_keyboard_ctrl_enter_needs_a_prompt_and_tab_walks_the_pane(
    qtbot: QtBot, pane_window: PaneWindow, pane_ctx: PaneContext
) -> None:
    pane = open_agents(qtbot, pane_window, pane_ctx)
    box = pane.run_box
    box.prompt.setFocus()
    QTest.keyClick(box.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Type what the agent should do" in box.status.text()
    assert not pane.worker.running

    box.agent_combo.setFocus()
    order = [box.agent_combo, box.prompt, box.run_button, box.output, box.steps]
    order += [pane.approvals.table, pane.lists]
    for widget in order[:-1]:
        assert QApplication.focusWidget() is widget, (widget, QApplication.focusWidget())
        QTest.keyClick(widget, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is pane.lists.tabBar() or pane.lists.isAncestorOf(
        QApplication.focusWidget()
    )
    for widget in (box.agent_combo, box.prompt, box.output, box.steps, pane.approvals.table):
        assert widget.accessibleName()


def test_the_provider_comes_from_settings_and_the_button_opens_preferences(
    qtbot: QtBot, pane_window: PaneWindow, pane_ctx: PaneContext, services: Services
) -> None:
    settings = Settings(services.settings_path)
    settings.set("agents.provider", "openai")
    settings.set("agents.model", "gpt-4o-mini")
    pane = open_agents(qtbot, pane_window, pane_ctx)
    assert pane.provider_label.text() == "Model: OpenAI gpt-4o-mini"
    preferences = QAction("Preferences", pane.window())
    preferences.setObjectName("preferencesAction")
    opened: list[bool] = []
    preferences.triggered.connect(lambda: opened.append(True))
    settings.set("agents.provider", "local")
    settings.set("agents.model", "")
    with qtbot.waitSignal(pane.loaded):
        pane.settings_button.click()
    assert opened == [True]
    assert pane.provider_label.text().startswith("Model: Local server llama3.1")


def test_the_item_models_pass_the_model_tester(
    qtbot: QtBot, pane_window: PaneWindow, pane_ctx: PaneContext, qtmodeltester: Any
) -> None:
    provider = ScriptedProvider(lambda n: send_reply() if n == 0 else text_reply("Waiting."))
    pane = open_agents(qtbot, pane_window, pane_ctx, provider)
    run_and_wait(qtbot, pane, "assistant", "tell Bob")
    qtbot.waitUntil(lambda: pane.approvals.model.rowCount() == 1)
    qtbot.waitUntil(lambda: pane.lists.stats_model.rowCount() == 1)
    for model in (
        pane.run_box.steps_model,
        pane.approvals.model,
        pane.lists.history_model,
        pane.lists.stats_model,
    ):
        assert model.rowCount() == 1
        qtmodeltester.check(model)


def test_an_approved_step_that_fails_says_why_and_leaves_the_queue(
    qtbot: QtBot, pane_window: PaneWindow, pane_ctx: PaneContext, services: Services
) -> None:
    bad = {"to": ["not an address"], "body": "hello"}
    provider = ScriptedProvider(lambda n: send_reply(bad) if n == 0 else text_reply("Waiting."))
    pane = open_agents(qtbot, pane_window, pane_ctx, provider)
    run_and_wait(qtbot, pane, "assistant", "write to nobody")
    qtbot.waitUntil(lambda: pane.approvals.model.rowCount() == 1)
    with qtbot.waitSignal(pane.approval_done, timeout=10000) as blocker:
        pane.approvals.approve_button.click()
    assert [s.status for s in blocker.args[0].steps] == ["error"]
    assert "Approved, but send_message failed" in pane.run_box.status.text()
    assert cells(pane.run_box.steps_model, 3)[0].startswith("error:")
    assert outbox(services) == []
    qtbot.waitUntil(lambda: pane.approvals.model.rowCount() == 0)
