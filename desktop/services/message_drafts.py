"""Outgoing messages: reply drafts and the outbox.

A draft is a Message of the user's own, labelled "draft", in the thread of the
message it answers; nothing leaves the machine. `queue_message` puts a message
in the outbox (label "outbox"): the inbox connectors send what is queued there
(the inbox issue), so queuing is the one "outbound" step. Both are plain rows
written in a unit of work, so the action catalog records them and they can be
undone like any write.
"""

from __future__ import annotations

import re
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.services.base import Outcome, ServiceContext, clean_text, get_live
from desktop.services.messages import INBOX, MessageView, check_platform
from desktop.services.messages import _view as message_view
from desktop.store.models import Message, User

DRAFT_LABEL = "draft"
OUTBOX_LABEL = "outbox"
ME = "me"
MAX_RECIPIENTS = 100
_ADDRESS = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_REPLY_PREFIX = re.compile(r"^\s*re\s*:", re.IGNORECASE)


def reply_subject(subject: str) -> str:
    """'Re: subject', without stacking a second 'Re:'."""
    text = subject.strip()
    return text if _REPLY_PREFIX.match(text) else f"Re: {text}".rstrip()


def draft_reply(
    ctx: ServiceContext, message_id: str | uuid.UUID, body: str
) -> Outcome[MessageView]:
    """A draft answering `message_id`: same platform and thread, to its sender."""
    text = clean_text(body, "reply", limit=1_000_000, required=True)
    with ctx.store.unit_of_work() as uow:
        original = get_live(uow.s, Message, message_id, "message")
        row = Message(
            platform=original.platform,
            thread_id=original.thread_id,
            sender=ME,
            sender_address=_own_address(uow.s, ctx),
            recipients=[original.sender_address or original.sender],
            subject=reply_subject(original.subject)[:1000],
            body_text=text,
            received_at=uow.now(),
            read=True,
            labels=[DRAFT_LABEL],
            channel=original.channel,
        )
        uow.s.add(row)
        uow.commit()
        return Outcome(message_view(row), INBOX)


def queue_message(
    ctx: ServiceContext,
    to: list[str],
    subject: str,
    body: str,
    *,
    thread: str | None = None,
    platform: str = "email",
) -> Outcome[MessageView]:
    """Put a message in the outbox, for the connector of `platform` to send."""
    check_platform(platform)
    recipients = check_recipients(to, platform)
    text = clean_text(body, "message", limit=1_000_000, required=True)
    with ctx.store.unit_of_work() as uow:
        row = Message(
            platform=platform,
            thread_id=thread or None,
            sender=ME,
            sender_address=_own_address(uow.s, ctx),
            recipients=recipients,
            subject=clean_text(subject, "subject", limit=1000),
            body_text=text,
            received_at=uow.now(),
            read=True,
            labels=[OUTBOX_LABEL],
        )
        uow.s.add(row)
        uow.commit()
        return Outcome(message_view(row), INBOX)


def check_recipients(to: list[str], platform: str) -> list[str]:
    """Stripped recipients without repeats; email ones must be addresses."""
    found: list[str] = []
    for item in to:
        for part in item.split(","):
            name = part.strip()
            if name and name.lower() not in (f.lower() for f in found):
                found.append(name)
    if not found:
        raise UserError("say who the message is for: give at least one recipient")
    if len(found) > MAX_RECIPIENTS:
        raise UserError(f"a message may go to at most {MAX_RECIPIENTS} recipients")
    if platform == "email":
        bad = [name for name in found if not _ADDRESS.match(name)]
        if bad:
            raise UserError(f"'{bad[0]}' is not an email address; write it like name@example.com")
    return found


def _own_address(session: Session, ctx: ServiceContext) -> str:
    """The profile's email address (the sender of what the user writes), else ''."""
    email = session.scalar(select(User.email).where(User.id == ctx.store.user_id))
    return email or ""
