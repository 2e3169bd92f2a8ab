"""Transfers between own accounts: two linked sides, left out of income and spending, kept in
balances; linking existing transactions; deleting and editing both sides together."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from desktop.core.errors import UserError
from desktop.services.actions.registry import default_catalog
from desktop.services.container import Services
from desktop.services.finance import TransactionDraft
from desktop.services.finance_edits import FinanceEdits, TransactionEdit
from desktop.services.ledger_totals import month_totals_query
from desktop.store.models import Transaction
from desktop.store.profile import Store

MARCH = date(2026, 3, 1)


def add(services: Services, amount: str, payee: str, account: str, day: int = 2, **kw: str) -> str:
    draft = TransactionDraft(amount=amount, payee=payee, date=date(2026, 3, day), account=account)
    for key, value in kw.items():
        setattr(draft, key, value)
    return str(services.finance.add_transaction(draft).value.id)


@pytest.fixture
def two(services: Services) -> Services:
    services.finance.add_account("Checking", currency="EUR")
    services.finance.add_account("Savings", currency="EUR", kind="savings")
    services.finance.add_account("Dollars", currency="USD")
    add(services, "2000", "Employer", "Checking", category="salary")
    add(services, "-40", "Rewe", "Checking", category="groceries")
    return services


def balances(services: Services) -> dict[str, Decimal]:
    return {a.name: a.balance for a in services.finance.accounts()}


def test_a_transfer_is_two_linked_sides_that_move_balances_only(two: Services) -> None:
    before = two.finance.summary(MARCH)

    made = two.transfers.transfer("500", "Checking", "savings", date(2026, 3, 3), "rainy day")

    out, into = made.value.outgoing, made.value.incoming
    assert (out.amount, out.currency, out.account) == (Decimal("-500.00"), "EUR", "Checking")
    assert (into.amount, into.account) == (Decimal("500.00"), "Savings")
    assert out.transfer_peer_id == into.id
    assert into.transfer_peer_id == out.id
    assert out.category == into.category == ""
    assert out.memo == into.memo == "rainy day"
    assert (out.payee, into.payee) == ("Transfer to Savings", "Transfer from Checking")
    assert balances(two) == {
        "Checking": Decimal("1460.00"),
        "Savings": Decimal("500.00"),
        "Dollars": Decimal("0.00"),
    }
    after = two.finance.summary(MARCH)
    assert (after.income, after.expenses) == (before.income, before.expenses)
    assert after.by_category == before.by_category == {"groceries": Decimal("40.00")}
    insight = two.finance_insight.month(MARCH)
    assert insight.expenses == Decimal("40.00")
    (totals,) = two.finance.month_totals(MARCH, MARCH)
    assert (totals.income, totals.expenses) == (Decimal("2000.00"), Decimal("40.00"))


def test_transfers_count_in_no_budget_and_get_no_category_suggestion(two: Services) -> None:
    two.finance.set_budget("savings", "100", MARCH)
    out = add(two, "-60", "Transfer to savings", "Checking", category="savings")
    into = add(two, "60", "Transfer from checking", "Savings")
    assert two.finance.summary(MARCH).budgets[0].spent == Decimal("60.00")
    two.transfers.link_transfer(out, into)
    two.transfers.transfer("10", "Checking", "Savings", date(2026, 3, 3))
    default_catalog().call(two, "add_category_rule", {"category": "x", "payee_contains": "trans"})
    add(two, "-5", "Transfer kiosk", "Checking")  # a real payment the rule matches

    assert two.finance.summary(MARCH).budgets[0].spent == Decimal("0.00")
    assert two.finance_insight.month(MARCH).budgets[0].spent == Decimal("0.00")
    assert [s.payee for s in two.categorize.suggestions()] == ["Transfer kiosk"]


def test_recurring_detection_ignores_monthly_transfers(two: Services) -> None:
    for month in range(1, 13):
        two.transfers.transfer("100", "Checking", "Savings", date(2025, month, 1))

    assert two.finance_insight.recurring(include_inactive=True) == []


def test_between_currencies_the_amount_that_arrived_is_required(two: Services) -> None:
    with pytest.raises(UserError, match="give --to-amount, what arrived in USD"):
        two.transfers.transfer("100", "Checking", "Dollars")

    made = two.transfers.transfer("100", "Checking", "Dollars", to_amount="108.34").value

    assert (made.outgoing.amount, made.outgoing.currency) == (Decimal("-100.00"), "EUR")
    assert (made.incoming.amount, made.incoming.currency) == (Decimal("108.34"), "USD")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("100", "Checking", "Checking"), "not from 'Checking' to itself"),
        (("-100", "Checking", "Savings"), "above 0"),
        (("0", "Checking", "Savings"), "above 0"),
        (("abc", "Checking", "Savings"), "not an amount"),
        (("100", "Checking", "Nowhere"), "no account named 'Nowhere'"),
    ],
)
def test_bad_transfers_are_refused_and_save_nothing(
    two: Services, args: tuple[str, str, str], words: str
) -> None:
    with pytest.raises(UserError, match=words):
        two.transfers.transfer(*args)
    assert len(two.finance.transactions()) == 2


def test_same_currency_with_another_arriving_amount_is_refused(two: Services) -> None:
    with pytest.raises(UserError, match="both keep EUR"):
        two.transfers.transfer("100", "Checking", "Savings", to_amount="99")
    assert len(two.finance.transactions()) == 2


def test_linking_two_imported_sides(two: Services) -> None:
    out = add(two, "-250", "SEPA to savings", "Checking", 5, category="misc")
    into = add(two, "250", "SEPA from checking", "Savings", 6)

    linked = two.transfers.link_transfer(into, out).value

    assert str(linked.outgoing.id) == out
    assert str(linked.incoming.id) == into
    assert str(linked.outgoing.transfer_peer_id) == into
    summary = two.finance.summary(MARCH)
    assert summary.by_category == {"groceries": Decimal("40.00")}
    assert summary.income == Decimal("2000.00")


def test_linking_is_refused_for_what_is_not_a_transfer(two: Services) -> None:
    out = add(two, "-250", "Out", "Checking")
    same_account_in = add(two, "250", "In", "Checking")
    also_out = add(two, "-250", "Out too", "Savings")
    other_amount = add(two, "240", "In less", "Savings")
    into = add(two, "250", "In", "Savings")

    with pytest.raises(UserError, match="same account"):
        two.transfers.link_transfer(out, same_account_in)
    with pytest.raises(UserError, match="both transactions move money out of"):
        two.transfers.link_transfer(out, also_out)
    with pytest.raises(UserError, match=r"the amounts differ \(-250.00 and 240.00 EUR\)"):
        two.transfers.link_transfer(out, other_amount)
    with pytest.raises(UserError, match="two different transactions"):
        two.transfers.link_transfer(out, out)
    two.transfers.link_transfer(out, into)
    with pytest.raises(UserError, match="already one side of a transfer"):
        two.transfers.link_transfer(out, other_amount)
    linked = {t.payee for t in two.finance.transactions() if t.transfer_peer_id is not None}
    assert linked == {"Out", "In"}


def test_deleting_one_side_deletes_both_and_undo_brings_both_back(two: Services) -> None:
    made = two.transfers.transfer("75", "Checking", "Savings").value
    catalog = default_catalog()

    result = catalog.call(two, "delete_transaction", {"id": str(made.incoming.id)})

    assert result.value == 2
    assert len(two.finance.transactions()) == 2
    assert balances(two)["Savings"] == Decimal("0.00")
    assert result.undo is not None
    two.undo.revert(result.undo)
    ids = {t.id for t in two.finance.transactions()}
    assert {made.outgoing.id, made.incoming.id} <= ids


def test_a_new_amount_on_one_side_moves_the_other(two: Services) -> None:
    made = two.transfers.transfer("75", "Checking", "Savings").value
    edits = FinanceEdits(two.ctx)

    edits.update_transaction(str(made.outgoing.id), TransactionEdit(amount="-80"))

    assert balances(two)["Savings"] == Decimal("80.00")
    peer = next(t for t in two.finance.transactions() if t.id == made.incoming.id)
    assert peer.amount == Decimal("80.00")
    edits.update_transaction(str(made.incoming.id), TransactionEdit(payee="Moved"))
    assert balances(two)["Checking"] == Decimal("1880.00")


def test_between_currencies_only_the_edited_side_changes(two: Services) -> None:
    made = two.transfers.transfer("100", "Checking", "Dollars", to_amount="108").value

    FinanceEdits(two.ctx).update_transaction(str(made.incoming.id), TransactionEdit(amount="109"))

    assert balances(two)["Dollars"] == Decimal("109.00")
    assert balances(two)["Checking"] == Decimal("1860.00")


def test_month_totals_read_only_the_covering_index(two: Services, store: Store) -> None:
    query = month_totals_query(store.user_id, MARCH, date(2026, 4, 1))
    compiled = query.compile(store.engine, compile_kwargs={"literal_binds": True})
    with store.engine.connect() as conn:
        plan = " ".join(
            str(row[-1]) for row in conn.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))
        )
    assert "USING COVERING INDEX ix_transactions_month_totals" in plan


def test_transfer_rows_hold_each_other(two: Services, store: Store) -> None:
    made = two.transfers.transfer("1", "Checking", "Savings").value
    with store.read() as session:
        peers = dict(
            session.execute(
                select(Transaction.id, Transaction.transfer_peer_id).where(
                    Transaction.transfer_peer_id.is_not(None)
                )
            ).all()
        )
    assert peers == {
        made.outgoing.id: made.incoming.id,
        made.incoming.id: made.outgoing.id,
    }
