"""What the Health pane shows about the profile: the database file, its integrity and
schema, how many rows each area holds, the integrations' state, the disk and sync.

`HealthService.report()` is one blocking read (run it off the GUI thread). The
integrity check (`PRAGMA quick_check`) reads the whole file, so its result is kept
and the check runs again at most every `CHECK_INTERVAL_S` seconds; the pane asks
for the report without it (`run_check=False`) and runs the check on its own, on a
separate read-only connection, so that it never holds up the database executor. `alerts(report)`
says what needs the user's attention; the pane words each alert and what to do.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select

from desktop.services.base import ServiceContext, live
from desktop.services.records import IntegrationView, RecordService
from desktop.store.engine import quick_check
from desktop.store.migrate import HEAD_REVISION, sqlite_revision
from desktop.store.models import (
    AgentLog,
    CalendarEvent,
    DevProject,
    Integration,
    Message,
    Note,
    Task,
    Transaction,
    VoiceCommand,
    Workflow,
)

CHECK_INTERVAL_S = 600.0
LOW_DISK_BYTES = 1_000_000_000
LOW_DISK_FRACTION = 0.05
SYNC_FAILING_AFTER = timedelta(minutes=15)

# Area name -> the model whose live rows it counts, in the order the pane lists them.
COUNTED: tuple[tuple[str, Any], ...] = (
    ("tasks", Task),
    ("events", CalendarEvent),
    ("messages", Message),
    ("transactions", Transaction),
    ("notes", Note),
    ("projects", DevProject),
    ("workflows", Workflow),
    ("voice_commands", VoiceCommand),
    ("agent_runs", AgentLog),
    ("integrations", Integration),
)


@dataclass(frozen=True)
class IntegrityCheck:
    """The outcome of the last `PRAGMA quick_check`: no problems means the file is sound."""

    problems: tuple[str, ...]
    checked_at: datetime

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class SyncState:
    """The shared-server sync as Health sees it (not connected until sync is configured)."""

    connected: bool = False
    server: str = ""
    last_sync_at: datetime | None = None
    failing_since: datetime | None = None
    last_error: str | None = None


@dataclass(frozen=True)
class HealthReport:
    """Everything the Health pane shows that comes from the store and the disk."""

    database_path: str
    database_bytes: int
    wal_bytes: int
    integrity: IntegrityCheck | None  # None: not checked yet
    integrity_due: bool  # the check is missing or older than CHECK_INTERVAL_S
    schema_revision: str | None
    schema_current: bool
    counts: tuple[tuple[str, int], ...]
    integrations: tuple[IntegrationView, ...]
    disk_free_bytes: int
    disk_total_bytes: int
    sync: SyncState
    now: datetime


@dataclass(frozen=True)
class Alert:
    """Something that needs attention. `kind` is one of: integration_auth,
    integration_error, disk_low, integrity, schema, sync_failing; `subject` names what
    (an integration, the data folder) and `detail` carries the facts (an error, a size)."""

    kind: str
    subject: str
    detail: str = ""


class HealthService:
    """Gathers the health report of the open profile."""

    def __init__(
        self,
        ctx: ServiceContext,
        records: RecordService,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        disk_usage: Callable[[str], Any] = shutil.disk_usage,
        check: Callable[[Path], list[str]] = quick_check,
    ) -> None:
        self.ctx = ctx
        self.records = records
        self._monotonic = monotonic
        self._disk_usage = disk_usage
        self._quick_check = check
        self._check: IntegrityCheck | None = None
        self._lock = threading.Lock()
        self._checked_mono = 0.0
        self.checks_run = 0  # how many times quick_check really ran (the cache is tested)
        started = ctx.store.integrity  # the check the app ran at start-up, when it is done
        if started is not None and started.done() and started.exception() is None:
            self._check = IntegrityCheck(tuple(started.result()), ctx.store.now())
            self._checked_mono = monotonic()

    def report(self, sync: SyncState | None = None, *, run_check: bool = True) -> HealthReport:
        """Read every figure (blocking: the database executor runs it). Without
        `run_check` the last integrity check is reported as it is (None if none ran)."""
        store = self.ctx.store
        path = store.path
        wal = path.with_name(path.name + "-wal")
        revision = sqlite_revision(path)
        usage = self._disk_usage(str(path.parent))
        return HealthReport(
            database_path=str(path),
            database_bytes=_size(path),
            wal_bytes=_size(wal),
            integrity=self.integrity() if run_check else self._check,
            integrity_due=self.check_due(),
            schema_revision=revision,
            schema_current=revision == HEAD_REVISION,
            counts=self.counts(),
            integrations=tuple(self.records.integrations()),
            disk_free_bytes=int(usage.free),
            disk_total_bytes=int(usage.total),
            sync=sync or SyncState(),
            now=store.now(),
        )

    def check_due(self) -> bool:
        """Whether the integrity check never ran or is older than `CHECK_INTERVAL_S`."""
        return self._check is None or self._monotonic() - self._checked_mono >= CHECK_INTERVAL_S

    def integrity(self, force: bool = False) -> IntegrityCheck:
        """The last integrity check, run again when older than `CHECK_INTERVAL_S`.

        Safe to call from another thread than `report` (it opens its own connection).
        """
        with self._lock:
            if force or self._check is None or self.check_due():
                problems = self._quick_check(self.ctx.store.path)
                self._check = IntegrityCheck(tuple(problems), self.ctx.store.now())
                self._checked_mono = self._monotonic()
                self.checks_run += 1
            return self._check

    def counts(self) -> tuple[tuple[str, int], ...]:
        """Live (not deleted) rows per area."""
        with self.ctx.store.read() as session:
            return tuple(
                (
                    area,
                    int(
                        session.scalar(select(func.count()).select_from(model).where(live(model)))
                        or 0
                    ),
                )
                for area, model in COUNTED
            )


def alerts(report: HealthReport) -> list[Alert]:
    """What needs attention in `report`, most serious first."""
    found: list[Alert] = []
    if report.integrity is not None and not report.integrity.ok:
        found.append(Alert("integrity", report.database_path, "; ".join(report.integrity.problems)))
    if not report.schema_current:
        found.append(Alert("schema", report.database_path, report.schema_revision or ""))
    free, total = report.disk_free_bytes, report.disk_total_bytes
    if free < LOW_DISK_BYTES or (total and free < total * LOW_DISK_FRACTION):
        found.append(Alert("disk_low", str(Path(report.database_path).parent), str(free)))
    sync = report.sync
    if sync.failing_since is not None and report.now - sync.failing_since >= SYNC_FAILING_AFTER:
        found.append(Alert("sync_failing", sync.server, sync.last_error or ""))
    found += [
        Alert("integration_auth", i.display_name)
        for i in report.integrations
        if i.state == "needs_auth"
    ]
    found += [
        Alert("integration_error", i.display_name, i.last_error or "")
        for i in report.integrations
        if i.state == "error"
    ]
    return found


def _count(model: Any) -> Select[Any]:
    return select(func.count()).select_from(model).where(live(model))


def _size(path: Path) -> int:
    try:
        return int(path.stat().st_size)
    except OSError:
        return 0
