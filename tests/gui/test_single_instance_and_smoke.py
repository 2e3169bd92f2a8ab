"""One instance per profile (hand-over of raise and quick add), smoke mode, themes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.single_instance import InstanceServer, hand_over, server_name
from desktop.ui.theme import apply_theme

pytestmark = pytest.mark.gui

ATRIUM = [sys.executable, "-m", "desktop"]


def env_for(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TZ="Europe/Berlin")
    env["XDG_RUNTIME_DIR"] = str(tmp_path / "runtime")
    (tmp_path / "runtime").mkdir(mode=0o700, exist_ok=True)
    return env


def test_names_differ_per_profile_and_stay_the_same_per_profile(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a")
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")


def test_a_second_start_hands_its_request_to_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    name = str(tmp_path / "atrium-test")
    assert not hand_over(name, {"command": "raise"})  # nobody listens yet

    server = InstanceServer(name)
    assert server.listen()
    try:
        with qtbot.waitSignal(server.received) as got:
            assert hand_over(name, {"command": "quick_add", "text": "Buy milk #home"})
        assert got.args == [{"command": "quick_add", "text": "Buy milk #home"}]
        assert (Path(name).stat().st_mode & 0o077) == 0  # private to the user
    finally:
        server.close()


def test_a_stale_socket_of_a_crashed_instance_is_replaced(qtbot: QtBot, tmp_path: Path) -> None:
    name = str(tmp_path / "atrium-stale")
    Path(name).write_text("")  # what a killed instance leaves behind
    server = InstanceServer(name)
    try:
        assert server.listen()
    finally:
        server.close()


def test_a_real_second_process_raises_the_first_and_exits(tmp_path: Path) -> None:
    env = env_for(tmp_path)
    profile = str(tmp_path / "profile")
    log = (tmp_path / "first.err").open("w")
    first = subprocess.Popen(
        [*ATRIUM, "--data-dir", profile], env=env, stdout=subprocess.DEVNULL, stderr=log
    )
    try:
        socket = Path(env["XDG_RUNTIME_DIR"]) / server_name(Path(profile)).rsplit("/", 1)[-1]
        deadline = time.monotonic() + 60
        while not socket.exists() and time.monotonic() < deadline:
            assert first.poll() is None, (tmp_path / "first.err").read_text()
            time.sleep(0.1)
        assert socket.exists()

        started = time.monotonic()
        second = subprocess.run(
            [*ATRIUM, "--data-dir", profile, "--quick-add", "Water plants every 3 days"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 0, second.stderr
        assert time.monotonic() - started < 30
        assert first.poll() is None  # the first one still runs
    finally:
        first.terminate()
        first.wait(30)
        log.close()


def test_smoke_mode_opens_every_pane_and_prints_timings(tmp_path: Path) -> None:
    env = env_for(tmp_path)
    profile = str(tmp_path / "profile")
    seeded = subprocess.run(
        [*ATRIUM, "--data-dir", profile, "demo", "seed"], env=env, capture_output=True, timeout=120
    )
    assert seeded.returncode == 0, seeded.stderr

    run = subprocess.run(
        [*ATRIUM, "--data-dir", profile, "--smoke", "--all-panes"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )

    assert run.returncode == 0, run.stderr
    [line] = run.stdout.splitlines()
    report = json.loads(line)
    assert report["ready_ms"] > 0
    assert set(report["panes"]) == {
        "tasks", "calendar", "inbox", "finance", "notes",
        "workflows", "agents", "voice", "projects", "health",
    }  # fmt: skip
    assert all(ms >= 0 for ms in report["panes"].values())


def test_dark_and_light_themes(qapp: QApplication) -> None:
    try:
        assert apply_theme(qapp, "dark") == "dark"
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 80
        assert apply_theme(qapp, "light") == "light"
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 180
        assert apply_theme(qapp, "nonsense") in ("light", "dark")  # falls back to the system
    finally:
        apply_theme(qapp, "light")


def test_a_live_instance_keeps_its_name_against_a_second_server(
    qtbot: QtBot, tmp_path: Path
) -> None:
    name = str(tmp_path / "atrium-race")
    first, second = InstanceServer(name), InstanceServer(name)
    try:
        assert first.listen()
        assert not second.listen()  # the live one is not pushed aside
        with qtbot.waitSignal(first.received):
            assert hand_over(name, {"command": "raise"})
    finally:
        second.close()
        first.close()
