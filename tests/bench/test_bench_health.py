"""The Health pane's read on the demo data: the report without the integrity check
(what the pane waits for) and the integrity check itself (run apart, on the I/O pool).

Baseline, measured in the same run: one `SELECT count(*)` over the tasks through the
store's read session. The report counts ten tables and reads the integrations, so it
costs some baselines; the figure to watch is that it stays far below the integrity
check, which the pane no longer waits for. CI runs the small demo; the full size
(ATRIUM_BENCH_SIZE=full) the large one (100k tasks, about 450 MB).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.services.container import Services
from desktop.services.demo import seed_demo
from desktop.store.models import Task
from desktop.store.profile import open_store
from tests.bench.benchutil import full_size, median, report, timed

pytestmark = pytest.mark.bench
ROUNDS = 5


def test_health_report_against_a_count_and_the_integrity_check(tmp_path: Path) -> None:
    size = "large" if full_size() else "small"
    store = open_store(tmp_path / "health.sqlite3")
    try:
        seed_demo(store, size)
        services = Services(store, "Europe/Berlin")
        health = services.health

        def count_tasks() -> int:
            with store.read() as session:
                return int(session.scalar(select(func.count()).select_from(Task)) or 0)

        tasks = count_tasks()
        baseline = median([timed(count_tasks) for _ in range(ROUNDS)])
        reports = [timed(lambda: health.report(run_check=False)) for _ in range(ROUNDS)]
        check = median([timed(lambda: health.integrity(force=True)) for _ in range(3)])
        first = health.report(run_check=False)

        assert dict(first.counts)["tasks"] == tasks > 0
        assert first.integrity is not None
        assert first.integrity.ok
        assert health.checks_run == 3
        report(
            "health_report",
            size=size,
            tasks=tasks,
            database_mb=round((first.database_bytes + first.wal_bytes) / 1e6, 1),
            baseline_count_ms=baseline * 1000,
            report_ms=median(reports) * 1000,
            report_ratio=median(reports) / baseline,
            quick_check_ms=check * 1000,
            quick_check_ratio=check / baseline,
        )
    finally:
        store.close()
