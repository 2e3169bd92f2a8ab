"""Money in minor units, the hybrid logical clock, fractional sort keys, Changes."""

from __future__ import annotations

import itertools
import random
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.core.hlc import MAX_FUTURE_MS, ClockSkewError, HybridClock, millis_of, pack
from desktop.core.money import check_currency, format_amount, parse_amount, to_decimal
from desktop.core.sortkey import between, sequence


@pytest.mark.parametrize(
    ("text", "currency", "minor"),
    [
        ("-12.50", "EUR", -1250),
        ("1,234.5", "USD", 123450),
        ("+3", "EUR", 300),
        ("1000", "JPY", 1000),
        ("0.001", "KWD", 1),
        ("-0", "EUR", 0),
    ],
)
def test_parse_amount(text: str, currency: str, minor: int) -> None:
    assert parse_amount(text, currency) == minor


@pytest.mark.parametrize("text", ["12.345", "abc", "", "1e999", "NaN", "inf", "1.5.2"])
def test_bad_amounts(text: str) -> None:
    with pytest.raises(UserError):
        parse_amount(text, "EUR")


def test_yen_has_no_decimals() -> None:
    with pytest.raises(UserError, match="more than 0 decimals"):
        parse_amount("10.5", "JPY")


def test_format_and_decimal() -> None:
    assert format_amount(-1250, "EUR") == "-12.50"
    assert format_amount(5, "USD") == "0.05"
    assert to_decimal(1000, "JPY") == Decimal("1000")
    assert check_currency(" eur ") == "EUR"
    with pytest.raises(UserError):
        check_currency("EURO")


@given(st.integers(min_value=-(10**14), max_value=10**14))
def test_money_round_trips(minor: int) -> None:
    assert parse_amount(format_amount(minor, "EUR"), "EUR") == minor


def test_hlc_is_monotonic_when_the_wall_clock_stands_still_or_goes_back() -> None:
    wall = [1_000_000]
    clock = HybridClock(physical=lambda: wall[0])
    first = clock.tick()
    second = clock.tick()
    wall[0] -= 5000  # the system clock jumps back
    third = clock.tick()
    assert first < second < third
    assert millis_of(first) == 1_000_000


def test_hlc_receive_rule_moves_past_remote_and_refuses_far_future() -> None:
    wall = [1_000_000]
    clock = HybridClock(physical=lambda: wall[0])
    remote = pack(1_000_000 + 60_000, 7)  # a minute ahead: accepted
    assert clock.receive(remote) > remote
    with pytest.raises(ClockSkewError, match="ahead"):
        clock.receive(pack(1_000_000 + MAX_FUTURE_MS + 1000, 0))


def test_sort_keys_always_fit_between() -> None:
    rng = random.Random(3)
    keys: list[str] = [between(None, None)]
    for _ in range(3000):
        at = rng.randrange(len(keys) + 1)
        low = keys[at - 1] if at else None
        high = keys[at] if at < len(keys) else None
        key = between(low, high)
        assert low is None or low < key
        assert high is None or key < high
        keys.insert(at, key)
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    assert max(map(len, keys)) < 12


def test_sequence_is_ascending_and_leaves_room() -> None:
    keys = sequence(5000, after="U")
    assert keys == sorted(keys)
    assert len(set(keys)) == 5000
    assert keys[0] > "U"
    for low, high in itertools.pairwise(keys):
        assert low < between(low, high) < high
    assert between(None, keys[0]) < keys[0]


def test_between_refuses_disorder() -> None:
    with pytest.raises(ValueError, match="out of order"):
        between("b", "a")


def test_changes_combine_and_name_areas() -> None:
    merged = Changes(tasks=True) | Changes.of("finance")
    assert merged.areas() == ["tasks", "finance"]
    assert not Changes()
    with pytest.raises(ValueError, match="unknown"):
        Changes.of("nonsense")
