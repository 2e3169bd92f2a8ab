"""A form generated from an action's parameters, for a workflow step's arguments.

Each `Param` of the catalog becomes a field: a line for text (with the format's
hint), an editable choice for an enum or a boolean, a comma-separated line for an
array. Every field accepts a `{{template}}` instead of a literal value: the engine
renders it when the step runs, so it is stored as text. Empty optional fields are
left out. `show_problem` marks the field a check named and says why next to it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop.services.actions.registry import Param
from desktop.ui.panes.workflows_format import FAILED_COLOUR, tr

_HINTS = {
    "when": "e.g. tomorrow 9:00, {{event.start}}",
    "date": "e.g. today, mon, 2026-03-01",
    "month": "YYYY-MM",
    "duration": "e.g. 30m, 1h30m",
    "id": "a record's id, e.g. {{task.id}}",
}
PROBLEM_STYLE = f"border: 1px solid {FAILED_COLOUR}"


def is_template(value: Any) -> bool:
    """Whether `value` holds a `{{…}}` the engine renders when the step runs."""
    if isinstance(value, str):
        return "{{" in value and "}}" in value
    if isinstance(value, list):
        return any(is_template(item) for item in value)
    return False


def value_text(value: Any) -> str:
    """A stored argument as the field shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def typed_value(param: Param, text: str) -> Any:
    """What a field's text stores: numbers and booleans typed, templates as text."""
    text = text.strip()
    if is_template(text) and param.type != "array":
        return text
    if param.type == "array":
        return [item.strip() for item in text.split(",") if item.strip()]
    if param.type == "boolean":
        lowered = text.lower()
        if lowered in ("true", "yes", "on"):
            return True
        if lowered in ("false", "no", "off"):
            return False
        return text
    if param.type == "integer":
        try:
            return int(text)
        except ValueError:
            return text
    if param.type == "number":
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if number.is_integer() and "." not in text else number
    if param.type == "object":
        try:
            return json.loads(text)
        except ValueError:
            return text
    return text


class ParamsForm(QWidget):
    """The arguments of one step as a form over `params`.

    Signals:
        edited(): the user changed a field.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.params: tuple[Param, ...] = ()
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        self.problems: dict[str, QLabel] = {}
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.extra: dict[str, Any] = {}  # arguments the params do not name, kept as they are
        self.loaded_lists: set[str] = set()  # text fields that held a list: they give one back
        self._building = False  # filling the fields: no `edited`

    def set_params(self, params: Sequence[Param], values: dict[str, Any]) -> None:
        """Show a field for every one of `params`, filled from `values`."""
        while self.layout_.rowCount():
            self.layout_.removeRow(0)
        self._building = True
        self.params = tuple(params)
        self.fields, self.problems = {}, {}
        known = {p.name for p in self.params}
        self.extra = {k: v for k, v in values.items() if k not in known}
        self.loaded_lists = {k for k, v in values.items() if isinstance(v, list)}
        for param in self.params:
            field = self._field(param)
            field.setObjectName(f"param_{param.name}")
            field.setAccessibleName(param.name.replace("_", " "))
            field.setToolTip(param.description)
            self._fill(field, values.get(param.name))
            label = QLabel(
                param.name.replace("_", " ").capitalize() + (" *" if param.required else "")
            )
            label.setBuddy(field)
            label.setToolTip(param.description)
            problem = QLabel()
            problem.setWordWrap(True)
            problem.setStyleSheet(f"color: {FAILED_COLOUR}")
            problem.hide()
            self.layout_.addRow(label, field)
            self.layout_.addRow("", problem)
            self.fields[param.name], self.problems[param.name] = field, problem
        if not self.params:
            self.layout_.addRow(QLabel(tr("This action takes no arguments.")))
        self._building = False

    def _edited(self) -> None:
        if not self._building:
            self.edited.emit()

    def values(self) -> dict[str, Any]:
        """The filled fields (typed where they are literal), blank ones left out."""
        out = dict(self.extra)
        for param in self.params:
            field = self.fields[param.name]
            text = field.currentText() if isinstance(field, QComboBox) else field.text()
            if not text.strip():
                continue
            if param.name in self.loaded_lists and param.type != "array":
                out[param.name] = typed_value(Param(param.name, "array", ""), text)
            else:
                out[param.name] = typed_value(param, text)
        return out

    def field(self, name: str) -> QLineEdit | QComboBox:
        return self.fields[name]

    def show_problem(self, name: str | None, message: str) -> bool:
        """Mark the field `name` with `message`; False when there is no such field."""
        self.clear_problems()
        if name is None or name not in self.fields:
            return False
        field = self.fields[name]
        field.setStyleSheet(PROBLEM_STYLE)
        self.problems[name].setText(message)
        self.problems[name].show()
        field.setFocus()
        return True

    def clear_problems(self) -> None:
        for name, field in self.fields.items():
            field.setStyleSheet("")
            self.problems[name].hide()

    def _field(self, param: Param) -> QLineEdit | QComboBox:
        if param.type == "boolean" or param.enum:
            combo = QComboBox()
            combo.setEditable(True)  # a {{template}} may stand for the choice
            combo.addItem("")
            combo.addItems(["true", "false"] if param.type == "boolean" else list(param.enum or ()))
            combo.currentTextChanged.connect(lambda _text: self._edited())
            return combo
        edit = QLineEdit()
        if param.type == "array":
            edit.setPlaceholderText(tr("several, separated by commas"))
        elif param.format:
            edit.setPlaceholderText(_HINTS.get(param.format, ""))
        elif param.type in ("integer", "number"):
            edit.setPlaceholderText(tr("a number or a {{template}}"))
        edit.textEdited.connect(lambda _text: self._edited())
        return edit

    def _fill(self, field: QLineEdit | QComboBox, value: Any) -> None:
        text = value_text(value)
        if isinstance(field, QComboBox):
            index = field.findText(text)
            if index >= 0:
                field.setCurrentIndex(index)
            else:
                field.setEditText(text)
        else:
            field.setText(text)
