"""The agent loop's own overhead per tool step, model time excluded (issue 7: ≤ 20 ms).

A scripted model answers at once: five turns that each call a read action
(list_tasks on 40 tasks), then a text answer. The loop measures its time outside
`provider.complete` and outside the action; the same five catalog calls made bare
are the baseline measured in the same run. Two figures: the loop alone
(`run_agent`), and a whole logged run (`AgentService.run`: the AgentLog row is
written at the start, after each step and at the end), whose overhead is its wall
time less the model's time and the actions' time.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from desktop.agents.approvals import ApprovalPolicy
from desktop.agents.loop import run_agent
from desktop.agents.model import ChatMessage, ModelReply, Provider, ToolSpec
from desktop.agents.service import AgentService
from desktop.config import Settings
from desktop.services.actions.registry import default_catalog
from desktop.services.container import Services
from desktop.services.tasks import TaskDraft
from desktop.store.profile import open_store
from tests.bench.benchutil import full_size, median, report, timed
from tests.unit.agents.loop_scripted import Profile, answer, calls

pytestmark = pytest.mark.bench

STEPS = 5
READ = ("list_tasks", {"limit": 20})
READER = Profile("reader", "You read tasks.", ("list_tasks", "add_task"))


class InstantModel:
    """Five tool turns then an answer, at once; it keeps the time spent inside it."""

    name = "openai"
    model = "gpt-4o-mini"

    def __init__(self) -> None:
        self.turn = 0
        self.seconds = 0.0

    def complete(
        self, messages: Sequence[ChatMessage], tools: Sequence[ToolSpec], *, on_text: object = None
    ) -> ModelReply:
        began = time.perf_counter()
        self.turn += 1
        reply = calls(READ) if self.turn <= STEPS else answer("Read them.")
        self.seconds += time.perf_counter() - began
        return reply


def test_agent_overhead_per_step(tmp_path: Path) -> None:
    runs = 40 if full_size() else 5
    services = Services(open_store(tmp_path / "bench.sqlite3"), "UTC")
    services.tasks.add_many([TaskDraft(f"Task {n}", notes="some notes") for n in range(40)])
    catalog = default_catalog()
    policy = ApprovalPolicy()

    def bare() -> None:
        for _ in range(STEPS):
            catalog.call(services, *READ)

    loop_overheads: list[float] = []
    action_ms: list[float] = []
    for _ in range(runs + 1):
        result = run_agent(services, InstantModel(), READER, "read", policy=policy)
        assert result.status == "done"
        assert len(result.steps) == STEPS
        loop_overheads.append(result.overhead_per_step_ms)
        action_ms.append(result.action_ms / STEPS)
    baseline_ms = median([timed(bare) * 1000 / STEPS for _ in range(runs + 1)])

    def provider_factory(_name: str, _model: str | None) -> Provider:
        made.append(InstantModel())
        return made[-1]

    made: list[InstantModel] = []
    service = AgentService(
        services,
        Settings(tmp_path / "settings.json"),
        provider_factory=provider_factory,
        specialists={"reader": READER},
    )
    logged_overheads: list[float] = []
    for _ in range(runs + 1):
        wall = timed(lambda: service.run("reader", "read"))
        model_s = made[-1].seconds
        logged_overheads.append((wall - model_s) * 1000 / STEPS - median(action_ms))
    logged = service.log(1)[0]
    assert (logged.status, len(logged.steps)) == ("done", STEPS)
    services.store.close()

    loop_ms = median(loop_overheads[1:])
    logged_ms = median(logged_overheads[1:])
    report(
        "agent_loop",
        runs=runs,
        steps=STEPS,
        bare_call_ms=baseline_ms,
        loop_overhead_ms_per_step=loop_ms,
        logged_overhead_ms_per_step=logged_ms,
        loop_ratio=loop_ms / baseline_ms,
        logged_ratio=logged_ms / baseline_ms,
    )
    if full_size():
        assert logged_ms <= 20.0, f"agent overhead {logged_ms:.1f} ms per step (target 20 ms)"
