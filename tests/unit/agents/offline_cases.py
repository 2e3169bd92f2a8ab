"""The offline planner's test requests: 40+ typical requests across the panes.

Each case names the tools the planner must call (in order), their key arguments
(a function gets the seeded World, for ids), facts the final answer must contain and,
for writes, a check on the store afterwards. The world is `offline_world.seed`;
FIXED_NOW is Wed 2026-03-04 10:00 UTC (11:00 in Berlin, the user's zone).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from desktop.services.container import Services
from tests.unit.agents.offline_world import World

Check = Callable[[Services, World], bool]


def _spent(world: World, *keys: str) -> str:
    return f"{-sum(Decimal(world.amounts[k]) for k in keys):.2f}"


def _task_status(key: str) -> Check:
    return lambda s, w: s.tasks.get(w.ids[key]).status


def _titles(s: Services, kind: str) -> list[str]:
    if kind == "task":
        return [t.title for t in s.tasks.list()]
    return [e.title for e in s.calendar.occurrences(*_span(s))]


def _span(s: Services) -> tuple[Any, Any]:
    today = s.ctx.today()
    return today, today + timedelta(days=30)


@dataclass(frozen=True)
class Case:
    """A request, the tools it must call in order, key arguments, facts in the answer."""

    text: str
    tools: tuple[str, ...]
    args: dict[str, dict[str, Any]] = field(default_factory=dict)
    facts: tuple[Any, ...] = ()  # text, or a function of the World giving text
    then: Check | None = None  # a check on the store after the answer
    expect: Any = True  # what `then` must give


CASES: tuple[Case, ...] = (
    # Tasks
    Case(
        "Add a task to call the plumber tomorrow at 5pm",
        ("add_task",),
        {"add_task": {"title": "Call the plumber", "due": "2026-03-05T17:00:00+01:00"}},
        ("Call the plumber", "tomorrow 17:00"),
        lambda s, w: "Call the plumber" in _titles(s, "task"),
    ),
    Case(
        "add a task to write the budget review by friday !high #work",
        ("add_task",),
        {
            "add_task": {
                "title": "Write the budget review",
                "due": "2026-03-06",
                "priority": "high",
                "tags": ["work"],
            }
        },
        ("Write the budget review", "Fri 6 Mar"),
    ),
    Case(
        "Remind me to water the plants at 6pm",
        ("add_task",),
        {
            "add_task": {
                "title": "Water the plants",
                "due": "2026-03-04T18:00:00+01:00",
                "reminders": ["0"],
            }
        },
        ("Water the plants", "today 18:00", "remind you"),
    ),
    Case(
        "I need to renew the car insurance next week",
        ("add_task",),
        {"add_task": {"title": "Renew the car insurance"}},
        ("Renew the car insurance",),
    ),
    Case(
        "What's overdue?",
        ("list_tasks",),
        {"list_tasks": {"status": "open", "due_before": "2026-03-04T11:00+01:00"}},
        ("1 overdue task", "Pay rent", "Sun 1 Mar"),
    ),
    Case(
        "What's due today?",
        ("list_tasks",),
        {"list_tasks": {"due_before": "2026-03-05"}},
        ("1 task due today", "Buy groceries", "Also 1 overdue task"),
    ),
    Case(
        "What's due this week?",
        ("list_tasks",),
        {"list_tasks": {"due_before": "2026-03-09"}},
        ("3 tasks due", "Buy groceries", "Call the dentist", "Write report"),
    ),
    Case(
        "How many tasks do I have?",
        ("task_stats",),
        {},
        ("6 open tasks", "1 overdue", "1 due today"),
    ),
    Case(
        "Show my tasks tagged work",
        ("list_tasks",),
        {"list_tasks": {"tag": "work"}},
        ("2 open tasks tagged work", "Write report", "Fix the sync crash"),
    ),
    Case(
        "Show my tasks",
        ("list_tasks",),
        {"list_tasks": {"status": "open"}},
        ("6 open tasks", "Renew passport"),
    ),
    Case(
        "Mark call the dentist done",
        ("list_tasks", "complete_task"),
        {
            "list_tasks": {"search": "call the dentist"},
            "complete_task": {"id": lambda w: w.ids["dentist"]},
        },
        ("Marked", "Call the dentist", "done"),
        _task_status("dentist"),
        "done",
    ),
    Case(
        "I finished buy groceries",
        ("list_tasks", "complete_task"),
        {"complete_task": {"id": lambda w: w.ids["groceries_task"]}},
        ("Buy groceries",),
        _task_status("groceries_task"),
        "done",
    ),
    Case(
        "Make write report urgent",
        ("list_tasks", "update_task"),
        {"update_task": {"id": lambda w: w.ids["report"], "priority": "urgent"}},
        ("Write report", "urgent"),
        lambda s, w: s.tasks.get(w.ids["report"]).priority,
        "urgent",
    ),
    Case(
        "Move call the dentist to monday",
        ("list_tasks", "update_task"),
        {"update_task": {"id": lambda w: w.ids["dentist"], "due": "2026-03-09"}},
        ("Call the dentist", "Mon 9 Mar"),
        lambda s, w: str(s.tasks.get(w.ids["dentist"]).due),
        "2026-03-09",
    ),
    Case(
        "Delete the task renew passport",
        ("list_tasks", "delete_task"),
        {"delete_task": {"id": lambda w: w.ids["passport"]}},
        ("Deleted", "Renew passport"),
        lambda s, w: "Renew passport" in _titles(s, "task"),
        False,
    ),
    # Calendar and scheduling
    Case(
        "What's on my calendar tomorrow?",
        ("list_events",),
        {"list_events": {"from": "2026-03-05", "to": "2026-03-05"}},
        ("1 event tomorrow", "Standup", "09:30"),
    ),
    Case(
        "What meetings do I have on Friday?",
        ("list_events",),
        {"list_events": {"from": "2026-03-06", "to": "2026-03-06"}},
        ("Lunch with Ann", "12:30", "Cafe Luna"),
    ),
    Case(
        "What's on my calendar this week?",
        ("list_events",),
        {"list_events": {"from": "2026-03-04", "to": "2026-03-08"}},
        ("3 events", "Team review", "Standup", "Lunch with Ann"),
    ),
    Case(
        "Schedule a meeting with Bob tomorrow at 3pm for 30 minutes",
        ("add_event",),
        {
            "add_event": {
                "title": "Meeting with Bob",
                "start": "2026-03-05T15:00:00+01:00",
                "end": "2026-03-05T15:30:00+01:00",
            }
        },
        ("Meeting with Bob", "tomorrow 15:00"),
        lambda s, w: "Meeting with Bob" in _titles(s, "event"),
    ),
    Case(
        "Add lunch with Carla on friday 13:00 at Pasta Bar",
        ("add_event",),
        {"add_event": {"title": "Lunch with Carla", "location": "Pasta Bar"}},
        ("Lunch with Carla", "Pasta Bar"),
    ),
    Case(
        "Find an hour for the report before Friday",
        ("find_free_time",),
        {"find_free_time": {"from": "2026-03-04", "to": "2026-03-05", "duration": "60m"}},
        ("free slot", "at least 1 hour", "today 11:00"),
    ),
    Case(
        "When am I free tomorrow?",
        ("find_free_time",),
        {"find_free_time": {"from": "2026-03-05", "to": "2026-03-05"}},
        ("free slot", "tomorrow 09:55"),
    ),
    Case(
        "Plan my day",
        ("plan_schedule",),
        {"plan_schedule": {"from": "2026-03-04", "to": "2026-03-04"}},
        ("focus block", "Write report", "Fix the sync crash", "apply the plan"),
    ),
    Case(
        "Plan my week",
        ("plan_schedule",),
        {"plan_schedule": {"from": "2026-03-04", "to": "2026-03-08"}},
        ("focus block", "Write report"),
    ),
    Case(
        "Apply the plan",
        ("apply_schedule",),
        {"apply_schedule": {"from": "2026-03-04"}},
        ("written to your calendar", "Write report"),
        lambda s, w: any(t.startswith("Focus") for t in _titles(s, "event")),
    ),
    Case(
        "What does my day look like?",
        ("list_events", "list_tasks"),
        {"list_events": {"from": "2026-03-04", "to": "2026-03-04"}},
        ("Team review", "Buy groceries", "Pay rent"),
    ),
    # Money
    Case(
        "How much did I spend on groceries this month?",
        ("month_summary",),
        {"month_summary": {"month": "2026-03"}},
        (lambda w: _spent(w, "rewe", "lidl"), "groceries", "March 2026"),
    ),
    Case(
        "How much did I spend last month?",
        ("month_summary",),
        {"month_summary": {"month": "2026-02"}},
        (lambda w: _spent(w, "february"), "February 2026"),
    ),
    Case(
        "How much did I earn this month?",
        ("month_summary",),
        {},
        (lambda w: f"{Decimal(w.amounts['salary']):.2f}", "income"),
    ),
    Case(
        "What's my balance?",
        ("list_accounts",),
        {},
        ("Checking", lambda w: f"{sum(Decimal(a) for a in w.amounts.values()):.2f} EUR"),
    ),
    Case(
        "I spent 12.50 on lunch at Cafe Luna",
        ("add_transaction",),
        {"add_transaction": {"amount": "-12.50", "payee": "Cafe Luna", "category": "lunch"}},
        ("12.50 EUR", "Cafe Luna", "today"),
    ),
    Case(
        "Show my recent transactions",
        ("list_transactions",),
        {},
        ("5 transactions", "Rewe", "Lidl", "ACME"),
    ),
    Case("Show my budgets", ("list_budgets",), {}, ("no budgets",)),
    # Notes and search
    Case(
        "Take a note: Gift ideas: a book for Ann",
        ("add_note",),
        {"add_note": {"title": "Gift ideas", "body": "a book for Ann"}},
        ("Gift ideas", "[note:"),
    ),
    Case(
        "Show my notes tagged travel",
        ("list_notes",),
        {"list_notes": {"tag": "travel"}},
        ("2 notes", "Trip ideas", lambda w: f"[note:{w.ids['packing']}]"),
    ),
    Case(
        "Summarise my notes about Lisbon",
        ("search", "get_note", "get_note"),
        {"search": {"query": "Lisbon", "kind": "note"}},
        ("Lisbon in May", "Passport, charger", lambda w: f"[note:{w.ids['trip']}]"),
    ),
    Case(
        "Search for dentist",
        ("search",),
        {"search": {"query": "dentist"}},
        ("Call the dentist", lambda w: f"[task:{w.ids['dentist']}]"),
    ),
    # Inbox
    Case(
        "Show my unread messages",
        ("list_messages",),
        {"list_messages": {"unread": True}},
        ("3 unread messages", "Ann", "Lunch on Friday?", "Build finished"),
    ),
    Case(
        "Show my slack messages",
        ("list_messages",),
        {"list_messages": {"platform": "slack"}},
        ("1 slack message", "Bob"),
    ),
    Case(
        "Triage my inbox",
        ("list_messages",),
        {"list_messages": {"unread": True}},
        (
            "Needs a reply (1)",
            "Lunch on Friday?",
            "Can be archived (1)",
            "Spring newsletter",
            "FYI (1)",
        ),
    ),
    Case(
        "Archive the email from Shop News",
        ("list_messages", "mark_message"),
        {"mark_message": {"id": lambda w: w.ids["news"], "archived": True}},
        ("Spring newsletter", "archived"),
        lambda s, w: w.ids["news"] in {str(m.id) for m in s.messages.list()},
        False,
    ),
    Case(
        "Mark the message from Ann as read",
        ("list_messages", "mark_message"),
        {"mark_message": {"id": lambda w: w.ids["ann"], "read": True}},
        ("Ann", "read"),
        lambda s, w: w.ids["ann"] in {str(m.id) for m in s.messages.list(unread=True)},
        False,
    ),
    Case(
        "Read the message from Ann",
        ("list_messages", "get_message"),
        {"get_message": {"id": lambda w: w.ids["ann"]}},
        ("Lunch on Friday?", "> Are you free for lunch?", lambda w: f"[message:{w.ids['ann']}]"),
    ),
    Case(
        "Draft a reply to Ann saying Friday works for me",
        ("list_messages", "draft_reply"),
        {"draft_reply": {"message_id": lambda w: w.ids["ann"], "body": "Friday works for me"}},
        ("draft reply to Ann", "Nothing was sent"),
    ),
    Case(
        "Send an email to bob@example.org about lunch: see you at noon",
        ("send_message",),
        {
            "send_message": {
                "to": ["bob@example.org"],
                "subject": "lunch",
                "body": "see you at noon",
            }
        },
        ("bob@example.org", "outbox"),
    ),
    # Projects and reminders
    Case(
        "What's open in project Atrium?",
        ("list_projects", "list_tasks"),
        {},
        ("Atrium", "1 open task", "Fix the sync crash"),
    ),
    Case("List my projects", ("list_projects",), {}, ("1 project", "Atrium")),
    Case(
        "Create a project called Garden",
        ("add_project",),
        {"add_project": {"name": "Garden"}},
        ("Garden", "[project:"),
    ),
    Case("Show my reminders", ("list_reminders",), {}, ("No reminders",)),
)
