"""PySide6 widgets: the main window and its panes.

Widgets get plain frozen dataclasses from services through the runtime; they never
touch the store. Import the submodules directly: this package imports no Qt module
by itself.
"""
