"""Time zones of imported values: every TZID becomes an IANA name, or a clear problem.

icalendar already maps IANA and Windows names (e.g. 'W. Europe Standard Time')
to `ZoneInfo`. A TZID defined only by a VTIMEZONE component (Outlook's
'(UTC+01:00) Amsterdam, Berlin ...', Mozilla's '/mozilla.org/.../Europe/Berlin',
a made-up name) is mapped by, in order: an IANA name at the end of the TZID, the
VTIMEZONE's X-LIC-LOCATION, then the first IANA zone (the user's own first) whose
offsets agree with the definition over the years around the event.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from desktop.services.base import zone_or_none

_IANA_TAIL = re.compile(r"([A-Za-z_]+(?:/[A-Za-z0-9_+\-]+){1,2})$")


class ZoneResolver:
    """Maps the tzinfo of parsed values to IANA names, remembering each TZID's answer."""

    def __init__(self, user_zone: ZoneInfo, locations: dict[str, str] | None = None) -> None:
        self.user_zone = user_zone
        self.locations = locations or {}
        self._known: dict[str, str | None] = {}

    def name_of(self, value: datetime) -> str | None:
        """The IANA name of an aware value's zone; the user's for floating; None if unknown."""
        zone = value.tzinfo
        if zone is None:
            return self.user_zone.key
        if isinstance(zone, ZoneInfo):
            return zone.key
        if zone is UTC or (value.utcoffset() is not None and zone.tzname(value) == "UTC"):
            return "UTC"
        tzid = str(getattr(zone, "_tzid", "") or zone.tzname(value) or "")
        if tzid not in self._known:
            self._known[tzid] = self._resolve(tzid, zone, value.year)
        return self._known[tzid]

    def _resolve(self, tzid: str, zone: tzinfo, year: int) -> str | None:
        for candidate in (tzid, WINDOWS_TO_OLSON.get(tzid), _tail(tzid), self.locations.get(tzid)):
            found = zone_or_none(candidate)
            if found is not None and _agrees(found, zone, year):
                return found.key
        for name in (self.user_zone.key, *_candidates()):
            if _agrees(ZoneInfo(name), zone, year):
                return name
        return None


def _tail(tzid: str) -> str | None:
    match = _IANA_TAIL.search(tzid.strip())
    return match.group(1) if match else None


def _samples(year: int) -> list[datetime]:
    return [
        datetime(y, month, day, 12)
        for y in (year - 1, year, year + 1)
        for month in range(1, 13)
        for day in (1, 15)
    ]


def _agrees(known: ZoneInfo, zone: tzinfo, year: int) -> bool:
    year = min(max(year, 1971), 2100)
    return all(
        known.utcoffset(moment) == zone.utcoffset(moment.replace(tzinfo=zone))
        for moment in _samples(year)
    )


@lru_cache(maxsize=1)
def _candidates() -> tuple[str, ...]:
    """IANA names with an area ('Europe/Berlin'), the usual ones before the rest."""
    names = sorted(n for n in available_timezones() if "/" in n and not n.startswith("Etc/"))
    usual = ("Europe/", "America/", "Asia/", "Australia/", "Africa/", "Pacific/")
    return tuple(sorted(names, key=lambda n: (not n.startswith(usual), n)))
