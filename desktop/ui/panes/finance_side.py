"""The Finance pane's left column: accounts, then budgets and subscriptions in tabs.

A budget shows what was spent of what is available (its amount plus what the month
before left over, or minus what it overspent: the rollover, told in the tooltip)
and, for the month under way, the spending projected to the month's end, in red
when it would pass what is available.

Subscriptions (recurring payments found in the history) take a moment to detect on
a long history, so they are read aside, only once their tab is shown, and again
after the pane reloads while it is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.finance_insight import BudgetInsight, RecurringView
from desktop.ui.panes.finance_table import SPENDING_COLOUR
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
        # category | progress | spent / available | projected (the month under way only)
        self.budgets = finance_tree(self.tr("Budgets"), 4)
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

    def show_budgets(self, budgets: Sequence[BudgetInsight], month: date, under_way: bool) -> None:
        """Show `month`'s budgets: progress of spent against available, and when the month
        is `under_way` the projection to its end."""
        self.budgets.clear()
        for budget in budgets:
            projected = ""
            if under_way:
                projected = self.tr("projected {spent} of {available}").format(
                    spent=money(budget.projected), available=money(budget.available)
                )
            item = QTreeWidgetItem(
                [
                    budget.category,
                    "",
                    f"{money(budget.spent)} / {money(budget.available)}",
                    projected,
                ]
            )
            tip = self._budget_tip(budget, month, under_way)
            for column in range(4):
                item.setToolTip(column, tip)
            if under_way and budget.projected > budget.available:
                item.setForeground(3, QBrush(QColor(SPENDING_COLOUR)))
            self.budgets.addTopLevelItem(item)
            self.budgets.setItemWidget(item, 1, self._budget_bar(budget))
        if not budgets:
            self.budgets.addTopLevelItem(QTreeWidgetItem([self.tr("No budgets this month")]))

    def _budget_bar(self, budget: BudgetInsight) -> QProgressBar:
        bar = QProgressBar()
        bar.setAccessibleName(self.tr("{category} budget").format(category=budget.category))
        bar.setMaximumHeight(14)
        total = max(1, int(budget.available * 100))
        used = int(budget.spent * 100)
        bar.setRange(0, total)
        bar.setValue(min(used, total))
        bar.setFormat(f"{used * 100 // total}%")
        bar.setProperty("over", used > total)
        if used > total:
            bar.setStyleSheet(f"QProgressBar::chunk {{ background: {SPENDING_COLOUR}; }}")
        return bar

    def _budget_tip(self, budget: BudgetInsight, month: date, under_way: bool) -> str:
        if budget.rollover > 0:
            rolled = self.tr("+ {amount} left over from last month").format(
                amount=money(budget.rollover)
            )
        elif budget.rollover < 0:
            rolled = self.tr("− {amount} overspent last month").format(
                amount=money(-budget.rollover)
            )
        else:
            rolled = self.tr("nothing rolled over from last month")
        lines = [
            self.tr("{category}, {month}: budget {budget} {rolled} = {available} available").format(
                category=budget.category,
                month=f"{month:%B %Y}",
                budget=money(budget.budget),
                rolled=rolled,
                available=money(budget.available),
            ),
            self.tr("Spent {spent}, {remaining} left").format(
                spent=money(budget.spent), remaining=money(budget.remaining)
            ),
        ]
        if under_way:
            lines.append(
                self.tr("At this pace {projected} by the month's end").format(
                    projected=money(budget.projected)
                )
            )
        return "\n".join(lines)

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
