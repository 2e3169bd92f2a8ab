"""Writing rows as a VCALENDAR: VEVENTs (series, overrides) and VTODOs.

Timed values are written in their own zone with a TZID (UTC ones with 'Z'), and
a VTIMEZONE is added for every zone used, so that other programs need no zone
database. All-day values are DATEs. Reminders become DISPLAY alarms; the chair
among attendees is also the ORGANIZER. A row without a UID gets `<id>@atrium`,
which an import into the same profile recognises.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import (
    Alarm,
    Calendar,
    Component,
    Event,
    Timezone,
    Todo,
    vCalAddress,
    vDuration,
    vRecur,
)

from desktop import __version__
from desktop.services.ical.mapping import ALL_DAY_ANCHOR_MINUTES, RDATES_ONLY
from desktop.store.models import PRIORITIES, Attendee, CalendarEvent, Task

PRODID = f"-//Atrium//Atrium {__version__}//EN"
UID_SUFFIX = "@atrium"
ROLE_NAMES = {"chair": "CHAIR", "required": "REQ-PARTICIPANT", "optional": "OPT-PARTICIPANT"}
PRIORITY_NUMBERS = {"urgent": 1, "high": 3, "medium": 5, "low": 9}
TASK_STATUS_NAMES = {
    "todo": "NEEDS-ACTION",
    "in_progress": "IN-PROCESS",
    "done": "COMPLETED",
    "cancelled": "CANCELLED",
}


def new_calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    return calendar


def uid_of(row: CalendarEvent | Task) -> str:
    return row.uid or f"{row.id}{UID_SUFFIX}"


def events_calendar(
    rows: Sequence[CalendarEvent],
    attendees: dict[object, list[Attendee]],
    now: datetime,
) -> Calendar:
    """A VCALENDAR of these events (series before their overrides), with VTIMEZONEs."""
    calendar = new_calendar()
    by_id = {row.id: row for row in rows}
    zones = {row.time_zone for row in rows if not row.all_day and row.time_zone != "UTC"}
    for name in sorted(zones):
        calendar.add_component(_timezone(name))
    for row in rows:
        series = by_id.get(row.series_id) if row.series_id else None
        calendar.add_component(_event(row, series, attendees.get(row.id, []), now))
    return calendar


def tasks_calendar(rows: Sequence[Task], now: datetime) -> Calendar:
    """A VCALENDAR of these tasks as VTODOs (subtasks name their parent in RELATED-TO)."""
    calendar = new_calendar()
    uids = {row.id: uid_of(row) for row in rows}
    for row in rows:
        calendar.add_component(_todo(row, uids, now))
    return calendar


@lru_cache(maxsize=64)
def _timezone_text(name: str) -> bytes:
    text: bytes = Timezone.from_tzid(name).to_ical()
    return text


def _timezone(name: str) -> Component:
    return Timezone.from_ical(_timezone_text(name))


def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _event(
    row: CalendarEvent, series: CalendarEvent | None, people: list[Attendee], now: datetime
) -> Event:
    event = Event()
    event.add("uid", uid_of(series if series is not None else row))
    event.add("dtstamp", now.astimezone(UTC))
    event.add("summary", row.title)
    if row.description:
        event.add("description", row.description)
    if row.location:
        event.add("location", row.location)
    zone = _zone(row.time_zone)
    if row.all_day:
        event.add("dtstart", row.start_date)
        event.add("dtend", row.end_date)
    else:
        assert row.start_at is not None and row.end_at is not None
        event.add("dtstart", row.start_at.astimezone(zone))
        event.add("dtend", row.end_at.astimezone(zone))
    if row.rrule:
        if not (row.rrule == RDATES_ONLY and row.rdates):
            event.add("rrule", vRecur.from_ical(row.rrule))
        if row.exdates:
            event.add("exdate", _moments(row.exdates, row.all_day, zone))
        if row.rdates:
            event.add("rdate", _moments(row.rdates, row.all_day, zone))
    if row.recurrence_id:
        owner = series or row
        event.add(
            "recurrence-id",
            _moments([row.recurrence_id], owner.all_day, _zone(owner.time_zone))[0],
        )
    event.add("status", row.status.upper())
    event.add("transp", row.transparency.upper())
    for person in people:
        _add_person(event, person)
    for minutes in row.reminders or ():
        before = minutes - ALL_DAY_ANCHOR_MINUTES if row.all_day else minutes
        event.add_component(_alarm(row.title, timedelta(minutes=-before)))
    return event


def _moments(values: Iterable[str], all_day: bool, zone: ZoneInfo) -> list[date | datetime]:
    if all_day:
        return [date.fromisoformat(value[:10]) for value in values]
    return [datetime.fromisoformat(value).astimezone(zone) for value in values]


def _add_person(event: Event, person: Attendee) -> None:
    address = vCalAddress(f"mailto:{person.email}")
    if person.name:
        address.params["CN"] = person.name
    address.params["ROLE"] = ROLE_NAMES.get(person.role, "REQ-PARTICIPANT")
    address.params["PARTSTAT"] = person.response.upper()
    event.add("attendee", address, encode=False)
    if person.role == "chair" and "ORGANIZER" not in event:
        organizer = vCalAddress(f"mailto:{person.email}")
        if person.name:
            organizer.params["CN"] = person.name
        event.add("organizer", organizer, encode=False)


def _alarm(title: str, trigger: timedelta, related_end: bool = False) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    alarm.add("trigger", trigger)
    if related_end:
        alarm["TRIGGER"].params["RELATED"] = "END"
    return alarm


def _todo(row: Task, uids: dict[uuid.UUID, str], now: datetime) -> Todo:
    todo = Todo()
    todo.add("uid", uids[row.id])
    todo.add("dtstamp", now.astimezone(UTC))
    todo.add("summary", row.title)
    if row.notes:
        todo.add("description", row.notes)
    if row.start_at is not None:
        todo.add("dtstart", row.start_at.astimezone(UTC))
    if row.due_at is not None:
        todo.add("due", row.due_at.astimezone(UTC))
    elif row.due_date is not None:
        todo.add("due", row.due_date)
    todo.add("priority", PRIORITY_NUMBERS[PRIORITIES[row.priority]])
    if row.tags:
        todo.add("categories", list(row.tags))
    todo.add("status", TASK_STATUS_NAMES.get(row.status, "NEEDS-ACTION"))
    if row.completed_at is not None:
        todo.add("completed", row.completed_at.astimezone(UTC))
    if row.recurrence:
        todo.add("rrule", vRecur.from_ical(row.recurrence))
        todo.add("x-atrium-repeat-from", row.repeat_from)
    if row.parent_id is not None and row.parent_id in uids:
        todo.add("related-to", uids[row.parent_id], parameters={"RELTYPE": "PARENT"})
    if row.estimate_minutes:
        todo.add("estimated-duration", vDuration(timedelta(minutes=row.estimate_minutes)))
    if row.due_at is not None or row.due_date is not None:
        for minutes in row.reminders or ():
            before = minutes if row.due_at is not None else minutes - ALL_DAY_ANCHOR_MINUTES
            todo.add_component(_alarm(row.title, timedelta(minutes=-before), related_end=True))
    return todo
