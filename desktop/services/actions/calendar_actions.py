"""Calendar actions."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from desktop.core.errors import UserError
from desktop.core.when import parse_day
from desktop.services.actions.registry import Action, Param
from desktop.services.actions.reminder_params import NO_REMINDERS, REMINDERS, reminder_minutes
from desktop.services.calendar import EventDraft
from desktop.services.container import Services

ID = Param("id", "string", "the event's id", required=True, format="id")
DEFAULT_RANGE_DAYS = 14


def _add(s: Services, a: dict[str, Any]) -> Any:
    start, all_day = a["start"], bool(a.get("all_day"))
    zone = s.ctx.zone
    if all_day and isinstance(start, datetime):
        start = start.astimezone(zone).date()
    if not all_day and not isinstance(start, datetime):
        raise UserError(
            "the start has no time of day; give one (e.g. 'tomorrow 9:00') or add --all-day"
        )
    if "end" in a and "duration" in a:
        raise UserError("give either an end or a duration, not both")
    if "end" in a:
        end = a["end"]
        if not all_day and not isinstance(end, datetime):
            end = datetime.combine(end, time(), zone)
    elif "duration" in a:
        end = (
            start + timedelta(minutes=a["duration"])
            if not all_day
            else (start + timedelta(days=max(1, a["duration"] // 1440)))
        )
    elif all_day:
        end = start + timedelta(days=1)
    else:
        raise UserError("say when the event ends: give an end or a duration such as 1h")
    if all_day and isinstance(end, datetime):
        end = end.astimezone(zone).date()
    if all_day and "end" in a:
        end = end + timedelta(days=1)  # people name the last day; storage excludes the end
    return s.calendar.add(
        EventDraft(
            title=a["title"],
            start=start,
            end=end,
            all_day=all_day,
            location=a.get("location", ""),
            description=a.get("description", ""),
            time_zone=a.get("time_zone"),
            rrule=a.get("rrule"),
            attendees=a.get("attendees", []),
            reminders=reminder_minutes(a) or [],
        )
    )


def _list(s: Services, a: dict[str, Any]) -> Any:
    first: date = a.get("from") or s.ctx.today()
    last: date = a.get("to") or first + timedelta(days=DEFAULT_RANGE_DAYS - 1)
    return s.calendar.occurrences(first, last)


def _update(s: Services, a: dict[str, Any]) -> Any:
    end = a.get("end")
    if end is not None and s.calendar.get(a["id"]).all_day:
        last = end.astimezone(s.ctx.zone).date() if isinstance(end, datetime) else end
        end = last + timedelta(days=1)  # as in add_event: people name the last day
    return s.calendar.update(
        a["id"],
        title=a.get("title"),
        start=a.get("start"),
        end=end,
        location=a.get("location"),
        description=a.get("description"),
        rrule=a.get("rrule"),
        clear_rrule=bool(a.get("clear_rrule")),
        add_attendees=a.get("attendees"),
        reminders=reminder_minutes(a),
    )


def _occurrence_text(s: Services, value: str) -> str:
    """An occurrence key or ISO date as given; words like 'tomorrow' as a local date."""
    text = value.strip()
    if not text or text[:4].isdigit():
        return text
    return parse_day(text, s.ctx.now(), s.ctx.zone).isoformat()


def _update_occurrence(s: Services, a: dict[str, Any]) -> Any:
    start, end = a.get("start"), a.get("end")
    if s.calendar.get(a["id"]).all_day:
        if isinstance(start, datetime):
            start = start.astimezone(s.ctx.zone).date()
        if end is not None:
            last = end.astimezone(s.ctx.zone).date() if isinstance(end, datetime) else end
            end = last + timedelta(days=1)  # as in add_event: people name the last day
    return s.calendar.update_occurrence(
        a["id"],
        _occurrence_text(s, a.get("occurrence", "")),
        a.get("scope", "this"),
        title=a.get("title"),
        start=start,
        end=end,
        location=a.get("location"),
        description=a.get("description"),
        status=a.get("status"),
        rrule=a.get("rrule"),
        clear_rrule=bool(a.get("clear_rrule")),
        add_attendees=a.get("attendees"),
    )


OCCURRENCE = Param(
    "occurrence",
    "string",
    "which occurrence: its occurrence_key from list_events, or its local date "
    "(YYYY-MM-DD, today, tomorrow, a weekday) when it is the only one that day; "
    "not needed when the id is that of a changed occurrence",
)
SCOPE = Param(
    "scope",
    "string",
    "this occurrence (the default), this and the following ones, or all of the series",
    enum=("this", "following", "all"),
)

ACTIONS = (
    Action(
        "add_event",
        "Add a calendar event",
        "write",
        _add,
        (
            Param("title", "string", "what it is", required=True),
            Param("start", "string", "when it starts", required=True, format="when"),
            Param(
                "end", "string", "when it ends (for all-day events: the last day)", format="when"
            ),
            Param("duration", "string", "how long it lasts", format="duration"),
            Param("all_day", "boolean", "an all-day event (dates, no times)"),
            Param("location", "string", "where"),
            Param("description", "string", "details"),
            Param("time_zone", "string", "the event's time zone (IANA name)"),
            Param("rrule", "string", "an RRULE such as FREQ=WEEKLY;BYDAY=MO,WE"),
            Param("attendees", "array", "email addresses of people to invite"),
            REMINDERS,
        ),
        area="calendar",
    ),
    Action(
        "list_events",
        "List event occurrences in a range of days (default: two weeks)",
        "read",
        _list,
        (
            Param("from", "string", "first day", format="date"),
            Param("to", "string", "last day (inclusive)", format="date"),
        ),
        area="calendar",
    ),
    Action(
        "get_event",
        "Show one event",
        "read",
        lambda s, a: s.calendar.get(a["id"]),
        (ID,),
        area="calendar",
    ),
    Action(
        "update_event",
        "Change an event (all occurrences of a series)",
        "write",
        _update,
        (
            ID,
            Param("title", "string", "new title"),
            Param("start", "string", "new start (the end moves along unless given)", format="when"),
            Param("end", "string", "new end", format="when"),
            Param("location", "string", "new location"),
            Param("description", "string", "new details"),
            Param("rrule", "string", "new recurrence rule"),
            Param("clear_rrule", "boolean", "stop repeating"),
            Param("attendees", "array", "email addresses to invite as well"),
            REMINDERS,
            NO_REMINDERS,
        ),
        area="calendar",
    ),
    Action(
        "update_occurrence",
        "Change one occurrence of a recurring event, it and the following ones, or all",
        "write",
        _update_occurrence,
        (
            ID,
            OCCURRENCE,
            SCOPE,
            Param("title", "string", "new title"),
            Param("start", "string", "new start of this occurrence", format="when"),
            Param("end", "string", "new end of this occurrence", format="when"),
            Param("location", "string", "new location"),
            Param("description", "string", "new details"),
            Param("status", "string", "new status", enum=("confirmed", "tentative", "cancelled")),
            Param("rrule", "string", "new recurrence rule (scope following or all)"),
            Param("clear_rrule", "boolean", "stop repeating (scope following or all)"),
            Param("attendees", "array", "email addresses to invite as well"),
        ),
        area="calendar",
    ),
    Action(
        "delete_occurrence",
        "Delete one occurrence of a recurring event, it and the following ones, or all",
        "destructive",
        lambda s, a: s.calendar.delete_occurrence(
            a["id"], _occurrence_text(s, a.get("occurrence", "")), a.get("scope", "this")
        ),
        (ID, OCCURRENCE, SCOPE),
        area="calendar",
    ),
    Action(
        "delete_event",
        "Delete an event (a whole series)",
        "destructive",
        lambda s, a: s.calendar.delete(a["id"]),
        (ID,),
        area="calendar",
    ),
)
