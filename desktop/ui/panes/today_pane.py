"""The Today pane: today's and tomorrow's events, due tasks, unread mail and the month's money.

Everything comes from one read (`TodayService.snapshot`). Clicking an item (or Enter
on it) emits `open_item(kind, id)` for the main window to route; ticking a task's
box completes it through the `complete_task` action.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.today import TASK_LIMIT, TodaySnapshot
from desktop.ui.messages import show_error
from desktop.ui.panes.base import Pane, PaneContext
from desktop.ui.panes.pane_format import day_name, heading, local, money, when

OVERDUE_COLOUR = "#c0392b"
KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PLATFORM_NAMES = {
    "email": "Email",
    "slack": "Slack",
    "teams": "Teams",
    "sms": "SMS",
    "other": "Other",
}


class JumpList(QTreeWidget):
    """A list whose items open with one click or with Enter.

    Signals:
        jump(QTreeWidgetItem): an item with a target was clicked or Entered.
    """

    jump = Signal(QTreeWidgetItem)

    def __init__(self, name: str, columns: int, check_column: int | None = None) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.setColumnCount(columns)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAlternatingRowColors(True)
        self.setStyleSheet("QTreeWidget::item { padding: 3px 4px; }")
        self._check_column = check_column
        self.itemClicked.connect(self._on_clicked)
        header = self.header()
        header.setStretchLastSection(False)
        for column in range(columns):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(columns - 1, QHeaderView.ResizeMode.Stretch)

    def _on_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        if column == self._check_column:
            return  # the checkbox column toggles, it does not jump
        if item.data(0, ID_ROLE) is not None:
            self.jump.emit(item)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and item is not None and item.data(0, ID_ROLE) is not None:
            self.jump.emit(item)
            return
        super().keyPressEvent(event)

    def add_placeholder(self, text: str) -> None:
        item = QTreeWidgetItem([text])
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addTopLevelItem(item)


def _item(kind: str, ident: str, texts: list[str]) -> QTreeWidgetItem:
    item = QTreeWidgetItem(texts)
    item.setData(0, KIND_ROLE, kind)
    item.setData(0, ID_ROLE, ident)
    return item


class TodayPane(Pane):
    """What the user faces today, each item one click away.

    Signals:
        open_item(str, str): the user chose an item; its kind (event: "id@YYYY-MM-DD", task, inbox,
            finance) and id (for inbox the platform, for finance the category or month).
    """

    open_item = Signal(str, str)
    area = None  # any change can touch what the day looks like

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.snapshot: TodaySnapshot | None = None

        self._title = heading(self.tr("Today"), 1.6)
        self._date = QLabel()
        self._date.setObjectName("todayDate")
        self._date.setEnabled(False)

        self.events = JumpList(self.tr("Events today and tomorrow"), 2)
        self.tasks = JumpList(self.tr("Overdue and due-today tasks"), 3, check_column=0)
        self.unread = JumpList(self.tr("Unread messages by source"), 2)
        self.budgets = JumpList(self.tr("Budgets this month"), 3)
        self.spent_label = QLabel()
        self.spent_label.setObjectName("spentLabel")
        self.spent_label.setWordWrap(True)
        self.spent_bar = QProgressBar()
        self.spent_bar.setAccessibleName(self.tr("Spending against budget this month"))
        self.spent_bar.setTextVisible(True)

        for tree in (self.events, self.tasks, self.unread, self.budgets):
            tree.jump.connect(self._on_jump)
        self.tasks.itemChanged.connect(self._on_task_checked)

        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        self.events_heading = heading(self.tr("Events"))
        self.tasks_heading = heading(self.tr("Tasks"))
        self.unread_heading = heading(self.tr("Unread messages"))
        grid.addWidget(self.events_heading, 0, 0)
        grid.addWidget(self.events, 1, 0)
        grid.addWidget(self.tasks_heading, 0, 1)
        grid.addWidget(self.tasks, 1, 1)
        grid.addWidget(self.unread_heading, 2, 0)
        grid.addWidget(self.unread, 3, 0)
        money_box = QVBoxLayout()
        money_box.addWidget(self.spent_label)
        money_box.addWidget(self.spent_bar)
        money_box.addWidget(self.budgets, 1)
        grid.addWidget(heading(self.tr("Spending this month")), 2, 1)
        grid.addLayout(money_box, 3, 1)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(3, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self._title)
        layout.addWidget(self._date)
        layout.addLayout(grid, 1)
        self.setTabOrder(self.events, self.tasks)
        self.setTabOrder(self.tasks, self.unread)
        self.setTabOrder(self.unread, self.budgets)

    # -- loading -----------------------------------------------------------------

    def reload(self) -> None:
        self.fetch(lambda services: services.today.snapshot(), self._show)

    def _show(self, snap: TodaySnapshot) -> None:
        self.snapshot = snap
        self._date.setText(f"{snap.today:%A} {snap.today.day} {snap.today:%B %Y}")
        self.events_heading.setText(self.tr("Events ({n})").format(n=len(snap.events)))
        more = "+" if len(snap.overdue) + len(snap.due_today) >= TASK_LIMIT else ""
        self.tasks_heading.setText(
            self.tr("Tasks ({overdue}{more} overdue, {today} due today)").format(
                overdue=len(snap.overdue), more=more, today=len(snap.due_today)
            )
        )
        unread = sum(count for _, count in snap.unread)
        self.unread_heading.setText(self.tr("Unread messages ({n})").format(n=unread))
        self._fill_events(snap)
        self._fill_tasks(snap)
        self._fill_unread(snap)
        self._fill_money(snap)

    def _fill_events(self, snap: TodaySnapshot) -> None:
        self.events.clear()
        for occ in snap.events:
            if isinstance(occ.start, datetime) and isinstance(occ.end, datetime):
                begin, end = local(occ.start, snap.zone), local(occ.end, snap.zone)
                label = f"{day_name(begin.date(), snap.today)} {begin:%H:%M}–{end:%H:%M}"
            else:
                label = self.tr("{day}, all day").format(day=day_name(occ.start, snap.today))
            title = occ.title + (f" · {occ.location}" if occ.location else "")
            day = (
                local(occ.start, snap.zone).date() if isinstance(occ.start, datetime) else occ.start
            )
            # The occurrence's own day: a series' id alone would open the day it began.
            ident = f"{occ.event_id}@{day.isoformat()}"
            self.events.addTopLevelItem(_item("event", ident, [label, title]))
        if not snap.events:
            self.events.add_placeholder(self.tr("Nothing on the calendar today or tomorrow"))

    def _fill_tasks(self, snap: TodaySnapshot) -> None:
        self.tasks.blockSignals(True)
        self.tasks.clear()
        overdue_colour = QBrush(QColor(OVERDUE_COLOUR))
        for overdue, tasks in ((True, snap.overdue), (False, snap.due_today)):
            for task in tasks:
                due = when(task.due, snap.zone, snap.today)
                item = _item("task", str(task.id), ["", task.title, due])
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(0, Qt.CheckState.Unchecked)
                item.setToolTip(1, self.tr("Overdue") if overdue else self.tr("Due today"))
                item.setData(0, Qt.ItemDataRole.AccessibleTextRole, self.tr("Done"))
                if overdue:
                    item.setForeground(2, overdue_colour)
                if task.priority in ("high", "urgent"):
                    font = QFont(item.font(1))
                    font.setBold(True)
                    item.setFont(1, font)
                self.tasks.addTopLevelItem(item)
        if not snap.overdue and not snap.due_today:
            self.tasks.add_placeholder(self.tr("Nothing due today"))
        self.tasks.blockSignals(False)

    def _fill_unread(self, snap: TodaySnapshot) -> None:
        self.unread.clear()
        for platform, count in snap.unread:
            name = PLATFORM_NAMES.get(platform, platform.capitalize())
            self.unread.addTopLevelItem(
                _item("inbox", platform, [name, self.tr("%n unread", "", count)])
            )
        if not snap.unread:
            self.unread.add_placeholder(self.tr("All caught up"))

    def _fill_money(self, snap: TodaySnapshot) -> None:
        month = snap.month
        budget_total = sum((b.budget for b in month.budgets), Decimal(0))
        if budget_total > 0:
            self.spent_label.setText(
                self.tr("Spent {spent} of {budget} budgeted").format(
                    spent=money(month.expenses, month.currency),
                    budget=money(budget_total, month.currency),
                )
            )
            self.spent_bar.setVisible(True)
            self._set_bar(self.spent_bar, month.expenses, budget_total)
        else:
            self.spent_label.setText(
                self.tr("Spent {spent} this month (no budgets set)").format(
                    spent=money(month.expenses, month.currency)
                )
            )
            self.spent_bar.setVisible(False)
        self.budgets.clear()
        for budget in month.budgets:
            item = _item(
                "finance",
                budget.category,
                [budget.category, "", f"{money(budget.spent)} / {money(budget.budget)}"],
            )
            self.budgets.addTopLevelItem(item)
            bar = QProgressBar()
            bar.setAccessibleName(self.tr("{category} budget").format(category=budget.category))
            bar.setMaximumHeight(14)
            bar.setTextVisible(False)
            self._set_bar(bar, budget.spent, budget.budget)
            self.budgets.setItemWidget(item, 1, bar)
        self.budgets.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.budgets.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        if not month.budgets:
            self.budgets.add_placeholder(self.tr("No budgets for this month"))

    @staticmethod
    def _set_bar(bar: QProgressBar, spent: Decimal, budget: Decimal) -> None:
        total = max(1, int(budget * 100))
        used = int(spent * 100)
        bar.setRange(0, total)
        bar.setValue(min(used, total))
        bar.setFormat(f"{used * 100 // total}%")
        over = used > total
        bar.setProperty("over", over)
        bar.setStyleSheet(
            f"QProgressBar::chunk {{ background: {OVERDUE_COLOUR}; }}" if over else ""
        )

    # -- reactions ---------------------------------------------------------------

    def _on_jump(self, item: QTreeWidgetItem) -> None:
        self.open_item.emit(str(item.data(0, KIND_ROLE)), str(item.data(0, ID_ROLE)))

    def _on_task_checked(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0 or item.checkState(0) != Qt.CheckState.Checked:
            return
        ident = str(item.data(0, ID_ROLE))
        self.tasks.blockSignals(True)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)  # until the reload
        self.tasks.blockSignals(False)

        def failed(exc: Exception) -> None:
            self.tasks.blockSignals(True)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEnabled)
            self.tasks.blockSignals(False)
            show_error(self, exc, self.tr("Could not complete the task"))

        self.ctx.act("complete_task", {"id": ident}, on_error=failed, initiator=self)
