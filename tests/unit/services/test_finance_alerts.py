"""FinanceAlertService: budget alerts at 80 % and 100 % of what is available, each shown once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop.services.container import Services
from desktop.services.finance import TransactionDraft
from desktop.services.finance_alerts import ANNOUNCED_PREFIX, money_text
from desktop.store.models import AppMeta
from desktop.store.profile import Store
from tests.conftest import FakeClock

# The fixed clock says 2026-03-04 (Berlin): 28 days of March are left, today included.
FEBRUARY = date(2026, 2, 1)
MARCH = date(2026, 3, 1)
APRIL = date(2026, 4, 1)


def spend(services: Services, amount: str, day: date, category: str = "Groceries") -> None:
    services.finance.add_transaction(
        TransactionDraft(amount=amount, payee="Rewe", date=day, category=category)
    )


@pytest.fixture
def euro(services: Services) -> Services:
    services.finance.add_account("Checking", currency="EUR")
    services.finance.set_budget("Groceries", "500", MARCH)
    return services


def stored(store: Store) -> dict[str, str]:
    with store.read() as session:
        rows = session.execute(
            select(AppMeta.key, AppMeta.value).where(AppMeta.key.startswith(ANNOUNCED_PREFIX))
        ).all()
    return {str(key): str(value) for key, value in rows}


def test_passing_80_percent_alerts_once_with_the_amounts_and_days_left(euro: Services) -> None:
    spend(euro, "-420", date(2026, 3, 2))
    alerts = euro.finance_alerts

    [notice] = alerts.due_alerts()
    assert notice.text == "Groceries budget: 84 % used (€420 of €500), €80 left for 28 days"
    assert (notice.level, notice.month, notice.days_left) == (80, "2026-03", 28)
    assert (notice.spent, notice.available) == (Decimal("420.00"), Decimal("500.00"))

    assert alerts.mark_announced([notice]) == [notice]
    assert alerts.due_alerts() == []
    assert alerts.mark_announced([notice]) == []  # a second run that found it too: not again
    spend(euro, "-10", date(2026, 3, 3))  # still between 80 and 100: nothing new
    assert alerts.due_alerts() == []


def test_passing_100_percent_alerts_again_once(euro: Services) -> None:
    spend(euro, "-400", date(2026, 3, 2))
    assert [n.level for n in euro.finance_alerts.take_due()] == [80]
    spend(euro, "-120", date(2026, 3, 3))

    [over] = euro.finance_alerts.take_due()
    assert over.level == 100
    assert over.text == "Groceries budget: 104 % used (€520 of €500), €20 over with 28 days to go"
    assert euro.finance_alerts.take_due() == []


def test_jumping_past_the_limit_alerts_once_and_covers_80(euro: Services) -> None:
    spend(euro, "-600", date(2026, 3, 2))
    assert [n.level for n in euro.finance_alerts.take_due()] == [100]
    assert euro.finance_alerts.due_alerts() == []
    assert '"groceries": 100' in stored(euro.store)[ANNOUNCED_PREFIX + "2026-03"]


def test_a_refund_and_a_second_crossing_stay_quiet(euro: Services) -> None:
    spend(euro, "-450", date(2026, 3, 2))
    assert len(euro.finance_alerts.take_due()) == 1
    spend(euro, "-150", date(2026, 3, 3), category="Fun")  # other categories do not count
    euro.finance.set_budget("Groceries", "1000", MARCH)  # back under 80 %
    assert euro.finance_alerts.due_alerts() == []
    euro.finance.set_budget("Groceries", "500", MARCH)  # over 80 % again
    assert euro.finance_alerts.due_alerts() == []


def test_the_rollover_counts_in_what_is_available(euro: Services) -> None:
    euro.finance.set_budget("Groceries", "500", FEBRUARY)
    spend(euro, "-300", date(2026, 2, 10))  # 200 rolls over: 700 available in March
    spend(euro, "-500", date(2026, 3, 2))  # 71 % of 700: no alert
    assert euro.finance_alerts.due_alerts() == []
    spend(euro, "-70", date(2026, 3, 3))  # 81 %
    [notice] = euro.finance_alerts.due_alerts()
    assert notice.available == Decimal("700.00")
    assert notice.text.startswith("Groceries budget: 81 % used (€570 of €700), €130 left")


def test_each_month_and_each_budget_alerts_for_itself(
    euro: Services, clock: FakeClock, store: Store
) -> None:
    euro.finance.set_budget("Fun", "100", MARCH)
    spend(euro, "-90", date(2026, 3, 2), category="fun")
    spend(euro, "-500", date(2026, 3, 2))
    march = euro.finance_alerts.take_due()
    assert [(n.category, n.level) for n in march] == [("Groceries", 100), ("Fun", 80)]

    clock.advance(days=30)  # 2026-04-03
    euro.finance.set_budget("Groceries", "500", APRIL)
    spend(euro, "-450", date(2026, 4, 2))
    [april] = euro.finance_alerts.take_due()
    assert (april.month, april.level, april.days_left) == ("2026-04", 80, 28)
    # A past month is asked about explicitly: already announced, nothing again.
    assert euro.finance_alerts.due_alerts(MARCH) == []
    assert set(stored(store)) == {ANNOUNCED_PREFIX + "2026-03", ANNOUNCED_PREFIX + "2026-04"}


def test_announcements_survive_a_restart_and_old_months_are_dropped(
    euro: Services, clock: FakeClock, store: Store
) -> None:
    spend(euro, "-450", date(2026, 3, 2))
    euro.finance_alerts.take_due()
    again = Services(store, "Europe/Berlin")  # a new app start over the same file
    assert again.finance_alerts.due_alerts() == []

    clock.advance(days=150)  # August: March is more than three months back
    again.finance.set_budget("Groceries", "10", date(2026, 8, 1))
    spend(again, "-9", date(2026, 8, 1))
    assert len(again.finance_alerts.take_due()) == 1
    assert set(stored(store)) == {ANNOUNCED_PREFIX + "2026-08"}


def test_an_unreadable_record_counts_as_nothing_announced(euro: Services, store: Store) -> None:
    spend(euro, "-450", date(2026, 3, 2))
    with store.unit_of_work() as uow:
        uow.s.add(AppMeta(key=ANNOUNCED_PREFIX + "2026-03", value="{not json"))
        uow.commit()
    assert [n.level for n in euro.finance_alerts.take_due()] == [80]
    assert euro.finance_alerts.due_alerts() == []


def test_a_budget_eaten_by_the_rollover_says_nothing_is_left(euro: Services) -> None:
    euro.finance.set_budget("Groceries", "100", FEBRUARY)
    spend(euro, "-150", date(2026, 2, 3))  # 50 over in February
    euro.finance.set_budget("Groceries", "50", MARCH)  # 0 available in March
    spend(euro, "-5", date(2026, 3, 2))
    [notice] = euro.finance_alerts.due_alerts()
    assert notice.level == 100
    assert notice.used_percent is None
    assert notice.text == (
        "Groceries budget: nothing left (€5 spent of €0), €5 over with 28 days to go"
    )
    euro.finance.set_budget("Groceries", "30", MARCH)  # 20 less than nothing available
    [notice] = euro.finance_alerts.due_alerts()
    assert notice.text == (
        "Groceries budget: nothing left after last month's overspending (€5 spent), "
        "€25 over with 28 days to go"
    )


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        ("420.00", "EUR", "€420"),
        ("12.99", "EUR", "€12.99"),
        ("-3.50", "USD", "-$3.50"),
        ("80", "CHF", "CHF 80"),
        ("1200", "JPY", "¥1200"),
    ],
)
def test_money_text(amount: str, currency: str, text: str) -> None:
    assert money_text(Decimal(amount), currency) == text
