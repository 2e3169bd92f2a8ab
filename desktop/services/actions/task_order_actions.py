"""Organising tasks: their order (drag to reorder) and the project they belong to."""

from __future__ import annotations

from typing import Any

from desktop.services.actions.registry import Action, Param
from desktop.services.container import Services

ID = Param("id", "string", "the task's id", required=True, format="id")


def _move(s: Services, a: dict[str, Any]) -> Any:
    return s.tasks.move(a["id"], after=a.get("after"), before=a.get("before"))


def _set_project(s: Services, a: dict[str, Any]) -> Any:
    return s.tasks.update(a["id"], project_id=a.get("project_id"))


ACTIONS = (
    Action(
        "move_task",
        "Move a task between two others in the manual order",
        "write",
        _move,
        (
            ID,
            Param("after", "string", "the task it comes after (none: the first)", format="id"),
            Param("before", "string", "the task it comes before (none: the last)", format="id"),
        ),
        area="tasks",
    ),
    Action(
        "set_task_project",
        "Put a task in a project, or take it out of its project",
        "write",
        _set_project,
        (ID, Param("project_id", "string", "the project (none: no project)", format="id")),
        area="tasks",
    ),
)
