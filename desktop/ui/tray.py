"""The tray icon and its menu: Quick add…, the next three events, Push to talk, Sync now, Quit.

Created only where the desktop has a system tray; without one the app is used
through its window alone (and "keep running in the tray" is ignored, so closing
the window never leaves the app unreachable). The next events refresh when the
calendar changes and every few minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from desktop.core.changes import Changes
from desktop.services.calendar import Occurrence
from desktop.services.container import Services
from desktop.ui.panes.base import PaneContext

NEXT_EVENTS = 3
REFRESH_MS = 5 * 60 * 1000
LOOKAHEAD_DAYS = 14


def next_events(services: Services, count: int = NEXT_EVENTS) -> NextEvents:
    """The next `count` occurrences not yet over (blocking: run on the database executor)."""
    today = services.ctx.today()
    now = services.ctx.now()
    found = services.calendar.occurrences(today, today + timedelta(days=LOOKAHEAD_DAYS))
    zone = services.ctx.zone
    upcoming = [o for o in found if not isinstance(o.end, datetime) or o.end > now]
    return NextEvents(upcoming[:count], zone, now.astimezone(zone))


@dataclass(frozen=True)
class NextEvents:
    """The next occurrences, with the user's zone and the moment they were read."""

    occurrences: list[Occurrence]
    zone: ZoneInfo
    now: datetime


def event_label(occurrence: Occurrence, zone: ZoneInfo, today: datetime) -> str:
    """'14:30 Dentist', 'Tomorrow 09:00 Standup', 'Fri 12 Mar: Offsite' (all-day)."""
    start = occurrence.start
    if isinstance(start, datetime):
        local = start.astimezone(zone)
        day, clock = local.date(), local.strftime("%H:%M")
    else:
        day, clock = start, ""
    if day == today.date():
        prefix = clock or "Today"
    elif (day - today.date()).days == 1:
        prefix = f"Tomorrow {clock}".strip()
    else:
        prefix = f"{day:%a %d %b} {clock}".strip()
    return f"{prefix}  {occurrence.title}"


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Tray(QObject):
    """The tray icon of a running Atrium.

    Signals:
        quick_add_requested(): the user chose Quick add….
        open_requested(): the user wants the window (menu entry, click or message click).
        quit_requested(): the user chose Quit.
        sync_requested(): the user chose Sync now.
    """

    quick_add_requested = Signal()
    open_requested = Signal()
    quit_requested = Signal()
    sync_requested = Signal()

    def __init__(self, ctx: PaneContext, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip("Atrium")
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self._build_menu()
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.icon.messageClicked.connect(self.open_requested)
        ctx.events.changes_applied.connect(self._on_changes)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh_events)

    def show(self) -> None:
        self.icon.show()
        self._timer.start()
        self.refresh_events()

    def hide(self) -> None:
        self._timer.stop()
        self.icon.hide()

    def refresh_events(self) -> None:
        self.ctx.read(next_events, self._show_events)

    def event_texts(self) -> list[str]:
        return [a.text() for a in self._event_actions]

    # -- construction ------------------------------------------------------------

    def _build_menu(self) -> None:
        quick = self.menu.addAction(self.tr("Quick add…"))
        quick.triggered.connect(self.quick_add_requested)
        self.menu.addSeparator()
        self._events_header = self.menu.addAction(self.tr("Next events"))
        self._events_header.setEnabled(False)
        self._event_actions: list[QAction] = []
        self._events_end = self.menu.addSeparator()
        self.push_to_talk = self.menu.addAction(self.tr("Push to talk"))
        self.push_to_talk.setEnabled(False)
        self.push_to_talk.setToolTip(self.tr("Voice commands are not set up yet"))
        self.sync_now = self.menu.addAction(self.tr("Sync now"))
        self.sync_now.setEnabled(False)
        self.sync_now.setToolTip(self.tr("Connect a sync server in the settings first"))
        self.sync_now.triggered.connect(self.sync_requested)
        self.menu.addSeparator()
        open_action = self.menu.addAction(self.tr("Open Atrium"))
        open_action.triggered.connect(self.open_requested)
        quit_action = self.menu.addAction(self.tr("Quit"))
        quit_action.triggered.connect(self.quit_requested)

    # -- reactions ---------------------------------------------------------------

    def _show_events(self, found: NextEvents) -> None:
        occurrences, zone = found.occurrences, found.zone
        for action in self._event_actions:
            self.menu.removeAction(action)
            action.deleteLater()
        texts = [event_label(o, zone, found.now) for o in occurrences] or [
            self.tr("Nothing in the next two weeks")
        ]
        self._event_actions = []
        for text in texts:
            action = QAction(text, self.menu)
            action.triggered.connect(self.open_requested)
            self.menu.insertAction(self._events_end, action)
            self._event_actions.append(action)
        if occurrences:
            self.icon.setToolTip(self.tr("Atrium — next: {event}").format(event=texts[0]))

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        if changes.calendar and self.icon.isVisible():
            self.refresh_events()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()
