"""Preferences: fields load from settings and profile, save through both, refuse bad values."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from desktop.config import Settings
from desktop.services.container import Services
from desktop.ui.dialogs.settings_dialog import SettingsDialog
from desktop.ui.panes.base import PaneContext

pytestmark = pytest.mark.gui


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.json")


def dialog_for(
    qtbot: QtBot, pane_ctx: PaneContext, settings: Settings, services: Services
) -> tuple[SettingsDialog, list[dict[str, Any]]]:
    saved: list[dict[str, Any]] = []
    dialog = SettingsDialog(pane_ctx, settings, services.profile.get(), saved.append)
    qtbot.addWidget(dialog)
    return dialog, saved


def field(dialog: SettingsDialog, name: str, kind: type) -> Any:
    widget = dialog.fields[name]
    assert isinstance(widget, kind)
    return widget


def test_fields_show_the_current_values(
    qtbot: QtBot, pane_ctx: PaneContext, settings: Settings, services: Services
) -> None:
    dialog, _ = dialog_for(qtbot, pane_ctx, settings, services)
    values = dialog.values()
    assert values["work.hours"] == "09:00-17:00"
    assert values["appearance.theme"] == "system"
    assert values["schedule.buffer_minutes"] == 10
    assert values["profile.time_zone"] == services.profile.get().time_zone


def test_saving_writes_settings_and_the_profile(
    qtbot: QtBot, pane_ctx: PaneContext, settings: Settings, services: Services, tmp_path: Path
) -> None:
    dialog, saved = dialog_for(qtbot, pane_ctx, settings, services)
    field(dialog, "profile.name", QLineEdit).setText("Ada Lovelace")
    field(dialog, "profile.time_zone", QComboBox).setCurrentText("America/New_York")
    field(dialog, "appearance.theme", QComboBox).setCurrentIndex(2)
    field(dialog, "work.hours", QLineEdit).setText("08:00-16:00")
    field(dialog, "schedule.buffer_minutes", QSpinBox).setValue(5)

    with qtbot.waitSignal(dialog.accepted):
        dialog.save()

    assert saved[0]["appearance.theme"] == "dark"
    again = Settings(tmp_path / "settings.json")
    assert again.get("appearance.theme") == "dark"
    assert again.get("work.hours") == "08:00-16:00"
    assert again.get("schedule.buffer_minutes") == 5
    profile = services.profile.get()
    assert (profile.display_name, profile.time_zone) == ("Ada Lovelace", "America/New_York")


def test_bad_hours_and_zones_are_refused_and_nothing_is_saved(
    qtbot: QtBot,
    pane_ctx: PaneContext,
    settings: Settings,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.dialogs.settings_dialog.show_error", lambda w, exc: errors.append(str(exc))
    )
    dialog, saved = dialog_for(qtbot, pane_ctx, settings, services)
    field(dialog, "work.hours", QLineEdit).setText("17:00-09:00")
    dialog.save()
    assert errors
    assert dialog.tabs.currentIndex() == 2

    field(dialog, "work.hours", QLineEdit).setText("09:00-17:00")
    field(dialog, "profile.time_zone", QComboBox).setCurrentText("Mars/Olympus")
    dialog.save()
    qtbot.waitUntil(lambda: len(errors) == 2)
    assert "Mars/Olympus" in errors[1]
    assert saved == []
    assert not (tmp_path / "settings.json").exists()
