"""The marked fields of a phrase: !priority, #tags, ~estimate, +project, e-mail
attendees, protected text (URLs, quotes) and `at <Place>` locations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.core.errors import UserError
from desktop.core.phrases.scan import CONSUMED, PROTECTED, Scan
from desktop.core.when import parse_duration_minutes

PRIORITIES = {
    "low": "low",
    "medium": "medium",
    "med": "medium",
    "normal": "medium",
    "high": "high",
    "urgent": "urgent",
    "!": "high",
    "!!": "urgent",
}

_EMAIL = re.compile(r"(?<![^\s<(\[,;\x01])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PROTECT = re.compile(r"https?://\S+|www\.\S+|\"[^\"]*\"|“[^”]*”")
_PRIORITY = re.compile(r"(?<![^\s\x00])!(!{0,2}|[a-z]+)(?![\w!])")
_TAG = re.compile(r"(?<![^\s\x00])#([^\W\d_][\w/-]*|\d+[^\W\d][\w/-]*)")
_ESTIMATE = re.compile(
    r"(?<![^\s\x00])~\s?((?:\d+(?:\.\d+)?\s*(?:d|h|m)\s*)+|\d+)(?:in|ins|ours?|rs?|inutes?)?(?!\w)"
)
_PROJECT = re.compile(r"(?<![^\s\x00])\+([^\W\d_][\w.-]*)")
# "at Cafe Luna", "@ Room 4": a place starts with a capital letter in the input.
_LOCATION = re.compile(r"(?<![\w@])(?:at|@)\s+(?=\S)")
_PLACE_STOP = frozenset({"with", "for", "on", "by", "from", "to", "every", "each", "and", "at"})


@dataclass
class Fields:
    """What the marked fields said."""

    priority: str | None = None
    tags: list[str] = field(default_factory=list)
    estimate_minutes: int | None = None
    project: str | None = None
    attendees: list[str] = field(default_factory=list)
    location: str | None = None


def protect(scan: Scan, fields: Fields) -> None:
    """Keep addresses, URLs and quoted text out of every later reading (they stay in the title)."""
    for match in list(scan.find(_PROTECT)):
        scan.protect(match.start(), match.end())
    for match in list(scan.find(_EMAIL)):
        email = scan.original(match.start(), match.end()).strip(".")
        if email.lower() not in (a.lower() for a in fields.attendees):
            fields.attendees.append(email)
            scan.understood.append((match.start(), email, f"attendee {email}"))
        scan.protect(match.start(), match.end())


def marked(scan: Scan, fields: Fields) -> None:
    """!priority, #tag, ~estimate and +project."""
    for match in list(scan.find(_PRIORITY)):
        word = match.group(1)
        level = PRIORITIES.get(word or "!")
        if level is None:
            scan.note(f"'{match.group()}' is not a priority (use !low, !medium, !high or !urgent)")
            continue
        if fields.priority and fields.priority != level:
            scan.note(f"two priorities given; '{match.group()}' wins")
        fields.priority = level
        scan.consume(match.start(), match.end(), f"priority {level}")
    for match in list(scan.find(_TAG)):
        tag = scan.original(match.start(1), match.end(1)).rstrip("/-")
        if tag.lower() not in (t.lower() for t in fields.tags):
            fields.tags.append(tag)
        scan.consume(match.start(), match.end(), f"tag {tag}")
    for match in list(scan.find(_ESTIMATE)):
        try:
            minutes = parse_duration_minutes(match.group(1))
        except UserError:
            scan.note(f"'{match.group()}' is not an estimate (write it like ~30m, ~2h or ~1h30m)")
            continue
        fields.estimate_minutes = minutes
        scan.consume(match.start(), match.end(), f"estimate {minutes} min")
    for match in list(scan.find(_PROJECT)):
        name = scan.original(match.start(1), match.end(1)).rstrip(".-")
        if fields.project and fields.project != name:
            scan.note(f"two projects given; '+{name}' wins")
        fields.project = name
        scan.consume(match.start(), match.start(1) + len(name), f"project {name}")


def location(scan: Scan, fields: Fields) -> None:
    """`at <Place>`: the words after `at` up to the next reading or linking word."""
    for match in list(scan.find(_LOCATION)):
        first = scan.text[match.end()]
        if not first.isupper() or scan.work[match.end()] in (
            CONSUMED,
            PROTECTED,
        ):
            continue
        end = match.end()
        words = re.finditer(r"\S+", scan.work[match.end() :])
        last = match.end()
        for word in words:
            gap = scan.work[last : match.end() + word.start()]
            if gap.strip() or CONSUMED in word.group() or PROTECTED in word.group():
                break
            if word.group().strip(",;") in _PLACE_STOP and last > match.end():
                break
            last = match.end() + word.end()
            end = last
            if word.group().endswith((",", ";")):
                break
        place = scan.original(match.end(), end).strip(" ,;")
        if not place:
            continue
        fields.location = place
        scan.consume(match.start(), end, f"location {place}")
        return
