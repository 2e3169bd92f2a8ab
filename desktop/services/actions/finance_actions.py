"""Finance actions."""

from __future__ import annotations

from typing import Any

from desktop.services.actions.registry import Action, Param
from desktop.services.container import Services
from desktop.services.finance import TransactionDraft

KINDS = ("checking", "savings", "credit", "cash", "investment")
MONTH = Param("month", "string", "the month (default: this month)", format="month")


def _month(s: Services, a: dict[str, Any]) -> Any:
    return a.get("month") or s.ctx.today().replace(day=1)


ACTIONS = (
    Action(
        "add_account",
        "Add a money account",
        "write",
        lambda s, a: s.finance.add_account(
            a["name"], currency=a.get("currency"), kind=a.get("kind", "checking")
        ),
        (
            Param("name", "string", "the account's name", required=True),
            Param("currency", "string", "ISO currency code such as EUR"),
            Param("kind", "string", "what kind of account", enum=KINDS),
        ),
        area="finance",
    ),
    Action(
        "list_accounts",
        "List money accounts with balances",
        "read",
        lambda s, a: s.finance.accounts(),
        area="finance",
    ),
    Action(
        "add_transaction",
        "Record money spent (negative) or received (positive)",
        "write",
        lambda s, a: s.finance.add_transaction(
            TransactionDraft(
                amount=a["amount"],
                payee=a["payee"],
                date=a.get("date"),
                account=a.get("account"),
                category=a.get("category", ""),
                memo=a.get("memo", ""),
            )
        ),
        (
            Param(
                "amount", "string", "the amount, negative for spending, e.g. -12.50", required=True
            ),
            Param("payee", "string", "who was paid or who paid", required=True),
            Param("date", "string", "the day (default: today)", format="date"),
            Param("account", "string", "account name or id (default: the first account)"),
            Param("category", "string", "a category such as groceries"),
            Param("memo", "string", "a note"),
        ),
        area="finance",
    ),
    Action(
        "list_transactions",
        "List transactions",
        "read",
        lambda s, a: s.finance.transactions(
            month=a.get("month"),
            category=a.get("category"),
            account=a.get("account"),
            limit=a.get("limit"),
        ),
        (
            Param("month", "string", "only this month", format="month"),
            Param("category", "string", "only this category"),
            Param("account", "string", "only this account (name or id)"),
            Param("limit", "integer", "at most this many"),
        ),
        area="finance",
    ),
    Action(
        "month_summary",
        "Income, spending by category and budgets for a month",
        "read",
        # The summary plus budgets' rollover, projection and alerts (same fields, more).
        lambda s, a: s.finance_insight.month(_month(s, a), a.get("currency")),
        (
            MONTH,
            Param("currency", "string", "the currency to sum (default: the main one)"),
        ),
        area="finance",
    ),
    Action(
        "set_budget",
        "Set how much to spend at most on a category in a month",
        "write",
        lambda s, a: s.finance.set_budget(a["category"], a["amount"], _month(s, a)),
        (
            Param("category", "string", "the category", required=True),
            Param("amount", "string", "the monthly limit, e.g. 400", required=True),
            MONTH,
        ),
        area="finance",
    ),
    Action(
        "list_budgets",
        "Budgets of a month with what was spent",
        "read",
        lambda s, a: s.finance.budgets(_month(s, a)),
        (MONTH,),
        area="finance",
    ),
)
