"""The result of parsing a phrase: a frozen preview of what was understood.

Instants are aware datetimes in the user's zone; all-day items carry dates. For an
all-day event `end` is its last day (inclusive), as people name it and as the
`add_event` action takes it. `understood` pairs each fragment of the input with
what it was read as; `notes` says where a reading was a choice among several.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

When = date | datetime


@dataclass(frozen=True)
class Preview:
    """What the parser made of one phrase (nothing is saved)."""

    kind: str
    title: str
    due: When | None = None
    start: When | None = None
    end: When | None = None
    all_day: bool = False
    rrule: str | None = None
    priority: str | None = None
    tags: tuple[str, ...] = ()
    estimate_minutes: int | None = None
    project: str | None = None
    location: str | None = None
    attendees: tuple[str, ...] = ()
    understood: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def when(self) -> When | None:
        """The due moment of a task, the start of an event."""
        return self.due if self.kind == "task" else self.start

    def to_json(self) -> dict[str, Any]:
        """Plain JSON values: instants ISO 8601 with their offset, dates YYYY-MM-DD."""
        out: dict[str, Any] = {"kind": self.kind, "title": self.title}
        if self.kind == "task":
            out["due"] = _iso(self.due)
        else:
            out["start"] = _iso(self.start)
            out["end"] = _iso(self.end)
        out.update(
            all_day=self.all_day,
            rrule=self.rrule,
            priority=self.priority,
            tags=list(self.tags),
            estimate_minutes=self.estimate_minutes,
            project=self.project,
            location=self.location,
            attendees=list(self.attendees),
            understood=[{"text": text, "meaning": meaning} for text, meaning in self.understood],
            notes=list(self.notes),
        )
        return out


def _iso(value: When | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    return value.isoformat()
