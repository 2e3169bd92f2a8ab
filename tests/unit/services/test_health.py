"""The health report on a real store: file sizes, integrity (cached), schema, counts,
integrations, disk space, and the alerts drawn from them."""

from __future__ import annotations

import sqlite3
from collections import namedtuple
from concurrent.futures import Future
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.services.container import Services
from desktop.services.health import (
    CHECK_INTERVAL_S,
    HealthReport,
    HealthService,
    IntegrityCheck,
    SyncState,
    alerts,
)
from desktop.services.tasks import TaskDraft
from desktop.store.migrate import HEAD_REVISION
from desktop.store.models import Integration
from desktop.store.profile import Store
from tests.conftest import FakeClock

Usage = namedtuple("Usage", "total used free")
GB = 1_000_000_000


class Ticker:
    """A monotonic clock that only moves when told to."""

    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


def add_integration(store: Store, kind: str, name: str, state: str, error: str | None) -> None:
    with store.unit_of_work() as uow:
        uow.s.add(
            Integration(
                kind=kind,
                account="me@example.com",
                display_name=name,
                state=state,
                last_error=error,
                error_count=3 if error else 0,
            )
        )
        uow.commit()


@pytest.fixture
def health(services: Services) -> HealthService:
    return services.health


def test_report_describes_the_file_schema_and_rows(services: Services, store: Store) -> None:
    services.tasks.add(TaskDraft("One"))
    services.tasks.add(TaskDraft("Two"))
    gone = services.notes.add("Gone").value
    services.notes.delete(gone.id)
    services.records.add_project("Atrium")

    report = services.health.report()

    assert report.database_path == str(store.path)
    assert report.database_bytes == store.path.stat().st_size > 0
    wal = Path(str(store.path) + "-wal")
    assert report.wal_bytes == (wal.stat().st_size if wal.exists() else 0)
    assert report.integrity.ok
    assert report.integrity.problems == ()
    assert report.schema_revision == HEAD_REVISION
    assert report.schema_current
    counts = dict(report.counts)
    assert counts["tasks"] == 2
    assert counts["notes"] == 0  # deleted rows are not counted
    assert counts["projects"] == 1
    assert counts["events"] == 0
    assert report.disk_total_bytes >= report.disk_free_bytes > 0
    assert report.sync == SyncState()
    assert not report.sync.connected
    assert report.now == store.now()


def test_integrity_check_runs_at_most_every_ten_minutes(services: Services) -> None:
    ticker = Ticker()
    health = HealthService(services.ctx, services.records, monotonic=ticker)

    first = health.report().integrity
    ticker.value += CHECK_INTERVAL_S - 1
    assert health.report().integrity is first
    assert health.checks_run == 1
    ticker.value += 1
    health.report()
    assert health.checks_run == 2
    health.integrity(force=True)
    assert health.checks_run == 3


def test_the_report_can_leave_the_check_to_later(services: Services) -> None:
    ticker = Ticker()
    health = HealthService(services.ctx, services.records, monotonic=ticker)
    report = health.report(run_check=False)
    assert report.integrity is None
    assert report.integrity_due
    assert health.checks_run == 0
    assert alerts(report) == []  # unknown is not an alert

    check = health.integrity()
    report = health.report(run_check=False)
    assert report.integrity is check
    assert not report.integrity_due
    ticker.value += CHECK_INTERVAL_S
    assert health.report(run_check=False).integrity_due


def test_a_damaged_file_is_reported(services: Services) -> None:
    seen: list[Path] = []

    def damaged(path: Path) -> list[str]:
        seen.append(path)
        return ["*** in database main ***", "Page 7 is never used"]

    health = HealthService(services.ctx, services.records, check=damaged)
    report = health.report()
    assert seen == [services.store.path]
    assert not report.integrity.ok
    assert [(a.kind, a.detail) for a in alerts(report)] == [
        ("integrity", "*** in database main ***; Page 7 is never used")
    ]


def test_integrations_state_is_in_the_report(services: Services, store: Store) -> None:
    add_integration(store, "gmail", "Gmail", "connected", None)
    add_integration(store, "slack", "Slack", "needs_auth", None)
    add_integration(store, "microsoft", "Microsoft 365", "error", "invalid_grant")

    report = services.health.report()

    states = {i.display_name: (i.state, i.error_count, i.last_error) for i in report.integrations}
    assert states == {
        "Gmail": ("connected", 0, None),
        "Slack": ("needs_auth", 0, None),
        "Microsoft 365": ("error", 3, "invalid_grant"),
    }
    found = [(a.kind, a.subject, a.detail) for a in alerts(report)]
    assert found == [
        ("integration_auth", "Slack", ""),
        ("integration_error", "Microsoft 365", "invalid_grant"),
    ]


def test_a_healthy_profile_has_no_alerts(services: Services) -> None:
    services.tasks.add(TaskDraft("Fine"))
    assert alerts(services.health.report()) == []


@pytest.mark.parametrize(
    ("free", "total", "low"),
    [
        (500_000_000, 2000 * GB, True),  # under 1 GB
        (40 * GB, 1000 * GB, True),  # under 5 %
        (60 * GB, 1000 * GB, False),
        (2 * GB, 10 * GB, False),
    ],
)
def test_low_disk_space_is_an_alert(services: Services, free: int, total: int, low: bool) -> None:
    health = HealthService(
        services.ctx, services.records, disk_usage=lambda _path: Usage(total, total - free, free)
    )
    report = health.report()
    assert report.disk_free_bytes == free
    kinds = [a.kind for a in alerts(report)]
    assert ("disk_low" in kinds) is low
    if low:
        alert = alerts(report)[0]
        assert alert.subject == str(services.store.path.parent)
        assert alert.detail == str(free)


def test_integrity_and_sync_failures_are_alerts(services: Services, clock: FakeClock) -> None:
    report: HealthReport = services.health.report()
    broken = replace(report, integrity=IntegrityCheck(("page 4 is never used",), report.now))
    assert [a.kind for a in alerts(broken)] == ["integrity"]
    assert alerts(broken)[0].detail == "page 4 is never used"

    failing = SyncState(True, "db.example.com", failing_since=report.now - timedelta(minutes=5))
    assert alerts(replace(report, sync=failing)) == []  # a short hiccup is not an alert
    failing = replace(failing, failing_since=report.now - timedelta(hours=1), last_error="refused")
    found = alerts(replace(report, sync=failing))
    assert [(a.kind, a.subject, a.detail) for a in found] == [
        ("sync_failing", "db.example.com", "refused")
    ]


def test_the_wal_file_is_measured(services: Services, store: Store) -> None:
    services.tasks.add(TaskDraft("Write something"))
    wal = Path(str(store.path) + "-wal")
    with sqlite3.connect(store.path) as connection:
        mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "wal":
        pytest.skip("the store does not use WAL")
    assert services.health.report().wal_bytes == wal.stat().st_size


def test_the_start_up_check_is_reused_not_run_again(services: Services, store: Store) -> None:
    done: Future[list[str]] = Future()
    done.set_result([])
    store.integrity = done  # what open_store(..., integrity_check="background") leaves
    health = HealthService(services.ctx, services.records)
    assert health.integrity().ok
    assert health.checks_run == 0
