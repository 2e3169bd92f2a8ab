"""`atrium task add` as a whole process, against the bare interpreter's start-up.

Issue 2 asks for the median to be reported and for imports to stay lazy (no Qt).
Baselines from the same run: `python -c pass` (the floor) and a process that
only imports SQLAlchemy and opens the same SQLite file (what any store-using
command must pay).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench.benchutil import full_size, median, report, timed

pytestmark = pytest.mark.bench

OPEN_ONLY = (
    "import sys, sqlalchemy; "
    "e = sqlalchemy.create_engine('sqlite:///' + sys.argv[1]); "
    "c = e.connect(); c.exec_driver_sql('select count(*) from tasks').fetchall()"
)


def _run(argv: list[str], env: dict[str, str]) -> None:
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL)


def test_task_add_process(tmp_path: Path) -> None:
    runs = 15 if full_size() else 3
    env = {**os.environ, "ATRIUM_DATA_DIR": str(tmp_path), "TZ": "UTC"}
    atrium = [sys.executable, "-m", "desktop"]
    _run([*atrium, "task", "add", "warm up: create and migrate the profile"], env)
    database = str(tmp_path / "atrium.sqlite3")
    floor, open_only, task_add = [], [], []
    for i in range(runs):
        floor.append(timed(lambda: _run([sys.executable, "-c", "pass"], env)))
        open_only.append(timed(lambda: _run([sys.executable, "-c", OPEN_ONLY, database], env)))
        task_add.append(
            timed(
                lambda i=i: _run(
                    [
                        *atrium,
                        "task",
                        "add",
                        f"Call dentist {i}",
                        "--due",
                        "tomorrow 17:00",
                        "--priority",
                        "high",
                        "--tag",
                        "health",
                    ],
                    env,
                )
            )
        )
    listed = subprocess.run(
        [*atrium, "task", "list", "--json"], env=env, check=True, capture_output=True, text=True
    ).stdout
    assert listed.count('"title": "Call dentist') == runs
    report(
        "cli_task_add",
        runs=runs,
        median_s=median(task_add),
        python_floor_s=median(floor),
        sqlalchemy_open_s=median(open_only),
        ratio_to_floor=median(task_add) / median(floor),
        ratio_to_open=median(task_add) / median(open_only),
    )


def test_task_add_does_not_import_qt(tmp_path: Path) -> None:
    env = {**os.environ, "ATRIUM_DATA_DIR": str(tmp_path)}
    code = (
        "import sys; from desktop.cli import main; rc = main(['task', 'add', 'x']); "
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'alembic')));"
        "print(bad); sys.exit(rc)"
    )
    _run([sys.executable, "-c", code], env)  # first run migrates (imports alembic)
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"
