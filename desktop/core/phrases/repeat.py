"""Recurrence phrases ("every 3 days", "every weekday", "on the 1st of every month",
"every last friday", "weekly", "5 times") as the parts of an RFC 5545 RRULE."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time

from desktop.core.phrases import grammar as g
from desktop.core.phrases.scan import Scan

CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WORKDAYS = ["MO", "TU", "WE", "TH", "FR"]


@dataclass(frozen=True)
class Rule:
    """The parts of an RRULE that a phrase gave."""

    freq: str
    interval: int = 1
    byday: tuple[str, ...] = ()
    bymonthday: int | None = None
    bymonth: int | None = None
    count: int | None = None
    until: date | None = None
    at: time | None = None  # "every morning": the time it implies
    meaning: str = ""

    def text(self, until_instant: datetime | None = None) -> str:
        """The RRULE body, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE."""
        parts = [f"FREQ={self.freq}"]
        if self.interval > 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.bymonth:
            parts.append(f"BYMONTH={self.bymonth}")
        if self.bymonthday:
            parts.append(f"BYMONTHDAY={self.bymonthday}")
        if self.byday:
            parts.append("BYDAY=" + ",".join(self.byday))
        if self.count:
            parts.append(f"COUNT={self.count}")
        elif until_instant is not None:
            parts.append("UNTIL=" + until_instant.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ"))
        elif self.until is not None:
            parts.append(f"UNTIL={self.until:%Y%m%d}")
        return ";".join(parts)


_ORD = r"(?P<ord>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)"
_DAYORD = r"(?P<d>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)|last(?:\s+day)?|first(?:\s+day)?)"
_WDLIST = r"(?P<list>" + g.WD + r"(?:\s*(?:,|and|&|\+|/)\s*" + g.WD + r")*)\b"
_EVERY = r"(?:every|each)"
_MONTHLY = r"(?:of\s+)?(?:every|each|the|a)\s+month\b"
_N = r"(?P<n>\d+|other|second|third|two|three|four|five|six|seven|eight|nine|ten|twelve)"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "nth",
        re.compile(
            r"(?:\bon\s+)?(?:"
            + _EVERY
            + r"\s+)?(?:the\s+)?\b"
            + _ORD
            + r"\s+(?P<wd>"
            + g.WD
            + r")\s+"
            + _MONTHLY
        ),
    ),
    (
        "nth",
        re.compile(
            r"\b" + _EVERY + r"\s+(?:the\s+)?" + _ORD + r"\s+(?P<wd>" + g.WD + r")\b"
            r"(?:\s+(?:of\s+)?(?:the|every|each)\s+month\b)?"
        ),
    ),
    ("monthday", re.compile(r"(?:\bon\s+)?(?:the\s+)?\b" + _DAYORD + r"\s+(?:day\s+)?" + _MONTHLY)),
    (
        "monthday",
        re.compile(
            r"\b(?:"
            + _EVERY
            + r"\s+month|monthly)\s*,?\s+on\s+the\s+"
            + _DAYORD
            + r"\b(?:\s+day\b)?"
        ),
    ),
    (
        "yearday",
        re.compile(
            r"\b"
            + _EVERY
            + r"\s+(?:year\s+on\s+)?(?P<mon>"
            + g.MONTH
            + r")\s*(?P<d>"
            + g.DAYNUM
            + r")\b"
        ),
    ),
    (
        "yearday",
        re.compile(
            r"\b"
            + _EVERY
            + r"\s+(?:year\s+on\s+)?(?:the\s+)?(?P<d>"
            + g.DAYNUM
            + r")\s+(?:of\s+)?(?P<mon>"
            + g.MONTH
            + r")(?![a-z])"
        ),
    ),
    ("weekdays", re.compile(r"\b" + _EVERY + r"\s+(?:(?P<other>other)\s+)?" + _WDLIST)),
    (
        "weekdays",
        re.compile(
            r"(?:\bon\s+)?\b(?P<list>"
            + g.WD_PLURAL
            + r"(?:\s*(?:,|and|&)\s*"
            + g.WD_PLURAL
            + r")*)\b"
        ),
    ),
    (
        "every",
        re.compile(
            r"\b" + _EVERY + r"\s+(?:" + _N + r"\s+)?(?P<u>days?|weeks?|months?|years?|"
            r"hours?|weekdays?|weekends?|workdays?|business\s+days?|fortnight|"
            r"mornings?|afternoons?|evenings?|nights?)\b"
        ),
    ),
    ("every", re.compile(r"(?:\bon\s+)?\b(?P<u>weekdays|workdays|weekends)\b")),
    (
        "adverb",
        re.compile(
            r"\b(?P<adv>daily|weekly|monthly|yearly|annually|hourly|biweekly|"
            r"fortnightly|nightly)\b"
        ),
    ),
]
COUNT = re.compile(
    r"(?:,\s*)?\b(?:for\s+)?(?P<c>\d+|two|three|four|five|six|seven|eight|nine|ten|"
    r"twelve)\s+times\b"
)

_ADVERBS = {
    "daily": ("DAILY", 1),
    "nightly": ("DAILY", 1),
    "weekly": ("WEEKLY", 1),
    "monthly": ("MONTHLY", 1),
    "yearly": ("YEARLY", 1),
    "annually": ("YEARLY", 1),
    "hourly": ("HOURLY", 1),
    "biweekly": ("WEEKLY", 2),
    "fortnightly": ("WEEKLY", 2),
}
_FREQ_WORDS = {
    "day": "DAILY",
    "week": "WEEKLY",
    "month": "MONTHLY",
    "year": "YEARLY",
    "hour": "HOURLY",
}


def _codes(text: str) -> tuple[str, ...]:
    words = re.findall(r"[a-z]+", text)
    found: list[str] = []
    for word in words:
        if word in ("and",):
            continue
        code = CODES[g.weekday_index(word)]
        if code not in found:
            found.append(code)
    return tuple(sorted(found, key=CODES.index))


def _day_of_month(text: str) -> int:
    if text.startswith("last"):
        return -1
    if text.startswith("first"):
        return 1
    return int(re.sub(r"\D", "", text))


def _read(kind: str, m: re.Match[str]) -> Rule | None:
    if kind == "nth":
        wd = m.group("wd")
        n = g.ORDINAL_WORDS[m.group("ord")]
        code = CODES[g.weekday_index(wd)]
        return Rule("MONTHLY", byday=(f"{n}{code}",))
    if kind == "monthday":
        return Rule("MONTHLY", bymonthday=_day_of_month(m.group("d")))
    if kind == "yearday":
        return Rule(
            "YEARLY",
            bymonth=g.month_index(m.group("mon")),
            bymonthday=int(re.sub(r"\D", "", m.group("d"))),
        )
    if kind == "weekdays":
        other = m.groupdict().get("other")
        return Rule("WEEKLY", interval=2 if other else 1, byday=_codes(m.group("list")))
    if kind == "adverb":
        freq, step = _ADVERBS[m.group("adv")]
        at = g.PARTS_OF_DAY["night"][0] if m.group("adv") == "nightly" else None
        return Rule(freq, interval=step, at=at)
    unit = " ".join(m.group("u").split())
    count_word: str | None = m.groupdict().get("n")
    every = 1
    if count_word:
        every = int(count_word) if count_word.isdigit() else g.NUMBER_WORDS.get(count_word, 1)
    if every < 1:
        return None
    if unit.startswith(("weekday", "workday", "business")):
        return Rule("WEEKLY", byday=tuple(WORKDAYS))
    if unit.startswith("weekend"):
        return Rule("WEEKLY", interval=every, byday=("SA", "SU"))
    if unit == "fortnight":
        return Rule("WEEKLY", interval=2)
    base = unit.rstrip("s")
    if base in g.PARTS_OF_DAY:
        return Rule("DAILY", interval=every, at=g.PARTS_OF_DAY[base][0])
    return Rule(_FREQ_WORDS[base], interval=every)


def describe(rule: Rule) -> str:
    """'every 3 days', 'weekly on MO,WE', 'monthly on day 1', ..."""
    unit = {
        "DAILY": "day",
        "WEEKLY": "week",
        "MONTHLY": "month",
        "YEARLY": "year",
        "HOURLY": "hour",
    }[rule.freq]
    text = f"every {rule.interval} {unit}s" if rule.interval > 1 else f"every {unit}"
    if rule.byday:
        text += " on " + ",".join(rule.byday)
    if rule.bymonth:
        text += f" in month {rule.bymonth}"
    if rule.bymonthday:
        text += f" on day {rule.bymonthday}"
    return text


def find_rule(scan: Scan) -> Rule | None:
    """The first recurrence phrase (consumed), with a COUNT when '5 times' follows."""
    best: tuple[int, int, str, re.Match[str]] | None = None
    for kind, pattern in PATTERNS:
        for m in scan.find(pattern):
            if not scan.free(m.start(), m.end()) or m.end() == m.start():
                continue
            if best is None or (m.start(), -(m.end() - m.start())) < (
                best[0],
                -(best[1] - best[0]),
            ):
                best = (m.start(), m.end(), kind, m)
            break
    if best is None:
        return None
    start, end, kind, m = best
    rule = _read(kind, m)
    if rule is None:
        return None
    fragment = scan.consume(start, end, "")
    rule = replace(rule, meaning=describe(rule))
    scan.understood.append((start, fragment, f"repeats {rule.meaning}"))
    for c in scan.find(COUNT):
        if scan.free(c.start(), c.end()):
            word = c.group("c")
            count = int(word) if word.isdigit() else int(g.NUMBER_WORDS[word])
            if count >= 1:
                scan.consume(c.start(), c.end(), f"{count} times")
                rule = replace(rule, count=count)
            break
    for _, pattern in PATTERNS:
        for m2 in scan.find(pattern):
            if scan.free(m2.start(), m2.end()) and m2.end() > m2.start():
                left = scan.text[m2.start() : m2.end()].strip()
                scan.note(f"only one repetition is understood; '{left}' is left in the title")
                return rule
    return rule


def replace_until(rule: Rule, day: date) -> Rule:
    return replace(rule, until=day)


def anchored(rule: Rule, day: date, kind: str) -> Rule:
    """The rule completed by its first day ('every week on monday', 'monthly on the 15th')."""
    if rule.freq == "WEEKLY" and not rule.byday and kind == "weekday":
        return replace(rule, byday=(CODES[day.weekday()],))
    if rule.freq == "MONTHLY" and not rule.byday and not rule.bymonthday and kind == "ordinal":
        return replace(rule, bymonthday=day.day)
    if rule.freq == "YEARLY" and not rule.bymonth and kind in ("yearless", "explicit"):
        return replace(rule, bymonth=day.month, bymonthday=day.day)
    return rule
