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
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.core.recurrence import check_rrule, expand_all_day, expand_timed, occurrence_key
from desktop.services.base import live, zone_or_none
from desktop.services.task_recurrence import generated_before
from desktop.store.models import Attendee, CalendarEvent

SCOPES = ("this", "following", "all")
Moment = datetime | date
Tombstone = Callable[[Any], None]
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
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
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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


# -- spans -----------------------------------------------------------------------------


def stored_span(row: CalendarEvent) -> tuple[Moment, Moment]:
    if row.all_day:
        assert row.start_date is not None and row.end_date is not None
        return row.start_date, row.end_date
    assert row.start_at is not None and row.end_at is not None
    return row.start_at, row.end_at


def span_values(start: Moment, end: Moment, all_day: bool) -> dict[str, Any]:
    """The span columns for a checked span; UserError when it makes no sense."""
    if all_day:
        first = start.date() if isinstance(start, datetime) else start
        last = end.date() if isinstance(end, datetime) else end
        if last <= first:
            last = first + timedelta(days=1)
        return {"all_day": True, "start_date": first, "end_date": last}
    if not isinstance(start, datetime) or not isinstance(end, datetime):
        raise UserError("a timed event needs a start and end time; use --all-day for dates")
    if start.tzinfo is None or end.tzinfo is None:
        raise UserError("an event's start and end need a time zone")
    if end <= start:
        raise UserError("the event ends before it starts")
    if end - start > timedelta(days=366):
        raise UserError("an event cannot last longer than a year")
    return {"all_day": False, "start_at": start, "end_at": end}


def set_span(row: CalendarEvent, start: Moment, end: Moment) -> None:
    values = span_values(start, end, row.all_day)
    if row.all_day:
        row.start_date, row.end_date = values["start_date"], values["end_date"]
        row.start_at = row.end_at = None
    else:
        row.start_at, row.end_at = values["start_at"], values["end_at"]
        row.start_date = row.end_date = None


def copy_attendees(session: Session, source: uuid.UUID, target: uuid.UUID) -> None:
    for person in session.scalars(
        select(Attendee).where(live(Attendee), Attendee.event_id == source)
    ):
        session.add(
            Attendee(
                event_id=target,
                email=person.email,
                name=person.name,
                role=person.role,
                response=person.response,
            )
        )


def delete_rows(session: Session, rows: list[CalendarEvent], tombstone: Tombstone) -> None:
    """Tombstone events and their attendees."""
    if not rows:
        return
    attendees = session.scalars(
        select(Attendee).where(live(Attendee), Attendee.event_id.in_([r.id for r in rows]))
    )
    for doomed in [*rows, *attendees]:
        tombstone(doomed)


# -- a series inside one session -------------------------------------------------------


class Series:
    """A recurring master row with its overrides, inside one unit of work."""

    def __init__(self, session: Session, master: CalendarEvent, fallback: ZoneInfo) -> None:
        self.s = session
        self.master = master
        self.zone = zone_or_none(master.time_zone) or fallback

    @property
    def all_day(self) -> bool:
        return self.master.all_day

    def start(self) -> Moment:
        return stored_span(self.master)[0]

    def length(self) -> timedelta:
        start, end = stored_span(self.master)
        return end - start  # type: ignore[operator]

    def overrides(self) -> list[CalendarEvent]:
        return list(
            self.s.scalars(
                select(CalendarEvent).where(
                    live(CalendarEvent),
                    CalendarEvent.series_id == self.master.id,
                    CalendarEvent.recurrence_id.is_not(None),
                )
            )
        )

    def override(self, key: str) -> CalendarEvent | None:
        return next((o for o in self.overrides() if o.recurrence_id == key), None)

    def parse(self, key: str) -> Moment:
        """The original start an occurrence key (or an EXDATE/RDATE value) names."""
        try:
            if self.all_day:
                return date.fromisoformat(key[:10])
            moment = datetime.fromisoformat(key)
        except ValueError:
            raise UserError(f"'{key}' is not an occurrence key") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self.zone)
        return moment.astimezone(UTC)

    def starts(self, lo: Moment, hi: Moment, *, exceptions: bool = True) -> list[Moment]:
        """Original starts in [lo, hi); without exceptions: what the RRULE alone makes."""
        row = self.master
        if row.rrule is None:
            start = self.start()
            return [start] if lo <= start < hi else []
        exdates = row.exdates or () if exceptions else ()
        rdates = row.rdates or () if exceptions else ()
        if self.all_day:
            assert isinstance(lo, date) and isinstance(hi, date)
            days = expand_all_day(
                row.rrule, self.start(), (lo, hi), days=1, exdates=exdates, rdates=rdates
            )
            return [d for d in days if d >= lo]
        assert isinstance(lo, datetime) and isinstance(hi, datetime)
        found = expand_timed(
            row.rrule,
            self.start(),  # type: ignore[arg-type]
            self.zone,
            (lo, hi),
            duration=timedelta(seconds=1),
            exdates=exdates,
            rdates=rdates,
        )
        return [s for s in found if s >= lo]

    def _one(self, moment: Moment) -> tuple[Moment, Moment]:
        step = timedelta(days=1) if self.all_day else timedelta(seconds=1)
        return moment, moment + step

    def is_occurrence(self, key: str, *, exceptions: bool = True) -> bool:
        moment = self.parse(key)
        return moment in self.starts(*self._one(moment), exceptions=exceptions)

    def first(self) -> Moment:
        values = [self.start(), *(self.parse(v) for v in self.master.rdates or ())]
        return min(values)

    def any_before(self, cut: Moment) -> bool:
        """Whether an occurrence starts before `cut` (searching in growing windows)."""
        first = self.first()
        for days in (2, 40, 400, 4000, 40000):
            hi = min(cut, first + timedelta(days=days))
            if self.starts(first, hi):
                return True
            if hi >= cut:
                return False
        return bool(self.starts(first, cut))

    def require(self, key: str) -> None:
        if self.override(key) is None and not self.is_occurrence(key):
            raise UserError(
                f"{key} is not an occurrence of this event; "
                "see the occurrence_key values of `atrium event list --json`"
            )

    # -- finding an occurrence ---------------------------------------------------------

    def resolve(self, text: str, user_zone: ZoneInfo) -> str:
        """The occurrence key for a key, an instant or a local date (when unique)."""
        text = text.strip()
        if _ISO_DAY.match(text):
            return self._on_day(date.fromisoformat(text), user_zone)
        moment = self.parse(text)
        if self.all_day and isinstance(moment, datetime):
            moment = moment.astimezone(user_zone).date()
        key = occurrence_key(moment)
        self.require(key)
        return key

    def _on_day(self, day: date, user_zone: ZoneInfo) -> str:
        lo: Moment
        hi: Moment
        if self.all_day:
            lo, hi = day, day + timedelta(days=1)
        else:
            lo = datetime.combine(day, time(), user_zone).astimezone(UTC)
            hi = datetime.combine(day + timedelta(days=1), time(), user_zone).astimezone(UTC)
        overrides = {o.recurrence_id: o for o in self.overrides()}
        keys = [occurrence_key(s) for s in self.starts(lo, hi)]
        found = [k for k in keys if k not in overrides]
        for key, row in overrides.items():
            start = stored_span(row)[0]
            if row.status != "cancelled" and lo <= start < hi:
                found.append(str(key))
        if not found:
            raise UserError(f"the event has no occurrence on {day.isoformat()}")
        if len(found) > 1:
            raise UserError(
                f"the event occurs {len(found)} times on {day.isoformat()}; give the "
                "occurrence key from `atrium event list --json` instead"
            )
        return found[0]

    # -- shifting ----------------------------------------------------------------------

    def wall(self, instant: datetime) -> datetime:
        return instant.astimezone(self.zone).replace(tzinfo=None)

    def from_wall(self, naive: datetime) -> datetime:
        return naive.replace(tzinfo=self.zone).astimezone(UTC)

    def shifter(self, old: Moment, new: Moment) -> Callable[[Moment], Moment]:
        """Moves a start like `old` moved to `new`: by days, or by local wall time."""
        if self.all_day:
            days = _as_day(new, self.zone) - _as_day(old, self.zone)
            return lambda d: d + days
        if not isinstance(new, datetime):
            raise UserError("give the new start with a time of day")
        delta = self.wall(new) - self.wall(old)  # type: ignore[arg-type]
        if not delta:
            return lambda t: t
        return lambda t: self.from_wall(self.wall(t) + delta)  # type: ignore[arg-type]

    def moved_rule(self, rule: str, old: Moment, new: Moment) -> str:
        """The rule after its occurrences moved from `old` to `new`: BYDAY and UNTIL follow."""
        shift = self.shifter(old, new)
        days = (_as_day(shift(old), self.zone) - _as_day(old, self.zone)).days
        parts = _parts(rule)
        for part in parts:
            name, value = part
            if name == "UNTIL":
                part[1] = self._moved_until(value, shift)
            elif days and name == "BYDAY":
                part[1] = _rotate_weekdays(value, days)
            elif days and name == "BYMONTHDAY":
                part[1] = _moved_month_days(value, days)
            elif days and name in ("BYYEARDAY", "BYWEEKNO", "BYSETPOS"):
                raise UserError(
                    f"moving this series to another day does not fit its rule ({name}); "
                    "give the new rule as well (--rrule)"
                )
        return _join(parts)

    def _moved_until(self, value: str, shift: Callable[[Moment], Moment]) -> str:
        if re.fullmatch(r"\d{8}", value):
            if not self.all_day:
                return value
            day = datetime.strptime(value, "%Y%m%d").date()
            return shift(day).strftime("%Y%m%d")
        if self.all_day:
            return value
        if value.upper().endswith("Z"):
            instant = datetime.strptime(value[:-1], "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
        else:
            instant = self.from_wall(datetime.strptime(value, "%Y%m%dT%H%M%S"))
        moved = shift(instant)
        assert isinstance(moved, datetime)
        return moved.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

    def until_before(self, moment: Moment) -> str:
        """RFC 5545 UNTIL ending a series just before `moment`: UTC, or a DATE if all-day."""
        if isinstance(moment, datetime):
            return (moment - timedelta(seconds=1)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        return (moment - timedelta(days=1)).strftime("%Y%m%d")


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
    parts = _parts(master.rrule)
    count = _get(parts, "COUNT")
    tail_parts = [list(p) for p in parts]
    if count is not None:
        used = generated_before(master.rrule, series.start(), cut, series.zone)
        _set(tail_parts, "COUNT", str(max(1, int(count) - used)))
    _set(parts, "COUNT", None)
    _set(parts, "UNTIL", series.until_before(cut))
    master.rrule = _join(parts)

    def after(values: list[str] | None) -> tuple[list[str], list[str]]:
        head = [v for v in values or () if series.parse(v) < cut]
        return head, [v for v in values or () if v not in head]

    master.exdates, tail_exdates = after(master.exdates)
    master.rdates, tail_rdates = after(master.rdates)
    overrides = [row for row in series.overrides() if series.parse(row.recurrence_id or "") >= cut]
    return _Tail(_join(tail_parts), tail_exdates, tail_rdates, overrides)


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


def _as_day(moment: Moment, zone: ZoneInfo) -> date:
    if isinstance(moment, datetime):
        return moment.astimezone(zone).date()
    return moment


def _parts(rule: str) -> list[list[str]]:
    parts = []
    for piece in rule.split(";"):
        if piece:
            name, _, value = piece.partition("=")
            parts.append([name.upper(), value])
    return parts


def _join(parts: list[list[str]]) -> str:
    return ";".join(f"{name}={value}" for name, value in parts)


def _get(parts: list[list[str]], name: str) -> str | None:
    return next((value for key, value in parts if key == name), None)


def _set(parts: list[list[str]], name: str, value: str | None) -> None:
    for part in list(parts):
        if part[0] == name:
            parts.remove(part)
    if value is not None:
        parts.append([name, value])


def _rotate_weekdays(value: str, days: int) -> str:
    moved = []
    for item in value.split(","):
        if item.upper() not in WEEKDAYS:
            raise UserError(
                f"moving this series to another day does not fit its rule (BYDAY={value}); "
                "give the new rule as well (--rrule)"
            )
        moved.append(WEEKDAYS[(WEEKDAYS.index(item.upper()) + days) % 7])
    return ",".join(moved)


def _moved_month_days(value: str, days: int) -> str:
    moved = []
    for item in value.split(","):
        day = int(item) + days
        if int(item) < 1 or not 1 <= day <= 28:
            raise UserError(
                f"moving this series to another day does not fit its rule "
                f"(BYMONTHDAY={value}); give the new rule as well (--rrule)"
            )
        moved.append(str(day))
    return ",".join(moved)
