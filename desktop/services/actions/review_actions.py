"""Actions the workflow templates build on: today's agenda, the week's review, paid bills.

`day_agenda` and `week_review` return a text (and the records behind it) that a workflow
shows in a notification or saves as a note; `complete_paid_bills` completes the bill tasks
a transaction has paid (the "bill-paid" template runs it when transactions arrive).
"""

from __future__ import annotations

from typing import Any

from desktop.services.actions.registry import Action, Param
from desktop.services.container import Services

_DAY = Param("day", "string", "which day (default: today)", format="date")


def _agenda(s: Services, a: dict[str, Any]) -> Any:
    from desktop.services.reviews import ReviewService

    return ReviewService(s.ctx).day_agenda(a.get("day"))


def _week(s: Services, a: dict[str, Any]) -> Any:
    from desktop.services.reviews import ReviewService

    return ReviewService(s.ctx).week_review(a.get("day"))


def _paid_bills(s: Services, a: dict[str, Any]) -> Any:
    return s.bills.complete_paid()


ACTIONS = (
    Action(
        "day_agenda",
        "Today's events and the tasks due (and overdue) as a short text",
        "read",
        _agenda,
        (_DAY,),
        area="calendar",
    ),
    Action(
        "week_review",
        "The week so far (Monday to today): completed tasks and spending per category, as text",
        "read",
        _week,
        (
            Param(
                "day",
                "string",
                "the last day of the week to review (default: today)",
                format="date",
            ),
        ),
        area="tasks",
    ),
    Action(
        "complete_paid_bills",
        "Complete the open bill tasks that a transaction has paid",
        "write",
        _paid_bills,
        area="tasks",
    ),
)
