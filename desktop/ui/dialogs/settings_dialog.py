"""Preferences (Ctrl+,): profile, appearance, notifications, work hours, and the later areas.

Every field maps to a declared setting (desktop.config.SETTINGS) or to the
profile (through the `update_profile` action). Nothing is saved until OK; a bad
value (an unknown time zone, hours like 17:00-09:00) is refused in words and the
dialog stays open with what the user typed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import available_timezones

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.config import Settings
from desktop.core.errors import UserError
from desktop.core.freetime import parse_working_hours
from desktop.services.container import Services
from desktop.services.desktop_entry import autostart_enabled, set_autostart
from desktop.services.profile import ProfileView
from desktop.ui.messages import show_error
from desktop.ui.panes.base import PaneContext

THEME_CHOICES = ("system", "light", "dark")


class SettingsDialog(QDialog):
    """Pages of settings; `save()` writes them (profile changes through the catalog)."""

    def __init__(
        self,
        ctx: PaneContext,
        settings: Settings,
        profile: ProfileView,
        on_saved: Callable[[dict[str, Any]], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.profile = profile
        self.on_saved = on_saved
        self.setWindowTitle(self.tr("Preferences"))
        self.setObjectName("settingsDialog")
        self.resize(520, 420)
        self.fields: dict[str, QWidget] = {}

        self.tabs = QTabWidget()
        self.tabs.addTab(self._profile_page(), self.tr("Profile"))
        self.tabs.addTab(self._appearance_page(), self.tr("Appearance"))
        self.tabs.addTab(self._work_page(), self.tr("Work hours"))
        self.tabs.addTab(self._later_page(), self.tr("Sync, voice, agents"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    # -- pages -------------------------------------------------------------------

    def _line(self, name: str, text: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(f"setting_{name}")
        edit.setAccessibleName(name)
        self.fields[name] = edit
        return edit

    def _check(self, name: str) -> QCheckBox:
        box = QCheckBox()
        box.setChecked(bool(self.settings.get(name)))
        box.setObjectName(f"setting_{name}")
        box.setAccessibleName(name)
        self.fields[name] = box
        return box

    def _spin(self, name: str, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(int(self.settings.get(name)))
        spin.setObjectName(f"setting_{name}")
        spin.setAccessibleName(name)
        self.fields[name] = spin
        return spin

    def _profile_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Name"), self._line("profile.name", self.profile.display_name))
        form.addRow(self.tr("Email"), self._line("profile.email", self.profile.email or ""))
        zone = QComboBox()
        zone.setEditable(True)
        zone.addItems(sorted(available_timezones()))
        zone.setCurrentText(self.profile.time_zone)
        zone.setObjectName("setting_profile.time_zone")
        zone.setAccessibleName(self.tr("Time zone"))
        self.fields["profile.time_zone"] = zone
        form.addRow(self.tr("Time zone"), zone)
        return page

    def _appearance_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        theme = QComboBox()
        theme.addItems([self.tr("Follow the system"), self.tr("Light"), self.tr("Dark")])
        current = self.settings.get("appearance.theme")
        theme.setCurrentIndex(THEME_CHOICES.index(current) if current in THEME_CHOICES else 0)
        theme.setObjectName("setting_appearance.theme")
        theme.setAccessibleName(self.tr("Colour scheme"))
        self.fields["appearance.theme"] = theme
        form.addRow(self.tr("Colour scheme"), theme)
        form.addRow(self.tr("Show reminders"), self._check("notifications.enabled"))
        form.addRow(self.tr("Keep running in the tray"), self._check("window.close_to_tray"))
        form.addRow(self.tr("Start with the system"), self._check("system.autostart"))
        return page

    def _work_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Hours"), self._line("work.hours", self.settings.get("work.hours")))
        form.addRow(self.tr("Days"), self._line("work.days", self.settings.get("work.days")))
        form.addRow(self.tr("Buffer (min)"), self._spin("schedule.buffer_minutes", 0, 120))
        form.addRow(
            self.tr("Longest focus block (min)"),
            self._spin("schedule.focus_block_minutes", 15, 480),
        )
        form.addRow(
            self.tr("Shortest focus block (min)"), self._spin("schedule.min_block_minutes", 5, 240)
        )
        return page

    def _later_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        note = QLabel(
            self.tr(
                "Sync, voice and agents are configured here once they are set up; "
                "these values are kept for them."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(
            self.tr("Sync server"), self._line("sync.server", self.settings.get("sync.server"))
        )
        form.addRow(
            self.tr("Wake phrase"),
            self._line("voice.wake_phrase", self.settings.get("voice.wake_phrase")),
        )
        provider = QComboBox()
        provider.addItems(["offline", "openai", "anthropic", "local"])
        provider.setCurrentText(self.settings.get("agents.provider"))
        provider.setObjectName("setting_agents.provider")
        provider.setAccessibleName(self.tr("Agent provider"))
        self.fields["agents.provider"] = provider
        form.addRow(self.tr("Agent provider"), provider)
        return page

    # -- saving ------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """Every field's value by setting name (profile.* for the profile)."""
        out: dict[str, Any] = {}
        for name, field in self.fields.items():
            if isinstance(field, QLineEdit):
                out[name] = field.text().strip()
            elif isinstance(field, QCheckBox):
                out[name] = field.isChecked()
            elif isinstance(field, QSpinBox):
                out[name] = field.value()
            elif isinstance(field, QComboBox):
                out[name] = (
                    THEME_CHOICES[field.currentIndex()]
                    if name == "appearance.theme"
                    else field.currentText().strip()
                )
        return out

    def save(self) -> None:
        values = self.values()
        try:
            parse_working_hours(values["work.hours"], values["work.days"])
        except UserError as exc:
            show_error(self, exc)
            self.tabs.setCurrentIndex(2)
            return
        profile = {
            "display_name": values.pop("profile.name"),
            "email": values.pop("profile.email"),
            "time_zone": values.pop("profile.time_zone"),
        }

        def saved(_view: object) -> None:
            try:
                if values["system.autostart"] != autostart_enabled():
                    profile_dir = Path(self.ctx.services.store.path).parent
                    set_autostart(values["system.autostart"], profile_dir)
            except UserError as exc:
                show_error(self, exc)
                values["system.autostart"] = autostart_enabled()
            for name, value in values.items():
                self.settings.set(name, value)
            if self.on_saved is not None:
                self.on_saved(values)
            self.accept()

        def refused(exc: Exception) -> None:
            show_error(self, exc)
            self.tabs.setCurrentIndex(0)

        self.ctx.act("update_profile", profile, saved, refused)


def open_settings(
    ctx: PaneContext,
    settings: Settings,
    parent: QWidget,
    on_saved: Callable[[dict[str, Any]], None] | None = None,
) -> None:
    """Read the profile off the GUI thread, then show the dialog."""

    def show(profile: ProfileView) -> None:
        SettingsDialog(ctx, settings, profile, on_saved, parent).open()

    def profile_of(services: Services) -> ProfileView:
        return services.profile.get()

    ctx.read(profile_of, show, lambda exc: show_error(parent, exc))
