"""Trigger events that come from time passing, not from a write: overdue tasks, events
about to start, budgets past a threshold.

`DerivedEvents.check(dispatch, now)` looks at the span since the last check (kept in
AppMeta as "workflows.derived_checked_at", at most a week back) and hands to
`dispatch(name, data, key)`:

- task.overdue for each open task that became overdue in the span (a due instant
  passed, or the day after a due day began in the user's zone), keyed
  "task.overdue:<id>:<due>" (a task moved to a later due and missed again counts again);
- event.starting for each timed occurrence whose start minus a trigger's
  `minutes_before` fell in the span and that has not been under way for long, keyed
  "event.starting:<id>:<occurrence start>", once per distinct `minutes_before`
  (the trigger filter keeps each workflow to its own).

`budgets(dispatch)` (after finance changes) hands budget.threshold for every budget of
this month used at least as much as the lowest threshold a trigger asks for, keyed
"budget.threshold:<category>:<month>": a workflow's filter picks its percent, and the key
keeps it to one run per budget and month.

Only events some enabled workflow of this device waits for are looked for; the span
moves forward only after the dispatches returned. While no workflow waits for overdue
tasks or starting events there is no span (nothing is written each minute), and the
first check after one appears only starts it: nothing from before fires.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, or_, select

from desktop.services.base import ServiceContext
from desktop.services.workflow_timing import enabled_workflows, runs_here, trigger_of
from desktop.store.models import PRIORITIES, AppMeta, Task

log = logging.getLogger("desktop.services")

CHECKED_KEY = "workflows.derived_checked_at"
MAX_SPAN = timedelta(days=7)
# An event under way for longer than this is not announced as starting.
STARTED_GRACE = timedelta(minutes=5)
OPEN = ("todo", "in_progress")

DispatchEvent = Callable[[str, dict[str, Any], str], object]


@dataclass(frozen=True)
class Wanted:
    """What the enabled event-triggered workflows of this device wait for."""

    events: frozenset[str] = frozenset()
    minutes_before: frozenset[int] = frozenset()
    percents: tuple[Decimal, ...] = field(default_factory=tuple)


class DerivedEvents:
    """Finds the time-derived trigger events and dispatches them once."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def wanted(self) -> Wanted:
        store = self.ctx.store
        with store.read() as session:
            rows = enabled_workflows(session, store.user_id)
        events: set[str] = set()
        minutes: set[int] = set()
        percents: set[Decimal] = set()
        for row in rows:
            trigger = trigger_of(row.trigger)
            if trigger is None or trigger.kind != "event" or not trigger.event:
                continue
            if not runs_here(row, store.device_id):
                continue
            events.add(trigger.event)
            if trigger.event == "event.starting":
                minutes.add(int(trigger.filter.get("minutes_before", 0) or 0))
            if trigger.event == "budget.threshold":
                percents.add(Decimal(str(trigger.filter.get("percent", 100))))
        return Wanted(frozenset(events), frozenset(minutes), tuple(sorted(percents)))

    def check(self, dispatch: DispatchEvent, now: datetime | None = None) -> int:
        """Dispatch what became overdue or starting since the last check; how many."""
        moment = now or self.ctx.now()
        wanted = self.wanted()
        since = self._checked_at()
        if not wanted.events & {"task.overdue", "event.starting"}:
            if since is not None:  # the span starts again when a workflow waits
                self._mark_checked(None)
            return 0
        if since is None or since >= moment:
            self._mark_checked(moment)
            return 0
        since = max(since, moment - MAX_SPAN)
        found: list[tuple[str, dict[str, Any], str]] = []
        if "task.overdue" in wanted.events:
            found += self.overdue(since, moment)
        for minutes in sorted(wanted.minutes_before) if "event.starting" in wanted.events else []:
            found += self.starting(since, moment, minutes)
        for name, data, key in found:
            dispatch(name, data, key)
        self._mark_checked(moment)
        return len(found)

    def overdue(self, after: datetime, until: datetime) -> list[tuple[str, dict[str, Any], str]]:
        """task.overdue for the open tasks whose overdue moment is in (`after`, `until`]."""
        zone = self.ctx.zone
        first_day = after.astimezone(zone).date() - timedelta(days=1)
        last_day = until.astimezone(zone).date()
        with self.ctx.store.read() as session:
            rows = session.scalars(
                select(Task).where(
                    Task.owner_id == self.ctx.store.user_id,
                    Task.deleted_hlc.is_(None),
                    Task.status.in_(OPEN),
                    or_(
                        and_(Task.due_at > after, Task.due_at <= until),
                        and_(Task.due_date >= first_day, Task.due_date <= last_day),
                    ),
                )
            ).all()
        found = []
        for row in rows:
            moment = row.due_at or _day_after(row.due_date, zone)
            if moment is None or not after < moment <= until:
                continue
            due = (row.due_at or row.due_date or moment).isoformat()
            data = {"task": _task(row, due)}
            found.append(("task.overdue", data, f"task.overdue:{row.id}:{due}"))
        return found

    def starting(
        self, after: datetime, until: datetime, minutes: int
    ) -> list[tuple[str, dict[str, Any], str]]:
        """event.starting for timed occurrences `minutes` before their start in the span."""
        from desktop.services.calendar_occurrences import occurrences_between

        zone = self.ctx.zone
        lead = timedelta(minutes=minutes)
        first = (after + lead).astimezone(zone).date()
        last = (until + lead).astimezone(zone).date()
        found = []
        for item in occurrences_between(self.ctx, first, last):
            if item.all_day or not isinstance(item.start, datetime):
                continue
            start = item.start.astimezone(UTC)
            if not after < start - lead <= until or start < until - STARTED_GRACE:
                continue
            end = item.end if isinstance(item.end, datetime) else start
            data = {
                "event": {
                    "id": str(item.event_id),
                    "title": item.title,
                    "start": start.isoformat(),
                    "end": end.astimezone(UTC).isoformat(),
                    "location": item.location,
                    "calendar": item.calendar,
                },
                "minutes_before": minutes,
            }
            found.append(
                ("event.starting", data, f"event.starting:{item.event_id}:{start.isoformat()}")
            )
        return found

    def budgets(self, dispatch: DispatchEvent) -> int:
        """budget.threshold for this month's budgets past the lowest wanted threshold."""
        wanted = self.wanted()
        if "budget.threshold" not in wanted.events or not wanted.percents:
            return 0
        from desktop.services.finance_insight import FinanceInsightService

        lowest = wanted.percents[0]
        insight = FinanceInsightService(self.ctx).month(self.ctx.today())
        count = 0
        for budget in insight.budgets:
            if budget.used_percent is None or Decimal(str(budget.used_percent)) < lowest:
                continue
            data = {
                "budget": {
                    "category": budget.category,
                    "month": budget.month,
                    "percent": round(budget.used_percent, 1),
                    "spent": str(budget.spent),
                    "available": str(budget.available),
                    "remaining": str(budget.remaining),
                    "currency": budget.currency,
                }
            }
            key = f"budget.threshold:{budget.category.casefold()}:{budget.month}"
            dispatch("budget.threshold", data, key)
            count += 1
        return count

    # -- the span checked ------------------------------------------------------------------

    def _checked_at(self) -> datetime | None:
        with self.ctx.store.read() as session:
            text = session.scalar(select(AppMeta.value).where(AppMeta.key == CHECKED_KEY))
        return datetime.fromisoformat(text) if text else None

    def _mark_checked(self, moment: datetime | None) -> None:
        """Record the end of the span checked (None: no span, nothing waits)."""
        with self.ctx.store.unit_of_work() as uow:
            row = uow.s.get(AppMeta, CHECKED_KEY)
            if moment is None:
                if row is not None:
                    uow.s.delete(row)
            elif row is None:
                uow.s.add(AppMeta(key=CHECKED_KEY, value=moment.isoformat()))
            elif datetime.fromisoformat(row.value) < moment:
                row.value = moment.isoformat()
            uow.commit()


def _day_after(day: date | None, zone: Any) -> datetime | None:
    """The instant a due day is over: midnight after it, in the user's zone."""
    if day is None:
        return None
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)


def _task(row: Task, due: str) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "title": row.title,
        "tags": list(row.tags or []),
        "priority": PRIORITIES[row.priority] if 0 <= row.priority < len(PRIORITIES) else "medium",
        "status": row.status,
        "due": due,
        "project_id": str(row.project_id) if row.project_id else None,
    }
