"""Actions that change and delete projects (adding and listing them live in misc_actions)."""

from __future__ import annotations

from desktop.services.actions.registry import Action, Param
from desktop.services.records import PROJECT_STATUSES

ACTIONS = (
    Action(
        "update_project",
        "Change a project's name, repository, description or status",
        "write",
        lambda s, a: s.records.update_project(
            a["id"],
            name=a.get("name"),
            repository_url=a.get("repository_url"),
            description=a.get("description"),
            status=a.get("status"),
        ),
        (
            Param("id", "string", "the project's id", required=True, format="id"),
            Param("name", "string", "the new name"),
            Param("repository_url", "string", "its repository (empty to remove it)"),
            Param("description", "string", "what it is"),
            Param("status", "string", "where it stands", enum=PROJECT_STATUSES),
        ),
        area="projects",
    ),
    Action(
        "delete_project",
        "Delete a project (its tasks stay, without a project)",
        "destructive",
        lambda s, a: s.records.delete_project(a["id"]),
        (Param("id", "string", "the project's id", required=True, format="id"),),
        area="projects",
    ),
)
