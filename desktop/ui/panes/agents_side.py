"""The right side of the Agents pane: approvals waiting, the history of runs, per-agent figures.

`ApprovalsBox` lists the steps of every run that wait for the user (outbound and
destructive actions, and writes when the setting asks) with Approve, Edit… and Deny.
`RunLists` holds two tabs: the history of runs, newest first (Enter or a double
click opens one), and the performance of each agent.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.agent_logs import AgentRunView, AgentStats, PendingApproval
from desktop.ui.panes.agents_format import (
    approval_columns,
    history_columns,
    stats_columns,
)
from desktop.ui.panes.agents_run_box import table_view
from desktop.ui.panes.pane_format import heading
from desktop.ui.panes.records_model import RecordTableModel


class ApprovalsBox(QWidget):
    """The queue of steps waiting for approval, across runs.

    Signals:
        approve_requested(object): Approve on a `PendingApproval`.
        edit_requested(object): Edit… on a `PendingApproval`.
        deny_requested(object): Deny on a `PendingApproval`.
    """

    approve_requested = Signal(object)
    edit_requested = Signal(object)
    deny_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading(self.tr("Waiting for approval"))
        self.model: RecordTableModel[PendingApproval] = RecordTableModel(approval_columns(), self)
        self.table = table_view(self.model, self.tr("Steps waiting for approval"), stretch=(3,))
        self.empty = QLabel(self.tr("Nothing waits for your approval."))
        self.empty.setEnabled(False)
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.approve_button.setAccessibleName(self.tr("Approve the selected step"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit the arguments, then approve"))
        self.deny_button = QPushButton(self.tr("&Deny"))
        self.deny_button.setAccessibleName(self.tr("Deny the selected step"))
        buttons = QHBoxLayout()
        for button in (self.approve_button, self.edit_button, self.deny_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.setTabOrder(self.table, self.approve_button)
        self.setTabOrder(self.approve_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.deny_button)
        self.approve_button.clicked.connect(lambda: self._emit(self.approve_requested))
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.deny_button.clicked.connect(lambda: self._emit(self.deny_requested))
        self.table.selectionModel().currentChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_pending(self, pending: Sequence[PendingApproval]) -> None:
        """Show `pending`, keeping the selected step when it still waits."""
        keep = self.current()
        self.model.set_records(list(pending))
        row = 0
        if keep is not None:
            for index, item in enumerate(pending):
                if (item.run_id, item.step.number) == (keep.run_id, keep.step.number):
                    row = index
        if pending:
            self.table.setCurrentIndex(self.model.index(row, 0))
        count = len(pending)
        self.title.setText(
            self.tr("Waiting for approval ({n})").format(n=count)
            if count
            else self.tr("Waiting for approval")
        )
        self.empty.setVisible(not count)
        self._update_buttons()

    def current(self) -> PendingApproval | None:
        index = self.table.currentIndex()
        return self.model.record_at(index.row()) if index.isValid() else None

    def set_busy(self, busy: bool) -> None:
        """While an approval is being carried out, no other is started."""
        self.setProperty("busy", busy)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        usable = self.current() is not None and not self.property("busy")
        for button in (self.approve_button, self.edit_button, self.deny_button):
            button.setEnabled(usable)

    def _emit(self, signal: SignalInstance) -> None:
        item = self.current()
        if item is not None and not self.property("busy"):
            signal.emit(item)


class RunLists(QTabWidget):
    """The history of runs and each agent's performance, as two tabs.

    Signals:
        run_opened(object): a run of the history was opened (its `AgentRunView`).
    """

    run_opened = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history_model: RecordTableModel[AgentRunView] = RecordTableModel(
            history_columns(ZoneInfo("UTC"), date.today()), self
        )
        self.history = table_view(self.history_model, self.tr("History of runs"), stretch=(2,))
        self.stats_model: RecordTableModel[AgentStats] = RecordTableModel(stats_columns(), self)
        self.stats = table_view(self.stats_model, self.tr("Performance of each agent"))
        self.addTab(self.history, self.tr("&History"))
        self.addTab(self.stats, self.tr("&Performance"))
        self.setAccessibleName(self.tr("History and performance"))
        self.history.activated.connect(self._open)
        self.history.installEventFilter(self)

    def set_runs(self, runs: Sequence[AgentRunView], zone: ZoneInfo, today: date) -> None:
        """Show `runs` (newest first) with times in `zone`; the selected run stays selected."""
        keep = self.current_run()
        self.history_model.columns = tuple(history_columns(zone, today))
        self.history_model.set_records(list(runs))
        if keep is not None:
            row = self._row_of(keep)
            if row >= 0:
                self.history.setCurrentIndex(self.history_model.index(row, 0))

    def set_stats(self, stats: Sequence[AgentStats]) -> None:
        self.stats_model.set_records(list(stats))

    def current_run(self) -> AgentRunView | None:
        index = self.history.currentIndex()
        return self.history_model.record_at(index.row()) if index.isValid() else None

    def _row_of(self, run: AgentRunView) -> int:
        for row, other in enumerate(self.history_model.records()):
            if other.run_id == run.run_id:
                return row
        return -1

    def _open(self, index: QModelIndex) -> None:
        run = self.history_model.record_at(index.row()) if index.isValid() else None
        if run is not None:
            self.run_opened.emit(run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter opens a run on every platform (`activated` needs it on some styles only).
        if (
            watched is self.history
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._open(self.history.currentIndex())
            return True
        return super().eventFilter(watched, event)
