"""FinanceInsightService: budget rollover, projection, alerts, recurring payments, CSV export."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop.services.container import Services
from desktop.services.finance import TransactionDraft
from desktop.store.models import Transaction
from desktop.store.profile import Store

# The fixed clock says 2026-03-04 (Berlin): March is the current month, 4 of 31 days gone.
FEBRUARY = date(2026, 2, 1)
MARCH = date(2026, 3, 1)
APRIL = date(2026, 4, 1)


def spend(services: Services, amount: str, payee: str, day: date, category: str = "") -> None:
    services.finance.add_transaction(
        TransactionDraft(amount=amount, payee=payee, date=day, category=category)
    )


@pytest.fixture
def euro(services: Services) -> Services:
    services.finance.add_account("Checking", currency="EUR")
    return services


def budgets_by_category(services: Services, month: date) -> dict[str, object]:
    return {b.category: b for b in services.finance_insight.month(month).budgets}


def test_rollover_of_what_was_left_and_overspent(euro: Services) -> None:
    euro.finance.set_budget("groceries", "300", FEBRUARY)
    euro.finance.set_budget("fun", "100", FEBRUARY)
    spend(euro, "-250", "Rewe", date(2026, 2, 10), "groceries")  # 50 left
    spend(euro, "-130", "Cinema", date(2026, 2, 12), "Fun")  # 30 over (any case)
    euro.finance.set_budget("groceries", "300", MARCH)
    euro.finance.set_budget("fun", "100", MARCH)
    euro.finance.set_budget("books", "40", MARCH)  # no budget in February
    spend(euro, "-20", "Rewe", date(2026, 3, 2), "groceries")

    march = euro.finance_insight.month(MARCH)
    by = {b.category: b for b in march.budgets}
    assert (by["groceries"].rollover, by["groceries"].available) == (
        Decimal("50.00"),
        Decimal("350.00"),
    )
    assert by["groceries"].remaining == Decimal("330.00")
    assert (by["fun"].rollover, by["fun"].available) == (Decimal("-30.00"), Decimal("70.00"))
    assert by["books"].rollover == Decimal("0.00")
    assert by["books"].available == Decimal("40.00")
    # The summary's own fields are all still there, unchanged.
    plain = euro.finance.summary(MARCH)
    assert (march.income, march.expenses, march.net) == (plain.income, plain.expenses, plain.net)
    assert march.by_category == plain.by_category
    assert [b.category for b in march.budgets] == [b.category for b in plain.budgets]
    assert [b.budget for b in march.budgets] == [b.budget for b in plain.budgets]


def test_rollover_chains_one_month_only(euro: Services) -> None:
    january = date(2026, 1, 1)
    euro.finance.set_budget("fun", "100", january)
    spend(euro, "-400", "Trip", date(2026, 1, 5), "fun")  # 300 over in January
    euro.finance.set_budget("fun", "100", FEBRUARY)
    spend(euro, "-60", "Cinema", date(2026, 2, 5), "fun")  # 40 left of February's own 100
    euro.finance.set_budget("fun", "100", MARCH)

    february = budgets_by_category(euro, FEBRUARY)["fun"]
    assert february.rollover == Decimal("-300.00")  # type: ignore[attr-defined]
    march = budgets_by_category(euro, MARCH)["fun"]
    # February's rollover is not carried again: only its own budget minus its spending.
    assert march.rollover == Decimal("40.00")  # type: ignore[attr-defined]


def test_projection_for_current_past_and_future_months(euro: Services) -> None:
    euro.finance.set_budget("groceries", "1000", MARCH)
    euro.finance.set_budget("groceries", "1000", FEBRUARY)
    spend(euro, "-40", "Rewe", date(2026, 3, 1), "groceries")
    spend(euro, "-20", "Rewe", date(2026, 3, 4), "groceries")
    spend(euro, "-280", "Rewe", date(2026, 2, 20), "groceries")

    march = euro.finance_insight.month(MARCH)
    assert (march.days_elapsed, march.days_in_month) == (4, 31)
    # 60 spent in 4 of 31 days: 60 / 4 * 31 = 465.
    assert march.budgets[0].projected == Decimal("465.00")
    assert march.projected_spending == Decimal("465.00")
    february = euro.finance_insight.month(FEBRUARY)
    assert (february.days_elapsed, february.budgets[0].projected) == (28, Decimal("280.00"))
    assert february.projected_spending == february.expenses
    april = euro.finance_insight.month(APRIL)
    assert (april.days_elapsed, april.projected_spending) == (0, Decimal("0.00"))


def test_alerts_at_80_and_100_percent(euro: Services) -> None:
    for name in ("rent", "food", "fun", "books"):
        euro.finance.set_budget(name, "100", MARCH)
    spend(euro, "-100", "Landlord", date(2026, 3, 1), "rent")  # exactly 100 %
    spend(euro, "-80", "Rewe", date(2026, 3, 2), "food")  # exactly 80 %
    spend(euro, "-79.99", "Cinema", date(2026, 3, 2), "fun")  # just under 80 %
    spend(euro, "-120", "Books", date(2026, 3, 3), "books")  # over

    march = euro.finance_insight.month(MARCH)
    assert [(a.category, a.level) for a in march.alerts] == [
        ("books", 100),
        ("rent", 100),
        ("food", 80),
    ]
    by = {b.category: b for b in march.budgets}
    assert (by["fun"].alert, by["fun"].used_percent) == (None, 80.0)  # 79.99 rounds for show
    assert by["books"].used_percent == 120.0
    assert "over" in march.alerts[0].message


def test_rollover_that_ate_the_budget_alerts(euro: Services) -> None:
    euro.finance.set_budget("fun", "100", FEBRUARY)
    spend(euro, "-250", "Trip", date(2026, 2, 5), "fun")
    euro.finance.set_budget("fun", "100", MARCH)

    fun = euro.finance_insight.month(MARCH).budgets[0]
    assert (fun.available, fun.used_percent, fun.alert) == (Decimal("-50.00"), None, 100)


def test_other_currencies_do_not_mix(euro: Services) -> None:
    euro.finance.add_account("Dollars", currency="USD")
    euro.finance.set_budget("food", "100", MARCH)
    spend(euro, "-50", "Rewe", date(2026, 3, 2), "food")
    euro.finance.add_transaction(
        TransactionDraft("-500", "Diner", date(2026, 3, 2), account="Dollars", category="food")
    )
    march = euro.finance_insight.month(MARCH)
    assert march.budgets[0].spent == Decimal("50.00")
    assert march.other_currencies == ("USD",)


# -- CSV export ------------------------------------------------------------------------


def test_export_csv_round_trips_through_the_csv_module(euro: Services, store: Store) -> None:
    spend(euro, "-12.50", 'Café "Zur Post", Berlin', date(2026, 3, 2), "coffee")
    spend(euro, "2500", "Employer", date(2026, 3, 1), "salary")
    spend(euro, "-3", "Kiosk", date(2026, 2, 27))
    with store.unit_of_work() as uow:
        tx = uow.s.scalars(select(Transaction).where(Transaction.payee == "Kiosk")).one()
        tx.memo = "line one\nline two"
        tx.original_payee = "KIOSK 123 BERLIN"
        uow.commit()

    march = euro.finance_insight.export_csv(MARCH)
    assert march.count == 2
    assert march.month == "2026-03"
    assert march.text.endswith("\r\n")
    rows = list(csv.DictReader(io.StringIO(march.text, newline="")))
    assert [(r["date"], r["payee"], r["amount"], r["currency"]) for r in rows] == [
        ("2026-03-01", "Employer", "2500.00", "EUR"),
        ("2026-03-02", 'Café "Zur Post", Berlin', "-12.50", "EUR"),
    ]
    assert rows[1]["category"] == "coffee"
    assert rows[1]["account"] == "Checking"

    everything = euro.finance_insight.export_csv(None)
    all_rows = list(csv.DictReader(io.StringIO(everything.text, newline="")))
    assert everything.count == 3
    assert len(all_rows) == 3
    assert all_rows[0]["memo"] == "line one\nline two"
    assert all_rows[0]["original_payee"] == "KIOSK 123 BERLIN"
    assert list(all_rows[0]) == [
        "date",
        "account",
        "payee",
        "original_payee",
        "memo",
        "category",
        "amount",
        "currency",
    ]


def test_export_leaves_out_deleted_transactions(euro: Services) -> None:
    spend(euro, "-1", "Kept", date(2026, 3, 1))
    gone = euro.finance.add_transaction(TransactionDraft("-2", "Gone", date(2026, 3, 1))).value
    euro.finance.delete_transaction(str(gone.id))
    text = euro.finance_insight.export_csv(MARCH).text
    assert "Kept" in text
    assert "Gone" not in text


# -- recurring payments ----------------------------------------------------------------


def test_recurring_payments_from_the_store(euro: Services, store: Store) -> None:
    today = date(2026, 3, 4)
    monthly = [date(2025, m, 15) for m in range(4, 13)] + [date(2026, 1, 15), date(2026, 2, 15)]
    for day in monthly:
        spend(euro, "-12.99", "Netflix", day, "subscriptions")
    weekly = [today - timedelta(days=7 * k) for k in range(1, 9)]
    for day in weekly:
        spend(euro, "-25", "Gym Weekly", day)
    with store.unit_of_work() as uow:  # the bank's raw text differs each time
        rows = uow.s.scalars(select(Transaction).where(Transaction.payee == "Netflix")).all()
        for index, tx in enumerate(rows):
            tx.original_payee = f"NETFLIX.COM {4029357733 + index}"
        uow.commit()
    spend(euro, "-80", "Random Shop", date(2026, 1, 3))
    spend(euro, "-17", "Random Shop", date(2026, 2, 21))

    found = {r.payee: r for r in euro.finance_insight.recurring()}
    netflix = next(r for name, r in found.items() if "netflix" in name.lower())
    assert netflix.amount == Decimal("-12.99")
    assert netflix.currency == "EUR"
    assert netflix.interval == "monthly"
    assert netflix.next_date == date(2026, 3, 15)
    assert netflix.occurrences == len(monthly)
    gym = next(r for name, r in found.items() if "gym" in name.lower())
    assert gym.interval == "weekly"
    assert gym.next_date == weekly[0] + timedelta(days=7)
    assert not any("random" in name.lower() for name in found)
