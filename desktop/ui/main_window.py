"""The main window: a sidebar of panes, the selected pane, menus and a status bar.

Each pane is a real widget (see `desktop.ui.panes.registry`), built when it is first
shown; it loads its data through the task runner, never on the GUI thread. A pane
loads when it is first shown and reloads when `AppEvents.changes_applied` flags its
area (immediately if it is on screen, otherwise the next time it is shown).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

import desktop
from desktop.core.changes import Changes
from desktop.runtime.events import AppEvents
from desktop.runtime.task_runner import TaskRunner
from desktop.ui.icons import pane_icon
from desktop.ui.panes.base import Pane
from desktop.ui.panes.names import PANES, pane_affected

# Builds the real widget of a pane (bound to its context by the composition root).
BuildPane = Callable[[], Pane]

DEFAULT_SIZE = QSize(1100, 720)
SIDEBAR_WIDTH = 190


def pane_shortcut(index: int) -> str | None:
    """The portable key sequence of the pane at `index`: Ctrl+1 .. Ctrl+9, then Ctrl+0."""
    if index < 9:
        return f"Ctrl+{index + 1}"
    if index == 9:
        return "Ctrl+0"
    return None


class MainWindow(QMainWindow):
    """Atrium's main window: sidebar of panes on the left, the selected pane on the right.

    Signals:
        pane_changed(str): another pane was selected; carries its name.
        pane_loaded(str): a pane received fresh data and shows it; carries its name.
    """

    pane_changed = Signal(str)
    pane_loaded = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        events: AppEvents,
        pane_builders: Mapping[str, BuildPane],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._events = events
        # Each pane's widget is built on its first show; a pane without a builder (only
        # in tests that need one real pane) stays an empty placeholder and never loads.
        self._builders = dict(pane_builders)
        self._built: dict[str, Pane] = {}
        self._placeholders: dict[str, QWidget] = {}
        self._titles = self._pane_titles()
        self._loading: set[str] = set()  # loads in flight
        self._reload_after: set[str] = set()  # changed while their load was in flight
        self._stale: set[str] = set(PANES)  # to (re)load the next time they are shown
        self._error_pane: str | None = None  # whose failure the status bar shows
        self._shown_once: set[str] = set()  # panes that have shown data at least once

        self.setWindowTitle(self.tr("Atrium"))
        self.resize(DEFAULT_SIZE)

        self._sidebar = QListWidget()
        self._stack = QStackedWidget()
        self.setCentralWidget(self._build_panes())

        self._busy_label = QLabel(self.tr("Loading…"))
        self._busy_label.setObjectName("busyLabel")
        self._busy_label.setVisible(False)
        self.statusBar().addPermanentWidget(self._busy_label)
        self._sync_label = QLabel(self.tr("Offline · not syncing"))
        self._sync_label.setObjectName("syncLabel")
        self._sync_label.setToolTip(
            self.tr("Everything is kept on this computer; no sync server is connected.")
        )
        self.statusBar().addPermanentWidget(self._sync_label)

        self._pane_actions: dict[str, QAction] = {}
        self._build_menus()

        self._sidebar.currentRowChanged.connect(self._on_row_changed)
        self._runner.busy_changed.connect(self._on_busy_changed)
        self._runner.failed.connect(self._on_runner_failed)
        self._events.changes_applied.connect(self._on_changes_applied)
        self._sidebar.setCurrentRow(0)
        self._sidebar.setFocus()

    # -- public API --------------------------------------------------------------

    def current_pane(self) -> str:
        item = self._sidebar.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else PANES[0]

    def select_pane(self, pane: str) -> None:
        """Show `pane` (loading it if needed); unknown names are a bug."""
        self._sidebar.setCurrentRow(PANES.index(pane))

    def has_loaded(self, pane: str) -> bool:
        """Whether `pane` has shown its data at least once."""
        return pane in self._shown_once

    def pane_widget(self, pane: str) -> QWidget:
        """What the stack shows for `pane`: its real widget once built, else its placeholder."""
        if pane in self._built:
            return self._built[pane]
        return self._placeholders[pane]

    @property
    def sidebar(self) -> QListWidget:
        return self._sidebar

    @property
    def busy_label(self) -> QLabel:
        return self._busy_label

    def set_sync_state(self, text: str, detail: str = "") -> None:
        """What the status bar says about sync (the sync worker calls this)."""
        self._sync_label.setText(text)
        self._sync_label.setToolTip(detail or text)

    def sync_state(self) -> str:
        return self._sync_label.text()

    @Slot()
    def refresh(self) -> None:
        """Reload the pane on screen."""
        self._request(self.current_pane())

    def pane_titles(self) -> dict[str, str]:
        """Pane name -> its translated title."""
        return dict(self._titles)

    def file_menu(self) -> QMenu:
        return self._file_menu

    def edit_menu(self) -> QMenu:
        return self._edit_menu

    def about_text(self) -> str:
        return self.tr(
            "<h3>Atrium {version}</h3><p>A local-first personal command center for the desktop.</p>"
        ).format(version=desktop.__version__)

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Atrium"), self.about_text())

    # -- construction ------------------------------------------------------------

    def _pane_titles(self) -> dict[str, str]:
        titles = {
            "today": self.tr("Today"),
            "tasks": self.tr("Tasks"),
            "calendar": self.tr("Calendar"),
            "inbox": self.tr("Inbox"),
            "finance": self.tr("Finance"),
            "notes": self.tr("Notes"),
            "workflows": self.tr("Workflows"),
            "agents": self.tr("Agents"),
            "voice": self.tr("Voice"),
            "projects": self.tr("Projects"),
            "health": self.tr("Health"),
        }
        return {pane: titles.get(pane, pane.capitalize()) for pane in PANES}

    def _build_panes(self) -> QSplitter:
        """The sidebar listing the panes and, beside it, a stack of one placeholder per pane
        (each replaced by the pane's real widget when it is first shown)."""
        self._sidebar.setObjectName("sidebar")
        self._sidebar.setAccessibleName(self.tr("Panes"))
        self._sidebar.setMinimumWidth(140)
        self._sidebar.setSpacing(1)
        self._sidebar.setFrameShape(QFrame.Shape.NoFrame)
        self._sidebar.setStyleSheet("QListWidget#sidebar::item { padding-left: 12px; }")
        text_colour = self.palette().color(QPalette.ColorRole.WindowText).name()
        self._sidebar.setIconSize(QSize(20, 20))
        for index, pane in enumerate(PANES):
            title = self._titles[pane]
            item = QListWidgetItem(pane_icon(pane, text_colour), title)
            item.setData(Qt.ItemDataRole.UserRole, pane)
            item.setSizeHint(QSize(0, 32))
            shortcut = pane_shortcut(index)
            if shortcut is not None:
                native = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
                item.setToolTip(
                    self.tr("{title} ({shortcut})").format(title=title, shortcut=native)
                )
            self._sidebar.addItem(item)
            placeholder = QWidget()
            placeholder.setObjectName(f"placeholder_{pane}")
            self._placeholders[pane] = placeholder
            self._stack.addWidget(placeholder)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._sidebar)
        splitter.addWidget(self._stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([SIDEBAR_WIDTH, DEFAULT_SIZE.width() - SIDEBAR_WIDTH])
        return splitter

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()

        file_menu = menu_bar.addMenu(self.tr("&File"))
        self._file_menu = file_menu
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setObjectName("quitAction")
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        self._edit_menu = menu_bar.addMenu(self.tr("&Edit"))

        view_menu = menu_bar.addMenu(self.tr("&View"))
        refresh_action = QAction(self.tr("&Refresh"), self)
        refresh_action.setObjectName("refreshAction")
        refresh_action.setShortcut(QKeySequence("F5"))
        refresh_action.triggered.connect(self.refresh)
        view_menu.addAction(refresh_action)
        view_menu.addSeparator()
        group = QActionGroup(self)
        group.setExclusive(True)
        for index, pane in enumerate(PANES):
            action = QAction(self._titles[pane], self)
            action.setObjectName(f"showPane_{pane}")
            action.setCheckable(True)
            shortcut = pane_shortcut(index)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(functools.partial(self.select_pane, pane))
            group.addAction(action)
            view_menu.addAction(action)
            self._pane_actions[pane] = action
        self.addActions([refresh_action, *self._pane_actions.values(), quit_action])

        help_menu = menu_bar.addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About Atrium"), self)
        about_action.setMenuRole(QAction.MenuRole.AboutRole)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

    # -- loading -----------------------------------------------------------------

    def _request(self, pane: str) -> None:
        if pane not in self._builders:
            return  # an empty placeholder: nothing to load
        if pane in self._loading:
            self._reload_after.add(pane)
            return
        self._loading.add(pane)
        self._stale.discard(pane)
        self._ensure_built(pane).reload()

    def _ensure_built(self, pane: str) -> Pane:
        """The real widget of `pane`, built now in place of its placeholder if need be."""
        widget = self._built.get(pane)
        if widget is not None:
            return widget
        widget = self._builders[pane]()
        widget.setObjectName(f"pane_{pane}")
        widget.loaded.connect(functools.partial(self._on_pane_loaded, pane))
        widget.failed.connect(functools.partial(self._on_pane_failed, pane))
        placeholder = self._placeholders.pop(pane)
        index = self._stack.indexOf(placeholder)
        self._stack.insertWidget(index, widget)
        if self._stack.currentWidget() is placeholder:
            self._stack.setCurrentWidget(widget)
        self._stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self._built[pane] = widget
        return widget

    def _on_pane_loaded(self, pane: str) -> None:
        self._loading.discard(pane)
        if self._error_pane == pane:
            self.statusBar().clearMessage()
            self._error_pane = None
        self._shown_once.add(pane)
        self.pane_loaded.emit(pane)
        self._after_load(pane)

    def _on_pane_failed(self, pane: str, message: str) -> None:
        self._loading.discard(pane)
        self._stale.add(pane)
        self._error_pane = pane
        self.statusBar().showMessage(
            self.tr("Could not load {title}: {error}").format(
                title=self._titles[pane], error=message
            )
        )
        self._after_load(pane)

    def _after_load(self, pane: str) -> None:
        if pane not in self._reload_after:
            return
        self._reload_after.discard(pane)
        if self._on_screen(pane):
            self._request(pane)
        else:
            self._stale.add(pane)

    def _on_screen(self, pane: str) -> bool:
        return self.isVisible() and pane == self.current_pane()

    # -- reactions ---------------------------------------------------------------

    @Slot(int)
    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        pane = PANES[row]
        self._stack.setCurrentWidget(self.pane_widget(pane))
        self._pane_actions[pane].setChecked(True)
        self.pane_changed.emit(pane)
        if self.isVisible() and pane in self._stale:
            self._request(pane)

    @Slot(object, object)
    def _on_changes_applied(self, changes: Changes, initiator: object) -> None:
        for pane in PANES:
            if not pane_affected(pane, changes):
                continue
            if pane in self._loading:
                self._reload_after.add(pane)
            elif self._on_screen(pane):
                self._request(pane)
            else:
                self._stale.add(pane)

    @Slot(int)
    def _on_busy_changed(self, busy: int) -> None:
        self._busy_label.setText(
            self.tr("Working…") if busy == 1 else self.tr("Working… ({n} jobs)").format(n=busy)
        )
        self._busy_label.setVisible(busy > 0)

    @Slot(str)
    def _on_runner_failed(self, message: str) -> None:
        self._error_pane = None
        self.statusBar().showMessage(self.tr("Error: {message}").format(message=message))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light <-> dark: redraw the icons
            colour = self.palette().color(QPalette.ColorRole.WindowText).name()
            for row, pane in enumerate(PANES):
                self._sidebar.item(row).setIcon(pane_icon(pane, colour))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        pane = self.current_pane()
        if pane in self._stale and pane not in self._loading:
            self._request(pane)
