"""Atrium beyond its window: quick add, the tray, reminders on screen, closing to the tray.

`Presence` wires these to the main window: File › Quick add… (Ctrl+N), the tray
(where the desktop has one), the reminder job's deliveries as toasts (and tray
messages) with snooze and dismiss through the catalog, the finance job's budget
alerts (a tray message, else a toast), and "keep running in the tray when the
window closes" (only when a tray icon is actually shown).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication

from desktop.runtime.finance_job import FinanceJob
from desktop.runtime.reminder_job import JOB_NAME, DueReminders, ReminderJob
from desktop.runtime.scheduler import JobScheduler
from desktop.runtime.workflow_triggers import WorkflowTriggers
from desktop.ui.main_window import MainWindow
from desktop.ui.notifications import Notice, Notifier
from desktop.ui.panes.base import PaneContext
from desktop.ui.quick_add import QuickAddDialog
from desktop.ui.tray import Tray, tray_available

if TYPE_CHECKING:
    from desktop.services.finance_alerts import BudgetNotice

log = logging.getLogger("desktop.ui")

# The tray reads the next events; it waits so that the first pane loads first.
TRAY_DELAY_MS = 1500


class Presence(QObject):
    """Quick add, tray, reminders and close-to-tray for one main window."""

    def __init__(
        self,
        window: MainWindow,
        ctx: PaneContext,
        icon: QIcon,
        *,
        close_to_tray: bool = False,
        notifications: bool = True,
        with_tray: bool | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self._quick_add: QuickAddDialog | None = None  # built on first use
        self.tray = (
            Tray(ctx, icon, window)
            if (with_tray is None and tray_available()) or (with_tray)
            else None
        )
        self.notifier = Notifier(window, self.tray.icon if self.tray is not None else None)
        self.notifier.snooze_requested.connect(self._snooze)
        self.notifier.dismiss_requested.connect(self._dismiss)
        self.reminders = ReminderJob(ctx.runner, ctx.services, self.deliver)
        self.finance = FinanceJob(
            ctx.runner,
            ctx.services,
            ctx.events,
            self.deliver_alerts,
            alerts=notifications,
            parent=self,
        )
        self.workflows = WorkflowTriggers(ctx.runner, ctx.services, ctx.events, parent=self)
        self.workflows.notified.connect(self.deliver_workflow_notes)
        self.notifications = notifications
        self.close_to_tray = close_to_tray
        self._quitting = False
        self._install_menu()
        if self.tray is not None:
            self.tray.quick_add_requested.connect(self.open_quick_add)
            self.tray.open_requested.connect(self.raise_window)
            self.tray.quit_requested.connect(self.quit)
            QTimer.singleShot(TRAY_DELAY_MS, self.tray.show)  # after the first pane's load
        window.installEventFilter(self)
        self.set_close_to_tray(close_to_tray)

    # -- public API --------------------------------------------------------------

    def start_reminders(self, scheduler: JobScheduler) -> None:
        """Check reminders now (what was missed) and then on a schedule."""
        if self.notifications:
            self.reminders.install(scheduler)

    def start_finance(self, scheduler: JobScheduler) -> None:
        """Bill tasks, paid bills and budget alerts now, daily and after finance changes."""
        self.finance.install(scheduler)

    def start_workflows(self, scheduler: JobScheduler) -> None:
        """Workflow triggers: missed runs and events now, then events, clock and budgets."""
        self.workflows.install(scheduler)

    def set_notifications(self, enabled: bool, scheduler: JobScheduler) -> None:
        """Turn reminder delivery (and budget alerts) on or off (Preferences), at once."""
        if enabled == self.notifications:
            return
        self.notifications = enabled
        self.finance.alerts = enabled
        if enabled:
            self.reminders.install(scheduler)
        else:
            scheduler.remove(JOB_NAME)

    def set_close_to_tray(self, enabled: bool) -> None:
        self.close_to_tray = enabled
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(not self.keeps_running())

    def keeps_running(self) -> bool:
        """Whether closing the window leaves Atrium running in the tray."""
        return self.close_to_tray and self.tray is not None

    @property
    def quick_add(self) -> QuickAddDialog:
        if self._quick_add is None:
            self._quick_add = QuickAddDialog(self.ctx, self.window)
            self._quick_add.added.connect(self._on_added)
        return self._quick_add

    def open_quick_add(self, text: str = "") -> None:
        self.quick_add.open_with(text)

    def raise_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def deliver(self, due: DueReminders) -> None:
        self.notifier.show_reminders(due)

    def deliver_alerts(self, alerts: tuple[BudgetNotice, ...]) -> None:
        for alert in alerts:
            self.notifier.show_notice(Notice(alert.key, self.tr("Budget alert"), alert.text))

    def deliver_workflow_notes(self, notes: list[tuple[str, str, str]]) -> None:
        """Show what workflows' notify steps said: (key, workflow name, text) each."""
        for key, name, text in notes:
            self.notifier.show_notice(Notice(key, name, text))

    def quit(self) -> None:
        self._quitting = True
        self.window.close()
        QApplication.quit()

    # -- helpers -----------------------------------------------------------------

    def _install_menu(self) -> None:
        action = QAction(self.tr("&Quick add…"), self.window)
        action.setObjectName("quickAddAction")
        action.setShortcut(QKeySequence("Ctrl+N"))
        action.triggered.connect(lambda: self.open_quick_add())
        menu = self.window.file_menu()
        first = menu.actions()[0]  # Quit: quick add goes above it
        menu.insertAction(first, action)
        menu.insertSeparator(first)
        self.window.addAction(action)
        quit_action = self.window.findChild(QAction, "quitAction")
        if quit_action is not None:  # Quit really quits, also when closing keeps Atrium running
            quit_action.triggered.disconnect()
            quit_action.triggered.connect(self.quit)

    def _on_added(self, value: object) -> None:
        title = getattr(value, "title", "")
        self.window.statusBar().showMessage(self.tr("Added '{title}'").format(title=title), 6000)

    def _snooze(self, key: str, minutes: int) -> None:
        self.ctx.act("snooze_reminder", {"key": key, "minutes": minutes})

    def _dismiss(self, key: str) -> None:
        self.ctx.act("dismiss_reminder", {"key": key})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        closing = watched is self.window and event.type() == QEvent.Type.Close
        if closing and self.keeps_running() and not self._quitting:
            assert isinstance(event, QCloseEvent)
            event.ignore()
            self.window.hide()
            return True
        return super().eventFilter(watched, event)
