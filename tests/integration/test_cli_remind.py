"""`--remind` on adding and changing tasks and events, and what `reminder list` then shows."""

from __future__ import annotations

from cli_helpers import Cli


def test_task_and_event_reminders_round_trip(cli: Cli) -> None:
    task = cli.json("task", "add", "Renew passport", "--due", "2030-05-10T12:00", "--remind", "1d")
    assert task["reminders"] == [1440]
    event = cli.json(
        "event", "add", "Dentist", "--start", "2030-05-09T10:00", "--duration", "30m",
        "--remind", "10m", "--remind", "1h", "--remind", "0",
    )  # fmt: skip
    assert event["reminders"] == [0, 10, 60]

    shown = cli.ok("event", "show", event["id"]).out
    assert "reminders: at the time, 10 min, 1 h before" in shown

    changed = cli.json("task", "update", task["id"], "--remind", "2h")
    assert changed["reminders"] == [120]
    cleared = cli.json("event", "update", event["id"], "--no-remind")
    assert cleared["reminders"] == []


def test_reminder_list_shows_what_was_set(cli: Cli) -> None:
    cli.ok("task", "add", "Call mum", "--due", "in 2 hours", "--remind", "30m")
    found = cli.json("reminder", "list", "--days", "1")
    assert [(r["title"], r["offset_minutes"]) for r in found] == [("Call mum", 30)]


def test_bad_reminders_are_refused(cli: Cli) -> None:
    assert "is not a duration" in cli.fails("task", "add", "X", "--remind", "soon")
    assert "60 days" in cli.fails("task", "add", "X", "--remind", "90d")
    event = cli.json("event", "add", "Sync", "--start", "2030-05-09T10:00", "--duration", "1h",
                     "--rrule", "FREQ=DAILY")  # fmt: skip
    assert "whole event" in cli.fails(
        "event", "update", event["id"], "--occurrence", "2030-05-10", "--remind", "5m"
    )
    assert "not allowed with" in cli.fails(
        "event", "update", event["id"], "--remind", "5m", "--no-remind"
    )
    assert cli.json("task", "list") == []
