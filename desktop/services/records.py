"""Records of the areas whose engines come later: projects, workflows, voice commands,
agent logs and integrations. Each can be created, listed and deleted here, so the
panes, the CLI and sync have real rows to work with.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.services.base import Outcome, ServiceContext, clean_text, get_live, live
from desktop.store.models import AgentLog, DevProject, Integration, Task, VoiceCommand, Workflow

PROJECT_STATUSES = ("active", "paused", "done", "archived")
INTEGRATION_STATES = ("connected", "needs_auth", "error", "disabled")


@dataclass(frozen=True)
class ProjectView:
    id: uuid.UUID
    name: str
    repository_url: str | None
    description: str
    status: str


@dataclass(frozen=True)
class VoiceCommandView:
    id: uuid.UUID
    phrase: str
    action: str
    arguments: dict[str, Any]
    enabled: bool
    usage_count: int
    success_count: int
    last_used_at: datetime | None


@dataclass(frozen=True)
class AgentLogView:
    id: uuid.UUID
    agent: str
    provider: str
    model: str
    prompt: str
    output: str
    status: str
    input_tokens: int
    output_tokens: int
    latency_ms: int | None
    started_at: datetime
    cost_micros: int = 0
    finished_at: datetime | None = None
    error: str | None = None
    steps: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class IntegrationView:
    id: uuid.UUID
    kind: str
    account: str
    display_name: str
    state: str
    last_sync_at: datetime | None
    last_error: str | None
    error_count: int


class RecordService:
    """Create, list and delete the record-only areas."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- projects ----------------------------------------------------------------------

    def add_project(
        self, name: str, *, repository_url: str | None = None, description: str = ""
    ) -> Outcome[ProjectView]:
        if repository_url and not repository_url.startswith(("https://", "http://", "git@")):
            raise UserError(f"'{repository_url}' is not a repository URL")
        with self.ctx.store.unit_of_work() as uow:
            row = DevProject(
                name=clean_text(name, "project name", limit=200, required=True),
                repository_url=repository_url or None,
                description=clean_text(description, "description", limit=10_000),
            )
            uow.s.add(row)
            uow.commit()
            return Outcome(_project(row), Changes(projects=True))

    def update_project(
        self,
        ident: str,
        *,
        name: str | None = None,
        repository_url: str | None = None,
        description: str | None = None,
        status: str | None = None,
    ) -> Outcome[ProjectView]:
        """Change a project's fields; `repository_url=""` removes its repository."""
        if repository_url and not repository_url.startswith(("https://", "http://", "git@")):
            raise UserError(f"'{repository_url}' is not a repository URL")
        if status is not None and status not in PROJECT_STATUSES:
            raise UserError(
                f"'{status}' is not a project status; use one of {', '.join(PROJECT_STATUSES)}"
            )
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, DevProject, ident, "project")
            if name is not None:
                row.name = clean_text(name, "project name", limit=200, required=True)
            if repository_url is not None:
                row.repository_url = repository_url.strip() or None
            if description is not None:
                row.description = clean_text(description, "description", limit=10_000)
            if status is not None:
                row.status = status
            uow.commit()
            return Outcome(_project(row), Changes(projects=True))

    def delete_project(self, ident: str) -> Outcome[int]:
        """Delete a project; its tasks stay, taken out of it."""
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, DevProject, ident, "project")
            tasks = uow.s.scalars(select(Task).where(live(Task), Task.project_id == row.id))
            for task in tasks:
                task.project_id = None
            uow.tombstone(row)
            uow.commit()
            return Outcome(1, Changes(projects=True, tasks=True))

    def projects(self) -> list[ProjectView]:
        with self.ctx.store.read() as session:
            rows = session.scalars(
                select(DevProject)
                .where(live(DevProject), DevProject.owner_id == self.ctx.store.user_id)
                .order_by(DevProject.name)
            )
            return [_project(row) for row in rows]

    # -- workflows ---------------------------------------------------------------------

    def add_voice_command(
        self, phrase: str, action: str, arguments: dict[str, Any] | None = None
    ) -> Outcome[VoiceCommandView]:
        from desktop.services.actions.registry import default_catalog

        if action not in default_catalog().names():
            raise UserError(f"there is no action named '{action}'; see `atrium action list`")
        with self.ctx.store.unit_of_work() as uow:
            row = VoiceCommand(
                phrase=clean_text(phrase, "phrase", limit=300, required=True).lower(),
                action=action,
                arguments=arguments or {},
            )
            uow.s.add(row)
            uow.commit()
            return Outcome(_voice(row), Changes(voice=True))

    def voice_commands(self) -> list[VoiceCommandView]:
        with self.ctx.store.read() as session:
            rows = session.scalars(
                select(VoiceCommand)
                .where(live(VoiceCommand), VoiceCommand.owner_id == self.ctx.store.user_id)
                .order_by(VoiceCommand.phrase)
            )
            return [_voice(row) for row in rows]

    # -- agent logs --------------------------------------------------------------------

    def agent_logs(self, limit: int = 100) -> list[AgentLogView]:
        with self.ctx.store.read() as session:
            rows = session.scalars(
                select(AgentLog)
                .where(live(AgentLog), AgentLog.owner_id == self.ctx.store.user_id)
                .order_by(AgentLog.started_at.desc())
                .limit(limit)
            )
            return [_agent_log(row) for row in rows]

    # -- integrations ------------------------------------------------------------------

    def integrations(self) -> list[IntegrationView]:
        with self.ctx.store.read() as session:
            rows = session.scalars(
                select(Integration)
                .where(live(Integration), Integration.owner_id == self.ctx.store.user_id)
                .order_by(Integration.kind, Integration.account)
            )
            return [_integration(row) for row in rows]

    # -- any of them -------------------------------------------------------------------

    def delete(self, kind: str, ident: str) -> Outcome[int]:
        model, area = _DELETABLE.get(kind, (None, ""))
        if model is None:
            raise UserError(f"'{kind}' records cannot be deleted here")
        with self.ctx.store.unit_of_work() as uow:
            uow.tombstone(get_live(uow.s, model, ident, kind))
            uow.commit()
            return Outcome(1, Changes.of(area))


_DELETABLE: dict[str, tuple[Any, str]] = {
    "project": (DevProject, "projects"),
    "workflow": (Workflow, "workflows"),
    "voice_command": (VoiceCommand, "voice"),
    "integration": (Integration, "integrations"),
    "agent_log": (AgentLog, "agents"),
}


def _project(row: DevProject) -> ProjectView:
    return ProjectView(row.id, row.name, row.repository_url, row.description, row.status)


def _voice(row: VoiceCommand) -> VoiceCommandView:
    return VoiceCommandView(
        row.id,
        row.phrase,
        row.action,
        dict(row.arguments),
        row.enabled,
        row.usage_count,
        row.success_count,
        row.last_used_at,
    )


def _agent_log(row: AgentLog) -> AgentLogView:
    return AgentLogView(
        row.id,
        row.agent,
        row.provider,
        row.model,
        row.prompt,
        row.output,
        row.status,
        row.input_tokens,
        row.output_tokens,
        row.latency_ms,
        row.started_at,
        row.cost_micros or 0,
        row.finished_at,
        row.error,
        tuple(row.steps or ()),
    )


def _integration(row: Integration) -> IntegrationView:
    return IntegrationView(
        row.id,
        row.kind,
        row.account,
        row.display_name,
        row.state,
        row.last_sync_at,
        row.last_error,
        row.error_count,
    )
