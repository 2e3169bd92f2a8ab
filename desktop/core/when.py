"""The small WHEN grammar of the command line: dates, times and durations.

Understood: ISO 8601 dates (``2026-03-01``) and date-times (``2026-03-01T09:30``,
with or without an offset), ``now``, ``today``, ``tomorrow``, ``yesterday``,
weekday names (``fri``, ``friday``, ``next friday``: the first such day after
today), ``in 3 days`` / ``in 2 hours``, each optionally followed by a time
(``17:00``, ``5pm``, ``at 9:30am``). A bare time means today, or tomorrow when it
has already passed. Relative words resolve against `now` in the user's zone.
Full natural language lives in the task and calendar parser; this grammar is
deliberately strict so that a typo is an error, not a guess.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desktop.core.errors import UserError

WEEKDAYS = {
    name: index
    for index, names in enumerate(
        [
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        ]
    )
    for name in names
}

HINT = (
    "use YYYY-MM-DD, YYYY-MM-DDTHH:MM, now, today, tomorrow, a weekday name or "
    "'in 3 days', optionally followed by a time such as 17:00 or 5pm"
)

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"
)
_TIME = re.compile(r"^(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$")
_RELATIVE = re.compile(r"^in\s+(\d+)\s*(minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w)$")
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(d|h|m)")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")

When = date | datetime


def parse_when(text: str, now: datetime, tz: ZoneInfo) -> When:
    """A `date` (day only) or an aware `datetime` for `text`; UserError otherwise."""
    raw = " ".join(text.strip().lower().split())
    if not raw:
        raise UserError(f"an empty date; {HINT}")
    local_now = now.astimezone(tz)
    if raw == "now":
        return local_now.replace(microsecond=0)
    if _ISO_DATE.match(raw):
        return _iso_date(text.strip())
    if _ISO_DATETIME.match(raw.upper()):
        return _iso_datetime(text.strip(), tz)
    relative = _RELATIVE.match(raw)
    if relative:
        return _relative(int(relative.group(1)), relative.group(2), local_now)
    day_word, _, rest = raw.partition(" ")
    if day_word == "next":
        day_word, _, rest = rest.partition(" ")
        if day_word not in WEEKDAYS:
            raise UserError(f"cannot read '{text}' as a date; {HINT}")
    day = _day_word(day_word, local_now.date())
    if day is None:
        at = _time_of_day(raw)
        if at is None:
            raise UserError(f"cannot read '{text}' as a date; {HINT}")
        moment = datetime.combine(local_now.date(), at, tz)
        return (
            moment
            if moment >= local_now
            else datetime.combine(local_now.date() + timedelta(days=1), at, tz)
        )
    if not rest:
        return day
    at = _time_of_day(rest)
    if at is None:
        raise UserError(f"cannot read the time '{rest}' in '{text}'; write it like 17:00 or 5pm")
    return datetime.combine(day, at, tz)


def parse_day(text: str, now: datetime, tz: ZoneInfo) -> date:
    """Like `parse_when` but always a day (a date-time gives its local date)."""
    value = parse_when(text, now, tz)
    return value.astimezone(tz).date() if isinstance(value, datetime) else value


def parse_month(text: str) -> date:
    """'2026-03' as the first day of that month."""
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise UserError(f"'{text}' is not a month; write it as YYYY-MM, e.g. 2026-03")
    return date(int(match.group(1)), int(match.group(2)), 1)


def parse_duration_minutes(text: str) -> int:
    """'30m', '1h', '1h30m', '1.5h', '2d' or plain minutes ('45') as whole minutes."""
    raw = text.strip().lower().replace(" ", "")
    if raw.isdigit():
        minutes = int(raw)
    else:
        parts = _DURATION_PART.findall(raw)
        if not parts or "".join(n + u for n, u in parts) != raw:
            raise UserError(f"'{text}' is not a duration; write it like 30m, 1h or 1h30m")
        scale = {"d": 1440, "h": 60, "m": 1}
        minutes = round(sum(float(n) * scale[u] for n, u in parts))
    if minutes <= 0:
        raise UserError(f"'{text}' is not a positive duration")
    if minutes > 366 * 1440:
        raise UserError(f"'{text}' is longer than a year")
    return minutes


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UserError(f"'{text}' is not a valid date ({exc})") from None


def _iso_datetime(text: str, tz: ZoneInfo) -> datetime:
    try:
        value = datetime.fromisoformat(text.replace("z", "Z").replace("Z", "+00:00"))
    except ValueError as exc:
        raise UserError(f"'{text}' is not a valid date and time ({exc})") from None
    return value.replace(tzinfo=tz) if value.tzinfo is None else value


def _relative(amount: int, unit: str, local_now: datetime) -> When:
    if unit[0] == "d":
        return local_now.date() + timedelta(days=amount)
    if unit[0] == "w":
        return local_now.date() + timedelta(weeks=amount)
    delta = timedelta(hours=amount) if unit[0] == "h" else timedelta(minutes=amount)
    return (local_now + delta).replace(second=0, microsecond=0)


def _day_word(word: str, today: date) -> date | None:
    if word == "today":
        return today
    if word == "tomorrow":
        return today + timedelta(days=1)
    if word == "yesterday":
        return today - timedelta(days=1)
    if word in WEEKDAYS:
        ahead = (WEEKDAYS[word] - today.weekday() - 1) % 7 + 1
        return today + timedelta(days=ahead)
    return None


def _time_of_day(text: str) -> time | None:
    match = _TIME.match(text.strip())
    if not match:
        return None
    hour, minute, meridiem = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)
