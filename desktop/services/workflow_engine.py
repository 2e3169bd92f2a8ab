"""Running workflows: steps in order, traced one by one, exactly once per trigger event.

A run is a `workflow_runs` row created first, with the trigger's event key (the unique
index refuses a second run for the same event). Each step then runs and its trace entry
is written; for an action step the action's writes and the trace entry commit in ONE
transaction (`UnitOfWork.shared`: the services' units of work join it as savepoints),
so after a crash a step is neither lost nor done twice, and `resume_interrupted`
continues a run from its first step without an entry.

Outbound and destructive steps (the action's risk; webhooks are outbound) pause the run
as `pending_approval` unless the workflow is trusted; `approve` runs the waiting step
with the arguments shown and goes on, `deny` stops the run. Passing failures (network,
5xx, 429) are retried with backoff. A dry run runs nothing: each step shows its rendered
arguments (checked against the action's schema) as `would_run`.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.services.actions.registry import default_catalog, validate
from desktop.services.base import ServiceContext, get_live, live
from desktop.services.jsonable import jsonable
from desktop.services.workflow_conditions import Facts, holds
from desktop.services.workflow_spec import Step, WorkflowSpec
from desktop.services.workflow_templating import FutureValue, TemplateError, render
from desktop.services.workflow_webhook import StepError, TransientStepError, post_json
from desktop.services.workflows import WorkflowRunView, run_view, spec_of
from desktop.store import events as store_events
from desktop.store.models import Workflow, WorkflowRun
from desktop.store.uow import UnitOfWork

if TYPE_CHECKING:
    from desktop.services.container import Services
    from desktop.services.workflows import WorkflowService

log = logging.getLogger("desktop.services")

APPROVAL_RISKS = ("outbound", "destructive")
TRIES = 3
BACKOFF_SECONDS = 0.5
MAX_LIST_ITEMS = 50
_OUTCOME_STATUS = {"next": "done", "stopped": "stopped", "paused": "pending_approval"}


@dataclass
class RunState:
    """A run in progress: its definition, template context and trace so far."""

    run_id: uuid.UUID
    workflow_id: uuid.UUID
    name: str
    spec: WorkflowSpec
    trusted: bool
    dry_run: bool
    depth: int
    context: dict[str, Any]
    trace: list[dict[str, Any]] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)
    error: str | None = None

    def entry(self, path: str) -> dict[str, Any] | None:
        for item in self.trace:
            if item.get("path") == path:
                return item
        return None

    def put(self, entry: dict[str, Any]) -> None:
        for position, item in enumerate(self.trace):
            if item.get("path") == entry["path"]:
                self.trace[position] = entry
                break
        else:
            self.trace.append(entry)
        status = entry.get("status")
        if status == "done" and "result" in entry:
            _store_result(self.context["steps"], str(entry["path"]), entry["result"])
        elif status == "would_run":
            path = str(entry["path"])
            _store_result(self.context["steps"], path, FutureValue(f"result of step {path}"))


class WorkflowEngine:
    """Starts, continues, approves and dispatches runs."""

    def __init__(
        self,
        ctx: ServiceContext,
        services: Services,
        workflows: WorkflowService,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.ctx = ctx
        self.services = services
        self.workflows = workflows
        self.sleep = sleep
        self.catalog = default_catalog()

    # -- starting ----------------------------------------------------------------------

    def start(
        self,
        workflow_id: str | uuid.UUID,
        *,
        event_name: str,
        data: dict[str, Any],
        event_key: str | None,
        dry_run: bool,
        depth: int,
        conditions_checked: bool = False,
    ) -> WorkflowRunView:
        with self.ctx.store.read() as session:
            row = get_live(session, Workflow, workflow_id, "workflow")
            spec, name, trusted = spec_of(row), row.name, bool(row.trusted)
        trigger_event = {
            "event": event_name,
            "data": jsonable(data, self.ctx.zone),
            "depth": depth,
        }
        key = None if dry_run else event_key
        try:
            with self.ctx.store.unit_of_work() as uow:
                run = WorkflowRun(
                    workflow_id=row.id,
                    started_at=self.ctx.now(),
                    status="running",
                    dry_run=dry_run,
                    trigger_event=trigger_event,
                    trace=[],
                    event_key=key,
                )
                uow.s.add(run)
                uow.commit()
        except IntegrityError:
            return self._existing(row.id, key, name)
        state = RunState(
            run.id, row.id, name, spec, trusted, dry_run, depth, self._context(run, trigger_event)
        )
        if not conditions_checked and not holds(spec.conditions, self._facts(state)):
            state.error = "the workflow's conditions do not hold"
            return self._finish(state, "skipped")
        return self._continue(state)

    def dispatch(
        self, event_name: str, data: dict[str, Any], event_key: str, *, depth: int
    ) -> list[WorkflowRunView]:
        from desktop.services.workflow_conditions import trigger_matches

        waiting = self.workflows.index.for_event(event_name)
        if not waiting:
            return []
        facts = Facts(
            {**data, **self._builtins()},
            now=self.ctx.now().astimezone(self.ctx.zone),
            services=self.services,
        )
        runs: list[WorkflowRunView] = []
        for workflow in waiting:
            if trigger_matches(workflow.spec.trigger, data) and holds(
                workflow.spec.conditions, facts
            ):
                runs.append(
                    self.start(
                        workflow.id,
                        event_name=event_name,
                        data=data,
                        event_key=event_key,
                        dry_run=False,
                        depth=depth,
                        conditions_checked=True,
                    )
                )
        return runs

    # -- approvals and crashes -----------------------------------------------------------

    def approve(self, run_id: str | uuid.UUID) -> WorkflowRunView:
        state = self._load(run_id, expect="pending_approval")
        self._claim(state.run_id, "pending_approval", "running")
        waiting = next(e for e in state.trace if e.get("status") == "pending_approval")
        state.put({**waiting, "approved": True})
        self._save(state, "running")
        return self._continue(state)

    def deny(self, run_id: str | uuid.UUID) -> WorkflowRunView:
        state = self._load(run_id, expect="pending_approval")
        self._claim(state.run_id, "pending_approval", "stopped")
        waiting = next(e for e in state.trace if e.get("status") == "pending_approval")
        state.put({**waiting, "status": "stopped", "error": "denied: the user did not approve it"})
        state.error = f"step {waiting['path']} was denied"
        return self._finish(state, "stopped")

    def resume_interrupted(self) -> list[WorkflowRunView]:
        """Continue every run of this device's workflows that a crash left running."""
        with self.ctx.store.read() as session:
            ids = session.scalars(
                select(WorkflowRun.id)
                .where(live(WorkflowRun), WorkflowRun.status == "running")
                .order_by(WorkflowRun.started_at)
            ).all()
        resumed: list[WorkflowRunView] = []
        for run_id in ids:
            try:
                state = self._load(run_id, expect="running", here_only=True)
            except _NotHereError:
                continue
            except UserError as exc:
                resumed.append(self._fail_unloadable(run_id, str(exc)))
                continue
            log.info("resuming workflow run %s of %s", run_id, state.name)
            resumed.append(self._continue(state))
        return resumed

    # -- the steps ----------------------------------------------------------------------

    def _continue(self, state: RunState) -> WorkflowRunView:
        with store_events.chained(state.depth + 1):
            outcome = self._walk(state.spec.steps, "", state)
        if outcome == "paused":
            self._save(state, "pending_approval")
            return self._view(state, "pending_approval")
        return self._finish(state, _OUTCOME_STATUS.get(outcome, "failed"))

    def _walk(self, steps: tuple[Step, ...], prefix: str, state: RunState) -> str:
        for index, step in enumerate(steps):
            path = f"{prefix}{index}"
            entry = state.entry(path)
            if entry is None or entry.get("status") == "pending_approval":
                outcome = self._step(step, index, path, state)
            elif entry["status"] in ("stopped", "failed"):
                outcome = "stopped" if entry["status"] == "stopped" else "failed"
            elif step.kind == "branch" and entry["status"] == "done":
                took = str(entry.get("result", {}).get("took", "otherwise"))
                arm = step.then if took == "then" else step.otherwise
                outcome = self._walk(arm, f"{path}.{took}.", state)
            else:
                outcome = "next"  # done before (a resumed run): never twice
            if outcome != "next":
                return outcome
        return "next"

    def _step(self, step: Step, index: int, path: str, state: RunState) -> str:
        started = time.perf_counter()
        base: dict[str, Any] = {"index": index, "path": path, "kind": step.kind}
        if step.kind == "action":
            base["action"] = step.action

        def record(status: str, **extra: Any) -> None:
            ms = round((time.perf_counter() - started) * 1000, 1)
            self._record(state, {**base, "status": status, **extra, "ms": ms})

        if step.kind == "branch":
            assert step.when is not None
            took = "then" if holds(step.when, self._facts(state)) else "otherwise"
            record("done", result={"took": took})
            arm = step.then if took == "then" else step.otherwise
            return self._walk(arm, f"{path}.{took}.", state)
        if step.when is not None and not holds(step.when, self._facts(state)):
            record("skipped", result={"reason": "its condition does not hold"})
            return "next"
        if step.kind == "stop":
            record("stopped", result={"reason": "a stop step ended the run"})
            return "stopped"
        waiting = state.entry(path)
        approved = bool(waiting and waiting.get("approved"))
        try:
            args = waiting["args"] if approved and waiting else render(step.args, state.context)
        except TemplateError as exc:
            record("failed", args={}, error=str(exc))
            state.error = f"step {path}: {exc}"
            return "failed"
        base["args"] = args
        if approved:
            base["approved"] = True
        if step.kind == "notify":
            text = str(args.get("text", ""))
            record("would_run" if state.dry_run else "done", result={"text": text})
            return "next"
        return self._outward(step, path, state, args, approved, record)

    def _outward(
        self,
        step: Step,
        path: str,
        state: RunState,
        args: dict[str, Any],
        approved: bool,
        record: Callable[..., None],
    ) -> str:
        """An action or webhook step: check, ask, or run it."""
        try:
            risk = "outbound" if step.kind == "webhook" else self.catalog.get(str(step.action)).risk
            if state.dry_run:
                if step.kind == "action":
                    validate(self.catalog.get(str(step.action)), args, self.services)
                record("would_run", risk=risk)
                return "next"
            if risk in APPROVAL_RISKS and not state.trusted and not approved:
                record("pending_approval", risk=risk)
                return "paused"
            self._attempt(step, path, state, args, record)
        except (UserError, StepError) as exc:
            record("failed", error=str(exc))
            state.error = f"step {path}: {exc}"
            return "failed"
        except Exception as exc:
            log.exception("workflow step failed")
            record("failed", error=f"{type(exc).__name__}: {exc}")
            state.error = f"step {path}: {type(exc).__name__}: {exc}"
            return "failed"
        return "next"

    def _attempt(
        self,
        step: Step,
        path: str,
        state: RunState,
        args: dict[str, Any],
        record: Callable[..., None],
    ) -> int:
        """Run the step, retrying passing failures with backoff; the number of tries."""
        for attempt in range(1, TRIES + 1):
            try:
                if step.kind == "webhook":
                    answer = post_json(
                        str(args.get("url")),
                        args.get("body"),
                        headers=args.get("headers") or {},
                        idempotency_key=f"{state.run_id}:{path}",
                    )
                    record("done", result=answer.as_dict(), tries=attempt)
                else:
                    self._run_action(str(step.action), state, args, record, attempt)
                return attempt
            except (TransientStepError, OSError) as exc:
                if attempt == TRIES:
                    raise StepError(f"{exc} (tried {TRIES} times)") from None
                wait = getattr(exc, "retry_after", None)
                self.sleep(wait if wait is not None else BACKOFF_SECONDS * 2 ** (attempt - 1))
        return TRIES

    def _run_action(
        self,
        name: str,
        state: RunState,
        args: dict[str, Any],
        record: Callable[..., None],
        attempt: int,
    ) -> None:
        """The action's writes and the step's trace entry commit together."""
        from desktop.services.workflows import MANAGING_ACTIONS

        if name in MANAGING_ACTIONS:  # a definition stored before the rule: refused here too
            raise UserError(f"a workflow cannot {name.replace('_', ' ')}; that is left to you")
        with self.ctx.store.unit_of_work() as uow, uow.shared():
            result = self.catalog.call(self.services, name, args)
            record("done", result=_json_result(result.value, self.ctx), tries=attempt, uow=uow)
            uow.commit()
        state.changes = state.changes | result.changes

    # -- the run row ----------------------------------------------------------------------

    def _record(self, state: RunState, entry: dict[str, Any]) -> None:
        uow = entry.pop("uow", None)
        if entry.get("tries") == 1:
            del entry["tries"]
        state.put(entry)
        if state.dry_run:
            return  # a dry run's trace is written once, at the end
        if uow is not None:
            self._write_trace(uow, state)
            return
        with self.ctx.store.unit_of_work() as own:
            self._write_trace(own, state)
            own.commit()

    def _write_trace(self, uow: UnitOfWork, state: RunState, status: str | None = None) -> None:
        run = uow.s.get(WorkflowRun, state.run_id)
        assert run is not None
        run.trace = [dict(item) for item in state.trace]
        if status is not None:
            run.status = status

    def _claim(self, run_id: uuid.UUID, expect: str, status: str) -> None:
        """Move the run from `expect` to `status`, or refuse if another process (the CLI, the
        app) got there first. Writers start with BEGIN IMMEDIATE, so the check and the change
        are one step: a step is never approved, and run, twice."""
        with self.ctx.store.unit_of_work() as uow:
            run = uow.s.get(WorkflowRun, run_id)
            if run is None or run.status != expect:
                now = "gone" if run is None else run.status.replace("_", " ")
                raise UserError(f"the run {run_id} is {now} now; it was handled elsewhere")
            run.status = status
            uow.commit()

    def _save(self, state: RunState, status: str) -> None:
        with self.ctx.store.unit_of_work() as uow:
            self._write_trace(uow, state, status)
            uow.commit()

    def _finish(self, state: RunState, status: str) -> WorkflowRunView:
        with self.ctx.store.unit_of_work() as uow:
            run = uow.s.get(WorkflowRun, state.run_id)
            assert run is not None
            run.trace = [dict(item) for item in state.trace]
            run.status = status
            run.finished_at = self.ctx.now()
            run.error = state.error if status in ("failed", "stopped", "skipped") else None
            if not state.dry_run and status != "skipped":
                workflow = uow.s.get(Workflow, state.workflow_id)
                if workflow is not None:
                    workflow.last_run_at = run.started_at
                    workflow.run_count = (workflow.run_count or 0) + 1
            uow.commit()
            view = run_view(run, state.name)
        return _with_changes(view, state.changes)

    def _view(self, state: RunState, status: str) -> WorkflowRunView:
        with self.ctx.store.read() as session:
            run = get_live(session, WorkflowRun, state.run_id, "workflow run")
            view = run_view(run, state.name)
        return _with_changes(view, state.changes)

    def _existing(self, workflow_id: uuid.UUID, key: str | None, name: str) -> WorkflowRunView:
        with self.ctx.store.read() as session:
            run = session.scalars(
                select(WorkflowRun).where(
                    WorkflowRun.workflow_id == workflow_id, WorkflowRun.event_key == key
                )
            ).one()
            return run_view(run, name)

    def _load(self, run_id: str | uuid.UUID, *, expect: str, here_only: bool = False) -> RunState:
        with self.ctx.store.read() as session:
            run = get_live(session, WorkflowRun, run_id, "workflow run")
            if run.status != expect:
                raise UserError(
                    f"the run {run.id} is {run.status.replace('_', ' ')}, not "
                    f"{expect.replace('_', ' ')}"
                )
            row = session.get(Workflow, run.workflow_id)
            elsewhere = (
                row is not None and (row.run_on_device or row.origin) != self.ctx.store.device_id
            )
            if here_only and elsewhere and not run.dry_run:
                raise _NotHereError
            if row is None or row.deleted_hlc is not None:
                raise UserError(f"the workflow of run {run.id} was deleted")
            trigger_event = dict(run.trigger_event or {})
            state = RunState(
                run.id,
                row.id,
                row.name,
                spec_of(row),
                bool(row.trusted),
                bool(run.dry_run),
                int(trigger_event.get("depth", 0) or 0),
                self._context(run, trigger_event),
            )
            for entry in run.trace or ():
                state.put(dict(entry))
        return state

    def _fail_unloadable(self, run_id: uuid.UUID, reason: str) -> WorkflowRunView:
        with self.ctx.store.unit_of_work() as uow:
            run = get_live(uow.s, WorkflowRun, run_id, "workflow run")
            run.status, run.error, run.finished_at = "failed", reason, self.ctx.now()
            uow.commit()
            return run_view(run, "")

    # -- context ------------------------------------------------------------------------

    def _builtins(self) -> dict[str, Any]:
        local = self.ctx.now().astimezone(self.ctx.zone)
        return {"now": local.isoformat(timespec="seconds"), "today": local.date().isoformat()}

    def _context(self, run: WorkflowRun, trigger_event: dict[str, Any]) -> dict[str, Any]:
        data = trigger_event.get("data") or {}
        return {
            **(data if isinstance(data, dict) else {}),
            **self._builtins(),
            "trigger": {"event": trigger_event.get("event")},
            "run": {"id": str(run.id), "dry_run": bool(run.dry_run)},
            "steps": {},
        }

    def _facts(self, state: RunState) -> Facts:
        return Facts(
            state.context, now=self.ctx.now().astimezone(self.ctx.zone), services=self.services
        )


def _store_result(steps: dict[str, Any], path: str, result: Any) -> None:
    """Keep a step's result where templates find it: steps.2, steps.3.then.0."""
    *parents, last = path.split(".")
    node = steps
    for part in parents:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {} if child is None else {"value": child}
            node[part] = child
        node = child
    node[last] = dict(result) if isinstance(result, dict) else result


class _NotHereError(Exception):
    """The run belongs to a workflow another device runs."""


def _json_result(value: Any, ctx: ServiceContext) -> Any:
    try:
        result = jsonable(value, ctx.zone)
    except TypeError:
        return str(value)
    if isinstance(result, list) and len(result) > MAX_LIST_ITEMS:
        return {"items": result[:MAX_LIST_ITEMS], "total": len(result)}
    return result


def _with_changes(view: WorkflowRunView, changes: Changes) -> WorkflowRunView:
    from dataclasses import replace

    return replace(view, changes=changes)
