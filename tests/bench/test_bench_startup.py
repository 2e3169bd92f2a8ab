"""Start-up, pane switching and memory of the real app, against a bare PySide6 window.

Issue 3's figures: start-up to the Today pane filled at most 2.5x a bare
QMainWindow shown in a fresh process (the floor on this machine); switching
panes at most 100 ms; resident memory at most 300 MB. All with the large demo
data at full size (ATRIUM_BENCH_SIZE=full; seeding it takes about a minute),
the small demo data otherwise. Every figure is measured by `atrium --smoke
--all-panes` in a fresh process; the baseline runs in the same test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.bench.benchutil import full_size, median, report

pytestmark = pytest.mark.bench

BARE_WINDOW = """
import time, psutil
started = psutil.Process().create_time()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
def done():
    print((time.time() - started) * 1000)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TZ": "Europe/Berlin"}


def test_start_up_switching_and_memory(tmp_path: Path) -> None:
    size = "large" if full_size() else "small"
    rounds = 5 if full_size() else 2
    atrium = [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path)]
    subprocess.run([*atrium, "demo", "seed", "--size", size], check=True, env=_env(), timeout=900)

    bare: list[float] = []
    runs: list[dict] = []
    for _ in range(rounds):
        out = subprocess.run(
            [sys.executable, "-c", BARE_WINDOW], env=_env(), capture_output=True, text=True
        )
        bare.append(float(out.stdout.strip().splitlines()[-1]))
        started = time.perf_counter()
        smoke = subprocess.run(
            [*atrium, "--smoke", "--all-panes"],
            env=_env(),
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert smoke.returncode == 0, smoke.stderr
        run = json.loads(smoke.stdout.strip().splitlines()[-1])
        run["process_ms"] = (time.perf_counter() - started) * 1000
        runs.append(run)

    ready = median([r["ready_ms"] for r in runs])
    floor = median(bare)
    panes = {p: median([r["panes"][p] for r in runs]) for p in runs[0]["panes"]}
    slowest = max(panes, key=lambda p: panes[p])
    report(
        "startup",
        demo=size,
        ready_ms=ready,
        bare_window_ms=floor,
        ready_vs_bare=ready / floor,
        target_ratio=2.5,
        slowest_pane=slowest,
        slowest_pane_ms=panes[slowest],
        median_pane_ms=median(list(panes.values())),
        target_pane_ms=100,
        rss_mb=max(r["rss_mb"] for r in runs),
        target_rss_mb=300,
    )
    report("startup_panes", **{p: round(ms, 1) for p, ms in panes.items()})
    assert len(panes) == 10
    assert ready > floor > 0
