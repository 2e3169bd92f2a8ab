"""Split transactions: parts that add up exactly, counted by category in summaries and budgets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop.core.errors import UserError
from desktop.services.container import Services
from desktop.services.finance import TransactionDraft
from desktop.services.finance_edits import FinanceEdits, TransactionEdit
from desktop.services.splits import SplitPart, parse_part

MARCH = date(2026, 3, 1)


@pytest.fixture
def shop(services: Services) -> tuple[Services, str]:
    """A EUR account with one 100.00 supermarket payment (category 'shopping')."""
    services.finance.add_account("Checking", currency="EUR")
    tx = services.finance.add_transaction(
        TransactionDraft("-100", "Supermarket", date(2026, 3, 2), category="shopping")
    ).value
    services.finance.add_transaction(
        TransactionDraft("-20", "Bakery", date(2026, 3, 3), category="Groceries")
    )
    return services, str(tx.id)


PARTS = [
    SplitPart("groceries", "-60", "food"),
    SplitPart("household", "-30.50"),
    SplitPart("", "-9.50"),
]


def test_the_summary_counts_the_parts_instead_of_the_whole(shop: tuple[Services, str]) -> None:
    services, tx = shop
    before = services.finance.summary(MARCH)
    assert before.by_category == {"shopping": Decimal("100.00"), "Groceries": Decimal("20.00")}

    view = services.splits.split(tx, PARTS).value

    assert [(p.category, p.amount, p.memo) for p in view.splits] == [
        ("groceries", Decimal("-60.00"), "food"),
        ("household", Decimal("-30.50"), ""),
        ("", Decimal("-9.50"), ""),
    ]
    after = services.finance.summary(MARCH)
    # Categories compare without case: the first spelling names the group.
    assert after.by_category == {
        "Groceries": Decimal("80.00"),
        "household": Decimal("30.50"),
        "uncategorized": Decimal("9.50"),
    }
    assert (after.income, after.expenses) == (before.income, before.expenses)
    assert sum(after.by_category.values()) == after.expenses


def test_budgets_spent_use_the_parts(shop: tuple[Services, str]) -> None:
    services, tx = shop
    services.finance.set_budget("groceries", "100", MARCH)
    services.finance.set_budget("shopping", "100", MARCH)

    services.splits.split(tx, PARTS)

    spent = {b.category: b.spent for b in services.finance.budgets(MARCH)}
    assert spent == {"groceries": Decimal("80.00"), "shopping": Decimal("0.00")}
    insight = {b.category: b.spent for b in services.finance_insight.month(MARCH).budgets}
    assert insight == spent


def test_parts_must_add_up_exactly(shop: tuple[Services, str]) -> None:
    services, tx = shop
    with pytest.raises(
        UserError,
        match=r"add up to -99.00 EUR but the transaction is -100.00 EUR: a difference of -1.00",
    ):
        services.splits.split(tx, [SplitPart("a", "-60"), SplitPart("b", "-39")])
    assert services.finance.transactions(category="shopping")[0].splits == ()


@pytest.mark.parametrize(
    ("parts", "words"),
    [
        ([SplitPart("a", "-100")], "at least two parts"),
        ([SplitPart("a", "-100"), SplitPart("b", "0")], "part 2: a part cannot be 0"),
        ([SplitPart("a", "-99.999"), SplitPart("b", "-0.001")], "part 1: .* more than 2 decimals"),
        ([SplitPart("a", "x"), SplitPart("b", "-100")], "part 1: 'x' is not an amount"),
        ([SplitPart("a" * 101, "-50"), SplitPart("b", "-50")], "category of part 1 is longer"),
    ],
)
def test_bad_parts_are_refused(
    shop: tuple[Services, str], parts: list[SplitPart], words: str
) -> None:
    services, tx = shop
    with pytest.raises(UserError, match=words):
        services.splits.split(tx, parts)


def test_splitting_again_replaces_and_clear_removes(shop: tuple[Services, str]) -> None:
    services, tx = shop
    services.splits.split(tx, PARTS)
    again = services.splits.split(tx, [SplitPart("fun", "-50"), SplitPart("food", "-50")]).value
    assert [p.category for p in again.splits] == ["fun", "food"]
    assert services.finance.summary(MARCH).by_category["fun"] == Decimal("50.00")

    cleared = services.splits.split(tx, []).value

    assert cleared.splits == ()
    assert services.finance.summary(MARCH).by_category == {
        "shopping": Decimal("100.00"),
        "Groceries": Decimal("20.00"),
    }
    with pytest.raises(UserError, match="not split; there is nothing to clear"):
        services.splits.split(tx, [])
    with pytest.raises(UserError, match="give the parts"):
        services.splits.split(tx, [], clear=False)


def test_a_split_amount_is_kept_and_a_transfer_cannot_be_split(
    shop: tuple[Services, str],
) -> None:
    services, tx = shop
    services.splits.split(tx, PARTS)
    edits = FinanceEdits(services.ctx)
    with pytest.raises(UserError, match=r"split into parts .* --clear"):
        edits.update_transaction(tx, TransactionEdit(amount="-120"))
    edits.update_transaction(tx, TransactionEdit(payee="Big supermarket", amount="-100"))

    services.finance.add_account("Savings", currency="EUR")
    move = services.transfers.transfer("5", "Checking", "Savings").value
    with pytest.raises(UserError, match="transfer between your accounts"):
        services.splits.split(str(move.outgoing.id), PARTS)
    with pytest.raises(UserError, match="split into categories; clear the split first"):
        services.transfers.link_transfer(tx, str(move.incoming.id))


def test_split_transactions_get_no_category_suggestion_and_delete_with_their_parts(
    shop: tuple[Services, str],
) -> None:
    services, tx = shop
    services.finance.add_transaction(TransactionDraft("-3", "Kiosk", date(2026, 3, 4)))
    services.finance.add_transaction(TransactionDraft("-44", "Market", date(2026, 3, 4)))
    market = services.finance.transactions(category="")
    market_id = str(next(t.id for t in market if t.payee == "Market"))
    services.splits.split(market_id, [SplitPart("", "-40"), SplitPart("food", "-4")])
    services.splits.split(tx, PARTS)

    suggested = {s.payee for s in services.categorize.suggestions()}
    assert "Market" not in suggested
    assert services.categorize.apply().value.uncategorised == 1  # the kiosk only

    assert FinanceEdits(services.ctx).delete_transaction(tx).value == 1
    assert "household" not in services.finance.summary(MARCH).by_category


def test_transaction_lists_carry_their_parts(shop: tuple[Services, str]) -> None:
    services, tx = shop
    services.splits.split(tx, PARTS)

    listed = {str(t.id): t for t in services.finance.transactions(month=MARCH)}
    limited = services.finance.transactions(limit=1)

    assert len(listed[tx].splits) == 3
    assert all(t.splits == () for key, t in listed.items() if key != tx)
    assert limited[0].payee == "Bakery"
    assert limited[0].splits == ()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("food=-12.50", SplitPart("food", "-12.50")),
        (" eating out = -3 = tip ", SplitPart("eating out", "-3", "tip")),
        ("=-1", SplitPart("", "-1")),
    ],
)
def test_parse_part(text: str, part: SplitPart) -> None:
    assert parse_part(text) == part


@pytest.mark.parametrize("text", ["food", "food=", "food= "])
def test_parse_part_refuses_what_has_no_amount(text: str) -> None:
    with pytest.raises(UserError, match="CATEGORY=AMOUNT"):
        parse_part(text)
