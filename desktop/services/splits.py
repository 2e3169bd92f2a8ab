"""Split transactions: one payment over several categories.

`split(tx, parts)` replaces the parts of a transaction; they must add up exactly to
its amount (in its currency), and an empty list removes the split. The month
summary and budgets count a split transaction in its parts' categories (see
ledger_totals). A transfer between own accounts cannot be split: it is neither
income nor spending.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.core.money import parse_amount, to_decimal
from desktop.services.base import Outcome, ServiceContext, clean_text, get_live, live
from desktop.services.finance import FINANCE, TransactionView
from desktop.services.ledger_totals import split_views
from desktop.store.models import Account, Transaction, TransactionSplit

MAX_PARTS = 100


@dataclass(frozen=True)
class SplitPart:
    """One part asked for: a category, an amount as text ('-12.50') and a memo."""

    category: str
    amount: str
    memo: str = ""


def transaction_view(session: Session, row: Transaction) -> TransactionView:
    """The view of one transaction with its account's name and its parts."""
    name = session.scalar(select(Account.name).where(Account.id == row.account_id)) or ""
    parts = split_views(session, select(Transaction).where(Transaction.id == row.id))
    return TransactionView(
        row.id,
        row.account_id,
        name,
        row.date,
        to_decimal(row.amount_minor, row.currency),
        row.currency,
        row.payee,
        row.memo,
        row.category,
        parts.get(row.id, ()),
        row.transfer_peer_id,
        row.reconciled,
    )


def live_parts(session: Session, row: Transaction) -> list[TransactionSplit]:
    """The live parts of a transaction, in order."""
    return list(
        session.scalars(
            select(TransactionSplit)
            .where(
                live(TransactionSplit),
                TransactionSplit.owner_id == row.owner_id,
                TransactionSplit.transaction_id == row.id,
            )
            .order_by(TransactionSplit.position)
        )
    )


def parse_part(text: str) -> SplitPart:
    """'groceries=-30.50' (or 'groceries=-30.50=memo text') as a part; a UserError otherwise."""
    category, sep, rest = text.partition("=")
    if not sep or not rest.strip():
        raise UserError(f"'{text}' is not a part; write it as CATEGORY=AMOUNT, e.g. food=-12.50")
    amount, _, memo = rest.partition("=")
    return SplitPart(category.strip(), amount.strip(), memo.strip())


class SplitService:
    """Splitting a transaction into parts, and taking the split away."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def split(
        self, tx_id: str, parts: Sequence[SplitPart], *, clear: bool = True
    ) -> Outcome[TransactionView]:
        """Replace the parts of `tx_id` with `parts` (none: remove the split, unless `clear`
        is False, which asks for parts)."""
        if len(parts) == 1:
            raise UserError(
                "a split needs at least two parts; to give the whole amount one category use "
                "`atrium tx set-category ID CATEGORY`"
            )
        if len(parts) > MAX_PARTS:
            raise UserError(f"a split has at most {MAX_PARTS} parts, not {len(parts)}")
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, Transaction, tx_id, "transaction")
            if not parts and not clear:
                raise UserError(
                    "give the parts as CATEGORY=AMOUNT (e.g. food=-30), or clear the split"
                )
            if row.transfer_peer_id is not None and parts:
                raise UserError(
                    "this is a transfer between your accounts: it is neither income nor "
                    "spending, so it has no categories to split"
                )
            new_parts = [_part_row(row, index, part) for index, part in enumerate(parts)]
            total = sum(part.amount_minor for part in new_parts)
            if new_parts and total != row.amount_minor:
                raise UserError(_mismatch(total, row.amount_minor, row.currency))
            old = live_parts(uow.s, row)
            if not old and not new_parts:
                raise UserError("this transaction is not split; there is nothing to clear")
            for part in old:
                uow.tombstone(part)
            uow.s.add_all(new_parts)
            uow.commit()
            return Outcome(transaction_view(uow.s, row), FINANCE)


def _part_row(row: Transaction, index: int, part: SplitPart) -> TransactionSplit:
    where = f"part {index + 1}"
    try:
        amount = parse_amount(part.amount, row.currency)
    except UserError as exc:
        raise UserError(f"{where}: {exc}") from None
    if amount == 0:
        raise UserError(f"{where}: a part cannot be 0; leave it out")
    return TransactionSplit(
        transaction_id=row.id,
        position=index,
        category=clean_text(part.category, f"category of {where}", limit=100),
        amount_minor=amount,
        memo=clean_text(part.memo, f"memo of {where}", limit=10_000),
    )


def _mismatch(total: int, amount: int, currency: str) -> str:
    gap = amount - total
    return (
        f"the parts add up to {to_decimal(total, currency)} {currency} but the transaction is "
        f"{to_decimal(amount, currency)} {currency}: a difference of "
        f"{to_decimal(gap, currency)} {currency}; change the parts so they add up exactly"
    )
