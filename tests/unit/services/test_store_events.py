"""StoreEventService: each store event dispatched once per device, also across a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.services.container import Services
from desktop.services.store_events import CURSOR_KEY, MAX_DEPTH, StoreEvent, StoreEventService
from desktop.services.tasks import TaskDraft
from desktop.store import events as store_events
from desktop.store.models import AppMeta
from desktop.store.profile import open_store
from tests.conftest import FakeClock


def titles(found: list[StoreEvent]) -> list[str]:
    return [event.data["title"] for event in found]


def stored_cursor(services: Services) -> int | None:
    with services.store.read() as session:
        value = session.scalar(select(AppMeta.value).where(AppMeta.key == CURSOR_KEY))
    return int(value) if value is not None else None


def test_the_first_cursor_starts_after_what_happened_before(services: Services) -> None:
    services.tasks.add(TaskDraft(title="Before the app watched"))
    feed = StoreEventService(services.ctx)
    seen: list[StoreEvent] = []
    report = feed.dispatch_pending(seen.append)
    assert seen == []
    assert report.read == 0
    services.tasks.add(TaskDraft(title="After"))
    feed.dispatch_pending(seen.append)
    assert titles(seen) == ["After"]


def test_each_event_is_dispatched_once_in_order(services: Services) -> None:
    feed = StoreEventService(services.ctx)
    feed.cursor()
    for title in ("One", "Two", "Three"):
        services.tasks.add(TaskDraft(title=title))
    seen: list[StoreEvent] = []
    first = feed.dispatch_pending(seen.append)
    second = feed.dispatch_pending(seen.append)
    assert titles(seen) == ["One", "Two", "Three"]
    assert (first.dispatched, second.dispatched, second.read) == (3, 0, 0)
    assert stored_cursor(services) == seen[-1].id


def test_exactly_once_across_a_restart(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "atrium.sqlite3"
    seen: list[str] = []
    first_run = open_store(path, now=clock)
    services = Services(first_run, "Europe/Berlin")
    StoreEventService(services.ctx).cursor()
    services.tasks.add(TaskDraft(title="Seen before the restart"))
    StoreEventService(services.ctx).dispatch_pending(lambda e: seen.append(e.data["title"]))
    services.tasks.add(TaskDraft(title="Written while nobody dispatched"))
    first_run.close()

    second_run = open_store(path, now=clock)
    try:
        again = Services(second_run, "Europe/Berlin")
        StoreEventService(again.ctx).dispatch_pending(lambda e: seen.append(e.data["title"]))
        StoreEventService(again.ctx).dispatch_pending(lambda e: seen.append(e.data["title"]))
    finally:
        second_run.close()
    assert seen == ["Seen before the restart", "Written while nobody dispatched"]


def test_a_failing_dispatch_keeps_its_event_for_the_next_pass(services: Services) -> None:
    feed = StoreEventService(services.ctx)
    feed.cursor()
    services.tasks.add(TaskDraft(title="Fine"))
    services.tasks.add(TaskDraft(title="Breaks"))
    seen: list[str] = []

    def flaky(event: StoreEvent) -> None:
        if event.data["title"] == "Breaks" and "Breaks" not in seen:
            seen.append("Breaks")
            raise RuntimeError("the workflow engine crashed")
        seen.append(event.data["title"])

    with pytest.raises(RuntimeError):
        feed.dispatch_pending(flaky)
    assert seen == ["Fine", "Breaks"]
    feed.dispatch_pending(flaky)
    assert seen == ["Fine", "Breaks", "Breaks"]  # dispatched again, "Fine" not


def test_unwanted_events_move_the_cursor_without_dispatch(services: Services) -> None:
    feed = StoreEventService(services.ctx)
    feed.cursor()
    task = services.tasks.add(TaskDraft(title="Done soon")).value
    services.tasks.complete(task.id)
    seen: list[StoreEvent] = []
    report = feed.dispatch_pending(seen.append, wanted={"task.completed"})
    assert [event.name for event in seen] == ["task.completed"]
    assert report.read == 2
    assert feed.drain(report.cursor) == []


def test_a_chain_of_workflow_runs_is_cut_at_the_depth_limit(services: Services) -> None:
    feed = StoreEventService(services.ctx)
    feed.cursor()
    with store_events.chained(MAX_DEPTH):
        services.tasks.add(TaskDraft(title="Too deep"))
    with store_events.chained(MAX_DEPTH - 1):
        services.tasks.add(TaskDraft(title="Still fine"))
    seen: list[StoreEvent] = []
    report = feed.dispatch_pending(seen.append)
    assert titles(seen) == ["Still fine"]
    assert report.skipped_loops == 1


def test_events_written_while_dispatching_are_one_deeper(services: Services) -> None:
    feed = StoreEventService(services.ctx)
    feed.cursor()
    services.tasks.add(TaskDraft(title="By hand"))

    def workflow(event: StoreEvent) -> None:
        if event.data["title"] == "By hand":
            services.tasks.add(TaskDraft(title="By a workflow"))

    feed.dispatch_pending(workflow)
    seen: list[StoreEvent] = []
    feed.dispatch_pending(seen.append)
    assert [(e.data["title"], e.depth) for e in seen] == [("By a workflow", 1)]


def test_keys_name_the_event_and_its_row(services: Services, clock: FakeClock) -> None:
    feed = StoreEventService(services.ctx)
    start = feed.cursor()
    task = services.tasks.add(TaskDraft(title="Keyed")).value
    services.tasks.complete(task.id)
    services.tasks.update(task.id, status="todo")
    clock.advance(minutes=5)
    services.tasks.complete(task.id)
    found = feed.drain(start)
    assert found[0].key == f"task.created:{task.id}"
    completions = [event.key for event in found if event.name == "task.completed"]
    assert len(completions) == 2
    assert all(key.startswith(f"task.completed:{task.id}:") for key in completions)
    assert completions[0] != completions[1]  # done again later counts again
