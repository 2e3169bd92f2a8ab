"""Helpers for the Agents pane tests: a scripted model provider and the pane in a window.

`ScriptedProvider` is a real `Provider`: it answers the agent loop with replies given
in advance (text streamed in pieces, tool calls), so the real loop, the real action
catalog and the real store do the rest. It can hold a reply until a gate opens, to
test Stop while a model call is under way.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from pytestqt.qtbot import QtBot

from desktop.agents.model import ChatMessage, ModelReply, ToolCall, ToolSpec, Usage
from desktop.agents.service import AgentService
from desktop.config import Settings
from desktop.runtime.agent_worker import AgentWorker
from desktop.services.container import Services
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.agents_pane import AgentsPane
from desktop.ui.panes.base import Pane, PaneContext

OUTBOUND_ARGS = {"to": ["bob@example.com"], "subject": "Lunch", "body": "See you at noon"}


def send_reply(args: dict[str, Any] | None = None) -> ModelReply:
    """The model asks to send a message (an outbound action: it must wait for approval)."""
    call = ToolCall("call-1", "send_message", dict(args or OUTBOUND_ARGS))
    return ModelReply(
        "I will send it.", (call,), Usage(1200, 80), "gpt-4o-mini", stop_reason="tool_use"
    )


def text_reply(text: str) -> ModelReply:
    return ModelReply(text, (), Usage(1500, 40), "gpt-4o-mini", stop_reason="end")


class ScriptedProvider:
    """Answers each `complete` with the next scripted reply, streaming its text in pieces."""

    name = "openai"
    model = "gpt-4o-mini"

    def __init__(
        self,
        replies: Sequence[ModelReply] | Callable[[int], ModelReply],
        *,
        piece_size: int = 4,
        piece_pause: float = 0.0,
        gate: threading.Event | None = None,
    ) -> None:
        self.replies = replies
        self.piece_size = piece_size
        self.piece_pause = piece_pause
        self.gate = gate
        self.calls = 0
        self.streamed_for: float = 0.0  # seconds spent streaming, for the rate test
        self.entered = threading.Event()

    def complete(
        self,
        messages: Sequence[ChatMessage],
        tools: Sequence[ToolSpec],
        *,
        on_text: Callable[[str], None] | None = None,
    ) -> ModelReply:
        index = self.calls
        self.calls += 1
        self.entered.set()
        if self.gate is not None and not self.gate.wait(10):
            raise TimeoutError("the test never opened the gate")
        replies = self.replies
        reply = replies(index) if callable(replies) else replies[index % len(replies)]
        if on_text is not None:
            began = time.perf_counter()
            text = reply.text
            for start in range(0, len(text), self.piece_size):
                on_text(text[start : start + self.piece_size])
                if self.piece_pause:
                    time.sleep(self.piece_pause)  # a model streaming, in its own thread
            self.streamed_for += time.perf_counter() - began
        return reply


def scripted_factory(provider: ScriptedProvider) -> Callable[[Services, Settings], AgentService]:
    """An AgentService factory whose every run talks to `provider`."""

    def make(services: Services, settings: Settings) -> AgentService:
        return AgentService(services, settings, provider_factory=lambda _name, _model: provider)

    return make


def open_agents(
    qtbot: QtBot,
    pane_window: Callable[[str, Callable[[PaneContext], Pane]], MainWindow],
    pane_ctx: PaneContext,
    provider: ScriptedProvider | None = None,
) -> AgentsPane:
    """The Agents pane, shown and loaded in a window; with `provider`, runs use it."""

    def build(ctx: PaneContext) -> AgentsPane:
        if provider is None:
            return AgentsPane(ctx)
        worker = AgentWorker(
            ctx.runner, ctx.services, ctx.events, service_factory=scripted_factory(provider)
        )
        return AgentsPane(ctx, worker=worker)

    window = pane_window("agents", build)
    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "agents"):
        window.select_pane("agents")
    pane = window.pane_widget("agents")
    assert isinstance(pane, AgentsPane)
    return pane


def run_and_wait(qtbot: QtBot, pane: AgentsPane, agent: str, prompt: str) -> Any:
    """Run `agent` on `prompt` through the pane; the run's view (None when it failed)."""
    with qtbot.waitSignal(pane.run_finished, timeout=15000) as blocker:
        pane.run(agent, prompt)
    return blocker.args[0]


def cells(model: Any, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]
