"""The panes of the main window by name, in sidebar order, and which changes each one shows.

Pure data and one pure function (no Qt), so the window, the command palette, the
smoke run and the composition root agree on the same names.
"""

from __future__ import annotations

from desktop.core.changes import Changes

# The pane names in sidebar order; Ctrl+1 .. Ctrl+9, Ctrl+0 follow this order.
PANES = (
    "today", "tasks", "calendar", "inbox", "finance", "notes",
    "workflows", "agents", "voice", "projects", "health",
)  # fmt: skip

# Which `Changes` flag makes a pane reload; None: any change at all.
PANE_AREAS: dict[str, str | None] = {
    "today": None,
    "tasks": "tasks",
    "calendar": "calendar",
    "inbox": "inbox",
    "finance": "finance",
    "notes": "notes",
    "workflows": "workflows",
    "agents": "agents",
    "voice": "voice",
    "projects": "projects",
    "health": None,
}


def pane_affected(pane: str, changes: Changes) -> bool:
    """Whether `changes` touches what `pane` shows."""
    area = PANE_AREAS.get(pane)
    if area is None:
        return bool(changes)
    return bool(getattr(changes, area, False))
