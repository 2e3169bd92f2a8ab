"""Tables that stay on this device and are never synced."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base


class AppMeta(Base):
    """Key/value facts about this device's store: device id, local user, clock."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class LocalEvent(Base):
    """Something a write did that workflows may wait for ("task.created", ...).

    Written in the same transaction as the write (see `desktop.store.events`), by
    whichever process wrote (the app, the command line, sync); the running app reads
    them in id order past its cursor. Ids only grow (AUTOINCREMENT), so pruning old
    rows never hands out an id the cursor has passed. `depth` counts how many
    workflow runs led to it (0: the user or an outside source), to stop loops.
    """

    __tablename__ = "local_events"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64))
    ref: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    depth: Mapped[int] = mapped_column(SmallInteger, default=0)
    created_at: Mapped[datetime]
