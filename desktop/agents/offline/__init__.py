"""The offline planner: answers common requests with the action catalog's tools, no model needed."""

from desktop.agents.offline.provider import MODEL, NAME, OfflineProvider

__all__ = ["MODEL", "NAME", "OfflineProvider"]
