"""Calendar colours: distinct, stable across runs and new calendars, user-picked, readable.

The assignment is checked as a function, then through the settings file (a real one),
then in the Calendar pane on a real store: the chips are painted in distinct colours
even when two calendars' names hash to the same palette colour, and the legend's
colour dialog (replaced in the test) changes a calendar's colour and keeps it.
"""

from __future__ import annotations

import itertools
import math
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop.config import Settings
from desktop.services.calendar import EventDraft, Occurrence
from desktop.services.container import Services
from desktop.store.models import CalendarEvent
from desktop.store.profile import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.base import PaneContext
from desktop.ui.panes.calendar_pane import CalendarPane
from desktop.ui.theme import dark_palette
from desktop.ui.widgets import calendar_colours
from desktop.ui.widgets.calendar_colours import (
    FOCUS_COLOUR,
    PALETTE,
    CalendarColours,
    assign,
    base_colour,
    chip_colours_of,
    contrast,
    hashed_slot,
    is_dark,
)
from desktop.ui.widgets.calendar_legend import ColourPicker, pick_colour, remember_colours
from desktop.ui.widgets.calendar_paint import paint_chip

pytestmark = pytest.mark.gui

NAMES = ("personal", "work", "family", "holidays", "gym", "school", "team", "travel", "home")
BERLIN = ZoneInfo("Europe/Berlin")
WED = date(2026, 3, 4)  # the fixed clock's day; its week is shown


def delta_e(a: QColor, b: QColor) -> float:
    """CIE76 colour difference (how different two colours look)."""

    def lab(colour: QColor) -> tuple[float, float, float]:
        def linear(c: float) -> float:
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
        x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

        def f(t: float) -> float:
            return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

        return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))

    return math.dist(lab(a), lab(b))


# -- the assignment --------------------------------------------------------------------


def test_calendars_whose_names_hash_alike_still_get_different_colours() -> None:
    assert hashed_slot("holidays") == hashed_slot("travel")  # the collision this fixes
    colours = assign({}, NAMES)
    assert len(set(colours.values())) == len(NAMES)
    assert set(colours.values()) <= set(PALETTE)
    # The first of a colliding pair (in name order) keeps its hashed pick.
    assert colours["holidays"] == PALETTE[hashed_slot("holidays")]
    assert colours["travel"] != colours["holidays"]


def test_the_assignment_is_stable_and_keeps_colours_as_calendars_are_added() -> None:
    first = assign({}, ["Work", " home "])
    assert first == assign({}, ["home", "work"])  # order and case do not matter
    later = assign(first, [*NAMES, "Club", "Birthdays", "Sport"])
    assert {k: later[k] for k in first} == first  # nobody's colour moved
    assert len(set(later.values())) == len(later) == len(NAMES) + 3
    beyond = [c for c in later.values() if c not in PALETTE]
    assert len(beyond) == len(later) - len(PALETTE)  # generated once the palette is used up
    for colour in beyond:
        assert contrast(QColor(colour), calendar_colours.LIGHT_TEXT) >= 4.5


def test_the_focus_calendar_keeps_its_violet_and_nobody_else_gets_it() -> None:
    assert base_colour("Focus").name() == FOCUS_COLOUR
    assert FOCUS_COLOUR not in PALETTE
    many = assign({}, [f"calendar {i}" for i in range(40)] + ["focus"])
    assert "focus" not in many
    assert FOCUS_COLOUR not in many.values()
    assert len(set(many.values())) == 40


def test_a_picked_colour_wins_and_new_calendars_avoid_it() -> None:
    picked = assign({"work": PALETTE[hashed_slot("home")]}, ["home"])
    assert picked["work"] == PALETTE[hashed_slot("home")]
    assert picked["home"] != picked["work"]
    assert CalendarColours(picked).base("WORK").name() == picked["work"]


@pytest.mark.parametrize("dark", [False, True])
def test_every_chip_is_readable_on_light_and_dark_windows(dark: bool) -> None:
    window = QColor("#202124") if dark else QColor("#ffffff")
    colours = CalendarColours(assign({}, [*NAMES, "Q3 launch", "日本", "a", "b", "c", "d"]))
    for name in (*colours.assigned, "focus"):
        chips = colours.chips(name, dark)
        assert contrast(chips.fill, chips.text) >= 4.5, (name, dark)
        assert contrast(chips.fill, window) >= 2.2, (name, dark)  # the block stands out
    light, tinted = colours.chips("work"), colours.chips("work", dark=True)
    assert tinted.fill.lightnessF() > light.fill.lightnessF()
    assert abs(tinted.fill.hslHueF() - light.fill.hslHueF()) < 0.02  # the same hue


@pytest.mark.parametrize(
    "picked", ["#ffff00", "#ffffff", "#000000", "#777777", "#00ff00", "#3366ff", "#808000"]
)
def test_any_colour_the_user_picks_is_made_readable(picked: str) -> None:
    for dark in (False, True):
        chips = chip_colours_of(QColor(picked), dark)
        assert contrast(chips.fill, chips.text) >= 4.5, (picked, dark)


def test_palette_colours_look_different_from_each_other_in_both_schemes() -> None:
    everyone = [QColor(c) for c in (*PALETTE, FOCUS_COLOUR)]
    for dark in (False, True):
        fills = [chip_colours_of(c, dark).fill for c in everyone]
        closest = min(delta_e(a, b) for a, b in itertools.combinations(fills, 2))
        assert closest >= 20, dark


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
    paint_chip(
        painter,
        QRect(0, 0, 60, 40),
        occurrence,
        [],
        colours=CalendarColours({"focus": "#1565c0"}),
    )
    painter.end()
    assert image.pixelColor(90, 30).name() == FOCUS_COLOUR
    assert image.pixelColor(30, 30).name() == "#1565c0"


# -- kept in the settings file ---------------------------------------------------------


def test_colours_are_kept_in_the_settings_and_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    first = remember_colours(path, ["holidays", "travel"])
    assert Settings(path).get("calendar.colours") == first
    # The next run, with a calendar more: the old ones keep theirs.
    second = remember_colours(path, ["travel", "gym", "holidays"])
    assert {k: second[k] for k in first} == first
    assert Settings(path).get("calendar.colours") == second

    picked = pick_colour(path, "Travel", "#ABCDEF")
    assert picked["travel"] == "#abcdef"
    assert Settings(path).get("calendar.colours")["travel"] == "#abcdef"
    automatic = pick_colour(path, "travel", None)
    assert automatic["travel"] in PALETTE
    assert automatic["travel"] not in {automatic["holidays"], automatic["gym"]}


def test_another_settings_writer_does_not_lose_the_colours(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    app_settings = Settings(path)  # read at start-up, written at quit
    kept = remember_colours(path, ["work"])
    app_settings.set("window.last_pane", "calendar")
    assert Settings(path).get("calendar.colours") == kept
    assert Settings(path).get("window.last_pane") == "calendar"


# -- in the pane -----------------------------------------------------------------------


def _in_calendar(store: Store, event_id: uuid.UUID, calendar: str) -> None:
    with store.unit_of_work() as uow:
        row = uow.s.get(CalendarEvent, event_id)
        assert row is not None
        row.calendar = calendar
        uow.commit()


@pytest.fixture
def window(qtbot: QtBot, pane_ctx: PaneContext) -> Iterator[MainWindow]:
    window = MainWindow(
        pane_ctx.runner,
        pane_ctx.events,
        pane_builders={"calendar": lambda: CalendarPane(pane_ctx)},
    )
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    qtbot.waitUntil(lambda: pane_ctx.runner.busy_count == 0)


@pytest.fixture
def pane(qtbot: QtBot, window: MainWindow, services: Services, store: Store) -> CalendarPane:
    for title, hour, calendar in (("Flight", 9, "Travel"), ("Beach", 13, "Holidays")):
        start = datetime(WED.year, WED.month, WED.day, hour, tzinfo=BERLIN)
        event = services.calendar.add(EventDraft(title, start, start.replace(hour=hour + 2)))
        _in_calendar(store, event.value.id, calendar)
    with qtbot.waitSignal(window.pane_loaded, check_params_cb=lambda p: p == "calendar"):
        window.select_pane("calendar")
    widget = window.pane_widget("calendar")
    assert isinstance(widget, CalendarPane)
    return widget


def chip_colour(pane: CalendarPane, title: str) -> str:
    canvas = pane.day_week.canvas
    [item] = [p for p in canvas.placed if p.occurrence.title == title]
    rect = canvas._placed_rect(item)
    image = canvas.grab().toImage()
    return image.pixelColor(rect.right() - 6, rect.bottom() - 6).name()


def test_the_pane_paints_colliding_calendars_apart_and_lists_them(
    qtbot: QtBot, pane: CalendarPane, services: Services
) -> None:
    flight, beach = chip_colour(pane, "Flight"), chip_colour(pane, "Beach")
    assert flight != beach
    assert {flight, beach} <= set(PALETTE)
    kept = Settings(services.settings_path).get("calendar.colours")
    assert kept == {"holidays": beach, "travel": flight}
    assert sorted(pane.legend.buttons) == ["holidays", "travel"]
    assert pane.legend.buttons["travel"].text() == "Travel"
    assert pane.legend.buttons["travel"].accessibleName() == "Calendar Travel"


def test_picking_a_colour_in_the_legend_repaints_and_keeps_it(
    qtbot: QtBot, pane: CalendarPane, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str, str]] = []

    def ask(_cls: object, _parent: QWidget, name: str, current: QColor) -> QColor:
        asked.append((name, current.name()))
        return QColor("#2e7d32")

    monkeypatch.setattr(ColourPicker, "ask", classmethod(ask))
    before = chip_colour(pane, "Flight")
    QTest.mouseClick(pane.legend.buttons["travel"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: chip_colour(pane, "Flight") == "#2e7d32")
    assert asked == [("Travel", before)]
    assert Settings(services.settings_path).get("calendar.colours")["travel"] == "#2e7d32"
    assert chip_colour(pane, "Beach") != "#2e7d32"

    # The context menu's "Automatic colour" gives it a palette colour again.
    menu = pane.legend.menu_for("Travel")
    [automatic] = [a for a in menu.actions() if a.text() == "Automatic colour"]
    automatic.trigger()
    qtbot.waitUntil(lambda: chip_colour(pane, "Flight") in PALETTE)
    assert chip_colour(pane, "Flight") != chip_colour(pane, "Beach")
    menu.close()


def test_the_legend_button_opens_its_menu_on_right_click(qtbot: QtBot, pane: CalendarPane) -> None:
    button = pane.legend.buttons["holidays"]
    button.customContextMenuRequested.emit(QPoint(4, 4))  # what a right click sends
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert [a.text() for a in menu.actions()] == ["Choose colour…", "Automatic colour"]
    menu.close()
