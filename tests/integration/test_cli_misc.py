"""`atrium note/search/message/action/do/profile ...` through the real CLI."""

from __future__ import annotations

import io
import json
import sys
import uuid
from pathlib import Path

import pytest
from cli_helpers import Cli, add_message, count_rows

RISKS = {"read", "write", "outbound", "destructive"}
# The actions the CLI verbs dispatch through: all must be in the catalog.
CLI_ACTIONS = {
    "add_task",
    "list_tasks",
    "get_task",
    "update_task",
    "complete_task",
    "delete_task",
    "task_stats",
    "add_event",
    "list_events",
    "get_event",
    "update_event",
    "delete_event",
    "add_note",
    "list_notes",
    "get_note",
    "delete_note",
    "add_account",
    "list_accounts",
    "add_transaction",
    "list_transactions",
    "month_summary",
    "set_budget",
    "list_budgets",
    "list_messages",
    "search",
    "get_profile",
    "update_profile",
}


# -- notes -----------------------------------------------------------------------------


def test_note_add_with_a_body_and_tags(cli: Cli) -> None:
    note = cli.json(
        "note",
        "add",
        "Ideas",
        "--body",
        "- a garden\n- a **pond**",
        "--tag",
        "home",
        "--tag",
        "plans",
    )

    assert uuid.UUID(note["id"])
    assert (note["title"], note["body"], note["tags"]) == (
        "Ideas",
        "- a garden\n- a **pond**",
        ["home", "plans"],
    )
    assert cli.json("note", "show", note["id"]) == note
    assert cli.json("note", "list") == [note]


def test_note_add_body_file(cli: Cli, tmp_path: Path) -> None:
    body = tmp_path / "recipe.md"
    body.write_text("# Pancakes\n\n200 g flour, 2 eggs, milk — whisk.", encoding="utf-8")

    note = cli.json("note", "add", "Pancakes", "--body-file", str(body))

    assert note["body"] == "# Pancakes\n\n200 g flour, 2 eggs, milk — whisk."
    assert "200 g flour" in cli.ok("note", "show", note["id"]).out


def test_note_add_body_from_stdin(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("piped text"))
    assert cli.json("note", "add", "Piped", "--body-file", "-")["body"] == "piped text"


def test_note_add_with_a_missing_body_file_is_refused(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "nope.md"

    message = cli.fails("note", "add", "Lost", "--body-file", str(missing))

    assert str(missing) in message
    assert cli.json("note", "list") == []


@pytest.mark.parametrize("kind", ["directory", "latin-1"])
def test_note_add_with_an_unreadable_body_file_is_refused(
    cli: Cli, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "body"
    if kind == "directory":
        path.mkdir()
    else:
        path.write_bytes("caf\u00e9".encode("latin-1"))

    assert str(path) in cli.fails("note", "add", "Unreadable", "--body-file", str(path))
    assert count_rows(cli.database, "notes") == 0


def test_note_add_with_body_and_body_file_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    body = tmp_path / "b.md"
    body.write_text("x", encoding="utf-8")
    assert "not allowed with" in cli.fails(
        "note", "add", "Two", "--body", "y", "--body-file", str(body)
    )


def test_note_list_by_tag_and_delete(cli: Cli) -> None:
    work = cli.json("note", "add", "Work", "--tag", "work")
    home = cli.json("note", "add", "Home", "--tag", "home")

    assert [n["id"] for n in cli.json("note", "list", "--tag", "work")] == [work["id"]]
    assert cli.json("note", "delete", work["id"]) == {"deleted": 1}
    assert [n["id"] for n in cli.json("note", "list")] == [home["id"]]
    assert "no note" in cli.fails("note", "show", work["id"])
    assert "no note" in cli.fails("note", "delete", work["id"])
    assert "Home" in cli.ok("note", "list").out


def test_note_add_without_a_title_is_refused(cli: Cli) -> None:
    assert "title" in cli.fails("note", "add", " ")


# -- search ----------------------------------------------------------------------------


def test_search_finds_every_kind_of_record(cli: Cli) -> None:
    task = cli.json("task", "add", "Feed the quokka")
    note = cli.json("note", "add", "Zoo visit", "--body", "the wombat sleeps all day")
    event = cli.json(
        "event",
        "add",
        "Platypus talk",
        "--start",
        "2027-01-12T10:00",
        "--duration",
        "1h",
        "--location",
        "Aquarium",
    )
    cli.json("account", "add", "Checking", "--currency", "EUR")
    tx = cli.json("tx", "add", "-12.50", "--payee", "Numbat Bakery")
    add_message(cli.data_dir, subject="Echidna sighting", body="seen near the river")

    def hits(query: str) -> list[tuple[str, str]]:
        found = cli.json("search", query)
        for hit in found:
            assert {"kind", "id", "title", "snippet"} <= hit.keys()
        return [(h["kind"], h["title"]) for h in found]

    assert hits("quokka") == [("task", "Feed the quokka")]
    assert hits("wombat") == [("note", "Zoo visit")]
    assert hits("platypus") == [("event", "Platypus talk")]
    assert hits("aquarium") == [("event", "Platypus talk")]
    assert hits("numbat") == [("transaction", "Numbat Bakery")]
    assert hits("echidna") == [("message", "Echidna sighting")]
    ids = {
        h["kind"]: h["id"]
        for h in cli.json("search", "quokka")
        + cli.json("search", "wombat")
        + cli.json("search", "platypus")
        + cli.json("search", "numbat")
    }
    assert ids == {
        "task": task["id"],
        "note": note["id"],
        "event": event["id"],
        "transaction": tx["id"],
    }


def test_search_by_kind_and_prefix(cli: Cli) -> None:
    cli.json("task", "add", "Kangaroo care")
    cli.json("note", "add", "Kangaroo facts")

    assert [h["kind"] for h in cli.json("search", "kangaroo", "--kind", "note")] == ["note"]
    assert len(cli.json("search", "kanga")) == 2
    assert "Kangaroo care" in cli.ok("search", "kangaroo").out
    assert "Nothing found." in cli.ok("search", "dingo").out


def test_search_forgets_changed_and_deleted_records(cli: Cli) -> None:
    task = cli.json("task", "add", "Quokka feeding")
    cli.ok("task", "update", task["id"], "--title", "Wombat feeding")
    assert cli.json("search", "quokka") == []
    assert [h["id"] for h in cli.json("search", "wombat")] == [task["id"]]

    cli.ok("task", "delete", task["id"])
    assert cli.json("search", "wombat") == []


@pytest.mark.parametrize("query", ['c++ "quoted', "AND", "NEAR(", "title:x", "a OR", "o'brien"])
def test_search_syntax_in_the_query_is_not_an_error(cli: Cli, query: str) -> None:
    cli.json("task", "add", 'Learn c++ "quoted" o\'brien')
    assert isinstance(cli.json("search", query), list)


@pytest.mark.parametrize("query", ["", "   ", "*", "(", "^"])
def test_a_search_without_words_is_refused(cli: Cli, query: str) -> None:
    assert "no words" in cli.fails("search", query)


# -- messages --------------------------------------------------------------------------


def test_message_list_filters_unread_and_platform(cli: Cli) -> None:
    add_message(cli.data_dir, subject="Invoice", body="please pay")
    add_message(cli.data_dir, subject="", body="lunch?", platform="slack", sender="Bob")
    [invoice] = [m for m in cli.json("message", "list") if m["subject"] == "Invoice"]
    cli.json("do", "mark_message", "--arg", f"id={invoice['id']}", "--arg", "read=true")

    everything = cli.json("message", "list")
    unread = cli.json("message", "list", "--unread")
    slack = cli.json("message", "list", "--platform", "slack")

    assert len(everything) == 2
    for message in everything:
        assert {"id", "platform", "sender", "subject", "received_at", "read"} <= message.keys()
    assert [m["snippet"] for m in unread] == ["lunch?"]
    assert all(m["read"] is False for m in unread)
    assert [m["sender"] for m in slack] == ["Bob"]
    assert "Invoice" in cli.ok("message", "list").out
    assert "invalid choice" in cli.fails("message", "list", "--platform", "pigeon")


# -- the action catalog ----------------------------------------------------------------


def test_action_list_describes_every_action(cli: Cli) -> None:
    actions = cli.json("action", "list", check=False)

    names = [a["name"] for a in actions]
    assert set(names) >= CLI_ACTIONS
    assert len(names) == len(set(names))
    for action in actions:
        assert action["risk"] in RISKS
        assert action["description"]
        schema = action["parameters"]
        assert schema["type"] == "object"
        assert set(schema["required"]) <= set(schema["properties"])
    add_task = next(a for a in actions if a["name"] == "add_task")
    assert add_task["parameters"]["required"] == ["title"]
    assert add_task["parameters"]["properties"]["tags"]["type"] == "array"
    assert "add_task" in cli.ok("action", "list").out


def test_do_runs_an_action_with_arguments(cli: Cli) -> None:
    task = cli.json(
        "do",
        "add_task",
        "--arg",
        "title=Water plants",
        "--arg",
        "tags=home",
        "--arg",
        "tags=garden",
        "--arg",
        "due=2027-01-15",
        "--arg",
        "priority=low",
        "--arg",
        "notes=a=b",
    )

    assert (task["title"], task["tags"], task["due"], task["priority"], task["notes"]) == (
        "Water plants",
        ["home", "garden"],
        "2027-01-15",
        "low",
        "a=b",
    )
    assert cli.json("task", "show", task["id"]) == task


def test_do_runs_reading_actions(cli: Cli) -> None:
    cli.json("event", "add", "Seen", "--start", "2027-01-12T10:00", "--duration", "1h")

    found = cli.json("do", "list_events", "--arg", "from=2027-01-12", "--arg", "to=2027-01-12")
    assert [o["title"] for o in found] == ["Seen"]
    assert json.loads(cli.ok("do", "task_stats").out)["open"] == 0


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["add_task", "--arg", "title=X", "--arg", "colour=red"], "no parameter colour"),
        (["add_task", "--arg", "notitle"], "key=value"),
        (["add_task", "--arg", "=X"], "key=value"),
        (["add_task"], "needs title"),
        (["add_task", "--arg", "title=X", "--arg", "priority=asap"], "one of"),
        (["add_task", "--arg", "title=X", "--arg", "due=2026-02-30"], "2026-02-30"),
        (["list_tasks", "--arg", "limit=many"], "whole number"),
        (["mark_message", "--arg", f"id={uuid.uuid4()}", "--arg", "read=perhaps"], "true or false"),
        (["launch_rocket"], "no action named"),
    ],
)
def test_do_refuses_bad_arguments_and_changes_nothing(
    cli: Cli, argv: list[str], words: str
) -> None:
    assert words in cli.fails("do", *argv)
    assert count_rows(cli.database, "tasks") == 0


# -- the profile -----------------------------------------------------------------------


def test_profile_show_and_set(cli: Cli) -> None:
    profile = cli.json("profile", "show")
    assert uuid.UUID(profile["id"])

    changed = cli.json(
        "profile", "set", "--name", "Ada", "--email", "ada@example.org", "--time-zone", "Asia/Tokyo"
    )

    assert (changed["display_name"], changed["email"], changed["time_zone"]) == (
        "Ada",
        "ada@example.org",
        "Asia/Tokyo",
    )
    assert cli.json("profile", "show") == changed
    assert "not a time zone" in cli.fails("profile", "set", "--time-zone", "Mars/Olympus")
    assert cli.json("profile", "show")["time_zone"] == "Asia/Tokyo"


def test_without_tz_instants_are_in_the_profiles_zone(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.json("profile", "set", "--time-zone", "Asia/Tokyo")
    monkeypatch.delenv("TZ")

    event = cli.json(
        "event", "add", "Sushi", "--start", "2027-01-12T19:00", "--duration", "1h", check=False
    )
    task = cli.json("task", "add", "Pack", "--due", "2027-01-12T08:00", check=False)

    assert event["start"] == "2027-01-12T19:00:00+09:00"
    assert event["time_zone"] == "Asia/Tokyo"
    assert task["due"] == "2027-01-12T08:00:00+09:00"
    assert task["created_at"].endswith("+09:00")
    monkeypatch.setenv("TZ", "Europe/Berlin")
    assert cli.json("task", "show", task["id"])["due"] == "2027-01-12T00:00:00+01:00"
