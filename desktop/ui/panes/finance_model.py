"""The Finance pane's data (read in one job) and its transactions table model."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop.services.container import Services
from desktop.services.finance import AccountView, MonthSummary, TransactionView
from desktop.services.finance_history import MonthBalance, booked_since, month_end_balances
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
    balances: tuple[MonthBalance, ...] = ()  # the accounts' total at each history month's end

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
    oldest = add_months(first, 1 - HISTORY_MONTHS)
    earlier = finance.month_totals(oldest, add_months(first, -1))
    accounts = tuple(finance.accounts())
    history = (*earlier, summary)
    since = booked_since(services.ctx, oldest, summary.currency)
    return FinanceData(
        today=today,
        month=first,
        accounts=accounts,
        transactions=tuple(finance.transactions(month=first)),
        summary=summary,
        history=history,
        balances=tuple(month_end_balances(accounts, history, since)),
    )


class TransactionsModel(QAbstractTableModel):
    """A month's transactions as a table, filtered by category and account. The category
    is edited in place (F2, or a click on a selected row's category).

    Signals:
        category_edited(str, str, str): a transaction's category was changed in the table;
            carries its id, the new category and the previous one. The row shows the new
            category at once; whoever stores it reloads the model if that fails.
    """

    category_edited = Signal(str, str, str)
    COLUMNS = ("Date", "Payee", "Category", "Account", "Amount")
    CATEGORY, AMOUNT = 2, 4

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
        if role == Qt.ItemDataRole.EditRole and column == self.CATEGORY:
            return tx.category
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

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.CATEGORY:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if index.column() != self.CATEGORY or not 0 <= index.row() < len(self._shown):
            return False
        tx = self._shown[index.row()]
        category = str(value or "").strip()
        if category == tx.category:
            return False
        changed = replace(tx, category=category)
        self._shown[index.row()] = changed
        self._all = [changed if t.id == tx.id else t for t in self._all]
        self.dataChanged.emit(index, index)
        self.category_edited.emit(str(tx.id), category, tx.category)
        return True

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
