"""Helpers for the `atrium` command-line tests: run the CLI in-process, check its contract.

Most CLI tests call `desktop.cli.main(argv)` in the test process and read what it wrote
through pytest's `capsys`; a few (test_cli_process.py) start real processes. The
contract checked here is the one of issue 2, "The command line": one JSON document
with `--json`, ids as strings, instants ISO 8601 with the offset of the user's zone,
dates YYYY-MM-DD, money as decimal strings next to a `currency` field; bad input
exits 2 with one line `error: ...` on stderr and changes nothing.

Each test module defines a small `cli` fixture that calls `make_cli`; there is no
conftest.py of our own on purpose.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import logging.handlers
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from desktop.cli import main

BERLIN = "Europe/Berlin"
DATABASE = "atrium.sqlite3"
REPO = Path(__file__).resolve().parents[2]

# Keys whose values are record ids (UUIDs, as strings).
UUID_KEYS = frozenset({"id", "event_id", "account_id", "parent_id", "project_id", "series_id"})
# Keys whose values are money: decimal strings, with a `currency` beside them.
MONEY_KEYS = frozenset(
    {"amount", "balance", "budget", "spent", "remaining", "income", "expenses", "net"}
)
# Keys that are identifiers built from instants (always UTC), not instants to show.
KEY_LIKE = frozenset({"occurrence_key", "recurrence_id"})

MONEY = re.compile(r"^-?\d+(\.\d+)?$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LOOKS_LIKE_INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
ISO_INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$")


@dataclass
class Result:
    """What one command did: its exit status and what it wrote."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        """The one JSON document on stdout (json.loads refuses a second one)."""
        assert self.code == 0, f"exit {self.code}: {self.err}"
        return json.loads(self.out)

    def error_line(self) -> str:
        """The single `error: ...` line on stderr (its text after the prefix)."""
        lines = self.err.splitlines()
        assert len(lines) == 1, f"expected one line on stderr, got {self.err!r}"
        assert self.err.endswith("\n")
        assert lines[0].startswith("error: "), lines[0]
        return lines[0][len("error: ") :]


class Cli:
    """Runs `atrium` in this process against one profile directory."""

    def __init__(self, data_dir: Path, capsys: pytest.CaptureFixture[str] | None = None) -> None:
        self.data_dir = data_dir
        self.capsys = capsys

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE

    def run(self, *argv: str) -> Result:
        """`atrium --data-dir DIR ARGV...`; never raises SystemExit."""
        return run_main(self.capsys, ["--data-dir", str(self.data_dir), *argv])

    def ok(self, *argv: str) -> Result:
        result = self.run(*argv)
        assert result.code == 0, f"atrium {' '.join(argv)} exited {result.code}: {result.err}"
        return result

    def json(self, *argv: str, check: bool = True) -> Any:
        """Run with --json; the parsed document, checked against the output conventions."""
        result = self.ok(*argv, "--json")
        assert result.err == "", result.err
        document = result.json()
        if check:
            check_conventions(document, user_zone())
        return document

    def fails(self, *argv: str) -> str:
        """Run a command that must be refused as bad input; the error text."""
        result = self.run(*argv)
        assert result.code == 2, f"expected exit 2, got {result.code}: {result.out}{result.err}"
        assert result.out == "", result.out
        return result.error_line()


def run_main(capsys: pytest.CaptureFixture[str] | None, argv: Sequence[str]) -> Result:
    """`desktop.cli.main(argv)` as a process would see it; the log handler it adds is removed.

    Output is read through `capsys`, or (for fixtures wider than one test, which cannot
    use capsys) through redirected sys.stdout and sys.stderr. A real `atrium` process
    configures logging once and exits; here many commands share one interpreter, so
    each gets its own log handler, as each process would.
    """
    if capsys is None:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = _call_main(argv)
        return Result(code, out.getvalue(), err.getvalue())
    capsys.readouterr()
    code = _call_main(argv)
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)


def _call_main(argv: Sequence[str]) -> int:
    with fresh_cli_logging():
        try:
            return main(list(argv))
        except SystemExit as exc:  # argparse: usage errors, --version, --help
            return exc.code if isinstance(exc.code, int) else 1


class fresh_cli_logging:  # noqa: N801 - a context manager used like a function
    """Hide file handlers of earlier commands during one command, close its own after."""

    def __enter__(self) -> None:
        self.logger = logging.getLogger("desktop")
        self.level = self.logger.level
        self.saved = [
            h for h in self.logger.handlers if isinstance(h, logging.handlers.RotatingFileHandler)
        ]
        for handler in self.saved:
            self.logger.removeHandler(handler)

    def __exit__(self, *exc: object) -> None:
        for handler in list(self.logger.handlers):
            if isinstance(handler, logging.handlers.RotatingFileHandler):
                self.logger.removeHandler(handler)
                handler.close()
        for handler in self.saved:
            self.logger.addHandler(handler)
        self.logger.setLevel(self.level)


def make_cli(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path_factory: pytest.TempPathFactory,
    *,
    copy_of: Path | None = None,
) -> Cli:
    """A Cli over a ready profile in tmp_path/profile; the user's zone is Europe/Berlin.

    The profile is a copy of `copy_of` (a database made by `snapshot`), by default of
    an empty one migrated once per test session: that saves the schema migration on
    every test (the first-use path has tests of its own).
    """
    monkeypatch.setenv("TZ", BERLIN)
    monkeypatch.setenv("LANGUAGE", "C")  # argparse's gettext look-ups are slow otherwise
    monkeypatch.delenv("ATRIUM_DATA_DIR", raising=False)
    data_dir = tmp_path / "profile"
    data_dir.mkdir()
    shutil.copyfile(copy_of or _template(tmp_path_factory), data_dir / DATABASE)
    return Cli(data_dir, capsys)


_TEMPLATE: dict[str, Path] = {}


def _template(factory: pytest.TempPathFactory) -> Path:
    if "db" not in _TEMPLATE:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("TZ", BERLIN)
            directory = factory.mktemp("cli-template")
            result = run_main(None, ["--data-dir", str(directory), "db", "upgrade"])
        assert result.code == 0, result.err
        _TEMPLATE["db"] = checkpointed(directory / DATABASE)
    return _TEMPLATE["db"]


def snapshot(factory: pytest.TempPathFactory, name: str, *commands: Sequence[str]) -> Path:
    """A profile database after `commands` (each an argv), to copy into many tests."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", BERLIN)
        patch.setenv("LANGUAGE", "C")
        patch.delenv("ATRIUM_DATA_DIR", raising=False)
        directory = factory.mktemp(name)
        shutil.copyfile(_template(factory), directory / DATABASE)
        cli = Cli(directory)
        for argv in commands:
            cli.ok(*argv)
    return checkpointed(directory / DATABASE)


def checkpointed(database: Path) -> Path:
    """`database` with its write-ahead log folded in, so that the file alone is a copy."""
    connection = sqlite3.connect(database)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    return database


def user_zone() -> ZoneInfo:
    """The zone the CLI shows instants in during a test (TZ is set by make_cli)."""
    return ZoneInfo(os.environ.get("TZ") or "UTC")


def today(zone: str = BERLIN) -> date:
    return datetime.now(ZoneInfo(zone)).date()


# -- the output conventions ----------------------------------------------------------------


def check_conventions(document: Any, zone: ZoneInfo) -> None:
    """Ids as strings, instants with the user's offset, dates as dates, money as strings."""
    for parent, key, value in _walk(document):
        where = f"{key}={value!r}"
        if key in UUID_KEYS:
            assert value is None or isinstance(value, str), where
            if value is not None:
                uuid.UUID(value)
        if key in MONEY_KEYS:
            assert isinstance(value, str), where
            assert MONEY.match(value), where
            assert isinstance(parent, dict), where
            assert isinstance(parent.get("currency"), str), where
        if key == "by_category":
            assert all(isinstance(v, str) and MONEY.match(v) for v in value.values()), where
        if isinstance(value, str) and key not in KEY_LIKE and LOOKS_LIKE_INSTANT.match(value):
            assert ISO_INSTANT.match(value), f"not ISO 8601 with an offset: {where}"
            moment = datetime.fromisoformat(value)
            assert moment.utcoffset() == moment.astimezone(zone).utcoffset(), (
                f"not in the user's zone {zone.key}: {where}"
            )


def _walk(value: Any, parent: Any = None, key: str = "") -> Iterator[tuple[Any, str, Any]]:
    yield parent, key, value
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _walk(item, value, name)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item, parent, key)


def is_date(value: Any) -> bool:
    return isinstance(value, str) and bool(ISO_DATE.match(value))


# -- looking at a profile without the CLI -------------------------------------------------


def count_rows(database: Path, table: str) -> int:
    """Rows of a table, read-only (deleted rows are tombstones and still count)."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def add_message(
    data_dir: Path, *, subject: str, body: str, platform: str = "email", sender: str = "Ann Example"
) -> None:
    """Put a message into the profile's inbox the way a connector does."""
    from desktop.services.container import Services
    from desktop.services.messages import IncomingMessage
    from desktop.store.profile import opened

    with opened(data_dir / DATABASE) as store:
        Services(store, BERLIN).messages.receive(
            IncomingMessage(platform=platform, sender=sender, subject=subject, body_text=body)
        )


# -- real processes ------------------------------------------------------------------------


def atrium_command() -> list[str]:
    """How to start `atrium` as a process: `python -m desktop`, else the console script."""
    if (REPO / "desktop" / "__main__.py").exists():
        return [sys.executable, "-m", "desktop"]
    script = Path(sys.executable).parent / "atrium"
    found = str(script) if script.exists() else shutil.which("atrium")
    assert found, "the atrium console script is not installed"
    return [found]


def process_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "ATRIUM_DATA_DIR"}
    env.update(TZ=BERLIN, PYTHONDONTWRITEBYTECODE="1", **extra)
    return env


def run_process(
    argv: Sequence[str], *, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*atrium_command(), *argv],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env or process_env(),
        timeout=timeout,
        check=False,
    )
