"""The steps part of the workflow editor: an ordered list, and a form for the chosen step.

A step is an action of the catalog (picked by name, its arguments a form generated
from the action's parameters), a notification, a webhook, a stop, or a branch. Steps
run in order; Move up / Move down reorder them. What the form does not show (a
step's `when`, a branch's nested steps) is kept as it is; the JSON view edits it.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services.actions.registry import ActionCatalog, Param
from desktop.services.workflow_spec import STEP_KINDS
from desktop.ui.action_form import title_of
from desktop.ui.panes.workflows_format import FAILED_COLOUR, json_text, shorten, tr
from desktop.ui.panes.workflows_params import ParamsForm

KIND_NAMES = {
    "action": "Run an action",
    "notify": "Show a notification",
    "webhook": "Call a webhook (outbound)",
    "stop": "Stop the workflow",
    "branch": "Branch on a condition",
}
# The arguments of the steps that are not catalog actions.
KIND_PARAMS: dict[str, tuple[Param, ...]] = {
    "notify": (Param("text", "string", "the notification's text", required=True),),
    "webhook": (
        Param("url", "string", "the address the JSON is POSTed to", required=True),
        Param("body", "object", "the JSON body; strings may use {{templates}}"),
        Param("headers", "object", 'extra headers as JSON, e.g. {"X-Token": "…"}'),
    ),
}


def step_summary(number: int, step: dict[str, Any]) -> str:
    """A step as the list shows it: `2. add_task: Reply to {{message.sender}}`."""
    kind = str(step.get("kind", "action"))
    args = step.get("args") or {}
    if kind == "action":
        what = str(step.get("action") or tr("(no action)"))
    elif kind == "branch":
        what = tr("branch: {a} then, {b} otherwise").format(
            a=len(step.get("then") or ()), b=len(step.get("otherwise") or ())
        )
    else:
        what = kind
    first = next(iter(args.values()), None) if isinstance(args, dict) else None
    detail = f": {shorten(json_text(first), 50)}" if first not in (None, "", {}) else ""
    when = tr(" (when …)") if step.get("when") else ""
    return f"{number}. {what}{detail}{when}"


class StepsForm(QWidget):
    """Edits the list of a workflow's steps.

    Signals:
        edited(): the user changed something.
    """

    edited = Signal()

    def __init__(self, catalog: ActionCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.steps: list[dict[str, Any]] = []
        self.current = -1
        self._loading = False

        self.list = QListWidget()
        self.list.setObjectName("stepsList")
        self.list.setAccessibleName(tr("Steps"))
        self.list.setMinimumWidth(220)
        self.add_button = QPushButton(tr("&Add step"))
        self.remove_button = QPushButton(tr("Remo&ve step"))
        self.up_button = QPushButton(tr("Move &up"))
        self.down_button = QPushButton(tr("Move do&wn"))
        self.kind = QComboBox()
        self.kind.setObjectName("stepKind")
        self.kind.setAccessibleName(tr("Step kind"))
        for kind in STEP_KINDS:
            self.kind.addItem(tr(KIND_NAMES.get(kind, kind)), kind)
        self.action = QComboBox()
        self.action.setObjectName("stepAction")
        self.action.setAccessibleName(tr("Action"))
        for action in catalog.all():
            self.action.addItem(f"{action.name} — {title_of(action)}", action.name)
            self.action.setItemData(self.action.count() - 1, action.description, 3)
        self.args = ParamsForm()
        self.args.setObjectName("stepArgs")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        self.problem = QLabel()
        self.problem.setObjectName("stepProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {FAILED_COLOUR}")
        self.problem.hide()
        self._build_layout()
        self.list.currentRowChanged.connect(self._select)
        self.add_button.clicked.connect(lambda: self.add_step())
        self.remove_button.clicked.connect(self.remove_step)
        self.up_button.clicked.connect(lambda: self.move_step(-1))
        self.down_button.clicked.connect(lambda: self.move_step(1))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.action.currentIndexChanged.connect(self._action_changed)
        self.args.edited.connect(self._store)
        self._show_step()

    def _build_layout(self) -> None:
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QHBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(buttons)
        self.form_box = QWidget()
        form = QFormLayout()
        form.addRow(tr("&Kind"), self.kind)
        form.addRow(tr("A&ction"), self.action)
        self.action_form = form
        right_layout = QVBoxLayout(self.form_box)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        right_layout.addWidget(self.args)
        right_layout.addWidget(self.note)
        right_layout.addWidget(self.problem)
        right_layout.addStretch(1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.form_box)
        split.setChildrenCollapsible(False)
        split.setSizes([260, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Steps run in order; arguments may use {{templates}}.")))
        layout.addWidget(split, 1)

    # -- the list ----------------------------------------------------------------------

    def set_steps(self, steps: list[dict[str, Any]]) -> None:
        self.steps = [copy.deepcopy(step) for step in steps]
        self.current = -1
        self._refresh_list(0 if self.steps else -1)

    def value(self) -> list[dict[str, Any]]:
        """The steps as the workflow file writes them."""
        self._store()
        return copy.deepcopy(self.steps)

    def add_step(self, action: str = "add_task") -> int:
        """Add an action step after the current one, select it and return its index."""
        self._store()
        index = self.current + 1 if self.current >= 0 else len(self.steps)
        self.steps.insert(index, {"kind": "action", "action": action, "args": {}})
        self._refresh_list(index)
        self.kind.setFocus()
        self.edited.emit()
        return index

    def remove_step(self) -> None:
        if self.current < 0:
            return
        del self.steps[self.current]
        keep = min(self.current, len(self.steps) - 1)
        self.current = -1
        self._refresh_list(keep)
        self.edited.emit()

    def move_step(self, offset: int) -> None:
        """Move the current step up (-1) or down (1)."""
        self._store()
        here, there = self.current, self.current + offset
        if here < 0 or not 0 <= there < len(self.steps):
            return
        self.steps[here], self.steps[there] = self.steps[there], self.steps[here]
        self.current = -1
        self._refresh_list(there)
        self.edited.emit()

    def select(self, index: int) -> None:
        self.list.setCurrentRow(index)

    def _refresh_list(self, select: int) -> None:
        self._loading = True
        self.list.clear()
        for number, step in enumerate(self.steps, 1):
            self.list.addItem(step_summary(number, step))
        self._loading = False
        self.current = -1
        if select >= 0:
            self.list.setCurrentRow(select)
        else:
            self._show_step()

    def _select(self, row: int) -> None:
        if self._loading:
            return
        self._store()
        self.current = row
        self._show_step()

    # -- the form ----------------------------------------------------------------------

    def _show_step(self) -> None:
        """Fill the form from the current step (or disable it when there is none)."""
        has_step = 0 <= self.current < len(self.steps)
        self.form_box.setEnabled(has_step)
        for button in (self.remove_button, self.up_button, self.down_button):
            button.setEnabled(has_step)
        self.problem.hide()
        step: dict[str, Any] = self.steps[self.current] if has_step else {"kind": "action"}
        self._loading = True
        self.kind.setCurrentIndex(max(0, self.kind.findData(step.get("kind", "action"))))
        self.action.setCurrentIndex(max(0, self.action.findData(step.get("action") or "")))
        self._loading = False
        self._show_args(dict(step.get("args") or {}))

    def _show_args(self, values: dict[str, Any]) -> None:
        kind = self.kind.currentData()
        self.action_form.setRowVisible(self.action, kind == "action")
        if kind == "action":
            params = self.catalog.get(str(self.action.currentData())).params
        else:
            params = KIND_PARAMS.get(str(kind), ())
        self.args.set_params(params, values)
        self.args.setVisible(kind in ("action", "notify", "webhook"))
        notes = {
            "action": self.catalog.get(str(self.action.currentData())).description,
            "stop": tr("The run ends here (when the step's condition holds, or always)."),
            "branch": tr("A branch's condition and its steps are edited as JSON (Advanced)."),
            "webhook": tr("Webhooks are outbound: they wait for approval unless trusted."),
        }
        self.note.setText(notes.get(str(kind), ""))
        self.note.setVisible(str(kind) in notes)

    def _kind_changed(self) -> None:
        if not self._loading:
            self._show_args({})
            self._store()

    def _action_changed(self) -> None:
        if not self._loading:
            self._show_args({})
            self._store()

    def _store(self) -> None:
        """Write the form into the current step (keeping what the form does not show)."""
        if self._loading or not 0 <= self.current < len(self.steps):
            return
        step = self.steps[self.current]
        kind = str(self.kind.currentData())
        step["kind"] = kind
        if kind == "action":
            step["action"] = self.action.currentData()
        else:
            step.pop("action", None)
        if kind in ("action", "notify", "webhook"):
            step["args"] = self.args.values()
        else:
            step.pop("args", None)
        item = self.list.item(self.current)
        if item is not None:
            item.setText(step_summary(self.current + 1, step))
        self.edited.emit()

    def show_problem(self, index: int, rest: str, message: str) -> None:
        """Select step `index` and say what is wrong (`rest`: the path inside the step)."""
        if 0 <= index < len(self.steps):
            self.select(index)
        argument = rest[len("args.") :].split(".")[0] if rest.startswith("args.") else None
        self.args.show_problem(argument, message)
        where = f"steps[{index}]" + (f".{rest}" if rest else "")
        self.problem.setText(f"{where}: {message}")
        self.problem.show()

    def clear_problem(self) -> None:
        self.problem.hide()
        self.args.clear_problems()
