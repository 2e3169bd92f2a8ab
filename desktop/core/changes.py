"""The `Changes` record: which areas of the app one commit touched.

Every mutation returns one; `AppEvents.changes_applied` carries it to the panes,
and each pane refreshes only when its own flag is set (Anki's OpChanges).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True, slots=True)
class Changes:
    """Flags of the areas a commit changed."""

    tasks: bool = False
    calendar: bool = False
    inbox: bool = False
    finance: bool = False
    notes: bool = False
    workflows: bool = False
    agents: bool = False
    voice: bool = False
    projects: bool = False
    integrations: bool = False
    profile: bool = False
    sync: bool = False
    reminders: bool = False

    @classmethod
    def of(cls, *areas: str) -> Changes:
        """Build a record with the named areas set; unknown names are a bug."""
        names = {f.name for f in fields(cls)}
        unknown = set(areas) - names
        if unknown:
            raise ValueError(f"unknown change areas: {sorted(unknown)}")
        return cls(**dict.fromkeys(areas, True))

    def __or__(self, other: Changes) -> Changes:
        return replace(
            self, **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        )

    def areas(self) -> list[str]:
        """Names of the areas that changed, in declaration order."""
        return [f.name for f in fields(self) if getattr(self, f.name)]

    def __bool__(self) -> bool:
        return bool(self.areas())


NO_CHANGES = Changes()
