"""Dialogs of the desktop UI; each exposes a `@classmethod ask(...)` that tests can replace."""
