"""What a model run costs: list prices per model and exact integer micro-dollars.

Prices are US dollars per million tokens (input, output) as the vendors publish
them (checked against their pricing pages; `PRICES_AS_OF`). A dated snapshot of a
model ("gpt-4o-mini-2024-07-18", "claude-3-5-haiku-20241022") or a "-latest" alias
costs what its model costs. Local servers and the offline planner cost nothing. A
model not in the table has no price: `price_of` returns None, `cost_micros` returns
0 and `cost_known` is False, so the UI can say "cost unknown" rather than "$0".

Arithmetic: tokens x (USD per million tokens) = micro-dollars, in Decimal, rounded
half up to a whole micro-dollar once per run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from desktop.agents.model import Usage

PRICES_AS_OF = "2025-10"
FREE_PROVIDERS = ("local", "offline")


@dataclass(frozen=True)
class Price:
    """US dollars per million input tokens and per million output tokens."""

    input_per_million: Decimal
    output_per_million: Decimal

    def micros(self, usage: Usage) -> int:
        """The cost of `usage` in micro-dollars (millionths of a US dollar)."""
        exact = (
            usage.input_tokens * self.input_per_million
            + usage.output_tokens * self.output_per_million
        )
        return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _p(input_usd: str, output_usd: str) -> Price:
    return Price(Decimal(input_usd), Decimal(output_usd))


FREE = _p("0", "0")

PRICES: dict[str, Price] = {
    # OpenAI
    "gpt-4o": _p("2.50", "10.00"),
    "gpt-4o-mini": _p("0.15", "0.60"),
    "gpt-4.1": _p("2.00", "8.00"),
    "gpt-4.1-mini": _p("0.40", "1.60"),
    "gpt-4.1-nano": _p("0.10", "0.40"),
    "gpt-5": _p("1.25", "10.00"),
    "gpt-5-mini": _p("0.25", "2.00"),
    "gpt-5-nano": _p("0.05", "0.40"),
    "gpt-4-turbo": _p("10.00", "30.00"),
    "gpt-4": _p("30.00", "60.00"),
    "gpt-3.5-turbo": _p("0.50", "1.50"),
    "o1": _p("15.00", "60.00"),
    "o1-mini": _p("1.10", "4.40"),
    "o1-pro": _p("150.00", "600.00"),
    "o3": _p("2.00", "8.00"),
    "o3-mini": _p("1.10", "4.40"),
    "o3-pro": _p("20.00", "80.00"),
    "o4-mini": _p("1.10", "4.40"),
    # Anthropic
    "claude-3-haiku": _p("0.25", "1.25"),
    "claude-3-5-haiku": _p("0.80", "4.00"),
    "claude-haiku-4-5": _p("1.00", "5.00"),
    "claude-3-5-sonnet": _p("3.00", "15.00"),
    "claude-3-7-sonnet": _p("3.00", "15.00"),
    "claude-sonnet-4": _p("3.00", "15.00"),
    "claude-sonnet-4-0": _p("3.00", "15.00"),
    "claude-sonnet-4-5": _p("3.00", "15.00"),
    "claude-3-opus": _p("15.00", "75.00"),
    "claude-opus-4": _p("15.00", "75.00"),
    "claude-opus-4-0": _p("15.00", "75.00"),
    "claude-opus-4-1": _p("15.00", "75.00"),
    "claude-opus-4-5": _p("5.00", "25.00"),
}

# What may follow a model's name and still be that model: a date or "latest".
_SNAPSHOT = re.compile(r"-(?:\d{4}-\d{2}-\d{2}|\d{8}|\d{4}|latest)$")


def canonical_model(model: str) -> str:
    """The table's name for `model`: lower case, without a snapshot date or "-latest"."""
    name = model.strip().lower()
    if name in PRICES:
        return name
    return _SNAPSHOT.sub("", name)


def price_of(model: str, provider: str | None = None) -> Price | None:
    """The model's price; free for local servers and the offline planner; None if unknown."""
    if provider in FREE_PROVIDERS:
        return FREE
    return PRICES.get(canonical_model(model))


def cost_known(provider: str, model: str) -> bool:
    return price_of(model, provider) is not None


def cost_micros(provider: str, model: str, usage: Usage) -> int:
    """What `usage` of `model` costs in micro-dollars; 0 when the price is unknown."""
    price = price_of(model, provider)
    return price.micros(usage) if price is not None else 0


def format_cost(micros: int | None) -> str:
    """Micro-dollars for people: "$0.0042", "$0.10", "$1.25"; None reads "cost unknown"."""
    if micros is None:
        return "cost unknown"
    dollars = Decimal(micros) / Decimal(1_000_000)
    if micros >= 10_000:  # a cent or more: cents are enough
        return f"${dollars.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}"
    text = f"{dollars.quantize(Decimal('0.000001')).normalize():f}"
    whole, _, fraction = text.partition(".")
    return f"${whole}.{fraction.ljust(2, '0')}"
