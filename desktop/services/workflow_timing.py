"""When time-triggered workflows fire: their fire instants, what is due, what was missed.

A time trigger is a cron expression, an interval (`every_minutes`, counted from
midnight of 2000-01-01 in the user's zone, so the instants are the same after a
restart) or a time of day (`at`) on some weekdays, all in the user's zone. APScheduler's
triggers compute the instants (imported when first needed). Cron weekdays are the
standard ones (0 or 7 = Sunday), translated for APScheduler 3, which counts from
Monday; a restricted day of month and weekday must both hold (APScheduler's rule).

`WorkflowClock.due(now)` gives, per enabled time-triggered workflow that runs on this
device, the latest instant after the last one handled (`last_fire_at`) and after the
workflow was last written (made, edited, enabled: nothing before is owed) that is not
after `now`. One that is late by more than
`LATE_GRACE` was missed (the app was closed or the machine asleep): the workflow's
policy says whether it runs once (with that latest instant's key) or is skipped.
Either way `mark_fired` records the instant as handled, after the run returned, so a
crash in between runs it again with the same key (which the run's unique event key
turns into nothing).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services.base import ServiceContext, live
from desktop.services.workflow_spec import WEEKDAYS, Trigger
from desktop.store.models import Workflow

LATE_GRACE = timedelta(minutes=5)
# Windows searched, smallest first, for the latest instant before now (a cron that fires
# every minute needs no week of iterations).
_LOOKBACK = (
    timedelta(hours=1),
    timedelta(days=1),
    timedelta(days=32),
    timedelta(days=367),
    timedelta(days=3700),
)
_MAX_STEPS = 2000
_CRON_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
_INTERVAL_ANCHOR = datetime(2000, 1, 1)


@dataclass(frozen=True)
class TimedWorkflow:
    """An enabled time-triggered workflow of this device and its last handled instant."""

    id: uuid.UUID
    name: str
    trigger: Trigger
    missed: str
    since: datetime


@dataclass(frozen=True)
class Fire:
    """A workflow's due instant: run it (`run`), or only record it as handled (skipped)."""

    workflow_id: uuid.UUID
    name: str
    instant: datetime
    missed: bool
    run: bool

    @property
    def key(self) -> str:
        """The trigger event's key: "time:<instant in UTC, ISO>"."""
        return f"time:{self.instant.astimezone(UTC).isoformat()}"

    def event(self, zone: ZoneInfo) -> dict[str, Any]:
        """The run's trigger data."""
        return {
            "schedule": {
                "at": self.instant.astimezone(UTC).isoformat(),
                "local": self.instant.astimezone(zone).isoformat(),
                "missed": self.missed,
            }
        }


def trigger_of(data: Mapping[str, Any] | None) -> Trigger | None:
    """The Trigger a `workflows.trigger` JSON holds (None when it is not one)."""
    if not isinstance(data, Mapping) or not isinstance(data.get("kind"), str):
        return None
    days = data.get("days") or ()
    return Trigger(
        kind=data["kind"],
        cron=data.get("cron"),
        every_minutes=data.get("every_minutes"),
        at=data.get("at"),
        days=tuple(days) if isinstance(days, list | tuple) else (),
        event=data.get("event"),
        filter=dict(data.get("filter") or {}),
        phrase=data.get("phrase"),
        missed=str(data.get("missed") or "run_once"),
    )


def enabled_workflows(session: Session, owner_id: uuid.UUID) -> Sequence[Workflow]:
    """The owner's live, enabled workflows (on every device: see `runs_here`)."""
    return session.scalars(
        select(Workflow).where(
            live(Workflow), Workflow.enabled.is_(True), Workflow.owner_id == owner_id
        )
    ).all()


def runs_here(row: Workflow, device_id: uuid.UUID) -> bool:
    """Whether this device runs `row` (its chosen device, else the device that last wrote it)."""
    chosen = row.run_on_device or row.origin
    return chosen == device_id


def schedule_of(trigger: Trigger, zone: ZoneInfo) -> Any:
    """The APScheduler trigger computing `trigger`'s instants in `zone`."""
    from apscheduler.triggers.cron import CronTrigger
    from apscheduler.triggers.interval import IntervalTrigger

    if trigger.every_minutes:
        return IntervalTrigger(
            minutes=trigger.every_minutes,
            start_date=_INTERVAL_ANCHOR.replace(tzinfo=zone),
            timezone=zone,
        )
    if trigger.cron:
        minute, hour, day, month, weekday = trigger.cron.split()
        return CronTrigger(
            minute=minute,
            hour=hour,
            day=day,
            month=month,
            day_of_week=cron_weekdays(weekday),
            timezone=zone,
        )
    if trigger.at:
        hour, minute = trigger.at.split(":")
        days = ",".join(trigger.days) if trigger.days else "*"
        return CronTrigger(hour=int(hour), minute=int(minute), day_of_week=days, timezone=zone)
    raise ValueError("not a time trigger")


def cron_weekdays(field: str) -> str:
    """A standard cron weekday field (0/7 = Sunday, names allowed) as APScheduler 3 names."""
    if field.strip() == "*":
        return "*"
    chosen: set[int] = set()
    for part in field.lower().split(","):
        chosen |= _cron_day_part(part.strip())
    return ",".join(WEEKDAYS[(day - 1) % 7] for day in sorted(chosen, key=lambda d: (d - 1) % 7))


def _cron_day_part(part: str) -> set[int]:
    span, _, step_text = part.partition("/")
    step = int(step_text) if step_text else 1
    if span == "*":
        first, last = 0, 6
    elif "-" in span:
        start, _, end = span.partition("-")
        first, last = _cron_day(start), _cron_day(end)
        if last == 0 and first > 0:
            last = 7  # "5-7" and "fri-sun" end on Sunday
    else:
        first = last = _cron_day(span)
    return {day % 7 for day in range(first, last + 1, step)}


def _cron_day(text: str) -> int:
    if text in _CRON_DAYS:
        return _CRON_DAYS.index(text)
    number = int(text)
    if not 0 <= number <= 7:
        raise ValueError(f"{text} is not a cron weekday")
    return number % 7 if number != 7 else 7


def next_fire(schedule: Any, after: datetime) -> datetime | None:
    """The first instant of `schedule` strictly after `after`."""
    found: datetime | None = schedule.get_next_fire_time(None, after + timedelta(seconds=1))
    return found


def latest_fire(schedule: Any, after: datetime, until: datetime) -> datetime | None:
    """The latest instant of `schedule` in (`after`, `until`], or None."""
    for window in _LOOKBACK:
        start = max(after, until - window)
        latest: datetime | None = None
        moment = next_fire(schedule, start)
        steps = 0
        while moment is not None and moment <= until and steps < _MAX_STEPS:
            latest, steps = moment, steps + 1
            moment = next_fire(schedule, moment)
        if latest is not None or start == after:
            return latest
    return None


class WorkflowClock:
    """The time-triggered workflows of this device: what is due, and recording it."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def timed(self) -> list[TimedWorkflow]:
        """Enabled, time-triggered workflows that run on this device."""
        store = self.ctx.store
        with store.read() as session:
            rows = enabled_workflows(session, store.user_id)
        found = []
        for row in rows:
            trigger = trigger_of(row.trigger)
            if trigger is None or trigger.kind != "time" or not runs_here(row, store.device_id):
                continue
            missed = row.missed_policy or trigger.missed
            # Made, edited or enabled after an instant: that instant is not owed.
            since = max(row.last_fire_at or row.created_at, row.updated_at)
            found.append(TimedWorkflow(row.id, row.name, trigger, missed, since))
        return found

    def due(self, now: datetime | None = None, grace: timedelta = LATE_GRACE) -> list[Fire]:
        """The instant each workflow is due for (at most one each), oldest first."""
        moment = now or self.ctx.now()
        zone = self.ctx.zone
        fires = []
        for workflow in self.timed():
            latest = latest_fire(schedule_of(workflow.trigger, zone), workflow.since, moment)
            if latest is None:
                continue
            missed = moment - latest > grace
            run = not missed or workflow.missed != "skip"
            fires.append(Fire(workflow.id, workflow.name, latest, missed, run))
        return sorted(fires, key=lambda fire: fire.instant)

    def next_wake(self, now: datetime | None = None) -> datetime | None:
        """The soonest instant after `now` at which a workflow is due."""
        moment = now or self.ctx.now()
        zone = self.ctx.zone
        upcoming = [
            found
            for workflow in self.timed()
            if (
                found := next_fire(schedule_of(workflow.trigger, zone), max(moment, workflow.since))
            )
            is not None
        ]
        return min(upcoming, default=None)

    def mark_fired(self, fires: Iterable[Fire]) -> int:
        """Record the fires' instants as handled (never moving one back); how many moved."""
        moved = 0
        with self.ctx.store.unit_of_work() as uow:
            for fire in fires:
                row = uow.s.get(Workflow, fire.workflow_id)
                if row is None or row.deleted_hlc is not None:
                    continue
                if row.last_fire_at is None or row.last_fire_at < fire.instant:
                    row.last_fire_at = fire.instant
                    moved += 1
            uow.commit()
        return moved
