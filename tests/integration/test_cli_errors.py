"""The error contract of `atrium`, in-process.

Bad input exits 2 with one line `error: ...` on stderr and changes nothing; a failure
exits 1 with a clear message (an unexpected one names the log file); a damaged or
foreign database is reported, never changed.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from cli_helpers import DATABASE, Cli, count_rows, run_main

from desktop.cli import commands


def dump(database: Path) -> list[str]:
    """Every row of every table, as SQL: what "changes nothing" compares."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def garbage(path: Path) -> bytes:
    data = bytes((i * 7919 + 13) % 256 for i in range(8192))
    path.write_bytes(data)
    return data


# -- usage errors (argparse) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["task", "add", "X", "--bogus"], "unrecognized arguments: --bogus"),
        (["task", "add"], "required: title"),
        (["task", "add", "X", "--priority", "asap"], "invalid choice: 'asap'"),
        (["task", "list", "--limit", "many"], "invalid int value"),
        (["task", "list", "--status", "someday"], "invalid choice"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["task"], "required"),
        (["event", "add", "X"], "required: --start"),
        (["tx", "add", "-5"], "required: --payee"),
        (["budget", "list"], "required: --month"),
        (["search"], "required: query"),
        (["do"], "required: action"),
        (["demo", "seed", "--size", "huge"], "invalid choice: 'huge'"),
        (["--json", "task", "list"], "unrecognized arguments"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(cli: Cli, argv: list[str], words: str) -> None:
    before = dump(cli.database)

    message = cli.fails(*argv)

    assert words in message
    assert "atrium" in message
    assert "--help" in message
    assert dump(cli.database) == before


def test_help_exits_0(cli: Cli) -> None:
    result = cli.run("task", "add", "--help")
    assert result.code == 0
    assert "--due" in result.out
    assert "--priority" in result.out


def test_version(cli: Cli) -> None:
    from desktop import __version__

    result = cli.run("--version")
    assert (result.code, result.out, result.err) == (0, f"atrium {__version__}\n", "")


# -- bad input changes nothing -----------------------------------------------------------


def test_an_invalid_due_date_changes_nothing(cli: Cli) -> None:
    cli.json("task", "add", "Existing")
    before = cli.json("task", "list", "--status", "all")

    message = cli.fails("task", "add", "Impossible", "--due", "2026-02-30")

    assert "2026-02-30" in message
    assert cli.json("task", "list", "--status", "all") == before
    assert len(before) == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["task", "add", "X", "--due", "2026-02-30"],
        ["task", "add", "X", "--estimate", "forever"],
        ["task", "update", "01a21299-0000-7000-8000-000000000000", "--title", "Y"],
        ["event", "add", "X", "--start", "2027-01-12T10:00"],
        ["event", "add", "X", "--start", "2027-01-12T10:00", "--duration", "1h", "--rrule", "NOPE"],
        ["note", "add", ""],
        ["account", "add", "Again"],
        ["tx", "add", "twelve", "--payee", "X"],
        ["tx", "add", "-1", "--payee", "X", "--account", "Nowhere"],
        ["budget", "set", "food", "-1", "--month", "2027-01"],
        ["do", "add_task", "--arg", "title=X", "--arg", "bogus=1"],
        ["do", "add_note", "--arg", "title="],
        ["profile", "set", "--time-zone", "Nowhere/Land"],
        ["search", "  "],
    ],
)
def test_refused_input_leaves_every_table_as_it_was(cli: Cli, argv: list[str]) -> None:
    cli.json("account", "add", "Again", "--currency", "EUR")
    cli.json("task", "add", "Existing", "--due", "2027-01-15")
    before = dump(cli.database)

    cli.fails(*argv)

    assert dump(cli.database) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["task", "add", "X", "--due", "fri\nday"],
        ["tx", "add", "1\n2", "--payee", "X"],
        ["do", "no\naction"],
    ],
)
def test_an_error_is_one_line_even_when_the_input_has_newlines(cli: Cli, argv: list[str]) -> None:
    cli.fails(*argv)


# -- where the profile is ----------------------------------------------------------------


def test_data_dir_may_follow_the_sub_command(
    cli: Cli, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    other = tmp_path / "other"

    added = run_main(capsys, ["task", "add", "Elsewhere", "--data-dir", str(other)])

    assert added.code == 0, added.err
    assert (other / DATABASE).exists()
    assert count_rows(other / DATABASE, "tasks") == 1
    assert count_rows(cli.database, "tasks") == 0


def test_atrium_data_dir_names_the_profile(
    cli: Cli, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    env_dir = tmp_path / "from-env"
    monkeypatch.setenv("ATRIUM_DATA_DIR", str(env_dir))

    assert run_main(capsys, ["task", "add", "Via env"]).code == 0
    assert run_main(capsys, ["--data-dir", str(cli.data_dir), "task", "add", "Via flag"]).code == 0

    assert count_rows(env_dir / DATABASE, "tasks") == 1
    assert count_rows(cli.database, "tasks") == 1  # the flag beats the environment


def test_a_new_data_dir_becomes_a_profile(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    fresh = tmp_path / "a" / "b"

    result = run_main(capsys, ["--data-dir", str(fresh), "task", "add", "First", "--json"])

    assert result.code == 0, result.err
    assert result.json()["title"] == "First"
    assert (fresh / DATABASE).exists()
    assert (fresh / "logs").is_dir()


def test_a_data_dir_that_is_a_file_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    not_a_dir = tmp_path / "plain-file"
    not_a_dir.write_text("hello", encoding="utf-8")

    result = run_main(capsys, ["--data-dir", str(not_a_dir), "task", "list"])

    assert result.code == 2
    message = result.error_line()
    assert str(not_a_dir) in message
    assert "--data-dir" in message
    assert not_a_dir.read_text(encoding="utf-8") == "hello"


# -- failures ------------------------------------------------------------------------------


def test_an_unexpected_failure_exits_1_and_names_the_log_file(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(args: object, services: object) -> int:
        raise RuntimeError("the flux capacitor melted")

    monkeypatch.setitem(commands.HANDLERS, "task.list", explode)

    result = cli.run("task", "list")

    assert result.code == 1
    assert result.out == ""
    message = result.error_line()
    log_file = cli.data_dir / "logs" / "atrium.log"
    assert str(log_file) in message
    assert "flux capacitor" in message
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged
    assert "the flux capacitor melted" in logged


def test_each_command_logs_into_its_own_profile(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Two commands in one process (as in tests and benchmarks) keep their logs apart."""
    from desktop.cli import main

    def explode(args: object, services: object) -> int:
        raise RuntimeError("second profile failure")

    monkeypatch.setenv("TZ", "Europe/Berlin")
    first, second = tmp_path / "first", tmp_path / "second"
    logger = logging.getLogger("desktop")
    handlers, level = list(logger.handlers), logger.level
    try:
        assert main(["--data-dir", str(first), "task", "list"]) == 0
        monkeypatch.setitem(commands.HANDLERS, "task.list", explode)
        assert main(["--data-dir", str(second), "task", "list"]) == 1
        for handler in logger.handlers:
            handler.flush()
        assert str(second / "logs" / "atrium.log") in capsys.readouterr().err
        logged = (second / "logs" / "atrium.log").read_text(encoding="utf-8")
        assert "second profile failure" in logged
    finally:
        for handler in [h for h in logger.handlers if h not in handlers]:
            logger.removeHandler(handler)
            handler.close()
        logger.setLevel(level)


def test_a_database_that_is_a_directory_is_a_clear_failure(cli: Cli) -> None:
    cli.database.unlink()
    cli.database.mkdir()

    result = cli.run("task", "list")

    assert result.code == 1
    assert result.out == ""
    assert str(cli.database) in result.error_line()
    assert cli.database.is_dir()
    assert not any(cli.database.iterdir())


@pytest.mark.parametrize(
    "argv",
    [
        ["task", "add", "X"],
        ["task", "list", "--json"],
        ["event", "list"],
        ["search", "x"],
        ["db", "upgrade"],
        ["tx", "summary", "--month", "2027-01"],
    ],
)
def test_a_damaged_database_is_reported_and_left_alone(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    argv: list[str],
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    database = tmp_path / DATABASE
    data = garbage(database)

    result = run_main(capsys, ["--data-dir", str(tmp_path), *argv])

    assert result.code == 1
    assert result.out == ""
    message = result.error_line()
    assert str(database) in message
    assert "not changed it" in message
    assert "Traceback" not in result.err
    assert database.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == [DATABASE, "logs"]


def test_damaged_pages_are_reported_and_left_alone(cli: Cli) -> None:
    for index in range(40):
        cli.json("note", "add", f"Note {index}", "--body", "lorem ipsum " * 200)
    cli.ok("db", "check")
    data = bytearray(cli.database.read_bytes())
    page = 4096
    for offset in range(page, len(data)):  # every page but the header's
        data[offset] = (data[offset] * 31 + 7) % 256
    cli.database.write_bytes(bytes(data))

    listed = cli.run("note", "list")
    upgraded = cli.run("db", "upgrade")

    for result in (listed, upgraded):
        assert result.code == 1
        message = result.error_line()
        assert str(cli.database) in message
        assert "not changed it" in message
    assert cli.database.read_bytes() == bytes(data)


def test_a_database_from_a_newer_atrium_is_not_touched(cli: Cli) -> None:
    connection = sqlite3.connect(cli.database)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    before = cli.database.read_bytes()

    for argv in (["task", "list"], ["db", "upgrade"]):
        result = cli.run(*argv)
        assert result.code == 1
        message = result.error_line()
        assert "newer Atrium" in message
        assert str(cli.database) in message

    assert cli.database.read_bytes() == before


def test_a_foreign_sqlite_database_is_refused_not_migrated(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    database = tmp_path / DATABASE
    connection = sqlite3.connect(database)
    with connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
        connection.execute("INSERT INTO recipes VALUES ('soup')")
    connection.close()
    before = database.read_bytes()

    result = run_main(capsys, ["--data-dir", str(tmp_path), "task", "list"])

    assert result.code == 1
    assert str(database) in result.error_line()
    assert database.read_bytes() == before
