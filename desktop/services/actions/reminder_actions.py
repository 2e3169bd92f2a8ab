"""Actions on reminders: what is due next, snooze, dismiss."""

from __future__ import annotations

from datetime import timedelta

from desktop.core.errors import UserError
from desktop.services.actions.registry import Action, Param

_KEY = Param("key", "string", "the reminder's key, as `list_reminders` gives it", required=True)


def _horizon(days: int) -> timedelta:
    if not 1 <= days <= 366:
        raise UserError(f"look 1 to 366 days ahead, not {days}")
    return timedelta(days=days)


ACTIONS = (
    Action(
        "list_reminders",
        "List the reminders due next (missed ones of the last 12 hours first)",
        "read",
        lambda s, a: s.reminders.upcoming(_horizon(a.get("days", 7))),
        (Param("days", "integer", "how many days ahead to look (default 7)"),),
        area="reminders",
    ),
    Action(
        "snooze_reminder",
        "Show a reminder again later",
        "write",
        lambda s, a: s.reminders.snooze(a["key"], a.get("minutes", 10)),
        (_KEY, Param("minutes", "integer", "minutes from now (default 10)")),
        area="reminders",
    ),
    Action(
        "dismiss_reminder",
        "Never show a reminder again",
        "write",
        lambda s, a: s.reminders.dismiss(a["key"]),
        (_KEY,),
        area="reminders",
    ),
)
