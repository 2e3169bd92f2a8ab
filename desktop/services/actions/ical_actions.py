"""Actions on iCalendar files: import and export events (VEVENT) and tasks (VTODO)."""

from __future__ import annotations

from typing import Any

from desktop.core.errors import UserError
from desktop.services.actions.registry import Action, Param
from desktop.services.container import Services

_SOURCE = (
    Param("path", "string", "the .ics file to import"),
    Param("text", "string", "the iCalendar text itself, instead of a file"),
    Param(
        "keep_valid",
        "boolean",
        "import the valid components and list the errors (default: import nothing on error)",
    ),
)


def _text(a: dict[str, Any]) -> str:
    if "text" in a and "path" in a:
        raise UserError("give either a path or the text of a calendar, not both")
    if "text" in a:
        return str(a["text"])
    if "path" in a:
        from desktop.services.ical.reading import read_text  # icalendar loads on first use

        return read_text(a["path"])
    raise UserError("say what to import: the path of an .ics file (or its text)")


def _import_events(s: Services, a: dict[str, Any]) -> Any:
    return s.ical.import_events(_text(a), keep_valid=bool(a.get("keep_valid")))


def _import_tasks(s: Services, a: dict[str, Any]) -> Any:
    return s.ical.import_tasks(_text(a), keep_valid=bool(a.get("keep_valid")))


def _export_events(s: Services, a: dict[str, Any]) -> Any:
    first, last = a.get("from"), a.get("to")
    if first is not None and last is not None and last < first:
        raise UserError("the end of the range is before its start")
    return s.ical.export_events(first, last)


ACTIONS = (
    Action(
        "import_calendar",
        "Import the events of an iCalendar (.ics) file; a re-import updates them",
        "write",
        _import_events,
        _SOURCE,
        area="calendar",
    ),
    Action(
        "export_calendar",
        "Export events as iCalendar text: all of them, or those in a range of days",
        "read",
        _export_events,
        (
            Param("from", "string", "the first day of the range", format="date"),
            Param("to", "string", "the last day of the range", format="date"),
        ),
        area="calendar",
    ),
    Action(
        "import_tasks",
        "Import the tasks (VTODO) of an iCalendar (.ics) file; a re-import updates them",
        "write",
        _import_tasks,
        _SOURCE,
        area="tasks",
    ),
    Action(
        "export_tasks",
        "Export every task as iCalendar (VTODO) text",
        "read",
        lambda s, a: s.ical.export_tasks(),
        (),
        area="tasks",
    ),
)
