"""RRULEs in words: "every weekday", "every 3 days", "monthly on the last Friday"."""

from __future__ import annotations

_DAY_NAMES = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}
_UNITS = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}
_ADVERBS = {"DAILY": "daily", "WEEKLY": "weekly", "MONTHLY": "monthly", "YEARLY": "yearly"}
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last", -2: "second to last"}
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _day(code: str) -> str:
    """'MO' -> 'Monday', '-1FR' -> 'last Friday', '2TU' -> 'second Tuesday'."""
    name = _DAY_NAMES.get(code[-2:], code)
    prefix = code[:-2]
    if not prefix:
        return name
    try:
        return f"{_ORDINALS.get(int(prefix), _ordinal(int(prefix)))} {name}"
    except ValueError:
        return code


def describe_rrule(rule: str) -> str:
    """A short English reading of `rule`; the rule itself when it is beyond these words."""
    body = rule.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    parts: dict[str, str] = {}
    for item in body.upper().split(";"):
        if "=" in item:
            key, value = item.split("=", 1)
            parts[key] = value
    freq = parts.get("FREQ", "")
    if freq not in _UNITS:
        return rule
    interval = int(parts.get("INTERVAL", "1") or 1)
    days = [d for d in parts.get("BYDAY", "").split(",") if d]
    if interval == 1:
        text = _ADVERBS[freq]
    else:
        text = f"every {interval} {_UNITS[freq]}s"
    if freq in ("DAILY", "WEEKLY") and days and interval == 1:
        if sorted(days) == sorted(["MO", "TU", "WE", "TH", "FR"]):
            text = "every weekday"
        elif sorted(days) == sorted(["SA", "SU"]):
            text = "every weekend day"
        else:
            text = "every " + ", ".join(_day(d) for d in days)
    elif days:
        text += " on the " + ", ".join(_day(d) for d in days)
    if parts.get("BYMONTHDAY"):
        numbers = [int(n) for n in parts["BYMONTHDAY"].split(",")]
        text += " on the " + ", ".join("last day" if n == -1 else _ordinal(n) for n in numbers)
    if parts.get("BYMONTH") and freq == "YEARLY":
        months = [_MONTHS[int(m) - 1] for m in parts["BYMONTH"].split(",")]
        text += " in " + ", ".join(months)
    if parts.get("COUNT"):
        text += f", {parts['COUNT']} times"
    if parts.get("UNTIL"):
        until = parts["UNTIL"][:8]
        text += f", until {until[:4]}-{until[4:6]}-{until[6:8]}"
    return text
