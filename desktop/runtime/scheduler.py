"""Timed jobs of the running app (APScheduler 3, one background thread).

A job only decides *when*; the work itself goes through the `TaskRunner` (the
database executor or the I/O pool), so the scheduler thread never touches the
database or a widget. Jobs that were due while the machine slept run once
(coalesced) when it wakes; none piles up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

log = logging.getLogger("desktop.runtime")

MISFIRE_GRACE_SECONDS = 3600


class JobScheduler:
    """Runs small callables at intervals on a background thread."""

    def __init__(self) -> None:
        self._scheduler = BackgroundScheduler(
            job_defaults={
                "coalesce": True,
                "max_instances": 1,
                "misfire_grace_time": MISFIRE_GRACE_SECONDS,
            },
            timezone="UTC",
        )

    @property
    def running(self) -> bool:
        return bool(self._scheduler.running)

    def every(
        self, seconds: float, job: Callable[[], None], name: str, *, now: bool = False
    ) -> None:
        """Call `job` every `seconds` (and straight away with `now`), replacing a job of `name`."""

        def guarded() -> None:
            try:
                job()
            except Exception:  # a failing job must not stop the scheduler
                log.exception("the timed job %s failed", name)

        self._scheduler.add_job(
            guarded,
            IntervalTrigger(seconds=seconds),
            id=name,
            name=name,
            replace_existing=True,
            next_run_time=datetime.now().astimezone() + timedelta(milliseconds=10) if now else None,
        )

    def job_names(self) -> list[str]:
        return sorted(job.id for job in self._scheduler.get_jobs())

    def start(self) -> None:
        if not self._scheduler.running:
            self._scheduler.start()

    def shutdown(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=True)
