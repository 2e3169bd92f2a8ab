"""Reading .ics text: split it into components that remember their line numbers, then parse.

icalendar parses values but forgets where they were, so the text is scanned
here first: each top-level component (VEVENT, VTODO, VTIMEZONE, ...) becomes a
`Piece` with the line of its BEGIN and the line of every property, and a broken
structure (a line that is not a content line, an END that closes nothing, a
component that never ends) is a problem naming the line and the component.
The pieces that are sound are then parsed together by icalendar, so that TZIDs
defined by VTIMEZONE components resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from icalendar import Calendar, Component

from desktop.core.errors import UserError

_NAME = re.compile(r"^[A-Za-z0-9-]+$")
MAX_BYTES = 50 * 1024 * 1024


@dataclass
class Piece:
    """One top-level component of the file, with where its lines are."""

    name: str
    line: int
    lines: list[tuple[int, str]] = field(default_factory=list)
    broken: bool = False
    component: Component | None = None

    @property
    def label(self) -> str:
        """'VEVENT 'Standup'' or just 'VEVENT' when it has no SUMMARY."""
        title = self.value("SUMMARY")
        return f"{self.name} '{title}'" if title else self.name

    def value(self, name: str) -> str:
        """The raw value of the first property `name` ('' when absent)."""
        for _, text in self.lines:
            if _property_name(text) == name:
                value = _after_params(text).strip()
                return value.replace("\\,", ",").replace("\\;", ";").replace("\\n", " ")[:80]
        return ""

    def line_of(self, name: str) -> int:
        """The line of the first property `name`, else the line of BEGIN."""
        for number, text in self.lines:
            if _property_name(text) == name:
                return number
        return self.line

    def raw(self) -> str:
        return "\r\n".join(text for _, text in self.lines) + "\r\n"


@dataclass
class ParsedFile:
    """The sound pieces (parsed) and the problems found, in file order."""

    pieces: list[Piece]
    problems: list[tuple[int, str]]


def read_text(path: str | Path) -> str:
    """The text of an .ics file; a UserError when it is missing or unreadable."""
    file = Path(path)
    if not file.is_file():
        raise UserError(f"there is no file {file}; give the path of an .ics file")
    try:
        if file.stat().st_size > MAX_BYTES:
            raise UserError(f"{file} is larger than 50 MB; split it into smaller files")
        data = file.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {file}: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def parse_calendar(text: str) -> ParsedFile:
    """Scan `text` into pieces, parse the sound ones; UserError when it is no calendar."""
    logical = _unfold(text)
    if not logical or logical[0][1].strip().upper() != "BEGIN:VCALENDAR":
        line = logical[0][0] if logical else 1
        raise UserError(
            f"line {line}: this is not an iCalendar file; it must start with BEGIN:VCALENDAR"
        )
    pieces, problems = _scan(logical)
    sound = [p for p in pieces if not p.broken]
    _parse_pieces(sound, problems)
    return ParsedFile([p for p in sound if p.component is not None], problems)


def _unfold(text: str) -> list[tuple[int, str]]:
    """Logical lines (continuations joined) with the number of their first physical line."""
    logical: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line[:1] in (" ", "\t") and logical:
            first, previous = logical[-1]
            logical[-1] = (first, previous + line[1:])
        elif line.strip():
            logical.append((number, line))
    return logical


def _property_name(text: str) -> str:
    head = re.split(r"[;:]", text, maxsplit=1)[0]
    return head.strip().upper()


def _after_params(text: str) -> str:
    """The value after the parameters, which may hold quoted colons."""
    quoted = False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return text[index + 1 :]
    return ""


def _scan(logical: list[tuple[int, str]]) -> tuple[list[Piece], list[tuple[int, str]]]:
    pieces: list[Piece] = []
    problems: list[tuple[int, str]] = []
    stack: list[tuple[str, int]] = []
    current: Piece | None = None

    def fail(number: int, message: str) -> None:
        if current is not None:
            current.broken = True
            message = f"{current.label} {message}"
        problems.append((number, message))

    for number, text in logical:
        name = _property_name(text)
        if ":" not in text or not _NAME.match(name):
            fail(number, f"has a line that is not 'NAME:value': {text.strip()[:60]!r}")
            continue
        value = _after_params(text).strip().upper()
        if name == "BEGIN":
            if not stack and value != "VCALENDAR":
                problems.append((number, f"BEGIN:{value} is outside BEGIN:VCALENDAR"))
            stack.append((value, number))
            if len(stack) == 2:
                current = Piece(value, number)
                pieces.append(current)
            if current is not None:
                current.lines.append((number, text))
            continue
        if name == "END":
            open_names = [n for n, _ in stack]
            if value not in open_names:
                fail(number, f"has END:{value} that closes nothing")
                continue
            while stack and stack[-1][0] != value:
                unclosed, began = stack.pop()
                fail(number, f"has BEGIN:{unclosed} (line {began}) without its END")
            stack.pop()
            if current is not None:
                current.lines.append((number, text))
            if len(stack) < 2:
                current = None
            continue
        if not stack:
            problems.append((number, f"{text.strip()[:40]!r} is outside BEGIN:VCALENDAR"))
        elif current is not None:
            current.lines.append((number, text))
    last = logical[-1][0]
    if current is not None:
        current.broken = True
        problems.append((last, f"{current.label} (line {current.line}) has no END:{current.name}"))
    elif stack:
        problems.append((last, "the file has no END:VCALENDAR"))
    return pieces, problems


def _parse_pieces(pieces: list[Piece], problems: list[tuple[int, str]]) -> None:
    """Parse all pieces in one calendar (so TZIDs resolve); one by one when that fails."""
    zones = "".join(p.raw() for p in pieces if p.name == "VTIMEZONE")
    whole = "BEGIN:VCALENDAR\r\n" + "".join(p.raw() for p in pieces) + "END:VCALENDAR\r\n"
    try:
        parsed = Calendar.from_ical(whole)
        if len(parsed.subcomponents) == len(pieces):
            for piece, component in zip(pieces, parsed.subcomponents, strict=True):
                piece.component = component
            return
    except (ValueError, KeyError, TypeError):
        pass
    for piece in pieces:
        body = zones if piece.name != "VTIMEZONE" else ""
        try:
            single = f"BEGIN:VCALENDAR\r\n{body}{piece.raw()}END:VCALENDAR\r\n"
            calendar = Calendar.from_ical(single)
            piece.component = calendar.subcomponents[-1]
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            problems.append((piece.line, f"{piece.label} cannot be read ({_short(exc)})"))


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:120] or type(exc).__name__
