"""The user profile and the projects tasks belong to."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base, Synced


class User(Synced, Base):
    """A person: profile and preferences. `owner_id` is the user's own id."""

    __tablename__ = "users"

    display_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    time_zone: Mapped[str] = mapped_column(String(64))
    locale: Mapped[str] = mapped_column(String(35), default="en_US")
    preferences: Mapped[dict[str, Any]] = mapped_column(default=dict)


class DevProject(Synced, Base):
    """A project (often a code repository) that tasks and notes can belong to."""

    __tablename__ = "dev_projects"

    name: Mapped[str] = mapped_column(String(200))
    repository_url: Mapped[str | None] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="active")
    color: Mapped[str | None] = mapped_column(String(9))
    links: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    integration_id: Mapped[uuid.UUID | None]
