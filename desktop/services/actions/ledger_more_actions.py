"""Actions on the ledger: transfers, split transactions, exchange rates, running balances,
reconciliation (issue 9)."""

from __future__ import annotations

from typing import Any

from desktop.core.errors import UserError
from desktop.services.actions.registry import Action, Param
from desktop.services.container import Services
from desktop.services.splits import parse_part

ACCOUNT = Param("account", "string", "the account's name or id", required=True)
BALANCE = Param("balance", "string", "the statement's closing balance, e.g. 1234.56", required=True)
ON_DATE = Param("date", "string", "the statement's day (default: today)", format="date")


def _split(s: Services, a: dict[str, Any]) -> Any:
    parts = [parse_part(text) for text in a.get("parts") or ()]
    if parts and a.get("clear"):
        raise UserError("give either parts or clear, not both")
    return s.splits.split(a["id"], parts, clear=bool(a.get("clear")))


def _rate(s: Services, a: dict[str, Any]) -> Any:
    month = a.get("month") or s.ctx.today().replace(day=1)
    return s.exchange_rates.set_rate(a["currency"], a["rate"], month, a.get("to"))


ACTIONS = (
    Action(
        "transfer_money",
        "Move money between two of your accounts (not counted as income or spending)",
        "write",
        lambda s, a: s.transfers.transfer(
            a["amount"],
            a["from_account"],
            a["to_account"],
            a.get("date"),
            a.get("memo", ""),
            a.get("to_amount"),
        ),
        (
            Param("amount", "string", "how much leaves the first account, e.g. 250", required=True),
            Param("from_account", "string", "the account it leaves (name or id)", required=True),
            Param("to_account", "string", "the account it arrives in (name or id)", required=True),
            Param("date", "string", "the day (default: today)", format="date"),
            Param("memo", "string", "a note on both sides"),
            Param("to_amount", "string", "what arrived, when the accounts' currencies differ"),
        ),
        area="finance",
    ),
    Action(
        "link_transfer",
        "Mark two existing transactions (money out of one account, into another) as a transfer",
        "write",
        lambda s, a: s.transfers.link_transfer(a["first"], a["second"]),
        (
            Param("first", "string", "one side's transaction id", required=True, format="id"),
            Param(
                "second", "string", "the other side's transaction id", required=True, format="id"
            ),
        ),
        area="finance",
    ),
    Action(
        "split_transaction",
        "Split a transaction over several categories (the parts add up to its amount)",
        "write",
        _split,
        (
            Param("id", "string", "the transaction's id", required=True),
            Param("parts", "array", "parts as CATEGORY=AMOUNT, e.g. food=-30 (repeat for each)"),
            Param("clear", "boolean", "remove the split instead"),
        ),
        area="finance",
    ),
    Action(
        "unreconcile_transaction",
        "Take the reconciled mark off a transaction so its amount and date can change",
        "write",
        lambda s, a: s.reconcile.unreconcile(a["id"]),
        (Param("id", "string", "the transaction's id", required=True),),
        area="finance",
    ),
    Action(
        "set_exchange_rate",
        "Enter what one unit of a currency was worth in another (default: the main one) in a month",
        "write",
        _rate,
        (
            Param("currency", "string", "the currency converted, e.g. USD", required=True),
            Param("rate", "string", "one unit's worth, e.g. 0.9183", required=True),
            Param("month", "string", "the month (default: this month)", format="month"),
            Param("to", "string", "the currency it converts into (default: the main one)"),
        ),
        area="finance",
    ),
    Action(
        "list_exchange_rates",
        "Exchange rates entered, newest month first",
        "read",
        lambda s, a: s.exchange_rates.rates(),
        area="finance",
    ),
    Action(
        "list_account_register",
        "An account's transactions, newest first, with the balance after each",
        "read",
        lambda s, a: s.account_register.account_register(
            a["account"], a.get("month"), a.get("limit")
        ),
        (
            ACCOUNT,
            Param("month", "string", "only this month", format="month"),
            Param("limit", "integer", "at most this many (the newest)"),
        ),
        area="finance",
    ),
    Action(
        "check_reconciliation",
        "Compare an account with a statement balance: the difference and what is unreconciled",
        "read",
        lambda s, a: s.reconcile.reconcile(a["account"], a["balance"], a.get("date")),
        (ACCOUNT, BALANCE, ON_DATE),
        area="finance",
    ),
    Action(
        "reconcile_account",
        "Mark an account's transactions reconciled when they agree with the statement balance",
        "write",
        lambda s, a: s.reconcile.reconcile(a["account"], a["balance"], a.get("date"), finish=True),
        (ACCOUNT, BALANCE, ON_DATE),
        area="finance",
    ),
)
