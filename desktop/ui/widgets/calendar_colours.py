"""The colour of each calendar's events: a stable pick from a palette of eight.

A calendar's name (case and spaces aside) is hashed with SHA-256, not Python's
salted `hash`, so "work" has the same colour in every run and on every device;
the focus calendar, where the planner puts its time blocks, has its own violet
that no other calendar gets. Each colour is readable in both schemes: on a light
window a chip is the full colour with white text, on a dark one a lighter tint of
it with near-black text (every pair has a contrast of at least 4.5:1, which the
tests check).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from desktop.services.schedule import FOCUS_CALENDAR

# Hues that tell apart well side by side, each dark enough for white text.
PALETTE = (
    "#1f66c9",  # blue
    "#0b7a6f",  # teal
    "#b35a00",  # orange
    "#b8327a",  # magenta
    "#4d6e12",  # olive
    "#8a5a2b",  # brown
    "#c0392b",  # red
    "#00727c",  # cyan
)
FOCUS_COLOUR = "#6a3fc4"  # violet: the focus calendar only
LIGHT_TEXT = QColor("#ffffff")
DARK_TEXT = QColor("#141414")
DARK_LIGHTNESS = 0.68  # a chip's tint on a dark window (HSL lightness)
DARK_SATURATION = 0.6  # of the colour's own saturation: softer on a dark window


@dataclass(frozen=True)
class ChipColours:
    """How a calendar's event chip is painted: fill, text and selection outline."""

    fill: QColor
    text: QColor
    outline: QColor


def base_colour(name: str) -> QColor:
    """A calendar's colour: violet for focus, else one of PALETTE chosen by its name."""
    key = " ".join(name.split()).lower()
    if key == FOCUS_CALENDAR:
        return QColor(FOCUS_COLOUR)
    digest = hashlib.sha256(key.encode()).digest()
    return QColor(PALETTE[int.from_bytes(digest[:4], "big") % len(PALETTE)])


def chip_colours(name: str, dark: bool = False) -> ChipColours:
    """The chip colours of calendar `name` on a light (or `dark`) window."""
    base = base_colour(name)
    if not dark:
        return ChipColours(base, LIGHT_TEXT, base.darker(160))
    hue, saturation = base.hslHueF(), base.hslSaturationF()
    tint = QColor.fromHslF(max(0.0, hue), saturation * DARK_SATURATION, DARK_LIGHTNESS)
    return ChipColours(tint, DARK_TEXT, tint.lighter(125))


def is_dark(palette: QPalette) -> bool:
    """Whether a palette is a dark scheme (its window darker than its text)."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightnessF() < text.lightnessF()


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        red, green, blue = colour.redF(), colour.greenF(), colour.blueF()
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
