"""Running balances and the month summary with splits, transfers and a converted currency.

Target (issue 9): the latest 200 rows of a 100k-transaction account with their running
balances in < 50 ms, and a month summary in <= 50 ms (full size, ATRIUM_BENCH_SIZE=full;
small by default: 10k). Baselines, measured in the same run on the same file through
plain sqlite3: the latest 200 rows without balances (ORDER BY date DESC LIMIT 200), and
a bare count of the month's rows.
"""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from desktop.core.ids import new_id
from desktop.services.container import Services
from desktop.services.finance import TransactionDraft, month_bounds
from desktop.store.models import Transaction, TransactionSplit
from desktop.store.profile import Store, open_store
from tests.bench.benchutil import full_size, median, percentile, report
from tests.bench.test_bench_finance_summary import MONTH, seed

pytestmark = pytest.mark.bench


def add_splits_transfers_and_dollars(services: Services, store: Store) -> None:
    """Split 300 of the month's payments in two, 20 transfers, 200 USD payments and a rate."""
    first, following = month_bounds(MONTH)
    with store.unit_of_work() as uow:
        payments = uow.s.execute(
            select(Transaction.id, Transaction.amount_minor)
            .where(Transaction.date >= first, Transaction.date < following)
            .where(Transaction.amount_minor < -1)
            .limit(300)
        ).all()
        rows = []
        for tx_id, amount in payments:
            half = amount // 2
            for position, (category, part) in enumerate((("food", half), ("fun", amount - half))):
                rows.append(
                    uow.stamp_insert(
                        {
                            "id": new_id(),
                            "transaction_id": tx_id,
                            "position": position,
                            "category": category,
                            "amount_minor": part,
                            "memo": "",
                        }
                    )
                )
        uow.s.execute(insert(TransactionSplit), rows)
        uow.commit()
    services.finance.add_account("Savings", currency="EUR")
    services.finance.add_account("Card", currency="USD")
    rng = random.Random(4)
    for day in range(1, 21):
        services.transfers.transfer("100", "Checking", "Savings", MONTH.replace(day=day))
    for _ in range(200):
        services.finance.add_transaction(
            TransactionDraft(
                f"-{rng.randint(1, 9999) / 100:.2f}",
                "Shop",
                MONTH.replace(day=rng.randint(1, 28)),
                account="Card",
                category="travel",
            )
        )
    services.exchange_rates.set_rate("USD", "0.92", MONTH)


def test_register_and_summary_latency(tmp_path: Path) -> None:
    count = 100_000 if full_size() else 10_000
    store = open_store(tmp_path / "ledger.sqlite3")
    seed(store, count)
    services = Services(store, "UTC")
    add_splits_transfers_and_dollars(services, store)
    register = services.account_register.account_register
    latest = register("Checking", limit=200)
    assert len(latest) == 200
    assert latest[0].balance == next(
        a.balance for a in services.finance.accounts() if a.name == "Checking"
    )
    summary = services.finance_insight.month(MONTH)
    assert summary.converted
    assert summary.by_category["food"] > 0

    raw = sqlite3.connect(store.path)
    owner = store.user_id.hex
    first, following = month_bounds(MONTH)
    register_ms: list[float] = []
    baseline_ms: list[float] = []
    summary_ms: list[float] = []
    count_ms: list[float] = []
    for _ in range(30):
        started = time.perf_counter()
        register("Checking", limit=200)
        register_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        raw.execute(
            "SELECT * FROM transactions WHERE owner_id = ? AND account_id = ? "
            "AND deleted_hlc IS NULL ORDER BY date DESC LIMIT 200",
            (owner, latest[0].account_id.hex),
        ).fetchall()
        baseline_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        services.finance_insight.month(MONTH)
        summary_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        raw.execute(
            "SELECT count(*) FROM transactions WHERE owner_id = ? AND date >= ? AND date < ?",
            (owner, first.isoformat(), following.isoformat()),
        ).fetchone()
        count_ms.append((time.perf_counter() - started) * 1000)
    raw.close()
    store.close()
    report(
        "ledger_register",
        transactions=count,
        p50_ms=median(register_ms),
        p95_ms=percentile(register_ms, 0.95),
        baseline_latest_200_ms=median(baseline_ms),
        ratio=median(register_ms) / max(median(baseline_ms), 1e-6),
        target_ms=50,
    )
    report(
        "ledger_summary",
        transactions=count,
        p50_ms=median(summary_ms),
        p95_ms=percentile(summary_ms, 0.95),
        baseline_count_ms=median(count_ms),
        ratio=median(summary_ms) / max(median(count_ms), 1e-6),
        target_ms=50,
    )
