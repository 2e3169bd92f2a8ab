"""Printing results: one JSON document with --json, readable tables otherwise."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo


def emit_json(value: Any, zone: ZoneInfo) -> None:
    from desktop.services.jsonable import jsonable

    sys.stdout.write(json.dumps(jsonable(value, zone), ensure_ascii=False, indent=2) + "\n")


def when_text(value: date | datetime | None, zone: ZoneInfo) -> str:
    """A date or instant for people: '2026-03-01' or '2026-03-01 09:30' in the user's zone."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], empty: str) -> None:
    """Left-aligned columns; `empty` is printed when there is no row."""
    if not rows:
        sys.stdout.write(empty + "\n")
        return
    cells = [[str(c) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        widths = [max(w, min(len(c), 60)) for w, c in zip(widths, row, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    for row in cells:
        lines.append(
            "  ".join(_clip(c, w).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        )
    sys.stdout.write("\n".join(lines) + "\n")


def say(text: str) -> None:
    sys.stdout.write(text + "\n")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
