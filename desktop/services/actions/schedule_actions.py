"""Actions on free time and auto-scheduling: find free slots, plan focus blocks, apply a plan."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from desktop.core.errors import UserError
from desktop.core.planner import Plan
from desktop.services.actions.registry import Action, Param
from desktop.services.base import Outcome
from desktop.services.container import Services

FREE_RANGE_DAYS = 7
PLAN_RANGE_DAYS = 14
DEFAULT_DURATION = 30


@dataclass(frozen=True)
class FreeSlot:
    """A free span as the surfaces show it."""

    start: datetime
    end: datetime
    minutes: int


@dataclass(frozen=True)
class BlockView:
    """One planned focus block."""

    task_id: uuid.UUID
    title: str
    start: datetime
    end: datetime
    minutes: int
    part: int
    parts: int


@dataclass(frozen=True)
class UnplacedView:
    """A task the plan could not place, and why."""

    task_id: uuid.UUID
    title: str
    reason: str


@dataclass(frozen=True)
class AppliedView:
    """What applying did to the focus calendar."""

    created: int
    kept: int
    removed: int


@dataclass(frozen=True)
class PlanView:
    """A plan for the surfaces: its blocks, what did not fit, notes, and what applying did."""

    first: date
    last: date
    blocks: tuple[BlockView, ...]
    unplaced: tuple[UnplacedView, ...]
    notes: tuple[str, ...]
    applied: AppliedView | None
    fingerprint: str = ""  # names exactly these blocks: apply_schedule can insist on them


def _range(s: Services, a: dict[str, Any], days: int) -> tuple[date, date]:
    first: date = a.get("from") or s.ctx.today()
    last: date = a.get("to") or first + timedelta(days=days - 1)
    return first, last


def _free(s: Services, a: dict[str, Any]) -> list[FreeSlot]:
    first, last = _range(s, a, FREE_RANGE_DAYS)
    slots = s.schedule.free(first, last, a.get("duration", DEFAULT_DURATION), a.get("hours"))
    return [FreeSlot(slot.start, slot.end, slot.minutes) for slot in slots]


def fingerprint(plan: Plan) -> str:
    """A short digest of a plan's blocks (task, start, end): equal plans, equal digests."""
    text = ";".join(
        f"{b.task_id}/{b.start.astimezone(UTC).isoformat()}/{b.end.astimezone(UTC).isoformat()}"
        for b in plan.blocks
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _view(plan: Plan, first: date, last: date, applied: AppliedView | None) -> PlanView:
    return PlanView(
        first,
        last,
        tuple(
            BlockView(b.task_id, b.title, b.start, b.end, b.minutes, b.part, b.parts)
            for b in plan.blocks
        ),
        tuple(UnplacedView(u.task_id, u.title, u.reason) for u in plan.unplaced),
        plan.notes,
        applied,
        fingerprint(plan),
    )


def _plan(s: Services, a: dict[str, Any]) -> PlanView:
    first, last = _range(s, a, PLAN_RANGE_DAYS)
    return _view(s.schedule.plan(first, last), first, last, None)


def _apply(s: Services, a: dict[str, Any]) -> Outcome[PlanView]:
    first, last = _range(s, a, PLAN_RANGE_DAYS)
    plan = s.schedule.plan(first, last)
    expected = a.get("expected")
    if expected and expected != fingerprint(plan):
        raise UserError(
            "the plan changed since it was shown (tasks or the calendar changed); "
            "look at the new plan and apply it again"
        )
    outcome = s.schedule.apply(plan)
    done = outcome.value
    applied = AppliedView(len(done.created), done.kept, done.removed)
    return Outcome(_view(plan, first, last, applied), outcome.changes)


_FROM = Param("from", "string", "first day (default today)", format="date")
_TO = Param("to", "string", "last day, inclusive", format="date")

ACTIONS = (
    Action(
        "find_free_time",
        "Find free slots in working hours, honouring busy events and buffers (default: a week)",
        "read",
        _free,
        (
            _FROM,
            _TO,
            Param(
                "duration", "string", "the shortest useful slot (default 30m)", format="duration"
            ),
            Param("hours", "string", "working hours for this search, like 09:00-17:00"),
        ),
        area="calendar",
    ),
    Action(
        "plan_schedule",
        "Propose focus blocks for open tasks with estimates, most urgent first (saves nothing)",
        "read",
        _plan,
        (_FROM, _TO),
        area="calendar",
    ),
    Action(
        "apply_schedule",
        "Plan and write focus blocks into the calendar, replacing the planner's earlier ones",
        "write",
        _apply,
        (
            _FROM,
            _TO,
            Param(
                "expected",
                "string",
                "the fingerprint of the plan that was shown: refuse if the plan is different now",
            ),
        ),
        area="calendar",
    ),
)
