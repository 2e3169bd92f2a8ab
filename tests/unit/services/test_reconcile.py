"""Reconciliation against a statement balance, and protecting what was reconciled."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.services.actions.registry import default_catalog
from desktop.services.container import Services
from desktop.services.finance import TransactionDraft
from desktop.services.finance_edits import FinanceEdits, TransactionEdit
from desktop.store.models import Account, Transaction
from desktop.store.profile import Store


@pytest.fixture
def bank(services: Services) -> dict[str, str]:
    """Checking: +1000 (Mar 1), -200 (Mar 5), -30 (Mar 12), -8 (Mar 20); ids by payee."""
    services.finance.add_account("Checking", currency="EUR")
    ids = {}
    for amount, payee, day in [
        ("1000", "Salary", 1),
        ("-200", "Rent", 5),
        ("-30", "Phone", 12),
        ("-8", "Coffee", 20),
    ]:
        tx = services.finance.add_transaction(
            TransactionDraft(amount, payee, date(2026, 3, day))
        ).value
        ids[payee] = str(tx.id)
    return ids


def reconciled(store: Store) -> set[str]:
    with store.read() as session:
        return set(session.scalars(select(Transaction.payee).where(Transaction.reconciled)))


def test_comparing_lists_the_difference_and_what_is_unreconciled(
    services: Services, bank: dict[str, str], store: Store
) -> None:
    outcome = services.reconcile.reconcile("Checking", "770", date(2026, 3, 15))

    check = outcome.value
    assert outcome.changes == Changes()
    assert (check.statement_balance, check.cleared_balance, check.difference) == (
        Decimal("770.00"),
        Decimal("770.00"),
        Decimal("0.00"),
    )
    assert [t.payee for t in check.unreconciled] == ["Salary", "Rent", "Phone"]
    assert not check.finished
    assert reconciled(store) == set()

    off = services.reconcile.reconcile("Checking", "775.50", date(2026, 3, 15)).value
    assert off.difference == Decimal("5.50")


def test_finishing_marks_the_transactions_and_remembers_the_statement(
    services: Services, bank: dict[str, str], store: Store
) -> None:
    done = services.reconcile.reconcile("checking", "770", date(2026, 3, 15), finish=True)

    assert done.changes == Changes(finance=True)
    assert done.value.finished
    assert reconciled(store) == {"Salary", "Rent", "Phone"}
    with store.read() as session:
        account = session.scalars(select(Account)).one()
    assert (account.reconciled_balance_minor, account.reconciled_on) == (77000, date(2026, 3, 15))

    later = services.reconcile.reconcile("Checking", "762", date(2026, 3, 31)).value
    assert [t.payee for t in later.unreconciled] == ["Coffee"]
    assert (later.previous_balance, later.previous_on) == (Decimal("770.00"), date(2026, 3, 15))
    assert [t.reconciled for t in services.finance.transactions()] == [False, True, True, True]


def test_finishing_with_a_difference_is_refused_and_changes_nothing(
    services: Services, bank: dict[str, str], store: Store
) -> None:
    with pytest.raises(
        UserError,
        match=r"statement says 780.00 EUR but 'Checking' holds 770.00 EUR up to 2026-03-15: "
        r"a difference of 10.00 EUR",
    ):
        services.reconcile.reconcile("Checking", "780", date(2026, 3, 15), finish=True)
    assert reconciled(store) == set()
    with store.read() as session:
        assert session.scalars(select(Account.reconciled_on)).one() is None


def test_a_reconciled_amount_or_date_is_protected_until_unreconciled(
    services: Services, bank: dict[str, str]
) -> None:
    services.reconcile.reconcile("Checking", "770", date(2026, 3, 15), finish=True)
    edits = FinanceEdits(services.ctx)
    rent = bank["Rent"]

    with pytest.raises(UserError, match=r"reconciled on 2026-03-15 .*atrium tx unreconcile"):
        edits.update_transaction(rent, TransactionEdit(amount="-210"))
    with pytest.raises(UserError, match="cannot change the date of"):
        edits.update_transaction(rent, TransactionEdit(date=date(2026, 3, 6)))
    with pytest.raises(UserError, match="cannot delete"):
        edits.delete_transaction(rent)
    # The payee, memo and category are not on the statement's balance: they may change.
    edits.update_transaction(rent, TransactionEdit(payee="Landlord", amount="-200"))

    assert services.reconcile.unreconcile(rent).value.reconciled is False
    changed = edits.update_transaction(rent, TransactionEdit(amount="-210")).value
    assert changed.amount == Decimal("-210.00")
    # Un-reconciling what is not reconciled keeps it so.
    assert services.reconcile.unreconcile(rent).value.reconciled is False


def test_a_transfer_side_that_was_reconciled_holds_its_peer(services: Services) -> None:
    services.finance.add_account("Checking", currency="EUR")
    services.finance.add_account("Savings", currency="EUR")
    move = services.transfers.transfer("50", "Checking", "Savings", date(2026, 3, 2)).value
    services.reconcile.reconcile("Savings", "50", date(2026, 3, 3), finish=True)

    with pytest.raises(UserError, match="the other side of this transfer follows its amount"):
        FinanceEdits(services.ctx).update_transaction(
            str(move.outgoing.id), TransactionEdit(amount="-60")
        )


def test_actions_read_and_write_and_undo(services: Services, bank: dict[str, str]) -> None:
    catalog = default_catalog()
    args = {"account": "Checking", "balance": "762", "date": "2026-03-31"}

    check = catalog.call(services, "check_reconciliation", args)
    assert check.undo is None
    assert check.value.difference == Decimal("0.00")
    done = catalog.call(services, "reconcile_account", args)
    assert all(t.reconciled for t in services.finance.transactions())
    assert done.undo is not None

    services.undo.revert(done.undo)

    assert not any(t.reconciled for t in services.finance.transactions())
