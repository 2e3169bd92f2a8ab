"""Actions on natural-language phrases: read one (saves nothing), or add what it says."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.core.errors import UserError
from desktop.services.actions.registry import Action, Param, default_catalog, validate
from desktop.services.container import Services

if TYPE_CHECKING:  # the grammar compiles its patterns on import; load it on first use
    from desktop.core.phrases import Preview

_TEXT = Param(
    "text", "string", "the phrase, e.g. 'Call dentist tomorrow at 5pm !high'", required=True
)
_KIND = Param(
    "kind", "string", "read it as a task or an event (guessed when absent)", enum=("task", "event")
)


def find_project(s: Services, name: str) -> str:
    """The id of the project called `name` (any case); UserError when there is none."""
    for project in s.records.projects():
        if project.name.casefold() == name.casefold():
            return str(project.id)
    raise UserError(
        f"there is no project named '{name}'; add it with "
        f"`atrium do add_project --arg name={name}` or drop the +{name}"
    )


def preview(s: Services, text: str, kind: str | None = None) -> Preview:
    """The reading of `text` against the user's clock and zone."""
    from desktop.core.phrases import parse

    return parse(text, s.ctx.now(), s.ctx.zone, kind=kind)


def _parse(s: Services, a: dict[str, Any]) -> Any:
    return preview(s, a["text"], a.get("kind")).to_json()


def _quick_add(s: Services, a: dict[str, Any]) -> Any:
    found = preview(s, a["text"], a.get("kind"))
    if not found.title:
        raise UserError(f"'{a['text']}' leaves nothing for a title; put the words before the date")
    catalog = default_catalog()
    if found.kind == "task":
        args: dict[str, Any] = {
            "title": found.title,
            "due": found.due,
            "priority": found.priority,
            "tags": list(found.tags),
            "estimate": f"{found.estimate_minutes}m" if found.estimate_minutes else None,
            "recurrence": found.rrule,
            "project_id": find_project(s, found.project) if found.project else None,
        }
        action = catalog.get("add_task")
    else:
        if found.start is None:
            raise UserError(f"'{a['text']}' does not say when the event is; add a day or a time")
        args = {
            "title": found.title,
            "start": found.start,
            "end": found.end,
            "all_day": found.all_day,
            "rrule": found.rrule,
            "location": found.location,
            "attendees": list(found.attendees),
        }
        action = catalog.get("add_event")
    present = {k: v for k, v in args.items() if v is not None and v != []}
    return action.handler(s, validate(action, present, s))


ACTIONS = (
    Action(
        "parse_phrase",
        "Show how a natural-language phrase is read as a task or event (saves nothing)",
        "read",
        _parse,
        (_TEXT, _KIND),
        area="tasks",
    ),
    Action(
        "quick_add",
        "Add a task or event from a natural-language phrase",
        "write",
        _quick_add,
        (_TEXT, _KIND),
        area="tasks",
    ),
)
