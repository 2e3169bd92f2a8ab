"""Light and dark: follow the system's colour scheme, or the user's choice in settings.

`appearance.theme` is "system", "light" or "dark". With "system" Atrium follows
`QStyleHints.colorScheme` and switches when the desktop does. The Fusion style
with an explicit palette makes both schemes look the same on every platform; its
check boxes and focus rings are drawn by `ReadableStyle` so that they show in the dark
scheme too. Both palettes keep every text colour at a contrast of at least 4.5:1 with
its background, disabled and selected text included (the tests measure it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from desktop.ui.readable_style import ReadableStyle

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
DARK_DISABLED_TEXT = "#93979c"  # 4.75:1 on the button colour, 5.5:1 on the window
# Fusion's light palette, with selection and disabled text dark enough to read.
_LIGHT_FIXES = {
    QPalette.ColorRole.Highlight: "#2267b8",  # white on it: 5.7:1 (Fusion's #308cc6: 3.7)
    QPalette.ColorRole.PlaceholderText: "#6b6b6b",
}
LIGHT_DISABLED_TEXT = "#6b6b6b"  # 4.6:1 on the window (Fusion's #bebebe: 1.6)
DISABLED_TEXT_ROLES = (
    QPalette.ColorRole.WindowText,
    QPalette.ColorRole.Text,
    QPalette.ColorRole.ButtonText,
)


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
    for role in DISABLED_TEXT_ROLES:
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DARK_DISABLED_TEXT))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor("#4a4d52"))
    return palette


def light_palette(base: QPalette) -> QPalette:
    """Fusion's light palette `base` with readable selection and disabled text."""
    palette = QPalette(base)
    for role, colour in _LIGHT_FIXES.items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, role, QColor(colour))
    for role in DISABLED_TEXT_ROLES:
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(LIGHT_DISABLED_TEXT))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor("#6b6b6b"))
    return palette


def apply_theme(app: QApplication, choice: str) -> str:
    """Apply the theme `choice`; returns the scheme now shown ('light' or 'dark')."""
    if choice not in THEMES:
        choice = "system"
    if not isinstance(app.style(), ReadableStyle):
        app.setStyle(ReadableStyle())
    scheme = resolved_scheme(choice)
    if scheme == "dark":
        app.setPalette(dark_palette())
    else:
        app.setPalette(light_palette(app.style().standardPalette()))
    app.setProperty("atriumScheme", scheme)
    for widget in app.allWidgets():  # style-sheeted widgets keep their old palette otherwise
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())
    return scheme


def follow_system(app: QApplication, choice: str) -> None:
    """Re-apply the theme when the desktop's scheme changes (only matters for 'system')."""

    def changed(_scheme: Qt.ColorScheme) -> None:
        if choice == "system":
            apply_theme(app, choice)

    QGuiApplication.styleHints().colorSchemeChanged.connect(changed)
