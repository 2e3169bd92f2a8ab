"""Natural language on the command line: `atrium parse`, and the text of `task add` /
`event add` read as a phrase (explicit flags override or add to what was read)."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from desktop.cli.output import emit_json, say
from desktop.core.errors import UserError
from desktop.services.container import Services

if TYPE_CHECKING:  # the grammar compiles its patterns on import: only commands that read load it
    from desktop.core.phrases import Preview

NO_START = (
    "the following arguments are required: --start (or say when in the text, "
    "e.g. 'Lunch tomorrow 12:30'); see `atrium event add --help`"
)


def _read(args: argparse.Namespace, s: Services, kind: str, zone: ZoneInfo) -> Preview | None:
    """The phrase of `args.title`, or None with --literal or when nothing was understood."""
    if getattr(args, "literal", False):
        return None
    from desktop.core.phrases import parse

    found = parse(args.title, s.ctx.now(), zone, kind=kind)
    if not found.understood or not found.title:
        return None  # nothing read, or nothing left for a title ("Weekly"): keep it as typed
    return found


def _merged(first: list[str] | tuple[str, ...], more: list[str]) -> list[str]:
    out: list[str] = []
    for item in [*first, *more]:
        if item.casefold() not in (o.casefold() for o in out):
            out.append(item)
    return out


def task_fields(args: argparse.Namespace, s: Services) -> tuple[dict[str, Any], Preview | None]:
    """Arguments of `add_task` from the text and the flags (flags win)."""
    fields: dict[str, Any] = {
        "title": args.title,
        "due": args.due,
        "priority": args.priority,
        "tags": args.tag,
        "estimate": args.estimate,
        "recurrence": args.repeat,
    }
    found = _read(args, s, "task", s.ctx.zone)
    if found is None:
        return fields, None
    from desktop.services.actions.phrase_actions import find_project

    fields.update(
        title=found.title,
        due=args.due if args.due is not None else found.due,
        priority=args.priority or found.priority,
        tags=_merged(found.tags, args.tag),
        estimate=args.estimate
        or (f"{found.estimate_minutes}m" if found.estimate_minutes else None),
        recurrence=args.repeat or found.rrule,
        project_id=find_project(s, found.project) if found.project else None,
    )
    return fields, found


def event_fields(args: argparse.Namespace, s: Services) -> tuple[dict[str, Any], Preview | None]:
    """Arguments of `add_event` from the text and the flags (flags win)."""
    zone = s.ctx.zone
    if args.tz:
        from desktop.services.base import check_zone

        zone = ZoneInfo(check_zone(args.tz))
    fields: dict[str, Any] = {
        "title": args.title,
        "start": args.start,
        "end": args.end,
        "duration": args.duration,
        "all_day": args.all_day,
        "rrule": args.rrule,
        "location": args.location,
        "attendees": args.attendee,
    }
    found = _read(args, s, "event", zone)
    if found is not None:
        fields.update(
            title=found.title,
            all_day=args.all_day or (found.all_day and args.start is None),
            rrule=args.rrule or found.rrule,
            location=args.location or found.location,
            attendees=_merged(found.attendees, args.attendee),
        )
        if args.start is None and found.start is not None:
            fields["start"] = found.start
            if args.end is None and args.duration is None:
                fields["end"] = found.end
        elif args.end is None and args.duration is None:
            # --start wins over the text's day and time, but a length the text gave still counts.
            fields["duration"] = _said_length(found)
    if fields["start"] is None:
        raise UserError(NO_START)
    return fields, found


def _said_length(found: Preview) -> str | None:
    """'15m' when the text said how long ('for 15m', '9-11am'), else None."""
    said = any(meaning.startswith("lasts ") or "–" in meaning for _, meaning in found.understood)
    start, end = found.start, found.end
    if not said or not isinstance(start, datetime) or not isinstance(end, datetime):
        return None
    return f"{int((end - start).total_seconds() // 60)}m"


def show_notes(args: argparse.Namespace, found: Preview | None) -> None:
    """The parser's notes, after the human-readable output (never with --json)."""
    if found is None or args.json:
        return
    for note in found.notes:
        say(f"  note: {note}")


def _human(found: Preview) -> None:
    say(f"{found.kind}: {found.title or '(no title)'}")
    if found.kind == "task":
        rows: list[tuple[str, Any]] = [("due", found.due)]
    else:
        rows = [("start", found.start), ("end", found.end)]
    rows += [
        ("all day", "yes" if found.all_day else None),
        ("repeats", found.rrule),
        ("priority", found.priority),
        ("tags", " ".join(f"#{t}" for t in found.tags) or None),
        ("estimate", f"{found.estimate_minutes} min" if found.estimate_minutes else None),
        ("project", found.project),
        ("location", found.location),
        ("attendees", ", ".join(found.attendees) or None),
    ]
    for label, value in rows:
        if value is not None:
            text = value.isoformat() if hasattr(value, "isoformat") else str(value)
            say(f"  {label + ':':<11} {text}")
    for fragment, meaning in found.understood:
        say(f"  '{fragment}' → {meaning}")
    for note in found.notes:
        say(f"  note: {note}")


def parse_phrase(args: argparse.Namespace, s: Services) -> int:
    from desktop.core.phrases import parse

    found = parse(args.text, s.ctx.now(), s.ctx.zone, kind=args.kind)
    if args.json:
        emit_json(found.to_json(), s.ctx.zone)
    else:
        _human(found)
    return 0


HANDLERS = {"parse": parse_phrase}
