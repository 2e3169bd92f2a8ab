"""Auto-scheduling: place tasks with estimates into free slots before they are due.

Pure Python. The most urgent task goes first (earliest deadline, then higher
priority, then the task list's own order) and takes the earliest free time
that ends before its deadline, split into focus blocks of at most
`focus_block_minutes` and at least `min_block_minutes` (a task shorter than
the minimum is one block of its own length). A task is placed whole or not at
all: one that does not fit before its deadline takes no time from the others
and comes back as `Unplaced` with the reason. Consecutive blocks in one slot
keep `gap_minutes` between them. The result depends only on the input.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from desktop.core.errors import UserError
from desktop.core.freetime import Interval, local_instant, subtract

FAR_FUTURE = datetime.max.replace(tzinfo=UTC)
Chunk = tuple[int, datetime, datetime]  # slot index, start, end


@dataclass(frozen=True)
class PlanTask:
    """A task to place: its estimate, its due (a day or an instant) and its rank."""

    task_id: uuid.UUID
    title: str
    minutes: int
    due: date | datetime | None = None
    priority: int = 1  # 0 low .. 3 urgent
    order: str = ""  # the task list's sort key
    earliest: datetime | None = None  # do not start before (the task's start)


@dataclass(frozen=True)
class PlannedBlock:
    """One focus block of a task: part `part` of `parts`."""

    task_id: uuid.UUID
    title: str
    start: datetime
    end: datetime
    part: int
    parts: int

    @property
    def minutes(self) -> int:
        return int((self.end.astimezone(UTC) - self.start.astimezone(UTC)).total_seconds() // 60)


@dataclass(frozen=True)
class Unplaced:
    """A task the plan could not fit, and why."""

    task_id: uuid.UUID
    title: str
    reason: str


@dataclass(frozen=True)
class Plan:
    """Blocks to create (in time order) and tasks that did not fit, over `window`."""

    blocks: tuple[PlannedBlock, ...]
    unplaced: tuple[Unplaced, ...]
    window: Interval
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class BlockRules:
    """How long blocks may be and the break kept between them."""

    focus_block_minutes: int = 90
    min_block_minutes: int = 25
    gap_minutes: int = 10

    def check(self) -> BlockRules:
        if not 5 <= self.min_block_minutes <= 480:
            raise UserError("the minimum block must be between 5 minutes and 8 hours")
        if not self.min_block_minutes <= self.focus_block_minutes <= 720:
            raise UserError(
                f"the focus block ({self.focus_block_minutes} min) must be at least the "
                f"minimum block ({self.min_block_minutes} min) and at most 12 hours"
            )
        if not 0 <= self.gap_minutes <= 240:
            raise UserError("the gap between blocks must be between 0 and 240 minutes")
        return self


def deadline(due: date | datetime | None, zone: ZoneInfo) -> datetime | None:
    """The instant a due means: a due day ends at local midnight after it."""
    if due is None:
        return None
    if isinstance(due, datetime):
        if due.tzinfo is None:
            raise UserError("a due time needs a time zone")
        return due.astimezone(UTC)
    return local_instant(due + timedelta(days=1), 0, zone)


def urgency(task: PlanTask, zone: ZoneInfo) -> tuple[bool, datetime, int, str, str, str]:
    """The sort key: due ones first, earliest deadline, higher priority, list order."""
    limit = deadline(task.due, zone)
    return (
        limit is None,
        limit or FAR_FUTURE,
        -task.priority,
        task.order,
        task.title,
        str(task.task_id),
    )


def place(
    tasks: Sequence[PlanTask],
    free: Sequence[Interval],
    window: Interval,
    zone: ZoneInfo,
    rules: BlockRules | None = None,
) -> Plan:
    """Place `tasks` into the `free` slots (sorted, disjoint) inside `window`."""
    rules = (rules or BlockRules()).check()
    slots = [(start.astimezone(UTC), end.astimezone(UTC)) for start, end in free]
    window_utc = (window[0].astimezone(UTC), window[1].astimezone(UTC))
    blocks: list[PlannedBlock] = []
    unplaced: list[Unplaced] = []
    for task in sorted(tasks, key=lambda t: urgency(t, zone)):
        if task.minutes <= 0:
            raise UserError(f"the task '{task.title}' needs an estimate of at least one minute")
        placed, why = _place_one(task, slots, window_utc, zone, rules)
        if placed:
            blocks.extend(placed)
        else:
            unplaced.append(Unplaced(task.task_id, task.title, why))
    blocks.sort(key=lambda b: (b.start, str(b.task_id)))
    return Plan(tuple(blocks), tuple(unplaced), window)


def _place_one(
    task: PlanTask,
    slots: list[Interval],
    window: Interval,
    zone: ZoneInfo,
    rules: BlockRules,
) -> tuple[list[PlannedBlock], str]:
    """Blocks for one task, taken out of `slots` (changed in place), or the reason not."""
    limit = deadline(task.due, zone)
    if limit is not None and limit <= window[0]:
        return [], f"was due {_due_label(task.due, zone)}, before the plan starts"
    hi = min(limit, window[1]) if limit is not None else window[1]
    lo = max(task.earliest.astimezone(UTC), window[0]) if task.earliest else window[0]
    need = task.minutes
    smallest = min(need, rules.min_block_minutes)
    chunks: list[Chunk] = []
    usable = 0
    for index, (slot_start, slot_end) in enumerate(slots):
        if slot_start >= hi:
            break
        start, end = max(slot_start, lo), min(slot_end, hi)
        if _minutes(end - start) >= smallest:
            usable += _minutes(end - start)
        while need > 0 and _minutes(end - start) >= min(need, rules.min_block_minutes):
            size = _chunk(need, _minutes(end - start), rules)
            if size == 0:
                break
            chunks.append((index, start, start + timedelta(minutes=size)))
            need -= size
            start += timedelta(minutes=size + rules.gap_minutes)
        if need == 0:
            break
    if need > 0:
        return [], _no_fit_reason(task, limit, hi, usable, zone, rules)
    _take(slots, chunks, timedelta(minutes=rules.gap_minutes))
    return [
        PlannedBlock(
            task.task_id, task.title, start.astimezone(zone), end.astimezone(zone), n, len(chunks)
        )
        for n, (_, start, end) in enumerate(chunks, start=1)
    ], ""


def _chunk(need: int, available: int, rules: BlockRules) -> int:
    """Minutes of the next block: the work split evenly into as few blocks as the focus
    length allows (rounded up to 5 minutes), never leaving a rest shorter than the minimum."""
    parts = -(-need // rules.focus_block_minutes)
    even = min(rules.focus_block_minutes, -(-need // parts // 5) * 5 if parts > 1 else need)
    size = min(need, even, available)
    rest = need - size
    if 0 < rest < rules.min_block_minutes:
        size = need - rules.min_block_minutes
    return size if size >= min(need, rules.min_block_minutes) and size > 0 else 0


def _take(
    slots: list[Interval], chunks: list[tuple[int, datetime, datetime]], gap: timedelta
) -> None:
    """Remove the placed chunks (and the gap after each) from `slots`."""
    by_slot: dict[int, list[Interval]] = {}
    for index, start, end in chunks:
        by_slot.setdefault(index, []).append((start - gap, end + gap))
    for index in sorted(by_slot, reverse=True):
        slots[index : index + 1] = subtract([slots[index]], by_slot[index])


def _no_fit_reason(
    task: PlanTask,
    limit: datetime | None,
    hi: datetime,
    usable: int,
    zone: ZoneInfo,
    rules: BlockRules,
) -> str:
    needs = duration_text(task.minutes)
    if limit is not None and limit <= hi:
        where = f"before {_due_label(task.due, zone)}"
    else:
        where = f"by {_day_label((hi - timedelta(microseconds=1)).astimezone(zone).date())}"
        where += " (the end of the plan)"
    if usable >= task.minutes:
        return (
            f"needs {needs} {where}; the free time then does not split into blocks of "
            f"{rules.min_block_minutes}-{rules.focus_block_minutes} min"
        )
    free = f"only {duration_text(usable)} free" if usable else "no free time left"
    return f"needs {needs} {where}, {free}"


def duration_text(minutes: int) -> str:
    """90 -> '1h30', 180 -> '3h', 45 -> '45 min'."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours}h{rest:02d}" if rest else f"{hours}h"


def _due_label(due: date | datetime | None, zone: ZoneInfo) -> str:
    if isinstance(due, datetime):
        local = due.astimezone(zone)
        return f"{_day_label(local.date())} {local:%H:%M}"
    return _day_label(due) if due is not None else "its due date"


def _day_label(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def _minutes(span: timedelta) -> int:
    return int(span.total_seconds() // 60)
