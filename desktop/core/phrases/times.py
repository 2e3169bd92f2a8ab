"""Time-of-day phrases: '5pm', '9:30', 'at 10', 'noon', '1pm-2pm', 'from 9 to 11',
'in the evening'. A bare hour takes the sensible half of the day and says so."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from desktop.core.phrases import grammar as g
from desktop.core.phrases.scan import Scan


@dataclass(frozen=True)
class TimeHit:
    """One time (or time range) found in the text."""

    start: int
    end: int
    at: time
    until: time | None = None
    pre: str = ""
    note: str | None = None


def _bare(hour: int, minute: int, part: str | None) -> tuple[time | None, bool]:
    """A time without am/pm: (time, guessed). 1–6 mean the afternoon, 7–11 the morning."""
    if part is not None and 1 <= hour <= 12:
        return g.clock(hour, minute, part), False
    if 1 <= hour <= 6:
        return g.clock(hour + 12, minute, None), True
    if 7 <= hour <= 11:
        return g.clock(hour, minute, None), minute == 0
    return g.clock(hour, minute, None), False


def _hm(t: time) -> str:
    return f"{t.hour:02d}:{t.minute:02d}"


def _range(m: re.Match[str], part: str | None) -> TimeHit | None:
    ah, am, aap = int(m.group("ah")), int(m.group("am") or 0), g.meridiem(m.group("aap"))
    bh, bm, bap = int(m.group("bh")), int(m.group("bm") or 0), g.meridiem(m.group("bap"))
    marked = bool(aap or bap or m.group("am") or m.group("bm"))
    pre = m.group("pre") or ""
    if not marked and pre not in ("from", "between"):
        return None
    if m.group("sep") == "and" and pre != "between":
        return None
    if bap and not aap and 1 <= ah <= 12:
        same = g.clock(ah, am, bap)
        end = g.clock(bh, bm, bap)
        if same is not None and end is not None and same < end:
            aap = bap
        else:
            aap = "am" if bap == "pm" else "pm"
    end = g.clock(bh, bm, bap) if bap else None
    if aap:
        start = g.clock(ah, am, aap)
    elif m.group("am"):
        start = g.clock(ah, am, None)
    else:
        start = _bare(ah, am, part)[0]
    if end is None:
        end = g.clock(bh, bm, None) if m.group("bm") else _bare(bh, bm, part)[0]
        if (
            start is not None
            and end is not None
            and end <= start
            and bh <= 12
            and not m.group("bm")
        ):
            end = g.clock(bh, bm, "pm")
    if start is None or end is None:
        return None
    return TimeHit(m.start(), m.end(), start, end, pre)


def _one(m: re.Match[str], part: str | None) -> TimeHit | None:
    pre = " ".join((m.group("pre") or "").split())
    if m.group("word"):
        at = {"noon": time(12), "midday": time(12), "midnight": time(0)}[m.group("word")]
        return TimeHit(m.start(), m.end(), at, pre=pre)
    at_: time | None
    if m.group("h") is not None:
        hour, minute, ap = int(m.group("h")), int(m.group("m")), g.meridiem(m.group("ap"))
        if ap:
            at_ = g.clock(hour, minute, ap)
        elif part is not None and 1 <= hour <= 12:
            at_ = g.clock(hour, minute, part)
        elif len(m.group("h")) == 1 and 1 <= hour <= 6:
            # "at 3:30" is half past three in the afternoon; "03:30" is the 24-hour clock.
            afternoon = time(hour + 12, minute)
            written = m.string[m.start() : m.end()].strip()
            night = f"{hour}:{minute:02d}am or 0{hour}:{minute:02d}"
            note = f"'{written}' read as {_hm(afternoon)} (say {night} for the night)"
            return TimeHit(m.start(), m.end(), afternoon, pre=pre, note=note)
        else:
            at_ = g.clock(hour, minute, None)
        return None if at_ is None else TimeHit(m.start(), m.end(), at_, pre=pre)
    hour = int(m.group("h2") or m.group("h3"))
    ap = g.meridiem(m.group("ap2"))
    if ap:
        at_ = g.clock(hour, 0, ap)
        return None if at_ is None else TimeHit(m.start(), m.end(), at_, pre=pre)
    return _guess(m, hour, part, pre)


def _guess(m: re.Match[str], hour: int, part: str | None, pre: str) -> TimeHit | None:
    at, guessed = _bare(hour, 0, part)
    if at is None:
        return None
    note = None
    if guessed:
        other = "am" if at.hour >= 12 else "pm"
        note = f"'{m.group().strip()}' read as {_hm(at)} (say {hour}{other} for the other one)"
    return TimeHit(m.start(), m.end(), at, pre=pre, note=note)


def find_part(scan: Scan) -> tuple[str, str, int, int] | None:
    """A part of the day ('in the evening'): (name, meridiem, start, end), not consumed."""
    for m in scan.find(g.PART_OF_DAY):
        if scan.free(m.start(), m.end()):
            name = m.group("part") or m.group("part2")
            return name, g.PARTS_OF_DAY[name][1], m.start(), m.end()
    return None


def find_times(scan: Scan, part: str | None) -> list[TimeHit]:
    """Every time phrase, leftmost-longest and not overlapping, in order."""
    found: list[TimeHit] = []
    for m in scan.find(g.TIME_RANGE):
        if scan.free(m.start(), m.end()):
            hit = _range(m, part)
            if hit is not None:
                found.append(hit)
    for m in scan.find(g.TIME_ONE):
        if scan.free(m.start(), m.end()):
            hit = _one(m, part)
            if hit is not None:
                found.append(hit)
    for m in scan.find(g.TIME_BARE):
        if scan.free(m.start(), m.end()):
            hit = _guess(m, int(m.group("h")), part, m.group("pre"))
            if hit is not None:
                found.append(hit)
    found.sort(key=lambda h: (h.start, -(h.end - h.start)))
    chosen: list[TimeHit] = []
    for hit in found:
        if chosen and hit.start < chosen[-1].end:
            continue
        chosen.append(hit)
    return chosen


def describe(hit: TimeHit) -> str:
    return _hm(hit.at) + (f"–{_hm(hit.until)}" if hit.until else "")
