"""The working copy of a phrase: which characters were consumed, and the title left.

The parser matches lower-cased text in which consumed characters are replaced by
NUL (so later patterns cannot match across them) and protected ones (e-mail
addresses, URLs, quoted text) by SOH (kept in the title, never read as a date).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

CONSUMED = "\x00"
PROTECTED = "\x01"

# Words that only link a date, time or field to the rest and mean nothing alone.
CONNECTORS = frozenset(
    {
        "on",
        "at",
        "by",
        "due",
        "from",
        "to",
        "every",
        "each",
        "for",
        "starting",
        "until",
        "till",
        "around",
        "before",
        "@",
        "-",
        "–",
        "—",
    }
)
_EDGE_PUNCT = " ,;:-–—"
_TOKEN = re.compile(r"\S+")


class Scan:
    """The phrase, its lower-cased working copy and what was understood so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Lower-case character by character so that positions stay aligned with `text`.
        self._work = [c.lower() if len(c.lower()) == 1 else c for c in text]
        self.work = "".join(self._work)
        self.understood: list[tuple[int, str, str]] = []
        self.notes: list[str] = []

    def find(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches of `pattern` in the working copy (not touching consumed characters)."""
        return pattern.finditer(self.work)

    def free(self, start: int, end: int) -> bool:
        return CONSUMED not in self.work[start:end] and PROTECTED not in self.work[start:end]

    def consume(self, start: int, end: int, meaning: str) -> str:
        """Mark text[start:end] as understood; returns the original fragment."""
        fragment = self.text[start:end].strip()
        for i in range(start, end):
            self._work[i] = CONSUMED
        self.work = "".join(self._work)
        if meaning:
            self.understood.append((start, fragment, meaning))
        return fragment

    def protect(self, start: int, end: int) -> None:
        for i in range(start, end):
            self._work[i] = PROTECTED
        self.work = "".join(self._work)

    def original(self, start: int, end: int) -> str:
        return self.text[start:end]

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

    def pairs(self) -> tuple[tuple[str, str], ...]:
        """(fragment, meaning) in the order the fragments appear in the phrase."""
        return tuple((frag, meaning) for _, frag, meaning in sorted(self.understood))

    def title(self) -> str:
        """What was not understood, minus connector words left dangling before a reading."""
        words: list[str] = []
        for token in _TOKEN.finditer(self.text):
            if CONSUMED in self.work[token.start() : token.end()]:
                # Keep a partly consumed token's own leftovers (e.g. "report," after a date).
                rest = "".join(
                    t
                    for t, w in zip(
                        token.group(), self.work[token.start() : token.end()], strict=True
                    )
                    if w != CONSUMED
                ).strip(_EDGE_PUNCT)
                if rest:
                    words.append(rest)
                continue
            after = self.work[token.end() :].lstrip()
            if token.group().lower() in CONNECTORS and after.startswith(CONSUMED):
                continue
            words.append(token.group())
        while words and not words[-1].strip(_EDGE_PUNCT):
            words.pop()
        while words and not words[0].strip(_EDGE_PUNCT):
            words.pop(0)
        title = " ".join(words).strip(_EDGE_PUNCT)
        return re.sub(r"\s+([,;:])", r"\1", title)
