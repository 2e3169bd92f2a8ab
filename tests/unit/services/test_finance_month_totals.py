"""Month totals for charts: one query, the same income and expenses as each month's summary."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from desktop.services.container import Services
from desktop.services.finance import TransactionDraft


def test_month_totals_match_the_summaries(services: Services) -> None:
    services.finance.add_account("Main", currency="EUR")
    services.finance.add_account("Travel", currency="USD")
    rng = random.Random(3)
    for i in range(300):
        day = date(2025, 9, 1) + timedelta(days=rng.randrange(200))
        amount = f"{rng.choice((-1, -1, -1, 1)) * rng.randrange(1, 50000) / 100:.2f}"
        account = "Travel" if i % 10 == 0 else "Main"  # another currency, left out
        services.finance.add_transaction(
            TransactionDraft(amount=amount, payee=f"Shop {i % 7}", date=day, account=account)
        )

    totals = services.finance.month_totals(date(2025, 8, 1), date(2026, 4, 1))

    assert [t.month for t in totals][:3] == ["2025-08", "2025-09", "2025-10"]
    assert len(totals) == 9
    for total in totals:
        first = date.fromisoformat(total.month + "-01")
        full = services.finance.summary(first)
        assert (total.income, total.expenses, total.net) == (full.income, full.expenses, full.net)
        assert total.currency == "EUR"
    assert totals[0].expenses == Decimal("0.00")  # August has no transactions
