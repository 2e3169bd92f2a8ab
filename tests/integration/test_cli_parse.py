"""`atrium parse`, and natural language in `atrium task add` / `atrium event add`.

These run against the real clock in Europe/Berlin (the `cli` fixture), so phrases use
either explicit dates in 2027 or words relative to today.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from cli_helpers import BERLIN, Cli, count_rows, today


def tomorrow_at(hour: int, minute: int = 0) -> str:
    day = today() + timedelta(days=1)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(BERLIN)).isoformat()


# -- atrium parse ------------------------------------------------------------------------


def test_parse_json_of_a_task_saves_nothing(cli: Cli) -> None:
    tasks = count_rows(cli.database, "tasks")

    found = cli.json("parse", "Call dentist tomorrow at 5pm !high #health ~30m")

    assert found == {
        "kind": "task",
        "title": "Call dentist",
        "due": tomorrow_at(17),
        "all_day": False,
        "rrule": None,
        "priority": "high",
        "tags": ["health"],
        "estimate_minutes": 30,
        "project": None,
        "location": None,
        "attendees": [],
        "understood": [
            {"text": "tomorrow", "meaning": found["understood"][0]["meaning"]},
            {"text": "at 5pm", "meaning": "at 17:00"},
            {"text": "!high", "meaning": "priority high"},
            {"text": "#health", "meaning": "tag health"},
            {"text": "~30m", "meaning": "estimate 30 min"},
        ],
        "notes": [],
    }
    assert count_rows(cli.database, "tasks") == tasks


def test_parse_json_of_an_event_has_start_and_end(cli: Cli) -> None:
    found = cli.json("parse", "Lunch with Ann 2027-03-05 1pm-2pm at Cafe Luna")

    assert found["kind"] == "event"
    assert "due" not in found
    assert (found["title"], found["location"]) == ("Lunch with Ann", "Cafe Luna")
    assert (found["start"], found["end"]) == (
        "2027-03-05T13:00:00+01:00",
        "2027-03-05T14:00:00+01:00",
    )


def test_parse_kind_forces_the_reading(cli: Cli) -> None:
    as_event = cli.json("parse", "Dentist 2027-03-03 at 10:00", "--kind", "event")
    as_task = cli.json("parse", "Dentist 2027-03-03 at 10:00", "--kind", "task")

    assert as_event["kind"] == "event"
    assert (as_event["start"], as_event["end"]) == (
        "2027-03-03T10:00:00+01:00",
        "2027-03-03T11:00:00+01:00",
    )
    assert as_task["due"] == "2027-03-03T10:00:00+01:00"


def test_parse_all_day_span_and_repetition(cli: Cli) -> None:
    offsite = cli.json("parse", "Team offsite 2027-03-08 to 2027-03-10")
    rent = cli.json("parse", "Pay rent on the 1st of every month")

    assert (offsite["kind"], offsite["all_day"]) == ("event", True)
    assert (offsite["start"], offsite["end"]) == ("2027-03-08", "2027-03-10")
    assert rent["rrule"] == "FREQ=MONTHLY;BYMONTHDAY=1"
    assert rent["due"][8:] == "01"


def test_parse_without_json_explains_and_notes(cli: Cli) -> None:
    out = cli.ok("parse", "Dentist on 2027-03-03 at 10").out

    assert out.startswith("task: Dentist\n")
    assert "due:" in out
    assert "2027-03-03T10:00:00+01:00" in out
    assert "'at 10' → at 10:00" in out
    assert "note: 'at 10' read as 10:00" in out


def test_parse_of_plain_words_understands_nothing(cli: Cli) -> None:
    found = cli.json("parse", "Buy oat milk")

    assert (found["title"], found["due"], found["understood"]) == ("Buy oat milk", None, [])


@pytest.mark.parametrize(
    ("argv", "words"),
    [(["parse"], "required: text"), (["parse", "x", "--kind", "memo"], "invalid choice")],
)
def test_parse_usage_errors(cli: Cli, argv: list[str], words: str) -> None:
    assert words in cli.fails(*argv)


# -- atrium task add TEXT ----------------------------------------------------------------


def test_task_add_reads_the_phrase(cli: Cli) -> None:
    task = cli.json("task", "add", "Call dentist tomorrow at 5pm !high #health ~30m")

    assert task["title"] == "Call dentist"
    assert task["due"] == tomorrow_at(17)
    assert (task["priority"], task["tags"], task["estimate_minutes"]) == ("high", ["health"], 30)
    assert cli.json("task", "show", task["id"])["title"] == "Call dentist"


def test_task_add_keeps_the_repetition(cli: Cli) -> None:
    task = cli.json("task", "add", "Water plants every 3 days")

    assert (task["title"], task["recurrence"], task["due"]) == (
        "Water plants",
        "FREQ=DAILY;INTERVAL=3",
        today().isoformat(),
    )


def test_task_add_flags_override_and_add_to_the_phrase(cli: Cli) -> None:
    task = cli.json(
        "task",
        "add",
        "Submit report tomorrow !high #work",
        "--due",
        "2027-01-15",
        "--priority",
        "low",
        "--tag",
        "q1",
        "--estimate",
        "1h",
    )

    assert task["title"] == "Submit report"
    assert (task["due"], task["priority"], task["estimate_minutes"]) == ("2027-01-15", "low", 60)
    assert task["tags"] == ["q1", "work"] or task["tags"] == ["work", "q1"]


def test_task_add_literal_keeps_the_title_as_typed(cli: Cli) -> None:
    task = cli.json("task", "add", "Read 'Tomorrow at 5pm' !high", "--literal")

    assert task["title"] == "Read 'Tomorrow at 5pm' !high"
    assert (task["due"], task["priority"]) == (None, "medium")


def test_task_add_of_only_date_words_keeps_them_as_the_title(cli: Cli) -> None:
    task = cli.json("task", "add", "Weekly", "--due", "2027-01-15")

    assert (task["title"], task["recurrence"], task["due"]) == ("Weekly", None, "2027-01-15")


def test_task_add_project_must_exist(cli: Cli) -> None:
    tasks = count_rows(cli.database, "tasks")

    message = cli.fails("task", "add", "Prune roses +garden")

    assert "no project named 'garden'" in message
    assert count_rows(cli.database, "tasks") == tasks
    project = cli.json("do", "add_project", "--arg", "name=Garden")
    task = cli.json("task", "add", "Prune roses +garden")
    assert (task["title"], task["project_id"]) == ("Prune roses", project["id"])


def test_task_add_prints_the_notes(cli: Cli) -> None:
    out = cli.ok("task", "add", "Submit report by Friday").out

    assert "Submit report" in out
    assert "note: 'Friday' read as Friday" in out


# -- atrium event add TEXT ---------------------------------------------------------------


def test_event_add_reads_the_phrase(cli: Cli) -> None:
    event = cli.json("event", "add", "Lunch with ann@example.com 2027-03-05 1pm-2pm at Cafe Luna")

    assert event["title"] == "Lunch with ann@example.com"
    assert (event["start"], event["end"]) == (
        "2027-03-05T13:00:00+01:00",
        "2027-03-05T14:00:00+01:00",
    )
    assert event["location"] == "Cafe Luna"
    assert [a["email"] for a in event["attendees"]] == ["ann@example.com"]


def test_event_add_all_day_span(cli: Cli) -> None:
    event = cli.json("event", "add", "Team offsite 2027-03-08 to 2027-03-10")

    assert event["all_day"] is True
    assert (event["start"], event["end"]) == ("2027-03-08", "2027-03-11")  # end is exclusive


def test_event_add_repeating_with_a_length(cli: Cli) -> None:
    event = cli.json("event", "add", "Standup every weekday 9:30 for 15m")

    assert event["title"] == "Standup"
    assert event["rrule"] == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
    start, end = datetime.fromisoformat(event["start"]), datetime.fromisoformat(event["end"])
    assert (start.hour, start.minute, end - start) == (9, 30, timedelta(minutes=15))
    assert start.weekday() < 5


def test_event_add_flags_win_and_the_said_length_stays(cli: Cli) -> None:
    event = cli.json(
        "event",
        "add",
        "Standup every weekday 9:30 for 15m with bob@example.com",
        "--start",
        "2027-01-04T10:00",
        "--location",
        "Room 1",
        "--attendee",
        "ann@example.com",
    )

    assert (event["start"], event["end"]) == (
        "2027-01-04T10:00:00+01:00",
        "2027-01-04T10:15:00+01:00",
    )
    assert event["rrule"] == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
    assert event["location"] == "Room 1"
    assert sorted(a["email"] for a in event["attendees"]) == ["ann@example.com", "bob@example.com"]


def test_event_add_literal_needs_the_flags(cli: Cli) -> None:
    event = cli.json(
        "event",
        "add",
        "Talk: tomorrow at 5pm",
        "--literal",
        "--start",
        "2027-01-12T17:00",
        "--duration",
        "30m",
    )

    assert event["title"] == "Talk: tomorrow at 5pm"
    assert event["start"] == "2027-01-12T17:00:00+01:00"


@pytest.mark.parametrize(
    "argv",
    [
        ["event", "add", "Lunch with Ann"],
        ["event", "add", "Lunch tomorrow 1pm", "--literal"],
    ],
)
def test_event_add_without_any_start_is_refused(cli: Cli, argv: list[str]) -> None:
    events = count_rows(cli.database, "calendar_events")

    message = cli.fails(*argv)

    assert "required: --start" in message
    assert "--help" in message
    assert count_rows(cli.database, "calendar_events") == events


def test_quick_add_action_creates_what_the_phrase_says(cli: Cli) -> None:
    task = cli.json("do", "quick_add", "--arg", "text=Pay rent on the 1st of every month #home")
    event = cli.json("do", "quick_add", "--arg", "text=Offsite 2027-03-08 to 2027-03-10")
    parsed = cli.json("do", "parse_phrase", "--arg", "text=Buy milk tomorrow", "--arg", "kind=task")

    assert (task["title"], task["recurrence"], task["tags"]) == (
        "Pay rent",
        "FREQ=MONTHLY;BYMONTHDAY=1",
        ["home"],
    )
    assert (event["title"], event["start"], event["end"]) == ("Offsite", "2027-03-08", "2027-03-11")
    assert (parsed["title"], parsed["due"]) == (
        "Buy milk",
        (today() + timedelta(days=1)).isoformat(),
    )


def test_event_add_reads_the_phrase_in_the_zone_of_tz(cli: Cli) -> None:
    event = cli.json("event", "add", "Call New York 2027-01-12 9am", "--tz", "America/New_York")

    assert event["title"] == "Call New York"
    assert (event["start"], event["end"]) == (
        "2027-01-12T15:00:00+01:00",  # 09:00 in New York, shown in the user's zone
        "2027-01-12T16:00:00+01:00",
    )
    assert event["time_zone"] == "America/New_York"
