"""Insight over the money: budgets with rollover and projection, recurring payments, CSV export.

`month()` returns everything `FinanceService.summary` does (same field names) plus, per
budget, the rollover from the month before, what is available, the projection to the
month's end and alerts at 80 % and 100 % of what is available.

Rollover chains ONE month back only: a budget's rollover is what was left (positive)
or overspent (negative) of the same category's budget in the previous month, counting
that budget's own amount and spending but NOT its rollover in turn. A category without
a budget the month before rolls over 0. This keeps a month's figures explainable from
two months of data and stops an old overspend from haunting every later month.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.money import minor_digits, to_decimal
from desktop.core.payees import clean_payee
from desktop.services.base import ServiceContext, live
from desktop.services.finance import FinanceService, month_bounds, transactions_with_account
from desktop.services.ledger_totals import ConvertedCurrency, month_flows
from desktop.store.models import Budget, Transaction

# How far back recurring payments are looked for.
RECURRING_HISTORY_DAYS = 548
# Shares of what is available at which a budget raises an alert.
ALERT_LEVELS = (100, 80)
CSV_COLUMNS = (
    "date",
    "account",
    "payee",
    "original_payee",
    "memo",
    "category",
    "amount",
    "currency",
)


@dataclass(frozen=True)
class BudgetInsight:
    """A budget with its rollover; `remaining` = `available` − `spent`."""

    category: str
    month: str
    budget: Decimal
    spent: Decimal
    remaining: Decimal
    currency: str
    rollover: Decimal
    available: Decimal
    projected: Decimal
    used_percent: float | None
    alert: int | None


@dataclass(frozen=True)
class BudgetAlert:
    """A budget that reached `level` percent (80 or 100) of what is available."""

    category: str
    level: int
    used_percent: float | None
    spent: Decimal
    available: Decimal
    currency: str
    message: str


@dataclass(frozen=True)
class MonthInsight:
    """The month summary (same fields as MonthSummary) plus rollover, projection and alerts."""

    month: str
    currency: str
    income: Decimal
    expenses: Decimal
    net: Decimal
    by_category: dict[str, Decimal]
    budgets: tuple[BudgetInsight, ...]
    other_currencies: tuple[str, ...]
    projected_spending: Decimal
    days_elapsed: int
    days_in_month: int
    alerts: tuple[BudgetAlert, ...]
    # As in MonthSummary: currencies without a rate, and what was converted at which rate.
    missing_rates: tuple[str, ...] = ()
    converted: tuple[ConvertedCurrency, ...] = ()


@dataclass(frozen=True)
class RecurringView:
    """A payment seen at a regular interval, and when it is next expected."""

    payee: str
    amount: Decimal
    currency: str
    interval: str
    interval_days: int
    occurrences: int
    first_date: date
    last_date: date
    next_date: date
    confidence: float
    active: bool


@dataclass(frozen=True)
class CsvExport:
    """Transactions as CSV text (UTF-8, RFC 4180) and how many rows it holds."""

    text: str
    count: int
    month: str | None


class FinanceInsightService:
    """Budgets with rollover and projection, recurring payments and the CSV export."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- the month ---------------------------------------------------------------------

    def month(self, month: date, currency: str | None = None) -> MonthInsight:
        """The month summary with budgets' rollover, projection and alerts."""
        summary = FinanceService(self.ctx).summary(month, currency)
        code = summary.currency
        first, following = month_bounds(month)
        previous = month_bounds(first - timedelta(days=1))[0]
        days_in_month = (following - first).days
        elapsed = _days_elapsed(first, following, self.ctx.today())
        with self.ctx.store.read() as session:
            budgets = self._budgets(session, first, code)
            before = self._budgets(session, previous, code)
            # The summary's budgets already hold this month's spending per budgeted category.
            spent = {
                b.category.lower(): int(b.spent.scaleb(minor_digits(code))) for b in summary.budgets
            }
            spent_before = self._spent_by_category(session, previous, first, code) if before else {}
        views = []
        for key, (name, amount) in budgets.items():
            rollover = 0
            if key in before:
                rollover = before[key][1] - spent_before.get(key, 0)
            used = spent.get(key, 0)
            views.append(
                _budget_insight(
                    name, summary.month, amount, rollover, used, elapsed, days_in_month, code
                )
            )
        expenses_minor = int(summary.expenses.scaleb(minor_digits(code)))
        projected_total = _project(expenses_minor, elapsed, days_in_month)
        return MonthInsight(
            month=summary.month,
            currency=code,
            income=summary.income,
            expenses=summary.expenses,
            net=summary.net,
            by_category=summary.by_category,
            budgets=tuple(views),
            other_currencies=summary.other_currencies,
            projected_spending=to_decimal(projected_total, code),
            days_elapsed=elapsed,
            days_in_month=days_in_month,
            alerts=tuple(_alerts(views)),
            missing_rates=summary.missing_rates,
            converted=summary.converted,
        )

    # -- recurring payments ------------------------------------------------------------

    def recurring(self, *, include_inactive: bool = False) -> list[RecurringView]:
        """Payments that repeat at a regular interval, over the last ~18 months.

        Money out (subscriptions, rent) and money in (salary) are separate series;
        the amount's sign tells which.

        Payees are compared cleaned (`clean_payee` of the bank's original text), so
        "NETFLIX.COM 4029357733" and "Netflix.com 866-579" are one series.
        """
        from desktop.core.recurring import Payment, detect_recurring

        today = self.ctx.today()
        since = today - timedelta(days=RECURRING_HISTORY_DAYS)
        with self.ctx.store.read() as session:
            rows = session.execute(
                select(
                    Transaction.date,
                    Transaction.amount_minor,
                    Transaction.currency,
                    Transaction.payee,
                    Transaction.original_payee,
                )
                .where(
                    live(Transaction),
                    Transaction.owner_id == self.ctx.store.user_id,
                    Transaction.date >= since,
                    Transaction.transfer_peer_id.is_(None),  # moving money is not a payment
                )
                .order_by(Transaction.date)
            ).all()
        payments = [
            Payment(
                date=day,
                amount_minor=amount,
                currency=code,
                payee=clean_payee(original or payee) or payee,
            )
            for day, amount, code, payee, original in rows
        ]
        found = detect_recurring(payments, today)
        return [
            RecurringView(
                payee=item.payee,
                amount=to_decimal(item.amount_minor, item.currency),
                currency=item.currency,
                interval=item.interval,
                interval_days=item.interval_days,
                occurrences=item.occurrences,
                first_date=item.first_date,
                last_date=item.last_date,
                next_date=item.next_date,
                confidence=item.confidence,
                active=item.active,
            )
            for item in found
            if include_inactive or item.active
        ]

    # -- export ------------------------------------------------------------------------

    def export_csv(self, month: date | None = None) -> CsvExport:
        """Live transactions (of `month`, else all) oldest first, as RFC 4180 CSV text.

        Columns: date, account, payee, original_payee, memo, category, amount (a point
        decimal, negative = money out), currency. Lines end with CRLF as RFC 4180 says.
        """
        query = transactions_with_account(self.ctx.store.user_id, month).order_by(
            Transaction.date, Transaction.id
        )
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        count = 0
        with self.ctx.store.read() as session:
            for tx, account in session.execute(query):
                writer.writerow(
                    (
                        tx.date.isoformat(),
                        account,
                        tx.payee,
                        tx.original_payee,
                        tx.memo,
                        tx.category,
                        str(to_decimal(tx.amount_minor, tx.currency)),
                        tx.currency,
                    )
                )
                count += 1
        label = month.strftime("%Y-%m") if month is not None else None
        return CsvExport(buffer.getvalue(), count, label)

    # -- helpers -----------------------------------------------------------------------

    def _budgets(self, session: Session, first: date, code: str) -> dict[str, tuple[str, int]]:
        rows = session.execute(
            select(Budget.category, Budget.amount_minor)
            .where(
                live(Budget),
                Budget.owner_id == self.ctx.store.user_id,
                Budget.month == first,
                Budget.currency == code,
            )
            .order_by(Budget.category)
        ).all()
        return {name.lower(): (name, int(amount)) for name, amount in rows}

    def _spent_by_category(
        self, session: Session, first: date, following: date, code: str
    ) -> dict[str, int]:
        """Spent per lower-cased category as the summary counts it (split parts, no
        transfers, other currencies converted)."""
        flows = month_flows(session, self.ctx.store.user_id, first, following, code)
        return {key: total for key, (_, total) in flows.spent.items()}


def _days_elapsed(first: date, following: date, today: date) -> int:
    """Days of the month gone by today (today counts): all for a past month, 0 for a future."""
    if today >= following:
        return (following - first).days
    if today < first:
        return 0
    return (today - first).days + 1


def _project(spent: int, elapsed: int, days_in_month: int) -> int:
    """Spending extrapolated to the month's end (half up); nothing for a future month."""
    if elapsed <= 0:
        return 0
    if elapsed >= days_in_month:
        return spent
    return (2 * spent * days_in_month + elapsed) // (2 * elapsed)


def _budget_insight(
    name: str,
    month: str,
    amount: int,
    rollover: int,
    used: int,
    elapsed: int,
    days_in_month: int,
    code: str,
) -> BudgetInsight:
    available = amount + rollover
    percent = round(100 * used / available, 1) if available > 0 else None
    return BudgetInsight(
        category=name,
        month=month,
        budget=to_decimal(amount, code),
        spent=to_decimal(used, code),
        remaining=to_decimal(available - used, code),
        currency=code,
        rollover=to_decimal(rollover, code),
        available=to_decimal(available, code),
        projected=to_decimal(_project(used, elapsed, days_in_month), code),
        used_percent=percent,
        alert=_alert_level(used, available),
    )


def _alert_level(used: int, available: int) -> int | None:
    """100 when at or over what is available, 80 from 80 %, else None.

    Nothing available (a rollover ate the budget) alerts at 100 once anything is spent
    or when the rollover left less than nothing.
    """
    if available <= 0:
        return 100 if used > 0 or available < 0 else None
    for level in ALERT_LEVELS:
        if used * 100 >= level * available:
            return level
    return None


def _alerts(views: list[BudgetInsight]) -> list[BudgetAlert]:
    out = []
    for view in views:
        if view.alert is None:
            continue
        verb = "is over" if view.spent > view.available else "has used"
        share = f"{view.used_percent:g} % of" if view.used_percent is not None else "all of"
        message = (
            f"{view.category} {verb} {share} its {view.available} {view.currency}"
            if view.used_percent is not None
            else f"{view.category} has nothing left: {view.available} {view.currency} available"
        )
        out.append(
            BudgetAlert(
                category=view.category,
                level=view.alert,
                used_percent=view.used_percent,
                spent=view.spent,
                available=view.available,
                currency=view.currency,
                message=message,
            )
        )
    return sorted(out, key=lambda alert: (-alert.level, alert.category.lower()))
