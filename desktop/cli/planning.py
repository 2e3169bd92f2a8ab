"""Sub-commands of planning: reminders (and, with the calendar issue, free time and scheduling)."""

from __future__ import annotations

import argparse
from typing import Any
from zoneinfo import ZoneInfo

from desktop.cli.output import emit_json, say, table, when_text
from desktop.services.actions.registry import default_catalog
from desktop.services.container import Services


def _call(services: Services, action: str, **args: Any) -> Any:
    present = {k: v for k, v in args.items() if v is not None}
    return default_catalog().call(services, action, present).value


def _reminder_table(reminders: Any, zone: ZoneInfo) -> None:
    table(
        ("WHEN", "BEFORE", "WHAT", "TITLE", "STARTS", "KEY"),
        [
            (
                when_text(r.fire_at, zone),
                f"{r.offset_minutes} min",
                r.item_kind + (" (snoozed)" if r.state == "snoozed" else ""),
                r.title,
                when_text(r.starts, zone),
                r.key,
            )
            for r in reminders
        ],
        "No reminders due in that time.",
    )


def reminder_list(args: argparse.Namespace, s: Services) -> int:
    reminders = _call(s, "list_reminders", days=args.days)
    if args.json:
        emit_json(reminders, s.ctx.zone)
    else:
        _reminder_table(reminders, s.ctx.zone)
    return 0


def reminder_snooze(args: argparse.Namespace, s: Services) -> int:
    reminder = _call(s, "snooze_reminder", key=args.key, minutes=args.minutes)
    if args.json:
        emit_json(reminder, s.ctx.zone)
    else:
        say(f"Snoozed '{reminder.title}' until {when_text(reminder.fire_at, s.ctx.zone)}.")
    return 0


def reminder_dismiss(args: argparse.Namespace, s: Services) -> int:
    _call(s, "dismiss_reminder", key=args.key)
    if args.json:
        emit_json({"dismissed": args.key}, s.ctx.zone)
    else:
        say(f"Dismissed {args.key}.")
    return 0


HANDLERS = {
    "reminder.list": reminder_list,
    "reminder.snooze": reminder_snooze,
    "reminder.dismiss": reminder_dismiss,
}
