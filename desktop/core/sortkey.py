"""Fractional sort keys: strings that always have room for one more in between.

Reordering a task writes only that task's key, which merges cleanly under
sync (no renumbering of siblings). Keys use the digits 0-9A-Za-z and compare
with plain string ordering (the byte order of that alphabet is ascending).
"""

from __future__ import annotations

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_BASE = len(DIGITS)
_INDEX = {ch: i for i, ch in enumerate(DIGITS)}
FIRST = "U"


def between(before: str | None, after: str | None) -> str:
    """A key strictly between `before` and `after` (None means open-ended)."""
    if before is not None and after is not None and not before < after:
        raise ValueError(f"sort keys out of order: {before!r} >= {after!r}")
    low = before or ""
    high = after
    result = []
    position = 0
    while True:
        lo_digit = _INDEX[low[position]] if position < len(low) else 0
        hi_digit = _INDEX[high[position]] if high is not None and position < len(high) else _BASE
        if hi_digit - lo_digit > 1:
            result.append(DIGITS[(lo_digit + hi_digit) // 2])
            return "".join(result)
        result.append(DIGITS[lo_digit])
        if hi_digit - lo_digit == 1:
            # The high side is exhausted from here on: only the low side bounds us.
            high = None
        position += 1


def sequence(count: int, after: str | None = None) -> list[str]:
    """`count` ascending keys after `after`, of equal length, for bulk inserts.

    Like every key `between` makes, none ends in the lowest digit, so there is
    always room for another key in front of it.
    """
    width = 1
    while _BASE**width < 2 * (count + 2):
        width += 1
    prefix = after + "0" if after else ""
    keys = []
    for index in range(1, count + 1):
        number = index * (_BASE**width - 1) // (count + 1)
        if number % _BASE == 0:
            number += 1  # a key ending in "0" would leave no room before it
        digits = []
        for _ in range(width):
            number, rem = divmod(number, _BASE)
            digits.append(DIGITS[rem])
        keys.append(prefix + "".join(reversed(digits)))
    return keys
