"""The first start: name, time zone, working hours, and a clean start or demo data.

Shown once, when the `first_run.done` setting is false; Skip and Start both set
it, so it never comes back. Demo data is added off the GUI thread (a few seconds
for the small set) and announced as a change of every area, so the panes fill.
"""

from __future__ import annotations

from dataclasses import fields
from zoneinfo import available_timezones

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.config import Settings
from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.core.freetime import parse_working_hours
from desktop.services.container import Services
from desktop.services.demo import DemoCounts, seed_demo
from desktop.ui.messages import show_error
from desktop.ui.panes.base import PaneContext

EVERYTHING = Changes(**{f.name: True for f in fields(Changes)})


class WelcomeDialog(QDialog):
    """Asks the few things Atrium needs to know, once.

    Signals:
        finished_setup(bool): the welcome is done; True when demo data was added.
    """

    finished_setup = Signal(bool)

    def __init__(
        self,
        ctx: PaneContext,
        settings: Settings,
        zone_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.setWindowTitle(self.tr("Welcome to Atrium"))
        self.setObjectName("welcomeDialog")

        intro = QLabel(
            self.tr(
                "<h3>Welcome to Atrium</h3><p>Your tasks, calendar, messages, money and notes "
                "in one window, on this computer. A few questions and you are set.</p>"
            )
        )
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Your name"))
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(sorted(available_timezones()))
        self.zone.setCurrentText(zone_name)
        self.zone.setAccessibleName(self.tr("Time zone"))
        self.hours = QLineEdit(settings.get("work.hours"))
        self.hours.setAccessibleName(self.tr("Working hours"))
        self.clean = QRadioButton(self.tr("Start with nothing"))
        self.demo = QRadioButton(self.tr("Try it with demo data"))
        self.clean.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.clean)
        group.addButton(self.demo)

        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Time zone"), self.zone)
        form.addRow(self.tr("Working hours"), self.hours)
        form.addRow(self.clean)
        form.addRow(self.demo)

        self.skip_button = QPushButton(self.tr("Skip"))
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setDefault(True)
        self.skip_button.clicked.connect(self.skip)
        self.start_button.clicked.connect(self.start)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def skip(self) -> None:
        self.settings.set("first_run.done", True)
        self.finished_setup.emit(False)
        self.accept()

    def start(self) -> None:
        hours = self.hours.text().strip()
        try:
            parse_working_hours(hours, self.settings.get("work.days"))
        except UserError as exc:
            show_error(self, exc)
            return
        profile = {"time_zone": self.zone.currentText().strip()}
        if self.name.text().strip():
            profile["display_name"] = self.name.text().strip()
        with_demo = self.demo.isChecked()
        self.start_button.setEnabled(False)

        def profile_saved(_view: object) -> None:
            self.settings.set("work.hours", hours)
            if with_demo:
                self.start_button.setText(self.tr("Adding demo data…"))
                self.ctx.read(self._seed, self._seeded, self._failed)
            else:
                self._done(False)

        self.ctx.act("update_profile", profile, profile_saved, self._failed)

    def _seed(self, services: Services) -> DemoCounts:
        counts = seed_demo(services.store, "small")
        services.ctx.forget_zone()
        self.ctx.events.changes_applied.emit(EVERYTHING, None)
        return counts

    def _seeded(self, _counts: DemoCounts) -> None:
        self._done(True)

    def _failed(self, exc: Exception) -> None:
        self.start_button.setEnabled(True)
        self.start_button.setText(self.tr("Start"))
        show_error(self, exc)

    def _done(self, with_demo: bool) -> None:
        self.settings.set("first_run.done", True)
        self.finished_setup.emit(with_demo)
        self.accept()
