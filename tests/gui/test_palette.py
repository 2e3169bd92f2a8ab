"""The command palette and running actions from it: ranking, keyboard, arguments, results."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.services.actions.registry import Action, default_catalog
from desktop.services.container import Services
from desktop.services.tasks import TaskDraft
from desktop.ui.action_form import ActionForm
from desktop.ui.main_window import MainWindow
from desktop.ui.palette import PaletteEntry, rank
from desktop.ui.panes.base import PaneContext
from desktop.ui.result_view import rows_of
from desktop.ui.shell import Shell

pytestmark = pytest.mark.gui

ENTRIES = [
    PaletteEntry("pane", "tasks", "Tasks"),
    PaletteEntry("pane", "notes", "Notes"),
    PaletteEntry("action", "add_task", "Add a task"),
    PaletteEntry("action", "list_tasks", "List tasks"),
    PaletteEntry("action", "add_note", "Add a note"),
    PaletteEntry("action", "month_summary", "Income, spending and budgets of a month"),
]


def keys(entries: list[PaletteEntry]) -> list[str]:
    return [e.key for e in entries]


def test_rank_prefers_prefixes_then_word_starts_then_fuzzy() -> None:
    assert keys(rank(ENTRIES, "add"))[:2] == ["add_task", "add_note"]
    assert keys(rank(ENTRIES, "note"))[0] == "notes"
    assert keys(rank(ENTRIES, "spend"))[0] == "month_summary"
    assert "add_task" in keys(rank(ENTRIES, "ad tsk"))  # a typo still finds it
    assert rank(ENTRIES, "zzzzqqq") == []


def test_rank_with_no_query_lists_recent_choices_then_panes() -> None:
    ranked = keys(rank(ENTRIES, "", recent=["month_summary"]))
    assert ranked[0] == "month_summary"
    assert ranked[1:3] == ["tasks", "notes"]


@pytest.fixture
def shell(main_window: MainWindow, pane_ctx: PaneContext) -> Shell:
    return Shell(main_window, pane_ctx)


def test_every_action_and_pane_is_in_the_palette(shell: Shell) -> None:
    shown = shell.palette.shown_entries()
    assert {e.key for e in shown if e.kind == "action"} == set(default_catalog().names())
    assert [e.key for e in shown if e.kind == "pane"][:2] == ["today", "tasks"]


def test_ctrl_k_then_typing_and_enter_goes_to_a_pane(qtbot: QtBot, shell: Shell) -> None:
    QTest.keyClick(shell.window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(shell.palette.isVisible)
    QTest.keyClicks(shell.palette.query, "finan")
    assert shell.palette.shown_entries()[0].key == "finance"

    QTest.keyClick(shell.palette.query, Qt.Key.Key_Return)

    assert not shell.palette.isVisible()
    assert shell.window.current_pane() == "finance"


def test_arrow_keys_move_through_the_matches(qtbot: QtBot, shell: Shell) -> None:
    chosen: list[PaletteEntry] = []
    shell.palette.chosen.disconnect()
    shell.palette.chosen.connect(chosen.append)
    shell.open_palette()
    QTest.keyClicks(shell.palette.query, "add")
    QTest.keyClick(shell.palette.query, Qt.Key.Key_Down)
    QTest.keyClick(shell.palette.query, Qt.Key.Key_Return)

    assert chosen == [rank(shell.palette.entries(), "add")[1]]


def test_an_action_with_parameters_asks_for_them_and_runs(
    qtbot: QtBot, shell: Shell, services: Services
) -> None:
    asked: list[str] = []

    def ask(action: Action, parent: Any) -> dict[str, Any]:
        asked.append(action.name)
        return {"title": "From the palette", "priority": "high"}

    shell.ask_arguments = ask
    with qtbot.waitSignal(shell.action_done):
        shell.run_action("add_task")

    assert asked == ["add_task"]
    assert [t.title for t in services.tasks.list()] == ["From the palette"]
    assert "Done: Add a task" in shell.window.statusBar().currentMessage()


def test_a_read_action_shows_its_result(qtbot: QtBot, shell: Shell, services: Services) -> None:
    shown: list[tuple[str, Any]] = []
    shell.show_result = lambda action, value, zone: shown.append((action.name, value))
    with qtbot.waitSignal(shell.action_done):
        shell.run_action("task_stats")
    assert shown[0][0] == "task_stats"
    assert shown[0][1].open == 0


def test_a_destructive_action_waits_for_confirmation(
    qtbot: QtBot, shell: Shell, services: Services
) -> None:
    kept = services.tasks.add(TaskDraft("Keep me")).value
    shell.confirm = lambda parent, action: False
    shell.run_action("delete_task", {"id": str(kept.id)})
    qtbot.waitUntil(lambda: shell.ctx.runner.busy_count == 0)  # a queued delete would have run
    assert [t.title for t in services.tasks.list()] == ["Keep me"]

    shell.confirm = lambda parent, action: True
    with qtbot.waitSignal(shell.action_done):
        shell.run_action("delete_task", {"id": str(kept.id)})
    assert services.tasks.list() == []


def test_an_action_error_is_shown_in_words(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.shell.show_error", lambda parent, exc, what="": shown.append(f"{what}: {exc}")
    )
    shell.run_action("add_event", {"title": "Bad", "start": "the day after never"})
    qtbot.waitUntil(lambda: bool(shown))
    assert "start: cannot read 'the day after never'" in shown[0]


def test_the_form_asks_for_each_parameter(qtbot: QtBot) -> None:
    form = ActionForm(default_catalog().get("add_event"))
    qtbot.addWidget(form)
    ok = form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # title and start are required

    title, start = form.field("title"), form.field("start")
    assert isinstance(title, QLineEdit)
    assert isinstance(start, QLineEdit)
    QTest.keyClicks(title, "Dentist")
    QTest.keyClicks(start, "tomorrow 9:00")
    attendees = form.field("attendees")
    assert isinstance(attendees, QLineEdit)
    QTest.keyClicks(attendees, "ann@example.com, bob@example.com")

    assert ok.isEnabled()
    assert form.values() == {
        "title": "Dentist",
        "start": "tomorrow 9:00",
        "attendees": ["ann@example.com", "bob@example.com"],
    }


def test_results_become_rows(services: Services) -> None:
    services.tasks.add(TaskDraft("Row one"))
    headers, rows = rows_of(services.tasks.list(), services.ctx.zone)
    assert "title" in headers
    assert rows[0][headers.index("title")] == "Row one"
    assert rows_of(3, services.ctx.zone) == (["value"], [["3"]])
