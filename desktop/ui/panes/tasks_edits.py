"""What the Tasks pane changes, each through a catalog action on the database thread:
add and edit through the detail editor, delete after asking, complete inline, move by
dragging. A failed change is shown (`show_error`) and the list reloaded, since it
may already show the change."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

import shiboken6

from desktop.services.container import Services
from desktop.services.tasks import TaskView
from desktop.ui.dialogs.task_editor import DeleteTaskQuestion, TaskEdit, TaskEditor
from desktop.ui.messages import show_error
from desktop.ui.widgets.reminder_edit import duration_text

if TYPE_CHECKING:
    from desktop.ui.panes.tasks_pane import TasksPane


class TaskEdits:
    """The Tasks pane's changes; the pane's reload shows their outcome."""

    def __init__(self, pane: TasksPane) -> None:
        self.pane = pane

    def new_task(self) -> None:
        """Ask for a new task in the editor and add it through `add_task`."""
        self._open(None)

    def open_editor(self) -> None:
        """Edit the current task in the editor and save it through `update_task`."""
        task = self.pane.current_task()
        if task is not None:
            self._open(task.id)

    def open_task(self, task_id: uuid.UUID) -> None:
        """Edit the task `task_id` (listed or not) in the editor."""
        self._open(task_id)

    def _open(self, task_id: uuid.UUID | None) -> None:
        def job(services: Services) -> tuple[Any, ...]:
            task = services.tasks.get(task_id) if task_id is not None else None
            return task, services.records.projects(), services.ctx.now(), services.ctx.zone

        def show(found: tuple[Any, ...]) -> None:
            if not shiboken6.isValid(self.pane):
                return
            task, projects, now, zone = found
            suggested = {"today": "today", "upcoming": "tomorrow"}.get(self.pane.query.view, "")
            edit = TaskEditor.ask(self.pane, task, projects, now, zone, suggested)
            if edit is not None:
                self._save(task, edit)

        self.pane.ctx.read(
            job, show, lambda exc: self._failed(exc, self.pane.tr("Could not open the task"))
        )

    def _save(self, task: TaskView | None, edit: TaskEdit) -> None:
        args: dict[str, Any] = {
            "title": edit.title,
            "notes": edit.notes,
            "priority": edit.priority,
            "tags": edit.tags,
        }
        if edit.estimate:
            args["estimate"] = edit.estimate
        if edit.reminders:
            args["reminders"] = [duration_text(m) for m in edit.reminders]
        elif task is not None and task.reminders:
            args["clear_reminders"] = True
        if edit.recurrence is not None:
            if task is None or edit.recurrence != task.recurrence:
                args["recurrence"] = edit.recurrence
        elif task is not None and task.recurrence:
            args["clear_recurrence"] = True
        if task is None or edit.repeat_from != task.repeat_from:
            args["repeat_from"] = edit.repeat_from
        if task is None:
            if edit.due:
                args["due"] = edit.due
            if edit.project_id is not None:
                args["project_id"] = str(edit.project_id)
            self.pane.ctx.act(
                "add_task",
                args,
                self._select_added,
                lambda exc: self._failed(exc, self.pane.tr("Could not add the task")),
                initiator=self.pane,
            )
            return
        if edit.due:
            args["due"] = edit.due
        elif task.due is not None:
            args["clear_due"] = True
        self.pane.select_after_reload(task.id)
        self.pane.ctx.act(
            "update_task",
            {"id": str(task.id), **args},
            on_error=lambda exc: self._failed(exc, self.pane.tr("Could not save the task")),
            initiator=self.pane,
        )
        if edit.project_id != task.project_id:
            project = str(edit.project_id) if edit.project_id is not None else None
            self.pane.ctx.act(
                "set_task_project",
                {"id": str(task.id), "project_id": project},
                on_error=lambda exc: self._failed(
                    exc, self.pane.tr("Could not change the project")
                ),
                initiator=self.pane,
            )

    def _select_added(self, task: Any) -> None:
        if (
            isinstance(task, TaskView)
            and shiboken6.isValid(self.pane)
            and not self.pane.select_task(task.id)
        ):
            self.pane.select_after_reload(task.id)

    def delete_current(self) -> None:
        """Delete the current task (and its subtasks) once the user confirms."""
        index = self.pane.tree.currentIndex()
        task = self.pane.model.task_at(index)
        if task is None:
            return
        if not DeleteTaskQuestion.ask(self.pane, task.title, self.pane.model.subtask_count(index)):
            return
        self.pane.ctx.act(
            "delete_task",
            {"id": str(task.id)},
            on_error=lambda exc: self._failed(exc, self.pane.tr("Could not delete the task")),
            initiator=self.pane,
        )

    def complete(self, task: TaskView, done: bool) -> None:
        action, args = (
            ("complete_task", {"id": str(task.id)})
            if done
            else ("update_task", {"id": str(task.id), "status": "todo"})
        )
        self.pane.ctx.act(
            action,
            args,
            on_error=lambda exc: self._failed(exc, self.pane.tr("Could not change the task")),
            initiator=self.pane,
        )

    def move(self, task_id: uuid.UUID, after: uuid.UUID | None, before: uuid.UUID | None) -> None:
        self.pane.select_after_reload(task_id)
        args = {
            "id": str(task_id),
            "after": str(after) if after else None,
            "before": str(before) if before else None,
        }
        self.pane.ctx.act(
            "move_task",
            args,
            on_error=lambda exc: self._failed(exc, self.pane.tr("Could not move the task")),
            initiator=self.pane,
        )

    def _failed(self, exc: Exception, what: str) -> None:
        if not shiboken6.isValid(self.pane):
            return
        show_error(self.pane, exc, what)
        self.pane.reload()  # undo what the list showed ahead of the store
