"""A seeded profile and a driver for the offline planner tests and its benchmark.

`seed(services)` writes a small, known world through the real action catalog (tasks,
events, an account with transactions, notes, a project, messages). `converse` runs
a request the way the agent loop does: ask the planner, run each tool call through
`catalog.call`, feed the result back worded as the loop words it (its own helpers),
until the planner answers in words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from desktop.agents.approvals import tool_message_text
from desktop.agents.loop import result_payload
from desktop.agents.model import ChatMessage, ToolCall, ToolSpec
from desktop.agents.offline import OfflineProvider
from desktop.services.actions.registry import default_catalog
from desktop.services.container import Services
from desktop.services.jsonable import jsonable
from desktop.services.messages import IncomingMessage

MAX_STEPS = 6


def all_tools() -> list[ToolSpec]:
    """Every action of the catalog as a tool."""
    return [ToolSpec(a.name, a.description, a.schema(), a.risk) for a in default_catalog().all()]


def tools_named(*names: str) -> list[ToolSpec]:
    return [tool for tool in all_tools() if tool.name in names]


@dataclass
class World:
    """What was seeded, by name: ids of tasks, events, notes, messages and the project."""

    ids: dict[str, str] = field(default_factory=dict)
    amounts: dict[str, str] = field(default_factory=dict)


def _add(s: Services, world: World, key: str, action: str, **args: Any) -> dict[str, Any]:
    value = jsonable(default_catalog().call(s, action, args).value, s.ctx.zone)
    world.ids[key] = str(value["id"])
    return dict(value)


def seed(s: Services) -> World:
    """The known world the requests are asked against (FIXED_NOW: Wed 2026-03-04 11:00 Berlin)."""
    world = World()
    _add(s, world, "atrium", "add_project", name="Atrium", description="the desktop app")
    _add(s, world, "rent", "add_task", title="Pay rent", due="2026-03-01", priority="high")
    _add(s, world, "dentist", "add_task", title="Call the dentist", due="2026-03-05T17:00")
    _add(
        s,
        world,
        "report",
        "add_task",
        title="Write report",
        due="2026-03-06",
        estimate="2h",
        tags=["work"],
    )
    _add(s, world, "groceries_task", "add_task", title="Buy groceries", due="2026-03-04")
    _add(s, world, "passport", "add_task", title="Renew passport", tags=["personal"])
    _add(
        s,
        world,
        "issue",
        "add_task",
        title="Fix the sync crash",
        tags=["work"],
        project_id=world.ids["atrium"],
        estimate="1h",
    )
    _add(
        s, world, "standup", "add_event", title="Standup", start="2026-03-05T09:30", duration="15m"
    )
    _add(
        s,
        world,
        "lunch",
        "add_event",
        title="Lunch with Ann",
        start="2026-03-06T12:30",
        duration="1h",
        location="Cafe Luna",
    )
    _add(
        s,
        world,
        "review",
        "add_event",
        title="Team review",
        start="2026-03-04T15:00",
        duration="1h",
    )
    _add(s, world, "checking", "add_account", name="Checking", currency="EUR")
    for key, amount, payee, category, day in (
        ("rewe", "-42.10", "Rewe", "groceries", "2026-03-04"),
        ("lidl", "-18.35", "Lidl", "groceries", "2026-03-02"),
        ("cafe", "-4.50", "Cafe Luna", "eating out", "2026-03-03"),
        ("salary", "2500", "ACME", "salary", "2026-03-01"),
        ("february", "-60.00", "Rewe", "groceries", "2026-02-10"),
    ):
        _add(
            s,
            world,
            key,
            "add_transaction",
            amount=amount,
            payee=payee,
            category=category,
            date=day,
        )
        world.amounts[key] = amount
    _add(
        s,
        world,
        "trip",
        "add_note",
        title="Trip ideas",
        body="Lisbon in May. Book the train early.",
        tags=["travel"],
    )
    _add(
        s,
        world,
        "packing",
        "add_note",
        title="Packing list for Lisbon",
        body="Passport, charger, sunscreen.",
        tags=["travel"],
    )
    for key, platform, sender, address, subject, body in (
        ("ann", "email", "Ann", "ann@example.org", "Lunch on Friday?", "Are you free for lunch?"),
        ("news", "email", "Shop News", "noreply@shop.example", "Spring newsletter", "Sale!"),
        ("bob", "slack", "Bob", "", "Build finished", "The nightly build is green."),
    ):
        view = s.messages.receive(
            IncomingMessage(
                platform=platform,
                sender=sender,
                sender_address=address,
                subject=subject,
                body_text=body,
                received_at=datetime(2026, 3, 4, 8, len(world.ids), tzinfo=UTC),
            )
        ).value
        world.ids[key] = str(view.id)
    return world


@dataclass
class Conversation:
    """What happened: the tool calls of each step and the final answer."""

    steps: list[tuple[ToolCall, ...]]
    answer: str
    streamed: list[str]

    @property
    def calls(self) -> list[ToolCall]:
        return [made for step in self.steps for made in step]

    def names(self) -> list[str]:
        return [made.name for made in self.calls]

    def call(self, name: str) -> ToolCall:
        return next(made for made in self.calls if made.name == name)


def converse(
    s: Services,
    text: str,
    tools: list[ToolSpec] | None = None,
    asked: list[list[ChatMessage]] | None = None,
) -> Conversation:
    """Run `text` through the planner and the real catalog until it answers.

    With `asked`, each conversation the planner was given is appended to it (to replay).
    """
    provider = OfflineProvider(s)
    offered = tools if tools is not None else all_tools()
    messages = [ChatMessage("user", text)]
    steps: list[tuple[ToolCall, ...]] = []
    streamed: list[str] = []
    for _ in range(MAX_STEPS):
        if asked is not None:
            asked.append(list(messages))
        reply = provider.complete(messages, offered, on_text=streamed.append)
        if not reply.tool_calls:
            return Conversation(steps, reply.text, streamed)
        steps.append(reply.tool_calls)
        messages.append(ChatMessage("assistant", reply.text, tool_calls=reply.tool_calls))
        for made in reply.tool_calls:
            result = default_catalog().call(s, made.name, made.arguments)
            # As the agent loop words it: {"result": ...}, fenced when it came from outside.
            payload = result_payload(jsonable(result.value, s.ctx.zone))
            content = tool_message_text(made.name, payload)
            messages.append(ChatMessage("tool", content, tool_call_id=made.id, name=made.name))
    raise AssertionError(f"no answer after {MAX_STEPS} steps: {steps}")
