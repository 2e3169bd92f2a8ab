"""Balances over time: what the user's accounts in one currency held at each month's end.

The balance at the end of a month is today's balance minus everything booked after
that month. Today's balances come from the accounts; "everything booked since the
first month shown" is one sum over the covering index of month totals, so a chart
of six months reads a few months of index entries, not the whole history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from desktop.core.money import to_decimal
from desktop.services.base import ServiceContext, live
from desktop.services.finance import AccountView, MonthSummary
from desktop.store.models import Transaction


@dataclass(frozen=True)
class MonthBalance:
    """The total balance of the accounts in `currency` at the end of `month` (YYYY-MM)."""

    month: str
    currency: str
    balance: Decimal


def booked_since(ctx: ServiceContext, first: date, currency: str) -> int:
    """Minor units booked in `currency` on or after `first` (transfers included)."""
    with ctx.store.read() as session:
        total = session.scalar(
            select(func.coalesce(func.sum(Transaction.amount_minor), 0)).where(
                Transaction.owner_id == ctx.store.user_id,
                Transaction.date >= first,
                Transaction.currency == currency,
                live(Transaction),
            )
        )
    return int(total or 0)


def month_end_balances(
    accounts: list[AccountView] | tuple[AccountView, ...],
    history: list[MonthSummary] | tuple[MonthSummary, ...],
    since_first: int,
) -> list[MonthBalance]:
    """The balance at the end of each month of `history` (consecutive months, oldest first,
    one currency), given today's `accounts` and what was booked since its first month."""
    if not history:
        return []
    currency = history[0].currency
    now = sum((a.balance for a in accounts if a.currency == currency), Decimal(0))
    running = now - to_decimal(since_first, currency)
    out = []
    for month in history:
        running += month.net
        out.append(MonthBalance(month.month, currency, running))
    return out
