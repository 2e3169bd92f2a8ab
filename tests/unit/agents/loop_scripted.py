"""A scripted model for the agent-loop tests: it answers from a queue of replies.

This is a test double of the *model*, not of the code under test: the loop, the
catalog, the approvals and the store are all real. Each queued item is a
`ModelReply`, or a function of the conversation so far that returns one (to
answer from what a tool returned). Every call's messages and tools are kept, so a
test can read what the loop sent back to the model.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.agents.approvals import unwrap_tool_content
from desktop.agents.model import ChatMessage, ModelReply, ToolCall, ToolSpec, Usage

Script = ModelReply | Callable[[Sequence[ChatMessage]], ModelReply]
_ids = itertools.count(1)


def calls(*made: tuple[str, dict[str, Any]], usage: Usage | None = None) -> ModelReply:
    """A reply that calls tools: ("add_task", {"title": ...}), ..."""
    return ModelReply(
        text="",
        tool_calls=tuple(ToolCall(f"call_{next(_ids)}", name, args) for name, args in made),
        usage=usage or Usage(12, 4),
        stop_reason="tool_use",
    )


def answer(text: str, usage: Usage | None = None) -> ModelReply:
    return ModelReply(text=text, usage=usage or Usage(20, 8), stop_reason="end")


def tool_results(messages: Sequence[ChatMessage]) -> list[Any]:
    """The parsed "tool" messages of a conversation, in order (fences taken off)."""
    return [json.loads(unwrap_tool_content(m.content)) for m in messages if m.role == "tool"]


@dataclass
class ScriptedProvider:
    """Answers each `complete` with the next scripted reply; streams text in pieces."""

    script: list[Script]
    name: str = "openai"
    model: str = "gpt-4o-mini"
    seen: list[list[ChatMessage]] = field(default_factory=list)
    tools_seen: list[list[ToolSpec]] = field(default_factory=list)
    repeat_last: bool = False  # keep giving the last reply when the script runs out

    def complete(
        self,
        messages: Sequence[ChatMessage],
        tools: Sequence[ToolSpec],
        *,
        on_text: Callable[[str], None] | None = None,
    ) -> ModelReply:
        self.seen.append(list(messages))
        self.tools_seen.append(list(tools))
        if not self.script:
            raise AssertionError("the model was asked more often than scripted")
        item = self.script[0] if self.repeat_last and len(self.script) == 1 else self.script.pop(0)
        reply = item(messages) if callable(item) else item
        if on_text is not None and reply.text:
            for piece in _pieces(reply.text):
                on_text(piece)
        return reply


def _pieces(text: str, size: int = 7) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


@dataclass(frozen=True)
class Profile:
    """A specialist for tests: a name, a system prompt and tool names."""

    name: str
    system_prompt: str
    tools: tuple[str, ...]
    title: str = ""
    description: str = ""
