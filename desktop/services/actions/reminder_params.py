"""The `reminders` parameter that adding and changing tasks and events share."""

from __future__ import annotations

from typing import Any

from desktop.core.errors import UserError
from desktop.core.when import parse_duration_minutes
from desktop.services.actions.registry import Param

REMINDERS = Param(
    "reminders",
    "array",
    "when to remind, as durations before it starts or is due: 10m, 1h, 1d ('0' = at the time)",
)
NO_REMINDERS = Param("clear_reminders", "boolean", "remove every reminder")


def reminder_minutes(a: dict[str, Any]) -> list[int] | None:
    """The reminder offsets given in `a` (minutes), [] to clear them, None when not given."""
    if a.get("clear_reminders"):
        if a.get("reminders"):
            raise UserError("give either reminders or clear_reminders, not both")
        return []
    if "reminders" not in a:
        return None
    minutes = []
    for text in a["reminders"]:
        value = str(text).strip()
        if value in ("0", "0m", "at the time"):
            minutes.append(0)
            continue
        try:
            minutes.append(parse_duration_minutes(value))
        except UserError as exc:
            raise UserError(f"reminder: {exc}") from None
    return minutes
