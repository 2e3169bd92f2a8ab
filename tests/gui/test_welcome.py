"""The first-run welcome: skip, a clean start, a start with demo data."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.config import Settings
from desktop.services.container import Services
from desktop.ui.dialogs.welcome import WelcomeDialog
from desktop.ui.panes.base import PaneContext

pytestmark = pytest.mark.gui


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.json")


@pytest.fixture
def welcome(qtbot: QtBot, pane_ctx: PaneContext, settings: Settings) -> WelcomeDialog:
    dialog = WelcomeDialog(pane_ctx, settings, "Europe/Lisbon")
    qtbot.addWidget(dialog)
    return dialog


def test_skip_never_asks_again(welcome: WelcomeDialog, settings: Settings, tmp_path: Path) -> None:
    assert welcome.zone.currentText() == "Europe/Lisbon"
    welcome.skip()
    assert Settings(tmp_path / "settings.json").get("first_run.done") is True


def test_a_clean_start_saves_name_zone_and_hours(
    qtbot: QtBot, welcome: WelcomeDialog, services: Services, tmp_path: Path
) -> None:
    welcome.name.setText("Grace")
    welcome.hours.setText("08:30-16:30")
    with qtbot.waitSignal(welcome.finished_setup) as done:
        welcome.start()
    assert done.args == [False]
    profile = services.profile.get()
    assert (profile.display_name, profile.time_zone) == ("Grace", "Europe/Lisbon")
    saved = Settings(tmp_path / "settings.json")
    assert saved.get("work.hours") == "08:30-16:30"
    assert saved.get("first_run.done") is True
    assert services.tasks.count() == 0


def test_a_start_with_demo_data_fills_the_store_and_announces_it(
    qtbot: QtBot, welcome: WelcomeDialog, services: Services, pane_ctx: PaneContext
) -> None:
    welcome.demo.setChecked(True)
    announced = []
    pane_ctx.events.changes_applied.connect(lambda changes, _by: announced.append(changes))
    with qtbot.waitSignal(welcome.finished_setup, timeout=60_000):
        welcome.start()
    assert services.tasks.count() > 0
    qtbot.waitUntil(lambda: any(c.tasks and c.finance for c in announced))


def test_bad_hours_keep_the_welcome_open(
    qtbot: QtBot, welcome: WelcomeDialog, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr("desktop.ui.dialogs.welcome.show_error", lambda w, e: errors.append(str(e)))
    welcome.hours.setText("late")
    welcome.start()
    assert errors
    assert settings.get("first_run.done") is False
