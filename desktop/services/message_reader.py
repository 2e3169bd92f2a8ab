"""Reads for the Inbox pane: one message in full (the list only carries a snippet), and the
starred or archived messages, filtered in SQL (`MessageService.list` filters neither)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from desktop.services.base import ServiceContext, get_live, live
from desktop.services.messages import MessageView, check_platform
from desktop.store.models import Message


@dataclass(frozen=True)
class MessageBody:
    """The header and both bodies of a message; `html` is raw, unsanitized mail HTML."""

    id: uuid.UUID
    platform: str
    sender: str
    sender_address: str
    recipients: tuple[str, ...]
    subject: str
    received_at: datetime
    text: str
    html: str | None
    read: bool
    starred: bool
    archived: bool


def message_body(ctx: ServiceContext, message_id: str | uuid.UUID) -> MessageBody:
    """The message `message_id` in full; NotFoundError when it does not exist."""
    with ctx.store.read() as session:
        row = get_live(session, Message, message_id, "message")
        return MessageBody(
            id=row.id,
            platform=row.platform,
            sender=row.sender,
            sender_address=row.sender_address,
            recipients=tuple(row.recipients or ()),
            subject=row.subject,
            received_at=row.received_at,
            text=row.body_text,
            html=row.body_html,
            read=row.read,
            starred=row.starred,
            archived=row.archived,
        )


def flagged_messages(
    ctx: ServiceContext, *, starred: bool = False, archived: bool = False,
    platform: str | None = None, limit: int = 500,
) -> list[MessageView]:  # fmt: skip
    """Newest first: the starred messages (archived too), or the archived ones."""
    query = select(Message).where(live(Message), Message.owner_id == ctx.store.user_id)
    if starred:
        query = query.where(Message.starred)
    if archived:
        query = query.where(Message.archived)
    if platform:
        query = query.where(Message.platform == check_platform(platform))
    query = query.order_by(Message.received_at.desc()).limit(limit)
    with ctx.store.read() as session:
        return [_list_view(row) for row in session.scalars(query)]


def _list_view(row: Message) -> MessageView:
    return MessageView(
        row.id,
        row.platform,
        row.sender,
        row.sender_address,
        row.subject,
        " ".join(row.body_text.split())[:160],
        row.received_at,
        row.read,
        row.starred,
        row.archived,
        tuple(row.labels or ()),
        row.thread_id,
    )
