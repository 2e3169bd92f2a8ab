"""Atrium: a local-first personal command center for the desktop."""

__version__ = "0.1.0"
