"""The Finance pane's left column: accounts, then budgets and subscriptions in tabs.

Subscriptions (recurring payments found in the history) take a moment to detect on
a long history, so they are read aside, only once their tab is shown, and again
after the pane reloads while it is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.finance_insight import RecurringView
from desktop.ui.panes.pane_format import heading, money

INTERVALS = {
    "weekly": "every week",
    "biweekly": "every 2 weeks",
    "monthly": "every month",
    "quarterly": "every quarter",
    "yearly": "every year",
}


def finance_tree(name: str, columns: int) -> QTreeWidget:
    """A flat, header-less list of `columns` columns sized to their contents."""
    tree = QTreeWidget()
    tree.setAccessibleName(name)
    tree.setRootIsDecorated(False)
    tree.setHeaderHidden(True)
    tree.setUniformRowHeights(True)
    tree.setStyleSheet("QTreeWidget::item { padding: 3px 2px; }")
    tree.setColumnCount(columns)
    header = tree.header()
    header.setStretchLastSection(False)
    for column in range(columns):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return tree


class FinanceSide(QWidget):
    """Accounts above; Budgets | Subscriptions below.

    `load_subscriptions(show)` is called when the subscriptions should be read; it
    must call `show` with them (the pane reads them aside).

    Signals:
        None.
    """

    def __init__(
        self,
        load_subscriptions: Callable[[Callable[[list[RecurringView]], None]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load_subscriptions = load_subscriptions
        self._subscriptions_stale = True
        self.accounts = finance_tree(self.tr("Accounts"), 2)
        self.accounts.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.budgets = finance_tree(self.tr("Budgets"), 3)
        self.budgets.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.budget_button = QPushButton(self.tr("Set &budget…"))
        self.budget_button.setAccessibleName(self.tr("Set a budget for this month"))
        self.subscriptions = finance_tree(self.tr("Subscriptions and recurring payments"), 3)
        self.subscriptions.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        budgets_page = QWidget()
        budgets_box = QVBoxLayout(budgets_page)
        budgets_box.setContentsMargins(0, 4, 0, 0)
        budgets_box.addWidget(self.budgets, 1)
        budgets_box.addWidget(self.budget_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(budgets_page, self.tr("Budgets"))
        self.tabs.addTab(self.subscriptions, self.tr("Subscriptions"))
        self.tabs.currentChanged.connect(self._on_tab_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Accounts")))
        layout.addWidget(self.accounts, 1)
        layout.addWidget(self.tabs, 3)

    def subscriptions_changed(self) -> None:
        """The history changed: read the subscriptions again (now if their tab is shown)."""
        self._subscriptions_stale = True
        if self.tabs.currentWidget() is self.subscriptions:
            self._read_subscriptions()

    def show_subscriptions(self, rows: Sequence[RecurringView]) -> None:
        """Show the recurring payments going out (income that recurs is not a subscription),
        soonest first: payee, amount, next date; how often and since when in the tooltip."""
        self.subscriptions.clear()
        rows = [row for row in rows if row.amount < 0]
        for row in rows:
            item = QTreeWidgetItem(
                [row.payee, money(-row.amount, row.currency), f"{row.next_date:%d %b}"]
            )
            tip = self.tr("{payee}: {amount} {every}, {n} payments since {first}").format(
                payee=row.payee,
                amount=money(-row.amount, row.currency),
                every=self.tr(INTERVALS.get(row.interval, row.interval)),
                n=row.occurrences,
                first=row.first_date,
            )
            for column in range(3):
                item.setToolTip(column, tip)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.subscriptions.addTopLevelItem(item)
        if not rows:
            self.subscriptions.addTopLevelItem(
                QTreeWidgetItem([self.tr("No recurring payments found yet")])
            )

    def _on_tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.subscriptions and self._subscriptions_stale:
            self._read_subscriptions()

    def _read_subscriptions(self) -> None:
        self._subscriptions_stale = False
        self.subscriptions.clear()
        self.subscriptions.addTopLevelItem(QTreeWidgetItem([self.tr("Looking for them…")]))
        self._load_subscriptions(self.show_subscriptions)
