"""Money as integer minor units with an ISO 4217 currency, never floats."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from desktop.core.errors import UserError

# Currencies whose minor unit is not 2 digits; everything else uses cents.
_MINOR_DIGITS = {
    "JPY": 0,
    "KRW": 0,
    "VND": 0,
    "ISK": 0,
    "CLP": 0,
    "HUF": 2,
    "BHD": 3,
    "KWD": 3,
    "OMR": 3,
    "JOD": 3,
    "TND": 3,
}
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def minor_digits(currency: str) -> int:
    """How many digits the currency's minor unit has (2 for most)."""
    return _MINOR_DIGITS.get(currency, 2)


def check_currency(code: str) -> str:
    """The upper-cased code, or a UserError when it is not an ISO 4217 shape."""
    upper = code.strip().upper()
    if not _CURRENCY.match(upper):
        raise UserError(f"'{code}' is not a currency code; use three letters such as EUR or USD")
    return upper


def parse_amount(text: str, currency: str) -> int:
    """Parse '-12.50', '1,234.5', '+3' into minor units of `currency`.

    More decimals than the currency has is an error rather than a silent rounding.
    """
    cleaned = text.strip().replace(",", "").replace("_", "")
    if cleaned.startswith("+"):
        cleaned = cleaned[1:]
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise UserError(f"'{text}' is not an amount; write it like -12.50 or 1200") from None
    if not value.is_finite():
        raise UserError(f"'{text}' is not an amount; write it like -12.50 or 1200")
    digits = minor_digits(currency)
    scaled = value.scaleb(digits)
    if scaled != scaled.to_integral_value():
        raise UserError(f"'{text}' has more than {digits} decimals for {currency}")
    minor = int(scaled)
    if abs(minor) >= 10**15:
        raise UserError(f"'{text}' is too large an amount")
    return minor


def to_decimal(minor: int, currency: str) -> Decimal:
    """Minor units as a Decimal with the currency's number of decimals."""
    digits = minor_digits(currency)
    return (Decimal(minor).scaleb(-digits)).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_EVEN)


def format_amount(minor: int, currency: str) -> str:
    """Minor units as a decimal string: 1250, 'EUR' -> '12.50'."""
    return str(to_decimal(minor, currency))
