"""Anthropic's messages API with tool use, plain and streamed, through the `anthropic` SDK.

System turns become the `system` parameter; an assistant turn becomes text and
`tool_use` blocks; tool results become `tool_result` blocks in a user turn (the results
of one assistant turn, and a user's text after them, share that one user turn, as the
API asks). Streaming uses `messages.stream`: text events go to `on_text` as they come,
and the final message (tool inputs put together from their JSON pieces) becomes the
`ModelReply`. The SDK is imported on first use and retries by itself, honouring
Retry-After; what still fails becomes a `ProviderError` (errors.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from desktop.agents.model import ChatMessage, ModelReply, ToolCall, ToolSpec, Usage
from desktop.agents.providers.errors import Endpoint, malformed, translate
from desktop.agents.providers.openai_provider import TOOL_NAME
from desktop.agents.providers.sdk_provider import SdkProvider

DEFAULT_MAX_TOKENS = 1024
_STOPS = {
    "end_turn": "end",
    "stop_sequence": "end",
    "tool_use": "tool_use",
    "max_tokens": "max_tokens",
}


def anthropic_tools(tools: Sequence[ToolSpec]) -> list[dict[str, Any]]:
    """The `tools` parameter: name, description and the JSON schema as `input_schema`."""
    out = []
    for tool in tools:
        if not TOOL_NAME.match(tool.name):
            raise ValueError(f"tool name {tool.name!r} is not allowed by the API")
        out.append(
            {"name": tool.name, "description": tool.description, "input_schema": tool.parameters}
        )
    return out


def anthropic_messages(messages: Iterable[ChatMessage]) -> tuple[str, list[dict[str, Any]]]:
    """The `system` text and the `messages` list (turns of one role merged)."""
    system: list[str] = []
    turns: list[dict[str, Any]] = []

    def add(role: str, blocks: list[dict[str, Any]]) -> None:
        if not blocks:
            return
        if turns and turns[-1]["role"] == role:
            turns[-1]["content"].extend(blocks)
        else:
            turns.append({"role": role, "content": blocks})

    for message in messages:
        text = [{"type": "text", "text": message.content}] if message.content else []
        if message.role == "system":
            system.append(message.content)
        elif message.role == "user":
            add("user", text)
        elif message.role == "assistant":
            uses = [
                {"type": "tool_use", "id": call.id, "name": call.name, "input": call.arguments}
                for call in message.tool_calls
            ]
            add("assistant", text + uses)
        elif message.role == "tool":
            result = {
                "type": "tool_result",
                "tool_use_id": message.tool_call_id or "",
                "content": message.content,
            }
            add("user", [result])
        else:
            raise ValueError(f"unknown message role {message.role!r}")
    return "\n\n".join(part for part in system if part), turns


def reply_from_message(message: Any, end: Endpoint) -> ModelReply:
    """A `message` (plain or a stream's final one) as a ModelReply."""
    if isinstance(message, str) or getattr(message, "content", None) is None:
        raise malformed(end, "the answer has no content")
    text: list[str] = []
    calls: list[ToolCall] = []
    for block in message.content:
        if block.type == "text":
            text.append(block.text)
        elif block.type == "tool_use":
            arguments = block.input
            if not isinstance(arguments, dict):
                raise malformed(end, f"the input for tool '{block.name}' is not a JSON object")
            calls.append(ToolCall(block.id, block.name, dict(arguments)))
    usage = message.usage
    tokens = Usage(usage.input_tokens or 0, usage.output_tokens or 0) if usage else Usage()
    stop = _STOPS.get(message.stop_reason or "", message.stop_reason or "")
    return ModelReply("".join(text), tuple(calls), tokens, message.model or end.model, stop)


class AnthropicProvider(SdkProvider):
    """Claude through the messages API."""

    name = "anthropic"
    key_name = "anthropic"
    sdk_module = "anthropic"
    sdk_client_class = "Anthropic"

    def __init__(
        self,
        model: str,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float = 60.0,
        max_retries: int = 3,
        max_tokens: int = DEFAULT_MAX_TOKENS,
    ) -> None:
        super().__init__(
            model, api_key=api_key, base_url=base_url, timeout=timeout, max_retries=max_retries
        )
        self.max_tokens = max_tokens

    def request(self, messages: Sequence[ChatMessage], tools: Sequence[ToolSpec]) -> dict[str, Any]:
        """The keyword arguments of `messages.create` / `messages.stream`."""
        system, turns = anthropic_messages(messages)
        params: dict[str, Any] = {
            "model": self.model,
            "max_tokens": self.max_tokens,
            "messages": turns,
        }
        if system:
            params["system"] = system
        if tools:
            params["tools"] = anthropic_tools(tools)
        return params

    def complete(
        self,
        messages: Sequence[ChatMessage],
        tools: Sequence[ToolSpec],
        *,
        on_text: Callable[[str], None] | None = None,
    ) -> ModelReply:
        params = self.request(messages, tools)
        import anthropic

        try:
            api = self.client().messages
            if on_text is None:
                return reply_from_message(api.create(**params), self.endpoint)
            with api.stream(**params) as stream:
                for event in stream:
                    if event.type == "text" and event.text:
                        on_text(event.text)
                final = stream.get_final_message()
            return reply_from_message(final, self.endpoint)
        except (anthropic.AnthropicError, json.JSONDecodeError) as exc:
            problem = translate(exc, anthropic, self.endpoint)
            if problem is None:
                raise
            raise problem from exc
