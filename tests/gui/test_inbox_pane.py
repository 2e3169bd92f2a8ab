"""The Inbox pane on a real store: list, reader, sanitized HTML without remote content, marks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.core.html_clean import clean_html
from desktop.services.container import Services
from desktop.services.messages import IncomingMessage
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.inbox_model import MessagesModel
from desktop.ui.panes.inbox_pane import InboxPane
from desktop.ui.panes.safe_browser import SafeBrowser

pytestmark = pytest.mark.gui

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
HTML = (
    "<html><head><style>body{background:url(https://t.example/bg.png)}</style></head>"
    '<body onload="track()"><h2>News</h2><p style="color:red">Hello <b>reader</b>.</p>'
    '<img src="https://tracker.example/pixel.gif" width="1" height="1">'
    '<a href="https://example.com/read">read more</a> '
    '<a href="file:///etc/passwd">local</a> <a href="javascript:alert(1)">js</a>'
    "<script>alert('x')</script><iframe src='https://evil.example'></iframe>"
    "<form action='https://evil.example'><input name='pw'></form></body></html>"
)


@pytest.fixture
def seeded(services: Services) -> dict[str, str]:
    ids = {}
    for key, platform, sender, subject, minutes, html in (
        ("news", "email", "News Team", "Newsletter", 10, HTML),
        ("plain", "email", "Ann", "Lunch?", 20, None),
        ("chat", "slack", "Bob", "", 30, None),
    ):
        view = services.messages.receive(
            IncomingMessage(
                platform,
                sender,
                subject,
                body_text=f"Text of {key}",
                body_html=html,
                received_at=NOW - timedelta(minutes=minutes),
                sender_address=f"{key}@example.com",
            )
        ).value
        ids[key] = str(view.id)
    services.messages.mark(ids["chat"], read=True, starred=True)
    return ids


@pytest.fixture
def window(pane_window: Callable[..., MainWindow]) -> MainWindow:
    return pane_window("inbox", InboxPane)


def open_inbox(qtbot: QtBot, window: MainWindow) -> InboxPane:
    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "inbox"):
        window.select_pane("inbox")
    pane = window.pane_widget("inbox")
    assert isinstance(pane, InboxPane)
    return pane


def column(pane: InboxPane, col: int) -> list[str]:
    return [pane.model.index(r, col).data() for r in range(pane.model.rowCount())]


def read(qtbot: QtBot, pane: InboxPane, row: int) -> None:
    """Open the message at `row` and wait for the refresh its being marked read causes."""
    message = pane.model.message_at(row)
    assert message is not None
    with qtbot.waitSignal(pane.message_shown):
        pane.table.selectRow(row)
    if not message.read:
        qtbot.waitUntil(lambda: not pane.model.index(row, 2).data(Qt.ItemDataRole.FontRole))


def test_it_lists_messages_newest_first_unread_in_bold(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str], qtmodeltester: Any
) -> None:
    pane = open_inbox(qtbot, window)

    assert column(pane, MessagesModel.SENDER) == ["News Team", "Ann", "Bob"]
    assert column(pane, MessagesModel.SOURCE) == ["Email", "Email", "Slack"]
    assert column(pane, MessagesModel.STAR) == ["", "", "★"]
    assert column(pane, MessagesModel.SUBJECT) == ["Newsletter", "Lunch?", "Text of chat"]
    assert column(pane, MessagesModel.RECEIVED) == ["10:50", "10:40", "10:30"]  # Berlin time
    bold = [pane.model.index(r, 2).data(Qt.ItemDataRole.FontRole) for r in range(3)]
    assert [bool(font and font.bold()) for font in bold] == [True, True, False]
    assert pane.count_label.text() == "2 unread"
    assert pane.subject.text() == "No message selected"
    assert not pane.star_button.isEnabled()
    qtmodeltester.check(pane.model)


def test_opening_a_plain_message_shows_its_text_and_marks_it_read(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str], services: Services
) -> None:
    pane = open_inbox(qtbot, window)
    read(qtbot, pane, 1)

    assert pane.subject.text() == "Lunch?"
    assert pane.meta.text() == "From Ann <plain@example.com> · Wed 04 Mar 2026 10:40 · Email"
    assert pane.reader.toPlainText() == "Text of plain"
    assert pane.notice.text() == ""
    assert services.messages.list(unread=True)[0].sender == "News Team"
    assert pane.count_label.text() == "1 unread"
    assert pane.table.currentIndex().row() == 1  # the selection survives the refresh


def test_html_is_sanitized_and_nothing_remote_is_loaded(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str]
) -> None:
    pane = open_inbox(qtbot, window)
    read(qtbot, pane, 0)

    assert pane.reading is not None
    assert pane.reading.safe_html == clean_html(HTML)
    shown = pane.reader.toHtml()
    for gone in ("alert", "track()", "evil.example", "file:", "javascript:", "t.example/bg"):
        assert gone not in shown
    assert "https://example.com/read" in shown
    assert "reader" in pane.reader.toPlainText()
    assert pane.notice.text() == "Remote images and active content are blocked."
    # The tracking pixel is asked for when the page is laid out, and refused.
    qtbot.waitUntil(lambda: "https://tracker.example/pixel.gif" in pane.reader.blocked)


def test_only_web_and_mail_links_are_opened(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        SafeBrowser, "open_url", staticmethod(lambda url: opened.append(url.toString()))
    )
    browser = SafeBrowser()
    qtbot.addWidget(browser)
    with qtbot.waitSignal(browser.link_refused) as refused:
        browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert refused.args == ["file:///etc/passwd"]
    browser.anchorClicked.emit(QUrl("https://example.com/x"))
    browser.anchorClicked.emit(QUrl("mailto:a@example.com"))
    assert opened == ["https://example.com/x", "mailto:a@example.com"]
    for url in ("https://example.com/a.png", "http://example.com/a.css", "file:///etc/passwd"):
        kind = int(QTextDocument.ResourceType.ImageResource.value)
        assert browser.loadResource(kind, QUrl(url)) is None
    assert browser.blocked[-3:] == [
        "https://example.com/a.png",
        "http://example.com/a.css",
        "file:///etc/passwd",
    ]


def test_star_unread_and_archive_from_buttons_and_keys(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str], services: Services
) -> None:
    pane = open_inbox(qtbot, window)
    read(qtbot, pane, 1)

    with qtbot.waitSignal(pane.loaded):
        QTest.mouseClick(pane.star_button, Qt.MouseButton.LeftButton)
    assert column(pane, MessagesModel.STAR) == ["", "★", "★"]
    assert pane.star_button.isChecked()
    pane.table.setFocus()
    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.table, Qt.Key.Key_S)
    assert column(pane, MessagesModel.STAR) == ["", "", "★"]

    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.table, Qt.Key.Key_U)
    assert not services.messages.list()[1].read

    # Archiving takes it out of the inbox and opens the next message.
    with qtbot.waitSignal(pane.message_shown):
        QTest.mouseClick(pane.archive_button, Qt.MouseButton.LeftButton)
    assert column(pane, MessagesModel.SENDER) == ["News Team", "Bob"]
    assert pane.reading is not None
    assert pane.reading.body.sender == "Bob"
    assert [m.sender for m in services.messages.list(include_archived=True) if m.archived] == [
        "Ann"
    ]


def test_views_and_sources_and_back_from_the_archive(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str], services: Services
) -> None:
    services.messages.mark(seeded["plain"], archived=True)
    pane = open_inbox(qtbot, window)
    assert column(pane, MessagesModel.SENDER) == ["News Team", "Bob"]

    with qtbot.waitSignal(pane.loaded):
        pane.source_box.setCurrentIndex(pane.source_box.findData("slack"))
    assert column(pane, MessagesModel.SENDER) == ["Bob"]
    with qtbot.waitSignal(pane.loaded):
        pane.source_box.setCurrentIndex(0)
    with qtbot.waitSignal(pane.loaded):
        pane.view_box.setCurrentIndex(pane.view_box.findData("starred"))
    assert column(pane, MessagesModel.SENDER) == ["Bob"]
    with qtbot.waitSignal(pane.loaded):
        pane.view_box.setCurrentIndex(pane.view_box.findData("unread"))
    assert column(pane, MessagesModel.SENDER) == ["News Team"]
    with qtbot.waitSignal(pane.loaded):
        pane.view_box.setCurrentIndex(pane.view_box.findData("archived"))
    assert column(pane, MessagesModel.SENDER) == ["Ann"]

    read(qtbot, pane, 0)
    assert pane.archive_button.text() == "Move to &inbox"
    pane.table.setFocus()
    with qtbot.waitSignal(pane.loaded):
        QTest.keyClick(pane.table, Qt.Key.Key_E)  # E archives, or un-archives here
    assert column(pane, MessagesModel.SENDER) == []
    assert pane.subject.text() == "No message selected"
    assert [m.sender for m in services.messages.list()] == ["News Team", "Ann", "Bob"]


def test_enter_moves_to_the_reader_and_escape_back(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, str]
) -> None:
    pane = open_inbox(qtbot, window)
    window.activateWindow()
    read(qtbot, pane, 2)
    pane.table.setFocus()
    QTest.keyClick(pane.table, Qt.Key.Key_Return)
    assert pane.reader.hasFocus()
    QTest.keyClick(pane.reader, Qt.Key.Key_Escape)
    assert pane.table.hasFocus()
