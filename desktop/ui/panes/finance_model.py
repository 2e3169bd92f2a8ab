"""The Finance pane's data, read in one job: a month's (or all time's first page of)
transactions, its summary, budgets with rollover, the charts' history.

The transactions table model is in `finance_table` (its names are re-exported here).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.services.container import Services
from desktop.services.finance import AccountView, BudgetView, MonthSummary, TransactionView
from desktop.services.finance_history import MonthBalance, booked_since, month_end_balances
from desktop.services.finance_insight import BudgetInsight, MonthInsight
from desktop.services.transaction_pages import (
    PAGE_SIZE,
    PageCursor,
    TransactionPage,
    TransactionPages,
)
from desktop.ui.panes.finance_table import INCOME_COLOUR, SPENDING_COLOUR, TransactionsModel

__all__ = [
    "HISTORY_MONTHS",
    "INCOME_COLOUR",
    "SPENDING_COLOUR",
    "FinanceData",
    "TableFilter",
    "TransactionsModel",
    "add_months",
    "load_finance",
    "read_page",
    "summary_of",
]

HISTORY_MONTHS = 6


def add_months(month: date, count: int) -> date:
    """The first day of the month `count` months after (or before) `month`."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class TableFilter:
    """What the All time table shows: only a category (without case), only an account id."""

    category: str | None = None
    account: str | None = None


@dataclass(frozen=True)
class FinanceData:
    """Everything the Finance pane shows for one month (or for all time: then the summary,
    budgets and charts are this month's and the table is `first_page`)."""

    today: date
    month: date
    accounts: tuple[AccountView, ...]
    transactions: tuple[TransactionView, ...]  # the month's, newest first, unfiltered
    summary: MonthSummary
    history: tuple[MonthSummary, ...]  # the HISTORY_MONTHS months ending with `month`
    balances: tuple[MonthBalance, ...] = ()  # the accounts' total at each history month's end
    # The month's budgets with rollover, available and projection (same order as summary's).
    budgets: tuple[BudgetInsight, ...] = ()
    days_elapsed: int = 0  # of `month` by today: 0 for a future month, all for a past one
    days_in_month: int = 0
    # All time: the table's first page, the filter it was read with, every category in use.
    first_page: TransactionPage | None = None
    table_filter: TableFilter | None = None
    known_categories: tuple[str, ...] = ()

    @property
    def all_time(self) -> bool:
        return self.first_page is not None

    @property
    def is_current_month(self) -> bool:
        """Whether `month` is under way (so a projection to its end means something)."""
        return 0 < self.days_elapsed < self.days_in_month

    def categories(self) -> list[str]:
        """Categories of the month's budgets and transactions (and, for all time, every
        category in use), one spelling each (a budget's first), sorted without case."""
        names: dict[str, str] = {}
        for name in (
            [b.category for b in self.summary.budgets]
            + [t.category for t in self.transactions]
            + list(self.known_categories)
        ):
            if name:
                names.setdefault(name.lower(), name)
        return sorted(names.values(), key=str.lower)


def load_finance(
    services: Services,
    month: date | None,
    all_time: TableFilter | None = None,
    rows: int = PAGE_SIZE,
) -> FinanceData:
    """Read the pane's data for `month` (None: this month); with `all_time`, this month's
    summary and all time's newest `rows` filtered by it. Runs on the database executor."""
    finance = services.finance
    today = services.ctx.today()
    first = (today if all_time is not None or month is None else month).replace(day=1)
    insight = services.finance_insight.month(first)
    summary = summary_of(insight)
    oldest = add_months(first, 1 - HISTORY_MONTHS)
    earlier = finance.month_totals(oldest, add_months(first, -1))
    accounts = tuple(finance.accounts())
    history = (*earlier, summary)
    since = booked_since(services.ctx, oldest, summary.currency)
    first_page: TransactionPage | None = None
    known: tuple[str, ...] = ()
    if all_time is not None:
        first_page = read_page(services, all_time, limit=rows)
        known = tuple(TransactionPages(services.ctx).categories())
    return FinanceData(
        today=today,
        month=first,
        accounts=accounts,
        transactions=() if all_time is not None else tuple(finance.transactions(month=first)),
        summary=summary,
        history=history,
        balances=tuple(month_end_balances(accounts, history, since)),
        budgets=insight.budgets,
        days_elapsed=insight.days_elapsed,
        days_in_month=insight.days_in_month,
        first_page=first_page,
        table_filter=all_time,
        known_categories=known,
    )


def read_page(
    services: Services,
    table: TableFilter,
    after: PageCursor | None = None,
    limit: int = PAGE_SIZE,
) -> TransactionPage:
    """All time's page after `after` (None: the first), filtered by `table`."""
    return TransactionPages(services.ctx).page(
        after=after, category=table.category, account_id=table.account, limit=limit
    )


def summary_of(insight: MonthInsight) -> MonthSummary:
    """The month summary inside `insight` (budgets without their rollover), for the charts."""
    return MonthSummary(
        month=insight.month,
        currency=insight.currency,
        income=insight.income,
        expenses=insight.expenses,
        net=insight.net,
        by_category=insight.by_category,
        budgets=tuple(
            BudgetView(b.category, b.month, b.budget, b.spent, b.budget - b.spent, b.currency)
            for b in insight.budgets
        ),
        other_currencies=insight.other_currencies,
        missing_rates=insight.missing_rates,
        converted=insight.converted,
    )
