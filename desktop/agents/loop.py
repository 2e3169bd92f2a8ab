"""The agent loop: ask the model, run the tools it calls, feed back the results, repeat.

`run_agent` builds the conversation (the specialist's system prompt, the note on
external data, the user's prompt), calls `provider.complete`, and runs each tool
call through the action catalog, subject to the approval policy (approvals.py).
A `UserError` from an action (bad arguments, an unknown id) goes back to the model
as the tool result ``{"error": "..."}`` so that it can correct itself. The loop
ends at a text-only answer, or after `max_steps` tool calls (status "step_limit"),
or when the provider fails (status "error", the exception kept in `failure`).

Every step is recorded (tool, arguments, result or error, approval, instants,
milliseconds), tokens and cost are summed over the model's replies, and the time
spent in the model, in the actions and in the loop itself is measured: the last
is the agent's own overhead, the figure of tests/bench/test_bench_agent_loop.py.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from desktop.agents.approvals import (
    EXTERNAL_NOTE,
    PENDING_RESULT,
    ApprovalPolicy,
    decide,
    is_external,
    tool_message_text,
)
from desktop.agents.model import ChatMessage, ModelReply, Provider, ToolCall, ToolSpec
from desktop.agents.tools import tool_specs
from desktop.core.errors import UserError
from desktop.services.actions.registry import ActionCatalog, default_catalog, validate
from desktop.services.jsonable import jsonable

if TYPE_CHECKING:
    from desktop.services.container import Services
    from desktop.store.changeset import ChangeSet

# A tool result longer than this (as JSON) is cut down before it reaches the model.
MAX_RESULT_CHARS = 20_000
STEP_STATUSES = ("done", "error", "pending", "denied")


class AgentProfile(Protocol):
    """What the loop needs of a specialist: a name, a system prompt and tool names."""

    @property
    def name(self) -> str: ...

    @property
    def system_prompt(self) -> str: ...

    @property
    def tools(self) -> Sequence[str]: ...


@dataclass
class AgentStep:
    """One tool call and what became of it.

    `status`: "done" (ran), "error" (refused or failed; the model was told why),
    "pending" (waits for the user), "denied" (the user said no). `approved` is True
    when the user (or --yes) approved it, False when denied, None when no approval
    was needed or it still waits. `number` counts from 1 within the run.
    """

    number: int
    tool: str
    args: dict[str, Any]
    risk: str
    call_id: str
    status: str = "done"
    needs_approval: bool = False
    approved: bool | None = None
    external: bool = False
    result: Any = None
    error: str | None = None
    note: str = ""
    started_at: datetime | None = None
    finished_at: datetime | None = None
    ms: float = 0.0

    def as_record(self) -> dict[str, Any]:
        """The step as JSON-ready data (what the AgentLog keeps); instants in UTC."""
        return {
            "number": self.number,
            "tool": self.tool,
            "args": self.args,
            "risk": self.risk,
            "call_id": self.call_id,
            "status": self.status,
            "needs_approval": self.needs_approval,
            "approved": self.approved,
            "external": self.external,
            "result": self.result,
            "error": self.error,
            "note": self.note,
            "started_at": self.started_at.isoformat() if self.started_at else None,
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "ms": round(self.ms, 3),
        }


@dataclass
class AgentRun:
    """A whole run: the conversation's outcome, its steps, tokens, cost and timing."""

    agent: str
    provider: str
    model: str
    prompt: str
    status: str = "running"  # running, done, pending, step_limit, error, cancelled
    output: str = ""
    steps: list[AgentStep] = field(default_factory=list)
    input_tokens: int = 0
    output_tokens: int = 0
    cost_micros: int = 0
    latency_ms: float = 0.0
    model_ms: float = 0.0
    action_ms: float = 0.0
    tainted: bool = False
    undo: list[ChangeSet] = field(default_factory=list)
    changed: set[str] = field(default_factory=set)
    notices: list[str] = field(default_factory=list)
    messages: list[ChatMessage] = field(default_factory=list)
    error: str | None = None
    failure: BaseException | None = None

    @property
    def pending(self) -> list[AgentStep]:
        return [step for step in self.steps if step.status == "pending"]

    @property
    def overhead_ms(self) -> float:
        """Time in the loop itself: neither waiting for the model nor running actions."""
        return max(0.0, self.latency_ms - self.model_ms - self.action_ms)

    @property
    def overhead_per_step_ms(self) -> float:
        return self.overhead_ms / max(1, len(self.steps))


StepCallback = Callable[[AgentStep], None]


def run_agent(
    services: Services,
    provider: Provider,
    specialist: AgentProfile,
    prompt: str,
    *,
    policy: ApprovalPolicy,
    on_text: Callable[[str], None] | None = None,
    on_step: StepCallback | None = None,
    max_steps: int = 8,
    catalog: ActionCatalog | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> AgentRun:
    """Run `specialist` on `prompt` with `provider`; the finished (or stopped) run.

    `cancelled` is asked before each model call and each tool call: when it says True
    the run stops with status "cancelled".
    """
    started = time.perf_counter()
    loop = _Loop(services, provider, specialist, policy, catalog or default_catalog(), on_step)
    loop.cancelled = cancelled or _never
    run = loop.run
    run.prompt = prompt
    try:
        loop.converse(prompt, on_text, max(1, max_steps))
    except Exception as exc:  # noqa: BLE001 - kept on the run; the caller logs and re-raises it
        run.status = "error"
        run.error = str(exc) or type(exc).__name__
        run.failure = exc
        run.output = run.output or f"The run failed: {run.error}"
    run.latency_ms = (time.perf_counter() - started) * 1000
    return run


class _Loop:
    def __init__(
        self,
        services: Services,
        provider: Provider,
        specialist: AgentProfile,
        policy: ApprovalPolicy,
        catalog: ActionCatalog,
        on_step: StepCallback | None,
    ) -> None:
        self.services = services
        self.provider = provider
        self.policy = policy
        self.catalog = catalog
        self.on_step = on_step
        self.tools = tool_specs(specialist.tools, catalog)
        self.allowed: dict[str, ToolSpec] = {tool.name: tool for tool in self.tools}
        prompt = specialist.system_prompt.strip()
        # Every conversation says how fenced outside content is to be read (once).
        self.system = prompt if "<external_data>" in prompt else f"{prompt}\n\n{EXTERNAL_NOTE}"
        self.run = AgentRun(specialist.name, provider.name, provider.model, "")
        self.cancelled: Callable[[], bool] = _never

    def converse(self, prompt: str, on_text: Callable[[str], None] | None, max_steps: int) -> None:
        run = self.run
        run.messages = [ChatMessage("system", self.system), ChatMessage("user", prompt)]
        while True:
            if self.cancelled():
                self._cancel()
                break
            reply = self._ask(on_text)
            run.messages.append(ChatMessage("assistant", reply.text, reply.tool_calls))
            if not reply.tool_calls:
                run.output = reply.text
                run.status = "pending" if run.pending else "done"
                break
            unrun = self._run_calls(reply.tool_calls, max_steps)
            if run.status == "cancelled":
                break
            if unrun:
                run.status = "step_limit"
                run.output = _step_limit_text(max_steps, reply.text)
                break
        if run.pending:
            run.notices.append(_pending_text(run.pending))

    def _cancel(self) -> None:
        self.run.status = "cancelled"
        self.run.output = "Cancelled: the run was stopped before it finished."

    def _ask(self, on_text: Callable[[str], None] | None) -> ModelReply:
        run = self.run
        began = time.perf_counter()
        try:
            reply = self.provider.complete(run.messages, self.tools, on_text=on_text)
        finally:
            run.model_ms += (time.perf_counter() - began) * 1000
        run.model = reply.model or run.model
        run.input_tokens += reply.usage.input_tokens
        run.output_tokens += reply.usage.output_tokens
        run.cost_micros += _cost(run.provider, run.model, reply)
        return reply

    def _run_calls(self, calls: Sequence[ToolCall], max_steps: int) -> int:
        """Run the calls within the step budget; how many were left unrun."""
        for index, call in enumerate(calls):
            if self.cancelled():
                self._cancel()
                return len(calls) - index
            if len(self.run.steps) >= max_steps:
                return len(calls) - index
            step, payload = self._step(call)
            self.run.steps.append(step)
            self.run.messages.append(
                ChatMessage(
                    "tool",
                    tool_message_text(call.name, payload),
                    tool_call_id=call.id,
                    name=call.name,
                )
            )
            if self.on_step is not None:
                self.on_step(step)
        return 0

    def _step(self, call: ToolCall) -> tuple[AgentStep, dict[str, Any]]:
        began = time.perf_counter()
        spec = self.allowed.get(call.name)
        step = AgentStep(
            number=len(self.run.steps) + 1,
            tool=call.name,
            args=dict(call.arguments),
            risk=spec.risk if spec else "",
            call_id=call.id,
            started_at=self.services.ctx.now(),
        )
        payload = self._outcome(step, spec)
        step.finished_at = self.services.ctx.now()
        step.ms = (time.perf_counter() - began) * 1000
        return step, payload

    def _outcome(self, step: AgentStep, spec: ToolSpec | None) -> dict[str, Any]:
        """Run (or hold back) one call; the payload the model gets back."""
        if spec is None:
            names = ", ".join(self.allowed) or "none"
            return _failed(step, f"there is no tool named '{step.tool}'; the tools are {names}")
        try:
            validate(self.catalog.get(step.tool), step.args, self.services)
        except UserError as exc:
            return _failed(step, str(exc))
        decision = decide(self.policy, spec.risk, tainted=self.run.tainted)
        step.needs_approval, step.approved = decision.needs_approval, decision.approved
        if not decision.run:
            step.status, step.note = "pending", decision.reason
            return dict(PENDING_RESULT)
        began = time.perf_counter()
        try:
            result = self.catalog.call(self.services, step.tool, step.args)
        except UserError as exc:
            return _failed(step, str(exc))
        finally:
            self.run.action_ms += (time.perf_counter() - began) * 1000
        if result.undo is not None and result.undo.can_undo:
            self.run.undo.append(result.undo)
        self.run.changed.update(result.changes.areas())
        payload = result_payload(jsonable(result.value, self.services.ctx.zone))
        step.result = payload.get("result")
        if is_external(step.tool):
            step.external = True
            self.run.tainted = True
        return payload


def result_payload(value: Any) -> dict[str, Any]:
    """``{"result": value}``, cut down to MAX_RESULT_CHARS of JSON (a list keeps its head)."""
    payload: dict[str, Any] = {"result": value}
    if len(json.dumps(payload, ensure_ascii=False)) <= MAX_RESULT_CHARS:
        return payload
    if isinstance(value, list):
        kept = list(value)
        while len(kept) > 1:
            kept = kept[: len(kept) // 2]
            if len(json.dumps(kept, ensure_ascii=False)) <= MAX_RESULT_CHARS - 200:
                break
        return {
            "result": kept,
            "truncated": f"only the first {len(kept)} of {len(value)} items; "
            "ask for fewer (a limit) or narrow the search",
        }
    text = json.dumps(value, ensure_ascii=False)
    return {"result": text[:MAX_RESULT_CHARS], "truncated": "the result was cut short"}


def _never() -> bool:
    return False


def _failed(step: AgentStep, message: str) -> dict[str, Any]:
    step.status, step.error = "error", message
    return {"error": message}


def _cost(provider: str, model: str, reply: ModelReply) -> int:
    """The reply's cost in millionths of a dollar (0 while the cost table is missing)."""
    try:
        from desktop.agents.costs import cost_micros
    except ImportError:
        return 0
    return int(cost_micros(provider, model, reply.usage))


def _step_limit_text(max_steps: int, said: str) -> str:
    text = (
        f"Stopped after {max_steps} tool calls, the most one run may make; the request may be "
        "unfinished. Ask for less at once, or raise the setting agents.max_steps."
    )
    return f"{text} The model's last words: {said.strip()}" if said.strip() else text


def _pending_text(pending: Sequence[AgentStep]) -> str:
    listed = "; ".join(f"step {s.number}: {s.tool} ({s.note})" for s in pending)
    return f"{len(pending)} action(s) wait for your approval: {listed}"
