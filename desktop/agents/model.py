"""What flows between the agent loop and a model provider: messages, tools, calls, replies.

Every provider (OpenAI, Anthropic, an OpenAI-compatible local server, the offline
planner) turns these into its own wire format and back, so the loop never sees an
SDK type. All of it is plain frozen data, safe to log and to hand across threads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from desktop.core.errors import UserError

ROLES = ("system", "user", "assistant", "tool")
PROVIDERS = ("offline", "openai", "anthropic", "local")


@dataclass(frozen=True)
class ToolSpec:
    """A tool the model may call: an action of the catalog (name, description, JSON schema)."""

    name: str
    description: str
    parameters: dict[str, Any]
    risk: str  # "read" | "write" | "outbound" | "destructive"


@dataclass(frozen=True)
class ToolCall:
    """The model asks for `name` with `arguments`; `id` ties the result to the call."""

    id: str
    name: str
    arguments: dict[str, Any]


@dataclass(frozen=True)
class ChatMessage:
    """One turn. A "tool" message carries a call's result in `content` (JSON text)."""

    role: str
    content: str = ""
    tool_calls: tuple[ToolCall, ...] = ()
    tool_call_id: str | None = None
    name: str | None = None  # the tool's name, on "tool" messages


@dataclass(frozen=True)
class Usage:
    input_tokens: int = 0
    output_tokens: int = 0


@dataclass(frozen=True)
class ModelReply:
    """What the model answered: text, tool calls (maybe both), token usage."""

    text: str
    tool_calls: tuple[ToolCall, ...] = ()
    usage: Usage = field(default_factory=Usage)
    model: str = ""
    stop_reason: str = ""  # "end", "tool_use", "max_tokens", ...


class ProviderError(UserError):
    """A provider failed in a way the user can act on.

    `kind` is one of: "auth" (bad or missing key), "model" (unknown model), "rate_limit"
    (still limited after the retries), "server" (5xx after the retries), "network"
    (cannot connect, timeout), "malformed" (the answer could not be read).
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class Provider(Protocol):
    """A model that can answer a conversation, optionally calling tools."""

    name: str  # one of PROVIDERS
    model: str

    def complete(
        self,
        messages: Sequence[ChatMessage],
        tools: Sequence[ToolSpec],
        *,
        on_text: Callable[[str], None] | None = None,
    ) -> ModelReply:
        """Answer the conversation. With `on_text`, stream: call it with each piece of text
        as it arrives (the returned reply still holds the whole text)."""
        ...
