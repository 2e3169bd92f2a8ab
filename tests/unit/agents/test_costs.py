"""The cost table: exact micro-dollars per run, snapshots and aliases, unknown models flagged."""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction

import pytest

from desktop.agents.costs import (
    PRICES,
    Price,
    canonical_model,
    cost_known,
    cost_micros,
    format_cost,
    price_of,
)
from desktop.agents.model import Usage
from desktop.agents.providers.keys import DEFAULT_MODELS


def expected_micros(price: Price, usage: Usage) -> int:
    """The same sum with Fractions, rounded half up: an independent check of the Decimal code."""
    exact = usage.input_tokens * Fraction(price.input_per_million) + usage.output_tokens * Fraction(
        price.output_per_million
    )
    whole, rest = divmod(exact, 1)
    return int(whole) + (1 if rest >= Fraction(1, 2) else 0)


def test_a_million_tokens_cost_the_list_price() -> None:
    # gpt-4o-mini: $0.15 in, $0.60 out per million tokens.
    assert cost_micros("openai", "gpt-4o-mini", Usage(1_000_000, 0)) == 150_000
    assert cost_micros("openai", "gpt-4o-mini", Usage(0, 1_000_000)) == 600_000
    # claude-3-5-haiku: $0.80 in, $4.00 out.
    assert cost_micros("anthropic", "claude-3-5-haiku-latest", Usage(2_000, 500)) == 3_600


def test_rounding_is_half_up_to_a_whole_micro_dollar() -> None:
    assert cost_micros("openai", "gpt-4o-mini", Usage(3, 0)) == 0  # 0.45
    assert cost_micros("openai", "gpt-4o-mini", Usage(10, 0)) == 2  # 1.5
    assert cost_micros("openai", "gpt-4o-mini", Usage(7, 0)) == 1  # 1.05


def test_integer_arithmetic_matches_fractions_for_every_model() -> None:
    draw = random.Random(7)
    for model, price in PRICES.items():
        for _ in range(25):
            usage = Usage(draw.randrange(0, 2_000_000), draw.randrange(0, 200_000))
            got = cost_micros("openai", model, usage)
            assert isinstance(got, int)
            assert got == expected_micros(price, usage), model


def test_huge_counts_stay_exact() -> None:
    usage = Usage(10**12 + 1, 10**12 + 3)
    price = PRICES["gpt-4o"]
    assert cost_micros("openai", "gpt-4o", usage) == expected_micros(price, usage)


@pytest.mark.parametrize(
    ("snapshot", "model"),
    [
        ("gpt-4o-mini-2024-07-18", "gpt-4o-mini"),
        ("gpt-4o-2024-08-06", "gpt-4o"),
        ("gpt-4.1-nano-2025-04-14", "gpt-4.1-nano"),
        ("o3-mini-2025-01-31", "o3-mini"),
        ("claude-3-5-haiku-20241022", "claude-3-5-haiku"),
        ("claude-3-5-haiku-latest", "claude-3-5-haiku"),
        ("claude-3-7-sonnet-20250219", "claude-3-7-sonnet"),
        ("claude-sonnet-4-20250514", "claude-sonnet-4"),
        ("claude-opus-4-1-20250805", "claude-opus-4-1"),
        ("GPT-4o", "gpt-4o"),
    ],
)
def test_snapshots_and_aliases_cost_what_their_model_costs(snapshot: str, model: str) -> None:
    assert canonical_model(snapshot) == model
    assert price_of(snapshot) == PRICES[model]


def test_similar_names_are_not_mixed_up() -> None:
    assert price_of("gpt-4o-mini") != price_of("gpt-4o")
    assert price_of("o3-mini") != price_of("o3")
    assert price_of("claude-opus-4-5") != price_of("claude-opus-4")
    # A variant with its own price must not borrow the base model's.
    assert price_of("gpt-4o-audio-preview") is None
    assert price_of("gpt-4o-realtime-preview-2024-12-17") is None


def test_unknown_models_cost_zero_and_say_so() -> None:
    usage = Usage(5_000, 5_000)
    assert price_of("some-new-model") is None
    assert cost_micros("openai", "some-new-model", usage) == 0
    assert not cost_known("openai", "some-new-model")
    assert cost_known("openai", "gpt-4o")


@pytest.mark.parametrize("provider", ["offline", "local"])
def test_offline_and_local_are_free(provider: str) -> None:
    assert cost_micros(provider, "anything", Usage(10**6, 10**6)) == 0
    assert cost_known(provider, "anything")


def test_the_default_models_have_prices() -> None:
    for provider in ("openai", "anthropic"):
        assert price_of(DEFAULT_MODELS[provider], provider) is not None


def test_prices_are_decimal_and_output_costs_at_least_input() -> None:
    for model, price in PRICES.items():
        assert isinstance(price.input_per_million, Decimal)
        assert price.output_per_million >= price.input_per_million > 0, model


@pytest.mark.parametrize(
    ("micros", "text"),
    [
        (None, "cost unknown"),
        (0, "$0.00"),
        (1, "$0.000001"),
        (4_200, "$0.0042"),
        (99_999, "$0.10"),
        (1_250_000, "$1.25"),
    ],
)
def test_costs_for_people(micros: int | None, text: str) -> None:
    assert format_cost(micros) == text
