"""`atrium calendar free` and `atrium task schedule`: free time and focus blocks from the CLI.

The ranges lie in a future week (Mon 4 - Wed 6 March 2030, Europe/Berlin) so that
"nothing before now" never cuts them, whatever day the tests run.
"""

from __future__ import annotations

from datetime import datetime

from cli_helpers import Cli

MONDAY, TUESDAY, WEDNESDAY = "2030-03-04", "2030-03-05", "2030-03-06"


def spans(found: list[dict]) -> list[tuple[str, str]]:
    return [(slot["start"], slot["end"]) for slot in found]


def test_free_time_honours_events_buffers_and_working_hours(cli: Cli) -> None:
    cli.ok("event", "add", "Standup", "--start", f"{MONDAY}T09:30", "--duration", "15m")
    cli.ok("event", "add", "Lunch", "--start", f"{MONDAY}T12:00", "--duration", "1h")

    found = cli.json("calendar", "free", "--from", MONDAY, "--to", MONDAY, "--duration", "30m")

    # Buffers of 10 minutes around each event; 09:00-09:20 is too short for 30 minutes.
    assert spans(found) == [
        ("2030-03-04T09:55:00+01:00", "2030-03-04T11:50:00+01:00"),
        ("2030-03-04T13:10:00+01:00", "2030-03-04T17:00:00+01:00"),
    ]
    assert [slot["minutes"] for slot in found] == [115, 230]


def test_free_time_with_other_hours_and_an_all_day_event(cli: Cli) -> None:
    cli.ok("event", "add", "Trip", "--start", TUESDAY, "--all-day")

    found = cli.json(
        "calendar", "free", "--from", MONDAY, "--to", WEDNESDAY, "--hours", "08:00-10:00"
    )

    # The opaque all-day trip blocks Tuesday whole.
    assert spans(found) == [
        ("2030-03-04T08:00:00+01:00", "2030-03-04T10:00:00+01:00"),
        ("2030-03-06T08:00:00+01:00", "2030-03-06T10:00:00+01:00"),
    ]


def test_free_time_as_a_table(cli: Cli) -> None:
    out = cli.ok("calendar", "free", "--from", MONDAY, "--to", MONDAY).out

    assert "2030-03-04 09:00" in out
    assert "8h" in out


def test_schedule_proposes_then_applies_and_applying_again_changes_nothing(cli: Cli) -> None:
    cli.ok("event", "add", "Workshop", "--start", f"{MONDAY}T09:00", "--end", f"{MONDAY}T16:00")
    report = cli.json("task", "add", "Write report", "--estimate", "2h", "--due", WEDNESDAY)
    cli.ok("task", "add", "No estimate")
    args = ("task", "schedule", "--from", MONDAY, "--to", WEDNESDAY)

    plan = cli.json(*args)
    assert plan["applied"] is None
    assert [b["task_id"] for b in plan["blocks"]] == [report["id"]] * 2
    assert sum(b["minutes"] for b in plan["blocks"]) == 120
    first = datetime.fromisoformat(plan["blocks"][0]["start"])
    assert first >= datetime.fromisoformat(f"{MONDAY}T16:10:00+01:00")
    assert any("without an estimate" in note for note in plan["notes"])
    assert cli.json("event", "list", "--from", MONDAY, "--to", WEDNESDAY)[1:] == []

    applied = cli.json(*args, "--apply")
    assert applied["applied"] == {"created": 2, "kept": 0, "removed": 0}
    titles = [o["title"] for o in cli.json("event", "list", "--from", MONDAY, "--to", WEDNESDAY)]
    assert titles.count("Focus: Write report") == 2

    again = cli.json(*args, "--apply")
    assert again["applied"] == {"created": 0, "kept": 2, "removed": 0}


def test_schedule_table_says_it_is_a_proposal(cli: Cli) -> None:
    cli.ok("task", "add", "Read paper", "--estimate", "45m", "--due", WEDNESDAY)

    out = cli.ok("task", "schedule", "--from", MONDAY, "--to", WEDNESDAY).out

    assert "Read paper" in out
    assert "45 min" in out
    assert "--apply" in out


def test_bad_ranges_and_durations_are_refused(cli: Cli) -> None:
    assert "before its start" in cli.fails("calendar", "free", "--from", WEDNESDAY, "--to", MONDAY)
    assert "duration" in cli.fails("calendar", "free", "--duration", "soon")
    assert "working hours" in cli.fails("calendar", "free", "--hours", "17:00-09:00")
    assert "366" in cli.fails("task", "schedule", "--from", "2030-01-01", "--to", "2031-06-01")
