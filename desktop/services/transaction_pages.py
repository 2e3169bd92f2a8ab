"""Every transaction, newest first, a page at a time: the Finance pane's "All time" table.

A page is read by keyset, not by offset: it continues after the last row of the
page before, whose key (date, created_at, id) the page carries as its cursor.
The order is date, then created_at, then id, all descending, so it is total and
a row added meanwhile never shifts a later page.

Each page is served by an index, whatever the history's length (EXPLAIN QUERY
PLAN, checked by the tests):

- no filter: `ix_transactions_month_totals` (owner_id, date, ...) walked backwards
  from the cursor's date; the few rows that share a date are sorted by
  (created_at, id) in a small temporary b-tree, and reading stops after the page;
- a category: the (owner_id, category, date) index, for each spelling the category
  has ("Groceries" and "groceries" are one category, as in budgets);
- an account: the (owner_id, account_id, date) index.

Split parts come for the page's rows only, account names from one small query.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.core.ids import parse_id
from desktop.core.money import to_decimal
from desktop.services.base import ServiceContext, live
from desktop.services.finance import TransactionView, transaction_view
from desktop.services.ledger_totals import SplitView
from desktop.store.models import Account, Transaction, TransactionSplit

PAGE_SIZE = 200


@dataclass(frozen=True)
class PageCursor:
    """The key of a page's last row: the next page starts right after it."""

    date: date
    created_at: datetime
    id: uuid.UUID


@dataclass(frozen=True)
class TransactionPage:
    """Up to a page of transactions, newest first, and where the next page starts."""

    rows: tuple[TransactionView, ...]
    after: PageCursor | None  # None when `rows` is empty
    more: bool  # whether another page follows


class TransactionPages:
    """Pages of the live transactions of the profile's user, newest first."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def page(
        self,
        *,
        after: PageCursor | None = None,
        category: str | None = None,
        account_id: str | None = None,
        limit: int = PAGE_SIZE,
    ) -> TransactionPage:
        """The `limit` newest transactions after `after` (None: from the newest), only of
        `category` (without case; "" for none) and of the account with id `account_id`."""
        if limit < 1:
            raise UserError(f"a page holds at least one transaction, not {limit}")
        owner = self.ctx.store.user_id
        conditions: list[ColumnElement[bool]] = [live(Transaction), Transaction.owner_id == owner]
        if account_id:
            ident = parse_id(account_id)
            if ident is None:
                raise UserError(
                    f"'{account_id}' is not an account id; see `atrium account list --json`"
                )
            conditions.append(Transaction.account_id == ident)
        if after is not None:
            conditions.append(_older_than(after))
        with self.ctx.store.read() as session:
            if category is not None:
                spellings = _spellings(session, owner, category)
                if not spellings:
                    return TransactionPage((), None, False)
                conditions.append(Transaction.category.in_(spellings))
            found = session.scalars(
                select(Transaction)
                .where(*conditions)
                .order_by(
                    Transaction.date.desc(), Transaction.created_at.desc(), Transaction.id.desc()
                )
                .limit(limit + 1)
            ).all()
            rows = found[:limit]
            accounts = select(Account.id, Account.name).where(Account.owner_id == owner)
            names: dict[uuid.UUID, str] = dict(session.execute(accounts).all())
            parts = _splits_of(session, owner, [tx.id for tx in rows])
        views = tuple(
            transaction_view(tx, names.get(tx.account_id, ""), parts.get(tx.id, ())) for tx in rows
        )
        last = rows[-1] if rows else None
        cursor = PageCursor(last.date, last.created_at, last.id) if last is not None else None
        return TransactionPage(views, cursor, len(found) > limit)

    def categories(self) -> list[str]:
        """Every category of a live transaction, each spelling once, in binary order
        ("" left out). One index seek per category, however long the history."""
        owner = self.ctx.store.user_id
        with self.ctx.store.read() as session:
            return [name for name in _distinct_categories(session, owner) if name]


def _older_than(cursor: PageCursor) -> ColumnElement[bool]:
    """Rows after `cursor` in the (date, created_at, id) descending order. The plain
    `date <= ...` lets the date index start at the cursor."""
    return and_(
        Transaction.date <= cursor.date,
        or_(
            Transaction.date < cursor.date,
            Transaction.created_at < cursor.created_at,
            and_(Transaction.created_at == cursor.created_at, Transaction.id < cursor.id),
        ),
    )


def _distinct_categories(session: Session, owner: uuid.UUID) -> list[str]:
    """The categories in use, by skipping along the (owner_id, category, date) index: each
    step seeks the first live row after the previous category."""
    found: list[str] = []
    previous: str | None = None
    while True:
        query = select(Transaction.category).where(Transaction.owner_id == owner, live(Transaction))
        if previous is not None:
            query = query.where(Transaction.category > previous)
        name = session.scalar(query.order_by(Transaction.category).limit(1))
        if name is None:
            return found
        found.append(name)
        previous = name


def _spellings(session: Session, owner: uuid.UUID, category: str) -> list[str]:
    """The spellings in use of `category`, compared without case as the month view does."""
    wanted = category.strip().lower()
    if not wanted:
        return [""]
    return [name for name in _distinct_categories(session, owner) if name.lower() == wanted]


def _splits_of(
    session: Session, owner: uuid.UUID, ids: list[uuid.UUID]
) -> dict[uuid.UUID, tuple[SplitView, ...]]:
    """The parts of those of `ids` that are split, by transaction id, in their order."""
    if not ids:
        return {}
    rows = session.execute(
        select(
            TransactionSplit.transaction_id,
            TransactionSplit.category,
            TransactionSplit.amount_minor,
            TransactionSplit.memo,
            Transaction.currency,
        )
        .join(Transaction, Transaction.id == TransactionSplit.transaction_id)
        .where(
            TransactionSplit.owner_id == owner,
            TransactionSplit.transaction_id.in_(ids),
            live(TransactionSplit),
        )
        .order_by(TransactionSplit.transaction_id, TransactionSplit.position)
    ).all()
    found: dict[uuid.UUID, list[SplitView]] = {}
    for tx_id, name, amount, memo, code in rows:
        found.setdefault(tx_id, []).append(SplitView(name, to_decimal(amount, code), code, memo))
    return {key: tuple(parts) for key, parts in found.items()}
