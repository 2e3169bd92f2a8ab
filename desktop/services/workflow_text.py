"""Workflow triggers in words: "every weekday at 08:00", "when a task is created"."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

EVENT_WORDS = {
    "task.created": "a task is created",
    "task.completed": "a task is completed",
    "task.overdue": "a task becomes overdue",
    "event.starting": "an event is about to start",
    "message.received": "a message arrives",
    "transaction.imported": "a transaction is imported",
    "budget.threshold": "a budget passes a threshold",
    "sync.conflict": "sync finds a conflict",
}
_WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
_DAY_NAMES = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}


def trigger_text(trigger: Mapping[str, Any]) -> str:
    """A short description of a trigger dict (as in the file format)."""
    kind = trigger.get("kind")
    if kind == "time":
        return _time_text(trigger)
    if kind == "event":
        text = f"when {EVENT_WORDS.get(str(trigger.get('event')), str(trigger.get('event')))}"
        flt = trigger.get("filter") or {}
        if flt:
            parts = ", ".join(f"{key.replace('_', ' ')} {value}" for key, value in flt.items())
            text += f" ({parts})"
        return text
    if kind == "voice":
        return f'when I say "{trigger.get("phrase", "")}"'
    return "manually"


def _time_text(trigger: Mapping[str, Any]) -> str:
    if trigger.get("cron"):
        return f"on the schedule {trigger['cron']}"
    every = trigger.get("every_minutes")
    if every:
        if every == 1:
            return "every minute"
        if every % 60 == 0:
            hours = every // 60
            return "every hour" if hours == 1 else f"every {hours} hours"
        return f"every {every} minutes"
    days = list(trigger.get("days") or [])
    at = trigger.get("at", "")
    if not days or len(days) == 7:
        return f"every day at {at}"
    if sorted(days, key=list(_DAY_NAMES).index) == _WEEKDAYS:
        return f"every weekday at {at}"
    if sorted(days) == ["sat", "sun"]:
        return f"every weekend day at {at}"
    names = [_DAY_NAMES[day] for day in sorted(days, key=list(_DAY_NAMES).index)]
    if len(names) == 1:
        return f"every {names[0]} at {at}"
    return f"every {', '.join(names[:-1])} and {names[-1]} at {at}"
