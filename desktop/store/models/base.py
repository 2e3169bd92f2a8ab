"""The declarative base and the sync columns every synced table carries.

See SYNC.md "Rows": `id` (UUIDv7), `owner_id`, `hlc`, `field_hlc`, `origin`,
`deleted_hlc`. `server_xid` exists only on the Postgres server and is added by
the migrations there. Synced tables refer to each other by id without database
foreign keys: rows arrive from sync in any order (a parent edited after its
child was created is pulled after it), so services check references instead.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import BigInteger, MetaData, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop.core.ids import new_id
from desktop.store.types import JSONDoc, UTCDateTime

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Columns maintained by the sync machinery, never merged field by field.
SYNC_COLUMNS = frozenset(
    {"id", "owner_id", "hlc", "field_hlc", "origin", "deleted_hlc", "created_at", "updated_at"}
)


class Base(DeclarativeBase):
    """Declarative base of every model."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSONDoc(),
        list[str]: JSONDoc(),
        list[int]: JSONDoc(),
        list[dict[str, Any]]: JSONDoc(),
        uuid.UUID: Uuid(),
    }


class Synced:
    """Mixin: the sync columns of SYNC.md plus creation and update instants."""

    __synced__: ClassVar[bool] = True

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    owner_id: Mapped[uuid.UUID]
    hlc: Mapped[int] = mapped_column(BigInteger)
    field_hlc: Mapped[dict[str, Any]] = mapped_column(default=dict)
    origin: Mapped[uuid.UUID]
    deleted_hlc: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    @property
    def is_deleted(self) -> bool:
        return self.deleted_hlc is not None
