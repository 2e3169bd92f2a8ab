"""Turn service results into JSON-ready values, the one format of every surface.

Ids become strings, instants ISO 8601 with the offset of the user's zone, dates
``YYYY-MM-DD``, money a decimal string (dataclasses that hold money also hold a
``currency`` field), tuples lists.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo


def jsonable(value: Any, zone: ZoneInfo) -> Any:
    """A structure of str, int, float, bool, None, list and dict."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, datetime):
        return value.astimezone(zone).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (uuid.UUID, Decimal)):
        return str(value)
    if isinstance(value, Enum):
        return jsonable(value.value, zone)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name), zone) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v, zone) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(item, zone) for item in value]
    raise TypeError(f"cannot turn {type(value).__name__} into JSON")
