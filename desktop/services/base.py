"""What every service shares: the context, the outcome of a write, lookups."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Generic, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from desktop.core.changes import Changes
from desktop.core.errors import NotFoundError, UserError
from desktop.core.ids import parse_id
from desktop.store.changeset import ChangeSet
from desktop.store.models import Synced, User
from desktop.store.profile import Store

T = TypeVar("T")
M = TypeVar("M", bound=Synced)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """The result of a write: its value, the areas it changed and (when recorded) how to undo it."""

    value: T
    changes: Changes
    undo: ChangeSet | None = None


class ServiceContext:
    """The store plus the user's time zone, shared by every service."""

    def __init__(self, store: Store, zone_override: str | None = None) -> None:
        self.store = store
        self._zone_override = zone_override
        self._zone: ZoneInfo | None = None

    @property
    def zone(self) -> ZoneInfo:
        """The user's zone: the override (e.g. TZ), else the profile's, else UTC."""
        if self._zone is None:
            self._zone = self._resolve_zone()
        return self._zone

    def forget_zone(self) -> None:
        """Resolve the zone again on next use (after the profile's zone changed)."""
        self._zone = None

    def now(self) -> datetime:
        return self.store.now()

    def today(self) -> date:
        return self.now().astimezone(self.zone).date()

    def _resolve_zone(self) -> ZoneInfo:
        for name in (self._zone_override, self._profile_zone()):
            zone = zone_or_none(name)
            if zone is not None:
                return zone
        return ZoneInfo("UTC")

    def _profile_zone(self) -> str | None:
        with self.store.read() as session:
            return session.scalar(select(User.time_zone).where(User.id == self.store.user_id))


def zone_or_none(name: str | None) -> ZoneInfo | None:
    """The zone for an IANA name (or a TZ value like ':Europe/Berlin'), else None."""
    if not name:
        return None
    cleaned = name.lstrip(":")
    if cleaned.startswith("/"):
        cleaned = cleaned.split("zoneinfo/", 1)[-1]
    try:
        return ZoneInfo(cleaned)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def env_zone() -> str | None:
    """The TZ environment variable, the first place the user's zone comes from."""
    return os.environ.get("TZ") or None


def check_zone(name: str) -> str:
    """`name` when it is a known IANA zone; a UserError otherwise."""
    if zone_or_none(name) is None or name.startswith((":", "/")):
        raise UserError(f"'{name}' is not a time zone; use an IANA name like Europe/Berlin")
    return name


def require_id(text: str | uuid.UUID, what: str) -> uuid.UUID:
    """The UUID in `text`, or a UserError naming the kind of record."""
    if isinstance(text, uuid.UUID):
        return text
    found = parse_id(text)
    if found is None:
        article = "an" if what[:1] in "aeiou" else "a"
        raise UserError(f"'{text}' is not {article} {what} id; ids look like 0192f3c4-...")
    return found


def get_live(session: Session, model: type[M], ident: str | uuid.UUID, what: str) -> M:
    """The row with that id that is not deleted, or NotFoundError."""
    row = session.get(model, require_id(ident, what))
    if row is None or row.deleted_hlc is not None:
        raise NotFoundError(f"there is no {what} with id {ident}")
    return row


def clean_text(value: str | None, field: str, *, limit: int, required: bool = False) -> str:
    """Stripped text within `limit` characters; UserError when empty but required."""
    text = (value or "").strip()
    if required and not text:
        raise UserError(f"the {field} cannot be empty")
    if len(text) > limit:
        raise UserError(f"the {field} is longer than {limit} characters")
    return text


def clean_tags(tags: list[str] | tuple[str, ...] | None) -> list[str]:
    """Tags without '#', without blanks and duplicates, in the order given."""
    result: list[str] = []
    for tag in tags or ():
        name = tag.strip().lstrip("#").strip()
        if not name:
            continue
        if any(ch.isspace() for ch in name) or len(name) > 64:
            raise UserError(f"'{tag}' is not a tag; tags are single words of at most 64 characters")
        if name.lower() not in (t.lower() for t in result):
            result.append(name)
    return result


MAX_REMINDER_MINUTES = 60 * 24 * 60


def check_reminders(minutes: list[int] | tuple[int, ...] | None) -> list[int]:
    """Reminder offsets (minutes before), each from 0 to 60 days, sorted, without repeats."""
    for value in minutes or ():
        if not 0 <= value <= MAX_REMINDER_MINUTES:
            raise UserError(
                f"a reminder must be between 0 minutes and 60 days before, not {value} minutes"
            )
    return sorted(set(minutes or ()))


def live(model: type[Synced]) -> ColumnElement[bool]:
    """The SQL condition 'not deleted' for a synced model."""
    return model.deleted_hlc.is_(None)
