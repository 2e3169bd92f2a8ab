"""The grammar of the ledger commands (argparse only, like parser.py): transfers, splits,
exchange rates, reconciliation. Handlers are in ledger_commands.py."""

from __future__ import annotations

from typing import Any


def tx_commands(b: Any, g: Any) -> None:
    """`tx transfer|link-transfer|split|unreconcile`."""
    move = b.command(g, "transfer", "tx.transfer", "move money between two of your accounts")
    move.add_argument("amount", help="how much leaves --from (a positive amount)")
    move.add_argument("--from", dest="from_account", required=True, metavar="A")
    move.add_argument("--to", dest="to_account", required=True, metavar="B")
    move.add_argument(
        "--to-amount", metavar="X", help="what arrived in B's currency (when they differ)"
    )
    move.add_argument("--date", metavar="D")
    move.add_argument("--memo", metavar="M")
    link = b.command(
        g, "link-transfer", "tx.link-transfer", "mark two transactions as one transfer"
    )
    link.add_argument("first", metavar="ID")
    link.add_argument("second", metavar="ID")
    split = b.command(g, "split", "tx.split", "split a transaction over several categories")
    split.add_argument("id")
    parts = split.add_mutually_exclusive_group(required=True)
    parts.add_argument(
        "--part",
        action="append",
        metavar="CATEGORY=AMOUNT",
        help="one part (repeat; the parts add up to the amount)",
    )
    parts.add_argument("--clear", action="store_true", help="remove the split")
    un = b.command(g, "unreconcile", "tx.unreconcile", "take the reconciled mark off")
    un.add_argument("id")


def account_commands(b: Any, g: Any) -> None:
    """`account reconcile NAME --balance X [--date D] [--finish]`."""
    rec = b.command(g, "reconcile", "account.reconcile", "compare with a statement balance")
    rec.add_argument("name", metavar="NAME")
    rec.add_argument("--balance", required=True, metavar="X", help="the statement's balance")
    rec.add_argument("--date", metavar="D", help="the statement's day (default: today)")
    rec.add_argument(
        "--finish", action="store_true", help="mark the transactions reconciled (difference 0)"
    )


def rate_commands(b: Any) -> None:
    """`rate set CUR RATE [--month YYYY-MM] [--to CUR]`, `rate list`."""
    g = b.group("rate", "exchange rates for month summaries")
    put = b.command(g, "set", "rate.set", "enter what one unit of a currency was worth")
    put.add_argument("currency", metavar="CUR")
    put.add_argument("rate", metavar="RATE", help="e.g. 0.9183")
    put.add_argument("--month", metavar="YYYY-MM", help="default: this month")
    put.add_argument("--to", metavar="CUR", help="default: your main currency")
    b.command(g, "list", "rate.list", "exchange rates entered")
