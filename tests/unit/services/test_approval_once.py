"""An approval is taken once: a second approve (another process, a double click) of the same
waiting step is refused and the outbound step runs once."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from desktop.core.errors import UserError
from desktop.services.container import Services
from desktop.store.models import Message
from desktop.store.profile import Store

SEND = {
    "kind": "action",
    "action": "send_message",
    "args": {"to": ["ann@example.com"], "subject": "Hello", "body": "Hi Ann"},
}


def queued(store: Store) -> list[Any]:
    with store.read() as session:
        return [m.subject for m in session.scalars(select(Message)).all()]


def test_a_waiting_workflow_run_is_approved_once(services: Services, store: Store) -> None:
    added = services.workflows.add(
        {"name": "Greet", "trigger": {"kind": "manual"}, "steps": [SEND]}
    )
    run = services.workflows.run(added.value.id)
    assert run.status == "pending_approval"
    stale = services.workflows.engine._load(run.id, expect="pending_approval")
    assert services.workflows.approve(run.id).status == "done"
    # A second process had read the run as waiting before the first approval landed.
    with pytest.raises(UserError, match="handled elsewhere"):
        services.workflows.engine._claim(stale.run_id, "pending_approval", "running")
    with pytest.raises(UserError):
        services.workflows.approve(run.id)
    assert queued(store) == ["Hello"]


def test_a_pending_agent_step_is_approved_once(services: Services, store: Store) -> None:
    from desktop.services.agent_logs import AgentLogService

    logs = AgentLogService(services.ctx)
    steps = [{"number": 1, "tool": "send_message", "args": SEND["args"], "status": "pending"}]
    run = logs.start("communicator", "offline", "rules-1", "greet Ann")
    logs.update_steps(run, steps, "pending")
    logs.claim_steps(run, [1], "approving")
    with pytest.raises(UserError, match="handled elsewhere"):
        logs.claim_steps(run, [1], "approving")
