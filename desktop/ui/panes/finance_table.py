"""The Finance pane's transactions table model: a month read whole, or all time in pages.

A month's transactions are read whole and filtered here by category and account.
All time is read a page at a time (`TransactionPages`): the first page comes with
the pane's data, the next ones through `canFetchMore`/`fetchMore` when the view
scrolls to the last row (QTableView asks only then), by a fetch function the pane
gives (a job on the database executor; the GUI thread never waits). Filters are
then the pane's business: it reads a new first page with them, in SQL.

In both modes the category is edited in place (F2, or a click on a selected row's
category): the row shows the new category at once and `category_edited` asks the
pane to store it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop.services.finance import TransactionView
from desktop.services.transaction_pages import PageCursor, TransactionPage
from desktop.ui.panes.column_table import AnyIndex, ColumnTableModel
from desktop.ui.panes.pane_format import money

SPENDING_COLOUR = "#c0392b"
INCOME_COLOUR = "#1e8449"
# fetch(after, on_page, on_error): read the page after `after`, hand it to `on_page`.
PageFetch = Callable[
    [PageCursor, Callable[[TransactionPage], None], Callable[[Exception], None]], None
]


class TransactionsModel(ColumnTableModel):
    """Transactions as a table: a month's, filtered by category and account; or all time,
    newest first, fetched a page at a time.

    Signals:
        category_edited(str, str, str): a transaction's category was changed in the table;
            carries its id, the new category and the previous one. The row shows the new
            category at once; whoever stores it reloads the model if that fails.
        rows_fetched(): another page of all time was added at the end.
        fetch_failed(object): reading the next page raised this exception.
    """

    category_edited = Signal(str, str, str)
    rows_fetched = Signal()
    fetch_failed = Signal(object)
    COLUMNS = ("Date", "Payee", "Category", "Account", "Amount")
    CATEGORY, AMOUNT = 2, 4

    def __init__(self) -> None:
        super().__init__()
        self._all: list[TransactionView] = []  # the month's, unfiltered (empty for all time)
        self._shown: list[TransactionView] = []
        self._category: str | None = None
        self._account: str | None = None
        self._fetch: PageFetch | None = None  # set for all time
        self._after: PageCursor | None = None
        self._more = False
        self._loading = False
        self._generation = 0  # pages asked for before a reset are dropped when they come

    # -- the rows ------------------------------------------------------------------------

    def set_transactions(self, rows: Sequence[TransactionView]) -> None:
        """Show a month's transactions (all of them; filtered by `set_filter`)."""
        self.beginResetModel()
        self._stop_paging()
        self._all = list(rows)
        self._shown = self._filtered()
        self.endResetModel()

    def set_pages(self, page: TransactionPage, fetch: PageFetch) -> None:
        """Show `page` as the first rows of all time; read the next ones with `fetch`.

        When `page` holds the very rows shown (a refresh after an edit), they are updated
        in place: the scroll position, the current row and the selection stay."""
        if self.paged and [tx.id for tx in page.rows] == [tx.id for tx in self._shown]:
            self._stop_paging()  # a page still being read would follow the old rows
            self._shown = list(page.rows)
            self._fetch, self._after, self._more = fetch, page.after, page.more
            if self._shown:
                last = self.index(len(self._shown) - 1, len(self.COLUMNS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._stop_paging()
        self._all = []
        self._shown = list(page.rows)
        self._fetch, self._after, self._more = fetch, page.after, page.more
        self.endResetModel()

    @property
    def paged(self) -> bool:
        """Whether the rows are all time's, a page at a time."""
        return self._fetch is not None

    def has_more(self) -> bool:
        """Whether all time has rows not fetched yet."""
        return self._fetch is not None and self._more

    def set_filter(self, category: str | None, account: str | None) -> None:
        """Only `category` (without case) and only the account with id `account`, of the
        month's rows. (All time is filtered in SQL: the pane reads a new first page.)"""
        self.beginResetModel()
        self._category, self._account = category or None, account or None
        if not self.paged:
            self._shown = self._filtered()
        self.endResetModel()

    def transaction_at(self, row: int) -> TransactionView | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def shown(self) -> list[TransactionView]:
        return list(self._shown)

    def _stop_paging(self) -> None:
        self._generation += 1
        self._fetch, self._after, self._more, self._loading = None, None, False, False

    def _filtered(self) -> list[TransactionView]:
        category = self._category.lower() if self._category else None
        return [
            tx
            for tx in self._all
            if (category is None or tx.category.lower() == category)
            and (self._account is None or str(tx.account_id) == self._account)
        ]

    # -- fetching all time a page at a time ------------------------------------------------

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return (
            not parent.isValid()
            and self._fetch is not None
            and self._more
            and self._after is not None
            and not self._loading
        )

    def fetchMore(self, parent: AnyIndex) -> None:
        if not self.canFetchMore(parent):
            return
        fetch, after, generation = self._fetch, self._after, self._generation
        assert fetch is not None and after is not None
        self._loading = True
        fetch(
            after,
            lambda page: self._append(generation, page),
            lambda exc: self._fetch_error(generation, exc),
        )

    def _append(self, generation: int, page: TransactionPage) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return  # the rows were replaced while the page was read
        self._loading = False
        self._more = page.more
        if page.after is not None:
            self._after = page.after
        if page.rows:
            first = len(self._shown)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._shown.extend(page.rows)
            self.endInsertRows()
        self.rows_fetched.emit()

    def _fetch_error(self, generation: int, exc: Exception) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self._loading = False
        self._more = False  # no retry loop: the next reload starts again
        self.fetch_failed.emit(exc)

    # -- the table -----------------------------------------------------------------------

    def shown_count(self) -> int:
        return len(self._shown)

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
        if self._all:
            self._all = [changed if t.id == tx.id else t for t in self._all]
        self.dataChanged.emit(index, index)
        self.category_edited.emit(str(tx.id), category, tx.category)
        return True
