"""The Inbox pane: the unified message list beside a reader that never loads remote content.

HTML mail is shown only after `desktop.core.html_clean.clean_html` (nh3) and in a
`SafeBrowser`, which fetches no resource at all; plain text is shown as text.
Opening an unread message marks it read; star and archive (E) go through the
`mark_message` action too. Delete (the key or the button) asks first, then deletes
the message through the `delete_message` action, which Edit › Undo takes back.
"""

from __future__ import annotations

import itertools
import uuid
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.messages import MessageView
from desktop.ui.messages import show_error
from desktop.ui.panes.base import Pane, PaneContext
from desktop.ui.panes.inbox_model import (
    InboxData,
    MessagesModel,
    Reading,
    load_inbox,
    load_reading,
    platform_name,
)
from desktop.ui.panes.pane_format import heading, local
from desktop.ui.panes.safe_browser import SafeBrowser

PLATFORMS = ("email", "slack", "teams", "sms", "other")


class ConfirmDeleteMessage:
    """The question asked before a message is deleted (tests replace `ask`)."""

    @classmethod
    def ask(cls, parent: QWidget, subject: str) -> bool:
        answer = QMessageBox.question(
            parent,
            parent.tr("Delete message"),
            parent.tr("Delete the message “{subject}”? Edit › Undo brings it back.").format(
                subject=subject or parent.tr("(no subject)")
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes


class InboxPane(Pane):
    """Messages from every source, and the one being read.

    Signals:
        message_shown(str): the reader shows a message; carries its id.
    """

    message_shown = Signal(str)
    area = "inbox"

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: InboxData | None = None
        self.reading: Reading | None = None
        self._want: str | None = None  # the id the reader should show once read

        self.view_box = QComboBox()
        self.view_box.setAccessibleName(self.tr("Show"))
        for name, text in (
            ("inbox", self.tr("Inbox")),
            ("unread", self.tr("Unread")),
            ("starred", self.tr("Starred")),
            ("archived", self.tr("Archived")),
        ):
            self.view_box.addItem(text, name)
        self.source_box = QComboBox()
        self.source_box.setAccessibleName(self.tr("Source"))
        self.source_box.addItem(self.tr("All sources"), None)
        for platform in PLATFORMS:
            self.source_box.addItem(platform_name(platform), platform)
        self.count_label = QLabel()
        self.count_label.setEnabled(False)

        self.model = MessagesModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Messages"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        # Widths from the font, not from the rows: sizing to contents would read every
        # message's cells each time the pane is shown or hidden (80 ms at 2,000 messages).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MessagesModel.SUBJECT, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        metrics = self.fontMetrics()
        for column, sample in (
            (MessagesModel.STAR, "★"),
            (MessagesModel.SOURCE, "Outlook"),
            (MessagesModel.SENDER, "Maximilian Mustermann"),
            (MessagesModel.RECEIVED, "30 Sep 2026"),
        ):
            width = max(
                metrics.horizontalAdvance(sample),
                metrics.horizontalAdvance(
                    self.model.headerData(column, Qt.Orientation.Horizontal) or ""
                ),
            )
            header.resizeSection(column, width + 24)

        self.subject = heading("", 1.3)
        self.subject.setWordWrap(True)
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel()
        self.meta.setObjectName("messageMeta")
        self.meta.setWordWrap(True)
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.star_button = QPushButton(self.tr("☆ &Star"))
        self.star_button.setAccessibleName(self.tr("Star or unstar"))
        self.star_button.setCheckable(True)
        self.unread_button = QPushButton(self.tr("Mark &unread"))
        self.unread_button.setAccessibleName(self.tr("Mark unread"))
        self.archive_button = QPushButton(self.tr("&Archive"))
        self.archive_button.setAccessibleName(self.tr("Archive or move back to the inbox"))
        self.archive_button.setToolTip(self.tr("Archive (E)"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete the message"))
        self.delete_button.setToolTip(self.tr("Delete (Del); Edit › Undo brings it back"))
        self.reader = SafeBrowser()
        self.reader.setAccessibleName(self.tr("Message"))
        self.notice = QLabel()
        self.notice.setObjectName("readerNotice")
        self.notice.setEnabled(False)

        self._build_layout()
        self.view_box.currentIndexChanged.connect(self.reload)
        self.source_box.currentIndexChanged.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.star_button.clicked.connect(self.toggle_star)
        self.unread_button.clicked.connect(self.mark_unread)
        self.archive_button.clicked.connect(self.toggle_archive)
        self.delete_button.clicked.connect(self.delete_current)
        self.table.installEventFilter(self)
        self.reader.installEventFilter(self)
        self._show_reading(None)

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(heading(self.tr("Inbox"), 1.6))
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        for text, box in ((self.tr("Sh&ow"), self.view_box), (self.tr("So&urce"), self.source_box)):
            caption = QLabel(text)
            caption.setBuddy(box)
            bar.addWidget(caption)
            bar.addWidget(box)

        actions = QHBoxLayout()
        actions.addWidget(self.star_button)
        actions.addWidget(self.unread_button)
        actions.addWidget(self.archive_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        reader_box = QWidget()
        reader_layout = QVBoxLayout(reader_box)
        reader_layout.setContentsMargins(0, 0, 0, 0)
        reader_layout.addWidget(self.subject)
        reader_layout.addWidget(self.meta)
        reader_layout.addLayout(actions)
        reader_layout.addWidget(self.reader, 1)
        reader_layout.addWidget(self.notice)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(reader_box)
        split.setSizes([560, 480])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        order = (
            self.view_box,
            self.source_box,
            self.table,
            self.star_button,
            self.unread_button,
            self.archive_button,
            self.delete_button,
            self.reader,
        )
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    # -- loading -----------------------------------------------------------------

    def reload(self, *_args: Any) -> None:
        view, platform = self.view_box.currentData(), self.source_box.currentData()
        self.fetch(lambda services: load_inbox(services, view, platform), self._show)

    def _show(self, data: InboxData) -> None:
        keep = self.current_id()
        old_row = self.model.row_of(keep)
        self.data = data
        self.model.set_messages(data.messages, data.zone, data.today)
        self.count_label.setText(self.tr("{n} unread").format(n=data.unread))
        row = self.model.row_of(keep)
        message = self.model.message_at(row)
        if message is not None:
            selection = self.table.selectionModel()
            selection.blockSignals(True)
            self.table.selectRow(row)
            selection.blockSignals(False)
            self._show_flags(message)
        elif old_row >= 0 and self.model.rowCount():
            # The message left this view (archived, read in "Unread"): read the next one.
            self.table.selectRow(min(old_row, self.model.rowCount() - 1))
        else:
            self._want = None
            self._show_reading(None)

    def current_id(self) -> str | None:
        return str(self.reading.body.id) if self.reading is not None else None

    def current_message(self) -> MessageView | None:
        return self.model.message_at(self.model.row_of(self.current_id()))

    # -- the reader --------------------------------------------------------------

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        message = self.model.message_at(current.row()) if current.isValid() else None
        if message is None:
            return
        self.open_message(message.id)

    def open_message(self, message_id: uuid.UUID | str) -> None:
        """Show the message in the reader (read off the GUI thread); mark it read."""
        ident = str(message_id)
        self._want = ident

        def show(reading: Reading) -> None:
            if not shiboken6.isValid(self) or self._want != ident:
                return  # another message was chosen meanwhile
            self._show_reading(reading)
            self.message_shown.emit(ident)
            if not reading.body.read:
                self._mark({"read": True})

        self.ctx.read(
            lambda services: load_reading(services, ident),
            show,
            lambda exc: show_error(self, exc, self.tr("Could not open the message")),
        )

    def _show_reading(self, reading: Reading | None) -> None:
        self.reading = reading
        self.reader.clear_content()
        for button in (
            self.star_button,
            self.unread_button,
            self.archive_button,
            self.delete_button,
        ):
            button.setEnabled(reading is not None)
        if reading is None:
            self.subject.setText(self.tr("No message selected"))
            self.meta.clear()
            self.notice.clear()
            return
        body = reading.body
        zone = self.data.zone if self.data is not None else None
        received = local(body.received_at, zone) if zone else body.received_at
        sender = f"{body.sender} <{body.sender_address}>" if body.sender_address else body.sender
        self.subject.setText(body.subject or self.tr("(no subject)"))
        self.meta.setText(
            self.tr("From {sender} · {when:%a %d %b %Y %H:%M} · {source}").format(
                sender=sender, when=received, source=platform_name(body.platform)
            )
        )
        if reading.safe_html is not None:
            self.reader.setHtml(reading.safe_html)
            self.notice.setText(self.tr("Remote images and active content are blocked."))
        else:
            self.reader.setPlainText(body.text)
            self.notice.clear()
        self._show_star(body.starred)
        self.archive_button.setText(
            self.tr("Move to &inbox") if body.archived else self.tr("&Archive")
        )

    def _show_flags(self, message: MessageView) -> None:
        """Bring the reader's buttons in line with the list after a refresh."""
        self._show_star(message.starred)
        self.archive_button.setText(
            self.tr("Move to &inbox") if message.archived else self.tr("&Archive")
        )

    def _show_star(self, starred: bool) -> None:
        self.star_button.setChecked(starred)
        self.star_button.setText(self.tr("★ Un&star") if starred else self.tr("☆ &Star"))

    # -- actions -----------------------------------------------------------------

    def _mark(self, flags: dict[str, bool]) -> None:
        ident = self.current_id()
        if ident is None:
            return
        self.ctx.act(
            "mark_message",
            {"id": ident, **flags},
            on_error=lambda exc: show_error(self, exc, self.tr("Could not change the message")),
            initiator=self,
        )

    def toggle_star(self) -> None:
        message = self.current_message()
        if message is not None:
            self._mark({"starred": not message.starred})

    def mark_unread(self) -> None:
        self._mark({"read": False})

    def toggle_archive(self) -> None:
        """Archive the message, or move an archived one back to the inbox."""
        message = self.current_message()
        if message is not None:
            self._mark({"archived": not message.archived})

    def delete_current(self) -> None:
        """Delete the message being read, after the user confirms (undoable)."""
        message = self.current_message()
        if message is None or not ConfirmDeleteMessage.ask(self, message.subject):
            return
        self.ctx.act(
            "delete_message",
            {"id": str(message.id)},
            on_error=lambda exc: show_error(self, exc, self.tr("Could not delete the message")),
            initiator=self,
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, plain = event.key(), event.modifiers() == Qt.KeyboardModifier.NoModifier
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.reader.setFocus()
                return True
            if watched is self.reader and key == Qt.Key.Key_Escape:
                self.table.setFocus()
                return True
            if plain and key == Qt.Key.Key_S:
                self.toggle_star()
                return True
            if plain and key == Qt.Key.Key_E:
                self.toggle_archive()  # archiving is undone from the Archived view
                return True
            if plain and key == Qt.Key.Key_Delete:
                self.delete_current()
                return True
            if plain and key == Qt.Key.Key_U:
                self.mark_unread()
                return True
        return super().eventFilter(watched, event)
