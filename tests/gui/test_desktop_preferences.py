"""Desktop integration in the GUI: "Start with the system" in Preferences and
"Copy diagnostics" in the Health pane (secrets scrubbed, on the clipboard)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox
from pytestqt.qtbot import QtBot

from desktop.config import Paths, Settings, setup_logging
from desktop.services.container import Services
from desktop.services.desktop_entry import APP_ID
from desktop.ui.dialogs.settings_dialog import SettingsDialog
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.health_pane import HealthPane

pytestmark = pytest.mark.gui


@pytest.fixture
def autostart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "autostart" / f"{APP_ID}.desktop"


def _save(qtbot: QtBot, pane_ctx: PaneContext, settings: Settings, services: Services) -> None:
    dialog = SettingsDialog(pane_ctx, settings, services.profile.get())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.fields["system.autostart"]
    assert isinstance(box, QCheckBox)
    assert box.accessibleName() == "system.autostart"
    box.click()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter saves (OK is the default button)


def test_start_with_the_system_writes_and_removes_the_autostart_entry(
    qtbot: QtBot, pane_ctx: PaneContext, services: Services, tmp_path: Path, autostart: Path
) -> None:
    settings = Settings(tmp_path / "settings.json")

    _save(qtbot, pane_ctx, settings, services)  # tick it

    assert settings.get("system.autostart") is True
    text = autostart.read_text(encoding="utf-8")
    assert "--data-dir" in text  # this test profile is not the default one
    assert str(Path(services.store.path).parent) in text

    _save(qtbot, pane_ctx, settings, services)  # untick it

    assert settings.get("system.autostart") is False
    assert not autostart.exists()


@pytest.fixture
def logged(services: Services) -> Iterator[Paths]:
    paths = Paths(Path(services.store.path).parent).ensure()
    setup_logging(paths)
    yield paths
    root = logging.getLogger("desktop")
    for handler in list(root.handlers):
        if isinstance(handler, logging.FileHandler) and handler.baseFilename == str(paths.log_file):
            root.removeHandler(handler)
            handler.close()


def test_copy_diagnostics_puts_a_scrubbed_report_on_the_clipboard(
    qtbot: QtBot, pane_ctx: PaneContext, logged: Paths
) -> None:
    Settings(logged.settings).set("sync.server", "https://ann:t0psecret@sync.example.org")
    log = logging.getLogger("desktop.sync")
    log.info("pushed 12 changes")
    log.info("retrying with Authorization: Bearer q9w8e7r6t5y4u3i2o1p0")
    for handler in logging.getLogger("desktop").handlers:
        handler.flush()
    pane = HealthPane(pane_ctx)
    qtbot.addWidget(pane)
    pane.show()

    with qtbot.waitSignal(pane.copied, timeout=5000) as copied:
        qtbot.mouseClick(pane.copy_button, Qt.MouseButton.LeftButton)

    text = QApplication.clipboard().text()
    assert text == copied.args[0]
    assert "Atrium " in text
    assert "Qt: 6." in text
    assert "pushed 12 changes" in text
    assert "t0psecret" not in text
    assert "q9w8e7r6t5y4u3i2o1p0" not in text
    assert pane.copy_button.isEnabled()
    assert "copied" in pane.checked_label.text()
