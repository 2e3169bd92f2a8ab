"""Malformed .ics files: each problem names its line and component; nothing is imported
unless `keep_valid` asks for the valid part."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.core.errors import UserError
from desktop.services.container import Services
from desktop.services.ical.reading import read_text
from desktop.store.models import CalendarEvent, Task
from desktop.store.profile import Store

GOOD = """BEGIN:VEVENT
UID:good@test
SUMMARY:Good one
DTSTART;TZID=Europe/Berlin:20260302T090000
DTEND;TZID=Europe/Berlin:20260302T100000
END:VEVENT"""


def calendar(*parts: str) -> str:
    return (
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n"
        + "\n".join(parts)
        + "\nEND:VCALENDAR\n"
    )


def count(store: Store, model: type) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


BACKWARDS = """BEGIN:VEVENT
UID:standup@test
SUMMARY:Standup
DTSTART;TZID=Europe/Berlin:20260302T100000
DTEND;TZID=Europe/Berlin:20260302T090000
END:VEVENT"""

CASES = [
    (BACKWARDS, "line 14: VEVENT 'Standup' has DTEND before DTSTART"),
    (
        "BEGIN:VEVENT\nUID:x@test\nSUMMARY:Broken date\nDTSTART:2026030\nEND:VEVENT",
        "line 13: VEVENT 'Broken date' has a bad DTSTART",
    ),
    (
        "BEGIN:VEVENT\nUID:x@test\nSUMMARY:Odd rule\nDTSTART:20260302T090000Z\n"
        "RRULE:FREQ=SOMETIMES\nEND:VEVENT",
        "line 14: VEVENT 'Odd rule'",
    ),
    (
        "BEGIN:VEVENT\nUID:x@test\nSUMMARY:No start\nEND:VEVENT",
        "line 10: VEVENT 'No start' has no DTSTART",
    ),
    (
        "BEGIN:VEVENT\nUID:x@test\nSUMMARY:Nowhere\n"
        "DTSTART;TZID=Mars/Olympus:20260302T090000\nEND:VEVENT",
        "line 13: VEVENT 'Nowhere' uses the time zone 'Mars/Olympus'",
    ),
    (
        "BEGIN:VEVENT\nUID:x@test\nSUMMARY:Garbage\nthis line has no colon\n"
        "DTSTART:20260302T090000Z\nEND:VEVENT",
        "line 13: VEVENT 'Garbage' has a line that is not 'NAME:value'",
    ),
    (
        "BEGIN:VEVENT\nUID:x@test\nSUMMARY:Unclosed alarm\nDTSTART:20260302T090000Z\n"
        "BEGIN:VALARM\nTRIGGER:-PT5M\nEND:VEVENT",
        "line 16: VEVENT 'Unclosed alarm' has BEGIN:VALARM (line 14) without its END",
    ),
    (
        "BEGIN:VEVENT\nUID:good@test\nSUMMARY:Twin\nDTSTART:20260302T090000Z\nEND:VEVENT",
        "line 10: VEVENT 'Twin' repeats the UID of line 4",
    ),
    (
        "BEGIN:VEVENT\nUID:x@test\nSUMMARY:Mixed\nDTSTART;VALUE=DATE:20260302\n"
        "DTEND:20260303T090000Z\nEND:VEVENT",
        "line 14: VEVENT 'Mixed' has a DTEND with a time while DTSTART is a date",
    ),
]


@pytest.mark.parametrize(("bad", "message"), CASES, ids=[m[:40] for _, m in CASES])
def test_a_problem_names_line_and_component_and_nothing_is_imported(
    services: Services, store: Store, bad: str, message: str
) -> None:
    with pytest.raises(UserError) as raised:
        services.ical.import_events(calendar(GOOD, bad))
    text = str(raised.value)
    assert text.startswith(message), text
    assert "nothing was imported" in text
    assert "--keep-valid" in text
    assert "\n" not in text
    assert count(store, CalendarEvent) == 0


@pytest.mark.parametrize(("bad", "message"), CASES, ids=[m[:40] for _, m in CASES])
def test_keep_valid_imports_the_rest_and_lists_the_problem(
    services: Services, store: Store, bad: str, message: str
) -> None:
    outcome = services.ical.import_events(calendar(GOOD, bad), keep_valid=True)
    assert outcome.value.created == 1
    assert len(outcome.value.errors) == 1
    assert outcome.value.errors[0].startswith(message)
    assert count(store, CalendarEvent) == 1


def test_several_problems_are_counted(services: Services) -> None:
    with pytest.raises(UserError, match=r"^line 14: .* \(and 1 more problems\)"):
        services.ical.import_events(calendar(GOOD, BACKWARDS, BACKWARDS.replace("standup", "b")))


def test_a_file_that_is_no_calendar(services: Services) -> None:
    with pytest.raises(UserError, match=r"^line 1: this is not an iCalendar file"):
        services.ical.import_events("Subject: hello\n\nnot a calendar\n")
    with pytest.raises(UserError, match=r"^line 1: this is not an iCalendar file"):
        services.ical.import_events("")


def test_a_missing_end_of_calendar_is_a_problem(services: Services, store: Store) -> None:
    text = calendar(GOOD).replace("END:VCALENDAR\n", "")
    with pytest.raises(UserError, match=r"^line 9: the file has no END:VCALENDAR"):
        services.ical.import_events(text)
    assert services.ical.import_events(text, keep_valid=True).value.created == 1


def test_a_bad_vtodo_names_its_line(services: Services, store: Store) -> None:
    todo = "BEGIN:VTODO\nUID:t@test\nSUMMARY:Pay\nPRIORITY:12\nEND:VTODO"
    with pytest.raises(UserError, match=r"^line 7: VTODO 'Pay' has a PRIORITY that is not 0 to 9"):
        services.ical.import_tasks(calendar(todo))
    assert count(store, Task) == 0


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="there is no file"):
        read_text(tmp_path / "nope.ics")
    latin = tmp_path / "latin.ics"
    latin.write_bytes("BEGIN:VCALENDAR\nSUMMARY:Caf\xe9\n".encode("latin-1"))
    assert "Café" in read_text(latin)
