"""Reading arguments out of a request: day ranges, months, durations, names and phrases.

Each reader looks for one kind of fragment in the request's lower-cased text and
returns the value an action takes (ISO dates, "YYYY-MM", "1h30m"), or None when the
request does not say. Tasks and events themselves are read by the natural-language
parser (`desktop.core.phrases.parse`), the same one quick add uses.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from desktop.agents.offline.steps import Request
from desktop.core.when import WEEKDAYS

if TYPE_CHECKING:  # the grammar compiles its patterns on import: load it on first use
    from desktop.core.phrases import Preview

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
MONTHS = {name: index for index, name in enumerate(_MONTH_NAMES.split(), start=1)}
_WEEKDAY = r"(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?"
_BEFORE = re.compile(r"\b(?:before|by|until|till)\s+(?:next\s+)?" + _WEEKDAY + r"\b")
_ON_WEEKDAY = re.compile(r"\b(?:on\s+|next\s+|this\s+)?" + _WEEKDAY + r"\b")
_NEXT_DAYS = re.compile(r"\b(?:next|coming)\s+(\d+|two|three|four|five|six|seven)\s+days\b")
_ISO_DAY = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_NUMBER_WORDS.update(six=6, seven=7)
_DURATION = re.compile(
    r"\b(half an hour|an hour and a half|\d+(?:\.\d+)?\s*(?:hours?|hrs?|h|minutes?|mins?|m)"
    r"|(?:an?|one|two|three|four)\s+(?:hours?|minutes?))\b"
)
_MONEY = re.compile(r"(?<![\w.])(\d+(?:[.,]\d{1,2})?)\s*(?:€|eur|euros?|\$|usd|dollars?)?")


def next_weekday(today: date, index: int, *, include_today: bool = False) -> date:
    """The first day with weekday `index` after today (or today itself when allowed)."""
    ahead = (index - today.weekday()) % 7
    if ahead == 0 and not include_today:
        ahead = 7
    return today + timedelta(days=ahead)


def _weekday_index(word: str) -> int:
    return WEEKDAYS[word[:3] if word[:3] in WEEKDAYS else word]


def day_range(req: Request) -> tuple[date, date] | None:
    """The days a request is about ("tomorrow", "this week", "on friday", "before friday")."""
    text, today = req.lower, req.today
    iso = _ISO_DAY.search(text)
    if iso:
        day = date.fromisoformat(iso.group(1))
        return day, day
    before = _BEFORE.search(text)
    if before:
        last = next_weekday(today, _weekday_index(before.group(1))) - timedelta(days=1)
        return today, max(today, last)
    spans = (
        ("today", today, today),
        ("tonight", today, today),
        ("tomorrow", req.tomorrow, req.tomorrow),
        ("yesterday", today - timedelta(days=1), today - timedelta(days=1)),
        ("next week", *_week(today + timedelta(days=7))),
        ("this weekend", *_weekend(today)),
        ("the weekend", *_weekend(today)),
        ("this week", today, _week(today)[1]),
        ("my week", today, _week(today)[1]),
        ("the week", today, _week(today)[1]),
        ("this month", today, _month_end(today)),
    )
    for word, first, last in spans:
        if re.search(rf"\b{word}\b", text):
            return first, last
    ahead = _NEXT_DAYS.search(text)
    if ahead:
        count = _NUMBER_WORDS.get(ahead.group(1)) or int(ahead.group(1))
        return today, today + timedelta(days=count - 1)
    named = _ON_WEEKDAY.search(text)
    if named:
        day = next_weekday(today, _weekday_index(named.group(1)), include_today=True)
        return day, day
    return None


def _week(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _weekend(today: date) -> tuple[date, date]:
    saturday = next_weekday(today, 5, include_today=True)
    return saturday, saturday + timedelta(days=1)


def _month_end(day: date) -> date:
    first_next = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
    return first_next - timedelta(days=1)


def month(req: Request) -> str | None:
    """The month a request names, as YYYY-MM ("this month", "last month", "in february")."""
    text, today = req.lower, req.today
    if "last month" in text or "previous month" in text:
        last = today.replace(day=1) - timedelta(days=1)
        return f"{last:%Y-%m}"
    if "next month" in text:
        return f"{_month_end(today) + timedelta(days=1):%Y-%m}"
    if "this month" in text:
        return f"{today:%Y-%m}"
    for name, number in MONTHS.items():
        found = re.search(rf"\b(?:in |of |during )?{name}(?:\s+(\d{{4}}))?\b", text)
        if found is None or (name == "may" and not found.group(0).startswith(("in", "of", "du"))):
            continue  # "may" alone is a verb
        year = int(found.group(1)) if found.group(1) else today.year
        if not found.group(1) and number > today.month:
            year -= 1  # a month named without a year is the last one that began
        return f"{year:04d}-{number:02d}"
    return None


def duration(req: Request) -> str | None:
    """How long ("an hour" -> 1h, "90 minutes" -> 90m, "half an hour" -> 30m)."""
    found = _DURATION.search(req.lower)
    if not found:
        return None
    words = found.group(1)
    if words == "half an hour":
        return "30m"
    if words == "an hour and a half":
        return "90m"
    parts = re.match(r"([\d.]+|an?|one|two|three|four)\s*(.*)", words)
    if parts is None:
        return None
    amount_text, unit = parts.groups()
    amount = float(amount_text) if amount_text[0].isdigit() else _NUMBER_WORDS[amount_text]
    minutes = amount * 60 if unit.startswith("h") else amount
    return f"{round(minutes)}m"


def money(text: str) -> str | None:
    """The first amount in `text` ("12.50", "30 euros") as a decimal string."""
    found = _MONEY.search(text)
    return found.group(1).replace(",", ".") if found else None


def after(text: str, *words: str) -> str | None:
    """The words after the first of `words` (to the end, or to a comma or question mark)."""
    for word in words:
        found = re.search(rf"\b{re.escape(word)}\s+(.+?)\s*(?:[,?.!]|$)", text)
        if found:
            return found.group(1).strip(" '\"")
    return None


def quoted(text: str) -> str | None:
    """A phrase in quotes, if the request has one."""
    found = re.search(r"[\"“']([^\"”']{2,})[\"”']", text)
    return found.group(1) if found else None


def phrase(req: Request, text: str, kind: str) -> Preview:
    """`text` read as a task or an event against the user's clock and zone."""
    from desktop.core.phrases import parse

    return parse(text, req.now, req.zone, kind=kind)


def iso(value: object) -> str | None:
    """A date or date-time as the ISO text actions take (None stays None)."""
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
