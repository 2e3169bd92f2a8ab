"""`atrium event ...`: add, list (recurrences expanded), show, update, delete."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from cli_helpers import BERLIN, Cli, count_rows, is_date, today

OCCURRENCE_FIELDS = {"event_id", "title", "start", "end", "all_day"}


def occurrences(cli: Cli, first: str, last: str) -> list[dict]:
    found = cli.json("event", "list", "--from", first, "--to", last)
    for occurrence in found:
        assert occurrence.keys() >= OCCURRENCE_FIELDS
    return found


def test_add_with_an_end(cli: Cli) -> None:
    event = cli.json(
        "event",
        "add",
        "Dentist",
        "--start",
        "2027-01-12T09:30",
        "--end",
        "2027-01-12T10:15",
        "--location",
        "Main St 5",
        "--description",
        "bring the card",
    )

    assert uuid.UUID(event["id"])
    assert event["title"] == "Dentist"
    assert event["start"] == "2027-01-12T09:30:00+01:00"
    assert event["end"] == "2027-01-12T10:15:00+01:00"
    assert event["all_day"] is False
    assert event["location"] == "Main St 5"
    assert event["description"] == "bring the card"
    assert event["time_zone"] == BERLIN
    assert event["rrule"] is None


def test_add_with_a_duration(cli: Cli) -> None:
    event = cli.json("event", "add", "Run", "--start", "2027-07-03T18:00", "--duration", "1h30m")

    assert event["start"] == "2027-07-03T18:00:00+02:00"
    assert event["end"] == "2027-07-03T19:30:00+02:00"


def test_add_with_words_for_the_day(cli: Cli) -> None:
    before = today()
    event = cli.json("event", "add", "Lunch", "--start", "tomorrow 12:30", "--duration", "45m")
    start = datetime.fromisoformat(event["start"])

    assert start.date() in {before + timedelta(days=1), today() + timedelta(days=1)}
    assert (start.hour, start.minute) == (12, 30)
    assert datetime.fromisoformat(event["end"]) - start == timedelta(minutes=45)


def test_add_without_an_end_or_duration_is_refused(cli: Cli) -> None:
    events = count_rows(cli.database, "calendar_events")

    message = cli.fails("event", "add", "Open-ended", "--start", "2027-01-12T09:30")

    assert "end" in message
    assert "duration" in message
    assert count_rows(cli.database, "calendar_events") == events


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (
            ["--start", "2027-01-12T09:30", "--end", "2027-01-12T10:00", "--duration", "1h"],
            "not allowed with",
        ),
        (["--end", "2027-01-12T10:00"], "--start"),
        (["--start", "2027-01-12", "--duration", "1h"], "time of day"),
        (["--start", "2027-01-12T10:00", "--end", "2027-01-12T09:00"], "ends before it starts"),
        (["--start", "2027-01-12T10:00", "--duration", "-5m"], "duration"),
        (["--start", "2027-01-12T10:00", "--duration", "1h", "--tz", "Mars/Olympus"], "time zone"),
        (
            ["--start", "2027-01-12T10:00", "--duration", "1h", "--rrule", "FREQ=SOMETIMES"],
            "recurrence rule",
        ),
        (
            ["--start", "2027-01-12T10:00", "--duration", "1h", "--rrule", "every monday"],
            "recurrence rule",
        ),
        (
            ["--start", "2027-01-12T10:00", "--duration", "1h", "--attendee", "not-an-address"],
            "email",
        ),
        (["--start", "2027-02-30T10:00", "--duration", "1h"], "2027-02-30"),
    ],
)
def test_bad_events_are_refused_and_nothing_is_added(cli: Cli, argv: list[str], words: str) -> None:
    events = count_rows(cli.database, "calendar_events")

    assert words in cli.fails("event", "add", "Bad", *argv)
    assert count_rows(cli.database, "calendar_events") == events


def test_all_day_with_an_end_names_the_last_day(cli: Cli) -> None:
    event = cli.json(
        "event", "add", "Trip", "--start", "2027-03-10", "--end", "2027-03-12", "--all-day"
    )

    assert event["all_day"] is True
    assert (event["start"], event["end"]) == ("2027-03-10", "2027-03-13")  # end is exclusive
    assert "2027-03-10 → 2027-03-12" in cli.ok("event", "show", event["id"]).out
    assert [o["title"] for o in occurrences(cli, "2027-03-12", "2027-03-12")] == ["Trip"]
    assert occurrences(cli, "2027-03-13", "2027-03-13") == []
    assert occurrences(cli, "2027-03-09", "2027-03-09") == []
    [occurrence] = occurrences(cli, "2027-03-01", "2027-03-31")
    assert (occurrence["start"], occurrence["end"], occurrence["all_day"]) == (
        "2027-03-10",
        "2027-03-13",
        True,
    )


def test_all_day_without_an_end_is_one_day(cli: Cli) -> None:
    event = cli.json("event", "add", "Holiday", "--start", "2027-12-24", "--all-day")
    assert (event["start"], event["end"]) == ("2027-12-24", "2027-12-25")


def test_all_day_with_a_duration_in_days(cli: Cli) -> None:
    event = cli.json(
        "event", "add", "Fair", "--start", "2027-05-03", "--all-day", "--duration", "2d"
    )
    assert (event["start"], event["end"]) == ("2027-05-03", "2027-05-05")


def test_all_day_from_a_date_time_keeps_the_day(cli: Cli) -> None:
    event = cli.json("event", "add", "Birthday", "--start", "2027-05-03T10:00", "--all-day")
    assert (event["start"], event["end"]) == ("2027-05-03", "2027-05-04")
    assert is_date(event["start"])


def test_a_weekly_rule_expands_in_a_three_week_range(cli: Cli) -> None:
    event = cli.json(
        "event",
        "add",
        "Standup",
        "--start",
        "2027-01-04T09:00",
        "--duration",
        "15m",
        "--rrule",
        "FREQ=WEEKLY;BYDAY=MO,WE",
    )

    found = occurrences(cli, "2027-01-04", "2027-01-24")  # Monday 4th to Sunday 24th

    assert [o["start"][:10] for o in found] == [
        "2027-01-04",
        "2027-01-06",
        "2027-01-11",
        "2027-01-13",
        "2027-01-18",
        "2027-01-20",
    ]
    for occurrence in found:
        assert occurrence["event_id"] == event["id"]
        assert occurrence["title"] == "Standup"
        assert occurrence["all_day"] is False
        assert occurrence["start"][10:] == "T09:00:00+01:00"
        assert occurrence["end"][10:] == "T09:15:00+01:00"


def test_a_series_keeps_its_local_time_across_daylight_saving(cli: Cli) -> None:
    cli.json(
        "event",
        "add",
        "Yoga",
        "--start",
        "2027-03-22T09:00",
        "--duration",
        "1h",
        "--rrule",
        "FREQ=WEEKLY",
    )

    found = occurrences(cli, "2027-03-22", "2027-04-04")

    assert [o["start"] for o in found] == ["2027-03-22T09:00:00+01:00", "2027-03-29T09:00:00+02:00"]


def test_a_rule_with_a_count_stops(cli: Cli) -> None:
    cli.json(
        "event",
        "add",
        "Course",
        "--start",
        "2027-02-01T18:00",
        "--duration",
        "1h",
        "--rrule",
        "FREQ=DAILY;COUNT=3",
    )
    assert len(occurrences(cli, "2027-01-01", "2027-03-31")) == 3


def test_a_rule_with_until_in_utc_stops(cli: Cli) -> None:
    cli.json(
        "event",
        "add",
        "Sprint",
        "--start",
        "2027-02-01T08:00",
        "--duration",
        "30m",
        "--rrule",
        "FREQ=DAILY;UNTIL=20270203T235959Z",
    )
    assert len(occurrences(cli, "2027-01-01", "2027-03-31")) == 3


def test_a_recurring_all_day_event(cli: Cli) -> None:
    cli.json(
        "event",
        "add",
        "Bins out",
        "--start",
        "2027-01-05",
        "--all-day",
        "--rrule",
        "FREQ=WEEKLY;INTERVAL=2",
    )

    found = occurrences(cli, "2027-01-01", "2027-01-31")

    assert [(o["start"], o["end"], o["all_day"]) for o in found] == [
        ("2027-01-05", "2027-01-06", True),
        ("2027-01-19", "2027-01-20", True),
    ]


def test_the_range_is_days_in_the_users_zone(cli: Cli) -> None:
    # 00:30 in Berlin on the 2nd is 23:30 UTC on the 1st.
    cli.json("event", "add", "Night", "--start", "2027-12-02T00:30", "--duration", "30m")

    assert occurrences(cli, "2027-12-01", "2027-12-01") == []
    assert [o["title"] for o in occurrences(cli, "2027-12-02", "2027-12-02")] == ["Night"]


def test_an_event_that_spans_the_range_start_is_listed(cli: Cli) -> None:
    cli.json("event", "add", "Overnight", "--start", "2027-06-01T22:00", "--duration", "4h")
    assert [o["title"] for o in occurrences(cli, "2027-06-02", "2027-06-02")] == ["Overnight"]


def test_list_without_a_range_covers_two_weeks_from_today(cli: Cli) -> None:
    start = today()
    soon = (start + timedelta(days=3)).isoformat()
    later = (start + timedelta(days=20)).isoformat()
    cli.json("event", "add", "Soon", "--start", f"{soon}T12:00", "--duration", "1h")
    cli.json("event", "add", "Later", "--start", f"{later}T12:00", "--duration", "1h")

    assert [o["title"] for o in cli.json("event", "list")] == ["Soon"]


def test_occurrences_are_sorted_by_start(cli: Cli) -> None:
    cli.json("event", "add", "B", "--start", "2027-01-05T11:00", "--duration", "1h")
    cli.json(
        "event",
        "add",
        "A",
        "--start",
        "2027-01-05T09:00",
        "--duration",
        "1h",
        "--rrule",
        "FREQ=DAILY;COUNT=2",
    )
    cli.json("event", "add", "C", "--start", "2027-01-05", "--all-day")

    starts = [o["start"] for o in occurrences(cli, "2027-01-05", "2027-01-06")]

    assert len(starts) == 4
    timed = [datetime.fromisoformat(s) for s in starts if not is_date(s)]
    assert timed == sorted(timed)


@pytest.mark.parametrize(
    ("first", "last", "words"),
    [
        ("2027-01-10", "2027-01-01", "before"),
        ("junk", "2027-01-01", "junk"),
        ("2027-01-01", "2027-02-30", "2027-02-30"),
    ],
)
def test_a_bad_range_is_refused(cli: Cli, first: str, last: str, words: str) -> None:
    assert words in cli.fails("event", "list", "--from", first, "--to", last)


def test_tz_reads_the_times_in_that_zone(cli: Cli) -> None:
    event = cli.json(
        "event",
        "add",
        "NY call",
        "--start",
        "2027-01-12T10:00",
        "--end",
        "2027-01-12T11:00",
        "--tz",
        "America/New_York",
    )

    assert event["time_zone"] == "America/New_York"
    assert event["start"] == "2027-01-12T16:00:00+01:00"  # shown in the user's zone
    assert event["end"] == "2027-01-12T17:00:00+01:00"


def test_attendees_are_invited(cli: Cli) -> None:
    event = cli.json(
        "event",
        "add",
        "Review",
        "--start",
        "2027-01-12T10:00",
        "--duration",
        "1h",
        "--attendee",
        "ann@example.org",
        "--attendee",
        "bob@example.org",
    )

    assert [a["email"] for a in event["attendees"]] == ["ann@example.org", "bob@example.org"]
    assert cli.json("event", "show", event["id"])["attendees"] == event["attendees"]


def test_show_update_and_delete(cli: Cli) -> None:
    event = cli.json(
        "event",
        "add",
        "Weekly",
        "--start",
        "2027-01-04T09:00",
        "--duration",
        "1h",
        "--rrule",
        "FREQ=WEEKLY",
    )
    assert cli.json("event", "show", event["id"]) == event

    moved = cli.json(
        "event",
        "update",
        event["id"],
        "--title",
        "Weekly sync",
        "--start",
        "2027-01-05T10:00",
        "--location",
        "Room 2",
    )
    assert moved["title"] == "Weekly sync"
    assert moved["location"] == "Room 2"
    assert (moved["start"], moved["end"]) == (
        "2027-01-05T10:00:00+01:00",
        "2027-01-05T11:00:00+01:00",
    )
    assert len(occurrences(cli, "2027-01-01", "2027-01-31")) == 4

    single = cli.json("event", "update", event["id"], "--no-rrule")
    assert single["rrule"] is None
    assert len(occurrences(cli, "2027-01-01", "2027-01-31")) == 1

    assert cli.json("event", "delete", event["id"]) == {"deleted": 1}
    assert occurrences(cli, "2027-01-01", "2027-01-31") == []
    assert "no event" in cli.fails("event", "show", event["id"])


def test_a_failing_update_changes_nothing(cli: Cli) -> None:
    event = cli.json("event", "add", "Fixed", "--start", "2027-01-12T09:00", "--duration", "1h")

    cli.fails("event", "update", event["id"], "--title", "New", "--end", "2027-01-12T08:00")
    cli.fails("event", "update", event["id"], "--title", "New", "--rrule", "FREQ=BAD")
    cli.fails("event", "update", event["id"], "--title", "New", "--attendee", "nobody")
    cli.fails("event", "update", event["id"], "--rrule", "FREQ=DAILY", "--no-rrule")

    assert cli.json("event", "show", event["id"]) == event


@pytest.mark.parametrize("verb", ["show", "delete"])
def test_bad_event_ids_are_refused(cli: Cli, verb: str) -> None:
    message = cli.fails("event", verb, "42")
    assert "'42'" in message
    assert "id" in message
    assert "no event" in cli.fails("event", verb, str(uuid.uuid4()))


def test_list_without_json_is_a_table(cli: Cli) -> None:
    assert "No events" in cli.ok("event", "list", "--from", "2027-01-01", "--to", "2027-01-02").out
    cli.json("event", "add", "Tabled", "--start", "2027-01-01T09:00", "--duration", "1h")

    out = cli.ok("event", "list", "--from", "2027-01-01", "--to", "2027-01-02").out

    assert "Tabled" in out
    assert "2027-01-01 09:00" in out
    assert "2027-01-01 10:00" in out


def test_occurrence_instants_follow_tz(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    cli.json("event", "add", "Call", "--start", "2027-01-12T10:00", "--duration", "1h")
    monkeypatch.setenv("TZ", "Asia/Tokyo")

    [occurrence] = occurrences(cli, "2027-01-12", "2027-01-12")

    assert occurrence["start"] == "2027-01-12T18:00:00+09:00"
    moment = datetime.fromisoformat(occurrence["start"])
    assert moment == datetime(2027, 1, 12, 10, 0, tzinfo=ZoneInfo(BERLIN))
    assert date.fromisoformat(occurrence["start"][:10]) == date(2027, 1, 12)
