"""The finance job in the app: budget alerts through the Notifier, bill tasks, retraining."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from desktop.core.changes import Changes
from desktop.runtime.finance_job import FinanceJob, FinanceRun
from desktop.runtime.scheduler import JobScheduler
from desktop.services.container import Services
from desktop.services.finance import TransactionDraft
from desktop.services.tasks import TaskFilter
from desktop.ui.main_window import MainWindow
from desktop.ui.notifications import Notice, NoticeToast
from desktop.ui.panes.base import PaneContext
from desktop.ui.presence import Presence

pytestmark = pytest.mark.gui

# The fixed clock says 2026-03-04 (Berlin).
MARCH = date(2026, 3, 1)
# The job waits REFRESH_MS (2 s) after a finance change; allow for a slow machine.
RUN_TIMEOUT_MS = 15000


@pytest.fixture
def presence(main_window: MainWindow, pane_ctx: PaneContext) -> Presence:
    return Presence(main_window, pane_ctx, QIcon(), with_tray=False)


@pytest.fixture
def scheduler() -> Iterator[JobScheduler]:
    scheduler = JobScheduler()
    yield scheduler
    scheduler.shutdown()


def add(services: Services, amount: str, payee: str, day: date, category: str = "") -> None:
    services.finance.add_transaction(
        TransactionDraft(amount=amount, payee=payee, date=day, category=category)
    )


def start(qtbot: QtBot, presence: Presence, scheduler: JobScheduler) -> FinanceRun:
    """Install the job as the app does and wait for its first run."""
    with qtbot.waitSignal(presence.finance.finished, timeout=RUN_TIMEOUT_MS) as first:
        presence.start_finance(scheduler)
        scheduler.start()
    run = first.args[0]
    assert isinstance(run, FinanceRun)
    return run


def act(qtbot: QtBot, presence: Presence, ctx: PaneContext, action: str, **args: str) -> FinanceRun:
    """Run a catalog action as a pane does; wait for the job's run it causes."""
    with qtbot.waitSignal(presence.finance.finished, timeout=RUN_TIMEOUT_MS) as ran:
        ctx.act(action, args)
    run = ran.args[0]
    assert isinstance(run, FinanceRun)
    return run


def test_passing_80_percent_notifies_exactly_once(
    qtbot: QtBot,
    presence: Presence,
    pane_ctx: PaneContext,
    services: Services,
    scheduler: JobScheduler,
) -> None:
    services.finance.add_account("Checking", currency="EUR")
    services.finance.set_budget("Groceries", "500", MARCH)
    add(services, "-300", "Rewe", date(2026, 3, 2), "Groceries")  # 60 %
    shown: list[Notice] = []
    presence.notifier.notice_shown.connect(shown.append)

    assert start(qtbot, presence, scheduler).alerts == ()
    assert "finance" in scheduler.job_names()

    expense = {"payee": "Rewe", "category": "Groceries", "date": "2026-03-03"}
    run = act(qtbot, presence, pane_ctx, "add_transaction", amount="-120", **expense)  # 84 %
    assert [a.level for a in run.alerts] == [80]
    [notice] = shown
    assert notice.text == "Groceries budget: 84 % used (€420 of €500), €80 left for 28 days"
    [toast] = presence.notifier.toasts()  # no tray here: an in-app toast
    assert isinstance(toast, NoticeToast)
    assert toast.detail.text() == notice.text

    # More spending under 100 %: the job runs, nobody is told again.
    run = act(qtbot, presence, pane_ctx, "add_transaction", amount="-10", **expense)
    assert run.alerts == ()
    assert len(shown) == 1
    toast.close_button.click()
    assert presence.notifier.toasts() == []


def test_with_notifications_off_no_alert_is_taken(
    qtbot: QtBot,
    presence: Presence,
    pane_ctx: PaneContext,
    services: Services,
    scheduler: JobScheduler,
) -> None:
    services.finance.add_account("Checking", currency="EUR")
    services.finance.set_budget("Groceries", "100", MARCH)
    add(services, "-95", "Rewe", date(2026, 3, 2), "Groceries")
    presence.set_notifications(False, scheduler)
    shown: list[Notice] = []
    presence.notifier.notice_shown.connect(shown.append)

    assert start(qtbot, presence, scheduler).alerts == ()
    assert shown == []
    # Turned on again, the alert still due is shown once.
    presence.set_notifications(True, scheduler)
    run = act(qtbot, presence, pane_ctx, "set_budget", category="Fun", amount="20")
    assert [a.category for a in run.alerts] == ["Groceries"]
    assert len(shown) == 1


def test_a_bill_task_is_made_and_completed_when_paid(
    qtbot: QtBot,
    presence: Presence,
    pane_ctx: PaneContext,
    services: Services,
    scheduler: JobScheduler,
) -> None:
    services.finance.add_account("Checking", currency="EUR")
    for month in range(9, 15):  # Netflix on the 6th, 2025-09 .. 2026-02: due 2026-03-06
        add(services, "-12.99", "Netflix", date(2025 + (month - 1) // 12, (month - 1) % 12 + 1, 6))
    announced: list[tuple[Changes, object]] = []
    pane_ctx.events.changes_applied.connect(lambda c, i: announced.append((c, i)))

    assert start(qtbot, presence, scheduler).bills_created == 1
    [task] = services.tasks.list()
    assert (task.title, task.due, task.tags) == (
        "Pay Netflix (€12.99)",
        date(2026, 3, 6),
        ("bills",),
    )
    qtbot.waitUntil(lambda: (Changes(tasks=True), presence.finance) in announced)

    paid = {"payee": "NETFLIX.COM 866-579", "date": "2026-03-06"}
    run = act(qtbot, presence, pane_ctx, "add_transaction", amount="-12.99", **paid)
    assert (run.bills_created, run.bills_paid) == (0, 1)
    done = services.tasks.get(str(task.id))
    assert done.status == "done"
    assert "Paid by transaction " in done.notes
    assert done.notes.endswith("on 2026-03-06 (€12.99)")
    assert services.tasks.list(TaskFilter(status="open")) == []


def test_the_category_model_is_retrained_in_the_background(
    qtbot: QtBot, pane_ctx: PaneContext, services: Services
) -> None:
    services.finance.add_account("Checking", currency="EUR")
    for index in range(15):
        add(services, "-30", f"Rewe {index}", date(2026, 2, 1 + index), "groceries")
        add(services, "-40", f"Shell {index}", date(2026, 2, 1 + index), "fuel")
    add(services, "-25", "Rewe 99", date(2026, 3, 2))  # uncategorised
    job = FinanceJob(
        pane_ctx.runner,
        services,
        pane_ctx.events,
        lambda alerts: None,
        refresh_ms=10,
        retrain_ms=10,
    )
    job.installed = True  # as after `install`, without the scheduler
    categorize = services.categorize
    assert categorize.model_key is None
    trained: list[int] = []
    job.trained.connect(trained.append)

    with qtbot.waitSignals([job.trained, job.finished], timeout=RUN_TIMEOUT_MS):
        pane_ctx.events.changes_applied.emit(Changes(finance=True), None)
    assert trained == [30]
    assert categorize.model_key is not None
    assert categorize.model_key[0] == 30
    # The suggestion uses the model made in the background (no second training).
    key = categorize.model_key
    [suggestion] = categorize.suggestions()
    assert (suggestion.payee, suggestion.category, suggestion.source) == (
        "Rewe 99",
        "groceries",
        "learned",
    )
    assert categorize.model_key == key
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)
    # Asked again with nothing new, there is nothing to train.
    assert categorize.training_data() is None
