"""The Agents pane: run a specialist on a prompt, approve what it may not do alone, look back.

On the left, the run box (agents_run_box.py): pick an agent, type a prompt, Ctrl+Enter,
and watch the answer stream in and the steps appear; Stop ends the run at its next
step. On the right (agents_side.py), the steps of every run that wait for the user,
with Approve, Edit… (the arguments as JSON, checked against the action's schema
before the step runs) and Deny; below, the history of runs (Enter opens one) and
each agent's performance. The heading says which model the agents use (the setting
agents.provider) with a button to Settings.

Runs go through `runtime.agent_worker.AgentWorker` (the I/O pool); reads, approvals
and denials through the database executor. Nothing here waits on either.
"""

from __future__ import annotations

import uuid
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop.runtime.agent_worker import AgentsOverview, AgentWorker, agents_overview
from desktop.services.agent_logs import AgentRunView, PendingApproval
from desktop.ui.messages import show_error
from desktop.ui.panes.agents_dialogs import EditArgumentsDialog, OnArgs, OnError
from desktop.ui.panes.agents_format import (
    FAILED_COLOUR,
    latency_text,
    provider_text,
    run_status_text,
    run_summary,
    shorten,
)
from desktop.ui.panes.agents_run_box import RunBox
from desktop.ui.panes.agents_side import ApprovalsBox, RunLists
from desktop.ui.panes.base import Pane, PaneContext
from desktop.ui.panes.pane_format import heading

PREFERENCES_ACTION = "preferencesAction"


class AgentsPane(Pane):
    """Runs, approvals, history and performance of the agents.

    Signals:
        run_finished(object): a run started here ended: its `AgentRunView`, or None
            when it failed (the message is in the run box).
        approval_done(object): an approval or a denial was carried out: the run's view.
        settings_requested(): the user asked to change the agents' model in Settings.
    """

    run_finished = Signal(object)
    approval_done = Signal(object)
    settings_requested = Signal()
    area = "agents"

    def __init__(
        self, ctx: PaneContext, parent: QWidget | None = None, *, worker: AgentWorker | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.worker = worker or AgentWorker(ctx.runner, ctx.services, ctx.events, parent=self)
        self.zone = ZoneInfo("UTC")
        self.today = date.today()
        self.shown_run: uuid.UUID | None = None  # the run the run box shows, once logged

        self.provider_label = QLabel()
        self.provider_label.setObjectName("agentsProvider")
        self.provider_label.setAccessibleName(self.tr("Model the agents use"))
        self.settings_button = QPushButton(self.tr("Change in Se&ttings…"))
        self.settings_button.setFlat(True)
        self.settings_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.settings_button.setAccessibleName(self.tr("Change the agents' model in Settings"))
        self.run_box = RunBox()
        self.approvals = ApprovalsBox()
        self.lists = RunLists()
        self._build_layout()
        self._connect()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Agents"), 1.6))
        top.addStretch(1)
        top.addWidget(self.provider_label)
        top.addWidget(self.settings_button)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.approvals)
        right.addWidget(self.lists)
        right.setChildrenCollapsible(False)
        right.setSizes([220, 380])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.run_box)
        split.addWidget(right)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        box, side = self.run_box, self.approvals
        for first, second in (
            (box.steps, side.table),
            (side.deny_button, self.lists),
            (self.lists, self.lists.history),
            (self.lists.history, self.settings_button),
        ):
            self.setTabOrder(first, second)

    def _connect(self) -> None:
        box, worker = self.run_box, self.worker
        box.run_requested.connect(self.run)
        box.stop_requested.connect(self.stop)
        worker.running_changed.connect(box.set_running)
        worker.text_arrived.connect(box.append_text)
        worker.step_done.connect(box.add_step)
        worker.finished.connect(self._run_done)
        worker.failed.connect(self._run_failed)
        self.approvals.approve_requested.connect(self.approve)
        self.approvals.edit_requested.connect(self.edit_and_approve)
        self.approvals.deny_requested.connect(self.deny)
        self.lists.run_opened.connect(self.open_run)
        self.settings_button.clicked.connect(self.open_settings)

    # -- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        factory = self.worker.service_factory
        self.fetch(lambda services: agents_overview(services, factory), self._show)

    def _show(self, overview: AgentsOverview) -> None:
        self.zone, self.today = overview.zone, overview.today
        self.run_box.set_agents(overview.agents)
        self.provider_label.setText(
            self.tr("Model: {model}").format(
                model=provider_text(overview.provider, overview.model, overview.base_url)
            )
        )
        self.approvals.set_pending(overview.pending)
        self.lists.set_runs(overview.runs, overview.zone, overview.today)
        self.lists.set_stats(overview.stats)

    # -- running -----------------------------------------------------------------------

    def run(self, agent: str, prompt: str) -> None:
        """Start `agent` on `prompt` (the run box asks; tests may call it directly)."""
        if self.worker.running:
            self.run_box.status.setText(self.tr("An agent is running; stop it or wait."))
            return
        self.run_box.choose_agent(agent)
        self.shown_run = None
        title = f"{self.run_box.agent_combo.currentText()} · “{shorten(prompt, 80)}”"
        self.run_box.begin(title)
        self._set_status_colour(None)
        self.worker.run(agent, prompt)

    def stop(self) -> None:
        """Stop the running agent before its next model or tool call."""
        if self.worker.running:
            self.worker.cancel()
            self.run_box.status.setText(self.tr("Stopping after the current step…"))

    def _run_done(self, view: AgentRunView) -> None:
        self.shown_run = view.run_id
        self.run_box.show_result(self._summary(view), view.output, view.steps)
        if view.pending:
            status = self.tr("{n} step(s) wait for your approval, on the right.").format(
                n=view.pending
            )
        else:
            status = self.tr("{status} in {time}").format(
                status=run_status_text(view.status).capitalize(),
                time=latency_text(view.latency_ms),
            )
        self.run_box.status.setText(status)
        self._set_status_colour(FAILED_COLOUR if view.status in ("error", "step_limit") else None)
        self.run_finished.emit(view)

    def _run_failed(self, message: str) -> None:
        self.run_box.status.setText(self.tr("The run failed: {message}").format(message=message))
        self._set_status_colour(FAILED_COLOUR)
        self.run_box.append_text(("\n\n" if self.run_box.output.toPlainText() else "") + message)
        self.run_finished.emit(None)

    def _set_status_colour(self, colour: str | None) -> None:
        self.run_box.status.setStyleSheet(f"color: {colour}" if colour else "")

    def _summary(self, view: AgentRunView) -> str:
        return run_summary(view, self.zone, self.today)

    def open_run(self, view: AgentRunView) -> None:
        """Show a run of the history (its steps and output) in the run box."""
        if self.worker.running:
            self.run_box.status.setText(
                self.tr("An agent is running; open the run once it has finished.")
            )
            return
        self.shown_run = view.run_id
        self.run_box.show_run(
            f"“{shorten(view.prompt, 80)}” · {self._summary(view)}", view.output, view.steps
        )
        self.run_box.status.setText(view.error or "")
        self._set_status_colour(FAILED_COLOUR if view.error else None)

    # -- approvals ---------------------------------------------------------------------

    def approve(self, item: PendingApproval, args: dict[str, object] | None = None) -> None:
        """Run the waiting step `item` (with edited `args` when given)."""
        self.approvals.set_busy(True)
        number = item.step.number
        self.worker.approve(
            item.run_id,
            number,
            args,
            lambda view: self._approval_done(view, number),
            self._approval_failed,
        )

    def edit_and_approve(self, item: PendingApproval) -> None:
        """Let the user edit the step's arguments; approve with them once they pass."""
        tool = item.step.tool

        def check(args: dict[str, object], on_ok: OnArgs, on_error: OnError) -> None:
            self.worker.check_args(tool, args, on_ok, on_error)

        edited = EditArgumentsDialog.ask(self, tool, dict(item.step.args), check)
        if edited is not None:
            self.approve(item, edited)

    def deny(self, item: PendingApproval) -> None:
        """Refuse the waiting step `item`: it never runs."""
        self.approvals.set_busy(True)
        number = item.step.number
        self.worker.deny(
            item.run_id,
            number,
            lambda view: self._approval_done(view, number),
            self._approval_failed,
        )

    def _approval_done(self, view: AgentRunView, number: int) -> None:
        self.approvals.set_busy(False)
        if self.shown_run == view.run_id and not self.worker.running:
            self.run_box.show_result(self._summary(view), view.output, view.steps)
        step = next((s for s in view.steps if s.number == number), None)
        if step is not None and step.status == "error" and not self.worker.running:
            self.run_box.status.setText(
                self.tr("Approved, but {tool} failed: {error}").format(
                    tool=step.tool, error=step.error or ""
                )
            )
            self._set_status_colour(FAILED_COLOUR)
        self.approval_done.emit(view)

    def _approval_failed(self, exc: Exception) -> None:
        self.approvals.set_busy(False)
        show_error(self, exc, self.tr("Could not carry out the approval"))

    # -- settings ----------------------------------------------------------------------

    def open_settings(self) -> None:
        """Open the Settings dialog (the window's Preferences action), then show the model."""
        self.settings_requested.emit()
        action = self.window().findChild(QAction, PREFERENCES_ACTION)
        if action is not None:
            action.trigger()
            self.reload()
