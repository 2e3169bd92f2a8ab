"""OpenAI chat completions with function tools, plain and streamed, through the `openai` SDK.

`ChatMessage`s become the chat wire format (system, user, assistant with `tool_calls`,
tool with `tool_call_id`), `ToolSpec`s become function tools, and the answer (a
`chat.completion`, or the `chat.completion.chunk`s of a stream, whose tool call pieces
are put together by index) becomes a `ModelReply`. The SDK is imported on first use,
retries 429/5xx/connection failures itself (honouring Retry-After), and its failures
become `ProviderError`s (errors.py). `LocalProvider` reuses all of this for any
OpenAI-compatible server.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.agents.model import ChatMessage, ModelReply, ToolCall, ToolSpec, Usage
from desktop.agents.providers.errors import Endpoint, malformed, translate
from desktop.agents.providers.sdk_provider import SdkProvider

TOOL_NAME = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
_STOPS = {
    "stop": "end",
    "tool_calls": "tool_use",
    "function_call": "tool_use",
    "length": "max_tokens",
}


def function_tools(tools: Sequence[ToolSpec]) -> list[dict[str, Any]]:
    """The `tools` parameter: one function tool per spec (names checked against the API's rule)."""
    out = []
    for tool in tools:
        if not TOOL_NAME.match(tool.name):
            raise ValueError(
                f"tool name {tool.name!r} is not allowed by the API: use 1-64 letters, "
                "digits, '_' or '-'"
            )
        function = {
            "name": tool.name,
            "description": tool.description,
            "parameters": tool.parameters,
        }
        out.append({"type": "function", "function": function})
    return out


def wire_messages(messages: Iterable[ChatMessage]) -> list[dict[str, Any]]:
    """The `messages` parameter of chat completions."""
    out: list[dict[str, Any]] = []
    for message in messages:
        if message.role == "tool":
            out.append(
                {
                    "role": "tool",
                    "tool_call_id": message.tool_call_id or "",
                    "content": message.content,
                }
            )
        elif message.role == "assistant":
            turn: dict[str, Any] = {"role": "assistant", "content": message.content or None}
            if message.tool_calls:
                turn["tool_calls"] = [
                    {
                        "id": call.id,
                        "type": "function",
                        "function": {"name": call.name, "arguments": json.dumps(call.arguments)},
                    }
                    for call in message.tool_calls
                ]
            out.append(turn)
        elif message.role in ("system", "user"):
            out.append({"role": message.role, "content": message.content})
        else:
            raise ValueError(f"unknown message role {message.role!r}")
    return out


def parse_arguments(end: Endpoint, name: str, text: str | None) -> dict[str, Any]:
    """A tool call's arguments (JSON text) as a dict; bad JSON is a "malformed" answer."""
    try:
        value = json.loads(text or "{}")
    except ValueError as exc:
        raise malformed(end, f"the arguments for tool '{name}' are not JSON: {exc}") from None
    if not isinstance(value, dict):
        raise malformed(end, f"the arguments for tool '{name}' are not a JSON object")
    return value


@dataclass
class _PartialCall:
    id: str = ""
    name: str = ""
    arguments: list[str] = field(default_factory=list)


@dataclass
class StreamCollector:
    """Puts a stream of chunks back together: text, tool calls by index, usage, stop."""

    on_text: Callable[[str], None]
    text: list[str] = field(default_factory=list)
    calls: dict[int, _PartialCall] = field(default_factory=dict)
    usage: Usage = field(default_factory=Usage)
    finish: str = ""
    model: str = ""

    def take(self, chunk: Any) -> None:
        self.model = chunk.model or self.model
        if chunk.usage is not None:
            self.usage = Usage(chunk.usage.prompt_tokens or 0, chunk.usage.completion_tokens or 0)
        for choice in chunk.choices or ():
            delta = choice.delta
            if delta is not None and delta.content:
                self.text.append(delta.content)
                self.on_text(delta.content)
            for piece in (delta.tool_calls if delta is not None else None) or ():
                partial = self.calls.setdefault(piece.index, _PartialCall())
                partial.id = piece.id or partial.id
                if piece.function is not None:
                    partial.name = piece.function.name or partial.name
                    partial.arguments.append(piece.function.arguments or "")
            self.finish = choice.finish_reason or self.finish

    def reply(self, end: Endpoint) -> ModelReply:
        calls = tuple(
            ToolCall(
                partial.id or f"call_{index}",
                partial.name,
                parse_arguments(end, partial.name, "".join(partial.arguments)),
            )
            for index, partial in sorted(self.calls.items())
        )
        stop = _STOPS.get(self.finish, self.finish)
        return ModelReply("".join(self.text), calls, self.usage, self.model or end.model, stop)


def reply_from_completion(completion: Any, end: Endpoint) -> ModelReply:
    """A `chat.completion` as a ModelReply."""
    if isinstance(completion, str) or not getattr(completion, "choices", None):
        raise malformed(end, "the answer has no choices")
    choice = completion.choices[0]
    message = choice.message
    calls = tuple(
        ToolCall(
            call.id,
            call.function.name,
            parse_arguments(end, call.function.name, call.function.arguments),
        )
        for call in (message.tool_calls or ())
        if getattr(call, "function", None) is not None
    )
    usage = completion.usage
    tokens = Usage(usage.prompt_tokens or 0, usage.completion_tokens or 0) if usage else Usage()
    stop = _STOPS.get(choice.finish_reason or "", choice.finish_reason or "")
    return ModelReply(message.content or "", calls, tokens, completion.model or end.model, stop)


class OpenAIProvider(SdkProvider):
    """OpenAI's chat completions API (or, with `base_url`, any server that speaks it)."""

    name = "openai"
    key_name = "openai"
    sdk_module = "openai"
    sdk_client_class = "OpenAI"

    def request(self, messages: Sequence[ChatMessage], tools: Sequence[ToolSpec]) -> dict[str, Any]:
        """The keyword arguments of `chat.completions.create` (without streaming)."""
        params: dict[str, Any] = {"model": self.model, "messages": wire_messages(messages)}
        if tools:
            params["tools"] = function_tools(tools)
        return params

    def complete(
        self,
        messages: Sequence[ChatMessage],
        tools: Sequence[ToolSpec],
        *,
        on_text: Callable[[str], None] | None = None,
    ) -> ModelReply:
        params = self.request(messages, tools)
        import openai

        try:
            completions = self.client().chat.completions
            if on_text is None:
                return reply_from_completion(completions.create(**params), self.endpoint)
            collector = StreamCollector(on_text)
            stream = completions.create(
                **params, stream=True, stream_options={"include_usage": True}
            )
            with stream:
                for chunk in stream:
                    collector.take(chunk)
            return collector.reply(self.endpoint)
        except (openai.OpenAIError, json.JSONDecodeError) as exc:
            problem = translate(exc, openai, self.endpoint)
            if problem is None:
                raise
            raise problem from exc
