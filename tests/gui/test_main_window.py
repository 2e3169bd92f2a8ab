"""The main window: panes load off the GUI thread, on first show and when their area changes."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import logging
import threading
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import desktop
from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.runtime.events import AppEvents
from desktop.runtime.task_runner import TaskRunner
from desktop.services.overview import PANES, PaneData
from desktop.ui.main_window import MainWindow, pane_affected

pytestmark = pytest.mark.gui

TITLES = [
    "Today", "Tasks", "Calendar", "Inbox", "Finance", "Notes",
    "Workflows", "Agents", "Voice", "Projects", "Health",
]  # fmt: skip


class FakeOverview:
    """A `load_pane` that behaves: a few rows per pane, or none, or an error, or waits at a gate."""

    def __init__(self) -> None:
        self.empty: set[str] = set()
        self.failing: dict[str, Exception] = {}
        self.gates: dict[str, threading.Event] = {}
        self.threads: list[int] = []
        self._calls: Counter[str] = Counter()
        self._lock = threading.Lock()

    def __call__(self, pane: str) -> PaneData:
        with self._lock:
            self._calls[pane] += 1
            self.threads.append(threading.get_ident())
            generation = self._calls[pane]
        gate = self.gates.get(pane)
        if gate is not None:
            gate.wait(10)
        if pane in self.failing:
            raise self.failing[pane]
        if pane in self.empty:
            return PaneData(pane, "All clear", ("Title",), ())
        rows = tuple((f"{pane} item {n}", f"load {generation}") for n in range(1, 4))
        return PaneData(pane, f"{len(rows)} {pane} items", ("Title", "Loaded"), rows)

    def calls(self, pane: str) -> int:
        with self._lock:
            return self._calls[pane]


@pytest.fixture
def overview() -> FakeOverview:
    return FakeOverview()


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown(wait=True)


@pytest.fixture
def events() -> AppEvents:
    return AppEvents()


@pytest.fixture
def window(
    qtbot: QtBot, runner: TaskRunner, events: AppEvents, overview: FakeOverview
) -> Iterator[MainWindow]:
    window = MainWindow(runner, events, overview)
    qtbot.addWidget(window)
    yield window
    for gate in overview.gates.values():
        gate.set()
    qtbot.waitUntil(lambda: runner.busy_count == 0)


def _shown(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    return window


def _rows(window: MainWindow, pane: str) -> list[list[str]]:
    table = window.pane_view(pane).table
    return [
        [table.topLevelItem(r).text(c) for c in range(table.columnCount())]
        for r in range(table.topLevelItemCount())
    ]


def test_the_window_is_built_as_specified(window: MainWindow) -> None:
    assert window.windowTitle() == "Atrium"
    assert (window.width(), window.height()) == (1100, 720)
    sidebar = window.sidebar
    assert [sidebar.item(i).text() for i in range(sidebar.count())] == TITLES
    assert sidebar.accessibleName() == "Panes"
    assert window.pane_view("tasks").table.accessibleName() == "Tasks list"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]
    assert window.current_pane() == "today"


def test_a_pane_loads_only_once_shown_and_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, overview: FakeOverview
) -> None:
    assert overview.calls("today") == 0  # nothing happens before the window is shown

    _shown(qtbot, window)
    qtbot.waitUntil(lambda: len(_rows(window, "today")) == 3)

    view = window.pane_view("today")
    assert view.showing_table()
    assert view.summary_text() == "3 today items"
    assert _rows(window, "today")[0] == ["today item 1", "load 1"]
    assert [window.pane_view("today").table.headerItem().text(c) for c in range(2)] == [
        "Title",
        "Loaded",
    ]
    assert overview.threads
    assert threading.get_ident() not in overview.threads
    assert sum(overview.calls(p) for p in PANES) == 1  # the other panes wait until shown


def test_keyboard_shortcuts_switch_panes(
    qtbot: QtBot, window: MainWindow, overview: FakeOverview
) -> None:
    _shown(qtbot, window)
    qtbot.waitUntil(lambda: overview.calls("today") == 1)

    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "tasks"):
        qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)

    assert window.current_pane() == "tasks"
    assert window.sidebar.currentItem().text() == "Tasks"
    assert _rows(window, "tasks")[0] == ["tasks item 1", "load 1"]

    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "projects"):
        qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.current_pane() == "projects"

    # Going back shows what was loaded; it does not load again.
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_pane() == "tasks"
    assert overview.calls("tasks") == 1
    assert threading.get_ident() not in overview.threads


def test_f5_reloads_the_pane_on_screen(
    qtbot: QtBot, window: MainWindow, overview: FakeOverview
) -> None:
    _shown(qtbot, window)
    # Wait for the first load to be on screen, not merely started in the worker.
    qtbot.waitUntil(lambda: _rows(window, "today")[:1] == [["today item 1", "load 1"]])

    qtbot.keyClick(window, Qt.Key.Key_F5)

    qtbot.waitUntil(lambda: _rows(window, "today")[:1] == [["today item 1", "load 2"]])
    assert overview.calls("today") == 2


def test_changes_reload_the_pane_whose_area_changed(
    qtbot: QtBot, window: MainWindow, events: AppEvents, overview: FakeOverview
) -> None:
    _shown(qtbot, window)
    window.select_pane("tasks")
    qtbot.waitUntil(lambda: _rows(window, "tasks")[:1] == [["tasks item 1", "load 1"]])

    events.changes_applied.emit(Changes(tasks=True), None)
    qtbot.waitUntil(lambda: _rows(window, "tasks")[:1] == [["tasks item 1", "load 2"]])

    # Another area's change leaves the tasks pane alone.
    events.changes_applied.emit(Changes(calendar=True), None)
    events.changes_applied.emit(Changes(tasks=True), None)
    qtbot.waitUntil(lambda: overview.calls("tasks") == 3)
    qtbot.waitUntil(lambda: window.pane_view("tasks").table.topLevelItem(0).text(1) == "load 3")
    assert overview.calls("tasks") == 3
    assert overview.calls("calendar") == 0  # not on screen: loads when shown


def test_a_pane_off_screen_reloads_when_shown_again(
    qtbot: QtBot, window: MainWindow, events: AppEvents, overview: FakeOverview
) -> None:
    _shown(qtbot, window)
    window.select_pane("tasks")
    qtbot.waitUntil(lambda: overview.calls("tasks") == 1)
    window.select_pane("today")
    qtbot.waitUntil(lambda: len(_rows(window, "today")) == 3)
    today_loads = overview.calls("today")

    events.changes_applied.emit(Changes(tasks=True), None)
    # "Today" shows everything, so it reloads at once; "Tasks" waits until it is shown.
    qtbot.waitUntil(lambda: overview.calls("today") == today_loads + 1)
    assert overview.calls("tasks") == 1

    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "tasks"):
        window.select_pane("tasks")
    assert overview.calls("tasks") == 2
    assert _rows(window, "tasks")[0] == ["tasks item 1", "load 2"]


def test_a_change_during_a_load_loads_again_afterwards(
    qtbot: QtBot, window: MainWindow, events: AppEvents, overview: FakeOverview
) -> None:
    gate = overview.gates["today"] = threading.Event()
    _shown(qtbot, window)
    qtbot.waitUntil(lambda: overview.calls("today") == 1)

    events.changes_applied.emit(Changes(notes=True), None)
    events.changes_applied.emit(Changes(finance=True), None)
    gate.set()

    qtbot.waitUntil(lambda: _rows(window, "today")[:1] == [["today item 1", "load 2"]])
    assert overview.calls("today") == 2  # two changes during one load: one more load


def test_which_changes_concern_which_pane() -> None:
    assert pane_affected("tasks", Changes(tasks=True))
    assert not pane_affected("tasks", Changes(calendar=True))
    assert pane_affected("today", Changes(sync=True))
    assert pane_affected("health", Changes(integrations=True))
    assert not pane_affected("today", Changes())
    assert all(pane_affected(p, Changes.of(p)) for p in PANES if p not in ("today", "health"))


def test_an_empty_pane_says_so(qtbot: QtBot, window: MainWindow, overview: FakeOverview) -> None:
    overview.empty.add("inbox")
    _shown(qtbot, window)

    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "inbox"):
        qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)

    view = window.pane_view("inbox")
    assert not view.showing_table()
    assert view.message_text() == "Nothing here yet"
    assert view.summary_text() == "All clear"


def test_a_failing_load_shows_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, overview: FakeOverview, caplog: pytest.LogCaptureFixture
) -> None:
    overview.failing["finance"] = UserError("the ledger is locked by another program")
    _shown(qtbot, window)

    with caplog.at_level(logging.ERROR, logger="desktop.ui"):
        qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: "ledger is locked" in window.statusBar().currentMessage())

    assert window.statusBar().currentMessage() == (
        "Could not load Finance: the ledger is locked by another program"
    )
    assert "could not be loaded" in window.pane_view("finance").message_text()
    assert any(r.name == "desktop.ui" and r.exc_info for r in caplog.records)

    # Fixed and retried with F5: the pane shows its rows and the message goes away.
    del overview.failing["finance"]
    with qtbot.waitSignal(window.pane_loaded):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.statusBar().currentMessage() == ""
    assert window.pane_view("finance").showing_table()


def test_the_status_bar_says_working_while_jobs_run(
    qtbot: QtBot, window: MainWindow, overview: FakeOverview
) -> None:
    gate = overview.gates["today"] = threading.Event()
    _shown(qtbot, window)

    qtbot.waitUntil(window.busy_label.isVisible)
    assert window.busy_label.text() == "Working…"
    assert window.pane_view("today").message_text() == "Loading…"
    assert window.sync_state() == "Offline · not syncing"

    gate.set()
    qtbot.waitUntil(lambda: not window.busy_label.isVisible())
    assert window.pane_view("today").showing_table()


def test_failures_of_other_jobs_show_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    def sync() -> None:
        raise UserError("the server refused the password")

    _shown(qtbot, window)
    with caplog.at_level(logging.ERROR, logger="desktop.runtime"):
        runner.run_io(sync, lambda _: None)
        qtbot.waitUntil(lambda: "refused" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage() == "Error: the server refused the password"


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
