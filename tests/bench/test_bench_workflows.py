"""Workflow figures: dispatching one store event to 200 workflows, and the engine's overhead.

1. One task.created event dispatched to 200 enabled workflows waiting for it, each with
   a filter and conditions that are evaluated (none holds, so the figure is the cost of
   finding and checking them; a second figure has one of them run a notify step).
   Target: ≤ 10 ms.
2. A run of 5 local actions (add_task) against the same 5 catalog calls made directly in
   the same run (the baseline); the difference is the engine's overhead (the run row,
   the trace written with each step, conditions, templates). Target: ≤ 50 ms.
Asserted at full size only (ATRIUM_BENCH_SIZE=full); CI runs it small.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services.actions.registry import default_catalog
from desktop.services.container import Services
from desktop.store.profile import open_store
from tests.bench.benchutil import full_size, median, report, timed

pytestmark = pytest.mark.bench

WORKFLOWS = 200


def _waiting(index: int) -> dict[str, object]:
    return {
        "name": f"wf {index:03d}",
        "trigger": {"kind": "event", "event": "task.created", "filter": {"title_contains": "re"}},
        "conditions": {
            "mode": "all",
            "items": [
                {"field": "time.hour", "op": "gte", "value": 0},
                {"field": "task.priority", "op": "equals", "value": f"p{index}"},
            ],
        },
        "steps": [{"kind": "notify", "args": {"text": "{{task.title}}"}}],
    }


def test_dispatching_one_event_to_200_workflows(tmp_path: Path) -> None:
    services = Services(open_store(tmp_path / "bench.sqlite3"), "UTC")
    for index in range(WORKFLOWS):
        services.workflows.add(_waiting(index))
    rounds = 200 if full_size() else 20
    data = {"task": {"title": "Reply to Ann", "priority": "high"}}
    services.workflows.dispatch("task.created", data, "warm")  # builds the index
    misses = [
        timed(lambda n=n: services.workflows.dispatch("task.created", data, f"e{n}"))
        for n in range(rounds)
    ]
    hit_data = {"task": {"title": "Reply to Bob", "priority": "p7"}}
    hits: list[float] = []
    for n in range(rounds // 4):
        hits.append(
            timed(lambda n=n: services.workflows.dispatch("task.created", hit_data, f"h{n}"))
        )
    runs = services.workflows.runs(services.workflows.list()[7].id, limit=1000)
    assert len(runs) == rounds // 4
    assert all(run.status == "done" for run in runs)
    miss_ms, hit_ms = median(misses) * 1000, median(hits) * 1000
    report(
        "workflow dispatch to 200",
        workflows=WORKFLOWS,
        median_ms_none_run=miss_ms,
        median_ms_one_runs=hit_ms,
        target_ms=10,
    )
    if full_size():
        assert miss_ms <= 10
    services.store.close()


def test_engine_overhead_of_a_run_of_5_local_actions(tmp_path: Path) -> None:
    services = Services(open_store(tmp_path / "bench.sqlite3"), "UTC")
    steps = [
        {"kind": "action", "action": "add_task", "args": {"title": f"step {i} for {{{{who}}}}"}}
        for i in range(5)
    ]
    workflow = services.workflows.add(
        {"name": "five", "trigger": {"kind": "manual"}, "steps": steps, "trusted": True}
    ).value
    catalog = default_catalog()
    rounds = 40 if full_size() else 5

    def direct() -> None:
        for i in range(5):
            catalog.call(services, "add_task", {"title": f"step {i} for Ann"})

    def engine() -> None:
        run = services.workflows.run(workflow.id, event={"who": "Ann"})
        assert run.status == "done"

    direct()
    engine()  # warm both paths
    baseline: list[float] = []
    engine_times: list[float] = []
    for _ in range(rounds):
        baseline.append(timed(direct))
        engine_times.append(timed(engine))
    base_ms, run_ms = median(baseline) * 1000, median(engine_times) * 1000
    overhead = run_ms - base_ms
    report(
        "workflow run of 5 actions",
        direct_ms=base_ms,
        engine_ms=run_ms,
        overhead_ms=overhead,
        ratio=run_ms / base_ms,
        target_overhead_ms=50,
    )
    assert len(services.workflows.runs(workflow.id, limit=1000)) == rounds + 1
    if full_size():
        assert overhead <= 50
    services.store.close()
