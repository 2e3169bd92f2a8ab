"""Workflow triggers in the app: store events, the clock, missed runs and imports fire
workflows through the real engine, once each (pytest-qt, real store)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from desktop.runtime.scheduler import JobScheduler
from desktop.runtime.workflow_triggers import TriggerPass, fire_time_triggers
from desktop.services.container import Services
from desktop.ui.main_window import MainWindow
from desktop.ui.notifications import Notice
from desktop.ui.panes.base import PaneContext
from desktop.ui.presence import Presence
from tests.conftest import FakeClock

pytestmark = pytest.mark.gui

IMPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
TIMEOUT_MS = 15000
# The fixed clock: Wednesday 2026-03-04 10:00 UTC = 11:00 in Berlin (the user's zone).


@pytest.fixture
def presence(main_window: MainWindow, pane_ctx: PaneContext) -> Presence:
    return Presence(main_window, pane_ctx, QIcon(), with_tray=False)


@pytest.fixture
def scheduler() -> Iterator[JobScheduler]:
    scheduler = JobScheduler()  # never started: the tests drive the passes themselves
    yield scheduler
    scheduler.shutdown()


def add_workflow(services: Services, name: str, trigger: dict[str, Any], text: str) -> uuid.UUID:
    return services.workflows.add(
        {
            "name": name,
            "trigger": trigger,
            "steps": [{"kind": "notify", "args": {"text": text}}],
        }
    ).value.id


def start(qtbot: QtBot, presence: Presence, scheduler: JobScheduler) -> TriggerPass:
    """Install the triggers as the app does; wait for the start-up pass."""
    with qtbot.waitSignal(presence.workflows.passed, timeout=TIMEOUT_MS) as first:
        presence.start_workflows(scheduler)
    result = first.args[0]
    assert isinstance(result, TriggerPass)
    return result


def wait_for_runs(qtbot: QtBot, presence: Presence) -> TriggerPass:
    """The next pass of the triggers that started a run."""
    passes: list[TriggerPass] = []

    def record(result: TriggerPass) -> None:
        if result.runs:
            passes.append(result)

    presence.workflows.passed.connect(record)
    try:
        qtbot.waitUntil(lambda: bool(passes), timeout=TIMEOUT_MS)
    finally:
        presence.workflows.passed.disconnect(record)
    return passes[0]


def test_a_task_added_in_the_app_fires_its_workflow_once(
    qtbot: QtBot,
    presence: Presence,
    pane_ctx: PaneContext,
    services: Services,
    scheduler: JobScheduler,
) -> None:
    ident = add_workflow(
        services,
        "Groceries",
        {"kind": "event", "event": "task.created", "filter": {"title_contains": "milk"}},
        "Shopping: {{task.title}}",
    )
    start(qtbot, presence, scheduler)
    shown: list[Notice] = []
    presence.notifier.notice_shown.connect(shown.append)
    pane_ctx.act("add_task", {"title": "Buy milk"})
    result = wait_for_runs(qtbot, presence)
    [run] = result.runs
    assert (run.workflow_id, run.status) == (ident, "done")
    assert run.event_key is not None
    assert run.event_key.startswith("task.created:")
    qtbot.waitUntil(lambda: [n.text for n in shown] == ["Shopping: Buy milk"], timeout=TIMEOUT_MS)
    pane_ctx.act("add_task", {"title": "Call Ann"})  # does not match the filter
    with qtbot.waitSignal(presence.workflows.passed, timeout=TIMEOUT_MS):
        presence.workflows.poll_events()  # and a second look finds nothing new
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)
    assert [r.event_key for r in services.workflows.runs(ident)] == [run.event_key]


def test_a_command_line_write_is_picked_up_by_the_poll(
    qtbot: QtBot, presence: Presence, services: Services, scheduler: JobScheduler
) -> None:
    ident = add_workflow(
        services, "Any task", {"kind": "event", "event": "task.created"}, "{{task.title}}"
    )
    start(qtbot, presence, scheduler)
    from desktop.services.tasks import TaskDraft

    services.tasks.add(TaskDraft(title="Written elsewhere"))  # no changes_applied announced
    presence.workflows.poll_events()  # what the 30 s job does
    result = wait_for_runs(qtbot, presence)
    assert [run.workflow_id for run in result.runs] == [ident]


def test_a_time_trigger_fires_at_its_instant_once(
    qtbot: QtBot,
    presence: Presence,
    services: Services,
    scheduler: JobScheduler,
    clock: FakeClock,
) -> None:
    ident = add_workflow(services, "Lunch", {"kind": "time", "at": "12:00"}, "Lunch time")
    first = start(qtbot, presence, scheduler)
    assert first.runs == ()
    assert first.next_wake == datetime(2026, 3, 4, 11, 0, tzinfo=UTC)
    assert "workflow-wake" in scheduler.job_names()
    clock.current = datetime(2026, 3, 4, 11, 0, 2, tzinfo=UTC)
    presence.workflows.tick()  # what the one-shot job at the instant does
    result = wait_for_runs(qtbot, presence)
    [run] = result.runs
    assert run.event_key == "time:2026-03-04T11:00:00+00:00"
    assert result.next_wake == datetime(2026, 3, 5, 11, 0, tzinfo=UTC)
    again = fire_time_triggers(services, clock.current)  # a second tick at the same time
    assert again.runs == ()
    # A crash after the run but before its instant was recorded: the next pass finds the
    # instant due again and neither runs nor announces it a second time.
    services.workflows.mark_fired(ident, datetime(2026, 3, 4, 10, 0, tzinfo=UTC))
    assert fire_time_triggers(services, clock.current).runs == ()
    assert len(services.workflows.runs(ident)) == 1


def test_missed_runs_at_start_up_follow_each_workflows_policy(
    qtbot: QtBot,
    presence: Presence,
    services: Services,
    scheduler: JobScheduler,
    clock: FakeClock,
) -> None:
    once = add_workflow(
        services, "Agenda", {"kind": "time", "at": "08:00", "missed": "run_once"}, "Agenda"
    )
    skipped = add_workflow(
        services, "Digest", {"kind": "time", "at": "08:00", "missed": "skip"}, "Digest"
    )
    clock.advance(days=2)  # the app was closed for two mornings
    result = start(qtbot, presence, scheduler)
    assert [run.workflow_id for run in result.runs] == [once]
    [run] = services.workflows.runs(once)
    assert run.event_key == "time:2026-03-06T07:00:00+00:00"  # the latest missed morning
    assert services.workflows.runs(skipped) == []
    assert services.workflows.get(skipped).last_fire_at == datetime(2026, 3, 6, 7, 0, tzinfo=UTC)
    assert any("Digest" in note for note in result.notes)


def test_an_import_fires_for_the_rows_over_an_amount(
    qtbot: QtBot,
    presence: Presence,
    pane_ctx: PaneContext,
    services: Services,
    scheduler: JobScheduler,
) -> None:
    services.finance.add_account("Checking", currency="EUR")
    ident = add_workflow(
        services,
        "Big money",
        {"kind": "event", "event": "transaction.imported", "filter": {"min_amount": 100}},
        "{{transaction.amount}} {{transaction.currency}}",
    )
    start(qtbot, presence, scheduler)
    pane_ctx.act("import_transactions", {"path": str(IMPORTS / "march.csv")})
    qtbot.waitUntil(lambda: len(services.workflows.runs(ident)) == 3, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)
    texts = sorted(
        entry["result"]["text"] for run in services.workflows.runs(ident) for entry in run.trace
    )
    assert texts == ["-120.00 EUR", "-800.00 EUR", "2500.00 EUR"]


def test_a_workflow_that_feeds_itself_stops_after_a_few_rounds(
    qtbot: QtBot, services: Services
) -> None:
    from desktop.runtime.workflow_triggers import dispatch_store_events
    from desktop.services.store_events import MAX_DEPTH, StoreEventService
    from desktop.services.tasks import TaskDraft

    ident = services.workflows.add(
        {
            "name": "Echo",
            "trusted": True,
            "trigger": {"kind": "event", "event": "task.created"},
            "steps": [
                {"kind": "action", "action": "add_task", "args": {"title": "re: {{task.title}}"}}
            ],
        }
    ).value.id
    StoreEventService(services.ctx).cursor()
    services.tasks.add(TaskDraft(title="Seed"))
    rounds = 0
    while dispatch_store_events(services).runs:
        rounds += 1
        assert rounds <= MAX_DEPTH, "the chain did not stop"
    assert rounds == MAX_DEPTH
    assert len(services.workflows.runs(ident)) == MAX_DEPTH


def test_a_budget_passing_its_threshold_fires_once_a_month(
    qtbot: QtBot,
    presence: Presence,
    pane_ctx: PaneContext,
    services: Services,
    scheduler: JobScheduler,
) -> None:
    from datetime import date

    services.finance.add_account("Checking", currency="EUR")
    services.finance.set_budget("Groceries", "100", date(2026, 3, 1))
    ident = add_workflow(
        services,
        "Nearly spent",
        {"kind": "event", "event": "budget.threshold", "filter": {"percent": 90}},
        "{{budget.category}} at {{budget.percent}} %",
    )
    start(qtbot, presence, scheduler)
    shown: list[Notice] = []
    presence.notifier.notice_shown.connect(shown.append)
    spend = {"payee": "Rewe", "date": "2026-03-03", "category": "Groceries"}
    pane_ctx.act("add_transaction", {**spend, "amount": "-50"})  # 50 %: not yet
    pane_ctx.act("add_transaction", {**spend, "amount": "-45"})  # 95 %
    qtbot.waitUntil(lambda: len(services.workflows.runs(ident)) == 1, timeout=TIMEOUT_MS)
    pane_ctx.act("add_transaction", {**spend, "amount": "-10"})  # 105 %: the same month
    with qtbot.waitSignal(presence.workflows.passed, timeout=TIMEOUT_MS):
        presence.workflows.check_budgets()
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)
    [run] = services.workflows.runs(ident)
    assert run.event_key == "budget.threshold:groceries:2026-03"
    assert run.trace[0]["result"]["text"] == "Groceries at 95.0 %"
    assert [notice.text for notice in shown] == ["Groceries at 95.0 %"]  # announced once
