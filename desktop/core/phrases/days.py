"""Day phrases: ISO and written dates, relative words, weekdays, periods.

`find_days` returns every day phrase in the working copy as a `DayHit`, already
resolved against today: a written date without a year that has passed means next
year, a weekday name means the next such day, and each such choice comes with a note.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time, timedelta

from desktop.core.phrases import grammar as g
from desktop.core.phrases.scan import Scan


@dataclass(frozen=True)
class DayHit:
    """One day phrase found in the text."""

    start: int
    end: int
    pre: str
    day: date
    meaning: str
    kind: str  # explicit | yearless | relative | weekday | period | ordinal
    last: date | None = None  # the last day of a range written in one phrase ("March 3-5")
    at: time | None = None  # a time written with it (ISO date-time, "tomorrow morning")
    part: str | None = None  # a part of the day that sets the meridiem of a bare hour
    note: str | None = None


def show(day: date, today: date) -> str:
    """'Friday 6 Mar', with the year when it is not this year's."""
    text = f"{day:%A} {day.day} {day:%b}"
    return text if day.year == today.year else f"{text} {day.year}"


@dataclass(frozen=True)
class Context:
    """What day phrases resolve against."""

    today: date
    month_first: bool  # 3/5 is March 5 (the American order), else 3 May
    text: str = ""  # the phrase as typed, for quoting it in notes


Reader = Callable[[re.Match[str], Context], DayHit | None]


def _hit(
    m: re.Match[str],
    day: date,
    meaning: str,
    kind: str,
    *,
    at: time | None = None,
    part: str | None = None,
    note: str | None = None,
) -> DayHit:
    pre = " ".join((m.groupdict().get("pre") or "").split())
    return DayHit(m.start(), m.end(), pre, day, meaning, kind, at=at, part=part, note=note)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _yearless(m: re.Match[str], ctx: Context, month: int, day: int) -> DayHit | None:
    """A written date; without a year it is the next such day (today included)."""
    written = m.group("y")
    if written:
        year = int(written) + (2000 if len(written) == 2 else 0)
        found = _safe(year, month, day)
        if found is None:
            return None
        note = f"'{_core(m, ctx)}' is in the past" if found < ctx.today else None
        return _hit(m, found, show(found, ctx.today), "explicit", note=note)
    found = _safe(ctx.today.year, month, day)
    note = None
    if found is None or found < ctx.today:
        year = ctx.today.year + 1
        found = _safe(year, month, day)
        while found is None and year < ctx.today.year + 8:  # 29 February
            year += 1
            found = _safe(year, month, day)
        if found is None:
            return None
        note = f"'{_core(m, ctx)}' read as {show(found, ctx.today)} (this year's has passed)"
    return _hit(m, found, show(found, ctx.today), "yearless", note=note)


def _core(m: re.Match[str], ctx: Context) -> str:
    """The matched words as typed, without the linking word before them."""
    start = m.end("pre") if m.groupdict().get("pre") else m.start()
    return (ctx.text[start : m.end()] if ctx.text else m.string[start : m.end()]).strip()


def _iso(m: re.Match[str], ctx: Context) -> DayHit | None:
    found = _safe(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    if found is None:
        return None
    at = g.clock(int(m.group("th")), int(m.group("tm")), None) if m.group("th") else None
    note = f"'{_core(m, ctx)}' is in the past" if found < ctx.today else None
    return _hit(m, found, show(found, ctx.today), "explicit", at=at, note=note)


def _month_day(m: re.Match[str], ctx: Context) -> DayHit | None:
    month, day = g.month_index(m.group("mon")), int(re.sub(r"\D", "", m.group("d")))
    hit = _yearless(m, ctx, month, day)
    if hit is None or not m.groupdict().get("d2"):
        return hit
    last = _safe(hit.day.year, month, int(re.sub(r"\D", "", m.group("d2"))))
    if last is None or last < hit.day:
        return hit
    meaning = f"{hit.meaning} to {show(last, ctx.today)}"
    return DayHit(hit.start, hit.end, hit.pre, hit.day, meaning, hit.kind, last=last, note=hit.note)


def _slashed(m: re.Match[str], ctx: Context) -> DayHit | None:
    if not (m.group("pre") or m.group("y")):
        return None  # "1/2 cup" is not a date
    a, b = int(m.group("a")), int(m.group("b"))
    month, day = (a, b) if ctx.month_first else (b, a)
    hit = _yearless(m, ctx, month, day)
    if hit is None or a == b or a > 12 or b > 12:
        return hit
    order = "month/day" if ctx.month_first else "day/month"
    note = (
        f"'{_core(m, ctx)}' read as {show(hit.day, ctx.today)} ({order}); "
        "write YYYY-MM-DD to be sure"
    )
    return DayHit(
        hit.start, hit.end, hit.pre, hit.day, hit.meaning, hit.kind, note=hit.note or note
    )


def _dotted(m: re.Match[str], ctx: Context) -> DayHit | None:
    return _yearless(m, ctx, int(m.group("mo")), int(m.group("d")))


def _ordinal(m: re.Match[str], ctx: Context) -> DayHit | None:
    """'on the 15th': this month's, or the next month that has it when passed."""
    if not m.group("pre"):
        return None  # "the 5th element" is no date
    day = int(m.group("d"))
    year, month = ctx.today.year, ctx.today.month
    for _ in range(13):
        found = _safe(year, month, day)
        if found is not None and found >= ctx.today:
            note = None
            if found.month != ctx.today.month:
                note = f"'{_core(m, ctx)}' read as {show(found, ctx.today)}"
            return _hit(m, found, show(found, ctx.today), "ordinal", note=note)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


_REL_DAYS = {
    "today": 0,
    "tonight": 0,
    "tomorrow": 1,
    "tomorow": 1,
    "tmrw": 1,
    "tmr": 1,
    "overmorrow": 2,
    "yesterday": -1,
}


def _relative_word(m: re.Match[str], ctx: Context) -> DayHit | None:
    word = " ".join(m.group("rel").split())
    offset = 2 if word.endswith("after tomorrow") else _REL_DAYS[word]
    found = ctx.today + timedelta(days=offset)
    part = m.group("part") or ("tonight" if word == "tonight" else None)
    at = g.PARTS_OF_DAY[part][0] if part else None
    meaning = show(found, ctx.today) + (f", {part}" if part and part != "tonight" else "")
    note = f"'{_core(m, ctx)}' is in the past" if offset < 0 else None
    return _hit(m, found, meaning, "relative", at=at, part=part, note=note)


def _in_days(m: re.Match[str], ctx: Context) -> DayHit | None:
    groups = m.groupdict()
    if groups.get("u2"):
        unit, amount = "weeks", 2.0
    else:
        unit, amount = m.group("u"), g.number(m.group("n"))
    if amount != int(amount):
        return None
    count = int(amount)
    letter = g.unit_letter(unit.rstrip("s") + "s") or g.unit_letter(unit)
    if letter == "d":
        found = ctx.today + timedelta(days=count)
    elif letter == "w":
        found = ctx.today + timedelta(weeks=count)
    elif letter == "M":
        found = _add_months(ctx.today, count)
    elif letter == "Y":
        found = _add_months(ctx.today, 12 * count)
    else:
        return None
    return _hit(m, found, show(found, ctx.today), "relative")


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _period(m: re.Match[str], ctx: Context) -> DayHit | None:
    today = ctx.today
    which, period = m.group("which"), m.group("per") or m.group("per2")
    if m.group("per2"):
        which = "this"
    end_of = m.group("eo") or {"w": "week", "m": "month", None: None}[m.group("eo2")]
    if end_of:
        period = end_of
        if period == "week":
            found = today + timedelta(days=(4 - today.weekday()) % 7)
        elif period == "month":
            found = today.replace(day=calendar.monthrange(today.year, today.month)[1])
        else:
            found = date(today.year, 12, 31)
        return _hit(
            m,
            found,
            show(found, today),
            "period",
            note=f"'{_core(m, ctx)}' read as {show(found, today)}",
        )
    monday = today - timedelta(days=today.weekday())
    if period == "weekend":
        saturday = monday + timedelta(days=5)
        if which == "next" or saturday < today - timedelta(days=1):
            saturday += timedelta(days=7)
        found = max(saturday, today) if which != "next" else saturday
    elif period == "week":
        found = monday + timedelta(days=7) if which != "this" else today
    elif period == "month":
        found = _add_months(today.replace(day=1), 1) if which != "this" else today
    else:
        found = date(today.year + 1, 1, 1) if which != "this" else today
    note = None if which == "this" else f"'{_core(m, ctx)}' read as {show(found, today)}"
    return _hit(m, found, show(found, today), "period", note=note)


def _weekday(m: re.Match[str], ctx: Context) -> DayHit | None:
    groups = m.groupdict()
    word, which, after = m.group("wd"), groups.get("which"), groups.get("after")
    if word in g.AMBIGUOUS_WD and not (which or m.group("pre") or after):
        return None  # "enjoy the sun", "got wed"
    today = ctx.today
    index = g.weekday_index(word)
    ahead = (index - today.weekday() - 1) % 7 + 1  # the next one, never today
    if which == "this":
        ahead = (index - today.weekday()) % 7  # today counts
    found = today + timedelta(days=ahead)
    if after:
        after = " ".join(after.split())
        if after == "after next":
            found += timedelta(days=7)
        elif after == "next week":
            found = today - timedelta(days=today.weekday()) + timedelta(days=7 + index)
    elif groups.get("nextweek"):
        found = today - timedelta(days=today.weekday()) + timedelta(days=7 + index)
    note = f"'{_core(m, ctx)}' read as {show(found, today)}"
    if which == "next" and found - today < timedelta(days=7 - today.weekday()):
        # "next friday" on a Wednesday: this week's or next week's? Take the nearer one.
        later = show(found + timedelta(days=7), today)
        note += f" (the coming one; say '{word} next week' for {later})"
    return _hit(m, found, show(found, today), "weekday", note=note)


def _forms() -> list[tuple[re.Pattern[str], Reader]]:
    pre = g.PRE
    year = r"(?:,?\s+(?P<y>\d{4})(?![\d:]))?"
    return [
        (
            re.compile(
                pre + r"(?<![\d-])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
                r"(?:[t ](?P<th>\d{1,2}):(?P<tm>\d{2})(?::\d{2})?)?(?![\d-])"
            ),
            _iso,
        ),
        (
            re.compile(
                pre + r"\b(?P<mon>" + g.MONTH + r")\s*(?P<d>" + g.DAYNUM + r")(?![\d:])"
                r"(?:\s*(?:-|–|to|until|through|thru)\s*(?P<d2>" + g.DAYNUM + r")\b"
                r"(?!\s*(?:am|pm|:|h\b|hours?|min)))?" + year + r"(?![:\d])"
            ),
            _month_day,
        ),
        (
            re.compile(
                pre + r"\b(?:the\s+)?(?P<d>" + g.DAYNUM + r")\s+(?:of\s+)?(?P<mon>" + g.MONTH + r")"
                r"(?![a-z])" + year
            ),
            _month_day,
        ),
        (
            re.compile(
                pre + r"(?<![\d/.:])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?(?![\d/])"
            ),
            _slashed,
        ),
        (
            re.compile(
                pre + r"(?<![\d.:])(?P<d>\d{1,2})\.(?P<mo>\d{1,2})\.(?P<y>\d{4}|\d{2})?(?![\d.]|\w)"
            ),
            _dotted,
        ),
        (
            re.compile(
                pre + r"\bthe\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b"
                r"(?!\s+(?:day\s+)?(?:of\s+)?(?:every|each|the\s+month|month|" + g.MONTH + r"))"
            ),
            _ordinal,
        ),
        (
            re.compile(
                pre + r"\b(?P<rel>today|tonight|tomorrow|tomorow|tmrw|tmr|overmorrow|yesterday|"
                r"(?:the\s+)?day\s+after\s+tomorrow)\b(?:\s+(?P<part>morning|afternoon|evening|night))?"
            ),
            _relative_word,
        ),
        (
            re.compile(
                pre
                + r"\b(?:in\s+(?P<n>"
                + g.NUM
                + r")\s*(?P<u>days?|weeks?|wks?|months?|years?|yrs?)"
                r"|in\s+a\s+(?P<u2>fortnight))\b"
            ),
            _in_days,
        ),
        (
            re.compile(
                pre + r"\b(?P<n>" + g.NUM + r")\s+(?P<u>days?|weeks?|months?|years?)\s+from\s+"
                r"(?:now|today)\b"
            ),
            _in_days,
        ),
        (
            re.compile(
                pre + r"\b(?:(?P<which>this|next|coming)\s+(?P<per>week|weekend|month|year)"
                r"|(?:over|on)\s+the\s+(?P<per2>weekend)"
                r"|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?P<eo>week|month|year)|eo(?P<eo2>w|m))\b"
            ),
            _period,
        ),
        (
            re.compile(
                pre + r"\b(?:(?P<which>this|next|coming)\s+)?(?P<wd>" + g.WD + r")\b\.?"
                r"(?:\s+(?P<after>after\s+next|next\s+week))?"
            ),
            _weekday,
        ),
        (
            re.compile(pre + r"\b(?P<nextweek>next\s+week)\s+(?:on\s+)?(?P<wd>" + g.WD + r")\b"),
            _weekday,
        ),
    ]


FORMS = _forms()
RANGE_SEP = re.compile(r"^\s*(?:-|–|—|to|until|till|through|thru)\s*$")


def find_days(scan: Scan, ctx: Context) -> list[DayHit]:
    """Every day phrase, leftmost-longest and not overlapping, in order."""
    found: list[DayHit] = []
    for pattern, reader in FORMS:
        for m in scan.find(pattern):
            if not scan.free(m.start(), m.end()):
                continue
            hit = reader(m, ctx)
            if hit is not None:
                found.append(hit)
    found.sort(key=lambda h: (h.start, -(h.end - h.start)))
    chosen: list[DayHit] = []
    for hit in found:
        if chosen and hit.start < chosen[-1].end:
            continue
        chosen.append(hit)
    return chosen
