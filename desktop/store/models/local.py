"""Tables that stay on this device and are never synced."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base


class AppMeta(Base):
    """Key/value facts about this device's store: device id, local user, clock."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
