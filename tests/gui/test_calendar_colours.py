"""Calendar colours: stable per name, focus apart, readable on light and dark windows."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.services.calendar import Occurrence
from desktop.ui.theme import dark_palette
from desktop.ui.widgets.calendar_colours import (
    FOCUS_COLOUR,
    PALETTE,
    base_colour,
    chip_colours,
    contrast,
    is_dark,
)
from desktop.ui.widgets.calendar_paint import paint_chip

pytestmark = pytest.mark.gui

NAMES = ("personal", "work", "family", "holidays", "gym", "school", "team", "travel", "home")


def test_a_calendar_keeps_its_colour_whatever_the_case_or_the_run() -> None:
    assert base_colour("work") == base_colour(" Work ")
    # SHA-256 of the name, not the salted hash(): these never change between runs,
    # and the usual calendars get four different colours.
    expected = {
        "personal": "#b8327a",
        "work": "#00727c",
        "family": "#b35a00",
        "holidays": "#1f66c9",
    }
    assert {name: base_colour(name).name() for name in expected} == expected
    assert all(base_colour(name).name() in PALETTE for name in NAMES)
    assert len({base_colour(name).name() for name in NAMES}) >= 5  # names spread out


def test_the_focus_calendar_has_its_own_colour() -> None:
    assert base_colour("focus").name() == FOCUS_COLOUR
    assert FOCUS_COLOUR not in PALETTE
    assert all(base_colour(name).name() != FOCUS_COLOUR for name in NAMES)
    # Known by its calendar, not by its title any more.
    assert base_colour("personal") != base_colour("focus")


@pytest.mark.parametrize("dark", [False, True])
def test_every_chip_is_readable_on_light_and_dark_windows(dark: bool) -> None:
    window = QColor("#202124") if dark else QColor("#ffffff")
    for name in (*NAMES, "focus", "Q3 launch", "日本"):
        chips = chip_colours(name, dark)
        assert contrast(chips.fill, chips.text) >= 4.5, (name, dark)
        assert contrast(chips.fill, window) >= 2.2, (name, dark)  # the block stands out
    light, tinted = chip_colours("work"), chip_colours("work", dark=True)
    assert tinted.fill.lightnessF() > light.fill.lightnessF()
    assert abs(tinted.fill.hslHueF() - light.fill.hslHueF()) < 0.02  # the same hue


def test_each_palette_colour_is_readable_in_both_schemes() -> None:
    from desktop.ui.widgets import calendar_colours

    for colour in (*PALETTE, FOCUS_COLOUR):
        light = QColor(colour)
        assert contrast(light, calendar_colours.LIGHT_TEXT) >= 4.5, colour
        tint = QColor.fromHslF(
            max(0.0, light.hslHueF()),
            light.hslSaturationF() * calendar_colours.DARK_SATURATION,
            calendar_colours.DARK_LIGHTNESS,
        )
        assert contrast(tint, calendar_colours.DARK_TEXT) >= 4.5, colour


def test_the_scheme_is_read_from_the_palette(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setPalette(dark_palette())
    assert is_dark(widget.palette())
    assert not is_dark(QPalette(QColor("#efefef")))


def test_a_chip_is_painted_in_its_calendars_colour() -> None:
    image = QImage(120, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    occurrence = Occurrence(
        uuid.uuid4(),
        "Standup",
        datetime(2026, 3, 4, 9, tzinfo=UTC),
        datetime(2026, 3, 4, 10, tzinfo=UTC),
        False,
        "",
        False,
        "k",
        calendar="focus",
    )
    painter = QPainter(image)
    paint_chip(painter, QRect(0, 0, 120, 40), occurrence, [])
    painter.end()
    assert image.pixelColor(60, 30).name() == FOCUS_COLOUR
