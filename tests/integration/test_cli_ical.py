"""`atrium event import|export` and `atrium task import|export` (iCalendar files)."""

from __future__ import annotations

from pathlib import Path

from cli_helpers import Cli, count_rows
from icalendar import Calendar

CORPUS = Path(__file__).resolve().parents[1] / "data" / "ics"
BAD = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:good@test
SUMMARY:Good
DTSTART:20270105T090000Z
DTEND:20270105T100000Z
END:VEVENT
BEGIN:VEVENT
UID:standup@test
SUMMARY:Standup
DTSTART;TZID=Europe/Berlin:20270105T100000
DTEND;TZID=Europe/Berlin:20270105T090000
END:VEVENT
END:VCALENDAR
"""


def test_import_prints_the_counts_and_a_reimport_updates(cli: Cli) -> None:
    path = CORPUS / "overrides_exclusions.ics"
    first = cli.json("event", "import", str(path))
    assert first == {"created": 7, "updated": 0, "skipped": 0, "errors": []}
    again = cli.json("event", "import", str(path))
    assert again == {"created": 0, "updated": 0, "skipped": 7, "errors": []}
    assert count_rows(cli.database, "calendar_events") == 7
    listed = cli.json("event", "list", "--from", "2026-03-12", "--to", "2026-03-12")
    assert [o["title"] for o in listed] == ["Standup", "Team sync (moved to the afternoon)"]
    human = cli.ok("event", "import", str(path)).out
    assert human == f"Imported events from {path}: 0 created, 0 updated, 7 skipped.\n"


def test_a_malformed_file_imports_nothing_unless_asked(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ics"
    bad.write_text(BAD)
    error = cli.fails("event", "import", str(bad))
    assert error.startswith("line 14: VEVENT 'Standup' has DTEND before DTSTART")
    assert count_rows(cli.database, "calendar_events") == 0
    kept = cli.json("event", "import", str(bad), "--keep-valid")
    assert kept["created"] == 1
    assert kept["errors"] == ["line 14: VEVENT 'Standup' has DTEND before DTSTART"]
    human = cli.ok("event", "import", str(bad), "--keep-valid").out
    assert "line 14: VEVENT 'Standup' has DTEND before DTSTART" in human


def test_missing_and_foreign_files_are_bad_input(cli: Cli, tmp_path: Path) -> None:
    assert "there is no file" in cli.fails("event", "import", str(tmp_path / "none.ics"))
    other = tmp_path / "notes.txt"
    other.write_text("hello\n")
    assert cli.fails("task", "import", str(other)).startswith(
        "line 1: this is not an iCalendar file"
    )


def test_export_to_stdout_and_to_a_file(cli: Cli, tmp_path: Path) -> None:
    cli.ok("event", "import", str(CORPUS / "all_day_series.ics"))
    cli.ok("event", "add", "Dentist", "--start", "2026-03-05T09:00", "--duration", "30m")
    text = cli.ok("event", "export").out
    calendar = Calendar.from_ical(text)
    titles = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    assert {"Dentist", "Birthday", "Gym day", "Bin day (after Easter Monday)"} <= titles
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    ranged = cli.ok("event", "export", "--from", "2026-03-03", "--to", "2026-03-05").out
    assert {str(e["SUMMARY"]) for e in Calendar.from_ical(ranged).walk("VEVENT")} == {
        "Dentist",
        "Gym day",
    }
    target = tmp_path / "out.ics"
    said = cli.ok("event", "export", "-o", str(target)).out
    assert said == f"Wrote {len(calendar.walk('VEVENT'))} events to {target}.\n"
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    backwards = cli.fails("event", "export", "--from", "2026-03-05", "--to", "2026-03-01")
    assert backwards == "the end of the range is before its start"


def test_export_then_import_into_an_empty_profile(cli: Cli, tmp_path: Path) -> None:
    cli.ok("event", "import", str(CORPUS / "berlin_dst.ics"))
    target = tmp_path / "all.ics"
    cli.ok("event", "export", "-o", str(target))
    fresh = Cli(tmp_path / "fresh", cli.capsys)
    result = fresh.json("event", "import", str(target))
    assert (result["created"], result["errors"]) == (5, [])
    window = ("--from", "2026-03-20", "--to", "2026-11-01")
    theirs, ours = fresh.json("event", "list", *window), cli.json("event", "list", *window)
    assert len(ours) > 30
    assert [_without_ids(o) for o in theirs] == [_without_ids(o) for o in ours]


def _without_ids(occurrence: dict) -> dict:
    return {k: v for k, v in occurrence.items() if k not in ("event_id", "id")}


def test_tasks_import_and_export(cli: Cli, tmp_path: Path) -> None:
    path = CORPUS / "vtodo" / "tasks.ics"
    assert cli.json("task", "import", str(path)) == {
        "created": 5,
        "updated": 0,
        "skipped": 0,
        "errors": [],
    }
    titles = {t["title"] for t in cli.json("task", "list", "--status", "all")}
    assert "Move house" in titles
    text = cli.ok("task", "export").out
    todos = Calendar.from_ical(text).walk("VTODO")
    assert len(todos) == 5
    priorities = {str(t["SUMMARY"]): int(t["PRIORITY"]) for t in todos}
    assert priorities["Move house"] == 1
    assert priorities["Cancel the old lease"] == 9
    target = tmp_path / "tasks.ics"
    assert cli.ok("task", "export", "-o", str(target)).out == f"Wrote 5 tasks to {target}.\n"
