"""`atrium event update|delete --occurrence --scope` and `atrium task ... --repeat`."""

from __future__ import annotations

from datetime import date, timedelta

from cli_helpers import Cli, count_rows, today


def starts(cli: Cli, first: str = "2026-03-16", last: str = "2026-04-30") -> list[str]:
    found = cli.json("event", "list", "--from", first, "--to", last)
    return [f"{o['start'][5:16]} {o['title']}" for o in found]


def standup(cli: Cli) -> dict:
    """Wednesdays at 09:00 Berlin, four times, across the change to summer time (03-29)."""
    return cli.json(
        "event",
        "add",
        "Standup",
        "--start",
        "2026-03-18T09:00",
        "--duration",
        "30m",
        "--rrule",
        "FREQ=WEEKLY;COUNT=4",
    )


def test_each_scope_through_the_cli(cli: Cli) -> None:
    series = standup(cli)
    listed = cli.json("event", "list", "--from", "2026-03-16", "--to", "2026-04-30")
    keys = [o["occurrence_key"] for o in listed]
    assert keys == [
        "2026-03-18T08:00:00+00:00",
        "2026-03-25T08:00:00+00:00",
        "2026-04-01T07:00:00+00:00",
        "2026-04-08T07:00:00+00:00",
    ]

    moved = cli.json(
        "event",
        "update",
        series["id"],
        "--occurrence",
        keys[1],
        "--scope",
        "this",
        "--title",
        "Moved",
        "--start",
        "2026-03-26T11:00",
    )
    assert moved["series_id"] == series["id"]
    assert moved["recurrence_id"] == keys[1]
    assert moved["start"] == "2026-03-26T11:00:00+01:00"
    override = cli.json("event", "list", "--from", "2026-03-26", "--to", "2026-03-26")[0]
    assert (override["event_id"], override["occurrence_key"]) == (moved["id"], keys[1])

    tail = cli.json(
        "event",
        "update",
        series["id"],
        "--occurrence",
        "2026-04-01",
        "--scope",
        "following",
        "--start",
        "2026-04-01T10:00",
    )
    assert tail["id"] != series["id"]
    assert tail["rrule"] == "FREQ=WEEKLY;COUNT=2"
    head = cli.json("event", "show", series["id"])
    assert head["rrule"] == "FREQ=WEEKLY;UNTIL=20260401T065959Z"
    assert starts(cli) == [
        "03-18T09:00 Standup",
        "03-26T11:00 Moved",
        "04-01T10:00 Standup",
        "04-08T10:00 Standup",
    ]

    removal = cli.json(
        "event", "delete", tail["id"], "--occurrence", "2026-04-08", "--scope", "this"
    )
    assert removal == {
        "scope": "this",
        "occurrence_key": "2026-04-08T08:00:00+00:00",
        "overrides_deleted": 0,
        "series_deleted": False,
    }
    assert starts(cli)[-1] == "04-01T10:00 Standup"

    # The override's own id names its occurrence; --scope all then changes the series.
    cli.json("event", "update", moved["id"], "--scope", "all", "--location", "Room 7")
    assert {o["location"] for o in cli.json("event", "list", "--from", "2026-03-16")} >= {"Room 7"}

    said = cli.ok("event", "delete", series["id"], "--occurrence", keys[0], "--scope", "all")
    assert said.out == "Deleted the whole event.\n"
    assert starts(cli) == ["04-01T10:00 Standup"]


def test_all_day_series_split_through_the_cli(cli: Cli) -> None:
    leave = cli.json(
        "event",
        "add",
        "Leave",
        "--start",
        "2026-03-02",
        "--all-day",
        "--rrule",
        "FREQ=DAILY;COUNT=5",
    )
    tail = cli.json(
        "event",
        "update",
        leave["id"],
        "--occurrence",
        "2026-03-04",
        "--scope",
        "following",
        "--title",
        "Leave (extended)",
    )
    assert cli.json("event", "show", leave["id"])["rrule"] == "FREQ=DAILY;UNTIL=20260303"
    assert tail["rrule"] == "FREQ=DAILY;COUNT=3"
    found = cli.json("event", "list", "--from", "2026-03-01", "--to", "2026-03-10")
    assert [(o["start"], o["title"]) for o in found] == [
        ("2026-03-02", "Leave"),
        ("2026-03-03", "Leave"),
        ("2026-03-04", "Leave (extended)"),
        ("2026-03-05", "Leave (extended)"),
        ("2026-03-06", "Leave (extended)"),
    ]
    said = cli.ok(
        "event", "delete", tail["id"], "--occurrence", "2026-03-05", "--scope", "following"
    )
    assert said.out == "Deleted it and the following ones.\n"
    assert len(cli.json("event", "list", "--from", "2026-03-01", "--to", "2026-03-10")) == 3


def test_bad_occurrences_are_refused_and_change_nothing(cli: Cli) -> None:
    series = standup(cli)
    rows = count_rows(cli.database, "calendar_events")

    assert "no occurrence on 2026-03-19" in cli.fails(
        "event", "update", series["id"], "--occurrence", "2026-03-19", "--title", "x"
    )
    assert "not an occurrence of this event" in cli.fails(
        "event", "delete", series["id"], "--occurrence", "2026-03-18T10:00:00+01:00"
    )
    assert "say which occurrence" in cli.fails("event", "delete", series["id"], "--scope", "this")
    assert "cannot have a rule of its own" in cli.fails(
        "event", "update", series["id"], "--occurrence", "2026-03-25", "--rrule", "FREQ=DAILY"
    )
    assert "invalid choice" in cli.fails(
        "event", "update", series["id"], "--occurrence", "2026-03-25", "--scope", "some"
    )
    assert count_rows(cli.database, "calendar_events") == rows
    # Without --occurrence the whole series goes, as before.
    assert cli.json("event", "delete", series["id"]) == {"deleted": 1}


def test_recurring_task_through_the_cli(cli: Cli) -> None:
    task = cli.json(
        "task", "add", "Water the plants", "--due", "2026-03-02", "--repeat", "FREQ=WEEKLY"
    )
    assert (task["recurrence"], task["repeat_from"]) == ("FREQ=WEEKLY", "due")

    repeated = cli.json("task", "done", task["id"])
    assert (repeated["id"], repeated["status"], repeated["due"]) == (
        task["id"],
        "todo",
        "2026-03-09",
    )
    (record,) = cli.json("task", "list", "--status", "done")
    assert (record["due"], record["recurrence"]) == ("2026-03-02", None)

    shown = cli.json("task", "update", task["id"], "--repeat-from", "completion")
    assert shown["repeat_from"] == "completion"
    assert "repeat:     from completion" in cli.ok("task", "show", task["id"]).out
    before = today()
    again = cli.json("task", "done", task["id"])
    assert date.fromisoformat(again["due"]) - before in (timedelta(days=7), timedelta(days=6))

    assert cli.json("task", "update", task["id"], "--no-repeat")["recurrence"] is None
    assert cli.json("task", "done", task["id"])["status"] == "done"

    assert "not a recurrence rule" in cli.fails("task", "update", task["id"], "--repeat", "daily")
    assert "not allowed with" in cli.fails(
        "task", "update", task["id"], "--repeat", "FREQ=DAILY", "--no-repeat"
    )
    counted = cli.json(
        "task", "add", "Take pills", "--repeat", "FREQ=DAILY;COUNT=1", "--repeat-from", "completion"
    )
    assert counted["repeat_from"] == "completion"
    assert cli.json("task", "done", counted["id"])["status"] == "done"
