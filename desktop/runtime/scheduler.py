"""Timed jobs of the running app (APScheduler 3, one background thread).

A job only decides *when*; the work itself goes through the `TaskRunner` (the
database executor or the I/O pool), so the scheduler thread never touches the
database or a widget. Jobs that were due while the machine slept run once
(coalesced) when it wakes; none piles up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

log = logging.getLogger("desktop.runtime")

MISFIRE_GRACE_SECONDS = 3600


class JobScheduler:
    """Runs small callables at intervals on a background thread (built on first use)."""

    def __init__(self) -> None:
        self._built: Any = None

    @property
    def _scheduler(self) -> Any:
        if self._built is None:
            # Imported here: start-up does not pay for APScheduler before it is needed.
            from apscheduler.schedulers.background import BackgroundScheduler

            self._built = BackgroundScheduler(
                job_defaults={
                    "coalesce": True,
                    "max_instances": 1,
                    "misfire_grace_time": MISFIRE_GRACE_SECONDS,
                },
                timezone="UTC",
            )
        return self._built

    @property
    def running(self) -> bool:
        return self._built is not None and bool(self._built.running)

    def every(
        self, seconds: float, job: Callable[[], None], name: str, *, now: bool = False
    ) -> None:
        """Call `job` every `seconds` (and straight away with `now`), replacing a job of `name`."""

        def guarded() -> None:
            try:
                job()
            except Exception:  # a failing job must not stop the scheduler
                log.exception("the timed job %s failed", name)

        from apscheduler.triggers.interval import IntervalTrigger

        self._scheduler.add_job(
            guarded,
            IntervalTrigger(seconds=seconds, timezone=UTC),  # no local-zone lookup
            id=name,
            name=name,
            replace_existing=True,
            next_run_time=datetime.now().astimezone() + timedelta(milliseconds=10) if now else None,
        )

    def at(self, when: datetime, job: Callable[[], None], name: str) -> None:
        """Call `job` once at the instant `when`, replacing a job of `name`."""

        def guarded() -> None:
            try:
                job()
            except Exception:  # a failing job must not stop the scheduler
                log.exception("the timed job %s failed", name)

        from apscheduler.triggers.date import DateTrigger

        self._scheduler.add_job(
            guarded, DateTrigger(run_date=when), id=name, name=name, replace_existing=True
        )

    def remove(self, name: str) -> None:
        """Stop the job `name` (nothing happens when there is none)."""
        if self._built is not None and self._built.get_job(name) is not None:
            self._built.remove_job(name)

    def job_names(self) -> list[str]:
        return sorted(job.id for job in self._scheduler.get_jobs())

    def start(self) -> None:
        if not self._scheduler.running:
            self._scheduler.start()

    def shutdown(self) -> None:
        if self.running:
            self._scheduler.shutdown(wait=True)
