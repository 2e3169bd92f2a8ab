"""Arguments of the calendar actions, built from what the calendar pane's user did.

The actions take an all-day event's end as its last day (people name the last day),
while the views and the editor carry an exclusive end date; these helpers convert,
and send only the fields that changed so that an edit of one occurrence does not
overwrite what other occurrences hold.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from desktop.services.calendar import EventView, Occurrence
from desktop.ui.dialogs.event_editor import EventFields
from desktop.ui.widgets.reminder_edit import duration_text


def action_end(all_day: bool, end: datetime | date) -> datetime | date:
    """The end as the actions take it: the last day for all-day spans."""
    if all_day and not isinstance(end, datetime):
        return end - timedelta(days=1)
    return end


def add_args(fields: EventFields) -> dict[str, Any]:
    """`add_event` arguments for a new event."""
    args: dict[str, Any] = {
        "title": fields.title,
        "start": fields.start,
        "end": action_end(fields.all_day, fields.end),
        "all_day": fields.all_day,
        "time_zone": fields.time_zone,
    }
    if fields.location:
        args["location"] = fields.location
    if fields.description:
        args["description"] = fields.description
    if fields.rrule:
        args["rrule"] = fields.rrule
    if fields.attendees:
        args["attendees"] = list(fields.attendees)
    if fields.reminders:
        args["reminders"] = [duration_text(m) for m in fields.reminders]
    return args


def editor_fields(occurrence: Occurrence, view: EventView, rule: str | None) -> EventFields:
    """What the editor shows for `occurrence` of the event `view` (`rule`: its series')."""
    return EventFields(
        title=view.title,
        all_day=occurrence.all_day,
        start=occurrence.start,
        end=occurrence.end,
        time_zone=view.time_zone,
        location=view.location,
        description=view.description,
        rrule=rule,
        attendees=tuple(a.email for a in view.attendees),
        reminders=tuple(view.reminders),
    )


def changed_args(before: EventFields, after: EventFields) -> dict[str, Any]:
    """The `update_event`/`update_occurrence` arguments for what the editor changed."""
    args: dict[str, Any] = {}
    for name in ("title", "location", "description"):
        if getattr(after, name) != getattr(before, name):
            args[name] = getattr(after, name)
    if after.start != before.start or after.end != before.end:
        args["start"] = after.start
        args["end"] = action_end(after.all_day, after.end)
    if after.rrule != before.rrule:
        if after.rrule:
            args["rrule"] = after.rrule
        else:
            args["clear_rrule"] = True
    added = [email for email in after.attendees if email not in before.attendees]
    if added:
        args["attendees"] = added
    return args


def reminder_args(before: EventFields, after: EventFields) -> dict[str, Any]:
    """The `update_event` arguments setting the reminders the editor changed (a series
    keeps one list of reminders for all its occurrences, so no scope is asked)."""
    if tuple(after.reminders) == tuple(before.reminders):
        return {}
    if not after.reminders:
        return {"clear_reminders": True}
    return {"reminders": [duration_text(m) for m in after.reminders]}


def move_args(
    occurrence: Occurrence, start: datetime | date, end: datetime | date
) -> dict[str, Any]:
    """The span arguments of moving or resizing `occurrence` to start..end."""
    return {"start": start, "end": action_end(occurrence.all_day, end)}


def scoped(
    action_args: dict[str, Any], occurrence: Occurrence, scope: str | None
) -> tuple[str, dict[str, Any]]:
    """The action and its arguments: a series' occurrence goes through update_occurrence."""
    if occurrence.recurring and scope is not None:
        return "update_occurrence", {
            "id": str(occurrence.event_id),
            "occurrence": occurrence.occurrence_key,
            "scope": scope,
            **action_args,
        }
    return "update_event", {"id": str(occurrence.event_id), **action_args}


def delete_call(occurrence: Occurrence, scope: str) -> tuple[str, dict[str, Any]]:
    """The action deleting `occurrence` (with its scope when it belongs to a series)."""
    if occurrence.recurring:
        return "delete_occurrence", {
            "id": str(occurrence.event_id),
            "occurrence": occurrence.occurrence_key,
            "scope": scope,
        }
    return "delete_event", {"id": str(occurrence.event_id)}
