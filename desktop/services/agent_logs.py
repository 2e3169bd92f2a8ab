"""Agent runs as AgentLog rows: start, record each step, finish; read runs, approvals, stats.

A run's steps are a JSON list on its row (see `desktop.agents.loop.AgentStep.as_record`
for the fields), rewritten as each step is recorded, so a run that dies half-way
still shows what it did. Views are frozen dataclasses in the shape of the
`atrium agent ... --json` output: run_id, agent, provider, model, status, output,
steps, tokens_in, tokens_out, cost (US dollars, a decimal string), latency_ms.
"""

from __future__ import annotations

import statistics
import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.services.base import ServiceContext, get_live, live
from desktop.store.models import AgentLog

AGENTS = Changes(agents=True)
COST_CURRENCY = "USD"
# Statuses of a run that ended on its own (a cancelled one did not), and the failures.
FINISHED = frozenset({"done", "pending", "step_limit", "error"})
FAILED = frozenset({"step_limit", "error"})
# Statuses of runs that may still hold steps waiting for approval.
MAY_WAIT = ("pending", "step_limit", "error", "cancelled")


@dataclass(frozen=True)
class AgentStepView:
    number: int
    tool: str
    args: dict[str, Any]
    risk: str
    status: str  # done, error, pending, denied
    needs_approval: bool
    approved: bool | None
    external: bool
    result: Any
    error: str | None
    note: str
    started_at: datetime | None
    finished_at: datetime | None
    ms: float


@dataclass(frozen=True)
class AgentRunView:
    run_id: uuid.UUID
    agent: str
    provider: str
    model: str
    status: str  # running, done, pending, step_limit, error, cancelled
    output: str
    steps: tuple[AgentStepView, ...]
    tokens_in: int
    tokens_out: int
    cost: str  # US dollars
    cost_micros: int
    currency: str
    latency_ms: int | None
    prompt: str
    started_at: datetime
    finished_at: datetime | None
    error: str | None
    pending: int  # steps waiting for approval
    tainted: bool  # outside content reached the model
    changed: tuple[str, ...] = ()  # the app areas this call changed (for panes to refresh)
    notices: tuple[str, ...] = ()


@dataclass(frozen=True)
class PendingApproval:
    run_id: uuid.UUID
    agent: str
    prompt: str
    step: AgentStepView


@dataclass(frozen=True)
class AgentStats:
    agent: str
    runs: int
    succeeded: int
    success_rate: float | None  # of the finished runs; None when none finished
    median_latency_ms: float | None
    cost_this_month: str  # US dollars
    cost_micros_this_month: int
    currency: str
    last_run_at: datetime | None


def dollars(micros: int) -> str:
    """Millionths of a dollar as a decimal string with six places."""
    return str((Decimal(micros) / Decimal(1_000_000)).quantize(Decimal("0.000001")))


class AgentLogService:
    """Writes and reads the AgentLog rows of this profile."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def start(self, agent: str, provider: str, model: str, prompt: str) -> uuid.UUID:
        with self.ctx.store.unit_of_work() as uow:
            row = AgentLog(
                agent=agent,
                provider=provider,
                model=model[:100],
                prompt=prompt,
                steps=[],
                status="running",
                started_at=uow.now(),
            )
            uow.s.add(row)
            uow.commit()
            return row.id

    def record_step(self, run_id: uuid.UUID | str, step: dict[str, Any]) -> None:
        """Add the step, or replace the one with its number."""
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, AgentLog, run_id, "agent run")
            steps = [s for s in row.steps or () if s.get("number") != step.get("number")]
            steps.append(step)
            row.steps = sorted(steps, key=lambda s: int(s.get("number", 0)))
            uow.commit()

    def finish(
        self,
        run_id: uuid.UUID | str,
        *,
        status: str,
        output: str,
        model: str,
        input_tokens: int,
        output_tokens: int,
        cost_micros: int,
        latency_ms: float,
        steps: list[dict[str, Any]],
        error: str | None = None,
    ) -> None:
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, AgentLog, run_id, "agent run")
            row.status = status
            row.output = output
            row.model = model[:100]
            row.input_tokens = input_tokens
            row.output_tokens = output_tokens
            row.cost_micros = cost_micros
            row.latency_ms = round(latency_ms)
            row.steps = steps
            row.error = error
            row.finished_at = uow.now()
            uow.commit()

    def update_steps(
        self, run_id: uuid.UUID | str, steps: list[dict[str, Any]], status: str | None = None
    ) -> None:
        """Replace the steps (after an approval or a denial) and maybe the status."""
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, AgentLog, run_id, "agent run")
            row.steps = steps
            if status is not None:
                row.status = status
            uow.commit()

    def claim_steps(self, run_id: uuid.UUID | str, numbers: list[int], status: str) -> None:
        """Move the pending steps `numbers` to `status`, or refuse if any is no longer pending
        (approved or denied meanwhile by another process). Writers start with BEGIN
        IMMEDIATE, so the check and the change are one step: an approval runs once."""
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, AgentLog, run_id, "agent run")
            steps = [dict(step) for step in row.steps or []]
            for step in steps:
                if step.get("number") in numbers:
                    if step.get("status") != "pending":
                        raise UserError(
                            f"step {step.get('number')} of run {row.id} is "
                            f"{step.get('status')} now; it was handled elsewhere"
                        )
                    step["status"] = status
            row.steps = steps
            uow.commit()

    def get(self, run_id: uuid.UUID | str) -> AgentRunView:
        with self.ctx.store.read() as session:
            return run_view(get_live(session, AgentLog, run_id, "agent run"))

    def recent(self, limit: int = 50, agent: str | None = None) -> list[AgentRunView]:
        query = select(AgentLog).where(live(AgentLog), AgentLog.owner_id == self.ctx.store.user_id)
        if agent:
            query = query.where(AgentLog.agent == agent)
        query = query.order_by(AgentLog.started_at.desc()).limit(max(1, limit))
        with self.ctx.store.read() as session:
            return [run_view(row) for row in session.scalars(query)]

    def pending(self, limit: int = 500) -> list[PendingApproval]:
        """Steps waiting for the user, newest run first."""
        query = (
            select(AgentLog)
            .where(
                live(AgentLog),
                AgentLog.owner_id == self.ctx.store.user_id,
                AgentLog.status.in_(MAY_WAIT),
            )
            .order_by(AgentLog.started_at.desc())
            .limit(limit)
        )
        found: list[PendingApproval] = []
        with self.ctx.store.read() as session:
            for row in session.scalars(query):
                view = run_view(row)
                found.extend(
                    PendingApproval(view.run_id, view.agent, view.prompt, step)
                    for step in view.steps
                    if step.status == "pending"
                )
        return found

    def stats(self) -> list[AgentStats]:
        """Per agent: runs, success rate, median latency, cost this month (user's zone)."""
        month_start = self.ctx.today().replace(day=1)
        query = select(
            AgentLog.agent,
            AgentLog.status,
            AgentLog.latency_ms,
            AgentLog.cost_micros,
            AgentLog.started_at,
        ).where(live(AgentLog), AgentLog.owner_id == self.ctx.store.user_id)
        rows: dict[str, list[Any]] = {}
        with self.ctx.store.read() as session:
            for record in session.execute(query):
                rows.setdefault(record.agent, []).append(record)
        return [self._stats(agent, rows[agent], month_start) for agent in sorted(rows)]

    def _stats(self, agent: str, rows: list[Any], month_start: Any) -> AgentStats:
        finished = [r for r in rows if r.status in FINISHED]
        succeeded = sum(1 for r in finished if r.status not in FAILED)
        latencies = [r.latency_ms for r in finished if r.latency_ms is not None]
        month = sum(
            r.cost_micros or 0
            for r in rows
            if r.started_at.astimezone(self.ctx.zone).date() >= month_start
        )
        return AgentStats(
            agent=agent,
            runs=len(rows),
            succeeded=succeeded,
            success_rate=succeeded / len(finished) if finished else None,
            median_latency_ms=float(statistics.median(latencies)) if latencies else None,
            cost_this_month=dollars(month),
            cost_micros_this_month=month,
            currency=COST_CURRENCY,
            last_run_at=max(r.started_at for r in rows),
        )


def run_view(row: AgentLog) -> AgentRunView:
    steps = tuple(step_view(record) for record in row.steps or ())
    return AgentRunView(
        run_id=row.id,
        agent=row.agent,
        provider=row.provider,
        model=row.model,
        status=row.status,
        output=row.output,
        steps=steps,
        tokens_in=row.input_tokens,
        tokens_out=row.output_tokens,
        cost=dollars(row.cost_micros or 0),
        cost_micros=row.cost_micros or 0,
        currency=COST_CURRENCY,
        latency_ms=row.latency_ms,
        prompt=row.prompt,
        started_at=row.started_at,
        finished_at=row.finished_at,
        error=row.error,
        pending=sum(1 for s in steps if s.status == "pending"),
        tainted=any(s.external for s in steps),
    )


def step_view(record: dict[str, Any]) -> AgentStepView:
    return AgentStepView(
        number=int(record.get("number", 0)),
        tool=str(record.get("tool", "")),
        args=dict(record.get("args") or {}),
        risk=str(record.get("risk", "")),
        status=str(record.get("status", "done")),
        needs_approval=bool(record.get("needs_approval")),
        approved=record.get("approved"),
        external=bool(record.get("external")),
        result=record.get("result"),
        error=record.get("error"),
        note=str(record.get("note") or ""),
        started_at=_instant(record.get("started_at")),
        finished_at=_instant(record.get("finished_at")),
        ms=float(record.get("ms") or 0.0),
    )


def _instant(text: Any) -> datetime | None:
    return datetime.fromisoformat(text) if isinstance(text, str) and text else None
