"""`atrium demo seed`, `db upgrade`, `db check` and `doctor`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import Cli, run_main

from desktop import __version__


@pytest.fixture
def fresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Cli:
    """A profile directory with no database yet."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    return Cli(tmp_path / "fresh", capsys)


def head_revision() -> str:
    from desktop.store import migrate

    return migrate.HEAD_REVISION


def test_demo_seed_small_fills_every_area(cli: Cli) -> None:
    seeded = cli.json("demo", "seed", "--size", "small")

    assert seeded["size"] == "small"
    counts = seeded["counts"]
    for area in ("tasks", "events", "messages", "transactions", "notes", "accounts"):
        assert counts[area] > 0, area
    tasks = cli.json("task", "list", "--status", "all")
    assert len(tasks) == counts["tasks"]
    assert cli.json("task", "list")  # some are open
    unread = cli.json("message", "list", "--unread")
    assert unread
    assert all(m["read"] is False for m in unread)
    assert len(cli.json("note", "list")) == counts["notes"]
    assert cli.json("account", "list")
    assert cli.json("action", "list", check=False)
    hits = cli.json("search", tasks[0]["title"].split()[0])
    assert hits


def test_db_upgrade_creates_a_new_database(fresh: Cli) -> None:
    upgraded = fresh.json("db", "upgrade", check=False)

    assert upgraded == {"database": str(fresh.database), "from": None, "to": head_revision()}
    assert fresh.database.exists()
    assert fresh.json("db", "check", check=False)["schema_revision"] == head_revision()


def test_db_upgrade_of_a_current_database_changes_nothing(cli: Cli) -> None:
    cli.json("task", "add", "Keep")

    upgraded = cli.json("db", "upgrade", check=False)
    human = cli.ok("db", "upgrade").out

    assert upgraded["from"] == upgraded["to"] == head_revision()
    assert "up to date" in human
    assert [t["title"] for t in cli.json("task", "list")] == ["Keep"]


def test_db_check_of_a_healthy_database(cli: Cli) -> None:
    report = cli.json("db", "check", check=False)

    assert report["integrity"] == "ok"
    assert report["problems"] == []
    assert report["schema_revision"] == report["schema_head"] == head_revision()
    assert report["database"] == str(cli.database)
    result = cli.ok("db", "check")
    assert "integrity ok" in result.out
    assert result.err == ""


def test_db_check_of_a_damaged_database(cli: Cli) -> None:
    damaged = b"this is not SQLite at all " * 300
    cli.database.write_bytes(damaged)

    human = cli.run("db", "check")
    report = cli.run("db", "check", "--json")

    assert human.code == 1
    assert human.err.startswith("error: ")
    assert "damaged" in human.err
    assert report.code == 1
    document = json.loads(report.out)
    assert document["integrity"] == "damaged"
    assert document["problems"]
    assert cli.database.read_bytes() == damaged


def test_db_check_without_a_database_says_so(fresh: Cli) -> None:
    result = fresh.ok("db", "check")

    assert "integrity ok" not in result.out
    assert "no database" in result.out


def test_db_check_does_not_create_the_database(fresh: Cli) -> None:
    report = fresh.json("db", "check", check=False)

    assert report["database_exists"] is False
    assert report["integrity"] == "no database yet"
    assert not fresh.database.exists()


def test_doctor_json(cli: Cli) -> None:
    report = cli.json("doctor", check=False)

    assert report["version"] == __version__
    assert report["data_dir"] == str(cli.data_dir)
    assert report["database"] == str(cli.database)
    assert report["schema_revision"] == head_revision()
    assert report["integrity"] == "ok"
    assert isinstance(report["keyring_backend"], str)
    assert report["keyring_backend"]
    assert report["qt_platform"] == "offscreen"  # tests/conftest.py sets QT_QPA_PLATFORM
    assert report["time_zone"] == "Europe/Berlin"
    assert report["problems"] == []
    assert Path(report["log_file"]).parent == cli.data_dir / "logs"


def test_doctor_without_json(cli: Cli) -> None:
    out = cli.ok("doctor").out
    assert __version__ in out
    assert str(cli.data_dir) in out
    assert "No problems found." in out


def test_doctor_reports_a_damaged_database(cli: Cli) -> None:
    cli.database.write_bytes(b"\x00garbage" * 1000)

    result = cli.run("doctor", "--json")

    assert result.code == 1
    report = json.loads(result.out)
    assert report["integrity"] == "damaged"
    assert report["problems"]


def test_doctor_does_not_need_a_database(fresh: Cli) -> None:
    report = fresh.json("doctor", check=False)
    assert report["integrity"] == "no database yet"
    assert not fresh.database.exists()


def test_doctor_reads_the_profiles_zone_without_tz(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.json("profile", "set", "--time-zone", "America/Chicago")
    monkeypatch.delenv("TZ")

    result = run_main(capsys, ["--data-dir", str(cli.data_dir), "doctor", "--json"])

    assert json.loads(result.out)["time_zone"] == "America/Chicago"
