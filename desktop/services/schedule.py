"""Free time and auto-scheduling over the user's calendar and open tasks.

`free` lists free working time; `plan` proposes focus blocks for open tasks
with estimates; `apply` writes an approved plan as events in the "focus"
calendar, each linked to its task (`CalendarEvent.task_id`).

Choices, so that callers (the Scheduler agent, the CLI) can explain them:

- Busy time is every occurrence that is not cancelled and not transparent.
  Tentative events count as busy. An all-day event blocks its whole local
  days when it is opaque (a vacation, a conference) and not at all when it is
  transparent (birthdays and holidays, which calendar apps import as
  TRANSP:TRANSPARENT). Every busy interval is widened by the buffer.
- Nothing is offered or planned before now (rounded up to 5 minutes).
- Re-planning replaces the planner's own future blocks: focus-calendar events
  linked to a task that start inside the plan's window. They do not count as
  busy while planning, and `apply` removes those not in the new plan, keeps
  the identical ones and adds the new ones, so applying twice changes nothing.
  Blocks of tasks that were finished or deleted meanwhile are removed too.
- A task's estimate is the work still to do: blocks in the past do not
  reduce it, and a block already under way stays and counts as busy.
- `apply` refuses a plan that the calendar overtook (a block now overlaps an
  event, or its task is no longer open): plan again.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.core.freetime import (
    Interval,
    WorkingHours,
    free_slots,
    local_instant,
    merge,
    parse_working_hours,
    subtract,
)
from desktop.core.planner import BlockRules, Plan, PlannedBlock, PlanTask, duration_text, place
from desktop.core.recurrence import expand_all_day, expand_timed, occurrence_key
from desktop.services.base import Outcome, ServiceContext, live, zone_or_none
from desktop.services.tasks import OPEN_STATUSES
from desktop.store.models import Attendee, CalendarEvent, Task

if TYPE_CHECKING:
    from desktop.config import Settings
    from desktop.services.container import Services

FOCUS_CALENDAR = "focus"
FOCUS_PREFIX = "Focus: "
MAX_RANGE_DAYS = 366
ROUND_NOW = timedelta(minutes=5)


@dataclass(frozen=True)
class ScheduleOptions:
    """Working hours and block rules (the `work.*` and `schedule.*` settings)."""

    hours: str = "09:00-17:00"
    days: str = "mon-fri"
    buffer_minutes: int = 10
    focus_block_minutes: int = 90
    min_block_minutes: int = 25

    @classmethod
    def from_settings(cls, settings: Settings) -> ScheduleOptions:
        return cls(
            hours=settings.get("work.hours"),
            days=settings.get("work.days"),
            buffer_minutes=settings.get("schedule.buffer_minutes"),
            focus_block_minutes=settings.get("schedule.focus_block_minutes"),
            min_block_minutes=settings.get("schedule.min_block_minutes"),
        )

    def working_hours(self, hours: str | None = None) -> WorkingHours:
        return parse_working_hours(hours if hours is not None else self.hours, self.days)

    def rules(self) -> BlockRules:
        return BlockRules(
            self.focus_block_minutes, self.min_block_minutes, self.buffer_minutes
        ).check()


@dataclass(frozen=True)
class Slot:
    """A span of free time, in the user's zone."""

    start: datetime
    end: datetime

    @property
    def minutes(self) -> int:
        return int((self.end.astimezone(UTC) - self.start.astimezone(UTC)).total_seconds() // 60)


@dataclass(frozen=True)
class Applied:
    """What applying a plan did: the focus events made, kept and removed."""

    created: tuple[uuid.UUID, ...]
    kept: int
    removed: int


class ScheduleService:
    """Free time, plans and focus blocks for the user of one store."""

    def __init__(
        self, source: ServiceContext | Services, options: ScheduleOptions | None = None
    ) -> None:
        self.ctx = source if isinstance(source, ServiceContext) else source.ctx
        self.options = options or ScheduleOptions()

    # -- reading -----------------------------------------------------------------------

    def free(
        self, first: date, last: date, duration_minutes: int, hours: str | None = None
    ) -> list[Slot]:
        """Free working time of at least `duration_minutes` on the days `first`..`last`."""
        if duration_minutes < 1:
            raise UserError("the duration must be at least one minute")
        working = self.options.working_hours(hours)
        window = self._window(first, last)
        if window is None:
            return []
        busy = self._busy(first, last, skip=set())
        found = free_slots(
            busy,
            window,
            self.ctx.zone,
            working,
            self.options.buffer_minutes,
            timedelta(minutes=duration_minutes),
        )
        return [Slot(start, end) for start, end in found]

    def plan(self, first: date, last: date) -> Plan:
        """Focus blocks for the open tasks with estimates, most urgent first."""
        working, rules = self.options.working_hours(), self.options.rules()
        window = self._window(first, last)
        if window is None:
            raise UserError("the range has already passed; plan from today on")
        with self.ctx.store.read() as session:
            replaceable = {row.id for row in self._planned_blocks(session, window)}
            tasks, unestimated = self._open_tasks(session)
        busy = self._busy(first, last, skip=replaceable)
        slots = free_slots(busy, window, self.ctx.zone, working, self.options.buffer_minutes)
        plan = place(tasks, slots, window, self.ctx.zone, rules)
        if unestimated:
            note = f"{unestimated} open task{'s' if unestimated > 1 else ''} without an estimate"
            return Plan(plan.blocks, plan.unplaced, plan.window, (f"{note} left out",))
        return plan

    # -- writing -----------------------------------------------------------------------

    def apply(self, plan: Plan) -> Outcome[Applied]:
        """Write `plan` as focus events, replacing the planner's earlier blocks in its window."""
        self._check_still_fits(plan)
        zone = self.ctx.zone.key
        with self.ctx.store.unit_of_work() as uow:
            self._check_tasks_open(uow.s, plan)
            existing = {
                (row.task_id, row.start_at, row.end_at): row
                for row in self._planned_blocks(uow.s, plan.window)
            }
            created: list[CalendarEvent] = []
            kept = 0
            for block in plan.blocks:
                key = (block.task_id, block.start.astimezone(UTC), block.end.astimezone(UTC))
                row = existing.pop(key, None)
                if row is not None:
                    row.title, row.description = _title(block), _description(block)
                    kept += 1
                    continue
                row = _focus_event(block, zone)
                uow.s.add(row)
                created.append(row)
            doomed = list(existing.values())
            for row in doomed:
                uow.tombstone(row)
            if doomed:
                attendees = uow.s.scalars(
                    select(Attendee).where(
                        live(Attendee), Attendee.event_id.in_([row.id for row in doomed])
                    )
                )
                for attendee in attendees:
                    uow.tombstone(attendee)
            uow.commit()
        applied = Applied(tuple(row.id for row in created), kept, len(doomed))
        changed = Changes(calendar=True) if created or doomed else Changes()
        return Outcome(applied, changed)

    # -- helpers -----------------------------------------------------------------------

    def _window(self, first: date, last: date) -> Interval | None:
        """The instants of the days `first`..`last`, from now on; None when all passed."""
        if last < first:
            raise UserError("the end of the range is before its start")
        if (last - first).days >= MAX_RANGE_DAYS:
            raise UserError(f"choose a range of at most {MAX_RANGE_DAYS} days")
        zone = self.ctx.zone
        now = _ceil(self.ctx.now().astimezone(UTC), ROUND_NOW)
        start = max(local_instant(first, 0, zone), now)
        end = local_instant(last + timedelta(days=1), 0, zone)
        if end <= start:
            return None
        return start.astimezone(zone), end.astimezone(zone)

    def _busy(self, first: date, last: date, *, skip: set[uuid.UUID]) -> list[Interval]:
        """Busy intervals on the days around `first`..`last` (a day more each side, for
        the buffers): occurrences that are neither cancelled nor transparent, minus the
        events in `skip`.

        This reads only the columns it needs (no ORM objects, no attendees): the same
        occurrences as `CalendarService.occurrences`, several times faster.
        """
        zone = self.ctx.zone
        first, last = first - timedelta(days=1), last + timedelta(days=1)
        end_day = last + timedelta(days=1)
        lo, hi = local_instant(first, 0, zone), local_instant(end_day, 0, zone)
        ev = CalendarEvent
        busy_rows = (
            live(ev),
            ev.owner_id == self.ctx.store.user_id,
            ev.status != "cancelled",
            ev.transparency != "transparent",
        )
        overlapping = or_(
            and_(~ev.all_day, ev.start_at < hi, ev.end_at > lo),
            and_(ev.all_day, ev.start_date < end_day, ev.end_date > first),
        )
        columns = (ev.id, ev.all_day, ev.start_at, ev.end_at, ev.start_date, ev.end_date)
        with self.ctx.store.read() as session:
            singles = session.execute(
                select(*columns).where(*busy_rows, ev.rrule.is_(None), overlapping)
            ).all()
            series = session.execute(
                select(*columns, ev.time_zone, ev.rrule, ev.exdates, ev.rdates).where(
                    *busy_rows,
                    ev.rrule.is_not(None),
                    or_(ev.start_at < hi, ev.start_date < end_day),
                )
            ).all()
            overridden = self._overridden(session, [row.id for row in series])
        busy: list[Interval] = []
        for row in singles:
            if row.id in skip:
                continue
            if row.all_day:
                busy.append(
                    (local_instant(row.start_date, 0, zone), local_instant(row.end_date, 0, zone))
                )
            else:
                busy.append((row.start_at, row.end_at))
        for master in series:
            if master.id not in skip:
                busy.extend(self._series_busy(master, (lo, hi), (first, end_day), overridden))
        return busy

    def _overridden(self, session: Session, series_ids: list[uuid.UUID]) -> set[tuple[Any, str]]:
        """(series id, occurrence key) of every overridden occurrence of `series_ids`."""
        if not series_ids:
            return set()
        ev = CalendarEvent
        rows = session.execute(
            select(ev.series_id, ev.recurrence_id).where(
                live(ev),
                ev.owner_id == self.ctx.store.user_id,
                ev.series_id.in_(series_ids),
                ev.recurrence_id.is_not(None),
            )
        )
        return {(series_id, key) for series_id, key in rows if key is not None}

    def _series_busy(
        self,
        row: Any,
        instants: Interval,
        days: tuple[date, date],
        overridden: set[tuple[Any, str]],
    ) -> list[Interval]:
        """The busy intervals of one recurring series inside the window."""
        zone = self.ctx.zone
        if row.all_day:
            length = row.end_date - row.start_date
            starts = expand_all_day(
                row.rrule,
                row.start_date,
                days,
                days=length.days,
                exdates=row.exdates,
                rdates=row.rdates,
            )
            return [
                (local_instant(day, 0, zone), local_instant(day + length, 0, zone))
                for day in starts
                if (row.id, occurrence_key(day)) not in overridden
            ]
        duration = row.end_at - row.start_at
        moments = expand_timed(
            row.rrule,
            row.start_at,
            zone_or_none(row.time_zone) or zone,
            instants,
            duration=duration,
            exdates=row.exdates,
            rdates=row.rdates,
        )
        return [
            (start, start + duration)
            for start in moments
            if (row.id, occurrence_key(start)) not in overridden
        ]

    def _planned_blocks(self, session: Session, window: Interval) -> list[CalendarEvent]:
        """The planner's blocks starting inside `window` (the ones a new plan replaces)."""
        return list(
            session.scalars(
                select(CalendarEvent)
                .where(
                    live(CalendarEvent),
                    CalendarEvent.owner_id == self.ctx.store.user_id,
                    CalendarEvent.calendar == FOCUS_CALENDAR,
                    CalendarEvent.task_id.is_not(None),
                    CalendarEvent.rrule.is_(None),
                    ~CalendarEvent.all_day,
                    CalendarEvent.start_at >= window[0],
                    CalendarEvent.start_at < window[1],
                )
                .order_by(CalendarEvent.start_at, CalendarEvent.id)
            )
        )

    def _open_tasks(self, session: Session) -> tuple[list[PlanTask], int]:
        """Open tasks with an estimate, as the planner sees them; and how many lack one."""
        rows = session.execute(
            select(
                Task.id,
                Task.title,
                Task.estimate_minutes,
                Task.due_date,
                Task.due_at,
                Task.priority,
                Task.sort_key,
                Task.start_at,
            ).where(
                live(Task),
                Task.owner_id == self.ctx.store.user_id,
                Task.status.in_(OPEN_STATUSES),
            )
        )
        tasks: list[PlanTask] = []
        unestimated = 0
        for task_id, title, minutes, due_date, due_at, priority, order, start_at in rows:
            if not minutes or minutes <= 0:
                unestimated += 1
                continue
            due = due_at if due_at is not None else due_date
            tasks.append(PlanTask(task_id, title, minutes, due, priority, order, start_at))
        return tasks, unestimated

    def _check_still_fits(self, plan: Plan) -> None:
        """UserError when a planned block now overlaps busy time (the calendar changed)."""
        if not plan.blocks:
            return
        zone = self.ctx.zone
        first = plan.window[0].astimezone(zone).date()
        last = (plan.window[1].astimezone(zone) - timedelta(microseconds=1)).date()
        with self.ctx.store.read() as session:
            replaceable = {row.id for row in self._planned_blocks(session, plan.window)}
        busy = merge(self._busy(first, max(first, last), skip=replaceable))
        for block in plan.blocks:
            span = [(block.start.astimezone(UTC), block.end.astimezone(UTC))]
            if subtract(span, busy) != span:
                local = block.start.astimezone(zone)
                raise UserError(
                    f"the calendar changed since this plan was made: the block for "
                    f"'{block.title}' at {local:%a} {local.day} {local:%b %H:%M} now overlaps "
                    "an event; plan again"
                )

    def _check_tasks_open(self, session: Session, plan: Plan) -> None:
        wanted = {block.task_id for block in plan.blocks}
        if not wanted:
            return
        open_ids = set(
            session.scalars(
                select(Task.id).where(
                    live(Task), Task.id.in_(wanted), Task.status.in_(OPEN_STATUSES)
                )
            )
        )
        for block in plan.blocks:
            if block.task_id not in open_ids:
                raise UserError(
                    f"the task '{block.title}' is no longer open; plan again before applying"
                )


def _focus_event(block: PlannedBlock, zone: str) -> CalendarEvent:
    return CalendarEvent(
        title=_title(block),
        description=_description(block),
        location="",
        all_day=False,
        start_at=block.start,
        end_at=block.end,
        time_zone=zone,
        transparency="opaque",
        status="confirmed",
        calendar=FOCUS_CALENDAR,
        task_id=block.task_id,
        reminders=[],
        exdates=[],
        rdates=[],
    )


def _title(block: PlannedBlock) -> str:
    return (FOCUS_PREFIX + block.title)[:500]


def _description(block: PlannedBlock) -> str:
    part = f" (part {block.part} of {block.parts})" if block.parts > 1 else ""
    return f"Focus time for the task '{block.title}'{part}: {duration_text(block.minutes)}."


def _ceil(moment: datetime, step: timedelta) -> datetime:
    """`moment` (UTC) rounded up to a multiple of `step` since midnight."""
    midnight = datetime.combine(moment.date(), time(), UTC)
    steps = -(-(moment - midnight) // step)
    return midnight + steps * step
