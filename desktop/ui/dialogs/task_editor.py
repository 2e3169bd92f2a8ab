"""The task detail editor (title, notes, due, priority, tags, estimate, project,
reminders) and the question asked before deleting a task.

Both are `ask` classmethods, so tests replace them with a plain answer. The editor
checks the due date and the estimate with the same parsers the actions use
(`desktop.core.when`), so a typo is shown beside the field and the dialog stays
open instead of failing after it closed.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserError
from desktop.core.recurrence import check_rrule
from desktop.core.when import parse_duration_minutes, parse_when
from desktop.services.records import ProjectView
from desktop.services.tasks import TaskView
from desktop.ui.panes.tasks_format import editable_due, estimate_text, parse_tags, tags_text
from desktop.ui.widgets.recurrence_edit import RecurrenceEdit
from desktop.ui.widgets.reminder_edit import ReminderEdit

PRIORITIES = ("low", "medium", "high", "urgent")


@dataclass(frozen=True)
class TaskEdit:
    """What the editor's fields hold when the user saves (texts as typed, checked)."""

    title: str
    notes: str
    due: str  # '' when there is no due date
    priority: str
    tags: list[str]
    estimate: str  # '' when there is no estimate
    project_id: uuid.UUID | None
    reminders: tuple[int, ...] = ()  # minutes before the due
    recurrence: str | None = None  # an RRULE, None when the task does not repeat
    repeat_from: str = "due"  # "due" or "completion"


class TaskEditor(QDialog):
    """Edits one task, or a new one when `task` is None."""

    def __init__(
        self,
        parent: QWidget | None,
        task: TaskView | None,
        projects: list[ProjectView],
        now: datetime,
        zone: ZoneInfo,
        suggested_due: str = "",
    ) -> None:
        super().__init__(parent)
        self._now, self._zone = now, zone
        self.setWindowTitle(self.tr("New task") if task is None else self.tr("Edit task"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(460)

        self.title_edit = self._line(self.tr("Title"), task.title if task else "")
        self.notes_edit = QPlainTextEdit(task.notes if task else "")
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(110)
        due = editable_due(task.due, zone) if task else suggested_due
        self.due_edit = self._line(self.tr("Due"), due)
        self.due_edit.setPlaceholderText(self.tr("e.g. tomorrow 17:00, fri, 2026-03-20"))
        self.priority_box = QComboBox()
        self.priority_box.setAccessibleName(self.tr("Priority"))
        labels = (self.tr("Low"), self.tr("Medium"), self.tr("High"), self.tr("Urgent"))
        for name, label in zip(PRIORITIES, labels, strict=True):
            self.priority_box.addItem(label, name)
        self.priority_box.setCurrentIndex(PRIORITIES.index(task.priority if task else "medium"))
        self.tags_edit = self._line(self.tr("Tags"), tags_text(task.tags) if task else "")
        self.tags_edit.setPlaceholderText(self.tr("#home #errand"))
        estimate = estimate_text(task.estimate_minutes) if task else ""
        self.estimate_edit = self._line(self.tr("Estimate"), estimate)
        self.estimate_edit.setPlaceholderText(self.tr("e.g. 30m, 1h30m"))
        self.project_box = QComboBox()
        self.project_box.setAccessibleName(self.tr("Project"))
        self.project_box.addItem(self.tr("No project"), None)
        for project in projects:
            self.project_box.addItem(project.name, project.id)
        if task is not None and task.project_id is not None:
            found = self.project_box.findData(task.project_id)
            self.project_box.setCurrentIndex(max(found, 0))
        self.repeat = RecurrenceEdit()
        self.repeat.setAccessibleName(self.tr("Repeat"))
        self.repeat.set_rule(task.recurrence if task else None, zone, now.astimezone(zone).date())
        self.repeat_from_box = QComboBox()
        self.repeat_from_box.setAccessibleName(self.tr("Repeat counted from"))
        self.repeat_from_box.addItem(self.tr("the due date"), "due")
        self.repeat_from_box.addItem(self.tr("when it is done"), "completion")
        self.repeat_from_box.setCurrentIndex(
            1 if task is not None and task.repeat_from == "completion" else 0
        )
        self.reminders = ReminderEdit()
        self.reminders.set_minutes(task.reminders if task else ())
        self.reminders.setToolTip(self.tr("Reminders before the task is due"))
        self.error_label = QLabel()
        self.error_label.setObjectName("task_editor_error")
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title_edit)
        form.addRow(self.tr("&Notes"), self.notes_edit)
        form.addRow(self.tr("&Due"), self.due_edit)
        form.addRow(self.tr("&Priority"), self.priority_box)
        form.addRow(self.tr("T&ags"), self.tags_edit)
        form.addRow(self.tr("&Estimate"), self.estimate_edit)
        form.addRow(self.tr("P&roject"), self.project_box)
        form.addRow(self.tr("Repea&t"), self.repeat)
        form.addRow(self.tr("Repeat &from"), self.repeat_from_box)
        form.addRow(self.tr("Re&minders"), self.reminders)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setDefault(True)
        save.setAccessibleName(self.tr("Save"))
        save.setToolTip(self.tr("Save (Ctrl+Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        for field in (
            self.title_edit,
            self.notes_edit,
            self.due_edit,
            self.priority_box,
            self.tags_edit,
            self.estimate_edit,
            self.project_box,
            self.reminders.preset,
            self.reminders.custom,
            self.reminders.list,
        ):
            field.installEventFilter(self)  # Ctrl+Enter saves from every field
        self.reminders.invalid.connect(self._show_reminder_error)
        self.title_edit.setFocus()
        self.title_edit.selectAll()
        self._edit: TaskEdit | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if control and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if control and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)

    def _show_reminder_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def _line(self, name: str, text: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setAccessibleName(name)
        return edit

    def accept(self) -> None:
        """Save when every field is valid; otherwise say what is wrong and stay open."""
        try:
            self._edit = self._checked()
        except UserError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        super().accept()

    def _checked(self) -> TaskEdit:
        title = self.title_edit.text().strip()
        if not title:
            self.title_edit.setFocus()
            raise UserError(self.tr("Give the task a title."))
        due = self.due_edit.text().strip()
        if due:
            try:
                parse_when(due, self._now, self._zone)
            except UserError as exc:
                self.due_edit.setFocus()
                raise UserError(self.tr("Due: {error}").format(error=exc)) from None
        estimate = self.estimate_edit.text().strip()
        if estimate:
            try:
                parse_duration_minutes(estimate)
            except UserError as exc:
                self.estimate_edit.setFocus()
                raise UserError(self.tr("Estimate: {error}").format(error=exc)) from None
        reminders = tuple(self.reminders.checked_minutes())
        rule = self.repeat.rule(self._zone, True)
        if rule is not None:
            try:
                check_rrule(rule)
            except UserError as exc:
                raise UserError(self.tr("Repeat: {error}").format(error=exc)) from None
        return TaskEdit(
            title=title,
            notes=self.notes_edit.toPlainText(),
            due=due,
            priority=str(self.priority_box.currentData()),
            tags=parse_tags(self.tags_edit.text()),
            estimate=estimate,
            project_id=self.project_box.currentData(),
            reminders=reminders,
            recurrence=rule,
            repeat_from=str(self.repeat_from_box.currentData()),
        )

    def edit(self) -> TaskEdit | None:
        """The checked fields once saved; None before."""
        return self._edit

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        task: TaskView | None,
        projects: list[ProjectView],
        now: datetime,
        zone: ZoneInfo,
        suggested_due: str = "",
    ) -> TaskEdit | None:
        """Show the editor; the fields when the user saved, None when they cancelled.

        A new task starts with `suggested_due` (the view's day, say) in its due field.
        """
        dialog = cls(parent, task, projects, now, zone, suggested_due)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.edit()
            return None
        finally:
            dialog.deleteLater()


class DeleteTaskQuestion:
    """Confirms deleting a task (and its subtasks)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, subtasks: int) -> bool:
        """True when the user confirmed."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(box.tr("Delete task"))
        box.setText(box.tr("Delete “{title}”?").format(title=title))
        if subtasks:
            box.setInformativeText(
                box.tr("Its subtask will be deleted too.")
                if subtasks == 1
                else box.tr("Its {n} subtasks will be deleted too.").format(n=subtasks)
            )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        try:
            return box.exec() == QMessageBox.StandardButton.Yes
        finally:
            box.deleteLater()
