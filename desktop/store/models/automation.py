"""Workflows and their runs, voice commands, and agent logs."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Index, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base, Synced


class Workflow(Synced, Base):
    """An automation: a trigger, conditions and steps (each an action call)."""

    __tablename__ = "workflows"

    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    enabled: Mapped[bool] = mapped_column(default=True)
    trigger: Mapped[dict[str, Any]] = mapped_column(default=dict)
    conditions: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    steps: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    last_run_at: Mapped[datetime | None]
    run_count: Mapped[int] = mapped_column(default=0)
    # Outbound and destructive steps run without asking only in a trusted workflow.
    trusted: Mapped[bool] = mapped_column(default=False, server_default=false())
    # The device (a store origin id) that runs it, so two synced devices never both do;
    # None: the device that made it.
    run_on_device: Mapped[uuid.UUID | None]
    # Time triggers: "run_once" (a run missed while closed happens once at start) or "skip".
    missed_policy: Mapped[str] = mapped_column(String(8), default="run_once", server_default="")
    # Time triggers: the last scheduled instant that was handled (run or skipped).
    last_fire_at: Mapped[datetime | None]


class WorkflowRun(Synced, Base):
    """One execution of a workflow with the trace of its steps.

    `event_key` names the trigger event (e.g. "time:2026-03-04T08:00Z" or
    "task.created:<id>"); with the workflow it is unique, so one event runs once.
    """

    __tablename__ = "workflow_runs"
    __table_args__ = (
        Index(None, "owner_id", "workflow_id", "started_at"),
        Index("ix_workflow_runs_event", "workflow_id", "event_key", unique=True),
    )

    workflow_id: Mapped[uuid.UUID]
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16), default="running")
    dry_run: Mapped[bool] = mapped_column(default=False)
    trigger_event: Mapped[dict[str, Any]] = mapped_column(default=dict)
    trace: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    error: Mapped[str | None] = mapped_column(Text)
    event_key: Mapped[str | None] = mapped_column(String(300))


class VoiceCommand(Synced, Base):
    """A phrase bound to an action with fixed arguments."""

    __tablename__ = "voice_commands"

    phrase: Mapped[str] = mapped_column(String(300))
    action: Mapped[str] = mapped_column(String(100))
    arguments: Mapped[dict[str, Any]] = mapped_column(default=dict)
    enabled: Mapped[bool] = mapped_column(default=True)
    usage_count: Mapped[int] = mapped_column(default=0)
    success_count: Mapped[int] = mapped_column(default=0)
    last_used_at: Mapped[datetime | None]


class AgentLog(Synced, Base):
    """One agent run: prompt, tool-call steps, output, tokens, cost and timing."""

    __tablename__ = "agent_logs"
    __table_args__ = (Index(None, "owner_id", "started_at"),)

    agent: Mapped[str] = mapped_column(String(64))
    provider: Mapped[str] = mapped_column(String(32))
    model: Mapped[str] = mapped_column(String(100))
    prompt: Mapped[str] = mapped_column(Text)
    steps: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    output: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="running")
    input_tokens: Mapped[int] = mapped_column(default=0)
    output_tokens: Mapped[int] = mapped_column(default=0)
    cost_micros: Mapped[int] = mapped_column(BigInteger, default=0)
    latency_ms: Mapped[int | None]
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(Text)
