"""The Workflows pane: build, switch on and off, run and follow automations.

Above, the workflows (name, trigger, an Enabled box to tick, last run and its status,
runs) with New…, From template…, Edit…, Delete…, Run now and Dry run; Enter edits
the selected workflow, Delete deletes it after asking. Below (workflows_history.py),
the runs of the selected workflow and the trace of the chosen run, with Approve and
Deny for a run that waits at an outbound or destructive step. The editor
(workflows_editor.py) is a form over the trigger, the conditions and the steps.

Everything goes through the action catalog (list_workflows, show_workflow,
add_workflow, update_workflow, enable_/disable_/delete_workflow, run_workflow,
list_workflow_runs, approve_/deny_workflow_run) on the database executor; nothing
here waits on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from desktop.services.container import Services
from desktop.ui.messages import show_error
from desktop.ui.panes.base import Pane, PaneContext
from desktop.ui.panes.records_model import RecordFilter
from desktop.ui.panes.workflows_editing import WorkflowEditing
from desktop.ui.panes.workflows_format import run_summary
from desktop.ui.panes.workflows_history import RunHistory
from desktop.ui.panes.workflows_model import WorkflowListModel
from desktop.ui.panes.workflows_pane_parts import button_row, workflow_table

RUNS_SHOWN = 20


@dataclass(frozen=True)
class WorkflowsLoaded:
    """What one reload brings: the workflows and how to show times."""

    workflows: list[Any]
    zone: ZoneInfo
    today: date


class WorkflowsPane(Pane):
    """Workflows, their runs and traces.

    Signals:
        run_done(object): a run started here ended (its WorkflowRunView).
        approval_done(object): an approval or a denial was carried out (the run's view).
        runs_shown(): the history of the selected workflow is on screen.
    """

    run_done = Signal(object)
    approval_done = Signal(object)
    runs_shown = Signal()
    area = "workflows"

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.zone = ZoneInfo("UTC")
        self.today = date.today()
        self._keep_run: str | None = None
        self._want: str | None = None  # the workflow to select once the reload shows it
        self.model = WorkflowListModel(lambda: (self.zone, self.today), self)
        self.proxy = RecordFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = workflow_table(self.proxy)
        self.history = RunHistory()
        self.status = QLabel()
        self.status.setObjectName("workflowsStatus")
        self.status.setWordWrap(True)
        buttons, self.buttons = button_row(self)
        self.new_button, self.template_button = buttons["new"], buttons["template"]
        self.edit_button, self.delete_button = buttons["edit"], buttons["delete"]
        self.run_button, self.dry_run_button = buttons["run"], buttons["dry_run"]
        self.editing = WorkflowEditing(self)
        self._build_layout()
        self._connect()
        self._update_buttons()

    def _build_layout(self) -> None:
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.history)
        split.setChildrenCollapsible(False)
        split.setSizes([300, 360])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(self.buttons)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

    def _connect(self) -> None:
        editing = self.editing
        self.new_button.clicked.connect(lambda: editing.new_workflow())
        self.template_button.clicked.connect(editing.from_template)
        self.edit_button.clicked.connect(editing.edit_workflow)
        self.delete_button.clicked.connect(editing.delete_workflow)
        self.run_button.clicked.connect(lambda: self.run_workflow(dry_run=False))
        self.dry_run_button.clicked.connect(lambda: self.run_workflow(dry_run=True))
        self.table.doubleClicked.connect(lambda _index: editing.edit_workflow())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.model.toggle_requested.connect(editing.set_enabled)
        self.history.approve_requested.connect(lambda run: self._decide(run, approve=True))
        self.history.deny_requested.connect(lambda run: self._decide(run, approve=False))
        for key, slot in (
            (Qt.Key.Key_Return, editing.edit_workflow),
            (Qt.Key.Key_Enter, editing.edit_workflow),
            (QKeySequence.StandardKey.Delete, editing.delete_workflow),
        ):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    # -- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        catalog = self.ctx.catalog

        def load(services: Services) -> WorkflowsLoaded:
            workflows = catalog.call(services, "list_workflows", {}).value
            return WorkflowsLoaded(list(workflows), services.ctx.zone, services.ctx.today())

        self.fetch(load, self._show)

    def _show(self, loaded: WorkflowsLoaded) -> None:
        self.zone, self.today = loaded.zone, loaded.today
        keep = self.selected_id()
        if self._want is not None and any(str(w.id) == self._want for w in loaded.workflows):
            keep, self._want = self._want, None
        self.model.set_records(loaded.workflows)
        self.proxy.sort(0, Qt.SortOrder.AscendingOrder)
        self.select(keep)
        self._update_buttons()
        self.load_runs()

    def selected(self) -> Any | None:
        """The selected workflow's view, or None."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record_at(self.proxy.mapToSource(index).row())

    def selected_id(self) -> str | None:
        workflow = self.selected()
        return str(workflow.id) if workflow is not None else None

    def select(self, workflow_id: str | None) -> None:
        """Make the workflow `workflow_id` current (else the first one)."""
        row = self.model.row_of(workflow_id) if workflow_id else -1
        if row < 0 and self.model.rowCount() > 0:
            row = self.proxy.mapToSource(self.proxy.index(0, 0)).row()
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _selection_changed(self) -> None:
        self._update_buttons()
        self._keep_run = None
        self.load_runs()

    def _update_buttons(self) -> None:
        has_one = self.selected() is not None
        for button in (self.edit_button, self.delete_button, self.run_button, self.dry_run_button):
            button.setEnabled(has_one)

    def load_runs(self) -> None:
        """Show the runs of the selected workflow (and keep the chosen run)."""
        workflow, catalog = self.selected(), self.ctx.catalog
        if workflow is None:
            self.history.set_runs(None, [], self.zone, self.today)
            self.runs_shown.emit()
            return
        ident, name, keep = str(workflow.id), workflow.name, self._keep_run

        def load(services: Services) -> list[Any]:
            args = {"id": ident, "limit": RUNS_SHOWN}
            return list(catalog.call(services, "list_workflow_runs", args).value)

        def show(runs: list[Any]) -> None:
            if self.selected_id() != ident:
                return  # another workflow was chosen meanwhile
            self.history.set_runs(name, runs, self.zone, self.today, keep)
            self.runs_shown.emit()

        self.ctx.read(
            load, show, lambda exc: self.report_failure(exc, self.tr("Could not load the runs"))
        )

    def remember(self, view: Any, text: str) -> None:
        """Say what was saved and select it (now, or after the reload that shows it)."""
        self.status.setText(text.format(name=getattr(view, "name", "")))
        ident = getattr(view, "id", None)
        if ident is not None:
            self._want = str(ident)
            if self.model.row_of(ident) >= 0:
                self.select(str(ident))

    # -- running -----------------------------------------------------------------------

    def run_workflow(self, dry_run: bool = False) -> None:
        """Run the selected workflow now (a dry run changes nothing)."""
        workflow = self.selected()
        if workflow is None:
            return
        self.status.setText(
            self.tr("Dry run of “{name}”…") if dry_run else self.tr("Running “{name}”…")
        )
        self.status.setText(self.status.text().format(name=workflow.name))
        for button in (self.run_button, self.dry_run_button):
            button.setEnabled(False)
        self.act(
            "run_workflow",
            {"id": str(workflow.id), "dry_run": dry_run},
            self.tr("Could not run the workflow"),
            self._run_finished,
            self._update_buttons,
        )

    def _run_finished(self, run: Any) -> None:
        self._update_buttons()
        self._keep_run = str(run.id)
        self.status.setText(run_summary(run))
        self.load_runs()
        self.run_done.emit(run)

    def _decide(self, run: Any, *, approve: bool) -> None:
        self.history.set_busy(True)
        self._keep_run = str(run.id)

        def done(view: Any) -> None:
            self.history.set_busy(False)
            self.status.setText(run_summary(view))
            self.load_runs()
            self.approval_done.emit(view)

        def failed(exc: Exception) -> None:
            self.history.set_busy(False)
            self.report_failure(exc, self.tr("Could not carry out the decision"))

        action = "approve_workflow_run" if approve else "deny_workflow_run"
        self.ctx.act(action, {"id": str(run.id)}, done, failed)

    # -- helpers -----------------------------------------------------------------------

    def act(
        self,
        action: str,
        args: dict[str, Any],
        failure: str,
        on_done: Callable[[Any], None] | None = None,
        after_failure: Callable[[], None] | None = None,
    ) -> None:
        def failed(exc: Exception) -> None:
            if after_failure is not None:
                after_failure()
            self.report_failure(exc, failure)

        self.ctx.act(action, args, on_done, failed)

    def report_failure(self, exc: Exception, what: str) -> None:
        self.status.setText(f"{what}.")
        show_error(self, exc, what)
