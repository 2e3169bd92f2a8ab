"""Plan focus time (Edit › Plan focus time…): the scheduler's proposal, to approve or not.

The dialog shows the focus blocks the planner proposes for open tasks with
estimates over a range of days, what could not be placed and why, and applies
the plan only when the user says so. While it is open it plans again whenever
tasks or the calendar change, so what it shows is never stale.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes
from desktop.core.planner import duration_text
from desktop.services.container import Services
from desktop.ui.messages import show_error
from desktop.ui.panes.base import PaneContext

REPLAN_DELAY_MS = 400
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
DEFAULT_DAYS = 14


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class PlanDialog(QDialog):
    """Shows a plan; Apply writes its blocks into the calendar.

    Signals:
        planned(object): a fresh plan is on screen (a PlanView).
        applied(object): the plan was applied (the PlanView with `applied` set).
    """

    planned = Signal(object)
    applied = Signal(object)

    def __init__(self, ctx: PaneContext, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Plan focus time"))
        self.setObjectName("planDialog")
        self.resize(720, 460)
        self.plan: Any = None
        self._asked = 0

        self.first = QDateEdit(_qdate(today))
        self.last = QDateEdit(_qdate(today + timedelta(days=DEFAULT_DAYS - 1)))
        for edit, name in ((self.first, self.tr("From")), (self.last, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("ddd d MMM yyyy")
            edit.setAccessibleName(name)
            edit.dateChanged.connect(lambda _d: self.replan_soon())
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Day"), self.tr("Time"), self.tr("Length"), self.tr("Task")]
        )
        self.table.setAccessibleName(self.tr("Proposed focus blocks"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setObjectName("planNotes")
        self.status = QLabel()
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setEnabled(False)
        self.apply_button.setDefault(True)
        close = QPushButton(self.tr("Close"))

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("From")))
        top.addWidget(self.first)
        top.addWidget(QLabel(self.tr("to")))
        top.addWidget(self.last)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)
        bottom.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REPLAN_DELAY_MS)
        self._timer.timeout.connect(self.replan)
        self.apply_button.clicked.connect(self.apply)
        close.clicked.connect(self.reject)
        ctx.events.changes_applied.connect(self._on_changes)

    def range_args(self) -> dict[str, str]:
        return {
            "from": _date(self.first.date()).isoformat(),
            "to": _date(self.last.date()).isoformat(),
        }

    def replan_soon(self) -> None:
        self._timer.start()

    def replan(self) -> None:
        """Ask the planner again (off the GUI thread); older answers are dropped."""
        self._asked += 1
        asked, args, catalog = self._asked, self.range_args(), self.ctx.catalog
        self.status.setText(self.tr("Planning…"))
        self.apply_button.setEnabled(False)

        def plan(services: Services) -> Any:
            return catalog.call(services, "plan_schedule", args).value

        def shown(view: Any) -> None:
            if shiboken6.isValid(self) and asked == self._asked:
                self._show(view)

        def failed(exc: Exception) -> None:
            if shiboken6.isValid(self) and asked == self._asked:
                self.status.setText(str(exc))

        self.ctx.read(plan, shown, failed)

    def apply(self) -> None:
        self.apply_button.setEnabled(False)

        def done(view: Any) -> None:
            if not shiboken6.isValid(self):  # closed while applying: the blocks are written
                return
            self._show(view)
            applied = view.applied
            self.status.setText(
                self.tr("Applied: {n} block(s) added, {k} kept, {r} removed.").format(
                    n=applied.created, k=applied.kept, r=applied.removed
                )
            )
            self.applied.emit(view)

        def failed(exc: Exception) -> None:
            if not shiboken6.isValid(self):
                return
            show_error(self, exc)
            self.replan()

        self._asked += 1  # a plan asked for before this must not overwrite the result
        # Apply exactly the plan on screen: refused (and planned again) if it changed since.
        args = {**self.range_args(), "expected": self.plan.fingerprint} if self.plan else {}
        self.ctx.act("apply_schedule", args or self.range_args(), done, failed, initiator=self)

    def _show(self, view: Any) -> None:
        self.plan = view
        self.table.setRowCount(len(view.blocks))
        for row, block in enumerate(view.blocks):
            title = block.title + (f" ({block.part}/{block.parts})" if block.parts > 1 else "")
            cells = (
                f"{block.start:%a %d %b}",
                f"{block.start:%H:%M}–{block.end:%H:%M}",
                duration_text(block.minutes),
                title,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        lines = [f"Not placed: {u.title} — {u.reason}" for u in view.unplaced]
        lines += list(view.notes)
        self.notes.setText("\n".join(lines))
        self.status.setText(
            self.tr("{n} focus block(s) proposed.").format(n=len(view.blocks))
            if view.blocks
            else self.tr("Nothing to plan: no open task with an estimate fits.")
        )
        self.apply_button.setEnabled(bool(view.blocks))
        self.planned.emit(view)

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        if initiator is self or not self.isVisible():
            return
        if changes.tasks or changes.calendar:
            self.replan_soon()


def open_plan(ctx: PaneContext, parent: QWidget) -> None:
    """Show the plan dialog from today on (today read off the GUI thread) and plan."""

    def show(today: date) -> None:
        dialog = PlanDialog(ctx, today, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.replan()

    ctx.read(lambda services: services.ctx.today(), show, lambda exc: show_error(parent, exc))
