"""Sub-commands of the ledger: `tx transfer|link-transfer|split|unreconcile`, `tx list
--balances`, `account reconcile` and `rate set|list` (grammar in ledger_parser.py)."""

from __future__ import annotations

import argparse
from typing import Any
from zoneinfo import ZoneInfo

from desktop.cli.action_calls import call_action, print_result
from desktop.cli.output import say, table
from desktop.core.errors import UserError
from desktop.services.container import Services


def _tx_line(t: Any) -> str:
    return f"{t.id}  {t.date}  {t.amount} {t.currency}  {t.payee}  ({t.account})"


def _transfer_text(v: Any, zone: ZoneInfo) -> None:
    say(_tx_line(v.outgoing))
    say(_tx_line(v.incoming))


def tx_transfer(args: argparse.Namespace, s: Services) -> int:
    value = call_action(
        s,
        "transfer_money",
        amount=args.amount,
        from_account=args.from_account,
        to_account=args.to_account,
        to_amount=args.to_amount,
        date=args.date,
        memo=args.memo,
    )
    return print_result(args, s, value, _transfer_text)


def tx_link_transfer(args: argparse.Namespace, s: Services) -> int:
    value = call_action(s, "link_transfer", first=args.first, second=args.second)
    return print_result(args, s, value, _transfer_text)


def _split_text(v: Any, zone: ZoneInfo) -> None:
    say(_tx_line(v))
    if not v.splits:
        say("Not split.")
    for part in v.splits:
        memo = f"  {part.memo}" if part.memo else ""
        say(f"  {part.category or 'uncategorized'}: {part.amount} {part.currency}{memo}")


def tx_split(args: argparse.Namespace, s: Services) -> int:
    value = call_action(s, "split_transaction", id=args.id, parts=args.part, clear=args.clear)
    return print_result(args, s, value, _split_text)


def tx_unreconcile(args: argparse.Namespace, s: Services) -> int:
    value = call_action(s, "unreconcile_transaction", id=args.id)
    return print_result(args, s, value, lambda v, z: say(f"{v.id} is no longer reconciled."))


def tx_register(args: argparse.Namespace, s: Services) -> int:
    """`tx list --account A --balances`: the register with the balance after each row."""
    if not args.account:
        raise UserError("--balances needs --account: a running balance is one account's")
    if args.category:
        raise UserError("--balances lists a whole account; leave out --category")
    rows = call_action(
        s, "list_account_register", account=args.account, month=args.month, limit=args.limit
    )
    return print_result(
        args,
        s,
        rows,
        lambda v, z: table(
            ("DATE", "AMOUNT", "BALANCE", "CUR", "PAYEE", "CATEGORY", "R", "ID"),
            [
                (
                    r.date,
                    r.amount,
                    r.balance,
                    r.currency,
                    r.payee,
                    "split" if r.splits else r.category,
                    "R" if r.reconciled else "",
                    r.id,
                )
                for r in v
            ],
            "No transactions.",
        ),
    )


def _reconcile_text(v: Any, zone: ZoneInfo) -> None:
    say(
        f"{v.account} up to {v.on_date}: statement {v.statement_balance} {v.currency}, "
        f"transactions {v.cleared_balance} {v.currency}, difference {v.difference} {v.currency}"
    )
    if v.finished:
        say(f"Reconciled {len(v.unreconciled)} transactions.")
        return
    table(
        ("DATE", "AMOUNT", "CUR", "PAYEE", "ID"),
        [(t.date, t.amount, t.currency, t.payee, t.id) for t in v.unreconciled],
        "No unreconciled transactions.",
    )
    if v.difference == 0:
        say("They agree: add --finish to mark them reconciled.")


def account_reconcile(args: argparse.Namespace, s: Services) -> int:
    action = "reconcile_account" if args.finish else "check_reconciliation"
    value = call_action(s, action, account=args.name, balance=args.balance, date=args.date)
    return print_result(args, s, value, _reconcile_text)


def rate_set(args: argparse.Namespace, s: Services) -> int:
    value = call_action(
        s, "set_exchange_rate", currency=args.currency, rate=args.rate, month=args.month, to=args.to
    )
    return print_result(args, s, value, lambda v, z: _rate_table([v], z))


def _rate_table(rates: Any, zone: ZoneInfo) -> None:
    table(
        ("MONTH", "CUR", "RATE", "TO"),
        [(r.month, r.currency, r.rate, r.to_currency) for r in rates],
        "No exchange rates; enter one with `atrium rate set CUR RATE`.",
    )


def rate_list(args: argparse.Namespace, s: Services) -> int:
    return print_result(args, s, call_action(s, "list_exchange_rates"), _rate_table)


def summary_rates(v: Any) -> None:
    """The currencies part of `tx summary`: what was converted, and what could not be."""
    for item in getattr(v, "converted", ()):
        say(
            f"Converted {item.currency}: {item.amount} at {item.rate} "
            f"({item.rate_month} rate) = {item.converted_amount} {item.to_currency}."
        )
    missing = getattr(v, "missing_rates", ())
    if missing:
        say(
            f"Left out {', '.join(missing)}: no exchange rate into {v.currency}; "
            f"enter one with `atrium rate set {missing[0]} RATE --month {v.month}`."
        )


HANDLERS = {
    "tx.transfer": tx_transfer,
    "tx.link-transfer": tx_link_transfer,
    "tx.split": tx_split,
    "tx.unreconcile": tx_unreconcile,
    "account.reconcile": account_reconcile,
    "rate.set": rate_set,
    "rate.list": rate_list,
}
