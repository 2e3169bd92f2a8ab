"""Editing one occurrence of a recurring event: this one, this and following, or all.

A series is a master row (RRULE, EXDATEs, RDATEs) plus override rows that point
at it (`series_id`) and name the occurrence they replace (`recurrence_id`, an
`occurrence_key`). The three scopes:

- this: an override row carries the changes (created on first edit); its
  recurrence_id never changes, even when its time moves. Deleting adds an EXDATE.
- following: the series is split. The original ends just before the chosen
  occurrence (UNTIL in UTC for timed series, a DATE for all-day ones; a COUNT is
  replaced by that UNTIL and the new series keeps the remaining COUNT); a new
  series starts at the chosen occurrence, and the overrides, EXDATEs and RDATEs
  from there on move to it. Deleting truncates.
- all: the master changes. A time shift is applied in the series' own wall
  time to every occurrence: EXDATEs and override keys are re-keyed, and
  overrides whose times were not changed on their own move along.

Field changes (title, location ...) reach the overrides that still had the
series' old value, so an individually renamed occurrence keeps its own name.

The series itself (finding and moving occurrences) is `event_series.Series`; the
span columns are handled in `event_spans`, the RRULE text in `rrule_parts`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.core.recurrence import check_rrule, occurrence_key
from desktop.services.event_series import Series
from desktop.services.event_spans import (
    Moment,
    Tombstone,
    copy_attendees,
    delete_rows,
    set_span,
    stored_span,
)
from desktop.services.rrule_parts import join_rule, rule_value, set_rule_value, split_rule
from desktop.services.task_recurrence import generated_before
from desktop.store.models import Attendee, CalendarEvent

SCOPES = ("this", "following", "all")
# Fields copied from a series to a new override or a split-off series.
COPIED = (
    "title",
    "description",
    "location",
    "all_day",
    "time_zone",
    "transparency",
    "status",
    "calendar",
    "integration_id",
    "task_id",
)
# Fields a change of the series passes on to overrides that still had the old value.
INHERITED = ("title", "description", "location", "status")


@dataclass
class EventChanges:
    """What to change on an occurrence, a tail of a series or a whole series (None: keep)."""

    title: str | None = None
    start: Moment | None = None
    end: Moment | None = None
    location: str | None = None
    description: str | None = None
    status: str | None = None
    rrule: str | None = None
    clear_rrule: bool = False
    add_attendees: tuple[dict[str, str], ...] = ()

    def fields(self) -> dict[str, str]:
        found = {name: getattr(self, name) for name in INHERITED}
        return {name: value for name, value in found.items() if value is not None}


@dataclass(frozen=True)
class Removal:
    """What deleting an occurrence did."""

    scope: str
    occurrence_key: str
    overrides_deleted: int
    series_deleted: bool


# -- the three scopes ------------------------------------------------------------------


def edit_this(series: Series, key: str, changes: EventChanges) -> CalendarEvent:
    """Change one occurrence: an override row (created on first edit) holds the change."""
    if changes.rrule or changes.clear_rrule:
        raise UserError(
            "one occurrence cannot have a rule of its own; use --scope following or all"
        )
    row = series.override(key)
    if row is None:
        row = _new_row(series, key)
        row.series_id = series.master.id
        row.recurrence_id = key
        row.uid = series.master.uid
        series.s.add(row)
        series.s.flush()
        copy_attendees(series.s, series.master.id, row.id)
    for name, value in changes.fields().items():
        setattr(row, name, value)
    if changes.start is not None or changes.end is not None:
        old_start, old_end = stored_span(row)
        start = changes.start if changes.start is not None else old_start
        end = changes.end if changes.end is not None else start + (old_end - old_start)  # type: ignore[operator]
        set_span(row, start, end)
    _invite(series.s, row, changes)
    return row


def delete_this(series: Series, key: str, tombstone: Tombstone) -> Removal:
    master = series.master
    if key not in (master.exdates or []):
        master.exdates = [*(master.exdates or []), key]
    override = series.override(key)
    delete_rows(series.s, [override] if override else [], tombstone)
    return Removal("this", key, 1 if override else 0, False)


def edit_all(
    series: Series, key: str, changes: EventChanges, tombstone: Tombstone
) -> CalendarEvent:
    """Change the whole series, moving every occurrence as the chosen one moves."""
    master = series.master
    if changes.clear_rrule:
        delete_rows(series.s, series.overrides(), tombstone)
        master.rrule, master.exdates, master.rdates = None, [], []
        apply_changes(series, master, changes)
        return master
    old = series.parse(key)
    old_length = series.length()
    new_start = changes.start if changes.start is not None else old
    new_length = old_length if changes.end is None else changes.end - new_start
    shift = series.shifter(old, new_start)
    if changes.rrule is not None:
        rule = check_rrule(changes.rrule)
    else:
        assert master.rrule is not None
        rule = series.moved_rule(master.rrule, old, new_start)
    start = shift(series.start())
    set_span(master, start, start + new_length)
    master.rrule = rule
    master.exdates = [occurrence_key(shift(series.parse(x))) for x in master.exdates or ()]
    master.rdates = [occurrence_key(shift(series.parse(x))) for x in master.rdates or ()]
    old_fields = {name: getattr(master, name) for name in INHERITED}
    for row in series.overrides():
        assert row.recurrence_id is not None
        original = series.parse(row.recurrence_id)
        row_start, row_end = stored_span(row)
        untouched = row_start == original and row_end == original + old_length
        moved = shift(original)
        row.recurrence_id = occurrence_key(moved)
        if untouched:
            set_span(row, moved, moved + new_length)
        for name, value in changes.fields().items():
            if getattr(row, name) == old_fields[name]:
                setattr(row, name, value)
    for name, value in changes.fields().items():
        setattr(master, name, value)
    if changes.rrule is not None:
        _prune(series, tombstone)
    _invite(series.s, master, changes)
    return master


def edit_following(
    series: Series, key: str, changes: EventChanges, tombstone: Tombstone
) -> CalendarEvent:
    """Split the series at the occurrence; the new series carries the changes."""
    cut = series.parse(key)
    if not series.any_before(cut):
        return edit_all(series, key, changes, tombstone)
    tail = _truncate(series, cut)
    master = series.master
    new = _new_row(series, key)
    new.rrule = tail.rule
    new.exdates, new.rdates = tail.exdates, tail.rdates
    series.s.add(new)
    series.s.flush()
    copy_attendees(series.s, master.id, new.id)
    for row in tail.overrides:
        row.series_id = new.id
    return edit_all(Series(series.s, new, series.zone), key, changes, tombstone)


def delete_following(series: Series, key: str, tombstone: Tombstone) -> Removal:
    cut = series.parse(key)
    if not series.any_before(cut):
        return delete_all(series, key, tombstone)
    tail = _truncate(series, cut)
    delete_rows(series.s, tail.overrides, tombstone)
    return Removal("following", key, len(tail.overrides), False)


def delete_all(series: Series, key: str, tombstone: Tombstone) -> Removal:
    overrides = series.overrides()
    delete_rows(series.s, [series.master, *overrides], tombstone)
    return Removal("all", key, len(overrides), True)


# -- helpers ---------------------------------------------------------------------------


@dataclass
class _Tail:
    rule: str
    exdates: list[str]
    rdates: list[str]
    overrides: list[CalendarEvent]


def _truncate(series: Series, cut: Moment) -> _Tail:
    """End the series just before `cut`; what the occurrences from `cut` on had."""
    master = series.master
    assert master.rrule is not None
    parts = split_rule(master.rrule)
    count = rule_value(parts, "COUNT")
    tail_parts = [list(p) for p in parts]
    if count is not None:
        used = generated_before(master.rrule, series.start(), cut, series.zone)
        set_rule_value(tail_parts, "COUNT", str(max(1, int(count) - used)))
    set_rule_value(parts, "COUNT", None)
    set_rule_value(parts, "UNTIL", series.until_before(cut))
    master.rrule = join_rule(parts)

    def after(values: list[str] | None) -> tuple[list[str], list[str]]:
        head = [v for v in values or () if series.parse(v) < cut]
        return head, [v for v in values or () if v not in head]

    master.exdates, tail_exdates = after(master.exdates)
    master.rdates, tail_rdates = after(master.rdates)
    overrides = [row for row in series.overrides() if series.parse(row.recurrence_id or "") >= cut]
    return _Tail(join_rule(tail_parts), tail_exdates, tail_rdates, overrides)


def _new_row(series: Series, key: str) -> CalendarEvent:
    """A copy of the master spanning the occurrence `key` (not yet added)."""
    master = series.master
    row = CalendarEvent(**{name: getattr(master, name) for name in COPIED})
    row.reminders = list(master.reminders or [])
    row.exdates, row.rdates = [], []
    start = series.parse(key)
    set_span(row, start, start + series.length())
    return row


def apply_changes(series: Series, row: CalendarEvent, changes: EventChanges) -> None:
    """Apply changes to one row as they are (a single event, or a series losing its rule)."""
    for name, value in changes.fields().items():
        setattr(row, name, value)
    if changes.start is not None or changes.end is not None:
        old_start, old_end = stored_span(row)
        start = changes.start if changes.start is not None else old_start
        end = changes.end if changes.end is not None else start + (old_end - old_start)  # type: ignore[operator]
        set_span(row, start, end)
    _invite(series.s, row, changes)


def _prune(series: Series, tombstone: Tombstone) -> None:
    """Drop exceptions that the series' new rule no longer makes."""
    master = series.master
    master.exdates = [x for x in master.exdates or () if series.is_occurrence(x, exceptions=False)]
    gone = [
        row
        for row in series.overrides()
        if not series.is_occurrence(row.recurrence_id or "", exceptions=False)
    ]
    delete_rows(series.s, gone, tombstone)


def _invite(session: Session, row: CalendarEvent, changes: EventChanges) -> None:
    for person in changes.add_attendees:
        session.add(Attendee(event_id=row.id, **person))
