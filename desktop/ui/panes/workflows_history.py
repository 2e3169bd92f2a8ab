"""The run history of the Workflows pane: a workflow's runs and the trace of the chosen one.

Above, the runs (newest first: when, status, dry or real, what triggered it, how many
steps); below, the chosen run's trace, one row per step (status, action, arguments,
result or error, time), with the run's error under it. A run waiting at an outbound
or destructive step shows Approve and Deny.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.panes.pane_format import heading
from desktop.ui.panes.records_model import RecordTableModel
from desktop.ui.panes.workflows_format import (
    FAILED_COLOUR,
    WAITING_COLOUR,
    run_columns,
    run_status_text,
    step_number,
    step_target,
    tr,
    trace_columns,
)


def _table(name: str) -> QTreeView:
    view = QTreeView()
    view.setAccessibleName(name)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view


class RunHistory(QWidget):
    """The runs of one workflow and the trace of the chosen run.

    Signals:
        approve_requested(object): Approve was pressed for this run (a WorkflowRunView).
        deny_requested(object): Deny was pressed for this run.
        run_chosen(object): another run (or None) is shown.
    """

    approve_requested = Signal(object)
    deny_requested = Signal(object)
    run_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = ZoneInfo("UTC")
        self.today = date.today()
        self.title = heading(tr("Runs"))
        self.runs_model: RecordTableModel[Any] = RecordTableModel(
            run_columns(lambda: (self.zone, self.today)), self
        )
        self.trace_model: RecordTableModel[dict[str, Any]] = RecordTableModel(trace_columns(), self)
        self.runs_view = _table(tr("Runs of the workflow"))
        self.runs_view.setObjectName("workflowRuns")
        self.runs_view.setModel(self.runs_model)
        self.trace_view = _table(tr("Steps of the run"))
        self.trace_view.setObjectName("workflowTrace")
        self.trace_view.setModel(self.trace_model)
        header = self.trace_view.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((44, 130, 110, 220, 200, 60)):
            self.trace_view.setColumnWidth(column, width)
        for column, width in enumerate((118, 110, 60, 80, 40)):
            self.runs_view.setColumnWidth(column, width)
        self.run_info = QLabel()
        self.run_info.setObjectName("workflowRunInfo")
        self.run_info.setWordWrap(True)
        self.run_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.approve_button = QPushButton(tr("&Approve"))
        self.approve_button.setAccessibleName(tr("Approve the waiting step and go on"))
        self.deny_button = QPushButton(tr("De&ny"))
        self.deny_button.setAccessibleName(tr("Deny the waiting step and stop the run"))
        self._build_layout()
        self.runs_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.approve_button.clicked.connect(self._approve)
        self.deny_button.clicked.connect(self._deny)
        self._show_current()

    def _build_layout(self) -> None:
        runs_box = QWidget()
        runs_layout = QVBoxLayout(runs_box)
        runs_layout.setContentsMargins(0, 0, 0, 0)
        runs_layout.addWidget(self.title)
        runs_layout.addWidget(self.runs_view, 1)
        trace_box = QWidget()
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_info, 1)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.deny_button)
        trace_layout = QVBoxLayout(trace_box)
        trace_layout.setContentsMargins(0, 0, 0, 0)
        trace_layout.addWidget(heading(tr("Trace")))
        trace_layout.addWidget(self.trace_view, 1)
        trace_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(runs_box)
        split.addWidget(trace_box)
        split.setChildrenCollapsible(False)
        split.setSizes([400, 780])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    # -- content -----------------------------------------------------------------------

    def set_runs(
        self,
        name: str | None,
        runs: list[Any],
        zone: ZoneInfo,
        today: date,
        keep: str | None = None,
    ) -> None:
        """Show the runs of the workflow `name`; choose the run `keep` (else the newest)."""
        self.zone, self.today = zone, today
        self.title.setText(tr("Runs of “{name}”").format(name=name) if name else tr("Runs"))
        self.runs_model.set_records(runs)
        row = self.runs_model.row_of(keep) if keep else -1
        if row < 0 and runs:
            row = 0
        if row >= 0:
            self.runs_view.selectionModel().setCurrentIndex(
                self.runs_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_current()

    def current_run(self) -> Any | None:
        index = self.runs_view.currentIndex()
        return self.runs_model.record_at(index.row()) if index.isValid() else None

    def set_busy(self, busy: bool) -> None:
        run = self.current_run()
        waiting = run is not None and run.status == "pending_approval" and not run.dry_run
        for button in (self.approve_button, self.deny_button):
            button.setEnabled(waiting and not busy)

    def _show_current(self) -> None:
        run = self.current_run()
        self.trace_model.set_records(list(run.trace or ()) if run is not None else [])
        waiting = run is not None and run.status == "pending_approval" and not run.dry_run
        for button in (self.approve_button, self.deny_button):
            button.setVisible(waiting)
            button.setEnabled(waiting)
        self.run_info.setText(self._info(run))
        colour = None
        if run is not None and run.status == "failed":
            colour = FAILED_COLOUR
        elif waiting:
            colour = WAITING_COLOUR
        self.run_info.setStyleSheet(f"color: {colour}" if colour else "")
        self.run_chosen.emit(run)

    def _info(self, run: Any | None) -> str:
        if run is None:
            return tr("No run yet: Run now or Dry run.") if self.runs_model.rowCount() == 0 else ""
        parts = [run_status_text(run.status).capitalize()]
        if run.dry_run:
            parts.append(tr("a dry run: nothing was changed"))
        waiting = run.pending_step if run.status == "pending_approval" else None
        if waiting is not None and not run.dry_run:
            parts[0] = tr("Step {step} ({action}) waits for your approval").format(
                step=step_number(waiting), action=step_target(waiting)
            )
        if run.error:
            parts.append(str(run.error))
        return " · ".join(parts)

    def _approve(self) -> None:
        run = self.current_run()
        if run is not None:
            self.approve_requested.emit(run)

    def _deny(self) -> None:
        run = self.current_run()
        if run is not None:
            self.deny_requested.emit(run)
