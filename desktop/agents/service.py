"""Running the specialist agents for the user: run, approve, deny, undo, log and stats.

`AgentService(services, settings)` is what the CLI and the runtime's agent worker
call. A run is logged as an AgentLog row from its start: each step is written as
it happens, the totals when it ends (desktop/services/agent_logs.py).

Approving a pending step runs it through the action catalog with the arguments
the model gave (or the user's edited ones) and records approval and result on
the run. The result is NOT fed back to the model: the conversation ended when the
run did, and a later run starts afresh. Denying marks the step denied; nothing runs.

`undo_run` takes back the writes of a run made by this service instance (their
change sets are kept in memory, newest first; the log keeps no row snapshots).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from desktop.agents.approvals import ApprovalPolicy
from desktop.agents.loop import AgentProfile, AgentRun, AgentStep, StepCallback, run_agent
from desktop.agents.model import PROVIDERS, Provider
from desktop.config import Settings
from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.services.actions.registry import ActionCatalog, default_catalog
from desktop.services.agent_logs import (
    AgentLogService,
    AgentRunView,
    AgentStats,
    PendingApproval,
)
from desktop.services.jsonable import jsonable

if TYPE_CHECKING:
    from desktop.services.container import Services
    from desktop.store.changeset import ChangeSet

ProviderFactory = Callable[[str, "str | None"], Provider]


class AgentService:
    """The agents' use cases over one profile."""

    def __init__(
        self,
        services: Services,
        settings: Settings,
        *,
        provider_factory: ProviderFactory | None = None,
        catalog: ActionCatalog | None = None,
        specialists: Mapping[str, AgentProfile] | None = None,
    ) -> None:
        self.services = services
        self.settings = settings
        self.logs = AgentLogService(services.ctx)
        self.catalog = catalog or default_catalog()
        self._provider_factory = provider_factory
        self._specialists = specialists
        self._undo: dict[uuid.UUID, list[ChangeSet]] = {}

    # -- the agents ------------------------------------------------------------------

    def specialists(self) -> list[AgentProfile]:
        """Every specialist, in the order they are offered."""
        return list(self._all_specialists().values())

    def specialist(self, name: str) -> AgentProfile:
        found = self._all_specialists()
        if name not in found:
            raise UserError(
                f"there is no agent named '{name}'; the agents are {', '.join(found)} "
                "(see `atrium agent list`)"
            )
        return found[name]

    def _all_specialists(self) -> Mapping[str, AgentProfile]:
        if self._specialists is None:
            from desktop.agents.specialists import SPECIALISTS

            listed: Any = SPECIALISTS
            values = listed.values() if isinstance(listed, Mapping) else listed
            self._specialists = {s.name: s for s in values}
        return self._specialists

    def provider(self, name: str | None = None, model: str | None = None) -> Provider:
        """The provider `name` (default: the setting agents.provider) with `model`."""
        chosen = name or str(self.settings.get("agents.provider") or "offline")
        if chosen not in PROVIDERS:
            raise UserError(f"'{chosen}' is not a provider; use one of {', '.join(PROVIDERS)}")
        if self._provider_factory is not None:
            return self._provider_factory(chosen, model)
        from desktop.agents.providers import make_provider

        made: Provider = make_provider(chosen, self.settings, self.services, model=model)
        return made

    # -- running ---------------------------------------------------------------------

    def run(
        self,
        agent: str,
        prompt: str,
        provider: str | None = None,
        model: str | None = None,
        yes: bool = False,
        on_text: Callable[[str], None] | None = None,
        on_step: StepCallback | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> AgentRunView:
        """Run `agent` on `prompt`; the logged run. A provider's failure is logged, then raised."""
        text = prompt.strip()
        if not text:
            raise UserError("say what the agent should do: the prompt is empty")
        specialist = self.specialist(agent)
        chosen = self.provider(provider, model)
        run_id = self.logs.start(specialist.name, chosen.name, chosen.model, text)

        def record(step: AgentStep) -> None:
            self.logs.record_step(run_id, step.as_record())
            if on_step is not None:
                on_step(step)

        run = run_agent(
            self.services,
            chosen,
            specialist,
            text,
            policy=ApprovalPolicy.from_settings(self.settings, yes=yes),
            on_text=on_text,
            on_step=record,
            max_steps=int(self.settings.get("agents.max_steps") or 8),
            catalog=self.catalog,
            cancelled=cancelled,
        )
        self._finish(run_id, run)
        if run.failure is not None:
            raise run.failure
        return replace(
            self.logs.get(run_id), changed=tuple(sorted(run.changed)), notices=tuple(run.notices)
        )

    def _finish(self, run_id: uuid.UUID, run: AgentRun) -> None:
        if run.undo:
            self._undo[run_id] = list(run.undo)
        self.logs.finish(
            run_id,
            status=run.status,
            output=run.output,
            model=run.model,
            input_tokens=run.input_tokens,
            output_tokens=run.output_tokens,
            cost_micros=run.cost_micros,
            latency_ms=run.latency_ms,
            steps=[step.as_record() for step in run.steps],
            error=run.error,
        )

    # -- approvals -------------------------------------------------------------------

    def pending(self) -> list[PendingApproval]:
        return self.logs.pending()

    def approve(
        self, run_id: uuid.UUID | str, step: int | None = None, args: dict[str, Any] | None = None
    ) -> AgentRunView:
        """Run the pending step `step` (default: every pending step of the run).

        `args` replaces the step's arguments (the user edited them); only with a step.
        """
        if args is not None and step is None:
            raise UserError("edited arguments need the number of the step they are for")
        view = self.logs.get(run_id)
        records = [_record(s) for s in view.steps]
        chosen = _pending(records, step, view.run_id)
        self.logs.claim_steps(view.run_id, [int(r["number"]) for r in chosen], "approving")
        changed: set[str] = set()
        for record in chosen:
            if args is not None:
                record["args"] = dict(args)
            changed |= self._run_approved(view.run_id, record)
        self.logs.update_steps(view.run_id, records, _status_after(view.status, records))
        return replace(self.logs.get(view.run_id), changed=tuple(sorted(changed)))

    def deny(self, run_id: uuid.UUID | str, step: int | None = None) -> AgentRunView:
        """Refuse the pending step `step` (default: every pending step of the run)."""
        view = self.logs.get(run_id)
        records = [_record(s) for s in view.steps]
        chosen = _pending(records, step, view.run_id)
        self.logs.claim_steps(view.run_id, [int(r["number"]) for r in chosen], "denied")
        for record in chosen:
            record.update(status="denied", approved=False, note="denied by the user")
            record["finished_at"] = self.services.ctx.now().isoformat()
        self.logs.update_steps(view.run_id, records, _status_after(view.status, records))
        return self.logs.get(view.run_id)

    def _run_approved(self, run_id: uuid.UUID, record: dict[str, Any]) -> set[str]:
        began = time.perf_counter()
        record["started_at"] = self.services.ctx.now().isoformat()
        record["approved"] = True
        try:
            result = self.catalog.call(self.services, record["tool"], record["args"])
        except UserError as exc:
            record.update(status="error", error=str(exc), note="approved, but the action failed")
            return set()
        finally:
            record["finished_at"] = self.services.ctx.now().isoformat()
            record["ms"] = round((time.perf_counter() - began) * 1000, 3)
        if result.undo is not None and result.undo.can_undo:
            self._undo.setdefault(run_id, []).append(result.undo)
        record.update(
            status="done",
            error=None,
            note="approved by the user",
            result=jsonable(result.value, self.services.ctx.zone),
        )
        return set(result.changes.areas())

    # -- undo, history, performance --------------------------------------------------

    def undo_run(self, run_id: uuid.UUID | str) -> Changes:
        """Take back the writes of a run made in this session, newest first."""
        key = uuid.UUID(str(run_id))
        changesets = self._undo.get(key)
        if not changesets:
            raise UserError("this run changed nothing that can still be undone here")
        changes = Changes()
        for changeset in reversed(changesets):
            changes |= self.services.undo.revert(changeset).changes
        del self._undo[key]
        return changes

    def can_undo(self, run_id: uuid.UUID | str) -> bool:
        return bool(self._undo.get(uuid.UUID(str(run_id))))

    def log(self, limit: int = 50, agent: str | None = None) -> list[AgentRunView]:
        return self.logs.recent(limit, agent)

    def get(self, run_id: uuid.UUID | str) -> AgentRunView:
        return self.logs.get(run_id)

    def stats(self) -> list[AgentStats]:
        return self.logs.stats()


def _record(step: Any) -> dict[str, Any]:
    """A step view back as its log record (instants as ISO text)."""
    record = {name: getattr(step, name) for name in step.__dataclass_fields__}
    for key in ("started_at", "finished_at"):
        record[key] = record[key].isoformat() if record[key] is not None else None
    return record


def _pending(
    records: Sequence[dict[str, Any]], step: int | None, run_id: uuid.UUID
) -> list[dict[str, Any]]:
    waiting = [r for r in records if r.get("status") == "pending"]
    if step is None:
        if not waiting:
            raise UserError(f"run {run_id} has no step waiting for approval")
        return waiting
    for record in records:
        if record.get("number") == step:
            if record.get("status") != "pending":
                raise UserError(
                    f"step {step} of run {run_id} is not waiting for approval "
                    f"(it is {record.get('status')})"
                )
            return [record]
    numbers = ", ".join(str(r["number"]) for r in waiting) or "none"
    raise UserError(f"run {run_id} has no step {step}; the steps waiting are: {numbers}")


def _status_after(status: str, records: Sequence[dict[str, Any]]) -> str:
    """A "pending" run is "done" once no step waits any more."""
    if status == "pending" and not any(r.get("status") == "pending" for r in records):
        return "done"
    return status
