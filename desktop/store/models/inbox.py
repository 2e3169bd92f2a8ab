"""Messages from every platform and the integrations that bring them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base, Synced

PLATFORMS = ("email", "slack", "teams", "sms", "other")


class Message(Synced, Base):
    """One message of the unified inbox."""

    __tablename__ = "messages"
    __table_args__ = (
        Index(None, "owner_id", "received_at"),
        Index(None, "owner_id", "platform", "external_id"),
        Index(None, "owner_id", "thread_id"),
        Index(None, "owner_id", "read", "archived", "deleted_hlc", "platform"),  # unread counts
    )

    platform: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str | None] = mapped_column(String(500))
    thread_id: Mapped[str | None] = mapped_column(String(500))
    sender: Mapped[str] = mapped_column(String(500))
    sender_address: Mapped[str] = mapped_column(String(320), default="")
    recipients: Mapped[list[str]] = mapped_column(default=list)
    subject: Mapped[str] = mapped_column(String(1000), default="")
    body_text: Mapped[str] = mapped_column(Text, default="")
    body_html: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime]
    read: Mapped[bool] = mapped_column(default=False)
    starred: Mapped[bool] = mapped_column(default=False)
    archived: Mapped[bool] = mapped_column(default=False)
    labels: Mapped[list[str]] = mapped_column(default=list)
    channel: Mapped[str | None] = mapped_column(String(200))
    integration_id: Mapped[uuid.UUID | None]


class Integration(Synced, Base):
    """A connected account. Secrets live in the OS keyring, never here."""

    __tablename__ = "integrations"
    __table_args__ = (
        CheckConstraint("state IN ('connected', 'needs_auth', 'error', 'disabled')", name="state"),
    )

    kind: Mapped[str] = mapped_column(String(32))
    account: Mapped[str] = mapped_column(String(320))
    display_name: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(16), default="disabled")
    last_sync_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    error_count: Mapped[int] = mapped_column(default=0)
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
