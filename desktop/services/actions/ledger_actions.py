"""Actions that change or delete recorded money: edit or delete a transaction, drop a budget."""

from __future__ import annotations

from typing import Any

from desktop.services.actions.registry import Action, Param
from desktop.services.container import Services
from desktop.services.finance_edits import FinanceEdits, TransactionEdit

TX_ID = Param("id", "string", "the transaction's id", required=True)


def _edits(s: Services) -> FinanceEdits:
    return FinanceEdits(s.ctx)


def _update(s: Services, a: dict[str, Any]) -> Any:
    edit = TransactionEdit(
        date=a.get("date"),
        amount=a.get("amount"),
        payee=a.get("payee"),
        category=a.get("category"),
        memo=a.get("memo"),
        account=a.get("account"),
    )
    return _edits(s).update_transaction(a["id"], edit)


ACTIONS = (
    Action(
        "update_transaction",
        "Change a transaction's date, amount, payee, category, memo or account",
        "write",
        _update,
        (
            TX_ID,
            Param("date", "string", "the new day", format="date"),
            Param("amount", "string", "the new amount, negative for spending"),
            Param("payee", "string", "the new payee"),
            Param("category", "string", "the new category (empty to clear it)"),
            Param("memo", "string", "the new memo"),
            Param("account", "string", "move it to this account (same currency)"),
        ),
        area="finance",
    ),
    Action(
        "delete_transaction",
        "Delete a transaction",
        "destructive",
        lambda s, a: _edits(s).delete_transaction(a["id"]),
        (TX_ID,),
        area="finance",
    ),
    Action(
        "delete_budget",
        "Remove a category's budget for a month",
        "destructive",
        lambda s, a: _edits(s).delete_budget(a["category"], a["month"]),
        (
            Param("category", "string", "the budget's category", required=True),
            Param("month", "string", "the month", format="month", required=True),
        ),
        area="finance",
    ),
)
