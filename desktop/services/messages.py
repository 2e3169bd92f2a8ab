"""The unified inbox: list, receive, mark messages read, starred or archived, and delete them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.core.ids import natural_id
from desktop.services.base import Outcome, ServiceContext, clean_text, get_live, live
from desktop.store.models import PLATFORMS, Message

INBOX = Changes(inbox=True)


@dataclass(frozen=True)
class MessageView:
    id: uuid.UUID
    platform: str
    sender: str
    sender_address: str
    subject: str
    snippet: str
    received_at: datetime
    read: bool
    starred: bool
    archived: bool
    labels: tuple[str, ...]
    thread_id: str | None


@dataclass
class IncomingMessage:
    """A message as a connector (or a test) hands it over."""

    platform: str
    sender: str
    subject: str = ""
    body_text: str = ""
    received_at: datetime | None = None
    external_id: str | None = None
    sender_address: str = ""
    recipients: tuple[str, ...] = ()
    thread_id: str | None = None
    body_html: str | None = None
    channel: str | None = None


def check_platform(name: str) -> str:
    if name not in PLATFORMS:
        raise UserError(f"'{name}' is not a platform; use one of {', '.join(PLATFORMS)}")
    return name


class MessageService:
    """Use cases on messages."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def receive(self, incoming: IncomingMessage) -> Outcome[MessageView]:
        """Store a message; the same external id on the same platform updates, not duplicates."""
        platform = check_platform(incoming.platform)
        with self.ctx.store.unit_of_work() as uow:
            ident = (
                natural_id(self.ctx.store.user_id, "message", platform, incoming.external_id)
                if incoming.external_id
                else None
            )
            row = uow.s.get(Message, ident) if ident else None
            if row is None:
                row = Message(id=ident, platform=platform)
                uow.s.add(row)
            row.sender = clean_text(incoming.sender, "sender", limit=500, required=True)
            row.sender_address = incoming.sender_address
            row.subject = clean_text(incoming.subject, "subject", limit=1000)
            row.body_text = incoming.body_text
            row.body_html = incoming.body_html
            row.received_at = incoming.received_at or uow.now()
            row.external_id = incoming.external_id
            row.thread_id = incoming.thread_id
            row.recipients = list(incoming.recipients)
            row.channel = incoming.channel
            uow.commit()
            return Outcome(_view(row), INBOX)

    def list(
        self,
        *,
        unread: bool = False,
        platform: str | None = None,
        include_archived: bool = False,
        limit: int | None = 200,
    ) -> list[MessageView]:
        query = select(Message).where(live(Message), Message.owner_id == self.ctx.store.user_id)
        if unread:
            query = query.where(~Message.read)
        if platform:
            query = query.where(Message.platform == check_platform(platform))
        if not include_archived:
            query = query.where(~Message.archived)
        query = query.order_by(Message.received_at.desc())
        if limit is not None:
            query = query.limit(limit)
        with self.ctx.store.read() as session:
            return [_view(row) for row in session.scalars(query)]

    def unread_by_platform(self) -> dict[str, int]:
        with self.ctx.store.read() as session:
            rows = session.execute(
                select(Message.platform, func.count())
                .where(
                    live(Message),
                    Message.owner_id == self.ctx.store.user_id,
                    ~Message.read,
                    ~Message.archived,
                )
                .group_by(Message.platform)
            ).all()
        return {platform: int(count) for platform, count in rows}

    def mark(
        self,
        message_id: str,
        *,
        read: bool | None = None,
        starred: bool | None = None,
        archived: bool | None = None,
    ) -> Outcome[MessageView]:
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, Message, message_id, "message")
            if read is not None:
                row.read = read
            if starred is not None:
                row.starred = starred
            if archived is not None:
                row.archived = archived
            uow.commit()
            return Outcome(_view(row), INBOX)

    def delete(self, message_id: str | uuid.UUID) -> Outcome[int]:
        """Delete a message (a sync tombstone, so undo and the other devices see it)."""
        with self.ctx.store.unit_of_work() as uow:
            row = get_live(uow.s, Message, message_id, "message")
            uow.tombstone(row)
            uow.commit()
            return Outcome(1, INBOX)


def _view(row: Message) -> MessageView:
    snippet = " ".join(row.body_text.split())[:160]
    return MessageView(
        row.id,
        row.platform,
        row.sender,
        row.sender_address,
        row.subject,
        snippet,
        row.received_at,
        row.read,
        row.starred,
        row.archived,
        tuple(row.labels or ()),
        row.thread_id,
    )
