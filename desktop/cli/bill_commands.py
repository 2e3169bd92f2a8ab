"""`atrium tx bills [--days N] [--create] [--json]`: bills due soon and their tasks."""

from __future__ import annotations

import argparse
from typing import Any
from zoneinfo import ZoneInfo

from desktop.cli.output import emit_json, say, table
from desktop.services.actions.registry import default_catalog
from desktop.services.container import Services

NO_BILLS = "No bills due in the next {days} days."


def _task_text(status: str | None) -> str:
    return {None: "", "deleted": "deleted"}.get(status, status or "")


def _bill_rows(bills: Any) -> list[tuple[Any, ...]]:
    return [
        (b.due, b.payee, b.amount, b.currency, b.interval, _task_text(b.task_status)) for b in bills
    ]


def tx_bills(args: argparse.Namespace, s: Services) -> int:
    present = {"days": args.days} if args.days is not None else {}
    days = args.days if args.days is not None else s.bills.days_ahead
    if args.create:
        run = default_catalog().call(s, "create_bill_tasks", present).value
        if args.json:
            emit_json(run, s.ctx.zone)
            return 0
        _print_run(run, s.ctx.zone)
        return 0
    bills = default_catalog().call(s, "list_bills", present).value
    if args.json:
        emit_json(bills, s.ctx.zone)
        return 0
    table(
        ("DUE", "PAYEE", "AMOUNT", "CUR", "EVERY", "TASK"),
        _bill_rows(bills),
        NO_BILLS.format(days=days),
    )
    missing = sum(1 for b in bills if b.task_status is None)
    if missing:
        say(f"{missing} without a task; `atrium tx bills --create` makes them.")
    return 0


def _print_run(run: Any, zone: ZoneInfo) -> None:
    if run.created:
        say(f"Made {len(run.created)} bill task(s):")
        for bill in run.created:
            say(f"  {bill.due}  Pay {bill.payee} ({bill.amount} {bill.currency})")
    else:
        say("No new bill tasks: every bill due soon has one (or was deleted).")
    for payment in run.paid:
        say(
            f"Completed '{payment.title}': paid on {payment.paid_on} "
            f"({payment.amount} {payment.currency}, transaction {payment.transaction_id})."
        )


HANDLERS = {"tx.bills": tx_bills}
