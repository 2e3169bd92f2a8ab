"""The Anthropic messages wire format, spoken by a loopback server.

POST /v1/messages answers with a `message` JSON document (text and `tool_use` content
blocks, `stop_reason`, `usage`), or, when the request says `"stream": true`, with the SSE
events message_start, content_block_start, content_block_delta (text_delta,
input_json_delta), content_block_stop, message_delta and message_stop (and a ping).
Errors use `{"type": "error", "error": {"type": ..., "message": ...}}`. The key is read
from `x-api-key` or from `Authorization: Bearer` (the SDK may send either).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from tests.agents_fakes.server import Answer, Failure, FakeModelServer, pieces

_ERRORS = {
    400: ("invalid_request_error", "Bad request."),
    401: ("authentication_error", "invalid x-api-key"),
    403: ("permission_error", "Your API key does not have permission to use this resource."),
    404: ("not_found_error", "Not found."),
    429: ("rate_limit_error", "Number of requests has exceeded your rate limit."),
    500: ("api_error", "Internal server error."),
    529: ("overloaded_error", "Overloaded"),
}


class FakeAnthropic(FakeModelServer):
    """A fake Anthropic API: `base_url` has no /v1 (the SDK adds /v1/messages)."""

    vendor = "anthropic"
    api_path = "/v1/messages"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def key_of(self, headers: dict[str, str]) -> str | None:
        if "x-api-key" in headers:
            return headers["x-api-key"]
        auth = headers.get("authorization", "")
        return auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else None

    def failure(self, status: int, message: str | None) -> Failure:
        kind, text = _ERRORS.get(status, ("api_error", f"HTTP {status}"))
        return Failure(status, message or text, kind)

    def model_missing(self, model: str) -> Failure:
        return Failure(404, f"model: {model}", "not_found_error")

    def error_body(self, failure: Failure) -> dict[str, Any]:
        return {
            "type": "error",
            "error": {"type": failure.error_type, "message": failure.message},
        }

    def _blocks(self, answer: Answer) -> list[dict[str, Any]]:
        blocks: list[dict[str, Any]] = []
        if answer.text:
            blocks.append({"type": "text", "text": answer.text})
        for name, arguments in answer.tool_calls:
            blocks.append(
                {"type": "tool_use", "id": self.next_id("toolu"), "name": name, "input": arguments}
            )
        return blocks

    @staticmethod
    def _stop(answer: Answer) -> str:
        return answer.stop or ("tool_use" if answer.tool_calls else "end_turn")

    def _message(self, answer: Answer, model: str, content: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "id": self.next_id("msg"),
            "type": "message",
            "role": "assistant",
            "model": model,
            "content": content,
            "stop_reason": self._stop(answer),
            "stop_sequence": None,
            "usage": {
                "input_tokens": answer.input_tokens,
                "output_tokens": answer.output_tokens,
            },
        }

    def plain_body(self, answer: Answer, model: str) -> dict[str, Any]:
        return self._message(answer, model, self._blocks(answer))

    def stream_events(
        self, answer: Answer, model: str, request: dict[str, Any]
    ) -> Iterator[tuple[str | None, str]]:
        def event(name: str, document: dict[str, Any]) -> tuple[str, str]:
            return name, json.dumps({"type": name, **document})

        start = self._message(answer, model, [])
        start["stop_reason"] = None
        start["usage"] = {"input_tokens": answer.input_tokens, "output_tokens": 1}
        yield event("message_start", {"message": start})
        yield event("ping", {})
        for index, block in enumerate(self._blocks(answer)):
            if block["type"] == "text":
                opening: dict[str, Any] = {"type": "text", "text": ""}
                deltas = [{"type": "text_delta", "text": p} for p in pieces(block["text"])]
            else:
                opening = {**block, "input": {}}
                raw = block["input"]
                encoded = raw if isinstance(raw, str) else json.dumps(raw)
                deltas = [
                    {"type": "input_json_delta", "partial_json": p} for p in pieces(encoded, 7)
                ]
            yield event("content_block_start", {"index": index, "content_block": opening})
            for delta in deltas:
                yield event("content_block_delta", {"index": index, "delta": delta})
            yield event("content_block_stop", {"index": index})
        yield event(
            "message_delta",
            {
                "delta": {"stop_reason": self._stop(answer), "stop_sequence": None},
                "usage": {"output_tokens": answer.output_tokens},
            },
        )
        yield event("message_stop", {})

    def malformed_event(self) -> tuple[str | None, str]:
        return "message_start", '{"type": "message_start", "message": {"id": "msg_x", "cont'
