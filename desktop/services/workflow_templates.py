"""The gallery of ready workflows: each a name, a title, a description and a definition.

A definition is the dictionary of the workflow file format (see workflow_spec.py and the
README's "Workflows" section), so a template can be saved as a file, edited and added
back with `atrium workflow add --file`. `from_template` returns a fresh copy to change;
`atrium workflow from-template NAME` and the Workflows pane add it as a workflow.
"""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass, field
from typing import Any

from desktop.core.errors import UserError

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
EVERY_DAY = [*WEEKDAYS, "sat", "sun"]
VIPS = ("boss@example.com", "ann@example.com")


@dataclass(frozen=True)
class TemplateView:
    """One ready workflow of the gallery."""

    name: str  # what `from-template` takes, e.g. "daily-agenda"
    title: str
    description: str
    definition: dict[str, Any]
    # Trigger data like the real event's (empty for time triggers): for dry runs.
    sample_event: dict[str, Any] = field(default_factory=dict)


def _daily_agenda() -> dict[str, Any]:
    return {
        "name": "Daily agenda",
        "description": "Every morning at 08:00: a notification with today's events and tasks due.",
        "enabled": True,
        "trusted": False,
        "trigger": {"kind": "time", "at": "08:00", "days": EVERY_DAY, "missed": "run_once"},
        "steps": [
            {"kind": "action", "action": "day_agenda", "args": {}},
            {"kind": "notify", "args": {"text": "{{steps.0.text}}"}},
        ],
    }


def _vip_reply() -> dict[str, Any]:
    return {
        "name": "Reply to VIPs",
        "description": (
            "A message from someone on the VIP list becomes a task to reply, due tomorrow. "
            "The VIP list is the condition's value: the senders' addresses."
        ),
        "enabled": True,
        "trusted": False,
        "trigger": {"kind": "event", "event": "message.received", "filter": {}},
        "conditions": {
            "mode": "all",
            "items": [{"field": "message.sender_address", "op": "in", "value": list(VIPS)}],
        },
        "steps": [
            {
                "kind": "action",
                "action": "add_task",
                "args": {
                    "title": "Reply to {{message.sender}}",
                    "due": "tomorrow",
                    "priority": "high",
                    "notes": "About: {{message.subject}}",
                    "tags": ["reply"],
                },
            }
        ],
    }


def _bill_paid() -> dict[str, Any]:
    return {
        "name": "Bill paid",
        "description": (
            "When transactions are imported, the bill tasks they pay are completed "
            "(payee, amount within 10 % and date within 5 days of the bill)."
        ),
        "enabled": True,
        "trusted": False,
        "trigger": {"kind": "event", "event": "transaction.imported", "filter": {}},
        "conditions": {
            "mode": "all",
            "items": [{"field": "transaction.amount", "op": "lt", "value": 0}],
        },
        "steps": [{"kind": "action", "action": "complete_paid_bills", "args": {}}],
    }


def _budget_90() -> dict[str, Any]:
    return {
        "name": "Budget at 90 %",
        "description": "A notification when a category has used 90 % of its monthly budget.",
        "enabled": True,
        "trusted": False,
        "trigger": {"kind": "event", "event": "budget.threshold", "filter": {"percent": 90}},
        "steps": [
            {
                "kind": "notify",
                "args": {
                    "text": (
                        "Budget {{budget.category}}: {{budget.percent}} % used "
                        "({{budget.spent}} of {{budget.available}} {{budget.currency}})"
                    )
                },
            }
        ],
    }


def _prep_task() -> dict[str, Any]:
    return {
        "name": "Prepare for events",
        "description": (
            "A day (1440 minutes) before an event with 'prep' in its title starts, a task "
            "to prepare for it, due that day."
        ),
        "enabled": True,
        "trusted": False,
        "trigger": {
            "kind": "event",
            "event": "event.starting",
            "filter": {"minutes_before": 1440, "title_contains": "prep"},
        },
        "steps": [
            {
                "kind": "action",
                "action": "add_task",
                "args": {
                    "title": "Prepare: {{event.title}}",
                    "due": "today",
                    "tags": ["prep"],
                },
            }
        ],
    }


def _weekly_review() -> dict[str, Any]:
    return {
        "name": "Weekly review",
        "description": (
            "Every Friday at 16:00: a note 'Weekly review <date>' with the week's completed "
            "tasks and spending per category."
        ),
        "enabled": True,
        "trusted": False,
        "trigger": {"kind": "time", "at": "16:00", "days": ["fri"], "missed": "run_once"},
        "steps": [
            {"kind": "action", "action": "week_review", "args": {}},
            {
                "kind": "action",
                "action": "add_note",
                "args": {
                    "title": "{{steps.0.title}}",
                    "body": "{{steps.0.text}}",
                    "tags": ["review"],
                },
            },
        ],
    }


# Trigger data like the real event's, to try a template with `workflow run --event`.
_SAMPLES: dict[str, dict[str, Any]] = {
    "vip-reply": {
        "message": {
            "id": "00000000-0000-0000-0000-000000000001",
            "sender": "Ann Example",
            "sender_address": "ann@example.com",
            "subject": "Contract draft",
            "platform": "email",
        }
    },
    "bill-paid": {
        "transaction": {
            "id": "00000000-0000-0000-0000-000000000002",
            "payee": "Netflix",
            "amount": "-12.99",
            "currency": "EUR",
            "category": "subscriptions",
        }
    },
    "budget-90": {
        "budget": {
            "category": "groceries",
            "month": "2026-03",
            "percent": 91.5,
            "spent": "366.00",
            "available": "400.00",
            "remaining": "34.00",
            "currency": "EUR",
        }
    },
    "prep-task": {
        "event": {
            "id": "00000000-0000-0000-0000-000000000003",
            "title": "Board meeting prep",
            "start": "2026-03-06T10:00:00+01:00",
            "end": "2026-03-06T11:00:00+01:00",
            "location": "",
        },
        "minutes_before": 1440,
    },
}

_GALLERY = (
    ("daily-agenda", "Daily agenda at 08:00", _daily_agenda),
    ("vip-reply", "Message from a VIP → task to reply", _vip_reply),
    ("bill-paid", "Bill paid → complete its task", _bill_paid),
    ("budget-90", "Budget at 90 % → notification", _budget_90),
    ("prep-task", "Event with 'prep' in the title → task the day before", _prep_task),
    ("weekly-review", "Friday 16:00 → weekly review note", _weekly_review),
)


def templates() -> list[TemplateView]:
    """Every template of the gallery, in the gallery's order (fresh copies)."""
    views = []
    for name, title, build in _GALLERY:
        definition = build()
        views.append(
            TemplateView(
                name,
                title,
                str(definition["description"]),
                definition,
                copy.deepcopy(_SAMPLES.get(name, {})),
            )
        )
    return views


def template_names() -> list[str]:
    return [name for name, _title, _build in _GALLERY]


def template(name: str) -> TemplateView:
    """The template `name`, or a UserError that names the closest one and lists them all."""
    key = name.strip().lower()
    for view in templates():
        if view.name == key:
            return view
    names = template_names()
    close = difflib.get_close_matches(key, names, n=1)
    hint = f"; did you mean {close[0]}?" if close else ""
    raise UserError(
        f"there is no workflow template named '{name}'{hint} (the templates: {', '.join(names)})"
    )


def from_template(name: str) -> dict[str, Any]:
    """The definition of the template `name`: a fresh copy to change and add."""
    return template(name).definition
