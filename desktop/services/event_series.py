"""A recurring event inside one unit of work: its master row, overrides and occurrences.

`Series` answers the questions the scoped edits in `calendar_series` ask: which
original starts fall in a range, whether a key names an occurrence, which key a
date or instant means, and how the series' starts and rule move when one
occurrence moves (in the series' own wall time).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.core.recurrence import expand_all_day, expand_timed, occurrence_key
from desktop.services.base import live, zone_or_none
from desktop.services.event_spans import Moment, stored_span
from desktop.services.rrule_parts import join_rule, moved_month_days, rotate_weekdays, split_rule
from desktop.store.models import CalendarEvent

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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
            days = as_day(new, self.zone) - as_day(old, self.zone)
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
        days = (as_day(shift(old), self.zone) - as_day(old, self.zone)).days
        parts = split_rule(rule)
        for part in parts:
            name, value = part
            if name == "UNTIL":
                part[1] = self._moved_until(value, shift)
            elif days and name == "BYDAY":
                part[1] = rotate_weekdays(value, days)
            elif days and name == "BYMONTHDAY":
                part[1] = moved_month_days(value, days)
            elif days and name in ("BYYEARDAY", "BYWEEKNO", "BYSETPOS"):
                raise UserError(
                    f"moving this series to another day does not fit its rule ({name}); "
                    "give the new rule as well (--rrule)"
                )
        return join_rule(parts)

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


def as_day(moment: Moment, zone: ZoneInfo) -> date:
    """The local day of `moment` in `zone` (a date stays as it is)."""
    if isinstance(moment, datetime):
        return moment.astimezone(zone).date()
    return moment
