"""The grouped Tasks pane over many tasks: the group heads and a group's first page.

Grouping by project or by tag reads the heads (one count query each) and a group's
tasks only when it is expanded, so a grouped view should cost about what the plain
first page costs. Figures are the pane's reload to the heads on screen and the
expansion of the largest group to its first page, each as a ratio to the baseline
`TaskService.list` call for the plain first page of the same view, measured in the
same run (ATRIUM_BENCH_SIZE=full: 100k tasks; CI: 5k). The asserts are loose.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from desktop.runtime.events import AppEvents
from desktop.runtime.task_runner import TaskRunner
from desktop.services.container import Services
from desktop.store.profile import Store, open_store
from desktop.ui.models.task_model import PAGE_SIZE
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.tasks_pane import TasksPane
from desktop.ui.panes.tasks_query import TaskQuery, view_filter
from tests.bench.benchutil import full_size, median, report, timed
from tests.bench.test_bench_tasks_pane import NOW, TODAY, _seed

pytestmark = pytest.mark.bench

ROUNDS = 5


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, int]]:
    count = 100_000 if full_size() else 5_000
    store = open_store(tmp_path_factory.mktemp("task_groups") / "big.sqlite3", now=lambda: NOW)
    _seed(Services(store, "Europe/Berlin"), count)
    yield store, count
    store.close()


def test_group_heads_and_first_group_page_over_many_tasks(
    qtbot: QtBot, big_store: tuple[Store, int]
) -> None:
    store, count = big_store
    services = Services(store, "Europe/Berlin")
    runner = TaskRunner()
    pane = TasksPane(PaneContext(runner, AppEvents(), services))
    qtbot.addWidget(pane)
    pane.resize(1200, 800)
    pane.show()
    qtbot.waitExposed(pane)

    def idle() -> None:
        qtbot.waitUntil(lambda: not pane.is_busy() and runner.busy_count == 0, timeout=60_000)

    def until(signal: object, start: object) -> float:
        with qtbot.waitSignal(signal, timeout=30_000):
            began = time.perf_counter()
            start()  # type: ignore[operator]
        pane.tree.viewport().repaint()
        return time.perf_counter() - began

    pane.views.select("all")
    flt = replace(view_filter(TaskQuery("all"), NOW, TODAY), limit=PAGE_SIZE)
    baseline = median([timed(lambda: services.tasks.list(flt)) for _ in range(ROUNDS)])
    figures: dict[str, object] = {"tasks": count, "list_baseline_ms": baseline * 1000}
    try:
        for by in ("tag", "project"):
            until(pane.loaded, lambda by=by: pane.set_grouping(by))
            idle()
            reloads = []
            for _ in range(ROUNDS):
                reloads.append(until(pane.loaded, pane.reload))
                idle()
            heads = median(reloads)
            expands = []
            for _ in range(ROUNDS):
                head = pane.model.index(0, 0)
                pane.tree.collapse(head)
                until(pane.loaded, pane.reload)
                idle()
                head = pane.model.index(0, 0)
                expands.append(until(pane.model.rows_fetched, lambda h=head: pane.tree.expand(h)))
                assert pane.model.rowCount(head) == min(PAGE_SIZE, pane.model.group_at(head).count)
                idle()
                pane.tree.collapse(head)
            figures[f"{by}_heads_ms"] = heads * 1000
            figures[f"{by}_first_group_page_ms"] = median(expands) * 1000
            figures[f"{by}_groups"] = pane.model.rowCount()
            figures[f"{by}_heads_vs_list"] = heads / baseline
            figures[f"{by}_group_page_vs_list"] = median(expands) / baseline
            assert heads < 2.0
            assert median(expands) < 2.0
    finally:
        TasksPane.remembered_group = "none"
        runner.shutdown(wait=True)
    report("task_groups", **figures)
