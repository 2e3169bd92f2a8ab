"""The finance job: bill tasks, paid bills and budget alerts; retraining the category model.

It runs at start-up (installed with the other timed jobs, about a second after the window
shows), once a day, and after any change with ``finance=True`` (debounced by REFRESH_MS, so
an import of many rows runs it once). Each run makes the tasks of bills due soon, completes
the bill tasks a new transaction paid, and, when notifications are on, takes the budget
alerts due and hands them to `deliver` on the GUI thread; when it changed tasks it emits
`changes_applied` for them.

A run has two steps. Finding what to do only reads, and on 100k transactions takes about a
second (recurring payments are detected over 18 months of history), so it runs on the I/O
pool beside the database executor (SQLite's WAL lets readers work beside it; the panes'
`read_aside` does the same). Doing it writes, and runs on the database executor; it checks
everything again, so a task made or completed meanwhile, or an alert another run took, is
not made, completed or shown twice.

Retraining: after finance changes (debounced by RETRAIN_MS) and once at start-up, the
labelled history is read aside and the category model is trained on the I/O pool (on a long
history each takes a second or two; neither may hold up database work), so the first
"suggest categories" finds the model made.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.core.changes import NO_CHANGES, Changes
from desktop.runtime.events import AppEvents
from desktop.runtime.scheduler import JobScheduler
from desktop.runtime.task_runner import TaskRunner
from desktop.runtime.timers import single_shot_timer
from desktop.services.container import Services

if TYPE_CHECKING:  # imported by the services on first use: start-up does not load them
    from desktop.services.bills import BillPlan
    from desktop.services.categorize import CategorizeService, TrainingData
    from desktop.services.finance_alerts import BudgetNotice

log = logging.getLogger("desktop.runtime")

JOB_NAME = "finance"
DAILY_SECONDS = 24 * 3600
REFRESH_MS = 2000
RETRAIN_MS = 5000
# At start-up the model is warmed this long after the timed jobs start: the first panes first.
STARTUP_RETRAIN_MS = 3000


@dataclass(frozen=True)
class FinanceRun:
    """What one run did: tasks made and completed, the alerts to show, the areas changed."""

    bills_created: int
    bills_paid: int
    alerts: tuple[BudgetNotice, ...]
    changes: Changes


Deliver: TypeAlias = "Callable[[tuple[BudgetNotice, ...]], None]"


@dataclass(frozen=True)
class FinancePlan:
    """What a run found to do (read only): bill tasks to make and complete, alerts due."""

    bills: BillPlan
    alerts: tuple[BudgetNotice, ...]


def plan_finance(services: Services, *, alerts: bool) -> FinancePlan:
    """The first step of a run: reads only (on the I/O pool). With `alerts`, alerts due."""
    notices = tuple(services.finance_alerts.due_alerts()) if alerts else ()
    return FinancePlan(services.bills.plan(), notices)


def apply_finance(services: Services, plan: FinancePlan) -> FinanceRun:
    """The second step: write what `plan` found, checked again (on the database executor)."""
    bills = services.bills.apply(plan.bills).value
    notices = tuple(services.finance_alerts.mark_announced(plan.alerts))
    touched = bool(bills.created or bills.paid)
    return FinanceRun(
        len(bills.created),
        len(bills.paid),
        notices,
        Changes(tasks=True) if touched else NO_CHANGES,
    )


def run_finance(services: Services, *, alerts: bool) -> FinanceRun:
    """Both steps in one thread (the command line, tests)."""
    return apply_finance(services, plan_finance(services, alerts=alerts))


def read_training(services: Services) -> tuple[CategorizeService, TrainingData | None]:
    """The categoriser and its training data, None when its model is current (database)."""
    categorize = services.categorize
    return categorize, categorize.training_data()


class FinanceJob(QObject):
    """Runs the finance checks and the model retraining on schedule and after finance changes.

    Create it on the GUI thread; `install` starts it.

    Signals:
        finished(object): a run ended; carries its `FinanceRun`.
        trained(int): the category model was retrained in the background on this many
            examples (0: too little history for a model).
    """

    finished = Signal(object)
    trained = Signal(int)

    def __init__(
        self,
        runner: TaskRunner,
        services: Services,
        events: AppEvents,
        deliver: Deliver,
        *,
        alerts: bool = True,
        refresh_ms: int = REFRESH_MS,
        retrain_ms: int = RETRAIN_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._services = services
        self._events = events
        self._deliver = deliver
        self.alerts = alerts
        self.installed = False
        self._refresh = single_shot_timer(self, refresh_ms, self.check)
        self._retrain = single_shot_timer(self, retrain_ms, self.retrain)
        events.changes_applied.connect(self._on_changes)

    def install(self, scheduler: JobScheduler, seconds: float = DAILY_SECONDS) -> None:
        """Run now and every `seconds`; warm the category model a little later."""
        self.installed = True
        scheduler.every(seconds, self.check, JOB_NAME, now=True)
        QTimer.singleShot(STARTUP_RETRAIN_MS, self, self.retrain)

    def check(self) -> None:
        """Run the finance checks (callable from any thread)."""
        if self._runner.closed:  # the app is shutting down
            return
        services, alerts = self._services, self.alerts
        self._runner.run_io(lambda: plan_finance(services, alerts=alerts), self._planned)

    def retrain(self) -> None:
        """Bring the category model up to date in the background (from the GUI thread)."""
        if self._runner.closed:
            return
        services = self._services
        # Read aside (WAL readers run beside the database executor): on a long history the
        # examples take a second or two to read, and pane reads must not wait behind them.
        self._runner.run_io(lambda: read_training(services), self._train)

    # -- helpers -----------------------------------------------------------------------

    @Slot(object, object)
    def _on_changes(self, changes: Changes, initiator: object) -> None:
        if initiator is self or not changes.finance or not self.installed:
            return
        self._refresh.start()  # (re)started: one run after a burst of changes
        self._retrain.start()

    def _planned(self, plan: FinancePlan) -> None:
        if self._runner.closed:
            return
        services = self._services
        self._runner.run_db(lambda: apply_finance(services, plan), self._done)

    def _done(self, run: FinanceRun) -> None:
        if run.bills_created or run.bills_paid:
            log.info("bills: %d task(s) made, %d paid", run.bills_created, run.bills_paid)
        if run.changes:
            self._events.changes_applied.emit(run.changes, self)
        if run.alerts and self.alerts:
            log.info("delivering %d budget alert(s)", len(run.alerts))
            self._deliver(run.alerts)
        self.finished.emit(run)

    def _train(self, found: tuple[CategorizeService, TrainingData | None]) -> None:
        categorize, data = found
        if data is None or self._runner.closed:
            return  # the model in memory is current
        self._runner.run_io(lambda: categorize.learn(data), self._learned)

    def _learned(self, count: int) -> None:
        log.info("category model retrained on %d example(s)", count)
        self.trained.emit(count)
