"""FinanceService: accounts, transactions in minor units, budgets and the month summary."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop.core.changes import Changes
from desktop.core.errors import NotFoundError, UserError
from desktop.services.container import Services
from desktop.services.finance import TransactionDraft, TransactionView
from desktop.store.models import Account, Budget, Transaction
from desktop.store.profile import Store

FINANCE_ONLY = Changes(finance=True)
MARCH = date(2026, 3, 1)


def spend(
    services: Services, amount: str, payee: str = "Shop", **fields: object
) -> TransactionView:
    outcome = services.finance.add_transaction(
        TransactionDraft(amount=amount, payee=payee, **fields)
    )  # type: ignore[arg-type]
    assert outcome.changes == FINANCE_ONLY
    return outcome.value


def minor_units(store: Store, tx_id: uuid.UUID) -> int:
    with store.read() as session:
        row = session.get(Transaction, tx_id)
        assert row is not None
        return row.amount_minor


# -- accounts --------------------------------------------------------------------------


def test_accounts_with_balances(services: Services, store: Store) -> None:
    checking = services.finance.add_account("Checking", currency="eur")
    assert checking.changes == FINANCE_ONLY
    assert checking.value.currency == "EUR"
    assert checking.value.kind == "checking"
    assert checking.value.balance == Decimal("0.00")
    services.finance.add_account("Wallet", currency="JPY", kind="cash")
    with store.unit_of_work() as uow:
        row = uow.s.get(Account, checking.value.id)
        assert row is not None
        row.opening_balance_minor = 100_000
        uow.commit()

    spend(services, "2500", "Employer", account="checking")  # names match in any case
    spend(services, "-12.50", account="Checking")
    gone = spend(services, "-99.99", account=str(checking.value.id))
    spend(services, "-1200", account="Wallet")
    services.finance.delete_transaction(str(gone.id))

    balances = {a.name: (a.balance, a.currency, a.kind) for a in services.finance.accounts()}
    assert balances == {
        "Checking": (Decimal("3487.50"), "EUR", "checking"),
        "Wallet": (Decimal("-1200"), "JPY", "cash"),
    }
    assert [a.name for a in services.finance.accounts()] == ["Checking", "Wallet"]


def test_account_currency_defaults(services: Services) -> None:
    first = services.finance.add_account("First").value
    assert first.currency == "USD"  # no preference, no account yet
    services.profile.update(preferences={"currency": "CHF"})
    assert services.finance.add_account("Second").value.currency == "CHF"


def test_account_currency_follows_the_first_account(services: Services) -> None:
    services.finance.add_account("Euro", currency="EUR")
    assert services.finance.add_account("Other").value.currency == "EUR"


@pytest.mark.parametrize(
    ("name", "fields", "message"),
    [
        ("", {}, "account name cannot be empty"),
        ("Savings", {"kind": "piggybank"}, "'piggybank' is not an account kind"),
        ("Savings", {"currency": "EURO"}, "'EURO' is not a currency code"),
        ("Savings", {"currency": "E1R"}, "is not a currency code"),
        ("main", {}, "already an account named 'main'"),
    ],
)
def test_add_account_rejects(
    services: Services, name: str, fields: dict[str, str], message: str
) -> None:
    services.finance.add_account("Main", currency="EUR")
    with pytest.raises(UserError, match=message):
        services.finance.add_account(name, **fields)  # type: ignore[arg-type]
    assert [a.name for a in services.finance.accounts()] == ["Main"]


# -- transactions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("currency", "text", "minor", "shown"),
    [
        ("EUR", "-12.50", -1250, Decimal("-12.50")),
        ("EUR", "-12.5", -1250, Decimal("-12.50")),
        ("EUR", "+3", 300, Decimal("3.00")),
        ("EUR", "1,234.56", 123456, Decimal("1234.56")),
        ("EUR", " 0.01 ", 1, Decimal("0.01")),
        ("JPY", "-1200", -1200, Decimal("-1200")),
        ("JPY", "1,000", 1000, Decimal("1000")),
        ("KWD", "1.234", 1234, Decimal("1.234")),
    ],
)
def test_amounts_are_parsed_per_currency(
    services: Services, store: Store, currency: str, text: str, minor: int, shown: Decimal
) -> None:
    services.finance.add_account("Account", currency=currency)
    tx = spend(services, text)
    assert minor_units(store, tx.id) == minor
    assert tx.amount == shown
    assert tx.currency == currency
    assert str(tx.amount) == str(shown)


@pytest.mark.parametrize(
    ("currency", "text", "message"),
    [
        ("EUR", "1.234", "'1.234' has more than 2 decimals for EUR"),
        ("JPY", "12.5", "'12.5' has more than 0 decimals for JPY"),
        ("EUR", "twelve", "'twelve' is not an amount"),
        ("EUR", "", "is not an amount"),
        ("EUR", "NaN", "is not an amount"),
        ("EUR", "Infinity", "is not an amount"),
        ("EUR", "1e20", "too large"),
    ],
)
def test_bad_amounts_are_refused(
    services: Services, currency: str, text: str, message: str
) -> None:
    services.finance.add_account("Account", currency=currency)
    with pytest.raises(UserError, match=message):
        spend(services, text)
    assert services.finance.transactions() == []


def test_transaction_fields_and_other_errors(services: Services) -> None:
    services.finance.add_account("Main", currency="EUR")
    tx = spend(
        services, "-4.20", " Bakery ", date=date(2026, 3, 2), category="Food", memo="croissants"
    )
    assert (tx.payee, tx.category, tx.memo, tx.date, tx.account) == (
        "Bakery",
        "Food",
        "croissants",
        date(2026, 3, 2),
        "Main",
    )
    assert spend(services, "-1").date == date(2026, 3, 4)  # today in the user's zone
    with pytest.raises(UserError, match="payee cannot be empty"):
        spend(services, "-1", "  ")
    with pytest.raises(NotFoundError, match="no account named 'Savings'"):
        spend(services, "-1", account="Savings")
    with pytest.raises(NotFoundError, match="no account with id"):
        spend(services, "-1", account=str(uuid.uuid4()))
    assert len(services.finance.transactions()) == 2


def test_default_cash_account_is_created_once(services: Services, store: Store) -> None:
    services.profile.update(preferences={"currency": "EUR"})
    first = spend(services, "-3.50", "Kiosk")
    second = spend(services, "-1.20", "Kiosk")
    assert first.account == second.account == "Cash"
    assert first.account_id == second.account_id
    assert first.currency == "EUR"
    (cash,) = services.finance.accounts()
    assert (cash.name, cash.kind, cash.currency, cash.balance) == (
        "Cash",
        "cash",
        "EUR",
        Decimal("-4.70"),
    )
    with store.read() as session:
        row = session.get(Account, cash.id)
        assert row is not None
        assert row.owner_id == store.user_id
        assert row.hlc > 0


def test_failed_transaction_leaves_no_cash_account(services: Services) -> None:
    with pytest.raises(UserError):
        spend(services, "-1.234")
    assert services.finance.accounts() == []


def test_transaction_filters_and_order(services: Services) -> None:
    services.finance.add_account("Main", currency="EUR")
    services.finance.add_account("Card", currency="EUR", kind="credit")
    spend(services, "-10", "A", date=date(2026, 3, 2), category="Groceries")
    spend(services, "-20", "B", date=date(2026, 3, 5), category="groceries", account="Card")
    spend(services, "-30", "C", date=date(2026, 3, 3), category="Rent")
    spend(services, "-40", "D", date=date(2026, 2, 27), category="Groceries")

    assert [t.payee for t in services.finance.transactions()] == ["B", "C", "A", "D"]
    assert [t.payee for t in services.finance.transactions(category="GROCERIES")] == ["B", "A", "D"]
    assert [t.payee for t in services.finance.transactions(account="card")] == ["B"]
    assert [t.payee for t in services.finance.transactions(month=MARCH, limit=2)] == ["B", "C"]
    assert [t.payee for t in services.finance.transactions(month=date(2026, 2, 15))] == ["D"]


def test_month_boundaries(services: Services) -> None:
    services.finance.add_account("Main", currency="EUR")
    for day, payee in [
        (date(2026, 2, 28), "last of Feb"),
        (date(2026, 3, 1), "first of Mar"),
        (date(2026, 3, 31), "last of Mar"),
        (date(2026, 4, 1), "first of Apr"),
        (date(2026, 12, 31), "last of Dec"),
        (date(2027, 1, 1), "first of Jan"),
    ]:
        spend(services, "-1", payee, date=day)

    def payees(month: date) -> list[str]:
        return sorted(t.payee for t in services.finance.transactions(month=month))

    assert payees(MARCH) == ["first of Mar", "last of Mar"]
    assert payees(date(2026, 3, 31)) == ["first of Mar", "last of Mar"]  # any day of the month
    assert payees(date(2026, 12, 1)) == ["last of Dec"]
    assert payees(date(2027, 1, 1)) == ["first of Jan"]
    assert services.finance.summary(MARCH).expenses == Decimal("2.00")
    assert services.finance.summary(date(2026, 12, 1)).expenses == Decimal("1.00")


def test_delete_transaction(services: Services, store: Store) -> None:
    services.finance.add_account("Main", currency="EUR")
    tx = spend(services, "-5")
    outcome = services.finance.delete_transaction(str(tx.id))
    assert outcome.changes == FINANCE_ONLY
    assert services.finance.transactions() == []
    assert services.finance.accounts()[0].balance == Decimal("0.00")
    with store.read() as session:
        row = session.get(Transaction, tx.id)
        assert row is not None
        assert row.deleted_hlc is not None
    with pytest.raises(NotFoundError):
        services.finance.delete_transaction(str(tx.id))


# -- budgets and the month summary ---------------------------------------------------


def test_budgets_upsert_by_natural_id(services: Services, store: Store) -> None:
    services.finance.add_account("Main", currency="EUR")
    first = services.finance.set_budget("Groceries", "400", date(2026, 3, 17))
    assert first.changes == FINANCE_ONLY
    assert (first.value.category, first.value.month, first.value.budget) == (
        "Groceries",
        "2026-03",
        Decimal("400.00"),
    )
    second = services.finance.set_budget(" groceries ", "450.50", MARCH).value
    assert second.budget == Decimal("450.50")
    assert second.category == "groceries"

    with store.read() as session:
        rows = session.scalars(select(Budget)).all()
    assert len(rows) == 1
    (row,) = rows
    assert row.id == Budget.id_for(store.user_id, "Groceries", MARCH)
    assert row.month == MARCH
    assert row.amount_minor == 45050
    assert row.currency == "EUR"
    assert [b.budget for b in services.finance.budgets(MARCH)] == [Decimal("450.50")]
    assert services.finance.budgets(date(2026, 4, 1)) == []


def test_deleted_budget_comes_back_when_set_again(services: Services, store: Store) -> None:
    services.finance.add_account("Main", currency="EUR")
    services.finance.set_budget("Fun", "50", MARCH)
    with store.unit_of_work() as uow:
        row = uow.s.get(Budget, Budget.id_for(store.user_id, "Fun", MARCH))
        assert row is not None
        uow.tombstone(row)
        uow.commit()
    assert services.finance.budgets(MARCH) == []
    again = services.finance.set_budget("Fun", "60", MARCH).value
    assert again.budget == Decimal("60.00")
    assert [b.category for b in services.finance.budgets(MARCH)] == ["Fun"]


def test_budget_errors(services: Services) -> None:
    services.finance.add_account("Main", currency="EUR")
    with pytest.raises(UserError, match="positive amount"):
        services.finance.set_budget("Fun", "-5", MARCH)
    with pytest.raises(UserError, match="category cannot be empty"):
        services.finance.set_budget(" ", "5", MARCH)
    with pytest.raises(UserError, match="more than 2 decimals"):
        services.finance.set_budget("Fun", "5.001", MARCH)
    with pytest.raises(UserError, match="not a currency code"):
        services.finance.set_budget("Fun", "5", MARCH, currency="euros")
    assert services.finance.budgets(MARCH) == []


def test_month_summary_is_exact(services: Services) -> None:
    services.finance.add_account("Main", currency="EUR")
    services.finance.add_account("Dollars", currency="USD")
    spend(services, "3000.00", "Employer", date=date(2026, 3, 1), category="Salary")
    spend(services, "0.10", "Bank", date=date(2026, 3, 31), category="Interest")
    spend(services, "-0.10", "Kiosk", date=date(2026, 3, 2), category="Groceries")
    spend(services, "-0.20", "Market", date=date(2026, 3, 3), category="Groceries")
    spend(services, "-120.45", "Supermarket", date=date(2026, 3, 4), category="Groceries")
    spend(services, "-900", "Landlord", date=date(2026, 3, 5), category="Rent")
    spend(services, "-7.77", "Unknown", date=date(2026, 3, 6))
    spend(services, "-50", "Other month", date=date(2026, 4, 1), category="Groceries")
    spend(
        services,
        "-99.99",
        "Amazon US",
        date=date(2026, 3, 7),
        category="Groceries",
        account="Dollars",
    )
    services.finance.set_budget("Groceries", "100", MARCH)
    services.finance.set_budget("Rent", "1000", MARCH)
    services.finance.set_budget("Travel", "200", MARCH)

    summary = services.finance.summary(MARCH)
    assert summary.month == "2026-03"
    assert summary.currency == "EUR"
    assert summary.income == Decimal("3000.10")
    assert summary.expenses == Decimal("1028.52")
    assert summary.net == Decimal("1971.58")
    assert summary.net == summary.income - summary.expenses
    assert summary.by_category == {
        "Rent": Decimal("900.00"),
        "Groceries": Decimal("120.75"),
        "uncategorized": Decimal("7.77"),
    }
    assert list(summary.by_category) == ["Rent", "Groceries", "uncategorized"]  # biggest first
    assert sum(summary.by_category.values()) == summary.expenses
    assert [(b.category, b.budget, b.spent, b.remaining) for b in summary.budgets] == [
        ("Groceries", Decimal("100.00"), Decimal("120.75"), Decimal("-20.75")),
        ("Rent", Decimal("1000.00"), Decimal("900.00"), Decimal("100.00")),
        ("Travel", Decimal("200.00"), Decimal("0.00"), Decimal("200.00")),
    ]
    assert all(isinstance(v, Decimal) for v in (summary.income, summary.expenses, summary.net))
    assert summary.other_currencies == ("USD",)

    dollars = services.finance.summary(MARCH, "usd")
    assert dollars.currency == "USD"
    assert (dollars.income, dollars.expenses, dollars.net) == (
        Decimal("0.00"),
        Decimal("99.99"),
        Decimal("-99.99"),
    )
    assert dollars.other_currencies == ("EUR",)
    assert dollars.by_category == {"Groceries": Decimal("99.99")}
    assert dollars.budgets == ()  # the budgets are in euros


def test_one_budget_per_category_and_month(services: Services, store: Store) -> None:
    """The natural id is (owner, category, month): another currency replaces the budget."""
    services.finance.add_account("Main", currency="EUR")
    services.finance.add_account("Dollars", currency="USD")
    spend(services, "-99.99", "Amazon US", category="Groceries", account="Dollars")
    services.finance.set_budget("Groceries", "100", MARCH)
    usd = services.finance.set_budget("Groceries", "300", MARCH, currency="USD").value
    assert (usd.currency, usd.budget, usd.spent, usd.remaining) == (
        "USD",
        Decimal("300.00"),
        Decimal("99.99"),
        Decimal("200.01"),
    )
    assert services.finance.budgets(MARCH) == []
    assert services.finance.budgets(MARCH, "USD") == [usd]
    with store.read() as session:
        assert len(session.scalars(select(Budget)).all()) == 1


def test_summary_of_an_empty_month(services: Services) -> None:
    summary = services.finance.summary(MARCH)
    assert summary.currency == "USD"
    assert (summary.income, summary.expenses, summary.net) == (
        Decimal("0.00"),
        Decimal("0.00"),
        Decimal("0.00"),
    )
    assert summary.by_category == {}
    assert summary.budgets == ()
    assert summary.other_currencies == ()


def test_by_category_adds_up_to_the_expenses(services: Services) -> None:
    services.finance.add_account("Main", currency="EUR")
    spend(services, "-5", category="")
    spend(services, "-3", category="uncategorized")
    summary = services.finance.summary(MARCH)
    assert sum(summary.by_category.values()) == summary.expenses == Decimal("8.00")


def test_budget_spending_ignores_the_case_of_categories(services: Services) -> None:
    services.finance.add_account("Main", currency="EUR")
    spend(services, "-10", category="Groceries")
    spend(services, "-2.50", category="groceries")
    spend(services, "-1", category="GROCERIES ")
    budget = services.finance.set_budget("groceries", "20", MARCH).value
    assert (budget.spent, budget.remaining) == (Decimal("13.50"), Decimal("6.50"))
    assert len(services.finance.transactions(category="Groceries")) == 3


def test_by_category_ignores_case(services: Services) -> None:
    services.finance.add_account("Main", currency="EUR")
    spend(services, "-10", category="Groceries")
    spend(services, "-2.50", category="groceries")
    by_category = services.finance.summary(MARCH).by_category
    assert len(by_category) == 1
    (name,) = by_category
    assert name.lower() == "groceries"
    assert by_category[name] == Decimal("12.50")
