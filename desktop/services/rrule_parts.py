"""RRULE text taken apart and put back together, and its day parts moved by whole days.

`split_rule("FREQ=WEEKLY;BYDAY=MO")` is `[["FREQ", "WEEKLY"], ["BYDAY", "MO"]]`,
mutable so that a part can be changed in place; `join_rule` makes the text again.
Used when a series is split or moved (see `event_series` and `calendar_series`).
"""

from __future__ import annotations

from desktop.core.errors import UserError

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def split_rule(rule: str) -> list[list[str]]:
    """The [NAME, value] parts of an RRULE, names in upper case."""
    parts = []
    for piece in rule.split(";"):
        if piece:
            name, _, value = piece.partition("=")
            parts.append([name.upper(), value])
    return parts


def join_rule(parts: list[list[str]]) -> str:
    """The RRULE text of `parts`."""
    return ";".join(f"{name}={value}" for name, value in parts)


def rule_value(parts: list[list[str]], name: str) -> str | None:
    """The value of the part `name`, None if the rule has none."""
    return next((value for key, value in parts if key == name), None)


def set_rule_value(parts: list[list[str]], name: str, value: str | None) -> None:
    """Replace the part `name` by `value` (at the end), or drop it when `value` is None."""
    for part in list(parts):
        if part[0] == name:
            parts.remove(part)
    if value is not None:
        parts.append([name, value])


def rotate_weekdays(value: str, days: int) -> str:
    """A BYDAY list moved by `days`; UserError for ordinal days such as 1MO."""
    moved = []
    for item in value.split(","):
        if item.upper() not in WEEKDAYS:
            raise UserError(
                f"moving this series to another day does not fit its rule (BYDAY={value}); "
                "give the new rule as well (--rrule)"
            )
        moved.append(WEEKDAYS[(WEEKDAYS.index(item.upper()) + days) % 7])
    return ",".join(moved)


def moved_month_days(value: str, days: int) -> str:
    """A BYMONTHDAY list moved by `days`; UserError when a day would leave 1..28."""
    moved = []
    for item in value.split(","):
        day = int(item) + days
        if int(item) < 1 or not 1 <= day <= 28:
            raise UserError(
                f"moving this series to another day does not fit its rule "
                f"(BYMONTHDAY={value}); give the new rule as well (--rrule)"
            )
        moved.append(str(day))
    return ",".join(moved)
