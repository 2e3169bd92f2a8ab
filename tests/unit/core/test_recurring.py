"""Recurring payments: known series are found with the right rhythm and next date; noise is not."""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.recurring import Payment, Recurring, detect_recurring

TODAY = date(2026, 3, 4)


def monthly(payee: str, first: date, count: int, amounts: list[int] | int) -> list[Payment]:
    """`count` payments on the same day of consecutive months (clamped to the month's end)."""
    out = []
    for step in range(count):
        year, month = divmod(first.month - 1 + step, 12)
        day = min(first.day, _month_length(first.year + year, month + 1))
        amount = amounts[step] if isinstance(amounts, list) else amounts
        out.append(Payment(date(first.year + year, month + 1, day), amount, "EUR", payee))
    return out


def every(payee: str, first: date, days: int, count: int, amount: int) -> list[Payment]:
    return [
        Payment(first + timedelta(days=days * step), amount, "EUR", payee) for step in range(count)
    ]


def _month_length(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def grocery_noise(rng: random.Random, stores: list[str], start: date) -> list[Payment]:
    """Shopping on random days with random amounts: never a subscription."""
    out = []
    for store in stores:
        day = start
        while day < TODAY:
            day += timedelta(days=rng.randint(1, 9))
            out.append(Payment(day, -rng.randint(300, 14_000), "EUR", store))
    return out


def only(found: list[Recurring], payee: str) -> Recurring:
    matches = [item for item in found if item.payee == payee]
    assert len(matches) == 1, f"{payee}: {matches}"
    return matches[0]


def test_monthly_subscription_with_a_price_rise_reports_the_latest_amount() -> None:
    amounts = [-1_299] * 8 + [-1_399] * 6
    found = detect_recurring(monthly("Netflix", date(2025, 1, 15), 14, amounts), TODAY)
    netflix = only(found, "Netflix")
    assert netflix.interval == "monthly"
    assert netflix.interval_days == 30
    assert netflix.amount_minor == -1_399
    assert netflix.occurrences == 14
    assert (netflix.first_date, netflix.last_date) == (date(2025, 1, 15), date(2026, 2, 15))
    assert netflix.next_date == date(2026, 3, 15)
    assert netflix.active
    assert 0.8 < netflix.confidence <= 1.0


def test_yearly_insurance() -> None:
    payments = [Payment(date(2022 + year, 5, 2), -45_000, "EUR", "Allianz") for year in range(4)]
    allianz = only(detect_recurring(payments, TODAY), "Allianz")
    assert (allianz.interval, allianz.interval_days) == ("yearly", 365)
    assert allianz.next_date == date(2026, 5, 2)
    assert allianz.active


def test_weekly_payment() -> None:
    found = detect_recurring(every("Gym", date(2026, 1, 5), 7, 9, -500), TODAY)
    gym = only(found, "Gym")
    assert gym.interval == "weekly"
    assert gym.next_date == date(2026, 3, 9)
    assert gym.active


def test_biweekly_salary_comes_in() -> None:
    found = detect_recurring(every("ACME", date(2025, 6, 5), 14, 20, 210_000), TODAY)
    salary = only(found, "ACME")
    assert salary.interval == "biweekly"
    assert salary.amount_minor == 210_000
    assert salary.next_date == date(2026, 3, 12)


def test_cancelled_subscription_is_inactive() -> None:
    found = detect_recurring(monthly("Spotify", date(2025, 1, 3), 6, -999), TODAY)
    spotify = only(found, "Spotify")
    assert spotify.next_date == date(2025, 7, 3)
    assert not spotify.active


def test_payment_on_the_31st_is_clamped_and_comes_back_to_the_31st() -> None:
    rent = only(detect_recurring(monthly("Rent", date(2025, 10, 31), 4, -90_000), TODAY), "Rent")
    assert rent.last_date == date(2026, 1, 31)
    assert rent.next_date == date(2026, 2, 28)
    payments = monthly("Rent", date(2025, 12, 31), 3, -90_000)
    assert payments[-1].date == date(2026, 2, 28)
    assert only(detect_recurring(payments, TODAY), "Rent").next_date == date(2026, 3, 31)
    payments = monthly("Rent", date(2025, 11, 30), 4, -90_000)
    assert only(detect_recurring(payments, TODAY), "Rent").next_date == date(2026, 3, 30)


def test_one_missed_and_one_extra_payment_keep_the_series() -> None:
    payments = monthly("Vodafone", date(2025, 1, 10), 12, -3_999)
    del payments[5]  # June was not charged
    payments.append(Payment(date(2025, 9, 22), -3_999, "EUR", "Vodafone"))  # charged twice
    vodafone = only(detect_recurring(payments, TODAY), "Vodafone")
    assert vodafone.interval == "monthly"
    assert vodafone.occurrences == 11
    assert vodafone.next_date == date(2026, 1, 10)
    clean = only(detect_recurring(monthly("V", date(2025, 1, 10), 12, -3_999), TODAY), "V")
    assert vodafone.confidence < clean.confidence


def test_random_grocery_shopping_is_not_recurring() -> None:
    for seed in range(20):
        rng = random.Random(seed)
        noise = grocery_noise(rng, ["Rewe", "Aldi", "Lidl", "Edeka"], date(2024, 1, 1))
        assert detect_recurring(noise, TODAY) == [], f"seed {seed}"


def test_series_are_found_among_noise_and_sorted_by_next_date() -> None:
    payments = grocery_noise(random.Random(3), ["Rewe", "Aldi"], date(2025, 1, 1))
    payments += monthly("Netflix", date(2025, 1, 15), 14, -1_399)
    payments += every("ACME", date(2025, 6, 5), 14, 20, 210_000)
    payments += monthly("Telekom", date(2025, 3, 1), 12, -4_495)
    found = detect_recurring(payments, TODAY)
    assert [item.payee for item in found] == ["Telekom", "ACME", "Netflix"]
    assert [item.next_date for item in found] == sorted(item.next_date for item in found)


def test_a_subscription_among_one_off_purchases_of_similar_size_is_found() -> None:
    rng = random.Random(4)
    payments = monthly("Apple", date(2025, 2, 7), 13, -299)
    day = date(2025, 1, 1)
    while day < TODAY:
        day += timedelta(days=rng.randint(2, 12))
        payments.append(
            Payment(day, -rng.choice([279, 289, 309, 319, 329, 99, 499]), "EUR", "Apple")
        )
    found = detect_recurring(payments, TODAY)
    assert [(item.payee, item.amount_minor, item.interval) for item in found] == [
        ("Apple", -299, "monthly")
    ]
    assert found[0].next_date == date(2026, 3, 7)


def test_money_in_and_out_with_one_payee_are_separate_series() -> None:
    payments = monthly("Max", date(2025, 1, 1), 6, -5_000) + monthly(
        "Max", date(2025, 1, 20), 6, 5_000
    )
    found = detect_recurring(payments, TODAY)
    assert sorted(item.amount_minor for item in found) == [-5_000, 5_000]


def test_too_few_payments_are_not_a_series() -> None:
    payments = monthly("Netflix", date(2025, 11, 15), 3, -1_399)
    assert len(detect_recurring(payments, TODAY)) == 1
    assert detect_recurring(payments, TODAY, min_occurrences=4) == []


@settings(max_examples=150, deadline=None)
@given(
    first=st.dates(min_value=date(2018, 1, 1), max_value=date(2024, 12, 31)),
    count=st.integers(min_value=4, max_value=30),
    amount=st.integers(min_value=-500_000, max_value=500_000).filter(lambda value: value != 0),
)
def test_an_exact_monthly_series_is_always_found(first: date, count: int, amount: int) -> None:
    payments = monthly("Series", first, count, amount)
    found = detect_recurring(payments, TODAY)
    assert len(found) == 1
    series = found[0]
    assert series.interval == "monthly"
    assert series.occurrences == count
    expected = monthly("Series", first, count + 1, amount)[-1].date
    assert series.next_date == expected


def test_subscriptions_hidden_among_many_random_payments_are_all_found() -> None:
    # The speed over 100k payments is measured in tests/bench/test_bench_finance_parts.py.
    rng = random.Random(1)
    payees = [f"Shop {index}" for index in range(200)]
    payments = [
        Payment(
            date(2021, 1, 1) + timedelta(days=rng.randint(0, 1_800)),
            -rng.randint(100, 20_000),
            "EUR",
            rng.choice(payees),
        )
        for _ in range(9_500)
    ]
    for index in range(20):
        payments += monthly(f"Subscription {index}", date(2024, 1, 1 + index % 28), 25, -999)
    found = detect_recurring(payments, TODAY)
    assert {item.payee for item in found} == {f"Subscription {index}" for index in range(20)}
