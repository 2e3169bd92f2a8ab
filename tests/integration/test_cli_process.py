"""`atrium` as real processes: exit codes, the environment, and what gets imported.

These are slow (each process imports SQLAlchemy and opens a profile), so only what
needs a process boundary is here; the rest of the CLI is tested in-process.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import DATABASE, REPO, process_env, run_process

from desktop import __version__

pytestmark = pytest.mark.usefixtures("slow")  # start the slow scenarios with the first test


# -- the slow scenarios, started together in threads (each is one or two processes) -------


def _env_and_bad_input(directory: Path) -> dict[str, Any]:
    env = process_env(ATRIUM_DATA_DIR=str(directory))
    added = run_process(["task", "add", "From a process", "--due", "2027-01-15", "--json"], env=env)
    after_add = rows(directory / DATABASE, "tasks") if added.returncode == 0 else None
    refused = run_process(["task", "add", "Impossible", "--due", "2026-02-30", "--json"], env=env)
    return {
        "added": added,
        "after_add": after_add,
        "refused": refused,
        "after_refused": rows(directory / DATABASE, "tasks") if after_add else None,
    }


def _import_times(directory: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "desktop",
            "--data-dir",
            str(directory),
            "task",
            "add",
            "No Qt here",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=process_env(),
        timeout=120,
        check=False,
    )


def _database_is_a_directory(directory: Path) -> dict[str, Any]:
    (directory / DATABASE).mkdir()
    return {
        "database": directory / DATABASE,
        "result": run_process(["--data-dir", str(directory), "task", "list"]),
    }


def _damaged_database(directory: Path) -> dict[str, Any]:
    database = directory / DATABASE
    damaged = bytes((i * 131 + 7) % 256 for i in range(16384))
    database.write_bytes(damaged)
    result = run_process(
        ["task", "add", "Into the void"], env=process_env(ATRIUM_DATA_DIR=str(directory))
    )
    return {
        "database": database,
        "before": damaged,
        "after": database.read_bytes(),
        "result": result,
    }


SCENARIOS: dict[str, Callable[[Path], Any]] = {
    "env": _env_and_bad_input,
    "importtime": _import_times,
    "directory": _database_is_a_directory,
    "damaged": _damaged_database,
}


@pytest.fixture(scope="module")
def slow(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Future[Any]]]:
    """The slow process scenarios, running side by side while the module's tests run."""
    with ThreadPoolExecutor(max_workers=len(SCENARIOS)) as pool:
        yield {
            name: pool.submit(run, tmp_path_factory.mktemp(f"process-{name}"))
            for name, run in SCENARIOS.items()
        }


def rows(database: Path, table: str) -> int:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), lines[0]
    return lines[0]


def test_the_console_script_prints_the_version() -> None:
    script = Path(sys.executable).parent / "atrium"
    assert script.exists(), "the atrium console script is not installed in the venv"

    result = subprocess.run(
        [str(script), "--version"],
        capture_output=True,
        text=True,
        env=process_env(),
        timeout=60,
        check=False,
    )

    assert (result.returncode, result.stdout, result.stderr) == (0, f"atrium {__version__}\n", "")


def test_python_dash_m_desktop_is_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=process_env(),
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout.strip()) == (0, f"atrium {__version__}")


def test_version_and_usage_errors_load_no_database_code() -> None:
    script = (
        "import sys, json\n"
        "from desktop.cli import main\n"
        "codes = []\n"
        "for argv in (['--version'], ['task', 'add', 'X', '--bogus']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit as exc:\n"
        "        codes.append(exc.code)\n"
        "heavy = sorted(m for m in sys.modules\n"
        "               if m.split('.')[0] in ('sqlalchemy', 'alembic', 'PySide6'))\n"
        "print(json.dumps({'codes': codes, 'heavy': heavy[:5]}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=process_env(),
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report == {"codes": [0, 2], "heavy": []}


@pytest.mark.parametrize(
    "argv",
    [
        ["task", "add", "X", "--bogus"],
        ["task", "add"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2_with_one_line(tmp_path: Path, argv: list[str]) -> None:
    result = run_process(["--data-dir", str(tmp_path), *argv])

    assert result.returncode == 2
    assert result.stdout == ""
    assert "--help" in one_error_line(result)
    assert not (tmp_path / DATABASE).exists()


def test_task_add_uses_atrium_data_dir_and_bad_input_changes_nothing(
    slow: dict[str, Future[Any]],
) -> None:
    outcome = slow["env"].result()

    added, refused = outcome["added"], outcome["refused"]
    assert added.returncode == 0, added.stderr
    task = json.loads(added.stdout)
    assert (task["title"], task["due"]) == ("From a process", "2027-01-15")
    assert outcome["after_add"] == 1
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert "2026-02-30" in one_error_line(refused)
    assert outcome["after_refused"] == 1


def test_task_add_does_not_import_qt(slow: dict[str, Future[Any]]) -> None:
    result = slow["importtime"].result()

    assert result.returncode == 0, result.stderr[-2000:]
    imported = {
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "desktop.cli" in imported  # the timing really covers the command
    qt = sorted(m for m in imported if m.split(".")[0] in ("PySide6", "shiboken6"))
    assert qt == [], f"`atrium task add` imported Qt: {qt[:5]}"


def test_a_failure_exits_1_with_a_clear_message(slow: dict[str, Future[Any]]) -> None:
    outcome = slow["directory"].result()
    result = outcome["result"]

    assert result.returncode == 1
    assert result.stdout == ""
    assert str(outcome["database"]) in one_error_line(result)
    assert "Traceback" not in result.stderr


def test_a_damaged_database_is_reported_and_unchanged(slow: dict[str, Future[Any]]) -> None:
    outcome = slow["damaged"].result()
    result = outcome["result"]

    assert result.returncode == 1
    assert result.stdout == ""
    message = one_error_line(result)
    assert str(outcome["database"]) in message
    assert "not changed it" in message
    assert outcome["after"] == outcome["before"]
