"""Reminders on screen: in-app toasts with Snooze and Dismiss, and tray messages where a tray is.

Every delivered reminder gets a toast in the main window's corner (they stack,
newest at the bottom, and stay until acted on or closed); when the desktop has a
tray, a tray message is shown too, and clicking it raises the window.

Notices (budget alerts) take the same path with one difference: a tray message where
a tray is shown, an in-app toast with a Close button otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from desktop.runtime.reminder_job import DueReminders
from desktop.services.reminders import Reminder

SNOOZE_MINUTES = 10
TOAST_WIDTH = 340
MARGIN = 16
MAX_TOASTS = 5


def reminder_text(reminder: Reminder, zone: ZoneInfo, today: date) -> str:
    """'Dentist at 14:30' / 'Report due today' — when the thing itself happens."""
    starts = reminder.starts
    if isinstance(starts, datetime):
        local = starts.astimezone(zone)
        day = local.date()
        when = local.strftime("%H:%M")
    else:
        day, when = starts, ""
    if day == today:
        day_text = "today"
    elif (day - today).days == 1:
        day_text = "tomorrow"
    else:
        day_text = day.strftime("%a %d %b") if isinstance(day, date) else str(day)
    verb = "due" if reminder.item_kind == "task" else "starts"
    return f"{verb} {day_text}" + (f" at {when}" if when else "")


class Toast(QFrame):
    """One reminder with Snooze and Dismiss.

    Signals:
        snoozed(str): the user put the reminder off; carries its key.
        dismissed(str): the user dismissed it for good; carries its key.
    """

    snoozed = Signal(str)
    dismissed = Signal(str)

    def __init__(
        self, reminder: Reminder, zone: ZoneInfo, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.key = reminder.key
        self.setObjectName("toast")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setAccessibleName(self.tr("Reminder: {title}").format(title=reminder.title))
        title = QLabel(f"<b>{_escape(reminder.title)}</b>")
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.RichText)
        detail = QLabel(reminder_text(reminder, zone, today))
        self.snooze_button = QPushButton(self.tr("Snooze {n} min").format(n=SNOOZE_MINUTES))
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.snooze_button.clicked.connect(lambda: self.snoozed.emit(self.key))
        self.dismiss_button.clicked.connect(lambda: self.dismissed.emit(self.key))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.snooze_button)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(detail)
        layout.addLayout(buttons)
        self.setFixedWidth(TOAST_WIDTH)


@dataclass(frozen=True)
class Notice:
    """A message to show once (a budget alert): `key` keeps it from being shown twice."""

    key: str
    title: str
    text: str


class NoticeToast(QFrame):
    """One notice with a Close button.

    Signals:
        dismissed(str): the user closed it; carries its key.
    """

    dismissed = Signal(str)

    def __init__(self, notice: Notice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = notice.key
        self.setObjectName("toast")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setAccessibleName(notice.title)
        title = QLabel(f"<b>{_escape(notice.title)}</b>")
        title.setTextFormat(Qt.TextFormat.RichText)
        self.detail = QLabel(notice.text)
        self.detail.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(lambda: self.dismissed.emit(self.key))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self.setFixedWidth(TOAST_WIDTH)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Notifier(QObject):
    """Shows reminders as toasts over `host` (and tray messages when `tray` is given).

    Signals:
        snooze_requested(str, int): snooze the reminder `key` by minutes.
        dismiss_requested(str): dismiss the reminder `key`.
        notice_shown(object): a `Notice` was shown (as a tray message or a toast).
    """

    snooze_requested = Signal(str, int)
    dismiss_requested = Signal(str)
    notice_shown = Signal(object)

    def __init__(self, host: QWidget, tray: QSystemTrayIcon | None = None) -> None:
        super().__init__(host)
        self._host = host
        self._tray = tray
        self._toasts: list[Toast | NoticeToast] = []  # on screen, at most MAX_TOASTS
        # Delivered reminders waiting for room: each is shown once one on screen goes away.
        self._waiting: list[tuple[Reminder, ZoneInfo, date] | Notice] = []
        host.installEventFilter(self)

    def toasts(self) -> list[Toast | NoticeToast]:
        return list(self._toasts)

    def waiting(self) -> int:
        """Reminders delivered but not yet on screen (more than MAX_TOASTS at once)."""
        return len(self._waiting)

    def show_reminders(self, due: DueReminders) -> None:
        """Show the reminders; none is dropped: beyond MAX_TOASTS they wait their turn."""
        zone, today, reminders = due.zone, due.today, due.reminders
        known = {t.key for t in self._toasts} | {_key(w) for w in self._waiting}
        self._waiting.extend((r, zone, today) for r in reminders if r.key not in known)
        self._show_waiting()
        if self._tray is not None and self._tray.isVisible() and reminders:
            first = reminders[0]
            more = len(reminders) - 1
            body = reminder_text(first, zone, today) + (
                self.tr(" (and {n} more)").format(n=more) if more else ""
            )
            self._tray.showMessage(first.title, body, QSystemTrayIcon.MessageIcon.Information)

    def show_notice(self, notice: Notice) -> None:
        """A tray message where a tray is shown, else a toast (one already up is not repeated)."""
        if self._tray is not None and self._tray.isVisible():
            self._tray.showMessage(
                notice.title, notice.text, QSystemTrayIcon.MessageIcon.Information
            )
        else:
            known = {t.key for t in self._toasts} | {_key(w) for w in self._waiting}
            if notice.key in known:
                return
            self._waiting.append(notice)
            self._show_waiting()
        self.notice_shown.emit(notice)

    def _on_snooze(self, key: str) -> None:
        self._remove(key)
        self.snooze_requested.emit(key, SNOOZE_MINUTES)

    def _on_dismiss(self, key: str) -> None:
        self._remove(key)
        self.dismiss_requested.emit(key)

    def _show_waiting(self) -> None:
        while self._waiting and len(self._toasts) < MAX_TOASTS:
            waiting = self._waiting.pop(0)
            toast: Toast | NoticeToast
            if isinstance(waiting, Notice):
                toast = NoticeToast(waiting, self._host)
                toast.dismissed.connect(self._remove)
            else:
                reminder, zone, today = waiting
                toast = Toast(reminder, zone, today, self._host)
                toast.snoozed.connect(self._on_snooze)
                toast.dismissed.connect(self._on_dismiss)
            self._toasts.append(toast)
            toast.show()
        self._place()

    def _remove(self, key: str) -> None:
        for toast in [t for t in self._toasts if t.key == key]:
            self._toasts.remove(toast)
            toast.hide()
            toast.deleteLater()
        self._show_waiting()

    def _place(self) -> None:
        """Stack the toasts in the host's bottom-right corner."""
        bottom = self._host.height() - MARGIN
        for toast in reversed(self._toasts):
            toast.adjustSize()
            height = toast.sizeHint().height()
            toast.setGeometry(
                self._host.width() - TOAST_WIDTH - MARGIN, bottom - height, TOAST_WIDTH, height
            )
            toast.raise_()
            bottom -= height + 8

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize:
            self._place()
        return super().eventFilter(watched, event)


def _key(waiting: tuple[Reminder, ZoneInfo, date] | Notice) -> str:
    return waiting.key if isinstance(waiting, Notice) else waiting[0].key
