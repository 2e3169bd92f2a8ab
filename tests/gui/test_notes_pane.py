"""The Notes pane on a real store: list, search, tags, edit with preview, save, create, delete."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.services.container import Services
from desktop.ui.main_window import MainWindow
from desktop.ui.panes import notes_pane
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.notes_model import NotesModel, parse_tags
from desktop.ui.panes.notes_pane import ConfirmDeleteNote, NotesPane
from tests.conftest import FakeClock

pytestmark = pytest.mark.gui


@pytest.fixture
def seeded(services: Services, clock: FakeClock) -> dict[str, str]:
    shop = services.notes.add("Shopping", "- milk\n- bread", ["home"]).value
    clock.advance(minutes=1)
    plan = services.notes.add("Project plan", "# Goals\n\nShip **it**.", ["work", "ideas"]).value
    clock.advance(minutes=1)
    pinned = services.notes.add("Pinned memo", "Remember the milk", ["home"]).value
    services.notes.update(pinned.id, pinned=True)
    return {"shop": str(shop.id), "plan": str(plan.id), "pinned": str(pinned.id)}


@pytest.fixture
def window(pane_window: Callable[..., MainWindow]) -> MainWindow:
    return pane_window("notes", NotesPane)


def open_notes(qtbot: QtBot, window: MainWindow) -> NotesPane:
    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "notes"):
        window.select_pane("notes")
    pane = window.pane_widget("notes")
    assert isinstance(pane, NotesPane)
    pane.autosave_timer.setInterval(30)
    return pane


def titles(pane: NotesPane) -> list[str]:
    return [pane.model.index(r, 0).data() for r in range(pane.model.rowCount())]


def select(pane: NotesPane, title: str) -> None:
    row = titles(pane).index(title)
    pane.list.setCurrentIndex(pane.model.index(row, 0))


def test_it_lists_notes_pinned_first_and_opens_the_first(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str], qtmodeltester: object
) -> None:
    pane = open_notes(qtbot, window)

    assert titles(pane) == ["★ Pinned memo", "Project plan", "Shopping"]
    assert pane.model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert pane.count_label.text() == "3 notes"
    assert [pane.tag_filter.itemText(i) for i in range(pane.tag_filter.count())] == [
        "All tags",
        "#home",
        "#ideas",
        "#work",
    ]
    assert pane.title_edit.text() == "Pinned memo"
    assert pane.list.currentIndex().row() == 0
    qtmodeltester.check(pane.model)  # type: ignore[attr-defined]


def test_search_as_you_type_and_the_tag_filter(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str]
) -> None:
    pane = open_notes(qtbot, window)

    QTest.keyClicks(pane.search, "milk")
    assert titles(pane) == ["★ Pinned memo", "Shopping"]
    QTest.keyClicks(pane.search, " bread")
    assert titles(pane) == ["Shopping"]
    assert pane.count_label.text() == "1 of 3 notes"
    QTest.keyClick(pane.search, Qt.Key.Key_Escape)
    assert pane.search.text() == ""
    assert len(titles(pane)) == 3

    pane.tag_filter.setCurrentIndex(pane.tag_filter.findData("work"))
    assert titles(pane) == ["Project plan"]
    QTest.keyClicks(pane.search, "nothing-like-this")
    assert titles(pane) == []


def test_the_editor_shows_markdown_rendered_without_remote_content(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str], services: Services
) -> None:
    services.notes.update(
        seeded["plan"], body="# Goals\n\n![pixel](https://tracker.example/p.png) Ship **it**."
    )
    pane = open_notes(qtbot, window)
    pane.autosave_timer.setInterval(60_000)
    select(pane, "Project plan")

    assert pane.title_edit.text() == "Project plan"
    assert pane.tags_edit.text() == "#work #ideas"
    assert "# Goals" in pane.body_edit.toPlainText()
    preview = pane.preview.toPlainText()
    assert preview.startswith("Goals")  # rendered, not the Markdown source
    assert "**" not in preview
    qtbot.waitUntil(lambda: "https://tracker.example/p.png" in pane.preview.blocked)

    pane.body_edit.moveCursor(pane.body_edit.textCursor().MoveOperation.End)
    QTest.keyClick(pane.body_edit, Qt.Key.Key_Return)
    QTest.keyClicks(pane.body_edit, "## Later")
    assert "Later" in pane.preview.toPlainText()
    assert "##" not in pane.preview.toPlainText()


def test_ctrl_s_saves_the_title_text_and_tags(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str], services: Services
) -> None:
    pane = open_notes(qtbot, window)
    pane.autosave_timer.setInterval(60_000)  # only the shortcut saves here
    select(pane, "Shopping")

    pane.title_edit.selectAll()
    QTest.keyClicks(pane.title_edit, "Groceries")
    pane.tags_edit.selectAll()
    QTest.keyClicks(pane.tags_edit, "#home, #errands")
    pane.body_edit.moveCursor(pane.body_edit.textCursor().MoveOperation.End)
    QTest.keyClick(pane.body_edit, Qt.Key.Key_Return)
    QTest.keyClicks(pane.body_edit, "- eggs")
    assert pane.status.text() == "Unsaved changes"

    with qtbot.waitSignal(pane.saved):
        QTest.keyClick(pane.body_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = services.notes.get(seeded["shop"])
    assert stored.title == "Groceries"
    assert stored.body == "- milk\n- bread\n- eggs"
    assert stored.tags == ("home", "errands")
    qtbot.waitUntil(lambda: "Groceries" in titles(pane))
    assert pane.status.text() == "Saved"
    assert not pane.dirty


def test_edits_are_saved_after_a_pause(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str], services: Services
) -> None:
    pane = open_notes(qtbot, window)
    select(pane, "Project plan")
    with qtbot.waitSignal(pane.saved, timeout=3000):
        QTest.keyClicks(pane.body_edit, "Draft: ")
    assert services.notes.get(seeded["plan"]).body.startswith("Draft: ")


def test_switching_notes_saves_the_one_left(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str], services: Services
) -> None:
    pane = open_notes(qtbot, window)
    pane.autosave_timer.setInterval(60_000)
    select(pane, "Shopping")
    QTest.keyClicks(pane.body_edit, "Butter ")
    with qtbot.waitSignal(pane.saved):
        select(pane, "Project plan")
    assert pane.title_edit.text() == "Project plan"
    assert services.notes.get(seeded["shop"]).body.startswith("Butter ")


def test_a_reload_does_not_overwrite_unsaved_edits(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str], pane_ctx: PaneContext
) -> None:
    pane = open_notes(qtbot, window)
    pane.autosave_timer.setInterval(60_000)
    QTest.keyClicks(pane.body_edit, "typing... ")
    with qtbot.waitSignal(pane.loaded):
        pane_ctx.act("add_note", {"title": "From elsewhere"})
    assert "From elsewhere" in titles(pane)
    assert pane.body_edit.toPlainText().startswith("typing... ")
    assert pane.dirty
    assert pane.title_edit.text() == "Pinned memo"


def test_a_new_note_opens_ready_for_its_title(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    pane = open_notes(qtbot, window)
    assert titles(pane) == []
    assert not pane.title_edit.isEnabled()

    with qtbot.waitSignal(pane.loaded):
        QTest.mouseClick(pane.new_button, Qt.MouseButton.LeftButton)
    assert titles(pane) == ["Untitled note"]
    assert pane.title_edit.text() == "Untitled note"
    assert pane.title_edit.isEnabled()
    qtbot.waitUntil(lambda: pane.title_edit.selectedText() == "Untitled note")
    with qtbot.waitSignal(pane.saved):
        QTest.keyClicks(pane.title_edit, "Ideas")
    assert [n.title for n in services.notes.list()] == ["Ideas"]


def test_a_blank_title_is_not_saved_and_ctrl_s_says_why(
    qtbot: QtBot,
    window: MainWindow,
    seeded: dict[str, str],
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(notes_pane, "show_error", lambda p, exc, what="": shown.append(str(exc)))
    pane = open_notes(qtbot, window)
    pane.title_edit.selectAll()
    QTest.keyClick(pane.title_edit, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: pane.status.text() == "Not saved: a note needs a title")
    assert shown == []  # the autosave only says so in the status line
    QTest.keyClick(pane.title_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert shown == ["A note needs a title; type one first."]
    assert services.notes.get(seeded["pinned"]).title == "Pinned memo"


def test_delete_asks_first_and_then_opens_the_next_note(
    qtbot: QtBot,
    window: MainWindow,
    seeded: dict[str, str],
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers: list[bool] = [False, True]
    asked: list[str] = []

    def ask(parent: object, title: str) -> bool:
        asked.append(title)
        return answers.pop(0)

    monkeypatch.setattr(ConfirmDeleteNote, "ask", classmethod(lambda cls, p, t: ask(p, t)))
    pane = open_notes(qtbot, window)
    select(pane, "Project plan")
    pane.list.setFocus()

    QTest.keyClick(pane.list, Qt.Key.Key_Delete)  # answered No
    assert asked == ["Project plan"]
    assert len(services.notes.list()) == 3

    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.list, Qt.Key.Key_Delete)
    assert asked == ["Project plan", "Project plan"]
    assert titles(pane) == ["★ Pinned memo", "Shopping"]
    assert pane.title_edit.text() == "Shopping"
    assert pane.list.currentIndex().row() == 1


def test_keyboard_moves_between_list_and_editor(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str]
) -> None:
    pane = open_notes(qtbot, window)
    pane.search.setFocus()
    QTest.keyClick(pane.search, Qt.Key.Key_Down)
    assert pane.list.hasFocus()
    QTest.keyClick(pane.list, Qt.Key.Key_Down)
    assert pane.title_edit.text() == "Project plan"
    QTest.keyClick(pane.list, Qt.Key.Key_Return)
    assert pane.body_edit.hasFocus()
    QTest.keyClick(pane.body_edit, Qt.Key.Key_Escape)
    assert pane.list.hasFocus()


def test_tags_parse_and_the_model_passes_the_model_tester(qtmodeltester: object) -> None:
    assert parse_tags("#work, ideas  #Work home,") == ["work", "ideas", "home"]
    model = NotesModel()
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_leaving_the_pane_saves_what_was_typed(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str], services: Services
) -> None:
    pane = open_notes(qtbot, window)
    pane.autosave_timer.setInterval(60_000)
    QTest.keyClicks(pane.body_edit, "Unsaved ")
    with qtbot.waitSignal(pane.saved):
        window.select_pane("today")
    assert services.notes.get(seeded["pinned"]).body.startswith("Unsaved ")
