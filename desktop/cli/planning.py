"""Sub-commands of planning: reminders, free time and auto-scheduling."""

from __future__ import annotations

import argparse
from typing import Any
from zoneinfo import ZoneInfo

from desktop.cli.output import emit_json, say, table, when_text
from desktop.core.planner import duration_text
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


def calendar_free(args: argparse.Namespace, s: Services) -> int:
    slots = _call(
        s,
        "find_free_time",
        **{"from": args.first, "to": args.last},
        duration=args.duration,
        hours=args.hours,
    )
    if args.json:
        emit_json(slots, s.ctx.zone)
        return 0
    table(
        ("FROM", "TO", "FREE"),
        [
            (when_text(x.start, s.ctx.zone), when_text(x.end, s.ctx.zone), duration_text(x.minutes))
            for x in slots
        ],
        "No free time of that length in that range.",
    )
    return 0


def task_schedule(args: argparse.Namespace, s: Services) -> int:
    action = "apply_schedule" if args.apply else "plan_schedule"
    plan = _call(s, action, **{"from": args.first, "to": args.last})
    if args.json:
        emit_json(plan, s.ctx.zone)
        return 0
    zone = s.ctx.zone
    table(
        ("FROM", "TO", "TIME", "TASK"),
        [
            (
                when_text(b.start, zone),
                when_text(b.end, zone),
                duration_text(b.minutes),
                b.title + (f" (part {b.part} of {b.parts})" if b.parts > 1 else ""),
            )
            for b in plan.blocks
        ],
        "Nothing to plan: no open task with an estimate fits this range.",
    )
    for unplaced in plan.unplaced:
        say(f"Not placed: '{unplaced.title}': {unplaced.reason}.")
    for note in plan.notes:
        say(f"Note: {note}.")
    if plan.applied is not None:
        a = plan.applied
        say(f"Applied: {a.created} block(s) added, {a.kept} kept, {a.removed} removed.")
    elif plan.blocks:
        say("This is a proposal; run again with --apply to put these blocks in the calendar.")
    return 0


HANDLERS = {
    "calendar.free": calendar_free,
    "task.schedule": task_schedule,
    "reminder.list": reminder_list,
    "reminder.snooze": reminder_snooze,
    "reminder.dismiss": reminder_dismiss,
}
