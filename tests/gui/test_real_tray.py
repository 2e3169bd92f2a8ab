"""The tray on a desktop that has one: Xvfb with a real tray host (trayer), the real app.

Skipped (saying why) when xvfb-run or trayer is missing; `make setup` installs both.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

PROBE = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
app = QApplication(["atrium"])
from desktop.app import run_gui
from desktop.ui.main_window import MainWindow
from desktop.ui.presence import Presence
seen = {"available": QSystemTrayIcon.isSystemTrayAvailable()}
def look(tries=[0]):
    tries[0] += 1
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    presence = windows[0].findChild(Presence) if windows else None
    tray = presence.tray if presence else None
    texts = [a.text() for a in tray.menu.actions() if a.text()] if tray else []
    if (tray is None or not tray.icon.isVisible() or len(texts) < 7) and tries[0] < 100:
        QTimer.singleShot(100, look)
        return
    seen.update(tray=tray is not None, visible=bool(tray and tray.icon.isVisible()), menu=texts)
    print(json.dumps(seen), flush=True)
    QApplication.exit(0)
QTimer.singleShot(300, look)
run_gui(sys.argv[1], ["atrium"])
"""


@pytest.mark.skipif(
    not (shutil.which("xvfb-run") and shutil.which("trayer")),
    reason="needs xvfb-run and trayer (a tray host); `make setup` installs them",
)
def test_the_tray_icon_and_menu_on_a_desktop_with_a_tray(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", XDG_RUNTIME_DIR=str(tmp_path))
    probe = tmp_path / "probe.py"
    probe.write_text(PROBE)
    script = (
        "trayer --edge bottom --align right --widthtype pixel --width 120 --height 28 & "
        f"sleep 1; {sys.executable} {probe} {tmp_path / 'profile'}"
    )
    run = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "bash", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    assert lines, run.stderr[-2000:]
    seen = json.loads(lines[-1])
    assert seen["available"]
    assert seen["tray"]
    assert seen["visible"]
    assert seen["menu"][0] == "Quick add…"
    assert seen["menu"][-4:] == ["Push to talk", "Sync now", "Open Atrium", "Quit"]
