"""A loopback HTTP server that answers LLM API calls from a script, and records every request.

`FakeModelServer` is the vendor-neutral half: a `ThreadingHTTPServer` on 127.0.0.1:0 in a
daemon thread, a queue of scripted replies (answers, failures, malformed bodies, stalls),
a check of the API key, a list of known models, and a record of every request (path,
headers, parsed JSON body, arrival time). The vendor halves (`openai_wire.py`,
`anthropic_wire.py`) turn a scripted `Answer` into the real wire format, plain or streamed.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Answer:
    """A successful reply: text and/or tool calls `(name, arguments)`, and the token usage.

    Arguments are a dict, or a str sent as the raw arguments text (to send broken JSON).
    """

    text: str = ""
    tool_calls: tuple[tuple[str, Any], ...] = ()
    input_tokens: int = 10
    output_tokens: int = 5
    stop: str | None = None  # the vendor's stop reason; None = derived from the content


@dataclass(frozen=True)
class Failure:
    """An HTTP error in the vendor's error format (429, 500, 401, 404 ...)."""

    status: int
    message: str
    error_type: str = ""
    code: str | None = None
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Malformed:
    """A 200 reply whose body is not the JSON it claims to be (plain or in an SSE event)."""

    body: str = '{"id": "broken", "choices": [ this is not json'


@dataclass(frozen=True)
class Stall:
    """Wait `seconds` before answering (to make a client time out)."""

    seconds: float
    then: Answer = field(default_factory=lambda: Answer(text="late"))


Scripted = Answer | Failure | Malformed | Stall


@dataclass(frozen=True)
class Recorded:
    """One request as the server received it."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any
    at: float  # time.monotonic() on arrival


class FakeModelServer:
    """The shared machinery; subclasses say how to write answers and errors."""

    vendor = "fake"
    api_path = "/"

    def __init__(
        self,
        *,
        api_key: str | None = "test-key",
        known_models: frozenset[str] | set[str] | None = None,
        keep_alive: bool = False,
    ) -> None:
        # Closing each connection (the default) leaves no idle client socket behind when a
        # test drops its provider without closing it (an unclosed socket warns, and tests
        # fail on warnings); keep_alive=True serves like the real APIs do.
        self.keep_alive = keep_alive
        self.api_key = api_key
        self.known_models = frozenset(known_models) if known_models is not None else None
        self.requests: list[Recorded] = []
        self._script: deque[Scripted] = deque()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._ids = 0

    # -- the script ---------------------------------------------------------------------

    def answer(
        self,
        text: str = "",
        *,
        tool_calls: list[tuple[str, Any]] | None = None,
        usage: tuple[int, int] = (10, 5),
        stop: str | None = None,
    ) -> FakeModelServer:
        """Queue a reply with text and/or tool calls."""
        calls = tuple(tool_calls or ())
        return self.queue(Answer(text, calls, usage[0], usage[1], stop))

    def tool_call(self, name: str, arguments: dict[str, Any], *, text: str = "") -> FakeModelServer:
        """Queue a reply that calls one tool."""
        return self.answer(text, tool_calls=[(name, arguments)])

    def fail(
        self, status: int, *, retry_after: str | None = None, message: str | None = None
    ) -> FakeModelServer:
        """Queue an HTTP error in the vendor's format (with Retry-After when given)."""
        headers = (("Retry-After", retry_after),) if retry_after is not None else ()
        failure = self.failure(status, message)
        return self.queue(
            Failure(failure.status, failure.message, failure.error_type, failure.code, headers)
        )

    def malformed(self) -> FakeModelServer:
        return self.queue(Malformed())

    def stall(self, seconds: float) -> FakeModelServer:
        return self.queue(Stall(seconds))

    def queue(self, item: Scripted) -> FakeModelServer:
        with self._lock:
            self._script.append(item)
        return self

    @property
    def pending(self) -> int:
        """Scripted replies not used yet."""
        with self._lock:
            return len(self._script)

    @property
    def bodies(self) -> list[Any]:
        """The JSON bodies of the API calls received, in order."""
        return [r.body for r in self.requests if r.path == self.api_path]

    # -- what a subclass provides -------------------------------------------------------

    @property
    def base_url(self) -> str:
        raise NotImplementedError

    def failure(self, status: int, message: str | None) -> Failure:
        """The vendor's usual error for a status (type, code, message)."""
        raise NotImplementedError

    def error_body(self, failure: Failure) -> dict[str, Any]:
        raise NotImplementedError

    def key_of(self, headers: dict[str, str]) -> str | None:
        raise NotImplementedError

    def model_missing(self, model: str) -> Failure:
        raise NotImplementedError

    def plain_body(self, answer: Answer, model: str) -> dict[str, Any]:
        raise NotImplementedError

    def stream_events(
        self, answer: Answer, model: str, request: dict[str, Any]
    ) -> Iterator[tuple[str | None, str]]:
        """(event name or None, data) pairs of the SSE stream."""
        raise NotImplementedError

    def malformed_event(self) -> tuple[str | None, str]:
        raise NotImplementedError

    def next_id(self, prefix: str) -> str:
        with self._lock:
            self._ids += 1
            return f"{prefix}_{self._ids}"

    # -- life cycle ---------------------------------------------------------------------

    @property
    def port(self) -> int:
        assert self._server is not None, "start the fake server first"
        return int(self._server.server_address[1])

    def start(self) -> FakeModelServer:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._server = _QuietServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.02},
            name=f"fake-{self.vendor}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None

    def __enter__(self) -> FakeModelServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- serving ------------------------------------------------------------------------

    def _take(self) -> Scripted | None:
        with self._lock:
            return self._script.popleft() if self._script else None

    def handle(self, handler: _Handler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        headers = {k.lower(): v for k, v in handler.headers.items()}
        self.requests.append(
            Recorded(handler.command, handler.path, headers, body, time.monotonic())
        )
        if handler.path.split("?")[0] != self.api_path:
            self._send_error(handler, self.failure(404, f"no route {handler.path}"))
            return
        if self.api_key is not None and self.key_of(headers) != self.api_key:
            self._send_error(handler, self.failure(401, None))
            return
        request = body if isinstance(body, dict) else {}
        model = str(request.get("model", ""))
        if self.known_models is not None and model not in self.known_models:
            self._send_error(handler, self.model_missing(model))
            return
        item = self._take()
        if item is None:
            message = "the fake server has no scripted reply left"
            self._send_error(handler, Failure(400, message, "invalid_request_error"))
            return
        if isinstance(item, Stall):
            time.sleep(item.seconds)
            item = item.then
        if isinstance(item, Failure):
            self._send_error(handler, item)
        elif isinstance(item, Malformed):
            self._send_malformed(handler, item, bool(request.get("stream")))
        elif request.get("stream"):
            self._send_stream(handler, self.stream_events(item, model, request))
        else:
            self._send_json(handler, 200, self.plain_body(item, model))

    def _send_json(
        self,
        handler: _Handler,
        status: int,
        document: dict[str, Any],
        headers: tuple[tuple[str, str], ...] = (),
    ) -> None:
        data = json.dumps(document).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            handler.send_header(name, value)
        self._end_headers(handler)
        handler.wfile.write(data)

    def _send_error(self, handler: _Handler, failure: Failure) -> None:
        self._send_json(handler, failure.status, self.error_body(failure), failure.headers)

    def _send_malformed(self, handler: _Handler, item: Malformed, stream: bool) -> None:
        if stream:
            self._send_stream(handler, iter([self.malformed_event()]))
            return
        data = item.body.encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        self._end_headers(handler)
        handler.wfile.write(data)

    def _end_headers(self, handler: _Handler) -> None:
        if not self.keep_alive:
            handler.send_header("Connection", "close")
            handler.close_connection = True
        handler.end_headers()

    def _send_stream(self, handler: _Handler, events: Iterator[tuple[str | None, str]]) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream")
        handler.send_header("Cache-Control", "no-cache")
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True
        for event, data in events:
            prefix = f"event: {event}\n" if event else ""
            handler.wfile.write(f"{prefix}data: {data}\n\n".encode())
            handler.wfile.flush()


class _QuietServer(ThreadingHTTPServer):
    """A client that gave up (a timeout test) is expected: no traceback for a closed socket."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    fake: FakeModelServer
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        self.fake.handle(self)

    def do_GET(self) -> None:
        self.fake.handle(self)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output quiet."""


def pieces(text: str, size: int = 4) -> list[str]:
    """`text` cut into small pieces, as a model streams it."""
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]
