"""Delete in the Inbox: asks first, deletes through `delete_message`; Edit › Undo undoes it.

E (and the Archive button) still archive; Delete no longer does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.services.container import Services
from desktop.services.messages import IncomingMessage
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.inbox_model import MessagesModel
from desktop.ui.panes.inbox_pane import ConfirmDeleteMessage, InboxPane
from desktop.ui.shell import Shell

pytestmark = pytest.mark.gui

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def seeded(services: Services) -> dict[str, str]:
    ids = {}
    for minutes, sender, subject in ((10, "Ann", "Lunch?"), (20, "Bob", "Invoice 42")):
        view = services.messages.receive(
            IncomingMessage(
                "email",
                sender,
                subject,
                body_text=f"Text from {sender}",
                received_at=NOW - timedelta(minutes=minutes),
            )
        ).value
        ids[sender] = str(view.id)
    return ids


@pytest.fixture
def shell(pane_window: Callable[..., MainWindow], pane_ctx: PaneContext) -> Shell:
    return Shell(pane_window("inbox", InboxPane), pane_ctx)


def open_inbox(qtbot: QtBot, window: MainWindow) -> InboxPane:
    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "inbox"):
        window.select_pane("inbox")
    pane = window.pane_widget("inbox")
    assert isinstance(pane, InboxPane)
    return pane


def senders(pane: InboxPane) -> list[str]:
    model = pane.model
    return [model.index(r, MessagesModel.SENDER).data() for r in range(model.rowCount())]


def read_first(qtbot: QtBot, pane: InboxPane) -> None:
    with qtbot.waitSignal(pane.loaded):  # opening marks it read, which reloads
        pane.table.selectRow(0)
    pane.table.setFocus()


def test_delete_asks_and_cancel_keeps_the_message(
    qtbot: QtBot,
    shell: Shell,
    services: Services,
    seeded: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def refuse(_cls: object, _parent: QWidget, subject: str) -> bool:
        asked.append(subject)
        return False

    monkeypatch.setattr(ConfirmDeleteMessage, "ask", classmethod(refuse))
    pane = open_inbox(qtbot, shell.window)
    read_first(qtbot, pane)
    QTest.keyClick(pane.table, Qt.Key.Key_Delete)
    assert asked == ["Lunch?"]
    qtbot.wait(100)
    assert senders(pane) == ["Ann", "Bob"]
    assert [m.sender for m in services.messages.list(include_archived=True)] == ["Ann", "Bob"]
    assert not any(m.archived for m in services.messages.list(include_archived=True))


def test_delete_deletes_after_yes_and_undo_brings_it_back(
    qtbot: QtBot,
    shell: Shell,
    services: Services,
    seeded: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def agree(_cls: object, _parent: QWidget, subject: str) -> bool:
        asked.append(subject)
        return True

    monkeypatch.setattr(ConfirmDeleteMessage, "ask", classmethod(agree))
    pane = open_inbox(qtbot, shell.window)
    read_first(qtbot, pane)
    with qtbot.waitSignal(pane.message_shown):  # the next message opens
        QTest.keyClick(pane.table, Qt.Key.Key_Delete)
    assert asked == ["Lunch?"]
    assert senders(pane) == ["Bob"]
    # Deleted, not archived: it is in no view at all.
    assert [m.sender for m in services.messages.list(include_archived=True)] == ["Bob"]
    qtbot.waitUntil(lambda: shell.history.undo_action.text() == "&Undo Delete a message")

    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.table, Qt.Key.Key_Z, CTRL)
    assert senders(pane) == ["Ann", "Bob"]
    [back] = [m for m in services.messages.list() if m.sender == "Ann"]
    assert (str(back.id), back.subject, back.archived) == (seeded["Ann"], "Lunch?", False)


def test_the_delete_button_asks_too_and_e_still_archives(
    qtbot: QtBot,
    shell: Shell,
    services: Services,
    seeded: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = [True]
    monkeypatch.setattr(
        ConfirmDeleteMessage, "ask", classmethod(lambda _cls, _p, _s: answers.pop(0))
    )
    pane = open_inbox(qtbot, shell.window)
    read_first(qtbot, pane)
    assert pane.delete_button.isEnabled()
    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.table, Qt.Key.Key_E)
    assert senders(pane) == ["Bob"]
    assert [m.sender for m in services.messages.list(include_archived=True) if m.archived] == [
        "Ann"
    ]
    assert answers == [True]  # archiving asked nothing

    pane.table.selectRow(0)
    qtbot.waitUntil(lambda: pane.reading is not None and pane.reading.body.sender == "Bob")
    with qtbot.waitSignal(pane.loaded):
        QTest.mouseClick(pane.delete_button, Qt.MouseButton.LeftButton)
    assert answers == []
    assert senders(pane) == []
    assert not pane.delete_button.isEnabled()  # nothing left to delete
    assert [m.sender for m in services.messages.list(include_archived=True)] == ["Ann"]
