"""The conditions part of the workflow editor: rows of field, operator and value.

All (or any) of the rows must hold for the workflow to run. A field is a dotted
path into the trigger's data (`message.sender`) or a built-in (`time.hour`); the
value is typed as it is read: a number stays a number, `in` takes a comma-separated
list, `is_true` and `is_false` take none. Nested groups of a loaded workflow have no
rows here; they are kept as they are (the JSON view edits them).
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.workflow_spec import OPERATORS
from desktop.ui.panes.workflows_format import CONDITION_FIELDS, FAILED_COLOUR, tr
from desktop.ui.panes.workflows_params import PROBLEM_STYLE

NO_VALUE_OPS = ("is_true", "is_false")
MODE_NAMES = (("all", "All of these hold"), ("any", "Any of these holds"))


def condition_value(op: str, text: str) -> Any:
    """What a condition row's value text means for the operator `op`."""
    text = text.strip()
    if op in NO_VALUE_OPS:
        return None
    if op == "in":
        return [scalar(item) for item in text.split(",") if item.strip()]
    if op in ("contains", "not_contains"):
        return text
    return scalar(text)


def scalar(text: str) -> Any:
    """A number or true/false when `text` is one, else the text."""
    text = text.strip()
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return value if isinstance(value, (int, float, bool)) else text


def condition_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(condition_text(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class ConditionsForm(QWidget):
    """Edits a workflow's condition group (flat rows; nested groups are kept).

    Signals:
        edited(): the user changed something.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nested: list[dict[str, Any]] = []
        self.mode = QComboBox()
        self.mode.setObjectName("conditionsMode")
        self.mode.setAccessibleName(tr("How the conditions combine"))
        for mode, text in MODE_NAMES:
            self.mode.addItem(tr(text), mode)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("conditionsTable")
        self.table.setAccessibleName(tr("Conditions"))
        self.table.setHorizontalHeaderLabels([tr("Field"), tr("Operator"), tr("Value")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(1, 120)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.add_button = QPushButton(tr("&Add condition"))
        self.remove_button = QPushButton(tr("Re&move condition"))
        self.nested_label = QLabel()
        self.nested_label.setEnabled(False)
        self.problem = QLabel()
        self.problem.setObjectName("conditionsProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {FAILED_COLOUR}")
        self.problem.hide()
        intro = QLabel(tr("The workflow runs only when these hold (none: always)."))
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mode)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.nested_label)
        layout.addWidget(self.problem)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_row)
        self.mode.currentIndexChanged.connect(lambda _i: self.edited.emit())

    def add_row(self, field: str = "", op: str = "equals", value: Any = None) -> int:
        """Add a condition row (focused when the user added it) and return its number."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        field_box = QComboBox()
        field_box.setEditable(True)
        field_box.addItems(list(CONDITION_FIELDS))
        field_box.setEditText(field)
        field_box.setAccessibleName(tr("Condition field"))
        op_box = QComboBox()
        op_box.addItems(list(OPERATORS))
        op_box.setCurrentIndex(max(0, op_box.findText(op)))
        op_box.setAccessibleName(tr("Condition operator"))
        value_edit = QLineEdit(condition_text(value))
        value_edit.setAccessibleName(tr("Condition value"))
        value_edit.setPlaceholderText(tr("a value; for “in”: several, with commas"))
        self.table.setCellWidget(row, 0, field_box)
        self.table.setCellWidget(row, 1, op_box)
        self.table.setCellWidget(row, 2, value_edit)
        op_box.currentTextChanged.connect(
            lambda text: value_edit.setEnabled(text not in NO_VALUE_OPS)
        )
        value_edit.setEnabled(op not in NO_VALUE_OPS)
        for signal in (
            field_box.editTextChanged,
            op_box.currentIndexChanged,
            value_edit.textEdited,
        ):
            signal.connect(lambda *_: self.edited.emit())
        self.table.setCurrentCell(row, 0)
        if not field:
            field_box.setFocus()
        self.edited.emit()
        return row

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.edited.emit()

    def row_widgets(self, row: int) -> tuple[QComboBox, QComboBox, QLineEdit]:
        field, op, value = (self.table.cellWidget(row, c) for c in range(3))
        assert isinstance(field, QComboBox) and isinstance(op, QComboBox)
        assert isinstance(value, QLineEdit)
        return field, op, value

    def conditions(self) -> dict[str, Any]:
        """The condition group as the workflow file writes it."""
        items: list[dict[str, Any]] = []
        for row in range(self.table.rowCount()):
            field, op, value = self.row_widgets(row)
            item: dict[str, Any] = {"field": field.currentText().strip(), "op": op.currentText()}
            if op.currentText() not in NO_VALUE_OPS:
                item["value"] = condition_value(op.currentText(), value.text())
            items.append(item)
        return {"mode": self.mode.currentData(), "items": items + self.nested}

    def set_conditions(self, group: dict[str, Any] | None) -> None:
        """Show a condition group (a dict of the file format)."""
        group = group or {}
        self.table.setRowCount(0)
        self.mode.setCurrentIndex(max(0, self.mode.findData(group.get("mode", "all"))))
        self.nested = []
        for item in group.get("items") or ():
            if isinstance(item, dict) and "items" in item:
                self.nested.append(item)
            elif isinstance(item, dict):
                self.add_row(
                    str(item.get("field", "")), str(item.get("op", "equals")), item.get("value")
                )
        self.nested_label.setText(
            tr("And {n} nested group(s), kept as they are (edit them as JSON).").format(
                n=len(self.nested)
            )
        )
        self.nested_label.setVisible(bool(self.nested))

    def show_problem(self, path: str, message: str) -> None:
        """Say what is wrong; mark the row the path names (`conditions.items[1].value`)."""
        self.clear_problem()
        self.problem.setText(f"{path}: {message}" if path else message)
        self.problem.show()
        row = _item_number(path)
        if row is not None and row < self.table.rowCount():
            for widget in self.row_widgets(row):
                widget.setStyleSheet(PROBLEM_STYLE)
            self.table.setCurrentCell(row, 0)

    def clear_problem(self) -> None:
        self.problem.hide()
        for row in range(self.table.rowCount()):
            for widget in self.row_widgets(row):
                widget.setStyleSheet("")


def _item_number(path: str) -> int | None:
    """The row a path such as `conditions.items[2].op` names, or None."""
    marker = "items["
    start = path.find(marker)
    if start < 0:
        return None
    end = path.find("]", start)
    number = path[start + len(marker) : end]
    return int(number) if number.isdigit() else None
