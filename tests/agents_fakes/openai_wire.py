"""The OpenAI chat completions wire format, spoken by a loopback server.

POST /v1/chat/completions answers with a `chat.completion` JSON document, or, when the
request says `"stream": true`, with SSE `data: {chat.completion.chunk}` events ending in
`data: [DONE]`: text in small pieces, tool calls as deltas keyed by index (id and name
first, the arguments JSON in pieces), and a usage chunk with empty choices when the
request asked for `stream_options.include_usage`. Errors use OpenAI's `{"error": {...}}`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

from tests.agents_fakes.server import Answer, Failure, FakeModelServer, pieces

_ERRORS = {
    401: ("invalid_request_error", "invalid_api_key", "Incorrect API key provided."),
    403: ("invalid_request_error", "unsupported_country_region_territory", "Forbidden."),
    404: ("invalid_request_error", "unknown_url", "Unknown request URL."),
    429: ("requests", "rate_limit_exceeded", "Rate limit reached for requests."),
    500: ("server_error", None, "The server had an error while processing your request."),
    503: ("server_error", None, "The engine is currently overloaded, please try again later."),
}


def _arguments_text(arguments: Any) -> str:
    """Arguments as the model sends them: JSON text (a str is sent as it is, even if broken)."""
    return arguments if isinstance(arguments, str) else json.dumps(arguments)


class FakeOpenAI(FakeModelServer):
    """A fake OpenAI (or OpenAI-compatible local) server: `base_url` ends in /v1."""

    vendor = "openai"
    api_path = "/v1/chat/completions"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def key_of(self, headers: dict[str, str]) -> str | None:
        auth = headers.get("authorization", "")
        return auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else None

    def failure(self, status: int, message: str | None) -> Failure:
        kind, code, text = _ERRORS.get(status, ("server_error", None, f"HTTP {status}"))
        return Failure(status, message or text, kind, code)

    def model_missing(self, model: str) -> Failure:
        text = f"The model `{model}` does not exist or you do not have access to it."
        return Failure(404, text, "invalid_request_error", "model_not_found")

    def error_body(self, failure: Failure) -> dict[str, Any]:
        return {
            "error": {
                "message": failure.message,
                "type": failure.error_type,
                "param": None,
                "code": failure.code,
            }
        }

    def _calls(self, answer: Answer) -> list[dict[str, Any]]:
        return [
            {
                "id": self.next_id("call"),
                "type": "function",
                "function": {"name": name, "arguments": _arguments_text(arguments)},
            }
            for name, arguments in answer.tool_calls
        ]

    @staticmethod
    def _finish(answer: Answer) -> str:
        return answer.stop or ("tool_calls" if answer.tool_calls else "stop")

    @staticmethod
    def _usage(answer: Answer) -> dict[str, int]:
        total = answer.input_tokens + answer.output_tokens
        return {
            "prompt_tokens": answer.input_tokens,
            "completion_tokens": answer.output_tokens,
            "total_tokens": total,
        }

    def plain_body(self, answer: Answer, model: str) -> dict[str, Any]:
        message: dict[str, Any] = {
            "role": "assistant",
            "content": answer.text or None,
            "refusal": None,
        }
        if answer.tool_calls:
            message["tool_calls"] = self._calls(answer)
        return {
            "id": self.next_id("chatcmpl"),
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [
                {
                    "index": 0,
                    "message": message,
                    "finish_reason": self._finish(answer),
                    "logprobs": None,
                }
            ],
            "usage": self._usage(answer),
        }

    def stream_events(
        self, answer: Answer, model: str, request: dict[str, Any]
    ) -> Iterator[tuple[str | None, str]]:
        chunk_id = self.next_id("chatcmpl")
        created = int(time.time())

        def chunk(delta: dict[str, Any], finish: str | None = None) -> tuple[None, str]:
            document = {
                "id": chunk_id,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }
            return None, json.dumps(document)

        yield chunk({"role": "assistant", "content": ""})
        if answer.text:
            for piece in pieces(answer.text):
                yield chunk({"content": piece})
        for index, call in enumerate(self._calls(answer)):
            function = call["function"]
            head = {"name": function["name"], "arguments": ""}
            first = {"index": index, "id": call["id"], "type": "function", "function": head}
            yield chunk({"tool_calls": [first]})
            for piece in pieces(function["arguments"], 7):
                yield chunk({"tool_calls": [{"index": index, "function": {"arguments": piece}}]})
        yield chunk({}, self._finish(answer))
        if (request.get("stream_options") or {}).get("include_usage"):
            usage = {
                "id": chunk_id,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "choices": [],
                "usage": self._usage(answer),
            }
            yield None, json.dumps(usage)
        yield None, "[DONE]"

    def malformed_event(self) -> tuple[str | None, str]:
        return None, '{"id": "chatcmpl-x", "choices": [{"delta": {"content": "Hel'
