"""The workflow editor: a form for a workflow's name, trigger, conditions and steps.

Three tabs (Trigger, Conditions, Steps) under the name, description and the
"trusted" switch; "Advanced: edit as JSON" swaps the tabs for the definition as
JSON text and back. OK checks the definition (the file format, then each step's
arguments against its action, off the GUI thread through the `check` callable the
pane gives) and closes only when it passes; a problem is shown next to the part it
names, with its path, and nothing typed is lost.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.runtime.task_runner import describe_error
from desktop.services.actions.registry import ActionCatalog
from desktop.ui.panes.workflows_checks import parse_json_definition, split_problem, step_of
from desktop.ui.panes.workflows_conditions import ConditionsForm
from desktop.ui.panes.workflows_format import FAILED_COLOUR, tr
from desktop.ui.panes.workflows_params import PROBLEM_STYLE
from desktop.ui.panes.workflows_steps import StepsForm
from desktop.ui.panes.workflows_trigger import TriggerForm

OnDefinition = Callable[[dict[str, Any]], None]
OnError = Callable[[Exception], None]
DefinitionCheck = Callable[[dict[str, Any], OnDefinition, OnError], None]

NEW_WORKFLOW: dict[str, Any] = {
    "name": "",
    "description": "",
    "enabled": True,
    "trusted": False,
    "trigger": {"kind": "manual"},
    "conditions": {"mode": "all", "items": []},
    "steps": [],
}
TRIGGER_TAB, CONDITIONS_TAB, STEPS_TAB = range(3)


class WorkflowEditor(QDialog):
    """Edits one workflow definition; `result_value` is the checked definition after OK.

    Signals:
        None (QDialog's own).
    """

    def __init__(
        self,
        catalog: ActionCatalog,
        check: DefinitionCheck,
        definition: dict[str, Any] | None = None,
        parent: QWidget | None = None,
        *,
        title: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workflowEditor")
        self.check = check
        self.result_value: dict[str, Any] | None = None
        self.base: dict[str, Any] = dict(definition or NEW_WORKFLOW)
        self.setWindowTitle(title or (tr("Edit workflow") if definition else tr("New workflow")))

        self.name = QLineEdit()
        self.name.setObjectName("workflowName")
        self.name.setAccessibleName(tr("Workflow name"))
        self.name.setPlaceholderText(tr("e.g. Reply to VIPs"))
        self.description = QLineEdit()
        self.description.setObjectName("workflowDescription")
        self.description.setAccessibleName(tr("Description"))
        self.trusted = QCheckBox(tr("&Trusted: outbound and destructive steps run without asking"))
        self.trusted.setObjectName("workflowTrusted")
        self.enabled = QCheckBox(tr("&Enabled"))
        self.enabled.setObjectName("workflowEnabled")
        self.name_problem = QLabel()
        self.name_problem.setStyleSheet(f"color: {FAILED_COLOUR}")
        self.name_problem.hide()

        self.trigger_form = TriggerForm()
        self.conditions_form = ConditionsForm()
        self.steps_form = StepsForm(catalog)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.trigger_form, tr("T&rigger"))
        self.tabs.addTab(self.conditions_form, tr("C&onditions"))
        self.tabs.addTab(self.steps_form, tr("Ste&ps"))
        self.json_edit = QPlainTextEdit()
        self.json_edit.setObjectName("workflowJson")
        self.json_edit.setAccessibleName(tr("The workflow as JSON"))
        self.json_edit.setTabChangesFocus(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.tabs)
        self.pages.addWidget(self.json_edit)
        self.advanced = QCheckBox(tr("Advanced: edit as &JSON"))
        self.advanced.setObjectName("workflowAdvanced")
        self.problem = QLabel()
        self.problem.setObjectName("workflowProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {FAILED_COLOUR}")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Save"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.advanced.toggled.connect(self._toggle_json)

        form = QFormLayout()
        form.addRow(tr("&Name"), self.name)
        form.addRow("", self.name_problem)
        form.addRow(tr("&Description"), self.description)
        form.addRow("", self.trusted)
        form.addRow("", self.enabled)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.advanced)
        layout.addWidget(self.buttons)
        self.set_definition(self.base)
        self.resize(820, 600)
        self.name.setFocus()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        catalog: ActionCatalog,
        check: DefinitionCheck,
        definition: dict[str, Any] | None = None,
        title: str = "",
    ) -> dict[str, Any] | None:
        """The checked definition, or None when the user cancelled."""
        dialog = cls(catalog, check, definition, parent, title=title)
        try:
            dialog.exec()
            return dialog.result_value
        finally:
            dialog.deleteLater()

    # -- the definition ----------------------------------------------------------------

    def set_definition(self, definition: dict[str, Any]) -> None:
        """Show `definition` (a dict of the workflow file format) in the form."""
        self.base = dict(definition)
        self.name.setText(str(definition.get("name") or ""))
        self.description.setText(str(definition.get("description") or ""))
        self.trusted.setChecked(bool(definition.get("trusted", False)))
        self.enabled.setChecked(bool(definition.get("enabled", True)))
        self.trigger_form.set_trigger(dict(definition.get("trigger") or {"kind": "manual"}))
        conditions = definition.get("conditions")
        if isinstance(conditions, list):  # a bare list of conditions: all must hold
            conditions = {"mode": "all", "items": conditions}
        self.conditions_form.set_conditions(conditions)
        self.steps_form.set_steps(list(definition.get("steps") or []))

    def definition(self) -> dict[str, Any]:
        """The definition the form (or, in the JSON view, the text) describes.

        Raises ValueError when the JSON text is not a JSON object."""
        if self.advanced.isChecked():
            return self._json_definition()
        out = dict(self.base)
        out.update(
            name=self.name.text().strip(),
            description=self.description.text().strip(),
            trusted=self.trusted.isChecked(),
            enabled=self.enabled.isChecked(),
            trigger=self.trigger_form.trigger(),
            conditions=self.conditions_form.conditions(),
            steps=self.steps_form.value(),
        )
        return out

    def _json_definition(self) -> dict[str, Any]:
        return parse_json_definition(self.json_edit.toPlainText())

    def _toggle_json(self, on: bool) -> None:
        self.clear_problems()
        if on:
            self.json_edit.setPlainText(
                json.dumps(self._form_definition(), ensure_ascii=False, indent=2)
            )
            self.pages.setCurrentWidget(self.json_edit)
            self.json_edit.setFocus()
            return
        try:
            definition = self._json_definition()
        except ValueError as exc:
            self.advanced.blockSignals(True)
            self.advanced.setChecked(True)
            self.advanced.blockSignals(False)
            self._show_problem(tr("Not valid JSON: {problem}").format(problem=exc))
            return
        self.set_definition(definition)
        self.pages.setCurrentWidget(self.tabs)

    def _form_definition(self) -> dict[str, Any]:
        checked = self.advanced.isChecked()
        self.advanced.blockSignals(True)
        self.advanced.setChecked(False)
        try:
            return self.definition()
        finally:
            self.advanced.setChecked(checked)
            self.advanced.blockSignals(False)

    # -- OK ----------------------------------------------------------------------------

    def accept(self) -> None:
        """Check the definition; close only when it passes."""
        self.clear_problems()
        try:
            definition = self.definition()
        except ValueError as exc:
            self._show_problem(tr("Not valid JSON: {problem}").format(problem=exc))
            return
        self._set_busy(True)
        self.check(definition, self._passed, self._failed)

    def _passed(self, definition: dict[str, Any]) -> None:
        self._set_busy(False)
        self.result_value = definition
        super().accept()

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.show_problem(describe_error(exc))

    def show_problem(self, message: str) -> None:
        """Show a problem next to the part its path names (all of it in the JSON view)."""
        path, words = split_problem(message)
        if self.advanced.isChecked() or not path:
            self._show_problem(message)
            return
        root = path.split(".")[0].split("[")[0]
        step = step_of(path)
        if root in ("name", "description"):
            self.name_problem.setText(f"{path}: {words}")
            self.name_problem.show()
            field = self.name if root == "name" else self.description
            field.setStyleSheet(PROBLEM_STYLE)
            field.setFocus()
        elif root == "trigger":
            self.tabs.setCurrentIndex(TRIGGER_TAB)
            self.trigger_form.show_problem(path, words)
        elif root == "conditions":
            self.tabs.setCurrentIndex(CONDITIONS_TAB)
            self.conditions_form.show_problem(path, words)
        elif step is not None:
            self.tabs.setCurrentIndex(STEPS_TAB)
            self.steps_form.show_problem(step[0], step[1], words)
        elif root == "steps":
            self.tabs.setCurrentIndex(STEPS_TAB)
            self._show_problem(message)
        else:
            self._show_problem(message)

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()

    def clear_problems(self) -> None:
        for label in (self.problem, self.name_problem):
            label.hide()
        for field in (self.name, self.description):
            field.setStyleSheet("")
        self.trigger_form.clear_problem()
        self.conditions_form.clear_problem()
        self.steps_form.clear_problem()

    def _set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        if busy:
            self._show_problem(tr("Checking…"))
        else:
            self.problem.hide()
