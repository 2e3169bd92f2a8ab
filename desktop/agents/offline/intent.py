"""One intent of the offline planner: a pattern, the tools it needs, and how it proceeds."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.agents.offline.steps import Request, Step, ToolResult

Planner = Callable[[Request, re.Match[str], list[ToolResult]], Step]


@dataclass(frozen=True)
class Intent:
    """A kind of request. `plan` gets the match and the results so far and returns the next step."""

    name: str
    pattern: re.Pattern[str]
    tools: tuple[str, ...]  # every tool it may call; all must be offered
    can: str  # what it does, for "I can ..." ("add tasks")
    plan: Planner


def intent(
    name: str, pattern: str, tools: tuple[str, ...], can: str
) -> Callable[[Planner], Intent]:
    """Decorator: the function becomes the `plan` of an Intent matched by `pattern`."""

    def wrap(plan: Planner) -> Intent:
        return Intent(name, re.compile(pattern), tools, can, plan)

    return wrap


def first(done: list[ToolResult], name: str) -> ToolResult | None:
    """The first result of tool `name` among those so far."""
    return next((result for result in done if result.name == name), None)


def items(result: ToolResult | None) -> list[dict[str, Any]]:
    """A result's value as a list of objects (an empty list when it is something else)."""
    if result is None or not isinstance(result.value, list):
        return []
    return [item for item in result.value if isinstance(item, dict)]
