"""The Tasks pane over 100k tasks: the first page after a reload, and a filter keystroke.

Targets (issue 3): `TasksPane.reload()` to the first page on screen in at most
100 ms, and a keystroke in the filter box to the filtered first page in at most
50 ms, with 100k tasks (ATRIUM_BENCH_SIZE=full; CI runs 5k). Each figure comes
with a ratio to a baseline measured in the same run: the raw `TaskService.list`
call that reads the same first page on the calling thread, so the ratio is what
the pane adds (a hop to the database thread and back, subtask counts, the model
reset, painting). The keystroke is timed from the moment the 150 ms typing pause
ends (`apply_filter`), since that pause is a choice, not a cost. The All view (the
manual order, served by an index) is the main figure; the Today view, which the
pane opens with, is sorted by due date in the store and is reported beside it.
The asserts are ten times looser than the targets, so that CI does not flake.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from desktop.runtime.events import AppEvents
from desktop.runtime.task_runner import TaskRunner
from desktop.services.container import Services
from desktop.services.tasks import TaskDraft
from desktop.store.profile import Store, open_store
from desktop.ui.models.task_model import PAGE_SIZE
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.tasks_pane import TasksPane
from desktop.ui.panes.tasks_query import TaskQuery, view_filter
from tests.bench.benchutil import full_size, median, report, timed

pytestmark = pytest.mark.bench

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
TODAY = date(2026, 3, 4)
ROUNDS = 7
VERBS = ("Review", "Call", "Email", "Write", "Fix", "Plan", "Book", "Pay", "Draft", "Renew")
THINGS = ("report", "invoice", "dentist", "contract", "slides", "budget", "passport", "release")
TAGS = ("work", "home", "health", "errand", "finance", "family")


def _seed(services: Services, count: int) -> None:
    rng = random.Random(7)
    drafts = [
        TaskDraft(
            title=f"{rng.choice(VERBS)} {rng.choice(THINGS)} {i}",
            priority=rng.choice(("low", "medium", "medium", "high", "urgent")),
            due=None if i % 3 == 0 else TODAY + timedelta(days=rng.randrange(-30, 90)),
            tags=rng.sample(TAGS, rng.randrange(3)),
            estimate_minutes=rng.choice((None, 15, 30, 60, 120)),
            status="done" if i % 10 == 0 else "todo",
        )
        for i in range(count)
    ]
    services.tasks.add_many(drafts)
    parents = services.tasks.list(replace(view_filter(TaskQuery("all"), NOW, TODAY), limit=300))
    services.tasks.add_many(
        [TaskDraft(f"Step {n} of {p.title}", parent_id=p.id) for p in parents[::3] for n in (1, 2)]
    )


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, int, float]]:
    count = 100_000 if full_size() else 5_000
    store = open_store(tmp_path_factory.mktemp("tasks_pane") / "big.sqlite3", now=lambda: NOW)
    seed_s = timed(lambda: _seed(Services(store, "Europe/Berlin"), count))
    yield store, count, seed_s
    store.close()


def _matches(typed: str, title: str) -> bool:
    words = title.lower().split()
    return all(any(w.startswith(part) for w in words) for part in typed.split())


def _until_loaded(qtbot: QtBot, pane: TasksPane, start: object) -> float:
    """Seconds from calling `start()` to its first page painted."""
    with qtbot.waitSignal(pane.loaded, timeout=30_000):
        began = time.perf_counter()
        start()  # type: ignore[operator]
    pane.tree.viewport().repaint()
    return time.perf_counter() - began


def test_first_page_and_filter_keystroke_over_many_tasks(
    qtbot: QtBot, big_store: tuple[Store, int, float]
) -> None:
    store, count, seed_s = big_store
    services = Services(store, "Europe/Berlin")
    runner = TaskRunner()
    ctx = PaneContext(runner, AppEvents(), services)
    pane = TasksPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(1200, 800)
    pane.show()
    qtbot.waitExposed(pane)

    def idle() -> None:
        qtbot.waitUntil(lambda: not pane.is_busy() and runner.busy_count == 0, timeout=60_000)

    _until_loaded(qtbot, pane, lambda: pane.views.select("all"))
    idle()
    all_filter = replace(view_filter(TaskQuery("all"), NOW, TODAY), limit=PAGE_SIZE)
    list_s = median([timed(lambda: services.tasks.list(all_filter)) for _ in range(ROUNDS)])
    reloads = []
    for _ in range(ROUNDS):
        reloads.append(_until_loaded(qtbot, pane, pane.reload))
        idle()  # the view counts that follow a page are not part of it
    reload_s = median(reloads)
    assert pane.model.rowCount() == PAGE_SIZE

    # Typing "review" word by word: each step is one keystroke after the pause.
    keystrokes, baselines = [], []
    for typed in ("re", "rev", "revi", "revie", "review", "review 1"):
        pane.search_box.setText(typed)
        keystrokes.append(_until_loaded(qtbot, pane, pane.apply_filter))
        idle()
        flt = replace(view_filter(pane.query, NOW, TODAY), limit=PAGE_SIZE)
        baselines.append(timed(lambda flt=flt: services.tasks.list(flt)))
        assert all(_matches(typed, t.title) for t in services.tasks.list(flt))
        pane.search_box.setText("")
        pane.apply_filter()
        idle()
    filter_s, search_list_s = median(keystrokes), median(baselines)
    assert pane.model.rowCount() > 0

    # The view the pane opens with: due-ordered, so the store sorts every match.
    _until_loaded(qtbot, pane, lambda: pane.views.select("today"))
    idle()
    today_filter = replace(view_filter(TaskQuery("today"), NOW, TODAY), limit=PAGE_SIZE)
    today_list_s = median([timed(lambda: services.tasks.list(today_filter)) for _ in range(ROUNDS)])
    today_reloads = []
    for _ in range(ROUNDS):
        today_reloads.append(_until_loaded(qtbot, pane, pane.reload))
        idle()
    today_s = median(today_reloads)
    runner.shutdown(wait=True)

    report(
        "tasks_pane",
        tasks=count,
        seed_s=seed_s,
        first_page_ms=reload_s * 1000,
        list_baseline_ms=list_s * 1000,
        first_page_vs_list=reload_s / list_s,
        keystroke_ms=filter_s * 1000,
        search_list_baseline_ms=search_list_s * 1000,
        keystroke_vs_list=filter_s / search_list_s,
        worst_keystroke_ms=max(keystrokes) * 1000,
        today_first_page_ms=today_s * 1000,
        today_list_baseline_ms=today_list_s * 1000,
        today_vs_list=today_s / today_list_s,
        target_first_page_ms=100,
        target_keystroke_ms=50,
    )
    assert reload_s < 1.0  # the target is 100 ms; ten times that fails
    assert filter_s < 0.5  # the target is 50 ms; ten times that fails
