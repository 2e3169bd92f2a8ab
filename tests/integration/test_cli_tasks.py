"""`atrium task ...`: add, list, show, update, done, delete, stats, through the real CLI."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from cli_helpers import BERLIN, Cli, count_rows, is_date, today

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def test_add_with_every_option_prints_the_task_as_json(cli: Cli) -> None:
    parent = cli.json("task", "add", "Plan the move")
    task = cli.json(
        "task",
        "add",
        "Pack the books",
        "--due",
        "2027-01-15",
        "--priority",
        "high",
        "--tag",
        "home",
        "--tag",
        "move",
        "--parent",
        parent["id"],
        "--estimate",
        "1h30m",
        "--notes",
        "start with the big shelf",
    )

    assert uuid.UUID(task["id"])
    assert task["title"] == "Pack the books"
    assert task["due"] == "2027-01-15"
    assert task["priority"] == "high"
    assert task["tags"] == ["home", "move"]
    assert task["parent_id"] == parent["id"]
    assert task["estimate_minutes"] == 90
    assert task["notes"] == "start with the big shelf"
    assert task["status"] == "todo"
    assert task["completed_at"] is None
    assert (
        datetime.fromisoformat(task["created_at"]).utcoffset()
        == datetime.now(ZoneInfo(BERLIN)).utcoffset()
    )


def test_add_without_json_prints_a_line_with_the_id(cli: Cli) -> None:
    result = cli.ok("task", "add", "Water the plants", "--due", "2027-01-15")

    first = result.out.split()[0]
    assert uuid.UUID(first)
    assert "Water the plants" in result.out
    assert "2027-01-15" in result.out
    assert result.err == ""


def test_unicode_titles_come_back_unchanged(cli: Cli) -> None:
    task = cli.json("task", "add", "Grüße an Zoë — 東京 ☕")
    assert cli.json("task", "show", task["id"])["title"] == "Grüße an Zoë — 東京 ☕"
    assert "Grüße an Zoë — 東京 ☕" in cli.ok("task", "list").out


def test_a_due_time_is_an_instant_in_the_users_zone(cli: Cli) -> None:
    winter = cli.json("task", "add", "Winter", "--due", "2027-01-15T17:00")
    summer = cli.json("task", "add", "Summer", "--due", "2027-07-01T09:00Z")

    assert winter["due"] == "2027-01-15T17:00:00+01:00"
    assert summer["due"] == "2027-07-01T11:00:00+02:00"


def test_tz_decides_how_instants_are_shown(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    task = cli.json("task", "add", "Call", "--due", "2027-01-15T17:00")
    monkeypatch.setenv("TZ", "America/New_York")

    shown = cli.json("task", "show", task["id"])

    assert shown["due"] == "2027-01-15T11:00:00-05:00"


@pytest.mark.parametrize(("word", "days"), [("today", 0), ("tomorrow", 1), ("in 3 days", 3)])
def test_relative_day_words(cli: Cli, word: str, days: int) -> None:
    before = today()
    due = cli.json("task", "add", "Relative", "--due", word)["due"]
    after = today()

    assert is_date(due)
    assert date.fromisoformat(due) in {before + timedelta(days=days), after + timedelta(days=days)}


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago"])
def test_today_is_today_in_the_users_zone(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    monkeypatch.setenv("TZ", zone)  # UTC+14 and UTC-11: one of them is never UTC's date
    before = today(zone)
    due = cli.json("task", "add", "Zoned", "--due", "today")["due"]

    assert date.fromisoformat(due) in {before, today(zone)}


@pytest.mark.parametrize("word", ["friday", "mon", "next wednesday", "Sunday"])
def test_weekday_names_mean_the_next_such_day(cli: Cli, word: str) -> None:
    start = today()
    due = date.fromisoformat(cli.json("task", "add", "Weekly", "--due", word)["due"])

    name = word.split()[-1].lower()
    assert WEEKDAYS[due.weekday()].startswith(name)
    assert 1 <= (due - start).days <= 7


def test_a_weekday_with_a_time_is_an_instant(cli: Cli) -> None:
    due = datetime.fromisoformat(cli.json("task", "add", "Review", "--due", "friday 17:00")["due"])

    assert due.weekday() == 4
    assert (due.hour, due.minute) == (17, 0)
    assert due.utcoffset() == due.astimezone(ZoneInfo(BERLIN)).utcoffset()


@pytest.mark.parametrize(
    "when",
    [
        "2026-02-30",
        "2026-13-01",
        "funday",
        "next funday",
        "friday 25:00",
        "tomorrow at noonish",
        "2027-01-15T24:30",
        "someday",
        "",
    ],
)
def test_an_unreadable_due_is_refused_and_nothing_is_added(cli: Cli, when: str) -> None:
    before = cli.json("task", "list", "--status", "all")

    message = cli.fails("task", "add", "Broken", "--due", when)

    assert "due" in message or "date" in message
    assert cli.json("task", "list", "--status", "all") == before


@pytest.mark.parametrize(
    ("flags", "words"),
    [
        (["--estimate", "0m"], "positive"),
        (["--estimate", "a while"], "duration"),
        (["--estimate", "400d"], "year"),
        (["--parent", "not-an-id"], "not-an-id"),
        (["--parent", "01a21299-0000-7000-8000-000000000000"], "no parent task"),
        (["--tag", "two words"], "tag"),
    ],
)
def test_bad_options_of_task_add_are_refused(cli: Cli, flags: list[str], words: str) -> None:
    tasks_before = count_rows(cli.database, "tasks")

    assert words in cli.fails("task", "add", "Something", *flags)
    assert count_rows(cli.database, "tasks") == tasks_before


@pytest.mark.parametrize("title", ["", "   "])
def test_an_empty_title_is_refused(cli: Cli, title: str) -> None:
    assert "title" in cli.fails("task", "add", title)


def test_list_filters_by_status(cli: Cli) -> None:
    todo = cli.json("task", "add", "Todo")["id"]
    doing = cli.json("task", "add", "Doing")["id"]
    done = cli.json("task", "add", "Done")["id"]
    dropped = cli.json("task", "add", "Dropped")["id"]
    cli.ok("task", "update", doing, "--status", "in_progress")
    cli.ok("task", "done", done)
    cli.ok("task", "update", dropped, "--status", "cancelled")

    def ids(*flags: str) -> set[str]:
        return {t["id"] for t in cli.json("task", "list", *flags)}

    assert ids() == {todo, doing}  # open (the default) = todo or in_progress
    assert ids("--status", "open") == {todo, doing}
    assert ids("--status", "done") == {done}
    assert ids("--status", "all") == {todo, doing, done, dropped}


def test_list_filters_by_tag_and_words(cli: Cli) -> None:
    milk = cli.json("task", "add", "Buy oat milk", "--tag", "Shop")["id"]
    cli.json("task", "add", "Call the bank", "--tag", "admin", "--notes", "about the loan")

    assert [t["id"] for t in cli.json("task", "list", "--tag", "shop")] == [milk]
    assert [t["title"] for t in cli.json("task", "list", "--search", "loan")] == ["Call the bank"]
    assert [t["id"] for t in cli.json("task", "list", "--search", "oat")] == [milk]
    assert cli.json("task", "list", "--tag", "nothing") == []


def test_due_before_compares_in_the_users_zone(cli: Cli) -> None:
    on_10th = cli.json("task", "add", "Date 10th", "--due", "2027-01-10")["id"]
    late_10th = cli.json("task", "add", "Late 10th", "--due", "2027-01-10T23:30")["id"]
    # 00:30 in Berlin on the 11th is still the 10th in UTC: it is not due before the 11th.
    cli.json("task", "add", "Early 11th", "--due", "2027-01-11T00:30")
    cli.json("task", "add", "Date 11th", "--due", "2027-01-11")
    cli.json("task", "add", "No due date")

    found = {t["id"] for t in cli.json("task", "list", "--due-before", "2027-01-11")}

    assert found == {on_10th, late_10th}


def test_show_prints_one_task(cli: Cli) -> None:
    task = cli.json("task", "add", "Read", "--tag", "books", "--notes", "chapter 3")

    shown = cli.json("task", "show", task["id"])
    human = cli.ok("task", "show", task["id"]).out

    assert shown == task
    assert "Read" in human
    assert "#books" in human
    assert "chapter 3" in human


def test_update_changes_the_given_fields_only(cli: Cli) -> None:
    task = cli.json("task", "add", "Draft", "--due", "2027-01-15", "--tag", "a", "--notes", "n")

    updated = cli.json(
        "task",
        "update",
        task["id"],
        "--title",
        "Final",
        "--priority",
        "urgent",
        "--status",
        "in_progress",
        "--tag",
        "b",
        "--tag",
        "c",
    )

    assert updated["title"] == "Final"
    assert updated["priority"] == "urgent"
    assert updated["status"] == "in_progress"
    assert updated["tags"] == ["b", "c"]
    assert updated["due"] == "2027-01-15"
    assert updated["notes"] == "n"
    assert cli.json("task", "show", task["id"]) == updated


def test_update_no_due_removes_the_due_date(cli: Cli) -> None:
    task = cli.json("task", "add", "Deadline", "--due", "2027-01-15T17:00")

    assert cli.json("task", "update", task["id"], "--no-due")["due"] is None
    assert cli.json("task", "show", task["id"])["due"] is None


def test_update_due_moves_the_due_date(cli: Cli) -> None:
    task = cli.json("task", "add", "Deadline", "--due", "2027-01-15")

    assert cli.json("task", "update", task["id"], "--due", "2027-02-01")["due"] == "2027-02-01"


def test_update_with_due_and_no_due_is_a_usage_error(cli: Cli) -> None:
    task = cli.json("task", "add", "Deadline", "--due", "2027-01-15")

    message = cli.fails("task", "update", task["id"], "--due", "today", "--no-due")

    assert "--no-due" in message
    assert cli.json("task", "show", task["id"])["due"] == "2027-01-15"


def test_a_failing_update_changes_nothing(cli: Cli) -> None:
    task = cli.json("task", "add", "Keep me", "--due", "2027-01-15")

    cli.fails("task", "update", task["id"], "--status", "done", "--title", "")
    cli.fails("task", "update", task["id"], "--priority", "low", "--due", "funday")
    cli.fails("task", "update", task["id"], "--status", "done", "--tag", "ok", "--tag", "not ok")

    assert cli.json("task", "show", task["id"]) == task


def test_done_completes_the_task(cli: Cli) -> None:
    task = cli.json("task", "add", "Finish")
    started = datetime.now(ZoneInfo(BERLIN)) - timedelta(seconds=1)

    done = cli.json("task", "done", task["id"])

    assert done["status"] == "done"
    completed = datetime.fromisoformat(done["completed_at"])
    assert started <= completed <= datetime.now(ZoneInfo(BERLIN))
    assert cli.json("task", "list") == []


def test_delete_removes_the_task_and_its_subtasks(cli: Cli) -> None:
    parent = cli.json("task", "add", "Parent")
    child = cli.json("task", "add", "Child", "--parent", parent["id"])
    cli.json("task", "add", "Grandchild", "--parent", child["id"])
    other = cli.json("task", "add", "Other")

    assert cli.json("task", "delete", parent["id"]) == {"deleted": 3}
    assert [t["id"] for t in cli.json("task", "list", "--status", "all")] == [other["id"]]
    assert "no task" in cli.fails("task", "show", parent["id"])
    assert "no task" in cli.fails("task", "show", child["id"])


def test_delete_without_json_says_what_it_did(cli: Cli) -> None:
    task = cli.json("task", "add", "Gone")
    assert "Deleted 1 task" in cli.ok("task", "delete", task["id"]).out


@pytest.mark.parametrize("command", [["show"], ["done"], ["delete"], ["update", "--title", "x"]])
def test_ids_that_are_malformed_or_unknown_are_refused(cli: Cli, command: list[str]) -> None:
    verb, *rest = command
    assert "not a task id" in cli.fails("task", verb, "12345", *rest)
    assert "no task" in cli.fails("task", verb, str(uuid.uuid4()), *rest)


def test_stats_counts_tasks(cli: Cli) -> None:
    cli.json("task", "add", "Overdue", "--due", "2020-01-01")
    cli.json("task", "add", "Today", "--due", "today")
    done = cli.json("task", "add", "Done")
    cli.ok("task", "done", done["id"])

    stats = cli.json("task", "stats")

    assert stats["open"] == 2
    assert stats["done"] == 1
    assert stats["overdue"] == 1
    assert stats["due_today"] == 1
    assert stats["completed_last_7_days"] == 1


def test_list_without_json_is_a_table(cli: Cli) -> None:
    assert "No tasks." in cli.ok("task", "list").out
    cli.json("task", "add", "Tabled", "--due", "2027-01-15", "--tag", "x")

    out = cli.ok("task", "list").out

    header, row = out.splitlines()
    assert header.split() == ["ID", "DUE", "PRI", "STATUS", "TITLE", "TAGS"]
    assert "Tabled" in row
    assert "2027-01-15" in row
    assert "#x" in row


def test_list_json_of_nothing_is_an_empty_array(cli: Cli) -> None:
    result = cli.ok("task", "list", "--json")
    assert result.out.strip() == "[]"
