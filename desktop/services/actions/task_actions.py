"""Task actions."""

from __future__ import annotations

from typing import Any

from desktop.core.errors import UserError
from desktop.services.actions.registry import Action, Param
from desktop.services.actions.reminder_params import NO_REMINDERS, REMINDERS, reminder_minutes
from desktop.services.container import Services
from desktop.services.task_recurrence import REPEAT_FROM
from desktop.services.tasks import UNSET, TaskDraft, TaskFilter

PRIORITY = ("low", "medium", "high", "urgent")
ID = Param("id", "string", "the task's id", required=True, format="id")


def _add(s: Services, a: dict[str, Any]) -> Any:
    return s.tasks.add(
        TaskDraft(
            title=a["title"],
            notes=a.get("notes", ""),
            priority=a.get("priority", "medium"),
            due=a.get("due"),
            estimate_minutes=a.get("estimate"),
            tags=a.get("tags", []),
            parent_id=a.get("parent_id"),
            project_id=a.get("project_id"),
            recurrence=a.get("recurrence"),
            repeat_from=a.get("repeat_from", "due"),
            reminders=reminder_minutes(a) or [],
        )
    )


def _list(s: Services, a: dict[str, Any]) -> Any:
    return s.tasks.list(
        TaskFilter(
            status=a.get("status", "open"),
            tag=a.get("tag"),
            search=a.get("search"),
            due_before=a.get("due_before"),
            limit=a.get("limit"),
        )
    )


def _update(s: Services, a: dict[str, Any]) -> Any:
    due: Any = UNSET
    recurrence: Any = UNSET
    if a.get("clear_recurrence"):
        if "recurrence" in a:
            raise UserError("give either a new recurrence or clear_recurrence, not both")
        recurrence = None
    elif "recurrence" in a:
        recurrence = a["recurrence"]
    if a.get("clear_due"):
        due = None
    elif "due" in a:
        due = a["due"]
    return s.tasks.update(
        a["id"],
        title=a.get("title"),
        notes=a.get("notes"),
        status=a.get("status"),
        priority=a.get("priority"),
        due=due,
        tags=a.get("tags"),
        estimate_minutes=a.get("estimate", UNSET),
        recurrence=recurrence,
        repeat_from=a.get("repeat_from"),
        reminders=reminder_minutes(a),
    )


ACTIONS = (
    Action(
        "add_task",
        "Add a task",
        "write",
        _add,
        (
            Param("title", "string", "what to do", required=True),
            Param("due", "string", "when it is due", format="when"),
            Param("priority", "string", "how important", enum=PRIORITY),
            Param("tags", "array", "tags (words, without #)"),
            Param("notes", "string", "details"),
            Param("estimate", "string", "how long it takes", format="duration"),
            REMINDERS,
            Param("parent_id", "string", "the parent task for a subtask", format="id"),
            Param("project_id", "string", "the project it belongs to", format="id"),
            Param("recurrence", "string", "an RRULE such as FREQ=WEEKLY;BYDAY=MO"),
            Param(
                "repeat_from",
                "string",
                "repeat from the due date or from completion (default: due)",
                enum=REPEAT_FROM,
            ),
        ),
        area="tasks",
    ),
    Action(
        "list_tasks",
        "List tasks (open ones by default)",
        "read",
        _list,
        (
            Param("status", "string", "which tasks", enum=("open", "done", "cancelled", "all")),
            Param("tag", "string", "only tasks with this tag"),
            Param("search", "string", "words to look for in title and notes"),
            Param("due_before", "string", "only tasks due before this", format="when"),
            Param("limit", "integer", "at most this many"),
        ),
        area="tasks",
    ),
    Action(
        "get_task", "Show one task", "read", lambda s, a: s.tasks.get(a["id"]), (ID,), area="tasks"
    ),
    Action(
        "update_task",
        "Change a task",
        "write",
        _update,
        (
            ID,
            Param("title", "string", "new title"),
            Param("notes", "string", "new details"),
            Param(
                "status", "string", "new status", enum=("todo", "in_progress", "done", "cancelled")
            ),
            Param("priority", "string", "new priority", enum=PRIORITY),
            Param("due", "string", "new due date", format="when"),
            Param("clear_due", "boolean", "remove the due date"),
            Param("tags", "array", "new tags (replace the old ones)"),
            Param("estimate", "string", "new estimate", format="duration"),
            REMINDERS,
            NO_REMINDERS,
            Param("recurrence", "string", "new RRULE such as FREQ=WEEKLY;BYDAY=MO"),
            Param("clear_recurrence", "boolean", "stop repeating"),
            Param(
                "repeat_from", "string", "repeat from the due date or completion", enum=REPEAT_FROM
            ),
        ),
        area="tasks",
    ),
    Action(
        "complete_task",
        "Mark a task done (a recurring one comes back at its next due)",
        "write",
        lambda s, a: s.tasks.complete(a["id"]),
        (ID,),
        area="tasks",
    ),
    Action(
        "delete_task",
        "Delete a task and its subtasks",
        "destructive",
        lambda s, a: s.tasks.delete(a["id"]),
        (ID,),
        area="tasks",
    ),
    Action(
        "task_stats",
        "Count open, overdue, due-today and recently done tasks",
        "read",
        lambda s, a: s.tasks.stats(),
        area="tasks",
    ),
)
