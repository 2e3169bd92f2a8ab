"""Light and dark: follow the system's colour scheme, or the user's choice in settings.

`appearance.theme` is "system", "light" or "dark". With "system" Atrium follows
`QStyleHints.colorScheme` and switches when the desktop does. The Fusion style
with an explicit palette makes both schemes look the same on every platform.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")

_DARK = {
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.WindowText: "#e8eaed",
    QPalette.ColorRole.Base: "#17181a",
    QPalette.ColorRole.AlternateBase: "#26272a",
    QPalette.ColorRole.ToolTipBase: "#303134",
    QPalette.ColorRole.ToolTipText: "#e8eaed",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.Button: "#2b2c2f",
    QPalette.ColorRole.ButtonText: "#e8eaed",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.Highlight: "#3d6fd6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#9aa0a6",
}


def resolved_scheme(choice: str) -> str:
    """'light' or 'dark' for a theme setting, asking the system for 'system'."""
    if choice in ("light", "dark"):
        return choice
    scheme = QGuiApplication.styleHints().colorScheme()
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor("#7f8388")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_theme(app: QApplication, choice: str) -> str:
    """Apply the theme `choice`; returns the scheme now shown ('light' or 'dark')."""
    if choice not in THEMES:
        choice = "system"
    app.setStyle("Fusion")
    scheme = resolved_scheme(choice)
    if scheme == "dark":
        app.setPalette(dark_palette())
    else:
        app.setPalette(app.style().standardPalette())
    app.setProperty("atriumScheme", scheme)
    return scheme


def follow_system(app: QApplication, choice: str) -> None:
    """Re-apply the theme when the desktop's scheme changes (only matters for 'system')."""

    def changed(_scheme: Qt.ColorScheme) -> None:
        if choice == "system":
            apply_theme(app, choice)

    QGuiApplication.styleHints().colorSchemeChanged.connect(changed)
