"""The calendar legend: one swatch per calendar, and the user's choice of its colour.

Each calendar is a button showing its colour and name. Clicking it, or its context
menu's "Choose colour…", opens a colour dialog (tests replace `ColourPicker.ask`);
"Automatic colour" gives the calendar a palette colour again. The choice is kept in
the `calendar.colours` setting by `pick_colour`, which, like `remember_colours`, reads
and writes the settings file and so runs on the database executor, not the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QWidget,
)

from desktop.config import Settings
from desktop.ui.widgets.calendar_colours import (
    DEFAULT_COLOURS,
    CalendarColours,
    assign,
    calendar_key,
    is_dark,
)

SETTING = "calendar.colours"
SWATCH = 12


def remember_colours(settings_path: Path, names: Iterable[str]) -> dict[str, str]:
    """The kept colours with any new calendar among `names` given one, saved (blocking)."""
    settings = Settings(settings_path)
    known = dict(settings.get(SETTING))
    assigned = assign(known, names)
    if assigned != known:
        settings.set(SETTING, assigned)
    return assigned


def pick_colour(
    settings_path: Path, name: str, colour: str | None, names: Iterable[str] = ()
) -> dict[str, str]:
    """Keep `colour` for calendar `name` (None: back to an automatic one); the new map."""
    settings = Settings(settings_path)
    known = dict(settings.get(SETTING))
    key = calendar_key(name)
    known.pop(key, None)
    if colour is not None:
        known[key] = QColor(colour).name()
    assigned = assign(known, [*names, name])
    settings.set(SETTING, assigned)
    return assigned


class ColourPicker:
    """The colour dialog (tests replace `ask`)."""

    @classmethod
    def ask(cls, parent: QWidget, name: str, current: QColor) -> QColor | None:
        title = parent.tr("Colour of “{name}”").format(name=name)
        colour = QColorDialog.getColor(current, parent, title)
        return colour if colour.isValid() else None


def swatch(colour: QColor) -> QIcon:
    """A small rounded square of `colour` for a legend button."""
    pixmap = QPixmap(SWATCH, SWATCH)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(0, 0, SWATCH, SWATCH, 3, 3)
    painter.end()
    return QIcon(pixmap)


class CalendarLegend(QWidget):
    """A row of the calendars shown, each in its colour.

    Signals:
        colour_chosen(str, str): the user picked a colour for a calendar: its name and
            "#rrggbb", or "" to go back to an automatic colour.
    """

    colour_chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarLegend")
        self.setAccessibleName(self.tr("Calendars"))
        self.colours = DEFAULT_COLOURS
        self.buttons: dict[str, QToolButton] = {}
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 0, 8, 4)
        self._layout.setSpacing(4)
        caption = QLabel(self.tr("Calendars:"))
        caption.setEnabled(False)
        self._layout.addWidget(caption)
        self._layout.addStretch(1)

    def set_calendars(self, names: Iterable[str], colours: CalendarColours) -> None:
        """Show one button per calendar (by name, as first seen) in its current colour."""
        self.colours = colours
        shown: dict[str, str] = {}
        for name in names:
            shown.setdefault(calendar_key(name), name.strip())
        for key in colours.assigned:
            shown.setdefault(key, key)
        for key in [k for k in self.buttons if k not in shown]:
            self.buttons.pop(key).deleteLater()
        for key, name in sorted(shown.items()):
            button = self.buttons.get(key) or self._add_button(key)
            button.setText(name)
            button.setProperty("calendarName", name)
            button.setAccessibleName(self.tr("Calendar {name}").format(name=name))
        self.repaint_swatches()

    def repaint_swatches(self) -> None:
        """Redraw every swatch (after a colour or the scheme changed)."""
        dark = is_dark(self.palette())
        for button in self.buttons.values():
            name = str(button.property("calendarName"))
            button.setIcon(swatch(self.colours.chips(name, dark).fill))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light <-> dark: the tints change
            self.repaint_swatches()

    def _add_button(self, key: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(f"calendarLegend:{key}")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setIconSize(QSize(SWATCH, SWATCH))
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setToolTip(self.tr("Click or right-click to choose this calendar's colour"))
        button.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        button.clicked.connect(lambda _checked=False, b=button: self.choose(self._name(b)))
        button.customContextMenuRequested.connect(
            lambda pos, b=button: self.menu_for(self._name(b)).popup(b.mapToGlobal(pos))
        )
        self.buttons[key] = button
        self._layout.insertWidget(self._layout.count() - 1, button)
        return button

    @staticmethod
    def _name(button: QToolButton) -> str:
        return str(button.property("calendarName"))

    def menu_for(self, name: str) -> QMenu:
        """The context menu of calendar `name`'s button."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        choose = menu.addAction(self.tr("Choose colour…"))
        choose.triggered.connect(lambda: self.choose(name))
        automatic = menu.addAction(self.tr("Automatic colour"))
        automatic.triggered.connect(lambda: self.colour_chosen.emit(name, ""))
        return menu

    def choose(self, name: str) -> None:
        """Ask for a colour for calendar `name`; announce it through `colour_chosen`."""
        colour = ColourPicker.ask(self, name, self.colours.base(name))
        if colour is not None:
            self.colour_chosen.emit(name, colour.name())
