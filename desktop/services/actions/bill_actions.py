"""Actions on bills: which are due soon (and have tasks), and making their tasks."""

from __future__ import annotations

from typing import Any

from desktop.services.actions.registry import Action, Param
from desktop.services.container import Services

_DAYS = Param(
    "days", "integer", "how many days ahead to look (default: the bills.days_ahead setting)"
)


def _list(s: Services, a: dict[str, Any]) -> Any:
    return s.bills.upcoming(a.get("days"))


def _create(s: Services, a: dict[str, Any]) -> Any:
    return s.bills.sync(a.get("days"))


ACTIONS = (
    Action(
        "list_bills",
        "Bills (recurring payments) due soon, and whether each has a task",
        "read",
        _list,
        (_DAYS,),
        area="tasks",
    ),
    Action(
        "create_bill_tasks",
        "Make a task with a reminder for every bill due soon; complete the paid ones",
        "write",
        _create,
        (_DAYS,),
        area="tasks",
    ),
)
