"""Reading the properties of one iCalendar component, each error naming its line.

`PropertyReader` turns DTSTART, DTEND, DURATION, RRULE, EXDATE, RDATE and text
properties into Python values against one user zone and one set of VTIMEZONE
definitions; anything it cannot read raises `ComponentError`, e.g. "line 14:
VEVENT 'Standup' has DTEND before DTSTART". `mapping.Reader` builds rows on it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Component

from desktop.core.errors import UserError
from desktop.core.recurrence import check_rrule, occurrence_key
from desktop.services.ical.reading import Piece
from desktop.services.ical.zones import ZoneResolver


class ComponentError(Exception):
    """One thing wrong with one component, at one line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


class PropertyReader:
    """Reads property values against one user zone and one set of VTIMEZONE definitions."""

    def __init__(self, resolver: ZoneResolver, now: datetime) -> None:
        self.zones = resolver
        self.now = now

    def _component(self, piece: Piece) -> Component:
        comp = piece.component
        assert comp is not None
        for part in comp.walk():
            for name, message in getattr(part, "errors", ()):
                if not str(name).upper().startswith("X-"):
                    raise ComponentError(
                        piece.line_of(str(name).upper()),
                        f"{piece.label} has a bad {name} ({' '.join(str(message).split())})",
                    )
        return comp

    def _value(self, piece: Piece, name: str) -> date | datetime | None:
        assert piece.component is not None
        prop = piece.component.get(name)
        if prop is None:
            return None
        if isinstance(prop, list):
            raise ComponentError(piece.line_of(name), f"{piece.label} has more than one {name}")
        value = getattr(prop, "dt", None)
        if not isinstance(value, (date, datetime)):
            raise ComponentError(
                piece.line_of(name), f"{piece.label} has a {name} that is not a date"
            )
        if isinstance(value, datetime) and value.tzinfo is None and "TZID" in prop.params:
            tzid = prop.params["TZID"]
            raise ComponentError(
                piece.line_of(name),
                f"{piece.label} uses the time zone '{tzid}', which the file does not define "
                "and which is not a known zone name",
            )
        return value

    def _duration(self, piece: Piece, name: str) -> timedelta | None:
        assert piece.component is not None
        prop = piece.component.get(name)
        value = getattr(prop, "dt", None) if prop is not None else None
        if prop is not None and not isinstance(value, timedelta):
            raise ComponentError(
                piece.line_of(name), f"{piece.label} has a {name} that is not a duration"
            )
        if value is not None and value < timedelta():
            raise ComponentError(piece.line_of(name), f"{piece.label} has a negative {name}")
        return value

    def _zone_name(self, piece: Piece, name: str, value: datetime) -> str:
        found = self.zones.name_of(value)
        if found is None:
            raise ComponentError(
                piece.line_of(name),
                f"{piece.label} uses a time zone that matches no known zone; "
                "export it again with IANA zone names",
            )
        return found

    def _end_instant(
        self,
        piece: Piece,
        begin: datetime,
        end: date | datetime | None,
        duration: timedelta | None,
        zone: ZoneInfo,
    ) -> datetime:
        if end is not None and duration is not None:
            raise ComponentError(
                piece.line_of("DURATION"), f"{piece.label} has both DTEND and DURATION"
            )
        if end is None:
            return begin + (duration or timedelta())
        if not isinstance(end, datetime):
            raise ComponentError(
                piece.line_of("DTEND"),
                f"{piece.label} has a DTEND that is a date while DTSTART has a time",
            )
        finish = aware(end, ZoneInfo(self._zone_name(piece, "DTEND", end)))
        if end.tzinfo is None:
            finish = end.replace(tzinfo=zone)
        if finish < begin:
            raise ComponentError(piece.line_of("DTEND"), f"{piece.label} has DTEND before DTSTART")
        return finish

    def _text(self, piece: Piece, name: str, limit: int) -> str:
        assert piece.component is not None
        value = piece.component.get(name)
        if isinstance(value, list):
            value = value[0]
        text = str(value).strip() if value is not None else ""
        if len(text) > limit:
            raise ComponentError(
                piece.line_of(name), f"{piece.label} has a {name} longer than {limit} characters"
            )
        return text

    def _rrule(self, piece: Piece) -> str | None:
        assert piece.component is not None
        prop = piece.component.get("RRULE")
        if prop is None:
            return None
        if isinstance(prop, list):
            raise ComponentError(
                piece.line_of("RRULE"), f"{piece.label} has more than one RRULE; keep one"
            )
        body = prop.to_ical().decode()
        try:
            return check_rrule(body)
        except UserError as exc:
            raise ComponentError(piece.line_of("RRULE"), f"{piece.label}: {exc}") from None

    def _dates(self, piece: Piece, name: str) -> list[Any]:
        assert piece.component is not None
        prop = piece.component.get(name)
        if prop is None:
            return []
        found: list[Any] = []
        for item in prop if isinstance(prop, list) else [prop]:
            dts = getattr(item, "dts", None)
            if dts is None:
                dts = [item]
            for entry in dts:
                value = getattr(entry, "dt", None)
                if isinstance(value, tuple):  # a PERIOD: its start
                    value = value[0]
                if not isinstance(value, (date, datetime)):
                    raise ComponentError(
                        piece.line_of(name), f"{piece.label} has a {name} that is not a date"
                    )
                found.append(value)
        return found

    def _keys(self, piece: Piece, name: str, start: date | datetime, zone: ZoneInfo) -> list[str]:
        keys = []
        for value in self._dates(piece, name):
            if not isinstance(start, datetime):
                day = value.astimezone(zone).date() if isinstance(value, datetime) else value
                keys.append(occurrence_key(day))
            elif isinstance(value, datetime):
                keys.append(occurrence_key(aware(value, zone)))
            else:
                local = start.astimezone(zone) if start.tzinfo else start
                keys.append(occurrence_key(datetime.combine(value, local.time(), zone)))
        return sorted(set(keys))

    def _rdates(self, piece: Piece, start: date | datetime, zone: ZoneInfo) -> list[str]:
        result = []
        for value in self._dates(piece, "RDATE"):
            if not isinstance(start, datetime):
                day = value.astimezone(zone).date() if isinstance(value, datetime) else value
                result.append(day.isoformat())
            elif isinstance(value, datetime):
                result.append(aware(value, zone).astimezone(UTC).isoformat())
            else:
                local = start.astimezone(zone) if start.tzinfo else start
                moment = datetime.combine(value, local.time(), zone)
                result.append(moment.astimezone(UTC).isoformat())
        return sorted(set(result))

    def _estimate(self, piece: Piece) -> int | None:
        assert piece.component is not None
        for name in ("ESTIMATED-DURATION", "X-ATRIUM-ESTIMATE"):
            prop = piece.component.get(name)
            if prop is None:
                continue
            try:
                value = _duration_text(str(prop))
            except ValueError:
                raise ComponentError(
                    piece.line_of(name), f"{piece.label} has a {name} that is not a duration"
                ) from None
            minutes = int(value.total_seconds() // 60)
            return minutes if 0 < minutes <= 100_000 else None
        return None


def _duration_text(text: str) -> timedelta:
    from icalendar import vDuration

    value = vDuration.from_ical(text)  # type: ignore[no-untyped-call]
    if not isinstance(value, timedelta):
        raise ValueError(text)
    return value


def aware(value: datetime, zone: Any) -> datetime:
    """`value`, or, when it is floating (naive), `value` read in `zone`."""
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)
