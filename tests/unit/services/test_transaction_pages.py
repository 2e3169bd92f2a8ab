"""Pages of all transactions by keyset: a total newest-first order, filters, index-backed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from desktop.core.errors import UserError
from desktop.services.container import Services
from desktop.services.finance import TransactionDraft, TransactionView
from desktop.services.splits import SplitPart
from desktop.services.transaction_pages import TransactionPage, TransactionPages
from tests.conftest import FakeClock

START = date(2026, 1, 1)


@pytest.fixture
def ledger(services: Services, clock: FakeClock) -> list[str]:
    """41 payees over 2 accounts; several per day, some created in the same instant."""
    services.finance.add_account("Checking", currency="EUR")
    services.finance.add_account("Card", currency="EUR", kind="credit")
    payees = []
    for n in range(41):
        if n % 3:  # every third one shares its creation instant with the one before
            clock.advance(seconds=1)
        category = ("groceries", "Groceries", "rent", "")[n % 4]
        account = "Card" if n % 5 == 0 else "Checking"
        day = START + timedelta(days=n // 4)
        services.finance.add_transaction(
            TransactionDraft(f"-{n + 1}", f"P{n}", day, account, category)
        )
        payees.append(f"P{n}")
    return payees


def read_all(pages: TransactionPages, size: int, **filters: Any) -> list[TransactionView]:
    """Every row, page after page, checking each page's promise of more."""
    rows: list[TransactionView] = []
    page = pages.page(limit=size, **filters)
    while True:
        rows.extend(page.rows)
        assert len(page.rows) <= size
        if not page.more:
            return rows
        assert len(page.rows) == size
        page = pages.page(after=page.after, limit=size, **filters)


def test_pages_follow_one_total_order_without_gaps_or_repeats(
    services: Services, ledger: list[str]
) -> None:
    pages = TransactionPages(services.ctx)
    whole = services.finance.transactions()  # one query, date then id
    expected = sorted(whole, key=lambda t: (t.date, t.id), reverse=True)

    for size in (1, 4, 7, 41, 200):
        assert [t.payee for t in read_all(pages, size)] == [t.payee for t in expected]
    assert sorted(t.payee for t in expected) == sorted(ledger)


def test_the_order_within_a_day_is_by_creation_then_id(
    services: Services, clock: FakeClock
) -> None:
    services.finance.add_account("Checking", currency="EUR")
    day = date(2026, 2, 2)
    for payee in ("first", "second", "third"):
        clock.advance(seconds=5)
        services.finance.add_transaction(TransactionDraft("-1", payee, day))
    clock.current -= timedelta(seconds=60)  # created earlier, on the same day
    services.finance.add_transaction(TransactionDraft("-1", "backdated", day))
    pages = TransactionPages(services.ctx)
    assert [t.payee for t in read_all(pages, 1)] == ["third", "second", "first", "backdated"]


def test_filters_category_without_case_and_account(services: Services, ledger: list[str]) -> None:
    pages = TransactionPages(services.ctx)
    whole = services.finance.transactions()

    groceries = read_all(pages, 3, category="GROCERIES")
    assert {t.category for t in groceries} == {"groceries", "Groceries"}
    assert len(groceries) == sum(1 for t in whole if t.category.lower() == "groceries")
    card = services.finance.accounts()[0]
    assert card.name == "Card"
    on_card = read_all(pages, 2, account_id=str(card.id))
    assert {t.account for t in on_card} == {"Card"}
    assert len(on_card) == sum(1 for t in whole if t.account == "Card")
    both = read_all(pages, 2, account_id=str(card.id), category="rent")
    assert [t.payee for t in both] == [t.payee for t in on_card if t.category == "rent"]
    blank = read_all(pages, 50, category="")
    assert blank
    assert {t.category for t in blank} == {""}
    assert pages.page(category="nothing like it") == TransactionPage((), None, False)
    assert pages.categories() == ["Groceries", "groceries", "rent"]


def test_deleted_rows_and_their_categories_are_gone_and_splits_come_along(
    services: Services, ledger: list[str]
) -> None:
    pages = TransactionPages(services.ctx)
    lonely = services.finance.add_transaction(
        TransactionDraft("-9", "Once", START, category="travel")
    ).value
    assert "travel" in pages.categories()
    services.finance.delete_transaction(str(lonely.id))
    assert "travel" not in pages.categories()
    assert "Once" not in {t.payee for t in read_all(pages, 10)}

    newest = pages.page(limit=1).rows[0]
    services.splits.split(
        str(newest.id), [SplitPart("food", f"{newest.amount + 1}"), SplitPart("fun", "-1")]
    )
    again = pages.page(limit=1).rows[0]
    assert [(p.category, p.amount) for p in again.splits] == [
        ("food", newest.amount + 1),
        ("fun", -1),
    ]


def test_bad_arguments_get_clear_messages(services: Services) -> None:
    pages = TransactionPages(services.ctx)
    with pytest.raises(UserError, match="not an account id"):
        pages.page(account_id="Checking")
    with pytest.raises(UserError, match="at least one"):
        pages.page(limit=0)


@pytest.fixture
def statements(services: Services) -> Iterator[list[tuple[str, Any]]]:
    """The SELECTs on transactions that run while the test reads pages."""
    seen: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, sql: str, params: Any, _ctx: Any, _many: bool) -> None:
        if sql.lstrip().upper().startswith("SELECT") and "FROM transactions" in sql:
            seen.append((sql, params))

    engine = services.ctx.store.engine
    event.listen(engine, "before_cursor_execute", capture)
    yield seen
    event.remove(engine, "before_cursor_execute", capture)


def test_every_page_query_is_served_by_an_index(
    services: Services, ledger: list[str], statements: list[tuple[str, Any]]
) -> None:
    pages = TransactionPages(services.ctx)
    card = str(services.finance.accounts()[0].id)
    first = pages.page(limit=5)
    pages.page(after=first.after, limit=5)
    pages.page(category="rent", limit=5)
    pages.page(account_id=card, limit=5)
    pages.categories()
    assert len(statements) >= 5

    raw = sqlite3.connect(services.ctx.store.path)
    try:
        for sql, params in statements:
            plan = [row[-1] for row in raw.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
            on_transactions = [step for step in plan if " transactions " in f"{step} "]
            assert on_transactions, plan
            for step in on_transactions:
                assert step.startswith("SEARCH transactions USING"), (sql, plan)
    finally:
        raw.close()
