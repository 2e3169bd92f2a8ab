"""When a recurring task is due next, from its due date or from its completion.

Two ways to repeat, as in Todoist's "every" and "every!":

- from the due date (`repeat_from='due'`): the next due is the first occurrence
  of the rule after the current due, even when that is still in the past. A
  task three weeks overdue on a weekly rule comes back due two weeks ago:
  nothing is skipped silently, and each missed round can be done in turn.
- from completion (`repeat_from='completion'`): the rule restarts on the day of
  completion (at the due's time of day for a timed task) and the next due is
  its first occurrence after that, so "every 3 days" means 3 days after it was
  done. A task without a due date always repeats from completion.

The rule is read with the current due as its DTSTART. A COUNT counts what is
left, the current due included: every repetition stores the rule with its COUNT
lowered by the occurrences used, and COUNT=1 (or a passed UNTIL) means the task
does not come back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from desktop.core.errors import UserError
from desktop.core.recurrence import expand_all_day, expand_timed

REPEAT_FROM = ("due", "completion")
Due = date | datetime
# Growing windows to look for the next occurrence in (days): sparse rules need long ones,
# dense ones must stay under the expansion limit.
_WINDOWS = (2, 40, 400, 4000, 40000)


@dataclass(frozen=True)
class Repeat:
    """The next round of a recurring task: its due and the rule to keep."""

    due: Due
    rule: str


def check_repeat_from(value: str) -> str:
    cleaned = value.strip().lower()
    if cleaned not in REPEAT_FROM:
        raise UserError(f"'{value}' is not a way to repeat; use due or completion")
    return cleaned


def next_round(
    rule: str, due: Due | None, completed_at: datetime, repeat_from: str, zone: ZoneInfo
) -> Repeat | None:
    """The next due and rule after a completion; None when the rule is exhausted."""
    anchor = _anchor(due, completed_at, repeat_from, zone)
    following = _first_after(rule, anchor, zone)
    if following is None:
        return None
    return Repeat(following, _lower_count(rule, anchor, following, zone))


def _anchor(due: Due | None, completed_at: datetime, repeat_from: str, zone: ZoneInfo) -> Due:
    if repeat_from == "due" and due is not None:
        return due
    day = completed_at.astimezone(zone).date()
    if isinstance(due, datetime):
        wall = due.astimezone(zone)
        return datetime.combine(day, wall.time(), zone)
    return day


def _starts(rule: str, anchor: Due, lo: Due, hi: Due, zone: ZoneInfo) -> list[Due]:
    """Starts of the rule (DTSTART `anchor`) in [lo, hi)."""
    if isinstance(anchor, datetime):
        assert isinstance(lo, datetime) and isinstance(hi, datetime)
        found = expand_timed(rule, anchor, zone, (lo, hi), duration=timedelta(seconds=1))
        return [s for s in found if s >= lo]
    return list(expand_all_day(rule, anchor, (lo, hi), days=1))


def _first_after(rule: str, anchor: Due, zone: ZoneInfo) -> Due | None:
    step = timedelta(seconds=1) if isinstance(anchor, datetime) else timedelta(days=1)
    lo = anchor + step
    for days in _WINDOWS:
        found = _starts(rule, anchor, lo, lo + timedelta(days=days), zone)
        if found:
            return found[0]
    return None


def generated_before(rule: str, start: Due, cut: Due, zone: ZoneInfo) -> int:
    """How many starts the RRULE itself makes from DTSTART `start` before `cut`.

    This is what a COUNT counts: a DTSTART that does not match the rule is an
    occurrence of its own (as in the expansion and its oracle) and is not counted.
    Only meant for COUNT rules, which have no UNTIL.
    """
    body = rule.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    body = ";".join(p for p in body.split(";") if p and not p.upper().startswith("UNTIL="))
    if isinstance(start, datetime):
        first = start.astimezone(zone).replace(tzinfo=None)
        limit = cut.astimezone(zone).replace(tzinfo=None)  # type: ignore[union-attr]
    else:
        first, limit = datetime.combine(start, time()), datetime.combine(cut, time())
    parsed = rrulestr(body, dtstart=first, forceset=False)
    assert isinstance(parsed, rrule)
    used = 0
    for moment in parsed:
        if moment >= limit:
            break
        used += 1
    return used


def _lower_count(rule: str, anchor: Due, following: Due, zone: ZoneInfo) -> str:
    parts = [piece.partition("=") for piece in rule.split(";") if piece]
    counts = [int(value) for name, _, value in parts if name.upper() == "COUNT"]
    if not counts:
        return rule
    left = max(1, counts[0] - generated_before(rule, anchor, following, zone))
    return ";".join(
        f"{name}={left}" if name.upper() == "COUNT" else f"{name}={value}"
        for name, _, value in parts
    )
