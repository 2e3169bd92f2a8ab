"""Editing and deleting recorded money: a transaction's fields, a transaction, a month's budget.

Kept apart from `finance.py` (which records and reads) so each stays small. Every
edit is one unit of work, so the action catalog can undo it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.errors import NotFoundError, UserError
from desktop.core.ids import parse_id
from desktop.core.money import parse_amount, to_decimal
from desktop.services.base import Outcome, ServiceContext, clean_text, get_live, live
from desktop.services.finance import FINANCE, TransactionView, month_bounds
from desktop.store.models import Account, Budget, Transaction


@dataclass(frozen=True)
class TransactionEdit:
    """New values for a transaction; None leaves a field as it is."""

    date: date | None = None
    amount: str | None = None
    payee: str | None = None
    category: str | None = None
    memo: str | None = None
    account: str | None = None  # an account id or name


class FinanceEdits:
    """Changes to transactions and budgets that already exist."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def update_transaction(self, tx_id: str, edit: TransactionEdit) -> Outcome[TransactionView]:
        """Change the given fields. Moving to another account keeps the currency, so the
        account must hold the same one."""
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, Transaction, tx_id, "transaction")
            if edit.account is not None:
                account = self._account(uow.s, edit.account)
                if account.currency != row.currency:
                    raise UserError(
                        f"the account '{account.name}' keeps {account.currency} but this "
                        f"transaction is in {row.currency}; record it there as a new transaction"
                    )
                row.account_id = account.id
            if edit.amount is not None:
                row.amount_minor = parse_amount(edit.amount, row.currency)
            if edit.date is not None:
                row.date = edit.date
            if edit.payee is not None:
                row.payee = clean_text(edit.payee, "payee", limit=300, required=True)
            if edit.memo is not None:
                row.memo = clean_text(edit.memo, "memo", limit=10_000)
            if edit.category is not None:
                category = clean_text(edit.category, "category", limit=100)
                if category != row.category:
                    row.category = category
                    row.category_source = "user" if category else ""
            uow.commit()
            name = uow.s.scalar(select(Account.name).where(Account.id == row.account_id))
            return Outcome(
                TransactionView(
                    row.id,
                    row.account_id,
                    name or "",
                    row.date,
                    to_decimal(row.amount_minor, row.currency),
                    row.currency,
                    row.payee,
                    row.memo,
                    row.category,
                ),
                FINANCE,
            )

    def delete_transaction(self, tx_id: str) -> Outcome[int]:
        """Delete one transaction (undoable through the catalog)."""
        with self.ctx.store.unit_of_work() as uow:
            uow.tombstone(get_live(uow.s, Transaction, tx_id, "transaction"))
            uow.commit()
            return Outcome(1, FINANCE)

    def delete_budget(self, category: str, month: date) -> Outcome[int]:
        """Remove the budget of `category` in `month`; the spending itself stays."""
        first, _ = month_bounds(month)
        name = clean_text(category, "category", limit=100, required=True)
        with self.ctx.store.unit_of_work() as uow:
            row = uow.s.get(Budget, Budget.id_for(self.ctx.store.user_id, name, first))
            if row is None or row.deleted_hlc is not None:
                raise NotFoundError(f"there is no budget for '{name}' in {first:%B %Y}")
            uow.tombstone(row)
            uow.commit()
            return Outcome(1, FINANCE)

    def _account(self, session: Session, ref: str) -> Account:
        ident = parse_id(ref)
        query = select(Account).where(live(Account), Account.owner_id == self.ctx.store.user_id)
        if ident is not None:
            found = session.scalar(query.where(Account.id == ident))
        else:
            found = session.scalar(query.where(func.lower(Account.name) == ref.strip().lower()))
        if found is None:
            raise NotFoundError(f"there is no account '{ref}'; `atrium account list` shows them")
        return found
