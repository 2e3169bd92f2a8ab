"""The Finance pane's data (read in one job) and its transactions table model."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.services.container import Services
from desktop.services.finance import AccountView, MonthSummary, TransactionView
from desktop.ui.panes.pane_format import money, tr

HISTORY_MONTHS = 6
SPENDING_COLOUR = "#c0392b"
INCOME_COLOUR = "#1e8449"
AnyIndex = QModelIndex | QPersistentModelIndex


def add_months(month: date, count: int) -> date:
    """The first day of the month `count` months after (or before) `month`."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class FinanceData:
    """Everything the Finance pane shows for one month."""

    today: date
    month: date
    accounts: tuple[AccountView, ...]
    transactions: tuple[TransactionView, ...]  # the month's, newest first, unfiltered
    summary: MonthSummary
    history: tuple[MonthSummary, ...]  # the HISTORY_MONTHS months ending with `month`

    def categories(self) -> list[str]:
        """Categories of the month's budgets and transactions, one spelling each (a budget's
        first), sorted without case."""
        names: dict[str, str] = {}
        for name in [b.category for b in self.summary.budgets] + [
            t.category for t in self.transactions
        ]:
            if name:
                names.setdefault(name.lower(), name)
        return sorted(names.values(), key=str.lower)


def load_finance(services: Services, month: date | None) -> FinanceData:
    """Read the pane's data for `month` (None: this month). Runs on the database executor."""
    finance = services.finance
    today = services.ctx.today()
    first = (month or today).replace(day=1)
    summary = finance.summary(first)
    earlier = finance.month_totals(add_months(first, 1 - HISTORY_MONTHS), add_months(first, -1))
    return FinanceData(
        today=today,
        month=first,
        accounts=tuple(finance.accounts()),
        transactions=tuple(finance.transactions(month=first)),
        summary=summary,
        history=(*earlier, summary),
    )


class TransactionsModel(QAbstractTableModel):
    """A month's transactions as a table, filtered by category and account.

    Signals:
        None (the standard model signals only).
    """

    COLUMNS = ("Date", "Payee", "Category", "Account", "Amount")
    AMOUNT = 4

    def __init__(self) -> None:
        super().__init__()
        self._all: list[TransactionView] = []
        self._shown: list[TransactionView] = []
        self._category: str | None = None
        self._account: str | None = None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.COLUMNS)
        ):
            return tr(self.COLUMNS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        tx, column = self._shown[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{tx.date:%Y-%m-%d}",
                tx.payee,
                tx.category,
                tx.account,
                money(tx.amount, tx.currency),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and tx.memo:
            return tx.memo
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.AMOUNT:
            return QBrush(QColor(SPENDING_COLOUR if tx.amount < 0 else INCOME_COLOUR))
        if role == Qt.ItemDataRole.UserRole:
            return str(tx.id)
        return None

    def set_transactions(self, rows: Sequence[TransactionView]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._shown = self._filtered()
        self.endResetModel()

    def set_filter(self, category: str | None, account: str | None) -> None:
        """Only `category` (without case) and only the account with id `account`."""
        self.beginResetModel()
        self._category, self._account = category or None, account or None
        self._shown = self._filtered()
        self.endResetModel()

    def transaction_at(self, row: int) -> TransactionView | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def shown(self) -> list[TransactionView]:
        return list(self._shown)

    def _filtered(self) -> list[TransactionView]:
        category = self._category.lower() if self._category else None
        return [
            tx
            for tx in self._all
            if (category is None or tx.category.lower() == category)
            and (self._account is None or str(tx.account_id) == self._account)
        ]
