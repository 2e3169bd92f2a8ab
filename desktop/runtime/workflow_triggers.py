"""Workflow triggers in the running app: store events, the clock, derived events, voice.

`WorkflowTriggers.install(scheduler)` starts them (after the first pane, not in smoke
mode). At start-up, on the database executor: store events older than a week are
pruned, runs a crash interrupted are finished (`resume_interrupted`), voice commands
are made to match the voice-triggered workflows, time triggers missed while the app was
closed run once or are skipped (each workflow's policy), and what became overdue or
started meanwhile is dispatched. Then:

- store events (`desktop.store.events`, written by any process) are dispatched to the
  waiting workflows ~300 ms after a change is announced and every 30 s (for writes by
  the command line or another process), once each (`StoreEventService`'s cursor);
- time triggers fire at their instant (a one-shot job armed for the soonest one) and
  are checked every minute (overdue tasks and events about to start too);
- after finance changes, budgets past a trigger's threshold are dispatched;
- after workflow changes, voice commands are synced and the next instant re-armed.

The work itself is the plain functions below (Qt-free, blocking), so tests can call
them with a given instant. Only the device that runs a workflow fires it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop.core.changes import NO_CHANGES, Changes
from desktop.core.errors import AtriumError
from desktop.runtime.events import AppEvents
from desktop.runtime.scheduler import JobScheduler
from desktop.runtime.task_runner import TaskRunner
from desktop.runtime.timers import single_shot_timer
from desktop.services.container import Services

if TYPE_CHECKING:  # the workflow services are imported on first use
    from desktop.services.workflows import WorkflowRunView

log = logging.getLogger("desktop.runtime")

EVENTS_JOB = "workflow-events"
CLOCK_JOB = "workflow-clock"
WAKE_JOB = "workflow-wake"
EVENTS_SECONDS = 30
CLOCK_SECONDS = 60
DEBOUNCE_MS = 300
BUDGET_DEBOUNCE_MS = 2000


@dataclass(frozen=True)
class TriggerPass:
    """What one pass of the triggers did: the runs started and the next instant due."""

    runs: tuple[WorkflowRunView, ...] = ()
    next_wake: datetime | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def changes(self) -> Changes:
        """What the runs' actions changed, and the workflows (their runs and counters)."""
        found = NO_CHANGES
        for run in self.runs:
            found = found | run.changes | Changes(workflows=True)
        return found

    @property
    def notifications(self) -> list[tuple[str, str, str]]:
        """(key, workflow name, text) of what the runs' notify steps showed."""
        return [
            (f"workflow:{run.id}:{index}", run.workflow, text)
            for run in self.runs
            for index, text in enumerate(run.notifications)
            if text
        ]


# -- the work (blocking; the database executor) -------------------------------------------


def dispatch_store_events(services: Services) -> TriggerPass:
    """Dispatch the store events past this device's cursor to the waiting workflows."""
    from desktop.services.store_events import StoreEvent, StoreEventService

    workflows = services.workflows
    runs: list[WorkflowRunView] = []

    def dispatch(event: StoreEvent) -> None:
        payload = {event.noun: event.data}
        runs.extend(_new_runs(services, event.name, payload, event.key, event.depth))

    wanted = {name for name in _EVENT_NAMES if workflows.waits_for(name)}
    StoreEventService(services.ctx).dispatch_pending(dispatch, wanted)
    return TriggerPass(tuple(runs))


def fire_time_triggers(services: Services, now: datetime | None = None) -> TriggerPass:
    """Run the time-triggered workflows due at `now` (missed ones by their policy), and
    dispatch the tasks gone overdue and the events about to start since the last pass."""
    from desktop.services.workflow_derived import DerivedEvents
    from desktop.services.workflow_timing import WorkflowClock

    moment = now or services.ctx.now()
    clock = WorkflowClock(services.ctx)
    workflows = services.workflows
    runs: list[WorkflowRunView] = []
    notes: list[str] = []
    for fire in clock.due(moment):
        if fire.run and not _known_runs(services, [fire.workflow_id], fire.key):
            try:
                runs.append(
                    workflows.run(
                        fire.workflow_id,
                        event=fire.event(services.ctx.zone),
                        event_key=fire.key,
                        event_name="time",
                    )
                )
            except AtriumError as exc:  # e.g. a definition that no longer parses
                log.warning("the time trigger of '%s' could not run it: %s", fire.name, exc)
        elif not fire.run:
            notes.append(
                f"skipped the missed run of '{fire.name}' at {fire.instant:%Y-%m-%d %H:%M}"
            )
        clock.mark_fired([fire])

    def dispatch(name: str, data: dict[str, Any], key: str) -> None:
        runs.extend(_new_runs(services, name, data, key))

    DerivedEvents(services.ctx).check(dispatch, moment)
    return TriggerPass(tuple(runs), clock.next_wake(moment), tuple(notes))


def dispatch_budgets(services: Services) -> TriggerPass:
    """Dispatch budget.threshold for this month's budgets past a trigger's threshold."""
    from desktop.services.workflow_derived import DerivedEvents

    runs: list[WorkflowRunView] = []

    def dispatch(name: str, data: dict[str, Any], key: str) -> None:
        runs.extend(_new_runs(services, name, data, key))

    DerivedEvents(services.ctx).budgets(dispatch)
    return TriggerPass(tuple(runs))


def workflows_changed(services: Services) -> TriggerPass:
    """After workflows changed: voice commands to match, and the next instant due."""
    from desktop.services.workflow_timing import WorkflowClock
    from desktop.services.workflow_voice import sync_voice_commands

    synced = sync_voice_commands(services.ctx)
    if synced:
        log.info("workflow voice commands: %s", synced)
    return TriggerPass(next_wake=WorkflowClock(services.ctx).next_wake())


def start_up(services: Services, now: datetime | None = None) -> TriggerPass:
    """Everything due at start-up: prune, resume, voice, missed runs, events."""
    from desktop.services.store_events import StoreEventService

    StoreEventService(services.ctx).prune()
    resumed = services.workflows.resume_interrupted()
    workflows_changed(services)
    timed = fire_time_triggers(services, now)
    events = dispatch_store_events(services)
    budgets = dispatch_budgets(services)
    runs = (*resumed, *timed.runs, *events.runs, *budgets.runs)
    return TriggerPass(runs, timed.next_wake, timed.notes)


def _new_runs(
    services: Services, name: str, data: dict[str, Any], key: str, depth: int = 0
) -> list[WorkflowRunView]:
    """Dispatch one event; only the runs it started (a key seen before gives back the
    earlier run, which must not be announced again). A workflow that cannot run (its
    definition no longer parses) is logged, not retried for ever."""
    workflows = services.workflows
    waiting = [entry.id for entry in workflows.index.for_event(name)]
    if not waiting:
        return []
    before = _known_runs(services, waiting, key)
    try:
        found = workflows.dispatch(name, data, key, depth=depth)
    except AtriumError as exc:
        log.warning("could not dispatch %s (%s) to workflows: %s", name, key, exc)
        return []
    return [run for run in found if run.id not in before]


def _known_runs(services: Services, workflow_ids: list[uuid.UUID], key: str) -> set[uuid.UUID]:
    from desktop.services.store_events import known_runs

    return known_runs(services.ctx, workflow_ids, key)


_EVENT_NAMES = (
    "task.created",
    "task.completed",
    "message.received",
    "transaction.imported",
    "transaction.added",
)


# -- the Qt side ------------------------------------------------------------------------


class WorkflowTriggers(QObject):
    """Starts workflows from store events, the clock, derived events and budgets.

    Create it on the GUI thread; `install` starts it.

    Signals:
        passed(object): a pass of the triggers ended; carries its `TriggerPass`.
        notified(object): notify steps of the runs showed these texts: a list of
            (key, workflow name, text), the key unique per run and step.
    """

    passed = Signal(object)
    notified = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        services: Services,
        events: AppEvents,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        budget_ms: int = BUDGET_DEBOUNCE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._services = services
        self._events = events
        self._scheduler: JobScheduler | None = None
        self.installed = False
        self._poll = single_shot_timer(self, debounce_ms, self.poll_events)
        self._budgets = single_shot_timer(self, budget_ms, self.check_budgets)
        self._rebuild = single_shot_timer(self, debounce_ms, self.rebuild)
        events.changes_applied.connect(self._on_changes)

    def install(
        self,
        scheduler: JobScheduler,
        events_seconds: float = EVENTS_SECONDS,
        clock_seconds: float = CLOCK_SECONDS,
    ) -> None:
        """Catch up (start-up) now, then poll events and check the clock on a schedule."""
        self.installed = True
        self._scheduler = scheduler
        self._submit(start_up)
        scheduler.every(events_seconds, self.poll_events, EVENTS_JOB)
        scheduler.every(clock_seconds, self.tick, CLOCK_JOB)

    def poll_events(self) -> None:
        """Dispatch the store events not dispatched yet (callable from any thread)."""
        self._submit(dispatch_store_events)

    def tick(self) -> None:
        """Fire the time triggers due now (callable from any thread)."""
        self._submit(fire_time_triggers)

    def check_budgets(self) -> None:
        self._submit(dispatch_budgets)

    def rebuild(self) -> None:
        """Workflows changed: voice commands and the next instant (from the GUI thread)."""
        self._submit(workflows_changed)

    # -- helpers -----------------------------------------------------------------------

    def _submit(self, work: Callable[[Services], TriggerPass]) -> None:
        if self._runner.closed:  # the app is shutting down
            return
        services = self._services
        self._runner.run_db(lambda: work(services), self._done)

    @Slot(object, object)
    def _on_changes(self, changes: Changes, initiator: object) -> None:
        if not self.installed:
            return
        self._poll.start()  # (re)started: one pass after a burst of changes
        if changes.finance:
            self._budgets.start()
        if changes.workflows and initiator is not self:
            self._rebuild.start()

    def _done(self, result: TriggerPass) -> None:
        for note in result.notes:
            log.info("workflows: %s", note)
        if result.next_wake is not None and self._scheduler is not None:
            self._scheduler.at(result.next_wake, self.tick, WAKE_JOB)
        if result.runs:
            log.info("workflow triggers started %d run(s)", len(result.runs))
            self._events.changes_applied.emit(result.changes, self)
        texts = result.notifications
        if texts:
            self.notified.emit(texts)
        self.passed.emit(result)
