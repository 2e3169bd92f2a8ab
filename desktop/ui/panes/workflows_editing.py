"""Editing in the Workflows pane: new, from a template, edit, delete, switch on and off.

The editor (workflows_editor.py) checks a definition through `check` (the file
format and each step's arguments against its action, on the database executor)
before it closes; the checked definition is saved through add_workflow (or
update_workflow). Delete asks first. Every change goes through the action catalog,
so the pane reloads from `AppEvents.changes_applied` like every other change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from desktop.services.container import Services
from desktop.ui.panes.workflows_checks import check_definition
from desktop.ui.panes.workflows_editor import OnDefinition, OnError, WorkflowEditor
from desktop.ui.panes.workflows_pane_parts import ConfirmWorkflowDelete
from desktop.ui.panes.workflows_templates_dialog import TemplatePicker

if TYPE_CHECKING:
    from desktop.ui.panes.workflows_pane import WorkflowsPane

UPDATE_ACTION = "update_workflow"


class WorkflowEditing(QObject):
    """What the pane's New…, From template…, Edit…, Delete… and Enabled box do.

    Signals:
        None.
    """

    def __init__(self, pane: WorkflowsPane) -> None:
        super().__init__(pane)
        self.pane = pane

    def check(self, definition: dict[str, Any], on_ok: OnDefinition, on_error: OnError) -> None:
        """Check a definition off the GUI thread (the editor calls it on Save)."""
        catalog = self.pane.ctx.catalog
        self.pane.ctx.read(lambda s: check_definition(s, catalog, definition), on_ok, on_error)

    def new_workflow(self, definition: dict[str, Any] | None = None, title: str = "") -> None:
        """Ask for a new workflow in the editor and add it."""
        checked = WorkflowEditor.ask(
            self.pane, self.pane.ctx.catalog, self.check, definition, title
        )
        if checked is not None:
            self.pane.act(
                "add_workflow",
                {"definition": checked},
                self.tr("Could not add the workflow"),
                lambda view: self.pane.remember(view, self.tr("Added “{name}”.")),
            )

    def from_template(self) -> None:
        """Pick a ready workflow of the gallery; adjust it in the editor; add it."""
        from desktop.services.workflow_templates import templates

        template = TemplatePicker.ask(self.pane, templates())
        if template is not None:
            self.new_workflow(
                dict(template.definition),
                self.tr("New workflow: {title}").format(title=template.title),
            )

    def edit_workflow(self) -> None:
        """Open the selected workflow in the editor; save the changes."""
        workflow = self.pane.selected()
        if workflow is None:
            return
        ident, catalog = str(workflow.id), self.pane.ctx.catalog

        def opened(detail: Any) -> None:
            checked = WorkflowEditor.ask(self.pane, catalog, self.check, dict(detail.definition))
            if checked is not None:
                self.save_workflow(ident, checked)

        self.pane.ctx.read(
            lambda s: catalog.call(s, "show_workflow", {"id": ident}).value,
            opened,
            lambda exc: self.pane.report_failure(exc, self.tr("Could not open the workflow")),
        )

    def save_workflow(self, ident: str, definition: dict[str, Any]) -> None:
        """Replace the definition of the workflow `ident` (its runs stay)."""
        failure = self.tr("Could not save the workflow")

        def saved(view: Any) -> None:
            self.pane.remember(view, self.tr("Saved “{name}”."))

        if UPDATE_ACTION in self.pane.ctx.catalog.names():
            self.pane.act(UPDATE_ACTION, {"id": ident, "definition": definition}, failure, saved)
            return
        # Until the catalog has an update action: the service's update, announced the same way.
        events = self.pane.ctx.events

        def update(services: Services) -> Any:
            outcome = services.workflows.update(ident, definition)
            events.changes_applied.emit(outcome.changes, None)
            return outcome.value

        self.pane.ctx.read(update, saved, lambda exc: self.pane.report_failure(exc, failure))

    def delete_workflow(self) -> None:
        """Delete the selected workflow (and its runs) once the user confirms."""
        workflow = self.pane.selected()
        if workflow is None:
            return
        text = self.tr("Delete the workflow “{name}” and its run history?").format(
            name=workflow.name
        )
        if ConfirmWorkflowDelete.ask(self.pane, self.tr("Delete workflow"), text):
            self.pane.act(
                "delete_workflow",
                {"id": str(workflow.id)},
                self.tr("Could not delete the workflow"),
                lambda _n: self.pane.status.setText(
                    self.tr("Deleted “{name}”.").format(name=workflow.name)
                ),
            )

    def set_enabled(self, workflow_id: str, enabled: bool) -> None:
        """Switch a workflow on or off (the Enabled box)."""
        self.pane.act(
            "enable_workflow" if enabled else "disable_workflow",
            {"id": workflow_id},
            self.tr("Could not switch the workflow on or off"),
        )
