"""A month's money flows: income, spending per category, in one currency, with conversions.

What counts (the rules every summary, budget and chart shares):

- transfers between the user's own accounts (`transfer_peer_id` set) are neither
  income nor spending; they still count in account balances;
- a split transaction counts in its parts' categories, not its own (one grouped
  query: the unsplit rows UNION ALL the parts of the split ones);
- amounts in another currency are converted into the summary's currency with the
  rate of the month (else the latest earlier one); a currency without any rate is
  left out and listed in `missing_rates`.

Totals are converted per currency and category, each rounded half to even, so the
categories of converted money may differ from the converted expenses by a minor unit.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Exists,
    Select,
    and_,
    case,
    exists,
    func,
    literal_column,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from desktop.core.money import to_decimal
from desktop.services.base import live
from desktop.services.exchange_rates import FoundRate, convert_minor, find_rates, rate_for
from desktop.store.models import Transaction, TransactionSplit


@dataclass(frozen=True)
class SplitView:
    """One part of a split transaction."""

    category: str
    amount: Decimal
    currency: str
    memo: str


@dataclass(frozen=True)
class ConvertedCurrency:
    """Money of one other currency counted in the summary, and the rate that converted it.

    `income`, `expenses` and `amount` (net) are in `currency`; the `converted_*`
    fields in `to_currency`. `rate_month` is the month whose rate was used.
    """

    currency: str
    income: Decimal
    expenses: Decimal
    amount: Decimal
    rate: Decimal
    rate_month: str
    to_currency: str
    converted_income: Decimal
    converted_expenses: Decimal
    converted_amount: Decimal


@dataclass(frozen=True)
class MonthFlows:
    """Income, expenses and spending per category of a month, in minor units of `currency`.

    `spent` maps a lower-cased category to (its first spelling, minor units spent).
    """

    currency: str
    income: int
    expenses: int
    spent: dict[str, tuple[str, int]]
    other_currencies: tuple[str, ...]
    missing_rates: tuple[str, ...]
    converted: tuple[ConvertedCurrency, ...]


def has_splits() -> Exists:
    """The SQL condition 'this transaction is split into parts'."""
    return exists().where(
        TransactionSplit.owner_id == Transaction.owner_id,
        TransactionSplit.transaction_id == Transaction.id,
        live(TransactionSplit),
    )


def month_flows(
    session: Session, owner_id: uuid.UUID, first: date, following: date, code: str
) -> MonthFlows:
    """The flows of [first, following) in `code`: three queries, whatever the row count."""
    in_range: tuple[ColumnElement[bool], ...] = (
        live(Transaction),
        Transaction.owner_id == owner_id,
        Transaction.date >= first,
        Transaction.date < following,
        Transaction.transfer_peer_id.is_(None),
    )
    sums = session.execute(
        select(
            Transaction.currency,
            func.sum(case((Transaction.amount_minor > 0, Transaction.amount_minor), else_=0)),
            func.sum(case((Transaction.amount_minor < 0, -Transaction.amount_minor), else_=0)),
        )
        .where(*in_range)
        .group_by(Transaction.currency)
    ).all()
    flows = {cur: (int(income or 0), int(spent or 0)) for cur, income, spent in sums}
    spent_rows = _spent_by_category_and_currency(session, owner_id, in_range)
    others = sorted(cur for cur in flows if cur != code)
    rates = find_rates(session, owner_id, others, code, first)
    usable = {cur: rate_for(rates.get(cur), first) for cur in others}

    income, expenses = flows.get(code, (0, 0))
    converted = []
    for cur in others:
        found = usable[cur]
        if found is None:
            continue
        cur_income, cur_spent = flows[cur]
        in_income = convert_minor(cur_income, cur, found.rate, code)
        in_spent = convert_minor(cur_spent, cur, found.rate, code)
        income += in_income
        expenses += in_spent
        converted.append(_converted(cur, cur_income, cur_spent, found, code, in_income, in_spent))
    spent: dict[str, tuple[str, int]] = {}
    for key, name, cur, total in spent_rows:
        minor = int(total or 0)
        if cur != code:
            found = usable.get(cur)
            if found is None:
                continue
            minor = convert_minor(minor, cur, found.rate, code)
        shown, before = spent.get(key or "", (name, 0))
        spent[key or ""] = (min(shown, name), before + minor)
    return MonthFlows(
        currency=code,
        income=income,
        expenses=expenses,
        spent=spent,
        other_currencies=tuple(others),
        missing_rates=tuple(cur for cur in others if usable[cur] is None),
        converted=tuple(converted),
    )


def _spent_by_category_and_currency(
    session: Session, owner_id: uuid.UUID, in_range: tuple[ColumnElement[bool], ...]
) -> list[tuple[str, str, str, int]]:
    """(lower category, first spelling, currency, minor spent) of money out, parts for splits."""
    whole = select(
        Transaction.category.label("category"),
        Transaction.currency.label("currency"),
        Transaction.amount_minor.label("amount"),
    ).where(*in_range, ~has_splits())
    parts = (
        select(
            TransactionSplit.category.label("category"),
            Transaction.currency.label("currency"),
            TransactionSplit.amount_minor.label("amount"),
        )
        .join(Transaction, Transaction.id == TransactionSplit.transaction_id)
        .where(*in_range, live(TransactionSplit), TransactionSplit.owner_id == owner_id)
    )
    rows = union_all(whole, parts).subquery()
    category = rows.c.category
    amount = rows.c.amount
    query = (
        select(func.lower(category), func.min(category), rows.c.currency, func.sum(-amount))
        .where(amount < literal_column("0"))
        .group_by(func.lower(category), rows.c.currency)
    )
    return [(key, name, cur, int(total)) for key, name, cur, total in session.execute(query)]


def month_totals_query(owner_id: uuid.UUID, start: date, end: date) -> Select[Any]:
    """(YYYY-MM, currency, income, expenses) per month of [start, end), transfers left out.

    It reads the covering index ix_transactions_month_totals alone (no table rows).
    """
    month = func.strftime("%Y-%m", Transaction.date)
    return (
        select(
            month,
            Transaction.currency,
            func.sum(case((Transaction.amount_minor > 0, Transaction.amount_minor), else_=0)),
            func.sum(case((Transaction.amount_minor < 0, -Transaction.amount_minor), else_=0)),
        )
        .where(
            live(Transaction),
            Transaction.owner_id == owner_id,
            Transaction.date >= start,
            Transaction.date < end,
            Transaction.transfer_peer_id.is_(None),
        )
        .group_by(month, Transaction.currency)
    )


def convert_totals(
    totals: dict[str, tuple[int, int]],
    code: str,
    rates: dict[str, list[FoundRate]],
    month: date,
) -> tuple[int, int, tuple[str, ...]]:
    """Income and expenses per currency as one pair in `code`, and the currencies without a rate."""
    income, expenses = totals.get(code, (0, 0))
    missing = []
    for cur in sorted(totals):
        if cur == code:
            continue
        found = rate_for(rates.get(cur), month)
        if found is None:
            missing.append(cur)
            continue
        income += convert_minor(totals[cur][0], cur, found.rate, code)
        expenses += convert_minor(totals[cur][1], cur, found.rate, code)
    return income, expenses, tuple(missing)


def _converted(
    cur: str,
    income: int,
    spent: int,
    found: FoundRate,
    code: str,
    in_income: int,
    in_spent: int,
) -> ConvertedCurrency:
    return ConvertedCurrency(
        currency=cur,
        income=to_decimal(income, cur),
        expenses=to_decimal(spent, cur),
        amount=to_decimal(income - spent, cur),
        rate=found.rate,
        rate_month=found.month.strftime("%Y-%m"),
        to_currency=code,
        converted_income=to_decimal(in_income, code),
        converted_expenses=to_decimal(in_spent, code),
        converted_amount=to_decimal(in_income - in_spent, code),
    )


def split_views(
    session: Session, transactions: Select[*tuple[Any, ...]]
) -> dict[uuid.UUID, tuple[SplitView, ...]]:
    """The parts of the split transactions that `transactions` (a query over Transaction,
    without order or limit) selects, by transaction id: one query, driven by the parts."""
    rows = session.execute(
        transactions.with_only_columns(
            TransactionSplit.transaction_id,
            TransactionSplit.category,
            TransactionSplit.amount_minor,
            TransactionSplit.memo,
            Transaction.currency,
        )
        .join(
            TransactionSplit,
            and_(  # the owner first: the parts' index is (owner_id, transaction_id)
                TransactionSplit.owner_id == Transaction.owner_id,
                TransactionSplit.transaction_id == Transaction.id,
            ),
        )
        .where(live(TransactionSplit))
        .order_by(TransactionSplit.transaction_id, TransactionSplit.position)
    ).all()
    found: dict[uuid.UUID, list[SplitView]] = {}
    for tx_id, category, amount, memo, code in rows:
        view = SplitView(category, to_decimal(amount, code), code, memo)
        found.setdefault(tx_id, []).append(view)
    return {key: tuple(views) for key, views in found.items()}
