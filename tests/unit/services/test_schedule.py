"""ScheduleService over a real SQLite store: free time, plans, and applying them.

The clock stands at Wed 2026-03-04 10:00 UTC (11:00 in Berlin).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from desktop.config import Settings
from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.services.calendar import EventDraft
from desktop.services.container import Services
from desktop.services.schedule import (
    FOCUS_CALENDAR,
    ScheduleOptions,
    ScheduleService,
    Slot,
)
from desktop.services.tasks import TaskDraft
from desktop.store.models import CalendarEvent
from tests.conftest import FakeClock

BERLIN = ZoneInfo("Europe/Berlin")
WED, THU, FRI = date(2026, 3, 4), date(2026, 3, 5), date(2026, 3, 6)
SAT, SUN, MON = date(2026, 3, 7), date(2026, 3, 8), date(2026, 3, 9)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), BERLIN)


def meeting(
    services: Services, day: date, start: tuple[int, int], end: tuple[int, int], **fields: object
) -> str:
    draft = EventDraft(title="Meeting", start=at(day, *start), end=at(day, *end))
    for key, value in fields.items():
        setattr(draft, key, value)
    return str(services.calendar.add(draft).value.id)


def shown(slots: list[Slot]) -> list[str]:
    return [f"{s.start:%a %H:%M}-{s.end:%H:%M}" for s in slots]


def focus_rows(services: Services) -> list[CalendarEvent]:
    with services.store.read() as session:
        return list(
            session.scalars(
                select(CalendarEvent)
                .where(CalendarEvent.deleted_hlc.is_(None), CalendarEvent.calendar == "focus")
                .order_by(CalendarEvent.start_at)
            )
        )


@pytest.fixture
def schedule(services: Services) -> ScheduleService:
    return ScheduleService(services)


# -- free time -------------------------------------------------------------------------


def test_free_around_meetings_with_buffers(services: Services, schedule: ScheduleService) -> None:
    meeting(services, THU, (10, 0), (11, 0))
    meeting(services, THU, (14, 0), (14, 30))
    slots = schedule.free(THU, THU, 30)
    assert shown(slots) == ["Thu 09:00-09:50", "Thu 11:10-13:50", "Thu 14:40-17:00"]
    assert slots[1].minutes == 160
    assert all(s.start.tzinfo == BERLIN for s in slots)
    assert shown(schedule.free(THU, THU, 60)) == ["Thu 11:10-13:50", "Thu 14:40-17:00"]


def test_transparent_and_cancelled_events_do_not_block(
    services: Services, schedule: ScheduleService
) -> None:
    meeting(services, THU, (10, 0), (12, 0), transparency="transparent")
    cancelled = meeting(services, THU, (13, 0), (15, 0))
    services.calendar.update(cancelled, status="cancelled")
    meeting(services, THU, (15, 0), (16, 0), title="Tentative")
    services.calendar.update(meeting(services, THU, (16, 30), (17, 0)), status="tentative")
    assert shown(schedule.free(THU, THU, 10)) == ["Thu 09:00-14:50", "Thu 16:10-16:20"]


def test_all_day_events_block_only_when_opaque(
    services: Services, schedule: ScheduleService
) -> None:
    services.calendar.add(EventDraft("Conference", THU, FRI, all_day=True))  # Thu only
    services.calendar.add(
        EventDraft("Birthday", FRI, SAT, all_day=True, transparency="transparent")
    )
    assert shown(schedule.free(THU, FRI, 30)) == ["Fri 09:00-17:00"]


def test_recurring_meetings_block_each_occurrence(
    services: Services, schedule: ScheduleService
) -> None:
    meeting(services, THU, (9, 0), (9, 30), rrule="FREQ=DAILY")
    slots = schedule.free(THU, MON, 30)
    assert shown(slots) == ["Thu 09:40-17:00", "Fri 09:40-17:00", "Mon 09:40-17:00"]


def test_weekends_excluded_and_today_starts_now(schedule: ScheduleService) -> None:
    assert schedule.free(SAT, SUN, 30) == []
    assert shown(schedule.free(WED, WED, 30)) == ["Wed 11:00-17:00"]
    assert schedule.free(date(2026, 3, 2), date(2026, 3, 3), 30) == []


def test_now_is_rounded_up_to_five_minutes(services: Services, clock: FakeClock) -> None:
    clock.advance(minutes=7, seconds=3)
    assert shown(ScheduleService(services).free(WED, WED, 30)) == ["Wed 11:10-17:00"]


def test_daylight_saving_day(services: Services) -> None:
    every_day = ScheduleService(services, ScheduleOptions(days="all", buffer_minutes=0))
    meeting(services, date(2026, 3, 29), (12, 0), (13, 0))
    slots = every_day.free(date(2026, 3, 28), date(2026, 3, 29), 30)
    assert shown(slots) == ["Sat 09:00-17:00", "Sun 09:00-12:00", "Sun 13:00-17:00"]
    assert [s.start.astimezone(UTC).hour for s in slots] == [8, 7, 11]
    assert [s.minutes for s in slots] == [480, 180, 240]


def test_hours_override_and_settings(services: Services, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    settings.set("work.hours", "08:00-12:00,13:00-16:00")
    settings.set("work.days", "mon-sat")
    settings.set("schedule.buffer_minutes", 0)
    schedule = ScheduleService(services.ctx, ScheduleOptions.from_settings(settings))
    assert shown(schedule.free(SAT, SAT, 30)) == ["Sat 08:00-12:00", "Sat 13:00-16:00"]
    assert shown(schedule.free(SAT, SAT, 30, hours="10:00-11:00")) == ["Sat 10:00-11:00"]


def test_bad_input_is_a_user_error(schedule: ScheduleService) -> None:
    with pytest.raises(UserError, match="'9' is not a time of day"):
        schedule.free(THU, THU, 30, hours="9-5pm")
    with pytest.raises(UserError, match="at least one minute"):
        schedule.free(THU, THU, 0)
    with pytest.raises(UserError, match="end of the range is before its start"):
        schedule.free(FRI, THU, 30)
    with pytest.raises(UserError, match="at most 366 days"):
        schedule.free(THU, THU + timedelta(days=400), 30)
    with pytest.raises(UserError, match="already passed"):
        schedule.plan(date(2026, 3, 2), date(2026, 3, 3))
    with pytest.raises(UserError, match="focus block"):
        ScheduleService(schedule.ctx, ScheduleOptions(focus_block_minutes=10)).plan(THU, FRI)


# -- plans -----------------------------------------------------------------------------


def add_task(services: Services, title: str, minutes: int | None, **fields: object) -> str:
    draft = TaskDraft(title=title, estimate_minutes=minutes)
    for key, value in fields.items():
        setattr(draft, key, value)
    return str(services.tasks.add(draft).value.id)


def blocks(plan: object) -> list[str]:
    return [
        f"{b.title} {b.start:%a %H:%M}-{b.end:%H:%M} {b.part}/{b.parts}"
        for b in plan.blocks  # type: ignore[attr-defined]
    ]


def test_plan_orders_by_due_priority_and_splits(
    services: Services, schedule: ScheduleService
) -> None:
    meeting(services, THU, (9, 0), (12, 0))
    add_task(services, "No due", 60)
    add_task(services, "Due Friday", 60, due=FRI, priority="low")
    add_task(services, "Due Friday urgent", 60, due=FRI, priority="urgent")
    add_task(services, "Due Thursday noon", 120, due=at(THU, 16))
    add_task(services, "No estimate", None, due=THU)
    done = add_task(services, "Done already", 60, due=THU)
    services.tasks.complete(done)
    plan = schedule.plan(WED, FRI)
    assert blocks(plan) == [
        "Due Thursday noon Wed 11:00-12:00 1/2",
        "Due Thursday noon Wed 12:10-13:10 2/2",
        "Due Friday urgent Wed 13:20-14:20 1/1",
        "Due Friday Wed 14:30-15:30 1/1",
        "No due Wed 15:40-16:40 1/1",
    ]
    assert plan.unplaced == ()
    assert plan.notes == ("1 open task without an estimate left out",)
    assert plan.window == (at(WED, 11), at(SAT, 0))


def test_plan_respects_due_dates_and_reports_what_does_not_fit(
    services: Services, schedule: ScheduleService
) -> None:
    meeting(services, WED, (11, 0), (15, 30))
    meeting(services, THU, (9, 0), (17, 0))
    big = add_task(services, "Quarterly report", 180, due=THU, priority="urgent")
    add_task(services, "Slides", 60, due=THU)
    add_task(services, "Overdue", 30, due=date(2026, 3, 3))
    plan = schedule.plan(WED, FRI)
    assert blocks(plan) == ["Slides Wed 15:40-16:40 1/1"]
    reasons = {str(u.task_id): u.reason for u in plan.unplaced}
    assert reasons[big] == "needs 3h before Thu 5 Mar, only 1h20 free"
    assert [u.title for u in plan.unplaced] == ["Overdue", "Quarterly report"]
    assert plan.unplaced[0].reason == "was due Tue 3 Mar, before the plan starts"


# -- applying --------------------------------------------------------------------------


def test_apply_creates_linked_focus_events(services: Services, schedule: ScheduleService) -> None:
    report = add_task(services, "Write report", 150, due=FRI)
    plan = schedule.plan(THU, FRI)
    outcome = schedule.apply(plan)
    assert outcome.changes == Changes(calendar=True)
    assert len(outcome.value.created) == 2
    rows = focus_rows(services)
    assert [(r.title, r.calendar, r.transparency, str(r.task_id)) for r in rows] == [
        ("Focus: Write report", FOCUS_CALENDAR, "opaque", report)
    ] * 2
    assert rows[0].description == "Focus time for the task 'Write report' (part 1 of 2): 1h15."
    assert rows[0].hlc is not None
    assert rows[0].field_hlc["task_id"] == rows[0].hlc
    occurrences = services.calendar.occurrences(THU, THU)
    assert [(o.title, o.start) for o in occurrences] == [
        ("Focus: Write report", at(THU, 9)),
        ("Focus: Write report", at(THU, 10, 25)),
    ]
    # The blocks are busy time now.
    assert shown(schedule.free(THU, THU, 30))[0] == "Thu 11:50-17:00"


def test_applying_twice_or_replanning_does_not_duplicate(
    services: Services, schedule: ScheduleService
) -> None:
    add_task(services, "Write report", 150, due=FRI)
    add_task(services, "Review", 45)
    plan = schedule.plan(THU, FRI)
    first = schedule.apply(plan).value
    again = schedule.apply(plan)
    assert (len(again.value.created), again.value.kept, again.value.removed) == (0, 3, 0)
    assert again.changes == Changes()
    replan = schedule.plan(THU, FRI)
    assert replan.blocks == plan.blocks  # its own blocks do not count as busy
    assert schedule.apply(replan).value.kept == 3
    ids = [r.id for r in focus_rows(services)]
    assert len(ids) == 3
    assert set(first.created) == set(ids)


def test_replan_moves_blocks_when_the_calendar_changes(
    services: Services, schedule: ScheduleService
) -> None:
    task_id = add_task(services, "Prepare talk", 60, due=FRI)
    schedule.apply(schedule.plan(THU, FRI))
    stale = schedule.plan(THU, FRI)
    meeting(services, THU, (8, 30), (12, 0), title="Client call")
    with pytest.raises(UserError, match="calendar changed since this plan was made"):
        schedule.apply(stale)
    fresh = schedule.plan(THU, FRI)
    assert blocks(fresh) == ["Prepare talk Thu 12:10-13:10 1/1"]
    applied = schedule.apply(fresh).value
    assert (len(applied.created), applied.kept, applied.removed) == (1, 0, 1)
    rows = focus_rows(services)
    assert [(r.start_at, str(r.task_id)) for r in rows] == [(at(THU, 12, 10), task_id)]


def test_finished_tasks_lose_their_future_blocks(
    services: Services, schedule: ScheduleService
) -> None:
    first = add_task(services, "First", 60, due=FRI)
    add_task(services, "Second", 60, due=FRI)
    schedule.apply(schedule.plan(THU, FRI))
    stale = schedule.plan(THU, FRI)
    services.tasks.complete(first)
    with pytest.raises(UserError, match="'First' is no longer open"):
        schedule.apply(stale)
    applied = schedule.apply(schedule.plan(THU, FRI)).value
    assert (len(applied.created), applied.kept, applied.removed) == (1, 0, 2)
    assert [r.title for r in focus_rows(services)] == ["Focus: Second"]
    assert focus_rows(services)[0].start_at == at(THU, 9)


def test_blocks_under_way_and_past_are_kept(
    services: Services, clock: FakeClock, schedule: ScheduleService
) -> None:
    add_task(services, "Long", 120, due=FRI)
    schedule.apply(schedule.plan(THU, FRI))  # Thu 09:00-10:00 and 10:10-11:10
    clock.current = at(THU, 9, 30).astimezone(UTC)
    plan = schedule.plan(THU, FRI)
    # The block under way stays (and is busy); the whole estimate is planned again after it.
    assert blocks(plan) == ["Long Thu 10:10-11:10 1/2", "Long Thu 11:20-12:20 2/2"]
    applied = schedule.apply(plan).value
    assert (len(applied.created), applied.kept, applied.removed) == (1, 1, 0)
    assert len(focus_rows(services)) == 3
