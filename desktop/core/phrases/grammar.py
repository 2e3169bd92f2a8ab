"""Regular expressions and small readers for days, times and durations in phrases.

Every pattern runs on the lower-cased working copy of the phrase (see `scan`).
Readers turn a match into plain values; resolving against "now" happens in `dates`.
"""

from __future__ import annotations

import re
from datetime import time

from desktop.core.when import WEEKDAYS

WD = (
    r"(?:monday|mon|tuesday|tues|tue|wednesday|weds|wed|thursday|thurs|thur|thu|"
    r"friday|fri|saturday|sat|sunday|sun)"
)
# Short forms that are also English words need a linking word before them.
AMBIGUOUS_WD = frozenset({"sat", "sun", "wed"})
WD_PLURAL = r"(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)"
MONTH = (
    r"(?:january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|"
    r"september|sept|sep|october|oct|november|nov|december|dec)\.?"
)
MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "last": -1,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "other": 2,
    "second": 2,
    "third": 3,
}
NUM = r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
# Parts of the day: the default time, and the meridiem a bare hour takes.
PARTS_OF_DAY = {
    "morning": (time(9), "am"),
    "afternoon": (time(15), "pm"),
    "evening": (time(19), "pm"),
    "night": (time(21), "pm"),
    "tonight": (time(20), "pm"),
    "noon": (time(12), "pm"),
    "lunchtime": (time(12), "pm"),
    "midnight": (time(0), "am"),
}

# A linking word before a day; kept so that "by friday" and "until friday" differ.
_LINKS = r"on|by|due\s+on|due\s+by|due|before|from|starting\s+on|starting|until|till|to"
PRE = r"(?:\b(?P<pre>" + _LINKS + r")\s+)?"

_UNIT_MINUTES = {"m": 1, "h": 60, "d": 1440, "w": 10080}
_UNIT = re.compile(r"(?P<n>" + NUM + r")\s*(?P<u>[a-z]+)")


def weekday_index(word: str) -> int:
    return WEEKDAYS[word.rstrip("s") if word.rstrip("s") in WEEKDAYS else word]


def month_index(word: str) -> int:
    return MONTHS[word.rstrip(".")]


def number(word: str) -> float:
    return float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(word)


def unit_letter(unit: str) -> str | None:
    """'minutes' -> 'm', 'hrs' -> 'h', 'days' -> 'd', 'weeks' -> 'w', 'months' -> 'M'."""
    if unit in ("m", "min", "mins", "minute", "minutes"):
        return "m"
    if unit in ("h", "hr", "hrs", "hour", "hours"):
        return "h"
    if unit in ("d", "day", "days"):
        return "d"
    if unit in ("w", "wk", "wks", "week", "weeks"):
        return "w"
    if unit in ("month", "months", "mo", "mos"):
        return "M"
    if unit in ("year", "years", "yr", "yrs", "y"):
        return "Y"
    return None


def duration_minutes(text: str) -> int | None:
    """'15m', '2 hours', '1h30m', 'an hour', 'half an hour', '1.5h', '3 days' as minutes."""
    text = text.strip()
    if re.fullmatch(r"half\s+an?\s+hour", text):
        return 30
    total = 0.0
    rest = text
    while rest:
        match = _UNIT.match(rest)
        if not match:
            return None
        letter = unit_letter(match.group("u"))
        if letter not in _UNIT_MINUTES:
            return None
        total += number(match.group("n")) * _UNIT_MINUTES[letter]
        rest = rest[match.end() :].lstrip()
        if rest.startswith("and "):
            rest = rest[4:].lstrip()
    minutes = round(total)
    return minutes if 0 < minutes <= 366 * 1440 else None


def clock(hour: int, minute: int, meridiem: str | None) -> time | None:
    """A time of day from an hour, minutes and 'am'/'pm' (or None); None when impossible."""
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    if hour == 24 and minute == 0:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


def meridiem(text: str | None) -> str | None:
    if not text:
        return None
    return "pm" if text.replace(".", "").startswith("p") else "am"


# A clock time with a marker (minutes or am/pm), for ranges and single times.
_T = (
    r"(?P<{p}h>[01]?\d|2[0-4])(?::(?P<{p}m>[0-5]\d))?\s*(?P<{p}ap>a\.m\.|p\.m\.|am|pm)?"
    r"(?![\w:])"
)
TIME_RANGE = re.compile(
    r"(?:\b(?P<pre>from|between|at|@)\s+)?(?<![\d:.\w/-])"
    + _T.format(p="a")
    + r"\s*(?P<sep>-|–|to|till|until|and)\s*"
    + _T.format(p="b")
)
TIME_ONE = re.compile(
    r"(?:(?<![\w@])(?P<pre>at|@|by|around|from|before|after|starting\s+at|due(?:\s+at|\s+by)?)\s+)?"
    r"(?<![\d:.\w/-])(?:(?P<h>[01]?\d|2[0-4]):(?P<m>[0-5]\d)\s*(?P<ap>a\.m\.|p\.m\.|am|pm)?"
    r"|(?P<h2>1[0-2]|0?[1-9])\s*(?P<ap2>a\.m\.|p\.m\.|am|pm)"
    r"|(?P<word>noon|midday|midnight)"
    r"|(?P<h3>1[0-2]|0?[1-9])\s*o'?clock)(?![\w:])"
)
# "at 10", "around 7": a bare hour needs a linking word.
TIME_BARE = re.compile(
    r"(?<![\w@])(?P<pre>at|@|around|by|before)\s+(?P<h>[01]?\d|2[0-3])(?![\w:.,/%-]|\s*(?:%|st\b|nd\b|rd\b|th\b|"
    r"days?\b|weeks?\b|months?\b|hours?\b|mins?\b|minutes?\b|people\b|times?\b|[a-z]+\s+st\b))"
)
PART_OF_DAY = re.compile(
    r"\b(?:(?:in\s+the|this|at|tomorrow)\s+(?P<part>morning|afternoon|evening|night|lunchtime)|"
    r"(?P<part2>tonight))\b"
)
DURATION = re.compile(
    r"\bfor\s+(?P<d>(?:half\s+an?\s+hour|(?:(?:" + NUM + r")\s*(?:minutes?|mins?|m|hours?|hrs?|h|"
    r"days?|d|weeks?|w)(?![a-z])\s*(?:and\s+)?)+))"
)
