"""The general date reader (dateparser) for what the grammar does not know.

It is slow to import and to run, so it is imported on first use and only tried on
a few words after a linking word ("on", "by", ...) when the grammar found no date.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime
from zoneinfo import ZoneInfo

from desktop.core.phrases.scan import Scan

_LINK = re.compile(r"(?<![\w@])(?:on|by|due|before|in|at)\s+(?=[^\s\x00\x01])")
_WORD = re.compile(r"[^\s\x00\x01]+")
# Words that make it worth asking: without one of them the phrase holds no date.
_HINT = re.compile(
    r"\b(?:\d|ago|fortnight|noon|midnight|week|month|year|day|hour|minute|quarter|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"mon|tue|wed|thu|fri|sat|sun|christmas|new)"
)


def _parse(text: str, base: datetime, zone: ZoneInfo) -> datetime | None:
    import dateparser  # type: ignore[import-untyped]  # lazily: importing takes a second

    settings = {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": base.replace(tzinfo=None),
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = dateparser.parse(text, languages=["en"], settings=settings)
        except Exception:  # noqa: BLE001 - a failure of the general reader just means "no date"
            return None
    return found if isinstance(found, datetime) else None


def search(scan: Scan, now: datetime, zone: ZoneInfo) -> tuple[int, int, date | datetime] | None:
    """The first date the general reader finds after a linking word: (start, end, value)."""
    local_now = now.astimezone(zone)
    for link in scan.find(_LINK):
        if not scan.free(link.start(), link.end()):
            continue
        words: list[re.Match[str]] = []
        for word in _WORD.finditer(scan.work, link.end()):
            if len(words) >= 4 or scan.work[word.start() - 1] not in " \t":
                break
            words.append(word)
        for size in range(len(words), 0, -1):
            end = words[size - 1].end()
            fragment = scan.work[link.end() : end]
            if not _HINT.search(fragment) or not any(c.isdigit() for c in fragment):
                continue  # "on February" alone would come back as some day in February
            found = _parse(fragment, local_now, zone)
            if found is None:
                continue
            has_time = bool(re.search(r"\d\s*(?:am|pm)|\d:\d|noon|midnight|hour|minute", fragment))
            value: date | datetime = found.replace(tzinfo=zone) if has_time else found.date()
            return link.start(), end, value
    return None
