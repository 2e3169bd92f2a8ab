"""The Finance pane: accounts, transactions with filters, a month's summary, budgets, charts.

A month is read in one job (`finance_model.load_finance`); the category and account
filters act on what was read. "All time" (first in the month box) shows every
transaction, newest first, a page at a time as the table scrolls (`finance_table`);
its filters are applied in SQL by reading a new first page, and the summary,
budgets and charts are then this month's (the summary line says so). New
transactions go through the `add_transaction` action from a small dialog; editing
and deleting live in `finance_editing`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.finance_insight import RecurringView
from desktop.services.transaction_pages import PAGE_SIZE, PageCursor, TransactionPage
from desktop.ui.messages import show_error
from desktop.ui.panes.base import Pane, PaneContext
from desktop.ui.panes.finance_categories import CategoryEditing, RuleSuggestionBar
from desktop.ui.panes.finance_charts import FinanceCharts
from desktop.ui.panes.finance_dialog import AddTransactionDialog
from desktop.ui.panes.finance_editing import FinanceEditing
from desktop.ui.panes.finance_model import (
    FinanceData,
    TableFilter,
    TransactionsModel,
    add_months,
    load_finance,
    read_page,
)
from desktop.ui.panes.finance_side import FinanceSide
from desktop.ui.panes.pane_format import heading, money

MONTHS_BACK = 24
ALL_TIME = "all"  # the month box's data for "All time"
REFRESH_ROWS = 2_000  # at most this many rows of all time are read again on a refresh


class FinancePane(Pane):
    """Money at a glance, one month at a time.

    Signals:
        None beyond `Pane`'s.
    """

    area = "finance"

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: FinanceData | None = None
        self.month: date | None = None  # None until the first load: this month
        self.all_time = False  # the table shows every transaction, a page at a time

        self.month_box = QComboBox()
        self.month_box.setAccessibleName(self.tr("Month"))
        self.month_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.category_box = QComboBox()
        self.category_box.setAccessibleName(self.tr("Category filter"))
        self.category_box.setMinimumContentsLength(12)
        self.account_box = QComboBox()
        self.account_box.setAccessibleName(self.tr("Account filter"))
        self.account_box.setMinimumContentsLength(14)
        self.add_button = QPushButton(self.tr("&Add transaction…"))
        self.add_button.setAccessibleName(self.tr("Add transaction"))
        self.import_button = QPushButton(self.tr("&Import…"))
        self.import_button.setAccessibleName(self.tr("Import a bank statement"))
        self.suggest_button = QPushButton(self.tr("Cate&gorise…"))
        self.suggest_button.setAccessibleName(self.tr("Suggest categories"))
        self.summary = QLabel()
        self.summary.setObjectName("financeSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        self.side = FinanceSide(self._read_subscriptions)
        self.accounts, self.budgets = self.side.accounts, self.side.budgets
        self.budget_button = self.side.budget_button
        self.rule_bar = RuleSuggestionBar()
        self.model = TransactionsModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Transactions"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Only the category column is editable (F2, or a click on a selected row's category).
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.count_label = QLabel()
        self.count_label.setEnabled(False)
        self.charts = FinanceCharts()

        self._build_layout()
        self.month_box.currentIndexChanged.connect(self._on_month_chosen)
        self.category_box.currentIndexChanged.connect(self._apply_filter)
        self.account_box.currentIndexChanged.connect(self._apply_filter)
        self.accounts.itemActivated.connect(self._on_account_activated)
        self.accounts.itemClicked.connect(self._on_account_activated)
        self.add_button.clicked.connect(self.add_transaction)
        self.model.rows_fetched.connect(self._show_count)
        self.model.fetch_failed.connect(
            lambda exc: show_error(self, exc, self.tr("Could not read more transactions"))
        )
        self.editing = FinanceEditing(self)
        self.categories = CategoryEditing(self, self.rule_bar)
        self.budget_button.clicked.connect(self.editing.set_budget)
        self.import_button.clicked.connect(self.import_statement)
        self.suggest_button.clicked.connect(self.suggest_categories)
        self._statements: Any = None

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(heading(self.tr("Finance"), 1.6))
        bar.addStretch(1)
        for label, box in (
            (self.tr("&Month"), self.month_box),
            (self.tr("C&ategory"), self.category_box),
            (self.tr("Acc&ount"), self.account_box),
        ):
            caption = QLabel(label)
            caption.setBuddy(box)
            bar.addWidget(caption)
            bar.addWidget(box)
        for button in (self.add_button, self.import_button, self.suggest_button):
            bar.addWidget(button)

        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.rule_bar)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.count_label)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(table_box)
        right.addWidget(self.charts)
        right.setSizes([380, 260])
        right.setChildrenCollapsible(False)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.side)
        split.addWidget(right)
        split.setSizes([300, 760])
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        order = (
            self.month_box,
            self.category_box,
            self.account_box,
            self.add_button,
            self.import_button,
            self.suggest_button,
            self.table,
            self.accounts,
            self.side.tabs,
            self.budgets,
            self.budget_button,
        )
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    # -- loading -----------------------------------------------------------------

    def reload(self) -> None:
        month, table = self.month, self._table_filter() if self.all_time else None
        # All time again (after an edit, say): as many rows as were scrolled through, up to
        # a limit, so that the table stays where it was.
        rows = PAGE_SIZE
        if table is not None and self.model.paged:
            rows = min(max(self.model.rowCount(), PAGE_SIZE), REFRESH_ROWS)
        self.fetch(lambda services: load_finance(services, month, table, rows), self._show)

    def _show(self, data: FinanceData) -> None:
        self.data = data
        self.month = data.month
        self._fill_months(data)
        self._fill_filters(data)
        self._fill_accounts(data)
        self.side.show_budgets(data.budgets, data.month, data.is_current_month)
        s = data.summary
        text = self.tr(
            "{month}: income <b>{income}</b> · spending <b>{spent}</b> · net <b>{net}</b>"
        ).format(
            month=f"{data.month:%B %Y}",
            income=money(s.income, s.currency),
            spent=money(s.expenses, s.currency),
            net=money(s.net, s.currency),
        )
        if data.first_page is not None:
            text = self.tr("All time, newest first. This month, {summary}").format(summary=text)
            self._show_first_page(data.first_page, data.table_filter or TableFilter())
            if data.table_filter != self._table_filter():  # a filter went away meanwhile
                self._apply_filter()
        else:
            self.model.set_transactions(data.transactions)
            self._apply_filter()
        self.summary.setText(text)
        self.charts.show_month(s, data.history, data.balances)
        self.side.subscriptions_changed()

    def _fill_months(self, data: FinanceData) -> None:
        self.month_box.blockSignals(True)
        self.month_box.clear()
        self.month_box.addItem(self.tr("All time"), ALL_TIME)
        newest = max(data.today.replace(day=1), data.month)
        for back in range(MONTHS_BACK):
            month = add_months(newest, -back)
            self.month_box.addItem(f"{month:%B %Y}", month.isoformat())
        if self.month_box.findData(data.month.isoformat()) < 0:
            self.month_box.addItem(f"{data.month:%B %Y}", data.month.isoformat())
        shown = ALL_TIME if data.all_time else data.month.isoformat()
        self.month_box.setCurrentIndex(self.month_box.findData(shown))
        self.month_box.blockSignals(False)

    def _fill_filters(self, data: FinanceData) -> None:
        for box, everything, entries in (
            (self.category_box, self.tr("All categories"), [(c, c) for c in data.categories()]),
            (
                self.account_box,
                self.tr("All accounts"),
                [(a.name, str(a.id)) for a in data.accounts],
            ),
        ):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, None)
            for text, value in entries:
                box.addItem(text, value)
            index = box.findData(chosen) if chosen else 0
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)

    def _fill_accounts(self, data: FinanceData) -> None:
        self.accounts.clear()
        for account in data.accounts:
            item = QTreeWidgetItem([account.name, money(account.balance, account.currency)])
            item.setData(0, Qt.ItemDataRole.UserRole, str(account.id))
            item.setToolTip(0, account.kind)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.accounts.addTopLevelItem(item)
        if not data.accounts:
            self.accounts.addTopLevelItem(QTreeWidgetItem([self.tr("No accounts yet")]))

    # -- reactions ---------------------------------------------------------------

    def _on_month_chosen(self, index: int) -> None:
        value = self.month_box.itemData(index)
        if value == ALL_TIME:
            if not self.all_time:
                self.all_time = True
                self.reload()
            return
        month = date.fromisoformat(value) if isinstance(value, str) else None
        if month is not None and (month != self.month or self.all_time):
            self.month, self.all_time = month, False
            self.reload()

    def _table_filter(self) -> TableFilter:
        return TableFilter(self.category_box.currentData(), self.account_box.currentData())

    def _apply_filter(self, *_args: Any) -> None:
        if self.all_time:  # filtered in SQL: read the first page again
            table = self._table_filter()
            self.fetch(
                lambda services: read_page(services, table),
                lambda page: self._on_first_page(page, table),
            )
            return
        self.model.set_filter(self.category_box.currentData(), self.account_box.currentData())
        self._show_count()

    def _on_first_page(self, page: TransactionPage, table: TableFilter) -> None:
        # Dropped when the user chose a month or another filter while it was read.
        if self.all_time and table == self._table_filter():
            self._show_first_page(page, table)

    def _show_first_page(self, page: TransactionPage, table: TableFilter) -> None:
        def fetch(
            after: PageCursor,
            done: Callable[[TransactionPage], None],
            failed: Callable[[Exception], None],
        ) -> None:
            self.ctx.read(lambda services: read_page(services, table, after), done, failed)

        self.model.set_pages(page, fetch)
        self._show_count()

    def _show_count(self) -> None:
        if self.model.paged:
            text = (
                self.tr("Newest {n:,} transactions · more as you scroll")
                if self.model.has_more()
                else self.tr("{n:,} transactions")
            ).format(n=self.model.rowCount())
            self.count_label.setText(text)
            return
        shown = self.model.shown()
        currencies = {tx.currency for tx in shown}
        if len(currencies) == 1:
            total = money(sum((tx.amount for tx in shown), Decimal(0)), currencies.pop())
            text = self.tr("{n} transactions · total {total}").format(n=len(shown), total=total)
        else:
            text = self.tr("{n} transactions").format(n=len(shown))
        self.count_label.setText(text)

    def _on_account_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        ident = item.data(0, Qt.ItemDataRole.UserRole)
        if ident is not None:
            self.account_box.setCurrentIndex(max(self.account_box.findData(ident), 0))

    def add_transaction(self) -> None:
        """Ask for a transaction and record it through the `add_transaction` action."""
        data = self.data
        if data is None:
            return
        args = AddTransactionDialog.ask(self, data.accounts, data.categories(), data.today)
        if args is None:
            return
        self.ctx.act(
            "add_transaction",
            args,
            on_error=lambda exc: show_error(self, exc, self.tr("Could not add the transaction")),
            initiator=self,
        )

    def import_statement(self) -> None:
        """Ask for a bank statement, show its preview, import it (see statement_import)."""
        # Imported on first use: the statement parsers are not needed to open the pane.
        from desktop.ui.statement_import import StatementImport

        if self._statements is None:
            self._statements = StatementImport(self, self.ctx)
        self._statements.start()

    def suggest_categories(self) -> None:
        """Show category suggestions for uncategorised transactions; apply the chosen."""
        from desktop.ui.panes.finance_suggest import suggest_categories

        suggest_categories(self)

    def _read_subscriptions(self, show: Callable[[list[RecurringView]], None]) -> None:
        self.ctx.read_aside(
            lambda services: services.finance_insight.recurring(),
            show,
            lambda exc: show_error(self, exc, self.tr("Could not look for subscriptions")),
        )
