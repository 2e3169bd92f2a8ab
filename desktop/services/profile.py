"""The user's profile: name, email, time zone, locale and preferences."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from desktop.core.changes import Changes
from desktop.core.errors import UserError
from desktop.services.base import Outcome, ServiceContext, check_zone, clean_text
from desktop.store.models import User

PROFILE = Changes(profile=True)


@dataclass(frozen=True)
class ProfileView:
    id: uuid.UUID
    display_name: str
    email: str | None
    time_zone: str
    locale: str
    preferences: dict[str, Any]


class ProfileService:
    """Read and change the local user's profile."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def get(self) -> ProfileView:
        with self.ctx.store.read() as session:
            row = session.get(User, self.ctx.store.user_id)
            assert row is not None, "the local user is created when the store opens"
            return _view(row)

    def update(
        self,
        *,
        display_name: str | None = None,
        email: str | None = None,
        time_zone: str | None = None,
        locale: str | None = None,
        preferences: dict[str, Any] | None = None,
    ) -> Outcome[ProfileView]:
        with self.ctx.store.unit_of_work() as uow:
            row = uow.s.get(User, self.ctx.store.user_id)
            assert row is not None
            if display_name is not None:
                row.display_name = clean_text(display_name, "name", limit=200, required=True)
            if email is not None:
                address = email.strip()
                if address and ("@" not in address or " " in address):
                    raise UserError(f"'{email}' is not an email address")
                row.email = address or None
            if time_zone is not None:
                row.time_zone = check_zone(time_zone)
                self.ctx.forget_zone()
            if locale is not None:
                row.locale = clean_text(locale, "locale", limit=35, required=True)
            if preferences is not None:
                row.preferences = {**(row.preferences or {}), **preferences}
            uow.commit()
            return Outcome(_view(row), PROFILE)


def _view(row: User) -> ProfileView:
    return ProfileView(
        row.id, row.display_name, row.email, row.time_zone, row.locale, dict(row.preferences or {})
    )
