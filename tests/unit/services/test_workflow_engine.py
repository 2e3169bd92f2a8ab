"""The workflow engine on a real store: step kinds, approvals, retries, dry runs, exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from desktop.core.errors import UserError
from desktop.services.container import Services
from desktop.services.tasks import TaskFilter
from tests.unit.services.workflow_http import receiver


def add(services: Services, steps: list[dict[str, Any]], **extra: Any) -> Any:
    definition = {"name": "wf", "trigger": {"kind": "manual"}, "steps": steps, **extra}
    return services.workflows.add(definition).value


def titles(services: Services) -> list[str]:
    return sorted(task.title for task in services.tasks.list(TaskFilter(status="all")))


def statuses(run: Any) -> list[tuple[str, str]]:
    return [(entry["path"], entry["status"]) for entry in run.trace]


def test_each_step_kind(services: Services) -> None:
    wf = add(
        services,
        [
            {"kind": "action", "action": "add_task", "args": {"title": "From {{who}}"}},
            {"kind": "notify", "args": {"text": "made {{steps.0.title}}"}},
            {
                "kind": "notify",
                "args": {"text": "never"},
                "when": {"field": "who", "op": "equals", "value": "nobody"},
            },
            {
                "kind": "branch",
                "when": {"field": "who", "op": "contains", "value": "ann"},
                "then": [{"kind": "action", "action": "add_task", "args": {"title": "then"}}],
                "otherwise": [{"kind": "action", "action": "add_task", "args": {"title": "else"}}],
            },
            {"kind": "stop", "when": {"field": "who", "op": "equals", "value": "Ann"}},
            {"kind": "action", "action": "add_task", "args": {"title": "after stop"}},
        ],
    )
    run = services.workflows.run(wf.id, event={"who": "Ann"})
    assert run.status == "stopped"
    assert statuses(run) == [
        ("0", "done"),
        ("1", "done"),
        ("2", "skipped"),
        ("3", "done"),
        ("3.then.0", "done"),
        ("4", "stopped"),
    ]
    assert run.notifications == ["made From Ann"]
    assert titles(services) == ["From Ann", "then"]
    assert run.changes.tasks
    other = services.workflows.run(wf.id, event={"who": "Bob"})
    assert other.status == "done"
    assert ("3.otherwise.0", "done") in statuses(other)
    assert titles(services) == ["From Ann", "From Bob", "after stop", "else", "then"]
    listed = services.workflows.list()[0]
    assert (listed.run_count, listed.last_status) == (2, "done")


def test_a_failing_step_fails_the_run_and_names_the_problem(services: Services) -> None:
    wf = add(
        services,
        [
            {"kind": "action", "action": "add_task", "args": {"title": "{{missing.path}}"}},
            {"kind": "action", "action": "add_task", "args": {"title": "not reached"}},
        ],
    )
    run = services.workflows.run(wf.id)
    assert run.status == "failed"
    assert "missing.path" in (run.error or "")
    assert statuses(run) == [("0", "failed")]
    assert titles(services) == []
    with pytest.raises(UserError, match="no action named 'fly'"):
        add(services, [{"kind": "action", "action": "fly"}])


def test_outbound_actions_wait_for_approval_unless_trusted(services: Services) -> None:
    steps = [
        {"kind": "action", "action": "send_message", "args": {"to": ["a@x.org"], "body": "hi"}},
        {"kind": "action", "action": "add_task", "args": {"title": "after send"}},
    ]
    wf = add(services, steps)
    run = services.workflows.run(wf.id)
    assert run.status == "pending_approval"
    assert run.pending_step is not None
    assert run.pending_step["risk"] == "outbound"
    assert titles(services) == []
    done = services.workflows.approve(run.id)
    assert done.status == "done"
    assert statuses(done) == [("0", "done"), ("1", "done")]
    assert done.trace[0]["approved"] is True
    assert titles(services) == ["after send"]
    with pytest.raises(UserError, match="not pending approval"):
        services.workflows.approve(run.id)
    trusted = add(services, steps, trusted=True)
    assert services.workflows.run(trusted.id).status == "done"


def test_webhooks_are_outbound_and_denied_ones_never_send(services: Services) -> None:
    with receiver() as hook:
        wf = add(
            services,
            [{"kind": "webhook", "args": {"url": hook.url, "body": {"who": "{{who}}", "n": 2}}}],
        )
        run = services.workflows.run(wf.id, event={"who": "Ann"})
        assert run.status == "pending_approval"
        assert hook.requests == []
        denied = services.workflows.deny(run.id)
        assert denied.status == "stopped"
        assert hook.requests == []
        second = services.workflows.run(wf.id, event={"who": "Bob"})
        approved = services.workflows.approve(second.id)
        assert approved.status == "done"
        assert [r["body"] for r in hook.requests] == [{"who": "Bob", "n": 2}]
        assert hook.requests[0]["headers"]["Idempotency-Key"] == f"{second.id}:0"
        assert approved.trace[0]["result"] == {"status": 200, "body": {"ok": True}}


def test_passing_failures_are_retried_with_backoff(services: Services) -> None:
    waits: list[float] = []
    services.workflows.engine.sleep = waits.append
    with receiver() as hook:
        wf = add(services, [{"kind": "webhook", "args": {"url": hook.url}}], trusted=True)
        hook.answers = [(503, {}), (429, {"Retry-After": "2"})]
        run = services.workflows.run(wf.id)
        assert run.status == "done"
        assert len(hook.requests) == 3
        assert run.trace[0]["tries"] == 3
        assert waits == [0.5, 2.0]
        hook.answers = [(503, {})] * 3
        failed = services.workflows.run(wf.id)
        assert failed.status == "failed"
        assert "tried 3 times" in (failed.error or "")
        hook.answers = [(404, {})]
        refused = services.workflows.run(wf.id)
        assert refused.status == "failed"
        assert "404" in (refused.error or "")
        assert len(hook.requests) == 3 + 3 + 1  # a 404 is not retried


def test_a_dry_run_runs_nothing_and_shows_rendered_arguments(services: Services) -> None:
    with receiver() as hook:
        wf = add(
            services,
            [
                {"kind": "action", "action": "add_task", "args": {"title": "For {{who}}"}},
                {"kind": "notify", "args": {"text": "made {{steps.0.title}}"}},
                {"kind": "action", "action": "send_message", "args": {"to": ["a@x"], "body": "b"}},
                {"kind": "webhook", "args": {"url": hook.url}},
            ],
        )
        run = services.workflows.run(wf.id, event={"who": "Ann"}, dry_run=True)
        assert run.status == "done"
        assert run.dry_run
        assert [e["status"] for e in run.trace] == ["would_run"] * 4
        assert run.trace[0]["args"] == {"title": "For Ann"}
        assert run.trace[1]["result"] == {"text": "made <result of step 0.title>"}
        assert hook.requests == []
    assert titles(services) == []
    assert services.workflows.get(wf.id).run_count == 0
    bad = add(services, [{"kind": "action", "action": "add_task", "args": {"colour": "red"}}])
    checked = services.workflows.run(bad.id, dry_run=True)
    assert checked.status == "failed"
    assert "no parameter colour" in checked.trace[0]["error"]


def test_one_event_runs_a_workflow_once(services: Services) -> None:
    wf = services.workflows.add(
        {
            "name": "on task",
            "trigger": {"kind": "event", "event": "task.created", "filter": {"tag": "vip"}},
            "conditions": {"items": [{"field": "time.hour", "op": "gte", "value": 6}]},
            "steps": [
                {"kind": "action", "action": "add_task", "args": {"title": "Re {{task.title}}"}}
            ],
        }
    ).value
    data = {"task": {"title": "Ann", "tags": ["VIP"]}}
    first = services.workflows.dispatch("task.created", data, "task.created:1")
    again = services.workflows.dispatch("task.created", data, "task.created:1")
    assert [r.id for r in first] == [r.id for r in again]
    assert titles(services) == ["Re Ann"]
    assert services.workflows.dispatch("task.created", {"task": {"title": "x"}}, "k2") == []
    assert services.workflows.dispatch("task.completed", data, "k3") == []
    services.workflows.set_enabled(wf.id, False)
    assert services.workflows.dispatch("task.created", data, "k4") == []
    assert len(services.workflows.runs(wf.id)) == 1


CHILD = """
import sys
from pathlib import Path
from desktop.services.container import Services
from desktop.store.profile import open_store

store = open_store(Path(sys.argv[1]))
Services(store, "Europe/Berlin").workflows.run(sys.argv[2], event={"who": "Ann"})
"""


def test_a_run_killed_mid_way_resumes_without_repeating_steps(
    services: Services, store: Any, tmp_path: Path
) -> None:
    with receiver() as hook:
        hook.block_first = True
        wf = add(
            services,
            [
                {"kind": "action", "action": "add_task", "args": {"title": "one {{who}}"}},
                {"kind": "action", "action": "add_task", "args": {"title": "two"}},
                {"kind": "webhook", "args": {"url": hook.url, "body": {"run": "{{run.id}}"}}},
                {"kind": "action", "action": "add_task", "args": {"title": "three"}},
            ],
            trusted=True,
        )
        script = tmp_path / "child.py"
        script.write_text(textwrap.dedent(CHILD))
        root = Path(__file__).resolve().parents[3]
        child = subprocess.Popen(
            [sys.executable, str(script), str(store.path), str(wf.id)],
            cwd=root,
            env={**os.environ, "PYTHONPATH": str(root)},
        )
        try:
            assert hook.reached.wait(60), "the child never reached the webhook step"
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(30)
        hook.release.set()
        left = services.workflows.runs(wf.id)
        assert [r.status for r in left] == ["running"]
        assert statuses(left[0]) == [("0", "done"), ("1", "done")]
        assert titles(services) == ["one Ann", "two"]
        resumed = services.workflows.resume_interrupted()
        assert [r.id for r in resumed] == [left[0].id]
        assert resumed[0].status == "done"
        assert statuses(resumed[0]) == [("0", "done"), ("1", "done"), ("2", "done"), ("3", "done")]
        assert titles(services) == ["one Ann", "three", "two"]
        assert len(hook.requests) == 2  # the killed attempt and the resumed one
        assert (
            hook.requests[0]["headers"]["Idempotency-Key"]
            == hook.requests[1]["headers"]["Idempotency-Key"]
        )
        assert services.workflows.resume_interrupted() == []
