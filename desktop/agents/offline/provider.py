"""The offline planner: a Provider that needs no model, only the phrase parser and rules.

On each turn it re-reads the conversation: the user's last request, and the tool
results that came back since. The first intent whose pattern fits the request
(`intents.match`) decides the next step: tool calls (only among the tools offered),
or the answer in words, written from the results. A request it cannot handle gets a
plain "I can't ..." and the list of what it can do, never a guessed tool call.

Usage is approximate: one token per whitespace-separated word of every message's
text (and of the tool calls' JSON) in, and of the answer out. The cost is 0.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from desktop.agents.model import ChatMessage, ModelReply, ToolCall, ToolSpec, Usage
from desktop.agents.offline import intents
from desktop.agents.offline.steps import Request, Step, ToolResult, read_result, say

if TYPE_CHECKING:
    from desktop.services.container import Services

NAME = "offline"
MODEL = "rules-1"
_PIECE = re.compile(r"[^\n.!?]*(?:[.!?]+|\n|$)")


class OfflineProvider:
    """A deterministic planner over the action catalog's tools (name "offline", model "rules-1")."""

    name = NAME
    model = MODEL

    def __init__(self, services: Services) -> None:
        self._services = services  # for the user's clock and zone only: data comes through tools

    def complete(
        self,
        messages: Sequence[ChatMessage],
        tools: Sequence[ToolSpec],
        *,
        on_text: Callable[[str], None] | None = None,
    ) -> ModelReply:
        offered = frozenset(tool.name for tool in tools)
        asked = _last_request(messages)
        if asked is None:
            step = say(f"What can I do for you? I can {intents.capabilities(offered)}.")
        else:
            zone = self._services.ctx.zone
            now = self._services.ctx.now().astimezone(zone)
            request = Request(messages[asked].content, now, zone, offered)
            step = next_step(request, _results_since(messages, asked))
        return _reply(step, messages, on_text)


def next_step(req: Request, done: list[ToolResult]) -> Step:
    """What to do after the results `done` (none yet: the request was just made)."""
    failed = next((result for result in reversed(done) if result.error), None)
    if failed is not None:
        return say(f"{failed.name} did not work: {failed.error}")
    waiting = [result for result in done if result.pending]
    if waiting:
        names = ", ".join(result.name for result in waiting)
        if any(_status(result) in ("denied", "rejected") for result in waiting):
            return say(f"You said no ({names}), so I did not do it.")
        return say(f"That needs your approval first ({names}); nothing was done without it.")
    if intents.out_of_reach(req.lower):
        return say(intents.refusal(req.lower, req.tools))
    found = intents.match(req.lower)
    if found is None:
        return say(intents.refusal(req.lower, req.tools))
    intent, match = found
    missing = tuple(tool for tool in intent.tools if tool not in req.tools)
    if missing:
        return say(intents.refusal(req.lower, req.tools, missing))
    step = intent.plan(req, match, done)
    made = {(result.name, json.dumps(result.arguments, sort_keys=True)) for result in done}
    for planned in step.calls:
        if planned.name not in req.tools:
            return say(intents.refusal(req.lower, req.tools, (planned.name,)))
        if (planned.name, json.dumps(planned.arguments, sort_keys=True)) in made:
            return say("I could not finish that: the same step came back twice.")
    return step


def _status(result: ToolResult) -> str:
    return str(result.value.get("status", "")) if isinstance(result.value, dict) else ""


def _last_request(messages: Sequence[ChatMessage]) -> int | None:
    for index in range(len(messages) - 1, -1, -1):
        if messages[index].role == "user":
            return index
    return None


def _results_since(messages: Sequence[ChatMessage], asked: int) -> list[ToolResult]:
    """The tool results after message `asked`, each with the call's name and arguments."""
    calls: dict[str, ToolCall] = {}
    results: list[ToolResult] = []
    for message in messages[asked + 1 :]:
        for made in message.tool_calls:
            calls[made.id] = made
        if message.role == "tool":
            made_call = calls.get(message.tool_call_id or "")
            name = message.name or (made_call.name if made_call else "")
            arguments = dict(made_call.arguments) if made_call else {}
            results.append(read_result(name, arguments, message.content))
    return results


def _reply(
    step: Step, messages: Sequence[ChatMessage], on_text: Callable[[str], None] | None
) -> ModelReply:
    earlier = sum(len(message.tool_calls) for message in messages)
    calls = tuple(
        ToolCall(f"offline-{earlier + index}", planned.name, dict(planned.arguments))
        for index, planned in enumerate(step.calls, start=1)
    )
    if on_text is not None and step.text:
        for piece in pieces(step.text):
            on_text(piece)
    usage = Usage(
        input_tokens=sum(_words(m.content) + _words(_calls_text(m.tool_calls)) for m in messages),
        output_tokens=_words(step.text) + _words(_calls_text(calls)),
    )
    return ModelReply(
        text=step.text,
        tool_calls=calls,
        usage=usage,
        model=MODEL,
        stop_reason="tool_use" if calls else "end",
    )


def pieces(text: str) -> list[str]:
    """The text in a few pieces (sentences and lines) that join back into it exactly."""
    parts = [part for part in _PIECE.findall(text) if part]
    joined = "".join(parts)
    if joined != text:  # the pattern skipped something: send the text whole rather than lose it
        return [text]
    return parts


def _words(text: str) -> int:
    return len(text.split())


def _calls_text(calls: Sequence[ToolCall]) -> str:
    return " ".join(f"{c.name} {json.dumps(c.arguments)}" for c in calls)
