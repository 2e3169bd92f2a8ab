"""`tx summary --month` (summary + rollover + projection) over many transactions.

Target (issue 9): a month summary over 100k transactions in <= 50 ms (full size,
ATRIUM_BENCH_SIZE=full; small by default: 10k). The baseline is the bare
`SELECT count(*)` over the same month's rows (on the same owner/date index)
through plain sqlite3 on the same file, so the ratio shows what the aggregation,
budgets and rollover cost.
"""

from __future__ import annotations

import random
import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert

from desktop.core.ids import new_id
from desktop.services.container import Services
from desktop.services.finance import month_bounds
from desktop.store.models import Account, Transaction
from desktop.store.profile import Store, open_store
from tests.bench.benchutil import full_size, median, percentile, report, timed

pytestmark = pytest.mark.bench

CATEGORIES = ("groceries", "rent", "fun", "transport", "books", "health", "", "salary")
# Eight years of history: 100k rows are about 1000 a month.
FIRST_DAY = date(2019, 1, 1)
DAYS = 8 * 365
MONTH = date(2024, 6, 1)


def seed(store: Store, count: int) -> None:
    rng = random.Random(9)
    with store.unit_of_work() as uow:
        account = Account(name="Checking", kind="checking", currency="EUR")
        uow.s.add(account)
        uow.s.flush()
        rows = []
        for _ in range(count):
            category = rng.choice(CATEGORIES)
            amount = rng.randint(100, 300_000) * (1 if category == "salary" else -1)
            rows.append(
                uow.stamp_insert(
                    {
                        "id": new_id(),
                        "account_id": account.id,
                        "date": FIRST_DAY + timedelta(days=rng.randrange(DAYS)),
                        "amount_minor": amount,
                        "currency": "EUR",
                        "payee": f"Payee {rng.randrange(500)}",
                        "memo": "",
                        "category": category,
                        "original_payee": "",
                        "category_source": "user",
                        "cleared": True,
                    }
                )
            )
        for start in range(0, len(rows), 5000):
            uow.s.execute(insert(Transaction), rows[start : start + 5000])
        uow.commit()


def test_month_summary_latency(tmp_path: Path) -> None:
    count = 100_000 if full_size() else 10_000
    store = open_store(tmp_path / "finance.sqlite3")
    seed_seconds = timed(lambda: seed(store, count))
    services = Services(store, "UTC")
    for category in ("groceries", "rent", "fun", "transport"):
        services.finance.set_budget(category, "500", MONTH)
        services.finance.set_budget(category, "500", month_bounds(MONTH - timedelta(days=1))[0])
    summary = services.finance_insight.month(MONTH)  # warm the page cache
    assert summary.expenses > 0
    assert len(summary.budgets) == 4
    assert all(b.rollover != 0 for b in summary.budgets)

    first, following = month_bounds(MONTH)
    raw = sqlite3.connect(store.path)
    owner = store.user_id.hex  # how SQLAlchemy's Uuid type stores it in SQLite
    service_ms: list[float] = []
    raw_ms: list[float] = []
    in_month = 0
    for _ in range(30):
        started = time.perf_counter()
        services.finance_insight.month(MONTH)
        service_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        in_month = raw.execute(
            "SELECT count(*) FROM transactions WHERE owner_id = ? AND date >= ? AND date < ?",
            (owner, first.isoformat(), following.isoformat()),
        ).fetchone()[0]
        raw_ms.append((time.perf_counter() - started) * 1000)
    raw.close()
    store.close()
    assert in_month > 0
    report(
        "finance_summary",
        transactions=count,
        in_month=in_month,
        seed_s=seed_seconds,
        p50_ms=median(service_ms),
        p95_ms=percentile(service_ms, 0.95),
        baseline_count_ms=median(raw_ms),
        ratio=median(service_ms) / max(median(raw_ms), 1e-6),
        target_ms=50,
    )
