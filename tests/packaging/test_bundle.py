"""The real PyInstaller build and the checks of the frozen app (packaging/build.py).

Building takes about half a minute and the checks of the frozen app about another
half (more on a slow machine), so the default test run skips this: set
ATRIUM_TEST_BUNDLE=1 to run it (`make package` runs the same build and checks).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("ATRIUM_TEST_BUNDLE") != "1",
        reason="builds the PyInstaller bundle (minutes); set ATRIUM_TEST_BUNDLE=1 to run it",
    ),
]

EXPECTED_CHECKS = {
    "size",
    "qt_libraries",
    "lazy_modules",
    "version",
    "smoke",
    "all_panes",
    "cli_tasks",
    "tzdata",
    "icalendar",
    "doctor",
}


@pytest.mark.timeout(1200)
def test_one_folder_bundle_builds_and_starts() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1100,
        check=False,
    )
    print(done.stdout[-3000:])
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]

    report = json.loads((ROOT / "dist" / "atrium-build.json").read_text(encoding="utf-8"))
    assert set(report["checks"]) >= EXPECTED_CHECKS
    assert all(result == "ok" for result in report["checks"].values()), report["checks"]
    assert 0 < report["size_mb"] < 250
    assert report["frozen_ready_ms"]["first_start"] > 0
    assert report["frozen_panes_ms"], "the frozen app opened no pane"
    app = ROOT / "dist" / "atrium" / "atrium"
    assert (app.parent / "_internal" / "migrations" / "env.py").is_file()
    assert (app.parent / "_internal" / "migrations" / "script.py.mako").is_file()
    assert (app.parent / "_internal" / "resources" / "icons" / "atrium.svg").is_file()
    qt_libs = {p.name for p in (app.parent / "_internal" / "PySide6" / "Qt" / "lib").iterdir()}
    assert not any(
        name.startswith(("libQt6WebEngine", "libQt63D", "libQt6Quick")) for name in qt_libs
    )
