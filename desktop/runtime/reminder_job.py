"""The reminder job: every half minute, take the reminders that are due and deliver them.

Fetching and marking happen in one job on the database executor, so a reminder
is delivered once, also across a restart: the ones missed while the app was
closed (up to the service's missed window) come on the first run at start-up.
Delivery happens on the GUI thread through `deliver(reminders)`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from desktop.runtime.scheduler import JobScheduler
from desktop.runtime.task_runner import TaskRunner
from desktop.services.container import Services
from desktop.services.reminders import Reminder

log = logging.getLogger("desktop.runtime")

CHECK_SECONDS = 30
JOB_NAME = "reminders"


@dataclass(frozen=True)
class DueReminders:
    """Reminders to show, with the user's zone and day to word them in."""

    reminders: tuple[Reminder, ...]
    zone: ZoneInfo
    today: date


Deliver = Callable[[DueReminders], None]


def take_due(services: Services) -> DueReminders:
    """The reminders due now, marked as delivered (blocking: run on the database executor)."""
    due = services.reminders.due()
    if due:
        services.reminders.mark_fired([r.key for r in due])
    return DueReminders(tuple(due), services.ctx.zone, services.ctx.today())


class ReminderJob:
    """Checks for due reminders on a schedule and hands them to `deliver` on the GUI thread."""

    def __init__(self, runner: TaskRunner, services: Services, deliver: Deliver) -> None:
        self._runner = runner
        self._services = services
        self._deliver = deliver

    def install(self, scheduler: JobScheduler, seconds: float = CHECK_SECONDS) -> None:
        """Check now (what was missed while closed) and then every `seconds`."""
        scheduler.every(seconds, self.check, JOB_NAME, now=True)

    def check(self) -> None:
        """Look for due reminders (callable from any thread)."""
        if self._runner.closed:  # the app is shutting down
            return
        services = self._services
        self._runner.run_db(lambda: take_due(services), self._delivered)

    def _delivered(self, due: DueReminders) -> None:
        if due.reminders:
            log.info("delivering %d reminder(s)", len(due.reminders))
            self._deliver(due)
