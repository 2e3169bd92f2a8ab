"""Edit › Undo and Redo through a real MainWindow, Shell and PaneContext over a real store."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.services.container import Services
from desktop.ui import undo
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.notes_pane import ConfirmDeleteNote, NotesPane
from desktop.ui.shell import Shell

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def shell(pane_window: Callable[..., MainWindow], pane_ctx: PaneContext) -> Shell:
    return Shell(pane_window("notes", NotesPane), pane_ctx)


def open_notes(qtbot: QtBot, window: MainWindow) -> NotesPane:
    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "notes"):
        window.select_pane("notes")
    pane = window.pane_widget("notes")
    assert isinstance(pane, NotesPane)
    return pane


def titles(pane: NotesPane) -> list[str]:
    return [pane.model.index(r, 0).data() for r in range(pane.model.rowCount())]


def menu_texts(shell: Shell) -> list[str]:
    return [a.text() for a in shell.window.edit_menu().actions() if not a.isSeparator()]


def test_ctrl_z_takes_a_new_note_away_and_ctrl_shift_z_brings_it_back(
    qtbot: QtBot, shell: Shell, services: Services
) -> None:
    pane = open_notes(qtbot, shell.window)
    assert titles(pane) == []
    with qtbot.waitSignal(pane.loaded):
        QTest.mouseClick(pane.new_button, Qt.MouseButton.LeftButton)
    assert titles(pane) == ["Untitled note"]
    qtbot.waitUntil(lambda: shell.history.undo_action.isEnabled())
    assert menu_texts(shell)[:2] == ["&Undo Write a note", "&Redo"]
    pane.list.setFocus()

    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.list, Qt.Key.Key_Z, CTRL)
    assert titles(pane) == []
    assert services.notes.list() == []
    assert menu_texts(shell)[:2] == ["&Undo", "&Redo Write a note"]

    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.list, Qt.Key.Key_Z, CTRL | SHIFT)
    assert titles(pane) == ["Untitled note"]
    assert [n.title for n in services.notes.list()] == ["Untitled note"]
    assert menu_texts(shell)[:3] == ["&Undo Write a note", "&Redo", "Command &palette…"]


def test_an_undone_delete_comes_back_and_ctrl_y_deletes_it_again(
    qtbot: QtBot, shell: Shell, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.notes.add("Shopping", "milk and bread", ["home"])
    monkeypatch.setattr(ConfirmDeleteNote, "ask", classmethod(lambda cls, p, t: True))
    pane = open_notes(qtbot, shell.window)
    pane.list.setCurrentIndex(pane.model.index(0, 0))
    pane.list.setFocus()
    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.list, Qt.Key.Key_Delete)
    assert titles(pane) == []
    qtbot.waitUntil(lambda: shell.history.undo_action.text() == "&Undo Delete a note")

    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.list, Qt.Key.Key_Z, CTRL)
    assert titles(pane) == ["Shopping"]
    assert [h.title for h in services.search.search("bread")] == ["Shopping"]

    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.list, Qt.Key.Key_Y, CTRL)
    assert titles(pane) == []
    assert services.notes.list() == []


def test_actions_from_the_shell_stack_up_and_unwind_in_order(
    qtbot: QtBot, shell: Shell, services: Services
) -> None:
    history = shell.history
    for title in ("First", "Second"):
        with qtbot.waitSignal(shell.action_done):
            shell.run_action("add_task", {"title": title})
    qtbot.waitUntil(lambda: history.stack.count() == 2)
    assert history.undo_action.text() == "&Undo Add a task"
    for expected in (["First"], []):
        with qtbot.waitSignal(history.reverted):
            history.undo_action.trigger()
        assert [t.title for t in services.tasks.list()] == expected
    assert not history.undo_action.isEnabled()
    assert history.redo_action.isEnabled()
    with qtbot.waitSignal(history.reverted):
        history.redo_action.trigger()
    assert [t.title for t in services.tasks.list()] == ["First"]


def test_a_refused_undo_is_shown_and_the_stack_stays(
    qtbot: QtBot, shell: Shell, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(undo, "show_error", lambda parent, exc, what="": shown.append(str(exc)))
    history = shell.history
    with qtbot.waitSignal(shell.action_done):
        shell.run_action("add_task", {"title": "Call Ann"})
    qtbot.waitUntil(history.undo_action.isEnabled)
    task = services.tasks.list()[0]
    services.tasks.update(task.id, title="Call Ann back")  # changed since, e.g. by sync

    with qtbot.waitSignal(history.refused):
        QTest.keyClick(shell.window, Qt.Key.Key_Z, CTRL)
    assert shown == ["the task 'Call Ann back' was changed since; cannot undo"]
    assert history.stack.index() == 1
    assert history.undo_action.isEnabled()
    assert not history.redo_action.isEnabled()
    assert [t.title for t in services.tasks.list()] == ["Call Ann back"]


def test_read_actions_do_not_go_on_the_stack(qtbot: QtBot, shell: Shell) -> None:
    shell.show_result = lambda action, value, zone: None
    with qtbot.waitSignal(shell.action_done):
        shell.run_action("list_tasks", {})
    assert shell.history.stack.count() == 0
    assert not shell.history.undo_action.isEnabled()
    assert [a.shortcuts() for a in (shell.history.undo_action, shell.history.redo_action)] == [
        [QKeySequence("Ctrl+Z")],
        [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")],
    ]
