"""The shell around the main window: the command palette and running any action from it.

`Shell` fills the Edit menu (Undo and Redo, see `desktop.ui.undo`; Command palette…
Ctrl+K) and runs the chosen entry: a pane is shown; an action asks for its
parameters (when it has any), asks before anything destructive or outbound, runs
off the GUI thread through the catalog, and then shows its result (read actions)
or says it is done (the others; the panes refresh themselves from the changes it
announced).
"""

from __future__ import annotations

import logging
import uuid
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services.actions.registry import Action
from desktop.services.container import Services
from desktop.ui.action_form import ActionForm, title_of
from desktop.ui.main_window import MainWindow
from desktop.ui.messages import show_error
from desktop.ui.palette import CommandPalette, PaletteEntry
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.names import PANES
from desktop.ui.result_view import ResultView
from desktop.ui.undo import UndoHistory

log = logging.getLogger("desktop.ui")

STATUS_MS = 6000


def confirm(parent: QWidget, action: Action) -> bool:
    """Ask before an action that deletes or reaches the outside world."""
    verb = "delete something" if action.risk == "destructive" else "send something out"
    answer = QMessageBox.question(
        parent,
        parent.tr("Atrium"),
        parent.tr("'{title}' will {verb}. Go ahead?").format(title=title_of(action), verb=verb),
    )
    return answer == QMessageBox.StandardButton.Yes


class Shell(QObject):
    """The palette, and the running of actions chosen anywhere in the shell.

    Signals:
        action_done(str, object): an action ran; carries its name and its value.
    """

    action_done = Signal(str, object)

    def __init__(self, window: MainWindow, ctx: PaneContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self._palette: CommandPalette | None = None
        # Replaceable by tests: ask for arguments, confirm, show a result.
        self.ask_arguments = ActionForm.ask
        self.confirm = confirm
        self.show_result = self._show_result
        self.history = UndoHistory(window, ctx)
        self._install_menu()
        self._wired: set[str] = set()
        window.pane_loaded.connect(self._wire_pane)

    # -- public API --------------------------------------------------------------

    @property
    def palette(self) -> CommandPalette:
        """The command palette, built when first opened (listing every action builds the
        catalog, which the first pane on screen does not need)."""
        if self._palette is None:
            self._palette = CommandPalette(self._entries(), self.window)
            self._palette.chosen.connect(self.run_entry)
        return self._palette

    def open_palette(self) -> None:
        self.palette.open_fresh()

    def open_plan(self) -> None:
        from desktop.ui.dialogs.plan_dialog import open_plan  # built on first use

        open_plan(self.ctx, self.window)

    def open_free_time(self) -> None:
        """Find free time from the Calendar pane (shown first), which books the slot."""
        self.window.select_pane("calendar")
        find = getattr(self.window.pane_widget("calendar"), "find_time", None)
        if find is not None:
            find()

    def run_entry(self, entry: PaletteEntry) -> None:
        if entry.kind == "pane":
            self.window.select_pane(entry.key)
        else:
            self.run_action(entry.key)

    def run_action(self, name: str, args: dict[str, Any] | None = None) -> None:
        """Run the action `name`; ask for arguments it needs when `args` is None."""
        action = self.ctx.catalog.get(name)
        if args is None and action.params:
            args = self.ask_arguments(action, self.window)
            if args is None:
                return
        if action.risk in ("destructive", "outbound") and not self.confirm(self.window, action):
            return

        def failed(exc: Exception) -> None:
            show_error(self.window, exc)

        if action.risk == "read":
            catalog, given = self.ctx.catalog, dict(args or {})

            def read(services: Services) -> tuple[Any, ZoneInfo]:
                return catalog.call(services, name, given).value, services.ctx.zone

            def shown(result: tuple[Any, ZoneInfo]) -> None:
                self.action_done.emit(name, result[0])
                self.show_result(action, *result)

            self.ctx.read(read, shown, failed)
            return

        def done(value: Any) -> None:
            self.action_done.emit(name, value)
            self.window.statusBar().showMessage(
                self.tr("Done: {title}").format(title=title_of(action)), STATUS_MS
            )

        self.ctx.act(name, args or {}, done, failed)

    def open_item(self, kind: str, ident: str) -> None:
        """Go to an item a pane pointed at (Today's events, tasks, messages, money)."""
        if kind == "task":
            self.window.select_pane("tasks")
            pane = self.window.pane_widget("tasks")
            opener = getattr(pane, "open_task", None)
            if opener is not None:
                opener(uuid.UUID(ident))
        elif kind == "event" and "@" in ident:  # an occurrence: its own day
            self._show_calendar_day(date.fromisoformat(ident.split("@", 1)[1]))
        elif kind == "event":

            def starts(services: Services) -> date:
                start = services.calendar.get(ident).start
                zone = services.ctx.zone
                return start.astimezone(zone).date() if isinstance(start, datetime) else start

            self.ctx.read(starts, self._show_calendar_day, lambda exc: show_error(self.window, exc))
        elif kind in ("inbox", "message"):
            self.window.select_pane("inbox")
        elif kind in ("finance", "budget", "transaction"):
            self.window.select_pane("finance")
        elif kind == "note":
            self.window.select_pane("notes")
        else:
            log.warning("no way to open an item of kind %r", kind)

    # -- helpers -----------------------------------------------------------------

    def _show_calendar_day(self, day: date) -> None:
        self.window.select_pane("calendar")
        show_day = getattr(self.window.pane_widget("calendar"), "show_day", None)
        if show_day is not None:
            show_day(day)

    def _wire_pane(self, pane: str) -> None:
        """Route a pane's `open_item(kind, id)` here, once it is built."""
        widget = self.window.pane_widget(pane)
        signal = getattr(widget, "open_item", None)
        if pane in self._wired or signal is None:
            return
        signal.connect(self.open_item)
        self._wired.add(pane)

    def _entries(self) -> list[PaletteEntry]:
        titles = self.window.pane_titles()
        panes = [PaletteEntry("pane", pane, titles[pane]) for pane in PANES]
        actions = [
            PaletteEntry("action", a.name, title_of(a), a.area) for a in self.ctx.catalog.all()
        ]
        return panes + actions

    def _install_menu(self) -> None:
        menu = self.window.edit_menu()
        palette = QAction(self.tr("Command &palette…"), self.window)
        palette.setObjectName("openPaletteAction")
        palette.setShortcut(QKeySequence("Ctrl+K"))
        palette.triggered.connect(self.open_palette)
        menu.addAction(palette)
        self.window.addAction(palette)
        plan = QAction(self.tr("Plan &focus time…"), self.window)
        plan.setObjectName("planFocusAction")
        plan.setShortcut(QKeySequence("Ctrl+Shift+P"))
        plan.triggered.connect(self.open_plan)
        menu.addAction(plan)
        self.window.addAction(plan)
        find = QAction(self.tr("Find free &time…"), self.window)
        find.setObjectName("findFreeTimeAction")
        find.triggered.connect(self.open_free_time)
        menu.addAction(find)

    def _show_result(self, action: Action, value: Any, zone: ZoneInfo) -> None:
        view = ResultView(title_of(action), value, zone, self.window)
        view.setModal(False)
        view.show()
