"""Row identifiers: UUIDv7, made on the device, time-ordered.

Time-ordered keys keep SQLite's B-tree appends local (2-3x faster inserts than
UUIDv4). Natural keys (a budget's category and month) get a UUIDv5 so that two
devices creating the same logical row offline agree on its id.
"""

from __future__ import annotations

import uuid

import uuid_utils

_NATURAL_NAMESPACE = uuid.UUID("5b1d8f0e-2f55-4c5e-9a51-7d0b8b0e6a11")


def new_id() -> uuid.UUID:
    """A fresh UUIDv7 as a standard-library `uuid.UUID`."""
    return uuid.UUID(bytes=uuid_utils.uuid7().bytes)


def natural_id(*parts: object) -> uuid.UUID:
    """A deterministic id for a row identified by its natural key."""
    return uuid.uuid5(_NATURAL_NAMESPACE, "\x1f".join(str(p) for p in parts))


def parse_id(text: str) -> uuid.UUID | None:
    """The UUID in `text`, or None when it is not one (dashes optional)."""
    try:
        return uuid.UUID(text.strip())
    except (ValueError, AttributeError):
        return None
