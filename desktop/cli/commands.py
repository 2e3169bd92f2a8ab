"""The sub-commands: each turns flags into an action call and prints the result."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from desktop.cli import (
    admin,
    agent_commands,
    agent_key_commands,
    bill_commands,
    category_commands,
    desktop_install,
    finance_commands,
    ical_commands,
    ledger_commands,
    phrasing,
    planning,
    workflow_commands,
)
from desktop.cli.output import emit_json, say, table, when_text
from desktop.core.errors import UserError
from desktop.core.rrule_text import describe_rrule
from desktop.services.actions.registry import default_catalog, parse_cli_args
from desktop.services.container import Services

Handler = Callable[[argparse.Namespace, Any], int]


def _call(services: Services, action: str, **args: Any) -> Any:
    present = {k: v for k, v in args.items() if v is not None and v != [] and v is not False}
    return default_catalog().call(services, action, present).value


def _print(
    args: argparse.Namespace, services: Services, value: Any, human: Callable[[Any, ZoneInfo], None]
) -> int:
    if args.json:
        emit_json(value, services.ctx.zone)
    else:
        human(value, services.ctx.zone)
    return 0


# -- tasks -----------------------------------------------------------------------------


def _task_line(task: Any, zone: ZoneInfo) -> None:
    due = f" (due {when_text(task.due, zone)})" if task.due else ""
    say(f"{task.id}  {task.title}{due}  [{task.status}, {task.priority}]")


def reminders_text(minutes: Any) -> str:
    """(10, 1440) -> '10 min, 1 day before'."""

    def one(value: int) -> str:
        if value == 0:
            return "at the time"
        days, rest = divmod(value, 1440)
        hours, mins = divmod(rest, 60)
        parts = [f"{days} day{'s' if days > 1 else ''}"] if days else []
        parts += [f"{hours} h"] if hours else []
        parts += [f"{mins} min"] if mins else []
        return " ".join(parts)

    texts = [one(m) for m in minutes or ()]
    if not texts:
        return ""
    return ", ".join(texts) + ("" if texts == ["at the time"] else " before")


def _task_detail(task: Any, zone: ZoneInfo) -> None:
    for label, value in (
        ("id", task.id),
        ("title", task.title),
        ("status", task.status),
        ("priority", task.priority),
        ("due", when_text(task.due, zone)),
        ("estimate", f"{task.estimate_minutes} min" if task.estimate_minutes else ""),
        ("tags", " ".join(f"#{t}" for t in task.tags)),
        ("parent", task.parent_id or ""),
        ("recurrence", task.recurrence or ""),
        ("repeat", f"from {task.repeat_from}" if task.recurrence else ""),
        ("reminders", reminders_text(getattr(task, "reminders", ()))),
        ("completed", when_text(task.completed_at, zone)),
        ("created", when_text(task.created_at, zone)),
        ("notes", task.notes),
    ):
        if value != "":
            say(f"{label + ':':<11} {value}")


def _task_table(tasks: Any, zone: ZoneInfo) -> None:
    table(
        ("ID", "DUE", "PRI", "STATUS", "TITLE", "TAGS"),
        [
            (
                t.id,
                when_text(t.due, zone),
                t.priority,
                t.status,
                t.title,
                " ".join(f"#{x}" for x in t.tags),
            )
            for t in tasks
        ],
        "No tasks.",
    )


def task_add(args: argparse.Namespace, s: Services) -> int:
    fields, phrase = phrasing.task_fields(args, s)  # the text read as a phrase; flags win
    task = _call(
        s,
        "add_task",
        **fields,
        parent_id=args.parent,
        notes=args.notes,
        repeat_from=args.repeat_from,
        reminders=args.remind,
    )
    status = _print(args, s, task, _task_line)
    phrasing.show_notes(args, phrase)
    return status


def task_list(args: argparse.Namespace, s: Services) -> int:
    tasks = _call(
        s,
        "list_tasks",
        status=args.status,
        tag=args.tag,
        search=args.search,
        due_before=args.due_before,
        limit=args.limit,
    )
    return _print(args, s, tasks, _task_table)


def task_update(args: argparse.Namespace, s: Services) -> int:
    task = _call(
        s,
        "update_task",
        id=args.id,
        title=args.title,
        notes=args.notes,
        status=args.status,
        priority=args.priority,
        due=args.due,
        clear_due=args.no_due,
        tags=args.tag,
        estimate=args.estimate,
        recurrence=args.repeat,
        clear_recurrence=args.no_repeat,
        repeat_from=args.repeat_from,
        reminders=args.remind,
        clear_reminders=args.no_remind or None,
    )
    return _print(args, s, task, _task_line)


def task_delete(args: argparse.Namespace, s: Services) -> int:
    count = _call(s, "delete_task", id=args.id)
    return _print(args, s, {"deleted": count}, lambda v, z: say(f"Deleted {count} task(s)."))


def task_stats(args: argparse.Namespace, s: Services) -> int:
    stats = _call(s, "task_stats")
    return _print(args, s, stats, _stats_lines)


def _stats_lines(stats: Any, zone: ZoneInfo) -> None:
    import dataclasses

    for field in dataclasses.fields(stats):
        say(f"{field.name.replace('_', ' ')}: {getattr(stats, field.name)}")


# -- events ----------------------------------------------------------------------------


def _last_day_text(occurrence: Any, zone: ZoneInfo) -> str:
    """The end as people read it: an all-day event's last day, not the day after."""
    if occurrence.all_day:
        return when_text(occurrence.end - timedelta(days=1), zone)
    return when_text(occurrence.end, zone)


def _event_detail(event: Any, zone: ZoneInfo) -> None:
    say(f"{event.id}  {event.title}")
    say(
        f"  {when_text(event.start, zone)} → {_last_day_text(event, zone)}"
        + ("  (all day)" if event.all_day else "")
        + f"  [{event.time_zone}]"
    )
    for label, value in (
        ("location", event.location),
        ("repeats", f"{describe_rrule(event.rrule)} ({event.rrule})" if event.rrule else ""),
        ("reminders", reminders_text(event.reminders)),
        ("details", event.description),
    ):
        if value:
            say(f"  {label}: {value}")
    for person in event.attendees:
        say(f"  attendee: {person.email} ({person.role}, {person.response})")


def event_add(args: argparse.Namespace, s: Services) -> int:
    fields, phrase = phrasing.event_fields(args, s)  # the text read as a phrase; flags win
    start, end = fields.pop("start"), fields.pop("end")
    if args.tz:
        from desktop.core.when import parse_when
        from desktop.services.base import check_zone

        zone = ZoneInfo(check_zone(args.tz))
        start = parse_when(start, s.ctx.now(), zone) if isinstance(start, str) else start
        end = parse_when(end, s.ctx.now(), zone) if isinstance(end, str) else end
    event = _call(
        s,
        "add_event",
        **fields,
        start=start,
        end=end,
        description=args.description,
        time_zone=args.tz,
        reminders=args.remind,
    )
    status = _print(args, s, event, _event_detail)
    phrasing.show_notes(args, phrase)
    return status


def event_list(args: argparse.Namespace, s: Services) -> int:
    found = _call(s, "list_events", **{"from": args.from_, "to": args.to})
    return _print(
        args,
        s,
        found,
        lambda v, z: table(
            ("START", "END", "TITLE", "LOCATION", "EVENT ID"),
            [
                (when_text(o.start, z), _last_day_text(o, z), o.title, o.location, o.event_id)
                for o in v
            ],
            "No events in this range.",
        ),
    )


def event_update(args: argparse.Namespace, s: Services) -> int:
    one = _occurrence_args(args)
    reminders = {"reminders": args.remind, "clear_reminders": args.no_remind or None}
    if one and (args.remind or args.no_remind):
        raise UserError("reminders belong to the whole event or series; drop --occurrence")
    event = _call(
        s,
        "update_occurrence" if one else "update_event",
        **one,
        id=args.id,
        title=args.title,
        start=args.start,
        end=args.end,
        location=args.location,
        description=args.description,
        rrule=args.rrule,
        clear_rrule=args.no_rrule,
        attendees=args.attendee,
        **({} if one else reminders),
    )
    return _print(args, s, event, _event_detail)


def _occurrence_args(args: argparse.Namespace) -> dict[str, Any]:
    """The occurrence flags for the *_occurrence actions; empty for a whole event."""
    if args.occurrence is None and args.scope is None:
        return {}
    return {"occurrence": args.occurrence, "scope": args.scope or "this"}


def event_delete(args: argparse.Namespace, s: Services) -> int:
    one = _occurrence_args(args)
    if one:
        removal = _call(s, "delete_occurrence", id=args.id, **one)
        what = {"this": "the occurrence", "following": "it and the following ones"}
        return _print(
            args,
            s,
            removal,
            lambda v, z: say(
                "Deleted the whole event." if v.series_deleted else f"Deleted {what[v.scope]}."
            ),
        )
    count = _call(s, "delete_event", id=args.id)
    return _print(args, s, {"deleted": count}, lambda v, z: say(f"Deleted {count} event(s)."))


# -- notes -----------------------------------------------------------------------------


def _note_detail(note: Any, zone: ZoneInfo) -> None:
    say(f"# {note.title}")
    if note.tags:
        say(" ".join(f"#{t}" for t in note.tags))
    say(f"({note.id}, updated {when_text(note.updated_at, zone)})")
    if note.body:
        say("")
        say(note.body)


def note_add(args: argparse.Namespace, s: Services) -> int:
    body = args.body
    if args.body_file:
        body = _read_text(args.body_file)
    note = _call(s, "add_note", title=args.title, body=body, tags=args.tag)
    return _print(args, s, note, lambda v, z: say(f"{v.id}  {v.title}"))


def note_list(args: argparse.Namespace, s: Services) -> int:
    notes = _call(s, "list_notes", tag=args.tag, limit=args.limit)
    return _print(
        args,
        s,
        notes,
        lambda v, z: table(
            ("ID", "UPDATED", "TITLE", "TAGS"),
            [
                (n.id, when_text(n.updated_at, z), n.title, " ".join(f"#{t}" for t in n.tags))
                for n in v
            ],
            "No notes.",
        ),
    )


def note_delete(args: argparse.Namespace, s: Services) -> int:
    _call(s, "delete_note", id=args.id)
    return _print(args, s, {"deleted": 1}, lambda v, z: say("Deleted the note."))


def _read_text(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    try:
        return Path(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"there is no file {name}") from None
    except UnicodeDecodeError:
        raise UserError(f"{name} is not UTF-8 text") from None
    except OSError as exc:
        raise UserError(f"cannot read {name}: {exc.strerror}") from None


# -- money -----------------------------------------------------------------------------


def _tx_table(txs: Any, zone: ZoneInfo) -> None:
    table(
        ("DATE", "AMOUNT", "CUR", "PAYEE", "CATEGORY", "ACCOUNT", "ID"),
        [(t.date, t.amount, t.currency, t.payee, t.category, t.account, t.id) for t in txs],
        "No transactions.",
    )


def _summary(v: Any, zone: ZoneInfo) -> None:
    say(f"{v.month} ({v.currency}): income {v.income}, expenses {v.expenses}, net {v.net}")
    table(("CATEGORY", "SPENT"), list(v.by_category.items()), "No spending.")
    # Budgets with rollover and projection, the month's projection and alerts (issue 9).
    category_commands.summary_insight(v)
    # Other currencies: converted with the rates entered, or left out for want of one.
    ledger_commands.summary_rates(v)


def _budget_table(budgets: Any, zone: ZoneInfo) -> None:
    table(
        ("CATEGORY", "BUDGET", "SPENT", "REMAINING", "CUR"),
        [(b.category, b.budget, b.spent, b.remaining, b.currency) for b in budgets],
        "No budgets for this month.",
    )


def account_add(args: argparse.Namespace, s: Services) -> int:
    account = _call(s, "add_account", name=args.name, currency=args.currency, kind=args.kind)
    return _print(args, s, account, lambda v, z: say(f"{v.id}  {v.name} ({v.kind}, {v.currency})"))


def account_list(args: argparse.Namespace, s: Services) -> int:
    return _print(
        args,
        s,
        _call(s, "list_accounts"),
        lambda v, z: table(
            ("ID", "NAME", "KIND", "BALANCE", "CUR"),
            [(a.id, a.name, a.kind, a.balance, a.currency) for a in v],
            "No accounts.",
        ),
    )


def tx_add(args: argparse.Namespace, s: Services) -> int:
    tx = _call(
        s,
        "add_transaction",
        amount=args.amount,
        payee=args.payee,
        date=args.date,
        account=args.account,
        category=args.category,
        memo=args.memo,
    )
    return _print(
        args,
        s,
        tx,
        lambda v, z: say(f"{v.id}  {v.date}  {v.amount} {v.currency}  {v.payee}  ({v.account})"),
    )


def tx_list(args: argparse.Namespace, s: Services) -> int:
    if args.balances:
        return ledger_commands.tx_register(args, s)
    txs = _call(
        s,
        "list_transactions",
        month=args.month,
        category=args.category,
        account=args.account,
        limit=args.limit,
    )
    return _print(args, s, txs, _tx_table)


def tx_summary(args: argparse.Namespace, s: Services) -> int:
    return _print(
        args, s, _call(s, "month_summary", month=args.month, currency=args.currency), _summary
    )


def budget_set(args: argparse.Namespace, s: Services) -> int:
    budget = _call(s, "set_budget", category=args.category, amount=args.amount, month=args.month)
    return _print(args, s, budget, lambda v, z: _budget_table([v], z))


def budget_list(args: argparse.Namespace, s: Services) -> int:
    return _print(args, s, _call(s, "list_budgets", month=args.month), _budget_table)


# -- everything else -------------------------------------------------------------------


def message_list(args: argparse.Namespace, s: Services) -> int:
    found = _call(s, "list_messages", unread=args.unread, platform=args.platform, limit=args.limit)
    return _print(
        args,
        s,
        found,
        lambda v, z: table(
            ("RECEIVED", "", "PLATFORM", "FROM", "SUBJECT", "ID"),
            [
                (
                    when_text(m.received_at, z),
                    "" if m.read else "●",
                    m.platform,
                    m.sender,
                    m.subject or m.snippet,
                    m.id,
                )
                for m in v
            ],
            "No messages.",
        ),
    )


def search(args: argparse.Namespace, s: Services) -> int:
    hits = _call(s, "search", query=args.query, kind=args.kind, limit=args.limit)
    return _print(
        args,
        s,
        hits,
        lambda v, z: table(
            ("KIND", "TITLE", "SNIPPET", "ID"),
            [(h.kind, h.title, h.snippet, h.id) for h in v],
            "Nothing found.",
        ),
    )


def action_list(args: argparse.Namespace, s: Services) -> int:
    actions = [
        {"name": a.name, "description": a.description, "risk": a.risk, "parameters": a.schema()}
        for a in default_catalog().all()
    ]
    return _print(
        args,
        s,
        actions,
        lambda v, z: table(
            ("ACTION", "RISK", "DESCRIPTION"),
            [(a["name"], a["risk"], a["description"]) for a in v],
            "No actions.",
        ),
    )


def do(args: argparse.Namespace, s: Services) -> int:
    catalog = default_catalog()
    action = catalog.get(args.action)
    result = catalog.call(s, action.name, parse_cli_args(action, args.arg))
    if not args.json:
        from desktop.services.jsonable import jsonable

        say(_pretty(jsonable(result.value, s.ctx.zone)))
        return 0
    emit_json(result.value, s.ctx.zone)
    return 0


def _pretty(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, indent=2)


def profile_show(args: argparse.Namespace, s: Services) -> int:
    return _print(
        args,
        s,
        _call(s, "get_profile"),
        lambda v, z: say(f"{v.display_name} <{v.email or 'no email'}>, {v.time_zone}, {v.locale}"),
    )


def profile_set(args: argparse.Namespace, s: Services) -> int:
    profile = _call(
        s, "update_profile", display_name=args.name, email=args.email, time_zone=args.time_zone
    )
    return _print(
        args,
        s,
        profile,
        lambda v, z: say(f"{v.display_name} <{v.email or 'no email'}>, {v.time_zone}"),
    )


def _show(action: str, human: Callable[[Any, ZoneInfo], None]) -> Handler:
    """A handler for the commands that take one ID and print one record."""

    def handler(args: argparse.Namespace, s: Services) -> int:
        return _print(args, s, _call(s, action, id=args.id), human)

    return handler


HANDLERS: dict[str, Handler] = {
    "task.add": task_add,
    "task.list": task_list,
    "task.show": _show("get_task", _task_detail),
    "task.update": task_update,
    "task.done": _show("complete_task", _task_line),
    "task.delete": task_delete,
    "task.stats": task_stats,
    "event.add": event_add,
    "event.list": event_list,
    "event.show": _show("get_event", _event_detail),
    "event.update": event_update,
    "event.delete": event_delete,
    "note.add": note_add,
    "note.list": note_list,
    "note.show": _show("get_note", _note_detail),
    "note.delete": note_delete,
    "account.add": account_add,
    "account.list": account_list,
    "tx.add": tx_add,
    "tx.list": tx_list,
    "tx.summary": tx_summary,
    "budget.set": budget_set,
    "budget.list": budget_list,
    "message.list": message_list,
    "search": search,
    "action.list": action_list,
    "do": do,
    "profile.show": profile_show,
    "profile.set": profile_set,
    "demo.seed": admin.demo_seed,
    "db.upgrade": admin.db_upgrade,
    "db.check": admin.db_check,
    "doctor": admin.doctor,
    **planning.HANDLERS,
    **ical_commands.HANDLERS,
    **finance_commands.HANDLERS,
    **phrasing.HANDLERS,
    **desktop_install.HANDLERS,
    **category_commands.HANDLERS,
    **ledger_commands.HANDLERS,
    **bill_commands.HANDLERS,
    **agent_key_commands.HANDLERS,
    **agent_commands.HANDLERS,
    **workflow_commands.HANDLERS,
}
