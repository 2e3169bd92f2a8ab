"""An account's register: its transactions, newest first, each with the balance after it.

The balance after a transaction is the opening balance plus every transaction up to
and including it, in the order (date, created_at, id). One window query computes it:
walking newest first, SUM() OVER that order gives what came after each row, so

    balance after row = account balance − (sum of the rows after it)

and the newest rows need no pass over the older ones: the window runs over the rows
listed only (the latest 200 of 100k: those 200, plus the account's total read from
its covering index). With a month, the balance after its last row is the balance
at the month's end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import and_, func, literal_column, select
from sqlalchemy.orm import aliased

from desktop.core.errors import UserError
from desktop.core.money import to_decimal
from desktop.services.base import ServiceContext, live
from desktop.services.finance import FinanceService, TransactionView, month_bounds
from desktop.services.ledger_totals import SplitView, split_views
from desktop.store.models import Transaction


@dataclass(frozen=True)
class RegisterRow(TransactionView):
    """A transaction of the register and the account's balance right after it."""

    balance: Decimal = Decimal(0)


class AccountRegisterService:
    """Running balances of an account."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def account_register(
        self, account: str, month: date | None = None, limit: int | None = None
    ) -> list[RegisterRow]:
        """The transactions of `account` (of `month`, else all), newest first, with balances."""
        if limit is not None and limit < 1:
            raise UserError(f"the limit must be at least 1, not {limit}")
        with self.ctx.store.read() as session:
            row = FinanceService(self.ctx)._find_account(session, account)
            scope = [
                live(Transaction),
                Transaction.owner_id == self.ctx.store.user_id,
                Transaction.account_id == row.id,
            ]
            # The account's total reads its covering index (account_id, deleted_hlc, amount).
            total = session.scalar(
                select(func.coalesce(func.sum(Transaction.amount_minor), 0)).where(
                    live(Transaction), Transaction.account_id == row.id
                )
            )
            # The balance after the newest row listed: today's, or the month's end's (the
            # total less what came after the month, read through the (owner, account,
            # date) index: few rows for recent months).
            closing = row.opening_balance_minor + int(total or 0)
            if month is not None:
                first, following = month_bounds(month)
                after = session.scalar(
                    select(func.coalesce(func.sum(Transaction.amount_minor), 0)).where(
                        *scope, Transaction.date >= following
                    )
                )
                closing -= int(after or 0)
                scope += [Transaction.date >= first, Transaction.date < following]
            # The rows shown first (newest first, limited: the index on (owner, account,
            # date) gives them without sorting the whole account), then the window over
            # just those rows: what came after each row is among them.
            shown = (
                select(Transaction)
                .where(*scope)
                .order_by(
                    Transaction.date.desc(), Transaction.created_at.desc(), Transaction.id.desc()
                )
            )
            if limit is not None:
                shown = shown.limit(limit)
            rows_shown = aliased(Transaction, shown.subquery())
            newest_first = (
                rows_shown.date.desc(),
                rows_shown.created_at.desc(),
                rows_shown.id.desc(),
            )
            later = func.sum(rows_shown.amount_minor).over(order_by=newest_first, rows=(None, -1))
            query = select(rows_shown, func.coalesce(later, literal_column("0"))).order_by(
                *newest_first
            )
            rows = session.execute(query).all()
            shown_ids = [tx.id for tx, _ in rows]
            parts = split_views(
                session,
                select(Transaction).where(
                    Transaction.id.in_(shown_ids) if len(shown_ids) <= 500 else and_(*scope)
                ),
            )
            return [
                _row(tx, row.name, closing - int(after), parts.get(tx.id, ())) for tx, after in rows
            ]


def _row(tx: Transaction, account: str, balance: int, splits: tuple[SplitView, ...]) -> RegisterRow:
    return RegisterRow(
        tx.id,
        tx.account_id,
        account,
        tx.date,
        to_decimal(tx.amount_minor, tx.currency),
        tx.currency,
        tx.payee,
        tx.memo,
        tx.category,
        splits,
        tx.transfer_peer_id,
        tx.reconciled,
        to_decimal(balance, tx.currency),
    )
