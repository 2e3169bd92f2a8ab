"""Reusable widgets of the desktop UI (calendar views and the like)."""
