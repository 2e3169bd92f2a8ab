"""The colour of each calendar's events: distinct, stable, and readable in both schemes.

Every calendar gets its own colour. A new calendar takes the palette colour its name
hashes to (SHA-256, not Python's salted `hash`, so the pick is the same in every run
and on every device) unless another calendar has it already, then the next free one;
after the palette's nine, further calendars get generated hues. The assignment is
kept in the `calendar.colours` setting, so a calendar keeps its colour as others are
added, and the user can pick any colour for a calendar (the pane's legend). The focus
calendar, where the planner puts its time blocks, has its own violet that no other
calendar is given.

Each colour is readable in both schemes: on a light window a chip is the colour with
white (or near-black) text, on a dark one a lighter tint of it with near-black text;
every pair has a contrast of at least 4.5:1, which the tests check, also for colours
the user picked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from desktop.services.schedule import FOCUS_CALENDAR

# Hues that tell apart well side by side (CIE ΔE ≥ 24 between any two, light or dark),
# each dark enough for white text.
PALETTE = (
    "#1565c0",  # blue
    "#00796b",  # teal
    "#b35a00",  # orange
    "#ad1f73",  # magenta
    "#4d7a12",  # green
    "#7b5230",  # brown
    "#c62828",  # red
    "#4e6578",  # slate
    "#826b00",  # ochre
)
FOCUS_COLOUR = "#6a3fc4"  # violet: the focus calendar only
LIGHT_TEXT = QColor("#ffffff")
DARK_TEXT = QColor("#141414")
DARK_LIGHTNESS = 0.68  # a chip's tint on a dark window (HSL lightness)
DARK_SATURATION = 0.8  # of the colour's own saturation: a little softer on a dark window
MIN_CONTRAST = 4.5
GOLDEN_TURN = 0.381966  # hue step of generated colours: far from every hue before it


@dataclass(frozen=True)
class ChipColours:
    """How a calendar's event chip is painted: fill, text and selection outline."""

    fill: QColor
    text: QColor
    outline: QColor


def calendar_key(name: str) -> str:
    """A calendar's name as colours are kept: case and extra spaces aside."""
    return " ".join(name.split()).lower()


def hashed_slot(name: str) -> int:
    """The palette index a calendar's name points at (the same in every run)."""
    digest = hashlib.sha256(calendar_key(name).encode()).digest()
    return int.from_bytes(digest[:4], "big") % len(PALETTE)


def generated_colour(index: int) -> str:
    """The `index`-th colour beyond the palette: a new hue, dark enough for white text."""
    hue = (0.07 + index * GOLDEN_TURN) % 1.0
    lightness = 0.45
    colour = QColor.fromHslF(hue, 0.7, lightness)
    while contrast(colour, LIGHT_TEXT) < MIN_CONTRAST and lightness > 0.1:
        lightness -= 0.02
        colour = QColor.fromHslF(hue, 0.7, lightness)
    return colour.name()


def assign(known: Mapping[str, str], names: Iterable[str]) -> dict[str, str]:
    """`known` (calendar key -> #rrggbb) with a distinct colour added for each new name.

    Kept colours never change. New calendars are taken in name order, so the same
    calendars get the same colours whatever order their events came in.
    """
    result = {calendar_key(k): QColor(v).name() for k, v in known.items() if QColor(v).isValid()}
    taken = set(result.values()) | {FOCUS_COLOUR}
    new = sorted({calendar_key(n) for n in names} - set(result) - {FOCUS_CALENDAR, ""})
    extra = 0
    for key in new:
        start = hashed_slot(key)
        free = [PALETTE[(start + i) % len(PALETTE)] for i in range(len(PALETTE))]
        colour = next((c for c in free if c not in taken), None)
        while colour is None or colour in taken:
            colour = generated_colour(extra)
            extra += 1
        result[key] = colour
        taken.add(colour)
    return result


class CalendarColours:
    """The colours of the user's calendars, as the views paint them."""

    def __init__(self, assigned: Mapping[str, str] | None = None) -> None:
        self.assigned: dict[str, str] = dict(assigned or {})

    def base(self, name: str) -> QColor:
        """A calendar's colour: the one assigned or picked, else its palette pick."""
        key = calendar_key(name)
        if key in self.assigned:
            return QColor(self.assigned[key])
        if key == FOCUS_CALENDAR:
            return QColor(FOCUS_COLOUR)
        return QColor(PALETTE[hashed_slot(key)])

    def chips(self, name: str, dark: bool = False) -> ChipColours:
        """The chip colours of calendar `name` on a light (or `dark`) window."""
        return chip_colours_of(self.base(name), dark)


DEFAULT_COLOURS = CalendarColours()


def base_colour(name: str) -> QColor:
    """A calendar's colour before any assignment: violet for focus, else its palette pick."""
    return DEFAULT_COLOURS.base(name)


def chip_colours(name: str, dark: bool = False) -> ChipColours:
    """The chip colours of calendar `name` with no assignment known (see CalendarColours)."""
    return DEFAULT_COLOURS.chips(name, dark)


def chip_colours_of(base: QColor, dark: bool = False) -> ChipColours:
    """Fill, text and outline for a chip of colour `base`, readable on either window."""
    if dark:
        hue, saturation = base.hslHueF(), base.hslSaturationF()
        fill = QColor.fromHslF(max(0.0, hue), saturation * DARK_SATURATION, DARK_LIGHTNESS)
        fill, text = _readable(fill, prefer_dark_text=True)
        return ChipColours(fill, text, fill.lighter(125))
    fill, text = _readable(QColor(base), prefer_dark_text=False)
    return ChipColours(fill, text, fill.darker(160))


def _readable(fill: QColor, *, prefer_dark_text: bool) -> tuple[QColor, QColor]:
    """`fill` (nudged lighter or darker when needed) and the text colour that reads on it."""
    for _step in range(40):
        first, second = (DARK_TEXT, LIGHT_TEXT) if prefer_dark_text else (LIGHT_TEXT, DARK_TEXT)
        for text in (first, second):
            if contrast(fill, text) >= MIN_CONTRAST:
                return fill, text
        # Mid-tones read with neither: move the fill away from the text it is nearest to.
        lighter = contrast(fill, DARK_TEXT) >= contrast(fill, LIGHT_TEXT)
        lightness = fill.lightnessF() + (0.02 if lighter else -0.02)
        fill = QColor.fromHslF(
            max(0.0, fill.hslHueF()), fill.hslSaturationF(), min(1.0, max(0.0, lightness))
        )
    return fill, DARK_TEXT if contrast(fill, DARK_TEXT) > contrast(fill, LIGHT_TEXT) else LIGHT_TEXT


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
