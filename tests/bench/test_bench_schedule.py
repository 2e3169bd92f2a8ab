"""Free time and auto-scheduling over a busy month.

Targets: `free_slots` over a month with 2,000 events takes at most 20 ms, and
`ScheduleService.plan` for 200 tasks with estimates over a month at most
200 ms. The figures come with ratios to baselines measured in the same run:
sorting the same busy intervals (for the pure function) and loading the
month's occurrences through `CalendarService.occurrences` (for the service,
which reads the same busy time through a leaner query of its own). The
asserts are ten times looser than the targets, so that CI does not flake.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop.core.freetime import free_slots, local_instant, parse_working_hours
from desktop.services.container import Services
from desktop.services.schedule import ScheduleService
from desktop.services.tasks import TaskDraft
from desktop.store.models import CalendarEvent
from desktop.store.profile import Store, open_store
from tests.bench.benchutil import full_size, median, report, timed

pytestmark = pytest.mark.bench

BERLIN = ZoneInfo("Europe/Berlin")
FIRST, LAST = date(2026, 3, 1), date(2026, 3, 31)
NOW = datetime(2026, 2, 27, 12, 0, tzinfo=UTC)
ROUNDS = 5


def _month_store(path: Path, events: int, seed: int) -> Store:
    """A store whose March holds `events` events: timed, some transparent, some all-day,
    some daily series."""
    store = open_store(path, now=lambda: NOW)
    rng = random.Random(seed)
    with store.unit_of_work() as uow:
        for i in range(events):
            day = FIRST + timedelta(days=rng.randrange(31))
            row = CalendarEvent(title=f"Event {i}", time_zone="Europe/Berlin", calendar="work")
            if i % 100 == 0:
                row.all_day, row.start_date, row.end_date = True, day, day + timedelta(days=1)
                row.transparency = "transparent" if i % 200 else "opaque"
            else:
                start = datetime.combine(day, time(7 + rng.randrange(12), rng.choice((0, 30))))
                begin = start.replace(tzinfo=BERLIN)
                row.start_at = begin
                row.end_at = begin + timedelta(minutes=rng.choice((15, 30, 30, 60, 90)))
                row.transparency = "transparent" if i % 10 == 1 else "opaque"
                if i % 250 == 2:
                    row.rrule = "FREQ=DAILY;COUNT=20"
            uow.s.add(row)
        uow.commit()
    return store


def _busy(services: Services) -> list[tuple[datetime, datetime]]:
    busy = []
    for occurrence in services.calendar.occurrences(FIRST, LAST):
        start, end = occurrence.start, occurrence.end
        if isinstance(start, datetime) and isinstance(end, datetime):
            busy.append((start, end))
        elif not isinstance(start, datetime) and not isinstance(end, datetime):
            busy.append((local_instant(start, 0, BERLIN), local_instant(end, 0, BERLIN)))
    return busy


def test_free_time_over_a_busy_month(tmp_path: Path) -> None:
    count = 2_000 if full_size() else 500
    store = _month_store(tmp_path / "free.sqlite3", count, seed=1)
    services = Services(store, "Europe/Berlin")
    schedule = ScheduleService(services)
    busy = _busy(services)
    hours = parse_working_hours("09:00-17:00", "mon-fri")
    window = (local_instant(FIRST, 0, BERLIN), local_instant(LAST + timedelta(days=1), 0, BERLIN))

    def pure() -> object:
        return free_slots(busy, window, BERLIN, hours, 10, timedelta(minutes=30))

    sort_s = median([timed(lambda: sorted(busy)) for _ in range(ROUNDS)])
    pure_s = median([timed(pure) for _ in range(ROUNDS)])
    load_s = median(
        [timed(lambda: services.calendar.occurrences(FIRST, LAST)) for _ in range(ROUNDS)]
    )
    service_s = median([timed(lambda: schedule.free(FIRST, LAST, 30)) for _ in range(ROUNDS)])
    slots = schedule.free(FIRST, LAST, 30)
    store.close()
    report(
        "free_slots",
        events=count,
        occurrences=len(busy),
        slots=len(slots),
        pure_ms=pure_s * 1000,
        sort_baseline_ms=sort_s * 1000,
        pure_vs_sort=pure_s / sort_s,
        service_ms=service_s * 1000,
        load_baseline_ms=load_s * 1000,
        service_vs_load=service_s / load_s,
        target_pure_ms=20,
    )
    assert len(busy) >= count  # the month is packed: few or no 30-minute slots remain
    assert pure_s < 0.2  # the target is 20 ms; ten times that fails


def test_plan_a_month_of_tasks(tmp_path: Path) -> None:
    tasks, events = (200, 500) if full_size() else (50, 200)
    store = _month_store(tmp_path / "plan.sqlite3", events, seed=2)
    services = Services(store, "Europe/Berlin")
    rng = random.Random(3)
    services.tasks.add_many(
        [
            TaskDraft(
                title=f"Task {i}",
                estimate_minutes=rng.choice((15, 30, 45, 60, 90, 120, 180, 240)),
                due=None if i % 5 == 0 else FIRST + timedelta(days=rng.randrange(31)),
                priority=rng.choice(("low", "medium", "high", "urgent")),
            )
            for i in range(tasks)
        ]
    )
    schedule = ScheduleService(services)
    load_s = median(
        [timed(lambda: services.calendar.occurrences(FIRST, LAST)) for _ in range(ROUNDS)]
    )
    plan_s = median([timed(lambda: schedule.plan(FIRST, LAST)) for _ in range(ROUNDS)])
    plan = schedule.plan(FIRST, LAST)
    apply_s = timed(lambda: schedule.apply(plan))
    store.close()
    report(
        "schedule",
        tasks=tasks,
        events=events,
        blocks=len(plan.blocks),
        unplaced=len(plan.unplaced),
        plan_ms=plan_s * 1000,
        load_baseline_ms=load_s * 1000,
        plan_vs_load=plan_s / load_s,
        apply_ms=apply_s * 1000,
        target_plan_ms=200,
    )
    assert plan.blocks
    assert len({b.task_id for b in plan.blocks}) + len(plan.unplaced) == tasks
    assert plan_s < 2.0  # the target is 200 ms; ten times that fails
