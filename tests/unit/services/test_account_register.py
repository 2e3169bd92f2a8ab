"""Running balances: the balance after each transaction of an account, newest first."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import update

from desktop.core.errors import NotFoundError, UserError
from desktop.core.money import to_decimal
from desktop.services.container import Services
from desktop.services.finance import TransactionDraft
from desktop.services.splits import SplitPart
from desktop.store.models import Account
from desktop.store.profile import Store
from tests.conftest import FakeClock

MARCH = date(2026, 3, 1)


@pytest.fixture
def ledger(services: Services, store: Store, clock: FakeClock) -> list[tuple[date, int]]:
    """120 random transactions in 'Checking' (opening balance 250.00), several a day, plus
    noise in another account; returns (date, minor) in the order they were entered."""
    services.finance.add_account("Checking", currency="EUR")
    services.finance.add_account("Other", currency="EUR")
    with store.unit_of_work() as uow:
        uow.s.execute(
            update(Account).where(Account.name == "Checking").values(opening_balance_minor=25000)
        )
        uow.commit()
    rng = random.Random(9)
    entered = []
    for i in range(120):
        day = date(2026, 1, 1) + timedelta(days=rng.randrange(90))
        minor = rng.choice((-1, -1, 1)) * rng.randrange(1, 20000)
        clock.advance(seconds=1)  # created_at orders transactions of one day
        services.finance.add_transaction(
            TransactionDraft(f"{minor / 100:.2f}", f"Payee {i}", day, account="Checking")
        )
        entered.append((day, minor))
        if i % 10 == 0:
            services.finance.add_transaction(TransactionDraft("-1", "Noise", day, account="Other"))
    return entered


def expected_balances(entered: list[tuple[date, int]], opening: int = 25000) -> list[Decimal]:
    """Brute force: sort oldest first (date, then entry order), add up, newest first."""
    ordered = sorted(enumerate(entered), key=lambda item: (item[1][0], item[0]))
    running, out = opening, []
    for _, (_, minor) in ordered:
        running += minor
        out.append(to_decimal(running, "EUR"))
    return out[::-1]


def test_every_balance_is_the_opening_plus_everything_up_to_it(
    services: Services, ledger: list[tuple[date, int]]
) -> None:
    rows = services.account_register.account_register("checking")

    assert len(rows) == 120
    assert [r.balance for r in rows] == expected_balances(ledger)
    assert rows[0].balance == next(
        a.balance for a in services.finance.accounts() if a.name == "Checking"
    )
    assert [r.date for r in rows] == sorted((r.date for r in rows), reverse=True)
    assert all(r.account == "Checking" and r.currency == "EUR" for r in rows)


def test_the_latest_rows_and_a_month(services: Services, ledger: list[tuple[date, int]]) -> None:
    everything = services.account_register.account_register("Checking")

    latest = services.account_register.account_register("Checking", limit=7)
    march = services.account_register.account_register("Checking", month=MARCH, limit=500)

    assert latest == everything[:7]
    in_march = [r for r in everything if r.date >= MARCH]
    assert march == in_march
    assert march  # the random days reach into March


def test_transfers_and_splits_are_in_the_register(
    services: Services, ledger: list[tuple[date, int]]
) -> None:
    before = services.account_register.account_register("Checking", limit=1)[0].balance
    services.transfers.transfer("10", "Other", "Checking", date(2026, 4, 1))
    tx = services.finance.add_transaction(
        TransactionDraft("-4", "Split shop", date(2026, 4, 2), account="Checking")
    ).value
    services.splits.split(str(tx.id), [SplitPart("a", "-1"), SplitPart("b", "-3")])

    newest, transfer = services.account_register.account_register("Checking", limit=2)

    assert transfer.transfer_peer_id is not None
    assert transfer.balance == before + Decimal("10.00")
    assert [p.category for p in newest.splits] == ["a", "b"]
    assert newest.balance == before + Decimal("6.00")


def test_bad_requests(services: Services, ledger: list[tuple[date, int]]) -> None:
    with pytest.raises(NotFoundError, match="no account named 'Nope'"):
        services.account_register.account_register("Nope")
    with pytest.raises(UserError, match="at least 1"):
        services.account_register.account_register("Checking", limit=0)
    assert services.account_register.account_register("Checking", month=date(2020, 1, 1)) == []
