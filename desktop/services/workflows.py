"""Workflows: add, change, list and run them; their runs, approvals and event dispatch.

`WorkflowService` keeps the definitions (one `WorkflowSpec` per `workflows` row) and
hands running to `workflow_engine.WorkflowEngine`. A workflow runs on one device: the
row's `run_on_device` (set to the device that adds it), so two synced devices never
both fire it. Every view returned is a frozen dataclass; no ORM row leaves.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from desktop.core.changes import NO_CHANGES, Changes
from desktop.core.errors import UserError
from desktop.services.base import Outcome, ServiceContext, get_live, live
from desktop.services.workflow_spec import WorkflowError, WorkflowSpec, parse_workflow
from desktop.services.workflow_spec_parse import group_dict, spec_dict
from desktop.services.workflow_text import trigger_text
from desktop.store.models import Workflow, WorkflowRun

if TYPE_CHECKING:
    from desktop.services.container import Services
    from desktop.services.workflow_engine import WorkflowEngine
    from desktop.services.workflow_index import TriggerIndex

RUN_STATUSES = ("running", "done", "failed", "stopped", "pending_approval", "skipped")


@dataclass(frozen=True)
class WorkflowView:
    """One workflow as the list shows it."""

    id: uuid.UUID
    name: str
    description: str
    enabled: bool
    trusted: bool
    trigger_kind: str
    trigger_text: str
    last_run_at: datetime | None
    last_status: str | None
    run_count: int


@dataclass(frozen=True)
class WorkflowDetail(WorkflowView):
    """A workflow with its whole definition (the file format) and where it runs."""

    definition: dict[str, Any]
    run_on_device: uuid.UUID | None
    runs_here: bool
    missed_policy: str
    last_fire_at: datetime | None


@dataclass(frozen=True)
class WorkflowRunView:
    """One run with the trace of its steps (dicts: index, path, kind, action, args,
    status, result or error, ms)."""

    id: uuid.UUID
    workflow_id: uuid.UUID
    workflow: str
    status: str
    dry_run: bool
    started_at: datetime
    finished_at: datetime | None
    trigger_event: dict[str, Any]
    trace: tuple[dict[str, Any], ...]
    error: str | None
    event_key: str | None
    # What the run's steps changed (for the panes to refresh); not stored.
    changes: Changes = field(default=NO_CHANGES, compare=False)

    @property
    def notifications(self) -> list[str]:
        """The texts of the notify steps this run showed (the runtime displays them)."""
        return [
            str(entry.get("result", {}).get("text", ""))
            for entry in self.trace
            if entry.get("kind") == "notify" and entry.get("status") == "done"
        ]

    @property
    def pending_step(self) -> dict[str, Any] | None:
        """The step waiting for approval, if any."""
        for entry in self.trace:
            if entry.get("status") == "pending_approval":
                return entry
        return None


class WorkflowService:
    """Definitions, runs, approvals and the dispatch of store events to workflows."""

    def __init__(self, ctx: ServiceContext, services: Services | None = None) -> None:
        self.ctx = ctx
        self._services = services
        self._engine: WorkflowEngine | None = None
        self._index: TriggerIndex | None = None

    # -- definitions -----------------------------------------------------------------------

    def add(self, definition: Mapping[str, Any] | WorkflowSpec) -> Outcome[WorkflowView]:
        """Check and save a new workflow; it runs on this device."""
        spec = self._checked(definition)
        with self.ctx.store.unit_of_work() as uow:
            row = Workflow(run_on_device=self.ctx.store.device_id, run_count=0)
            _fill(row, spec)
            uow.s.add(row)
            uow.commit()
            view = _view(row, None)
        self.invalidate()
        return Outcome(view, Changes(workflows=True))

    def update(
        self, workflow_id: str | uuid.UUID, definition: Mapping[str, Any] | WorkflowSpec
    ) -> Outcome[WorkflowView]:
        """Replace a workflow's definition (its runs and counters stay)."""
        spec = self._checked(definition)
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, Workflow, workflow_id, "workflow")
            _fill(row, spec)
            uow.commit()
            view = _view(row, _last_status(uow.s, row.id))
        self.invalidate()
        return Outcome(view, Changes(workflows=True))

    def set_enabled(self, workflow_id: str | uuid.UUID, enabled: bool) -> Outcome[WorkflowView]:
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, Workflow, workflow_id, "workflow")
            row.enabled = enabled
            uow.commit()
            view = _view(row, _last_status(uow.s, row.id))
        self.invalidate()
        return Outcome(view, Changes(workflows=True))

    def set_run_on_device(
        self, workflow_id: str | uuid.UUID, device_id: uuid.UUID | None
    ) -> Outcome[WorkflowView]:
        """Choose the device that runs the workflow (None: the device that made it)."""
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, Workflow, workflow_id, "workflow")
            row.run_on_device = device_id
            uow.commit()
            view = _view(row, _last_status(uow.s, row.id))
        self.invalidate()
        return Outcome(view, Changes(workflows=True))

    def delete(self, workflow_id: str | uuid.UUID) -> Outcome[int]:
        with self.ctx.store.unit_of_work() as uow:
            uow.tombstone(get_live(uow.s, Workflow, workflow_id, "workflow"))
            uow.commit()
        self.invalidate()
        return Outcome(1, Changes(workflows=True))

    def get(self, workflow_id: str | uuid.UUID) -> WorkflowDetail:
        with self.ctx.store.read() as session:
            row = get_live(session, Workflow, workflow_id, "workflow")
            return self._detail(row, _last_status(session, row.id))

    def list(self) -> builtins.list[WorkflowView]:
        with self.ctx.store.read() as session:
            rows = session.scalars(
                select(Workflow)
                .where(live(Workflow), Workflow.owner_id == self.ctx.store.user_id)
                .order_by(Workflow.name, Workflow.id)
            ).all()
            statuses = _last_statuses(session, [row.id for row in rows])
            return [_view(row, statuses.get(row.id)) for row in rows]

    def triggered_by(self, kind: str) -> builtins.list[WorkflowDetail]:
        """The enabled workflows of this device whose trigger is of `kind` (time, event,
        voice, manual): what the runtime schedules or registers."""
        with self.ctx.store.read() as session:
            rows = session.scalars(
                select(Workflow).where(
                    live(Workflow),
                    Workflow.owner_id == self.ctx.store.user_id,
                    Workflow.enabled.is_(True),
                )
            ).all()
            details = [self._detail(row, None) for row in rows]
        return [d for d in details if d.runs_here and d.trigger_kind == kind]

    def mark_fired(self, workflow_id: str | uuid.UUID, at: datetime) -> None:
        """Record the last scheduled instant handled (run or skipped) of a time trigger."""
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, Workflow, workflow_id, "workflow")
            row.last_fire_at = at
            uow.commit()

    def spec(self, workflow_id: str | uuid.UUID) -> WorkflowSpec:
        with self.ctx.store.read() as session:
            return spec_of(get_live(session, Workflow, workflow_id, "workflow"))

    # -- runs ------------------------------------------------------------------------------

    def run(
        self,
        workflow_id: str | uuid.UUID,
        *,
        event: Mapping[str, Any] | None = None,
        event_key: str | None = None,
        dry_run: bool = False,
        event_name: str = "manual",
        depth: int = 0,
    ) -> WorkflowRunView:
        """Run a workflow now (or show what it would do); one run per `event_key`."""
        return self.engine.start(
            workflow_id,
            event_name=event_name,
            data=dict(event or {}),
            event_key=event_key,
            dry_run=dry_run,
            depth=depth,
        )

    def runs(self, workflow_id: str | uuid.UUID, limit: int = 20) -> builtins.list[WorkflowRunView]:
        with self.ctx.store.read() as session:
            row = get_live(session, Workflow, workflow_id, "workflow")
            found = session.scalars(
                select(WorkflowRun)
                .where(live(WorkflowRun), WorkflowRun.workflow_id == row.id)
                .order_by(WorkflowRun.started_at.desc(), WorkflowRun.id.desc())
                .limit(max(1, limit))
            ).all()
            return [run_view(run, row.name) for run in found]

    def get_run(self, run_id: str | uuid.UUID) -> WorkflowRunView:
        with self.ctx.store.read() as session:
            run = get_live(session, WorkflowRun, run_id, "workflow run")
            return run_view(run, _name_of(session, run.workflow_id))

    def pending_runs(self) -> builtins.list[WorkflowRunView]:
        """Runs waiting for the user's approval, oldest first."""
        with self.ctx.store.read() as session:
            found = session.scalars(
                select(WorkflowRun)
                .where(live(WorkflowRun), WorkflowRun.status == "pending_approval")
                .order_by(WorkflowRun.started_at)
            ).all()
            return [run_view(run, _name_of(session, run.workflow_id)) for run in found]

    def approve(self, run_id: str | uuid.UUID) -> WorkflowRunView:
        """Let a run waiting at an outbound or destructive step do it, and go on."""
        return self.engine.approve(run_id)

    def deny(self, run_id: str | uuid.UUID) -> WorkflowRunView:
        """Stop a run waiting for approval; the waiting step does not run."""
        return self.engine.deny(run_id)

    def resume_interrupted(self) -> builtins.list[WorkflowRunView]:
        """Finish the runs a crash left running (called at start-up)."""
        return self.engine.resume_interrupted()

    def dispatch(
        self, event_name: str, data: Mapping[str, Any], event_key: str, *, depth: int = 0
    ) -> builtins.list[WorkflowRunView]:
        """Run every enabled workflow of this device that waits for this event and whose
        filter and conditions hold; one run per workflow and `event_key`."""
        return self.engine.dispatch(event_name, dict(data), event_key, depth=depth)

    def waits_for(self, event_name: str) -> bool:
        """Whether any enabled workflow of this device waits for `event_name` (cheap)."""
        return bool(self.index.for_event(event_name))

    # -- collaborators ----------------------------------------------------------------------

    @property
    def engine(self) -> WorkflowEngine:
        if self._engine is None:
            from desktop.services.workflow_engine import WorkflowEngine

            self._engine = WorkflowEngine(self.ctx, self._all_services(), self)
        return self._engine

    @property
    def index(self) -> TriggerIndex:
        if self._index is None:
            from desktop.services.workflow_index import TriggerIndex

            self._index = TriggerIndex(self.ctx)
        return self._index

    def invalidate(self) -> None:
        """Forget the cached trigger index (workflows changed)."""
        if self._index is not None:
            self._index.invalidate()

    def _all_services(self) -> Services:
        if self._services is None:
            from desktop.services.container import Services

            self._services = Services(self.ctx.store)
            self._services.ctx = self.ctx
        return self._services

    def _checked(self, definition: Mapping[str, Any] | WorkflowSpec) -> WorkflowSpec:
        spec = definition if isinstance(definition, WorkflowSpec) else parse_workflow(definition)
        check_actions(spec)
        return spec

    def _detail(self, row: Workflow, last_status: str | None) -> WorkflowDetail:
        view = _view(row, last_status)
        device = row.run_on_device or row.origin
        return WorkflowDetail(
            **vars(view),
            definition=_definition(row),
            run_on_device=row.run_on_device,
            runs_here=device == self.ctx.store.device_id,
            missed_policy=row.missed_policy or "run_once",
            last_fire_at=row.last_fire_at,
        )


# Actions a step may not call: a workflow that could make a trusted workflow, or approve a
# waiting run, would get around the approval of outbound and destructive steps.
MANAGING_ACTIONS = frozenset(
    {
        "add_workflow",
        "update_workflow",
        "delete_workflow",
        "enable_workflow",
        "disable_workflow",
        "approve_workflow_run",
        "deny_workflow_run",
    }
)


def check_actions(spec: WorkflowSpec) -> None:
    """WorkflowError when a step names an action the catalog does not have."""
    from desktop.services.actions.registry import default_catalog

    known = set(default_catalog().names())

    def walk(steps: tuple[Any, ...], path: str) -> None:
        for index, step in enumerate(steps):
            where = f"{path}[{index}]"
            if step.kind == "action" and step.action not in known:
                raise WorkflowError(
                    f"{where}.action: there is no action named '{step.action}'; "
                    "see `atrium action list`"
                )
            if step.kind == "action" and step.action in MANAGING_ACTIONS:
                raise WorkflowError(
                    f"{where}.action: a workflow cannot {step.action.replace('_', ' ')}: "
                    "making, changing, trusting or approving workflows is left to you"
                )
            walk(step.then, f"{where}.then")
            walk(step.otherwise, f"{where}.otherwise")

    walk(spec.steps, "steps")


def spec_of(row: Workflow) -> WorkflowSpec:
    """The parsed definition of a row (a row that no longer parses is a UserError)."""
    try:
        return parse_workflow(_definition(row))
    except WorkflowError as exc:
        raise UserError(
            f"the workflow '{row.name}' ({row.id}) is not valid any more: {exc}"
        ) from None


def _definition(row: Workflow) -> dict[str, Any]:
    conditions: Any = row.conditions or []
    if isinstance(conditions, list) and len(conditions) == 1 and "items" in conditions[0]:
        conditions = conditions[0]
    return {
        "name": row.name,
        "description": row.description or "",
        "enabled": bool(row.enabled),
        "trusted": bool(row.trusted),
        "trigger": dict(row.trigger or {"kind": "manual"}),
        "conditions": conditions,
        "steps": list(row.steps or []),
    }


def _fill(row: Workflow, spec: WorkflowSpec) -> None:
    data = spec_dict(spec)
    row.name = spec.name
    row.description = spec.description
    row.enabled = spec.enabled
    row.trusted = spec.trusted
    row.trigger = data["trigger"]
    row.conditions = [group_dict(spec.conditions)]
    row.steps = data["steps"]
    row.missed_policy = spec.trigger.missed


def _view(row: Workflow, last_status: str | None) -> WorkflowView:
    trigger = dict(row.trigger or {})
    return WorkflowView(
        id=row.id,
        name=row.name,
        description=row.description or "",
        enabled=bool(row.enabled),
        trusted=bool(row.trusted),
        trigger_kind=str(trigger.get("kind", "manual")),
        trigger_text=trigger_text(trigger),
        last_run_at=row.last_run_at,
        last_status=last_status,
        run_count=row.run_count or 0,
    )


def run_view(run: WorkflowRun, workflow_name: str) -> WorkflowRunView:
    return WorkflowRunView(
        id=run.id,
        workflow_id=run.workflow_id,
        workflow=workflow_name,
        status=run.status,
        dry_run=bool(run.dry_run),
        started_at=run.started_at,
        finished_at=run.finished_at,
        trigger_event=dict(run.trigger_event or {}),
        trace=tuple(dict(entry) for entry in run.trace or ()),
        error=run.error,
        event_key=run.event_key,
    )


def _name_of(session: Any, workflow_id: uuid.UUID) -> str:
    return str(session.scalar(select(Workflow.name).where(Workflow.id == workflow_id)) or "")


def _last_status(session: Any, workflow_id: uuid.UUID) -> str | None:
    return _last_statuses(session, [workflow_id]).get(workflow_id)


def _last_statuses(session: Any, ids: builtins.list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The status of each workflow's latest real (not dry) run."""
    if not ids:
        return {}
    latest = (
        select(WorkflowRun.workflow_id, func.max(WorkflowRun.started_at).label("at"))
        .where(live(WorkflowRun), WorkflowRun.dry_run.is_(False), WorkflowRun.workflow_id.in_(ids))
        .group_by(WorkflowRun.workflow_id)
        .subquery()
    )
    rows = session.execute(
        select(WorkflowRun.workflow_id, WorkflowRun.status).join(
            latest,
            (WorkflowRun.workflow_id == latest.c.workflow_id)
            & (WorkflowRun.started_at == latest.c.at),
        )
    ).all()
    return dict(rows)
