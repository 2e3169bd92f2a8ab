"""Exchange rates the user enters, and month summaries that convert with them (never floats)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop.core.errors import UserError
from desktop.services.container import Services
from desktop.services.exchange_rates import convert_minor, parse_rate
from desktop.services.finance import TransactionDraft

FEBRUARY = date(2026, 2, 1)
MARCH = date(2026, 3, 1)
APRIL = date(2026, 4, 1)


@pytest.fixture
def travel(services: Services) -> Services:
    """EUR is the main currency; a USD card and a JPY wallet spent in March."""
    finance = services.finance
    finance.add_account("Checking", currency="EUR")
    finance.add_account("Card", currency="USD")
    finance.add_account("Wallet", currency="JPY", kind="cash")
    for amount, payee, account, category in [
        ("1000", "Employer", "Checking", "salary"),
        ("-50", "Rewe", "Checking", "groceries"),
        ("-100", "Whole Foods", "Card", "Groceries"),
        ("-20.01", "Uber", "Card", "transport"),
        ("10", "Refund", "Card", ""),
        ("-1500", "Ramen", "Wallet", "eating out"),
    ]:
        finance.add_transaction(
            TransactionDraft(amount, payee, date(2026, 3, 2), account=account, category=category)
        )
    return services


def test_rates_are_entered_listed_and_replaced(travel: Services) -> None:
    first = travel.exchange_rates.set_rate("usd", "0.9", MARCH).value
    assert (first.currency, first.to_currency, first.month, first.rate) == (
        "USD",
        "EUR",
        "2026-03",
        Decimal("0.9"),
    )
    travel.exchange_rates.set_rate("USD", "0,92", date(2026, 3, 20))  # same month: replaced
    travel.exchange_rates.set_rate("JPY", "0.0061", FEBRUARY)
    travel.exchange_rates.set_rate("EUR", "1.08", MARCH, to_currency="usd")

    listed = [(r.month, r.currency, r.to_currency, r.rate) for r in travel.exchange_rates.rates()]

    assert listed == [
        ("2026-03", "EUR", "USD", Decimal("1.08")),
        ("2026-03", "USD", "EUR", Decimal("0.92")),
        ("2026-02", "JPY", "EUR", Decimal("0.0061")),
    ]


@pytest.mark.parametrize(
    ("currency", "rate", "to", "words"),
    [
        ("USD", "abc", None, "not a rate"),
        ("USD", "0", None, "above 0"),
        ("USD", "-1.2", None, "above 0"),
        ("USD", "NaN", None, "above 0"),
        ("USD", "1." + "1" * 40, None, "too many digits"),
        ("DOLLAR", "1", None, "not a currency code"),
        ("EUR", "1", None, "not EUR into itself"),
        ("USD", "1", "US", "not a currency code"),
    ],
)
def test_bad_rates_are_refused(
    travel: Services, currency: str, rate: str, to: str | None, words: str
) -> None:
    with pytest.raises(UserError, match=words):
        travel.exchange_rates.set_rate(currency, rate, MARCH, to)
    assert travel.exchange_rates.rates() == []


def test_without_rates_other_currencies_are_left_out_and_named(travel: Services) -> None:
    summary = travel.finance.summary(MARCH)

    assert (summary.income, summary.expenses) == (Decimal("1000.00"), Decimal("50.00"))
    assert summary.other_currencies == ("JPY", "USD")
    assert summary.missing_rates == ("JPY", "USD")
    assert summary.converted == ()


def test_the_month_summary_converts_with_the_months_rate(travel: Services) -> None:
    travel.exchange_rates.set_rate("USD", "0.9", FEBRUARY)
    travel.exchange_rates.set_rate("USD", "0.92", MARCH)
    travel.exchange_rates.set_rate("USD", "0.5", APRIL)  # later: not used for March

    summary = travel.finance.summary(MARCH)

    # USD: income 10 -> 9.20; spent 120.01 -> 110.4092 -> 110.41 (half even).
    assert summary.income == Decimal("1009.20")
    assert summary.expenses == Decimal("160.41")
    assert summary.net == Decimal("848.79")
    assert summary.by_category == {
        "Groceries": Decimal("142.00"),  # 50 EUR + 100 USD * 0.92
        "transport": Decimal("18.41"),  # 20.01 * 0.92 = 18.4092
    }
    assert summary.missing_rates == ("JPY",)
    (usd,) = summary.converted
    assert (usd.currency, usd.rate, usd.rate_month, usd.to_currency) == (
        "USD",
        Decimal("0.92"),
        "2026-03",
        "EUR",
    )
    assert (usd.income, usd.expenses, usd.amount) == (
        Decimal("10.00"),
        Decimal("120.01"),
        Decimal("-110.01"),
    )
    assert (usd.converted_income, usd.converted_expenses, usd.converted_amount) == (
        Decimal("9.20"),
        Decimal("110.41"),
        Decimal("-101.21"),
    )


def test_an_earlier_months_rate_is_used_and_named(travel: Services) -> None:
    travel.exchange_rates.set_rate("JPY", "0.0061", date(2025, 12, 1))
    travel.exchange_rates.set_rate("JPY", "0.0062", FEBRUARY)

    summary = travel.finance.summary(MARCH)

    (jpy,) = summary.converted
    assert (jpy.rate, jpy.rate_month) == (Decimal("0.0062"), "2026-02")
    assert jpy.converted_expenses == Decimal("9.30")  # 1500 yen * 0.0062
    assert summary.by_category["eating out"] == Decimal("9.30")
    assert summary.missing_rates == ("USD",)


def test_budgets_and_the_insight_count_converted_spending(travel: Services) -> None:
    travel.exchange_rates.set_rate("USD", "0.92", MARCH)
    travel.finance.set_budget("groceries", "200", MARCH)

    (budget,) = travel.finance.budgets(MARCH)
    insight = travel.finance_insight.month(MARCH)

    assert budget.spent == Decimal("142.00")
    assert insight.budgets[0].spent == Decimal("142.00")
    assert insight.missing_rates == ("JPY",)
    assert [c.currency for c in insight.converted] == ["USD"]
    assert insight.expenses == Decimal("160.41")


def test_month_totals_convert_like_the_summaries(travel: Services) -> None:
    travel.exchange_rates.set_rate("USD", "0.92", MARCH)
    travel.finance.add_transaction(
        TransactionDraft("-30", "Diner", date(2026, 4, 2), account="Card")
    )

    march, april = travel.finance.month_totals(MARCH, APRIL)

    assert (march.income, march.expenses) == (Decimal("1009.20"), Decimal("160.41"))
    assert march.missing_rates == ("JPY",)
    assert april.expenses == Decimal("27.60")  # March's rate, the latest before April
    full = travel.finance.summary(APRIL)
    assert (full.income, full.expenses) == (april.income, april.expenses)


def test_a_summary_in_another_currency_converts_into_that_one(travel: Services) -> None:
    travel.exchange_rates.set_rate("EUR", "1.25", MARCH, to_currency="USD")

    dollars = travel.finance.summary(MARCH, "USD")

    assert dollars.currency == "USD"
    assert dollars.income == Decimal("1260.00")  # 10 + 1000 * 1.25
    assert dollars.missing_rates == ("JPY",)


@pytest.mark.parametrize(
    ("minor", "currency", "rate", "to", "expected"),
    [
        (10000, "USD", "0.92", "EUR", 9200),
        (1, "USD", "0.5", "EUR", 0),  # 0.005 rounds half to even: 0.00
        (3, "USD", "0.5", "EUR", 2),  # 0.015 -> 0.02
        (150000, "JPY", "0.0062", "EUR", 93000),
        (1234, "EUR", "161.5", "JPY", 1993),  # 12.34 * 161.5 = 1992.91 yen
        (-12001, "USD", "0.92", "EUR", -11041),
        (1000, "KWD", "3.25", "USD", 325),  # 1.000 KWD
    ],
)
def test_convert_minor(minor: int, currency: str, rate: str, to: str, expected: int) -> None:
    assert convert_minor(minor, currency, Decimal(rate), to) == expected


def test_parse_rate_keeps_every_digit() -> None:
    assert parse_rate(" 1,0834 ") == Decimal("1.0834")
    assert str(parse_rate("0.000123456789")) == "0.000123456789"
