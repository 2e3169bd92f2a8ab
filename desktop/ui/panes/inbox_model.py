"""The Inbox pane's data (read in one job) and its message list model."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.core.html_clean import clean_html
from desktop.services.container import Services
from desktop.services.message_reader import MessageBody, flagged_messages, message_body
from desktop.services.messages import MessageView
from desktop.ui.panes.pane_format import short_received, tr

LIST_LIMIT = 500
VIEWS = ("inbox", "unread", "starred", "archived")
PLATFORM_NAMES = {"email": "Email", "slack": "Slack", "teams": "Teams", "sms": "SMS"}
AnyIndex = QModelIndex | QPersistentModelIndex


def platform_name(platform: str) -> str:
    return PLATFORM_NAMES.get(platform, platform.capitalize())


@dataclass(frozen=True)
class InboxData:
    """One view of the inbox: its messages, newest first, and the unread count."""

    today: date
    zone: ZoneInfo
    messages: tuple[MessageView, ...]
    unread: int


@dataclass(frozen=True)
class Reading:
    """A message to read: its header and text, and its HTML already sanitized (or None)."""

    body: MessageBody
    safe_html: str | None


def load_inbox(services: Services, view: str, platform: str | None) -> InboxData:
    """The messages of `view` (inbox, unread, starred, archived), maybe of one platform."""
    if view in ("starred", "archived"):
        found = flagged_messages(
            services.ctx,
            starred=view == "starred",
            archived=view == "archived",
            platform=platform,
            limit=LIST_LIMIT,
        )
    else:
        found = services.messages.list(unread=view == "unread", platform=platform, limit=LIST_LIMIT)
    unread = sum(services.messages.unread_by_platform().values())
    return InboxData(services.ctx.today(), services.ctx.zone, tuple(found), unread)


def load_reading(services: Services, message_id: str) -> Reading:
    """The message in full; its HTML passes through the sanitizer here, off the GUI thread."""
    body = message_body(services.ctx, message_id)
    return Reading(body, clean_html(body.html) if body.html else None)


class MessagesModel(QAbstractTableModel):
    """Messages as rows: star, source, sender, subject, time; unread ones in bold.

    Signals:
        None (the standard model signals only).
    """

    COLUMNS = ("★", "Source", "From", "Subject", "Received")
    STAR, SOURCE, SENDER, SUBJECT, RECEIVED = range(5)

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[MessageView] = []
        self._today = date.min
        self._zone = ZoneInfo("UTC")

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(self.COLUMNS[section]) if section else self.COLUMNS[0]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.STAR:
            return tr("Starred")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        message, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                "★" if message.starred else "",
                platform_name(message.platform),
                message.sender,
                message.subject or message.snippet,
                short_received(message.received_at, self._zone, self._today),
            )[column]
        if role == Qt.ItemDataRole.FontRole and not message.read:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == self.SUBJECT:
            return message.snippet or None
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.STAR:
            return tr("Starred") if message.starred else tr("Not starred")
        if role == Qt.ItemDataRole.UserRole:
            return str(message.id)
        return None

    def set_messages(self, rows: Sequence[MessageView], zone: ZoneInfo, today: date) -> None:
        self.beginResetModel()
        self._rows, self._zone, self._today = list(rows), zone, today
        self.endResetModel()

    def message_at(self, row: int) -> MessageView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, message_id: uuid.UUID | str | None) -> int:
        for row, message in enumerate(self._rows):
            if str(message.id) == str(message_id):
                return row
        return -1
