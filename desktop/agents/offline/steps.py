"""The planner's vocabulary: the request being answered, results so far, and the next step.

The offline planner is stateless: on every turn it re-reads the conversation, finds
the user's last request and the tool results that came back since, and asks the
matching intent what to do next (call tools, or answer in words). These types are
what an intent sees and returns.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

# Keys of a wrapper object the loop may put around an action's value.
_ENVELOPE_KEYS = frozenset({"value", "result", "truncated", "changes", "undo", "ok", "risk"})
_FENCE = re.compile(r"^\s*<external_data[^>]*>(.*)</external_data>\s*$", re.DOTALL)
# A tool result that is not a value but a state of the call (waiting, refused, failed).
_PENDING = frozenset({"pending", "pending_approval", "awaiting_approval", "needs_approval"})


@dataclass(frozen=True)
class Request:
    """The user's request, with the clock and the tools this agent may use."""

    text: str
    now: datetime  # aware, in the user's zone
    zone: ZoneInfo
    tools: Collection[str]

    @property
    def plain(self) -> str:
        """The text on one line, without the closing punctuation."""
        return " ".join(self.text.split()).rstrip(" ?.!")

    @property
    def lower(self) -> str:
        """`plain` in lower case: a match on it has the same positions in `plain`."""
        return self.plain.lower()

    def words(self, match: re.Match[str], group: int | str = 1) -> str:
        """The user's own words (their case kept) of a group matched on `lower`."""
        start, end = match.span(group)
        if start < 0:
            return ""
        source = self.plain if len(self.plain) == len(self.lower) else self.lower
        return source[start:end].strip(" '\"“”")

    @property
    def today(self) -> date:
        return self.now.date()

    @property
    def tomorrow(self) -> date:
        return self.today + timedelta(days=1)


@dataclass(frozen=True)
class ToolResult:
    """One tool call made for this request and what came back (parsed JSON when it was JSON)."""

    name: str
    arguments: dict[str, Any]
    value: Any
    error: str | None = None
    pending: bool = False  # the call waits for the user's approval (or was denied)


@dataclass(frozen=True)
class Call:
    """A tool call the planner wants to make."""

    name: str
    arguments: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    """What to do next: tool calls, or (when `calls` is empty) the answer `text`."""

    calls: tuple[Call, ...] = ()
    text: str = ""


def say(text: str) -> Step:
    return Step(text=text)


def call(tool: str, /, **arguments: Any) -> Step:
    return Step(calls=(Call(tool, {k: v for k, v in arguments.items() if v is not None}),))


def calls(*made: Call) -> Step:
    return Step(calls=made)


def unfenced(content: str) -> str:
    """The text inside an <external_data ...>...</external_data> fence (as is without one)."""
    found = _FENCE.match(content)
    return found.group(1) if found else content


def read_result(name: str, arguments: dict[str, Any], content: str) -> ToolResult:
    """A tool message's content as a result: JSON parsed, a wrapper or an error recognised.

    The loop sends ``{"result": value}`` (with "truncated" when cut short), ``{"error": ...}``
    or a pending-approval status, fenced in <external_data> when the content came from
    outside; the fence is only a label here (the planner never obeys content anyway).
    """
    content = unfenced(content)
    try:
        value: Any = json.loads(content) if content.strip() else None
    except ValueError:
        return ToolResult(name, arguments, content)
    if isinstance(value, dict):
        status = str(value.get("status", "")).lower()
        if status in _PENDING or status in ("denied", "rejected"):
            return ToolResult(name, arguments, value, pending=True)
        if value.get("error"):
            return ToolResult(name, arguments, None, error=str(value["error"]))
        if set(value) <= _ENVELOPE_KEYS and ("value" in value or "result" in value):
            value = value.get("value", value.get("result"))
    return ToolResult(name, arguments, value)
