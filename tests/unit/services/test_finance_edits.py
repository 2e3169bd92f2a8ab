"""FinanceEdits: changing a transaction's fields, deleting it, removing a month's budget."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop.core.errors import NotFoundError, UserError
from desktop.services.actions.registry import default_catalog
from desktop.services.container import Services
from desktop.services.finance import TransactionDraft
from desktop.services.finance_edits import FinanceEdits, TransactionEdit
from desktop.store.models import Transaction

MARCH = date(2026, 3, 1)


@pytest.fixture
def edits(services: Services) -> FinanceEdits:
    services.finance.add_account("Main", currency="EUR")
    services.finance.add_account("Savings", currency="EUR", kind="savings")
    services.finance.add_account("Dollars", currency="USD")
    return FinanceEdits(services.ctx)


def spend(services: Services, amount: str = "-12.50", **fields: object) -> str:
    draft = TransactionDraft(amount=amount, payee="Bakery", account="Main", **fields)  # type: ignore[arg-type]
    return str(services.finance.add_transaction(draft).value.id)


def test_update_changes_only_the_given_fields(services: Services, edits: FinanceEdits) -> None:
    tx = spend(services, memo="bread", category="food")
    view = edits.update_transaction(tx, TransactionEdit(amount="-13.75", payee="Baker's")).value
    assert (view.amount, view.payee, view.memo, view.category) == (
        Decimal("-13.75"),
        "Baker's",
        "bread",
        "food",
    )
    assert services.finance.summary(MARCH).expenses == Decimal("13.75")


def test_a_new_category_is_the_users_choice(services: Services, edits: FinanceEdits) -> None:
    tx = spend(services)
    edits.update_transaction(tx, TransactionEdit(category="Groceries"))
    with services.store.read() as session:
        row = session.get(Transaction, __import__("uuid").UUID(tx))
        assert row is not None
        assert (row.category, row.category_source) == ("Groceries", "user")


def test_moving_to_an_account_of_the_same_currency(services: Services, edits: FinanceEdits) -> None:
    tx = spend(services)
    view = edits.update_transaction(tx, TransactionEdit(account="savings")).value
    assert view.account == "Savings"
    balances = {a.name: a.balance for a in services.finance.accounts()}
    assert balances["Savings"] == Decimal("-12.50")
    assert balances["Main"] == Decimal(0)


def test_moving_to_another_currency_is_refused(services: Services, edits: FinanceEdits) -> None:
    tx = spend(services)
    with pytest.raises(UserError, match="keeps USD but this transaction is in EUR"):
        edits.update_transaction(tx, TransactionEdit(account="Dollars"))
    with pytest.raises(NotFoundError, match="no account 'Nowhere'"):
        edits.update_transaction(tx, TransactionEdit(account="Nowhere"))


def test_bad_values_change_nothing(services: Services, edits: FinanceEdits) -> None:
    tx = spend(services)
    with pytest.raises(UserError):
        edits.update_transaction(tx, TransactionEdit(payee="   ", amount="-1"))
    assert services.finance.transactions()[0].amount == Decimal("-12.50")


def test_delete_transaction_and_undo_it(services: Services, edits: FinanceEdits) -> None:
    tx = spend(services)
    result = default_catalog().call(services, "delete_transaction", {"id": tx})
    assert services.finance.transactions() == []
    assert result.undo is not None
    services.undo.revert(result.undo)
    assert [str(t.id) for t in services.finance.transactions()] == [tx]
    with pytest.raises(NotFoundError):
        edits.delete_transaction(str(__import__("uuid").uuid4()))


def test_delete_budget_keeps_the_spending(services: Services, edits: FinanceEdits) -> None:
    services.finance.set_budget("Food", "200", MARCH)
    spend(services, category="food")
    edits.delete_budget("food", MARCH)
    summary = services.finance.summary(MARCH)
    assert summary.budgets == ()
    assert summary.by_category == {"food": Decimal("12.50")}
    with pytest.raises(NotFoundError, match="no budget for 'food' in March 2026"):
        edits.delete_budget("food", MARCH)
