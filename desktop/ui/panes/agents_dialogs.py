"""The dialog that edits a waiting step's arguments as JSON before it is approved.

The text must be a JSON object; then the arguments are checked against the action's
schema through the catalog (off the GUI thread, by the `check` callable the pane
passes: the agent worker's `check_args`). Only arguments that pass are returned;
a problem is shown in the dialog, naming the line and column or the parameter, and
the text stays as typed so nothing is lost.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.runtime.task_runner import describe_error
from desktop.ui.panes.agents_format import FAILED_COLOUR

OnArgs = Callable[[dict[str, Any]], None]
OnError = Callable[[Exception], None]
ArgsCheck = Callable[[dict[str, Any], OnArgs, OnError], None]


def parse_arguments(text: str) -> dict[str, Any]:
    """The JSON object in `text`; a ValueError says where and what is wrong."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    if not isinstance(value, dict):
        raise ValueError('the arguments must be a JSON object, like {"title": "Call mom"}')
    return value


class EditArgumentsDialog(QDialog):
    """Edit a step's arguments; OK checks them and, when they pass, approves the step.

    Signals:
        None (QDialog's own).
    """

    def __init__(
        self, tool: str, args: dict[str, Any], check: ArgsCheck, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tool = tool
        self.check = check
        self.result_value: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("Edit the arguments of {tool}").format(tool=tool))
        self.intro = QLabel(
            self.tr(
                "The arguments of {tool}, as JSON. They are checked before the step runs."
            ).format(tool=tool)
        )
        self.intro.setWordWrap(True)
        self.editor = QPlainTextEdit(json.dumps(args, ensure_ascii=False, indent=2, default=str))
        self.editor.setAccessibleName(self.tr("Arguments as JSON"))
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setTabChangesFocus(True)
        self.intro.setBuddy(self.editor)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {FAILED_COLOUR}")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Approve with these"))
        ok.setAccessibleName(self.tr("Approve with these arguments"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(480, 320)

    @classmethod
    def ask(
        cls, parent: QWidget | None, tool: str, args: dict[str, Any], check: ArgsCheck
    ) -> dict[str, Any] | None:
        """The checked arguments, or None when the user cancelled."""
        dialog = cls(tool, args, check, parent)
        try:
            dialog.exec()
            return dialog.result_value
        finally:
            dialog.deleteLater()

    def accept(self) -> None:
        """Parse and check the arguments; close only when they pass."""
        try:
            args = parse_arguments(self.editor.toPlainText())
        except ValueError as exc:
            self._refuse(self.tr("Not valid JSON: {problem}").format(problem=exc))
            return
        self._set_busy(True)
        self.check(args, self._passed, self._failed)

    def _passed(self, args: dict[str, Any]) -> None:
        self._set_busy(False)
        self.result_value = args
        super().accept()

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self._refuse(describe_error(exc))

    def _refuse(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
        self.editor.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        if busy:
            self.problem.setText(self.tr("Checking…"))
            self.problem.show()
