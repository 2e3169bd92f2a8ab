"""The main window: panes are built on first show, load off the GUI thread, and reload
when their area changes."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import logging
import threading
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout
from pytestqt.qtbot import QtBot

import desktop
from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.ui.main_window import BuildPane, MainWindow
from desktop.ui.panes.base import Pane, PaneContext
from desktop.ui.panes.names import PANE_AREAS, PANES, pane_affected

pytestmark = pytest.mark.gui

TITLES = [
    "Today", "Tasks", "Calendar", "Inbox", "Finance", "Notes",
    "Workflows", "Agents", "Voice", "Projects", "Health",
]  # fmt: skip


class Loads:
    """What each pane's load does: counts the loads per pane and the threads they ran on;
    a pane can fail (with an error) or wait at a gate."""

    def __init__(self) -> None:
        self.failing: dict[str, Exception] = {}
        self.gates: dict[str, threading.Event] = {}
        self.threads: list[int] = []
        self.built: Counter[str] = Counter()
        self._calls: Counter[str] = Counter()
        self._lock = threading.Lock()

    def load(self, pane: str) -> str:
        with self._lock:
            self._calls[pane] += 1
            self.threads.append(threading.get_ident())
            generation = self._calls[pane]
        gate = self.gates.get(pane)
        if gate is not None:
            gate.wait(10)
        if pane in self.failing:
            raise self.failing[pane]
        return f"{pane} load {generation}"

    def calls(self, pane: str) -> int:
        with self._lock:
            return self._calls[pane]


class ScriptedPane(Pane):
    """A real `Pane` whose reload runs `Loads.load` on the database executor and shows
    what it returned."""

    def __init__(self, ctx: PaneContext, name: str, loads: Loads) -> None:
        super().__init__(ctx)
        self.name = name
        self.loads = loads
        self.label = QLabel("")
        QVBoxLayout(self).addWidget(self.label)
        loads.built[name] += 1

    def reload(self) -> None:
        self.fetch(lambda _services: self.loads.load(self.name), self.label.setText)


@pytest.fixture
def loads() -> Loads:
    return Loads()


def _builders(
    ctx: PaneContext, loads: Loads, panes: tuple[str, ...] = PANES
) -> dict[str, BuildPane]:
    def builder(name: str) -> BuildPane:
        def build() -> Pane:
            return ScriptedPane(ctx, name, loads)

        return build

    return {name: builder(name) for name in panes}


@pytest.fixture
def window(qtbot: QtBot, pane_ctx: PaneContext, loads: Loads) -> Iterator[MainWindow]:
    window = MainWindow(pane_ctx.runner, pane_ctx.events, _builders(pane_ctx, loads))
    qtbot.addWidget(window)
    yield window
    for gate in loads.gates.values():
        gate.set()
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)


def _shown(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    return window


def _text(window: MainWindow, pane: str) -> str:
    """What the pane shows; empty while it is still a placeholder."""
    widget = window.pane_widget(pane)
    return widget.label.text() if isinstance(widget, ScriptedPane) else ""


def test_the_window_is_built_as_specified(window: MainWindow, loads: Loads) -> None:
    assert window.windowTitle() == "Atrium"
    assert (window.width(), window.height()) == (1100, 720)
    sidebar = window.sidebar
    assert [sidebar.item(i).text() for i in range(sidebar.count())] == TITLES
    assert sidebar.accessibleName() == "Panes"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]
    assert window.current_pane() == "today"
    assert sum(loads.built.values()) == 0  # nothing is built before the window is shown
    assert window.pane_widget("tasks").objectName() == "placeholder_tasks"


def test_a_pane_is_built_and_loads_only_once_shown_and_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, loads: Loads
) -> None:
    assert loads.calls("today") == 0

    _shown(qtbot, window)
    qtbot.waitUntil(lambda: _text(window, "today") == "today load 1")

    assert window.has_loaded("today")
    assert window.pane_widget("today").objectName() == "pane_today"
    assert loads.threads
    assert threading.get_ident() not in loads.threads
    assert sum(loads.calls(p) for p in PANES) == 1  # the other panes wait until shown
    assert dict(loads.built) == {"today": 1}
    assert not window.has_loaded("tasks")


def test_keyboard_shortcuts_switch_panes(qtbot: QtBot, window: MainWindow, loads: Loads) -> None:
    _shown(qtbot, window)
    qtbot.waitUntil(lambda: loads.calls("today") == 1)

    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "tasks"):
        qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)

    assert window.current_pane() == "tasks"
    assert window.sidebar.currentItem().text() == "Tasks"
    assert _text(window, "tasks") == "tasks load 1"

    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "projects"):
        qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.current_pane() == "projects"

    # Going back shows what was loaded; it neither builds nor loads again.
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_pane() == "tasks"
    assert loads.calls("tasks") == 1
    assert loads.built["tasks"] == 1
    assert threading.get_ident() not in loads.threads


def test_f5_reloads_the_pane_on_screen(qtbot: QtBot, window: MainWindow, loads: Loads) -> None:
    _shown(qtbot, window)
    qtbot.waitUntil(lambda: _text(window, "today") == "today load 1")

    qtbot.keyClick(window, Qt.Key.Key_F5)

    qtbot.waitUntil(lambda: _text(window, "today") == "today load 2")
    assert loads.calls("today") == 2


def test_changes_reload_the_pane_whose_area_changed(
    qtbot: QtBot, window: MainWindow, pane_ctx: PaneContext, loads: Loads
) -> None:
    events = pane_ctx.events
    _shown(qtbot, window)
    window.select_pane("tasks")
    qtbot.waitUntil(lambda: _text(window, "tasks") == "tasks load 1")

    events.changes_applied.emit(Changes(tasks=True), None)
    qtbot.waitUntil(lambda: _text(window, "tasks") == "tasks load 2")

    # Another area's change leaves the tasks pane alone.
    events.changes_applied.emit(Changes(calendar=True), None)
    events.changes_applied.emit(Changes(tasks=True), None)
    qtbot.waitUntil(lambda: _text(window, "tasks") == "tasks load 3")
    assert loads.calls("tasks") == 3
    assert loads.calls("calendar") == 0  # not on screen: loads when shown
    assert loads.built["calendar"] == 0


def test_a_pane_off_screen_reloads_when_shown_again(
    qtbot: QtBot, window: MainWindow, pane_ctx: PaneContext, loads: Loads
) -> None:
    _shown(qtbot, window)
    window.select_pane("tasks")
    qtbot.waitUntil(lambda: loads.calls("tasks") == 1)
    window.select_pane("today")
    qtbot.waitUntil(lambda: _text(window, "today").startswith("today load"))
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)
    today_loads = loads.calls("today")

    pane_ctx.events.changes_applied.emit(Changes(tasks=True), None)
    # "Today" shows everything, so it reloads at once; "Tasks" waits until it is shown.
    qtbot.waitUntil(lambda: loads.calls("today") == today_loads + 1)
    assert loads.calls("tasks") == 1

    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "tasks"):
        window.select_pane("tasks")
    assert loads.calls("tasks") == 2
    assert _text(window, "tasks") == "tasks load 2"


def test_a_change_during_a_load_loads_again_afterwards(
    qtbot: QtBot, window: MainWindow, pane_ctx: PaneContext, loads: Loads
) -> None:
    gate = loads.gates["today"] = threading.Event()
    _shown(qtbot, window)
    qtbot.waitUntil(lambda: loads.calls("today") == 1)

    pane_ctx.events.changes_applied.emit(Changes(notes=True), None)
    pane_ctx.events.changes_applied.emit(Changes(finance=True), None)
    gate.set()

    qtbot.waitUntil(lambda: _text(window, "today") == "today load 2")
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)
    assert loads.calls("today") == 2  # two changes during one load: one more load


def test_which_changes_concern_which_pane() -> None:
    assert pane_affected("tasks", Changes(tasks=True))
    assert not pane_affected("tasks", Changes(calendar=True))
    assert pane_affected("today", Changes(sync=True))
    assert pane_affected("health", Changes(integrations=True))
    assert not pane_affected("today", Changes())
    assert all(pane_affected(p, Changes.of(p)) for p in PANES if p not in ("today", "health"))
    assert set(PANE_AREAS) == set(PANES)


def test_a_failing_load_shows_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, loads: Loads, caplog: pytest.LogCaptureFixture
) -> None:
    loads.failing["finance"] = UserError("the ledger is locked by another program")
    _shown(qtbot, window)

    with caplog.at_level(logging.ERROR, logger="desktop.ui"):
        qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: "ledger is locked" in window.statusBar().currentMessage())

    assert window.statusBar().currentMessage() == (
        "Could not load Finance: the ledger is locked by another program"
    )
    assert not window.has_loaded("finance")
    assert any(r.name.startswith("desktop.ui") and r.exc_info for r in caplog.records)

    # Fixed and retried with F5: the pane shows its data and the message goes away.
    del loads.failing["finance"]
    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "finance"):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.statusBar().currentMessage() == ""
    assert _text(window, "finance") == "finance load 2"


def test_the_status_bar_says_working_while_jobs_run(
    qtbot: QtBot, window: MainWindow, loads: Loads
) -> None:
    gate = loads.gates["today"] = threading.Event()
    _shown(qtbot, window)

    qtbot.waitUntil(window.busy_label.isVisible)
    assert window.busy_label.text() == "Working…"
    assert _text(window, "today") == ""
    assert window.sync_state() == "Offline · not syncing"

    gate.set()
    qtbot.waitUntil(lambda: not window.busy_label.isVisible())
    assert _text(window, "today") == "today load 1"


def test_failures_of_other_jobs_show_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, pane_ctx: PaneContext, caplog: pytest.LogCaptureFixture
) -> None:
    def sync() -> None:
        raise UserError("the server refused the password")

    _shown(qtbot, window)
    with caplog.at_level(logging.ERROR, logger="desktop.runtime"):
        pane_ctx.runner.run_io(sync, lambda _: None)
        qtbot.waitUntil(lambda: "refused" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage() == "Error: the server refused the password"


def test_a_pane_without_a_builder_stays_an_empty_placeholder(
    qtbot: QtBot, pane_ctx: PaneContext, loads: Loads
) -> None:
    window = MainWindow(
        pane_ctx.runner, pane_ctx.events, _builders(pane_ctx, loads, panes=("tasks",))
    )
    qtbot.addWidget(window)
    _shown(qtbot, window)
    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "tasks"):
        window.select_pane("tasks")
    window.select_pane("notes")
    pane_ctx.events.changes_applied.emit(Changes(notes=True), None)
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)

    assert window.pane_widget("notes").objectName() == "placeholder_notes"
    assert window.pane_widget("today").objectName() == "placeholder_today"
    assert not window.has_loaded("notes")
    assert dict(loads.built) == {"tasks": 1}


def test_the_view_menu_follows_the_selected_pane(qtbot: QtBot, window: MainWindow) -> None:
    _shown(qtbot, window)
    window.select_pane("notes")
    view_menu = window.menuBar().actions()[2].menu()
    checked = [a.text() for a in view_menu.actions() if a.isCheckable() and a.isChecked()]
    assert checked == ["Notes"]
    pane_actions = [a for a in view_menu.actions() if a.isCheckable()]
    assert [a.text() for a in pane_actions] == TITLES
    assert pane_actions[0].shortcut().toString() == "Ctrl+1"
    assert pane_actions[9].shortcut().toString() == "Ctrl+0"
    assert pane_actions[10].shortcut().isEmpty()

    pane_actions[2].trigger()
    assert window.current_pane() == "calendar"


def test_about_names_the_version(window: MainWindow) -> None:
    help_menu = window.menuBar().actions()[3].menu()
    assert [a.text() for a in help_menu.actions()] == ["&About Atrium"]
    assert f"Atrium {desktop.__version__}" in window.about_text()
