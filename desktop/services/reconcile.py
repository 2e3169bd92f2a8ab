"""Reconciling an account against a bank statement, and taking a reconciliation back.

`reconcile(account, statement_balance, on_date)` compares the statement's balance
with the account's balance up to that day (opening balance plus every transaction
dated on or before it) and lists the transactions not yet reconciled up to then.
With `finish`, when the difference is 0, those transactions are marked reconciled
and the account remembers the balance and day agreed. A reconciled transaction's
amount and date are then protected (see finance_edits) until `unreconcile`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.core.money import parse_amount, to_decimal
from desktop.services.base import Outcome, ServiceContext, get_live, live
from desktop.services.finance import FINANCE, FinanceService, TransactionView
from desktop.services.splits import transaction_view
from desktop.store.models import Account, Transaction


@dataclass(frozen=True)
class Reconciliation:
    """A statement compared with the account; `difference` = statement − cleared balance."""

    account_id: uuid.UUID
    account: str
    currency: str
    on_date: date
    statement_balance: Decimal
    cleared_balance: Decimal
    difference: Decimal
    unreconciled: tuple[TransactionView, ...]
    finished: bool
    # The last reconciliation agreed before this one (None: never reconciled).
    previous_balance: Decimal | None
    previous_on: date | None


class ReconcileService:
    """Comparing accounts with statements."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def reconcile(
        self,
        account: str,
        statement_balance: str,
        on_date: date | None = None,
        *,
        finish: bool = False,
    ) -> Outcome[Reconciliation]:
        """Compare; with `finish`, mark the transactions reconciled when nothing differs."""
        day = on_date or self.ctx.today()
        with self.ctx.store.unit_of_work() as uow:
            row = FinanceService(self.ctx)._find_account(uow.s, account)
            code = row.currency
            statement = parse_amount(statement_balance, code)
            total = uow.s.scalar(
                select(func.coalesce(func.sum(Transaction.amount_minor), 0)).where(
                    live(Transaction), Transaction.account_id == row.id, Transaction.date <= day
                )
            )
            cleared = row.opening_balance_minor + int(total or 0)
            pending = list(
                uow.s.scalars(
                    select(Transaction)
                    .where(
                        live(Transaction),
                        Transaction.account_id == row.id,
                        Transaction.date <= day,
                        ~Transaction.reconciled,
                    )
                    .order_by(Transaction.date, Transaction.created_at, Transaction.id)
                )
            )
            previous = (row.reconciled_balance_minor, row.reconciled_on)
            if finish:
                if statement != cleared:
                    raise UserError(_not_agreed(row.name, statement, cleared, day, code))
                for tx in pending:
                    tx.reconciled = True
                row.reconciled_balance_minor, row.reconciled_on = statement, day
                uow.commit()
            result = Reconciliation(
                account_id=row.id,
                account=row.name,
                currency=code,
                on_date=day,
                statement_balance=to_decimal(statement, code),
                cleared_balance=to_decimal(cleared, code),
                difference=to_decimal(statement - cleared, code),
                unreconciled=tuple(transaction_view(uow.s, tx) for tx in pending),
                finished=finish,
                previous_balance=None if previous[0] is None else to_decimal(previous[0], code),
                previous_on=previous[1],
            )
            return Outcome(result, FINANCE if finish else Changes())

    def unreconcile(self, tx_id: str) -> Outcome[TransactionView]:
        """Take the reconciled mark off a transaction so it can be edited (already off: kept)."""
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, Transaction, tx_id, "transaction")
            if row.reconciled:
                row.reconciled = False
                uow.commit()
            return Outcome(transaction_view(uow.s, row), FINANCE)


def reconciled_message(session: Session, row: Transaction, verb: str) -> str:
    """Why a reconciled transaction cannot be changed (`verb`: 'delete', 'change the date
    of', ...), and what to do."""
    on = session.scalar(select(Account.reconciled_on).where(Account.id == row.account_id))
    when = f" on {on.isoformat()}" if on is not None else ""
    return (
        f"cannot {verb} transaction {row.id}: it was reconciled{when} with a bank "
        f"statement; un-reconcile it first with `atrium tx unreconcile {row.id}`"
    )


def _not_agreed(name: str, statement: int, cleared: int, day: date, code: str) -> str:
    gap = to_decimal(statement - cleared, code)
    return (
        f"the statement says {to_decimal(statement, code)} {code} but '{name}' holds "
        f"{to_decimal(cleared, code)} {code} up to {day.isoformat()}: a difference of {gap} "
        f"{code}; add, fix or delete transactions until it is 0 (run it without --finish "
        "to see the unreconciled ones), then finish again"
    )
