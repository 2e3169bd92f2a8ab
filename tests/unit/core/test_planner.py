"""The planner: urgency order, deadlines, splitting into focus blocks, unplaceable tasks."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.core.errors import UserError
from desktop.core.freetime import Interval
from desktop.core.planner import (
    BlockRules,
    Plan,
    PlanTask,
    deadline,
    duration_text,
    place,
    urgency,
)

BERLIN = ZoneInfo("Europe/Berlin")
THU, FRI, MON = date(2026, 3, 5), date(2026, 3, 6), date(2026, 3, 9)
WINDOW = (
    datetime.combine(THU, time(), BERLIN),
    datetime.combine(date(2026, 3, 10), time(), BERLIN),
)
RULES = BlockRules(focus_block_minutes=90, min_block_minutes=25, gap_minutes=10)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), BERLIN)


def task(title: str, minutes: int, **fields: object) -> PlanTask:
    ident = uuid.UUID(int=sum(map(ord, title)) * 1000 + minutes)
    return PlanTask(ident, title, minutes, **fields)  # type: ignore[arg-type]


def day_slots(*spans: tuple[date, int, int]) -> list[Interval]:
    """Free slots from (day, start hour, end hour)."""
    return [(at(d, a), at(d, b)) for d, a, b in spans]


def shown(plan: Plan) -> list[str]:
    return [f"{b.title} {b.start:%a %H:%M}-{b.end:%H:%M} {b.part}/{b.parts}" for b in plan.blocks]


def test_most_urgent_first_then_priority_then_order() -> None:
    tasks = [
        task("someday", 60),
        task("fri low", 60, due=FRI, priority=0, order="m"),
        task("fri urgent", 60, due=FRI, priority=3),
        task("thu noon", 60, due=at(THU, 12)),
        task("fri low earlier in list", 60, due=FRI, priority=0, order="a"),
    ]
    plan = place(tasks, day_slots((THU, 9, 17)), WINDOW, BERLIN, RULES)
    assert shown(plan) == [
        "thu noon Thu 09:00-10:00 1/1",
        "fri urgent Thu 10:10-11:10 1/1",
        "fri low earlier in list Thu 11:20-12:20 1/1",
        "fri low Thu 12:30-13:30 1/1",
        "someday Thu 13:40-14:40 1/1",
    ]
    assert plan.unplaced == ()


def test_due_day_means_its_end_and_due_instant_beats_it() -> None:
    assert deadline(FRI, BERLIN) == at(date(2026, 3, 7), 0)
    at_five = at(FRI, 17)
    keys = sorted(
        [task("day", 30, due=FRI), task("instant", 30, due=at_five)],
        key=lambda t: urgency(t, BERLIN),
    )
    assert [t.title for t in keys] == ["instant", "day"]


def test_long_task_is_split_evenly_into_focus_blocks() -> None:
    plan = place([task("report", 200)], day_slots((THU, 9, 17)), WINDOW, BERLIN, RULES)
    assert shown(plan) == [
        "report Thu 09:00-10:10 1/3",
        "report Thu 10:20-11:25 2/3",
        "report Thu 11:35-12:40 3/3",
    ]
    # 200 min: three blocks of about 67 (rounded up to 5), the rest split evenly again.
    assert [b.minutes for b in plan.blocks] == [70, 65, 65]


def test_split_uses_short_slots_but_never_below_the_minimum() -> None:
    slots = day_slots((THU, 9, 10), (THU, 11, 13), (FRI, 9, 17))
    plan = place([task("draft", 150)], slots, WINDOW, BERLIN, RULES)
    assert shown(plan) == [
        "draft Thu 09:00-10:00 1/2",
        "draft Thu 11:00-12:30 2/2",
    ]
    tiny = [(at(THU, 9), at(THU, 9, 20)), (at(THU, 10), at(THU, 12))]
    plan = place([task("write", 60)], tiny, WINDOW, BERLIN, RULES)
    assert shown(plan) == ["write Thu 10:00-11:00 1/1"]


def test_no_rest_shorter_than_the_minimum_block() -> None:
    # 100 minutes into a 80-minute slot then more: 75 + 25, not 80 + 20.
    slots = [(at(THU, 9), at(THU, 10, 20)), (at(FRI, 9), at(FRI, 17))]
    plan = place([task("code", 100)], slots, WINDOW, BERLIN, RULES)
    assert [b.minutes for b in plan.blocks] == [50, 50]
    rules = BlockRules(focus_block_minutes=120, min_block_minutes=25, gap_minutes=0)
    plan = place([task("code", 100)], slots, WINDOW, BERLIN, rules)
    assert [b.minutes for b in plan.blocks] == [75, 25]


def test_task_shorter_than_the_minimum_is_one_block() -> None:
    plan = place([task("call", 15)], day_slots((THU, 9, 17)), WINDOW, BERLIN, RULES)
    assert shown(plan) == ["call Thu 09:00-09:15 1/1"]


def test_deadline_keeps_blocks_before_it() -> None:
    slots = day_slots((THU, 9, 11), (FRI, 9, 17))
    plan = place([task("prep", 60, due=at(FRI, 9, 40))], slots, WINDOW, BERLIN, RULES)
    assert shown(plan) == ["prep Thu 09:00-10:00 1/1"]


def test_unplaceable_task_is_reported_and_takes_nothing() -> None:
    slots = [(at(THU, 9), at(THU, 10)), (at(THU, 15), at(THU, 15, 30))]
    tasks = [task("big", 180, due=THU, priority=3), task("small", 60, due=FRI)]
    plan = place(tasks, slots, WINDOW, BERLIN, RULES)
    assert plan.unplaced[0].title == "big"
    assert plan.unplaced[0].reason == "needs 3h before Thu 5 Mar, only 1h30 free"
    assert shown(plan) == ["small Thu 09:00-10:00 1/1"]


def test_reasons_for_due_instant_window_end_and_no_time() -> None:
    slots = day_slots((THU, 9, 10))
    tasks = [
        task("timed", 120, due=at(THU, 17)),
        task("open ended", 600),
        task("later", 120, due=date(2026, 4, 1)),
    ]
    plan = place(tasks, slots, WINDOW, BERLIN, RULES)
    reasons = {u.title: u.reason for u in plan.unplaced}
    assert reasons["timed"] == "needs 2h before Thu 5 Mar 17:00, only 1h free"
    assert reasons["open ended"] == "needs 10h by Mon 9 Mar (the end of the plan), only 1h free"
    assert reasons["later"] == "needs 2h by Mon 9 Mar (the end of the plan), only 1h free"
    full = place([task("x", 60), task("y", 60)], slots, WINDOW, BERLIN, RULES)
    assert full.unplaced[0].reason.endswith("no free time left")


def test_overdue_task_is_not_placed() -> None:
    window = (at(THU, 11), WINDOW[1])
    plan = place(
        [task("late", 30, due=date(2026, 3, 4))], day_slots((THU, 11, 17)), window, BERLIN, RULES
    )
    assert plan.blocks == ()
    assert plan.unplaced[0].reason == "was due Wed 4 Mar, before the plan starts"


def test_pieces_too_short_are_explained() -> None:
    slots = [(at(THU, h), at(THU, h, 20)) for h in range(9, 17)]
    plan = place([task("deep", 120, due=FRI)], slots, WINDOW, BERLIN, RULES)
    assert plan.unplaced[0].reason == "needs 2h before Fri 6 Mar, no free time left"
    rules = BlockRules(focus_block_minutes=90, min_block_minutes=20, gap_minutes=10)
    plan = place([task("deep", 125, due=FRI)], slots[:7], WINDOW, BERLIN, rules)
    assert plan.unplaced[0].reason == (
        "needs 2h05 before Fri 6 Mar; the free time then does not split into blocks of 20-90 min"
    )


def test_earliest_start_is_respected() -> None:
    plan = place(
        [task("after lunch", 60, earliest=at(THU, 13, 5))],
        day_slots((THU, 9, 17)),
        WINDOW,
        BERLIN,
        RULES,
    )
    assert shown(plan) == ["after lunch Thu 13:05-14:05 1/1"]
    # The time before it stays free for the next task.
    plan = place(
        [task("after lunch", 60, earliest=at(THU, 13), priority=3), task("other", 240)],
        day_slots((THU, 9, 17)),
        WINDOW,
        BERLIN,
        RULES,
    )
    assert shown(plan) == [
        "other Thu 09:00-10:20 1/4",
        "other Thu 10:30-11:50 2/4",
        "other Thu 12:00-12:50 3/4",  # up to the gap before the block at 13:00
        "after lunch Thu 13:00-14:00 1/1",
        "other Thu 14:10-14:40 4/4",
    ]


def test_blocks_fill_days_in_order_and_are_in_the_zone() -> None:
    slots = day_slots((THU, 9, 17), (FRI, 9, 17), (MON, 9, 17))
    plan = place([task(f"t{i}", 90, due=MON) for i in range(12)], slots, WINDOW, BERLIN, RULES)
    assert plan.unplaced == ()
    assert len({b.task_id for b in plan.blocks}) == 12
    # Four 90-minute blocks a day, the fifth task split over the rest of the day and the next.
    assert [b.minutes for b in plan.blocks[:6]] == [90, 90, 90, 90, 65, 25]
    assert {b.start.date() for b in plan.blocks} == {THU, FRI, MON}
    assert all(b.start.tzinfo == BERLIN for b in plan.blocks)
    ends = [b.end for b in plan.blocks]
    starts = [b.start for b in plan.blocks]
    assert all(
        s >= e + timedelta(minutes=10)
        for e, s in zip(ends, starts[1:], strict=False)
        if s.date() == e.date()
    )


def test_output_does_not_depend_on_input_order() -> None:
    tasks = [
        task(f"t{i}", 30 + 10 * i, due=FRI if i % 2 else None, priority=i % 4) for i in range(10)
    ]
    slots = day_slots((THU, 9, 17), (FRI, 9, 17))
    first = place(tasks, slots, WINDOW, BERLIN, RULES)
    shuffled = tasks[:]
    random.Random(7).shuffle(shuffled)
    assert place(shuffled, slots, WINDOW, BERLIN, RULES) == first


def test_bad_rules_and_estimates() -> None:
    with pytest.raises(UserError, match="focus block"):
        BlockRules(focus_block_minutes=20, min_block_minutes=25).check()
    with pytest.raises(UserError, match="minimum block"):
        BlockRules(min_block_minutes=0).check()
    with pytest.raises(UserError, match="gap"):
        BlockRules(gap_minutes=-5).check()
    with pytest.raises(UserError, match="estimate"):
        place([task("zero", 0)], [], WINDOW, BERLIN, RULES)


def test_duration_text() -> None:
    assert [duration_text(m) for m in (45, 60, 90, 125, 600)] == [
        "45 min",
        "1h",
        "1h30",
        "2h05",
        "10h",
    ]
