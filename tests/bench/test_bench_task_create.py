"""Creating tasks through the service layer vs a raw SQLAlchemy Core bulk insert.

Target (issue 2): service-layer creation of 10k tasks costs at most 3x a raw
Core bulk insert of the same rows into the same schema (FTS triggers included).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from desktop.core.ids import new_id
from desktop.core.sortkey import sequence
from desktop.services.container import Services
from desktop.services.tasks import TaskDraft
from desktop.store.models import Task
from desktop.store.profile import Store, open_store
from tests.bench.benchutil import full_size, median, report, timed

pytestmark = pytest.mark.bench


def _drafts(count: int) -> list[TaskDraft]:
    return [
        TaskDraft(
            title=f"Review pull request {i} for the billing service",
            notes="check the tests and the migration",
            priority="high",
            tags=["work", "review"],
            estimate_minutes=30,
        )
        for i in range(count)
    ]


def _raw_rows(store: Store, count: int) -> list[dict[str, object]]:
    now = store.now()
    rows: list[dict[str, object]] = []
    for i, key in enumerate(sequence(count)):
        values: dict[str, object] = {
            "id": new_id(),
            "title": f"Review pull request {i} for the billing service",
            "notes": "check the tests and the migration",
            "status": "todo",
            "priority": 2,
            "tags": ["work", "review"],
            "estimate_minutes": 30,
            "sort_key": key,
            "repeat_from": "due",
            "reminders": [],
            "owner_id": store.user_id,
            "hlc": i + 1,
            "origin": store.device_id,
            "created_at": now,
            "updated_at": now,
        }
        values["field_hlc"] = dict.fromkeys(("title", "notes", "status", "priority"), i + 1)
        rows.append(values)
    return rows


def _count(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(Task)) or 0)


def test_service_creation_vs_raw_core_insert(tmp_path: Path) -> None:
    count = 10_000 if full_size() else 1_000
    rounds = 3
    raw_times: list[float] = []
    service_times: list[float] = []
    for round_no in range(rounds):
        raw_store = open_store(tmp_path / f"raw{round_no}.sqlite3")
        rows = _raw_rows(raw_store, count)

        def raw_insert(store: Store = raw_store, rows: list[dict[str, object]] = rows) -> None:
            with store.write_engine.begin() as conn:
                for start in range(0, len(rows), 2000):
                    conn.execute(insert(Task), rows[start : start + 2000])

        raw_times.append(timed(raw_insert))
        assert _count(raw_store) == count
        raw_store.close()

        service_store = open_store(tmp_path / f"svc{round_no}.sqlite3")
        services = Services(service_store, "UTC")
        drafts = _drafts(count)
        service_times.append(timed(lambda s=services, d=drafts: s.tasks.add_many(d)))
        assert _count(service_store) == count
        service_store.close()
    raw, service = median(raw_times), median(service_times)
    report(
        "task_create",
        tasks=count,
        raw_core_s=raw,
        service_s=service,
        ratio=service / raw,
        target_ratio=3.0,
    )
