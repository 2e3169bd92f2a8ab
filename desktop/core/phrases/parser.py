"""Reading a phrase: fields, repetition, days, times, then resolving against now.

Relative words resolve against `now` in the user's zone. Nothing is guessed into
the past without a note: a time that has passed today means tomorrow, a written
date that has passed this year means next year, a weekday name means the next one.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from desktop.core.phrases import days as d
from desktop.core.phrases import fallback, repeat, times
from desktop.core.phrases import grammar as g
from desktop.core.phrases.fields import Fields, location, marked, protect
from desktop.core.phrases.model import Preview, When
from desktop.core.phrases.scan import Scan

KINDS = ("task", "event")
IN_TIME = re.compile(
    r"\b(?:in\s+(?P<d>half\s+an?\s+hour|(?:" + g.NUM + r")\s*"
    r"(?:minutes?|mins?|m|hours?|hrs?|h)(?![a-z])"
    r"(?:\s*(?:and\s+)?\d+\s*(?:minutes?|mins?|m)\b)?)"
    r"|(?P<d2>(?:" + g.NUM + r")\s*(?:minutes?|mins?|hours?|hrs?))\s+from\s+now\b)"
)


@dataclass
class _Reading:
    """What the grammar found, before it is resolved into a preview."""

    moment: datetime | None = None
    day: d.DayHit | None = None
    last_day: date | None = None
    at: times.TimeHit | None = None
    end_at: time | None = None
    part: str | None = None
    minutes: int | None = None
    rule: repeat.Rule | None = None
    fallback: date | datetime | None = None


def read(
    text: str, now: datetime, zone: ZoneInfo, kind: str | None = None, default_minutes: int = 60
) -> Preview:
    """The preview of `text` (strict: a bug raises; `parse` is the forgiving entry point)."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be task or event, not {kind!r}")
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    scan = Scan(text)
    local_now = now.astimezone(zone)
    ctx = d.Context(local_now.date(), zone.key.startswith("America/"), text)
    fields = Fields()
    protect(scan, fields)
    marked(scan, fields)
    found = _Reading(rule=repeat.find_rule(scan))
    _moment(scan, found, local_now)
    if found.moment is None:
        _days(scan, found, ctx)
        _duration(scan, found)
        _times(scan, found)
    location(scan, fields)
    if not (found.moment or found.day or found.at or found.rule or found.part):
        hit = fallback.search(scan, now, zone)
        if hit is not None:
            start, end, value = hit
            found.fallback = value
            scan.consume(start, end, f"date {value.isoformat()} (general reader)")
            scan.note(f"'{scan.text[start:end].strip()}' was read by the general date reader")
    guessed = kind or _guess_kind(found, fields)
    return _preview(scan, found, fields, guessed, local_now, zone, default_minutes)


def _guess_kind(found: _Reading, fields: Fields) -> str:
    eventish = (
        (found.at is not None and (found.at.until is not None or found.end_at is not None))
        or found.minutes is not None
        or found.last_day is not None
        or fields.location is not None
        or bool(fields.attendees)
    )
    return "event" if eventish else "task"


def _moment(scan: Scan, found: _Reading, local_now: datetime) -> None:
    for m in scan.find(IN_TIME):
        if not scan.free(m.start(), m.end()):
            continue
        minutes = g.duration_minutes(m.group("d") or m.group("d2"))
        if minutes is None:
            continue
        # Elapsed time, counted in UTC: "in 2 hours" across a clock change is still 2 hours.
        moment = local_now.astimezone(UTC) + timedelta(minutes=minutes)
        if moment.second or moment.microsecond:
            moment = moment.replace(second=0, microsecond=0) + timedelta(minutes=1)
        found.moment = moment.astimezone(local_now.tzinfo)
        scan.consume(m.start(), m.end(), f"at {found.moment:%Y-%m-%d %H:%M}")
        return


def _days(scan: Scan, found: _Reading, ctx: d.Context) -> None:
    hits = d.find_days(scan, ctx)
    if found.rule is not None:
        for hit in list(hits):
            if hit.pre in ("until", "till"):
                found.rule = repeat.replace_until(found.rule, hit.day)
                scan.consume(hit.start, hit.end, f"until {d.show(hit.day, ctx.today)}")
                hits.remove(hit)
                break
    if not hits:
        return
    first = hits[0]
    if first.kind == "weekday" and len(hits) > 1 and _confirms(scan, first, hits[1]):
        # "Tuesday, March 10th": the date counts, the weekday only checks it.
        named, dated = first, hits[1]
        first = dataclasses.replace(dated, start=named.start, note=dated.note)
        hits = [first, *hits[2:]]
        weekday = _weekday_word(scan, named)
        if dated.day.weekday() != g.weekday_index(weekday.lower()):
            scan.note(f"'{weekday}' does not match {d.show(dated.day, ctx.today)}; the date counts")
    found.day = first
    scan.consume(first.start, first.end, first.meaning)
    if first.note:
        scan.note(first.note)
    if first.last is not None:
        found.last_day = first.last
    elif len(hits) > 1:
        second = hits[1]
        between = scan.text[first.end : second.start]
        joined = d.RANGE_SEP.match(between) or (
            not between.strip() and second.pre in ("until", "till", "to")
        )
        if joined:
            last = second.day
            if second.kind == "weekday":
                last = first.day + timedelta(days=(last.weekday() - first.day.weekday()) % 7)
            elif last < first.day and second.kind == "yearless":
                last = last.replace(year=first.day.year)
                if last < first.day:
                    last = last.replace(year=first.day.year + 1)
            if last >= first.day:
                found.last_day = last
                scan.consume(first.end, second.end, f"to {d.show(last, ctx.today)}")
                hits = hits[:1] + hits[2:]
    for extra in hits[1:]:
        if scan.free(extra.start, extra.end):
            scan.note(
                f"only one date is understood; '{scan.text[extra.start : extra.end].strip()}' "
                "is left in the title"
            )


def _confirms(scan: Scan, named: d.DayHit, dated: d.DayHit) -> bool:
    """A weekday written right before a date ('Tuesday, March 10th')."""
    between = scan.text[named.end : dated.start]
    return dated.kind in ("explicit", "yearless") and not between.strip(" ,")


def _weekday_word(scan: Scan, hit: d.DayHit) -> str:
    words = scan.text[hit.start : hit.end].split()
    return words[-1].strip(".,") if words else ""


def _duration(scan: Scan, found: _Reading) -> None:
    for m in scan.find(g.DURATION):
        if not scan.free(m.start(), m.end()):
            continue
        minutes = g.duration_minutes(m.group("d"))
        if minutes is None:
            continue
        found.minutes = minutes
        scan.consume(m.start(), m.end(), f"lasts {_span_text(minutes)}")
        return


def _span_text(minutes: int) -> str:
    if minutes % 1440 == 0:
        return f"{minutes // 1440} day(s)"
    if minutes >= 60:
        return f"{minutes // 60} h {minutes % 60:02d} min" if minutes % 60 else f"{minutes // 60} h"
    return f"{minutes} min"


def _times(scan: Scan, found: _Reading) -> None:
    part = found.day.part if found.day else None
    part_hit = None if part else times.find_part(scan)
    meridiem = g.PARTS_OF_DAY[part][1] if part else (part_hit[1] if part_hit else None)
    hits = times.find_times(scan, meridiem)
    if part_hit:
        found.part = part_hit[0]
        scan.consume(part_hit[2], part_hit[3], f"in the {part_hit[0]}" if hits else "")
    if not hits:
        if part_hit:
            at = g.PARTS_OF_DAY[part_hit[0]][0]
            scan.understood.append(
                (part_hit[2], scan.text[part_hit[2] : part_hit[3]].strip(), f"at {at:%H:%M}")
            )
            scan.note(f"'{scan.text[part_hit[2] : part_hit[3]].strip()}' read as {at:%H:%M}")
        return
    first = hits[0]
    found.at = first
    scan.consume(first.start, first.end, "at " + times.describe(first))
    if first.note:
        scan.note(first.note)
    rest = hits[1:]
    if rest and found.last_day is not None and first.until is None:
        found.end_at = rest[0].at
        scan.consume(rest[0].start, rest[0].end, f"ends {rest[0].at:%H:%M}")
        rest = rest[1:]
    elif rest and first.until is None:
        between = scan.text[first.end : rest[0].start]
        if d.RANGE_SEP.match(between) or (not between.strip() and rest[0].pre in ("until", "till")):
            found.end_at = rest[0].at
            scan.consume(first.end, rest[0].end, f"ends {rest[0].at:%H:%M}")
            rest = rest[1:]
    for extra in rest:
        scan.note(
            f"only one time is understood; '{scan.text[extra.start : extra.end].strip()}' "
            "is left in the title"
        )


def local(day: date, at: time, zone: ZoneInfo, scan: Scan | None = None) -> datetime:
    """`day` at `at` in `zone`; a time skipped by a clock change moves forward (with a note)."""
    naive = datetime.combine(day, at)
    aware = naive.replace(tzinfo=zone)
    back = aware.astimezone(UTC).astimezone(zone)
    if back.replace(tzinfo=None) != naive:
        if scan is not None:
            scan.note(
                f"{at:%H:%M} does not exist on {day.isoformat()} in {zone.key} "
                f"(the clocks go forward); read as {back:%H:%M}"
            )
        return back
    if aware.replace(fold=1).utcoffset() != aware.utcoffset() and scan is not None:
        scan.note(
            f"{at:%H:%M} happens twice on {day.isoformat()} in {zone.key} "
            f"(the clocks go back); read as the first, {aware:%H:%M %z}"
        )
    return aware


def _preview(
    scan: Scan,
    found: _Reading,
    fields: Fields,
    kind: str,
    local_now: datetime,
    zone: ZoneInfo,
    default_minutes: int,
) -> Preview:
    today = local_now.date()
    at = found.at.at if found.at else None
    if at is None and found.day is not None and found.day.at is not None:
        at = found.day.at
    if at is None and found.part is not None:
        at = g.PARTS_OF_DAY[found.part][0]
    if at is None and found.rule is not None and found.rule.at is not None:
        at = found.rule.at
    start: When | None = None
    rule_text: str | None = None
    if found.moment is not None:
        start = found.moment
    elif found.fallback is not None:
        start = found.fallback
    elif found.rule is not None:
        start, rule_text = _first_occurrence(scan, found, at, local_now, zone)
    elif found.day is not None:
        start = found.day.day if at is None else local(found.day.day, at, zone, scan)
        if isinstance(start, datetime) and start < local_now:
            scan.note(f"{start:%Y-%m-%d %H:%M} is already past")
    elif at is not None:
        start = local(today, at, zone, scan)
        if start < local_now and found.at is None:
            scan.note(f"{start:%Y-%m-%d %H:%M} is already past")  # "this afternoon" names today
        elif start < local_now:
            start = local(today + timedelta(days=1), at, zone, scan)
            scan.note(
                f"'{_fragment(scan, found)}' read as tomorrow, {d.show(start.date(), today)} "
                f"({at:%H:%M} has passed today)"
            )
    end: When | None = None
    estimate = fields.estimate_minutes
    all_day = start is not None and not isinstance(start, datetime)
    if kind == "event" and start is not None:
        end = _end(scan, found, start, zone, default_minutes)
    elif kind == "task" and estimate is None:
        if found.at is not None and found.at.until is not None:
            estimate = _minutes_between(found.at.at, found.at.until)
        elif found.minutes is not None:
            estimate = found.minutes
    title = scan.title()
    if not title and scan.text.strip():
        scan.note("nothing is left for a title; give one before the date")
    return Preview(
        kind=kind,
        title=title,
        due=start if kind == "task" else None,
        start=start if kind == "event" else None,
        end=end,
        all_day=all_day,
        rrule=rule_text,
        priority=fields.priority,
        tags=tuple(fields.tags),
        estimate_minutes=estimate,
        project=fields.project,
        location=fields.location,
        attendees=tuple(fields.attendees),
        understood=scan.pairs(),
        notes=tuple(scan.notes),
    )


def _fragment(scan: Scan, found: _Reading) -> str:
    if found.at is None:
        return ""
    return scan.text[found.at.start : found.at.end].strip()


def _minutes_between(a: time, b: time) -> int:
    minutes = (b.hour * 60 + b.minute) - (a.hour * 60 + a.minute)
    return minutes if minutes > 0 else minutes + 1440


def _end(scan: Scan, found: _Reading, start: When, zone: ZoneInfo, default_minutes: int) -> When:
    if not isinstance(start, datetime):
        if found.last_day is not None:
            return found.last_day
        if found.minutes is not None and found.minutes >= 1440:
            return start + timedelta(days=max(1, found.minutes // 1440) - 1)
        return start
    until = found.at.until if found.at and found.at.until else found.end_at
    if found.last_day is not None:
        return local(found.last_day, until or start.timetz().replace(tzinfo=None), zone, scan)
    if until is not None:
        end = local(start.date(), until, zone, scan)
        if end <= start:
            end = local(start.date() + timedelta(days=1), until, zone, scan)
            scan.note(f"it ends the next day, at {until:%H:%M}")
        return end
    minutes = found.minutes if found.minutes is not None else default_minutes
    return (start.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(zone)


def _first_occurrence(
    scan: Scan, found: _Reading, at: time | None, local_now: datetime, zone: ZoneInfo
) -> tuple[When, str]:
    """The first occurrence on or after now (or the anchor day) and the final RRULE."""
    assert found.rule is not None
    rule = found.rule
    if rule.freq == "HOURLY" and at is None and found.day is None:
        hour = local_now.replace(minute=0, second=0, microsecond=0).astimezone(UTC)
        return (hour + timedelta(hours=1)).astimezone(zone), rule.text(
            local(rule.until, time(23, 59, 59), zone) if rule.until and not rule.count else None
        )
    anchor = found.day.day if found.day is not None else local_now.date()
    if found.day is not None:
        rule = repeat.anchored(rule, found.day.day, found.day.kind)
    naive_start = datetime.combine(anchor, at or time())
    # The series starts on the first matching day from now on: "every other wednesday"
    # said on a Wednesday evening starts next Wednesday, so step 1 finds that day.
    first_step = dataclasses.replace(rule, interval=1, count=None, until=None)
    parsed = rrulestr(first_step.text(), dtstart=naive_start)
    bound = naive_start
    if at is not None and found.day is None:
        bound = max(naive_start, local_now.replace(tzinfo=None, second=0, microsecond=0))
        if local_now.second or local_now.microsecond:
            bound += timedelta(minutes=1)
    first = parsed.after(bound, inc=True)
    if first is None or (rule.until is not None and first.date() > rule.until):
        scan.note("the repetition ends before it starts; kept the first day as given")
        first = naive_start
    if at is None:
        return first.date(), rule.text()
    start = local(first.date(), at, zone, scan)
    until = None
    if rule.until is not None and rule.count is None:
        until = local(rule.until, time(23, 59, 59), zone)
    return start, rule.text(until)


def parse(
    text: str,
    now: datetime,
    zone: ZoneInfo,
    kind: str | None = None,
    default_minutes: int = 60,
) -> Preview:
    """The preview of `text`, never raising on any text (a reader failure keeps it as typed)."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be task or event, not {kind!r}")
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    try:
        return read(text, now, zone, kind, default_minutes)
    except Exception:  # noqa: BLE001 - a phrase must never break quick add; keep it literally
        return Preview(
            kind=kind or "task",
            title=" ".join(text.split()),
            notes=("the phrase could not be read; it is kept as the title",),
        )


def parse_task(text: str, now: datetime, zone: ZoneInfo) -> Preview:
    """A task: due, repetition, priority, tags, estimate, project."""
    return parse(text, now, zone, kind="task")


def parse_event(text: str, now: datetime, zone: ZoneInfo, default_minutes: int = 60) -> Preview:
    """An event: start, end (or all-day days), repetition, location, attendees."""
    return parse(text, now, zone, kind="event", default_minutes=default_minutes)
