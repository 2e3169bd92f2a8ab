"""Reminders: when each one is due, and what the user did with it (fired, snoozed, dismissed).

A reminder is "N minutes before" a task's due time or an event occurrence's start.
Dated tasks and all-day events have no time of day, so their reminders count back
from ALL_DAY_ANCHOR (09:00) local time on that day. What happened to a reminder is
kept in a synced `ReminderState` row whose id is derived from (owner, item,
occurrence, offset): two devices that fire the same reminder write the same row.

A reminder is named by a key, `task:<id>:<occurrence>:<minutes>` or
`event:<id>:<occurrence>:<minutes>`, which the command line and the shell use to
snooze or dismiss it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.core.recurrence import occurrence_key
from desktop.services.base import Outcome, ServiceContext, live
from desktop.services.calendar import CalendarService, Occurrence
from desktop.store.models import CalendarEvent, ReminderState, Task

REMINDERS = Changes(reminders=True)
ALL_DAY_ANCHOR = time(9, 0)
DEFAULT_HORIZON = timedelta(days=7)
# Reminders that fell due this long ago and were never shown are still delivered.
MISSED_WINDOW = timedelta(hours=12)
MAX_SNOOZE_MINUTES = 7 * 24 * 60
_STATE_NAMESPACE = uuid.UUID("6d7e6d1c-7f0a-4b7a-9a55-8f0d1c2b3a41")


@dataclass(frozen=True)
class Reminder:
    """One reminder of one task or event occurrence."""

    key: str
    item_kind: str  # "task" | "event"
    item_id: uuid.UUID
    title: str
    occurrence: str  # the occurrence key of the event start, or "due" for a task
    offset_minutes: int
    starts: datetime | date  # the due time / occurrence start it reminds of
    fire_at: datetime  # when it is (or, when snoozed, was put off until) due
    state: str  # "pending" | "snoozed"


def reminder_key(kind: str, item_id: uuid.UUID, occurrence: str, offset: int) -> str:
    return f"{kind}:{item_id}:{occurrence}:{offset}"


def parse_reminder_key(key: str) -> tuple[str, uuid.UUID, str, int]:
    """(kind, item id, occurrence, offset) of a key; UserError when it is not one."""
    kind, _, rest = key.strip().partition(":")
    ident, _, rest = rest.partition(":")
    occurrence, _, offset = rest.rpartition(":")
    try:
        if kind not in ("task", "event") or not occurrence:
            raise ValueError(key)
        return kind, uuid.UUID(ident), occurrence, int(offset)
    except ValueError:
        raise UserError(
            f"'{key}' is not a reminder key; `atrium reminder list` shows them "
            "(like task:0192f3c4-...:due:15)"
        ) from None


class ReminderService:
    """Which reminders are due, and snoozing, dismissing and marking them shown."""

    def __init__(self, ctx: ServiceContext, calendar: CalendarService) -> None:
        self.ctx = ctx
        self.calendar = calendar

    def upcoming(self, horizon: timedelta = DEFAULT_HORIZON) -> list[Reminder]:
        """Reminders not yet shown that fall due from MISSED_WINDOW ago to `horizon` ahead."""
        now = self.ctx.now()
        return self._between(now - MISSED_WINDOW, now + horizon)

    def due(self) -> list[Reminder]:
        """Reminders to show now: due, and neither shown nor dismissed nor snoozed past now."""
        now = self.ctx.now()
        return [r for r in self._between(now - MISSED_WINDOW, now) if r.fire_at <= now]

    def mark_fired(self, keys: Iterable[str]) -> Outcome[int]:
        """Record that these reminders were shown, so they are not shown again."""
        return self._set_state(list(keys), "fired", None)

    def snooze(self, key: str, minutes: int) -> Outcome[Reminder]:
        """Show the reminder again `minutes` from now."""
        if not 1 <= minutes <= MAX_SNOOZE_MINUTES:
            raise UserError(f"snooze for 1 to {MAX_SNOOZE_MINUTES} minutes, not {minutes}")
        until = self.ctx.now() + timedelta(minutes=minutes)
        reminder = self._find(key)
        self._set_state([key], "snoozed", until)
        return Outcome(replace(reminder, fire_at=until, state="snoozed"), REMINDERS)

    def dismiss(self, key: str) -> Outcome[int]:
        """Never show this reminder again."""
        self._find(key)
        return self._set_state([key], "dismissed", None)

    # -- computing ------------------------------------------------------------------------

    def _between(self, lo: datetime, hi: datetime) -> list[Reminder]:
        candidates = [*self._task_reminders(lo, hi), *self._event_reminders(lo, hi)]
        states = self._states(candidates)
        found: list[Reminder] = []
        for reminder in candidates:
            state = states.get(reminder.key)
            if state is None:
                if lo <= reminder.fire_at <= hi:
                    found.append(reminder)
            elif state.state == "snoozed" and state.snoozed_until is not None:
                until = state.snoozed_until
                if until <= hi:
                    found.append(replace(reminder, fire_at=until, state="snoozed"))
        return sorted(found, key=lambda r: (r.fire_at, r.title, r.key))

    def _task_reminders(self, lo: datetime, hi: datetime) -> list[Reminder]:
        zone = self.ctx.zone
        longest = timedelta(minutes=MAX_SNOOZE_MINUTES)
        with self.ctx.store.read() as session:
            rows = session.scalars(
                select(Task).where(
                    live(Task),
                    Task.owner_id == self.ctx.store.user_id,
                    Task.status.in_(("todo", "in_progress")),
                    (Task.due_at.is_not(None) & (Task.due_at >= lo) & (Task.due_at <= hi + longest))
                    | (
                        Task.due_date.is_not(None)
                        & (Task.due_date >= (lo - timedelta(days=1)).astimezone(zone).date())
                        & (Task.due_date <= (hi + longest).astimezone(zone).date())
                    ),
                )
            ).all()
        result: list[Reminder] = []
        for row in rows:
            if not row.reminders:
                continue
            starts: datetime | date = row.due_at or row.due_date  # type: ignore[assignment]
            anchor = _anchor(starts, zone)
            for offset in row.reminders:
                result.append(
                    Reminder(
                        key=reminder_key("task", row.id, "due", offset),
                        item_kind="task",
                        item_id=row.id,
                        title=row.title,
                        occurrence="due",
                        offset_minutes=offset,
                        starts=starts,
                        fire_at=anchor - timedelta(minutes=offset),
                        state="pending",
                    )
                )
        return result

    def _event_reminders(self, lo: datetime, hi: datetime) -> list[Reminder]:
        zone = self.ctx.zone
        # Reminders come before the start: look ahead by the longest one anybody sets.
        first = (lo - timedelta(days=1)).astimezone(zone).date()
        last = (hi + timedelta(days=8)).astimezone(zone).date()
        occurrences = self.calendar.occurrences(first, last)
        offsets = self._event_offsets({o.event_id for o in occurrences})
        result: list[Reminder] = []
        for occ in occurrences:
            for offset in offsets.get(occ.event_id, ()):
                result.append(_event_reminder(occ, offset, zone))
        return result

    def _event_offsets(self, ids: set[uuid.UUID]) -> dict[uuid.UUID, list[int]]:
        if not ids:
            return {}
        with self.ctx.store.read() as session:
            rows = session.execute(
                select(CalendarEvent.id, CalendarEvent.reminders).where(
                    CalendarEvent.id.in_(ids), CalendarEvent.reminders != []
                )
            ).all()
        return {ident: list(minutes) for ident, minutes in rows if minutes}

    # -- state ----------------------------------------------------------------------------

    def _state_id(self, key: str) -> uuid.UUID:
        return uuid.uuid5(_STATE_NAMESPACE, f"{self.ctx.store.user_id}:{key}")

    def _states(self, reminders: list[Reminder]) -> dict[str, ReminderState]:
        if not reminders:
            return {}
        by_id = {self._state_id(r.key): r.key for r in reminders}
        with self.ctx.store.read() as session:
            rows = session.scalars(
                select(ReminderState).where(ReminderState.id.in_(list(by_id)), live(ReminderState))
            ).all()
        return {by_id[row.id]: row for row in rows}

    def _find(self, key: str) -> Reminder:
        kind, item_id, occurrence, offset = parse_reminder_key(key)
        now = self.ctx.now()
        window = timedelta(days=366)
        if kind == "task":
            pool = self._task_reminders(now - window, now + window)
        else:
            pool = self._event_reminders(now - timedelta(days=31), now + window)
        for reminder in pool:
            if reminder.key == reminder_key(kind, item_id, occurrence, offset):
                return reminder
        raise UserError(
            f"there is no reminder {key} (its {kind} may have changed or been deleted); "
            "`atrium reminder list` shows the current ones"
        )

    def _set_state(self, keys: list[str], state: str, until: datetime | None) -> Outcome[int]:
        with self.ctx.store.unit_of_work() as uow:
            for key in keys:
                kind, item_id, occurrence, offset = parse_reminder_key(key)
                ident = self._state_id(key)
                row = uow.s.get(ReminderState, ident)
                if row is None:
                    row = ReminderState(
                        id=ident,
                        item_kind=kind,
                        item_id=item_id,
                        occurrence=occurrence,
                        offset_minutes=offset,
                        state=state,
                        snoozed_until=until,
                    )
                    uow.s.add(row)
                else:
                    row.state, row.snoozed_until = state, until
                    row.deleted_hlc = None  # a state undone (tombstoned) before comes back
            uow.commit()
        return Outcome(len(keys), REMINDERS)


def _anchor(starts: datetime | date, zone: ZoneInfo) -> datetime:
    if isinstance(starts, datetime):
        return starts.astimezone(UTC)
    return datetime.combine(starts, ALL_DAY_ANCHOR, tzinfo=zone).astimezone(UTC)


def _event_reminder(occ: Occurrence, offset: int, zone: ZoneInfo) -> Reminder:
    key = occ.occurrence_key or occurrence_key(occ.start)
    return Reminder(
        key=reminder_key("event", occ.event_id, key, offset),
        item_kind="event",
        item_id=occ.event_id,
        title=occ.title,
        occurrence=key,
        offset_minutes=offset,
        starts=occ.start,
        fire_at=_anchor(occ.start, zone) - timedelta(minutes=offset),
        state="pending",
    )
