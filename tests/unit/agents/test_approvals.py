"""Approvals by risk level, --yes, tainted runs; pending steps approved, edited or denied."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import select

from desktop.agents.approvals import ApprovalPolicy, decide
from desktop.agents.model import Provider, ProviderError, Usage
from desktop.agents.service import AgentService
from desktop.config import Settings
from desktop.core.errors import NotFoundError, UserError
from desktop.services.actions.registry import default_catalog
from desktop.services.container import Services
from desktop.services.tasks import TaskDraft
from desktop.store.models import AgentLog, Message
from tests.unit.agents.loop_scripted import Profile, ScriptedProvider, answer, calls

HELPER = Profile(
    "helper",
    "You help.",
    ("list_tasks", "add_task", "delete_task", "send_message", "draft_reply", "list_messages"),
)


def agents(services: Services, *script: Any, **settings: Any) -> AgentService:
    """An AgentService whose every run is answered from `script` (one provider per run)."""
    stored = Settings(services.settings_path)
    for name, value in settings.items():
        stored.set(name, value)
    queue = list(script)

    def factory(_name: str, _model: str | None) -> Provider:
        return ScriptedProvider(queue)

    return AgentService(services, stored, provider_factory=factory, specialists={"helper": HELPER})


def outbox(services: Services) -> list[Message]:
    with services.store.read() as session:
        rows = session.scalars(select(Message).where(Message.deleted_hlc.is_(None)))
        return [row for row in rows if "outbox" in (row.labels or [])]


SEND = ("send_message", {"to": ["bob@example.com"], "subject": "Hi", "body": "See you at 3"})


# -- the policy table ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("risk", "tainted", "approve_writes", "yes", "runs", "asks"),
    [
        ("read", False, False, False, True, False),
        ("read", True, True, False, True, False),
        ("write", False, False, False, True, False),
        ("write", False, True, False, False, True),
        ("write", False, True, True, True, True),
        ("write", True, False, False, False, True),
        ("write", True, False, True, True, True),
        ("outbound", False, False, False, False, True),
        ("outbound", False, False, True, True, True),
        ("outbound", True, False, True, False, True),
        ("destructive", False, False, False, False, True),
        ("destructive", False, False, True, True, True),
        ("destructive", True, False, True, False, True),
    ],
)
def test_decide(
    risk: str, tainted: bool, approve_writes: bool, yes: bool, runs: bool, asks: bool
) -> None:
    decision = decide(ApprovalPolicy(approve_writes, yes), risk, tainted=tainted)
    assert (decision.run, decision.needs_approval) == (runs, asks)
    assert decision.approved == (True if runs and asks else None)
    assert bool(decision.reason) == (not runs)


def test_a_tainted_yes_says_why_sending_still_waits() -> None:
    decision = decide(ApprovalPolicy(yes=True), "outbound", tainted=True)
    assert decision.reason == (
        "--yes does not cover sending or deleting after the agent read outside content"
    )


def test_every_action_has_a_risk_the_policy_knows() -> None:
    for action in default_catalog().all():
        decide(ApprovalPolicy(), action.risk, tainted=False)  # no KeyError, no surprise


# -- runs ----------------------------------------------------------------------------


def test_reads_and_writes_run_and_the_run_can_be_undone(services: Services) -> None:
    service = agents(
        services,
        calls(("add_task", {"title": "Buy bread"})),
        calls(("list_tasks", {})),
        answer("ok"),
    )
    view = service.run("helper", "buy bread")
    assert view.status == "done"
    assert [(s.tool, s.status, s.needs_approval, s.approved) for s in view.steps] == [
        ("add_task", "done", False, None),
        ("list_tasks", "done", False, None),
    ]
    assert view.changed == ("tasks",)
    assert [t.title for t in services.tasks.list()] == ["Buy bread"]
    assert service.can_undo(view.run_id)
    changes = service.undo_run(view.run_id)
    assert changes.tasks
    assert services.tasks.list() == []
    with pytest.raises(UserError, match="nothing that can still be undone"):
        service.undo_run(view.run_id)


def test_approve_writes_setting_holds_writes_back(services: Services) -> None:
    service = agents(
        services,
        calls(("add_task", {"title": "Held"})),
        answer("Asked."),
        **{"agents.approve_writes": True},
    )
    view = service.run("helper", "add held")
    [step] = view.steps
    assert (view.status, step.status, step.needs_approval, step.approved) == (
        "pending",
        "pending",
        True,
        None,
    )
    assert step.note == "the setting agents.approve_writes asks before an agent's changes"
    assert services.tasks.list() == []
    approved = service.approve(view.run_id)
    assert approved.status == "done"
    assert approved.steps[0].approved is True
    assert approved.changed == ("tasks",)
    assert [t.title for t in services.tasks.list()] == ["Held"]


def test_outbound_waits_then_approve_really_queues_it(services: Services) -> None:
    service = agents(services, calls(SEND), answer("I have prepared it."))
    view = service.run("helper", "tell bob")
    [step] = view.steps
    assert (view.status, step.status, step.risk) == ("pending", "pending", "outbound")
    assert view.pending == 1
    assert view.notices == (
        "1 action(s) wait for your approval: step 1: send_message "
        "(outbound actions always wait for your approval)",
    )
    assert outbox(services) == []
    [waiting] = service.pending()
    assert (waiting.run_id, waiting.step.number, waiting.step.tool) == (
        view.run_id,
        1,
        "send_message",
    )

    done = service.approve(view.run_id, 1)
    assert (done.status, done.steps[0].status, done.steps[0].approved) == ("done", "done", True)
    [sent] = outbox(services)
    assert (sent.recipients, sent.subject, sent.body_text, sent.sender) == (
        ["bob@example.com"],
        "Hi",
        "See you at 3",
        "me",
    )
    assert done.steps[0].result["labels"] == ["outbox"]
    assert service.pending() == []


def test_deny_runs_nothing_and_closes_the_run(services: Services) -> None:
    task = services.tasks.add(TaskDraft("Keep me")).value
    service = agents(services, calls(("delete_task", {"id": str(task.id)}), SEND), answer("?"))
    view = service.run("helper", "clean up")
    assert [s.status for s in view.steps] == ["pending", "pending"]
    denied = service.deny(view.run_id, 1)
    assert [s.status for s in denied.steps] == ["denied", "pending"]
    assert denied.steps[0].approved is False
    assert denied.status == "pending"
    assert service.deny(view.run_id).status == "done"
    assert [t.title for t in services.tasks.list()] == ["Keep me"]
    assert outbox(services) == []
    with pytest.raises(UserError, match="has no step waiting for approval"):
        service.approve(view.run_id)


def test_destructive_approved_really_deletes(services: Services) -> None:
    task = services.tasks.add(TaskDraft("Old")).value
    service = agents(services, calls(("delete_task", {"id": str(task.id)})), answer("Asked."))
    view = service.run("helper", "delete old")
    assert services.tasks.list()[0].title == "Old"
    service.approve(view.run_id, 1)
    assert services.tasks.list() == []


def test_an_edited_approval_runs_the_users_arguments(services: Services) -> None:
    service = agents(services, calls(SEND), answer("ok"))
    view = service.run("helper", "tell bob")
    edited = {"to": ["carol@example.com"], "subject": "Hi", "body": "Moved to 4"}
    done = service.approve(view.run_id, 1, args=edited)
    assert done.steps[0].args == edited
    [sent] = outbox(services)
    assert (sent.recipients, sent.body_text) == (["carol@example.com"], "Moved to 4")
    with pytest.raises(UserError, match="need the number of the step"):
        service.approve(view.run_id, args=edited)


def test_an_approved_step_that_fails_is_recorded_as_failed(services: Services) -> None:
    task = services.tasks.add(TaskDraft("Gone soon")).value
    service = agents(services, calls(("delete_task", {"id": str(task.id)})), answer("ok"))
    view = service.run("helper", "delete it")
    services.tasks.delete(task.id)  # the user deleted it meanwhile
    after = service.approve(view.run_id, 1)
    step = after.steps[0]
    assert (step.status, step.approved) == ("error", True)
    assert step.error is not None
    assert "no task with id" in step.error
    assert after.status == "done"


def test_yes_approves_outbound_and_destructive_up_front(services: Services) -> None:
    task = services.tasks.add(TaskDraft("Bye")).value
    service = agents(services, calls(SEND, ("delete_task", {"id": str(task.id)})), answer("Sent."))
    view = service.run("helper", "send and delete", yes=True)
    assert [(s.status, s.needs_approval, s.approved) for s in view.steps] == [
        ("done", True, True),
        ("done", True, True),
    ]
    assert len(outbox(services)) == 1
    assert services.tasks.list() == []


def test_approving_wrong_steps_is_refused(services: Services) -> None:
    service = agents(services, calls(("list_tasks", {}), SEND), answer("ok"))
    view = service.run("helper", "x")
    with pytest.raises(UserError, match=r"step 1 of run .* is not waiting for approval"):
        service.approve(view.run_id, 1)
    with pytest.raises(UserError, match="has no step 7; the steps waiting are: 2"):
        service.deny(view.run_id, 7)
    with pytest.raises(NotFoundError):
        service.approve(uuid.uuid4())
    with pytest.raises(UserError, match="is not an agent run id"):
        service.approve("nonsense")


def test_an_unknown_agent_or_provider_is_a_clear_error(services: Services) -> None:
    service = agents(services)
    with pytest.raises(UserError, match="no agent named 'chef'; the agents are helper"):
        service.run("chef", "cook")
    with pytest.raises(UserError, match="'gemini' is not a provider"):
        service.run("helper", "x", provider="gemini")
    with pytest.raises(UserError, match="the prompt is empty"):
        service.run("helper", "   ")


# -- the log -------------------------------------------------------------------------


def test_every_run_is_logged_with_steps_tokens_and_cost(services: Services) -> None:
    service = agents(services, calls(("add_task", {"title": "Logged"})), answer("Done."))
    view = service.run("helper", "log this")
    with services.store.read() as session:
        row = session.get(AgentLog, view.run_id)
        assert row is not None
        assert (row.agent, row.provider, row.model, row.prompt, row.status, row.output) == (
            "helper",
            "openai",
            "gpt-4o-mini",
            "log this",
            "done",
            "Done.",
        )
        assert (row.input_tokens, row.output_tokens) == (32, 12)
        assert row.cost_micros == view.cost_micros > 0
        assert row.latency_ms is not None
        assert row.finished_at is not None
        assert [s["tool"] for s in row.steps] == ["add_task"]
    assert view.cost == f"{view.cost_micros / 1_000_000:.6f}"
    assert [v.run_id for v in service.log()] == [view.run_id]


def test_a_provider_failure_is_logged_and_raised(services: Services) -> None:
    def fail(_messages: Any) -> Any:
        raise ProviderError("network", "cannot reach the model")

    service = agents(services, fail)
    with pytest.raises(ProviderError, match="cannot reach the model"):
        service.run("helper", "x")
    [logged] = service.log()
    assert (logged.status, logged.error) == ("error", "cannot reach the model")


def test_stats_per_agent(services: Services) -> None:
    service = agents(
        services,
        answer("one", usage=Usage(1000, 1000)),
        answer("two"),
        calls(("list_tasks", {})),
        calls(("list_tasks", {})),
    )
    service.run("helper", "a")
    service.run("helper", "b")
    service.settings.set("agents.max_steps", 1)
    service.run("helper", "c")  # hits the step limit: a failure
    [stats] = service.stats()
    assert (stats.agent, stats.runs, stats.succeeded) == ("helper", 3, 2)
    assert stats.success_rate == pytest.approx(2 / 3)
    assert stats.median_latency_ms is not None
    assert stats.median_latency_ms >= 0
    logged = service.log()
    assert stats.cost_micros_this_month == sum(v.cost_micros for v in logged) > 0
    value = default_catalog().call(services, "agent_stats", {}).value
    assert value == [stats]
