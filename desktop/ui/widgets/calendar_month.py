"""The month view of the calendar: six weeks of seven days, a few events per day.

Each day shows as many events as fit (all-day ones first) and "+k more" for the rest;
clicking "+k more" or double-clicking a day number asks to show that day. Dragging
an event to another day moves it by whole days (timed events keep their time of day).
`cell_rect`, `event_rect` and `more_rect` let tests find things without pixels.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.services.calendar import Occurrence
from desktop.ui.widgets.calendar_colours import DEFAULT_COLOURS
from desktop.ui.widgets.calendar_layout import (
    MONTH_DAYS,
    covers,
    day_span,
    local_span,
    same_occurrence,
)
from desktop.ui.widgets.calendar_paint import (
    TODAY_COLOUR,
    chip_title,
    grid_pen,
    muted_text,
    paint_chip,
    shade,
)

HEADER_HEIGHT = 24
NUMBER_HEIGHT = 22
CHIP_HEIGHT = 19
DRAG_DISTANCE = 4


@dataclass
class MonthDrag:
    press: QPoint
    day: date
    occurrence: Occurrence
    moved: bool = False
    target: date | None = None


class MonthView(QWidget):
    """A 6x7 grid of days with their events.

    Signals:
        create_requested(object, object, bool): make an event (first day, exclusive
            end day, True: all-day).
        open_requested(object): open this Occurrence in the editor.
        reschedule_requested(object, object, object): an Occurrence was dragged to
            another day (it, new start, new end).
        clicked(object, object): a day (and maybe an Occurrence) was clicked.
        day_activated(object): show this day (its number or "+k more" was clicked).
    """

    create_requested = Signal(object, object, bool)
    open_requested = Signal(object)
    reschedule_requested = Signal(object, object, object)
    clicked = Signal(object, object)
    day_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours = DEFAULT_COLOURS  # the pane sets the user's calendars' colours
        self.setObjectName("calendarMonthGrid")
        self.setAccessibleName(self.tr("Month"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.days: list[date] = []
        self.month = 0
        self.zone = ZoneInfo("UTC")
        self.now: datetime | None = None
        self.by_day: dict[date, list[Occurrence]] = {}
        self.selected: Occurrence | None = None
        self.selected_day: date | None = None
        self._drag: MonthDrag | None = None

    def minimumSizeHint(self) -> QSize:
        return QSize(7 * 60, HEADER_HEIGHT + 6 * (NUMBER_HEIGHT + CHIP_HEIGHT + 4))

    def set_data(
        self, days: list[date], month: int, occurrences: list[Occurrence], zone: ZoneInfo
    ) -> None:
        self.days, self.month, self.zone = days[:MONTH_DAYS], month, zone
        self.by_day = {day: [] for day in self.days}
        for occ in occurrences:
            for day in self._days_of(occ):
                self.by_day[day].append(occ)
        for items in self.by_day.values():
            items.sort(key=lambda o: (not o.all_day, self._sort_time(o), o.title))
        self._drag = None
        self.update()

    def set_now(self, now: datetime | None) -> None:
        self.now = now
        self.update()

    def set_selection(self, day: date | None, occurrence: Occurrence | None) -> None:
        self.selected_day, self.selected = day, occurrence
        self.update()

    def _days_of(self, occ: Occurrence) -> list[date]:
        if occ.all_day:
            first, last = day_span(occ)
        else:
            start, end = local_span(occ, self.zone)
            first, last = start.date(), max(start.date(), (end - timedelta(microseconds=1)).date())
        first, last = max(first, self.days[0]), min(last, self.days[-1])
        found = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        return [day for day in found if covers(occ, day, self.zone)]

    def _sort_time(self, occ: Occurrence) -> datetime:
        if occ.all_day:
            return datetime.combine(day_span(occ)[0], time(), self.zone)
        return local_span(occ, self.zone)[0]

    # -- geometry ----------------------------------------------------------------------

    def cell_rect(self, day: date) -> QRect:
        index = (day - self.days[0]).days
        row, column = divmod(index, 7)
        width, height = self.width() / 7, (self.height() - HEADER_HEIGHT) / 6
        left, top = round(column * width), HEADER_HEIGHT + round(row * height)
        right, bottom = round((column + 1) * width), HEADER_HEIGHT + round((row + 1) * height)
        return QRect(left, top, right - left, bottom - top)

    def capacity(self, day: date) -> int:
        """How many chips fit in a day (including a "+k more" line when needed)."""
        return max(1, (self.cell_rect(day).height() - NUMBER_HEIGHT - 2) // CHIP_HEIGHT)

    def shown(self, day: date) -> tuple[list[Occurrence], int]:
        """The occurrences drawn in `day` and how many are hidden behind "+k more"."""
        items = self.by_day.get(day, [])
        room = self.capacity(day)
        if len(items) <= room:
            return items, 0
        return items[: room - 1], len(items) - (room - 1)

    def _chip_rect(self, day: date, slot: int) -> QRect:
        cell = self.cell_rect(day)
        top = cell.top() + NUMBER_HEIGHT + slot * CHIP_HEIGHT
        return QRect(cell.left() + 3, top, cell.width() - 6, CHIP_HEIGHT - 2)

    def event_rect(self, occurrence: Occurrence, day: date | None = None) -> QRect | None:
        """Where `occurrence` is drawn (on `day`, else on its first shown day)."""
        for each in [day] if day is not None else self.days:
            items, _hidden = self.shown(each)
            for slot, occ in enumerate(items):
                if same_occurrence(occ, occurrence):
                    return self._chip_rect(each, slot)
        return None

    def more_rect(self, day: date) -> QRect | None:
        items, hidden = self.shown(day)
        return self._chip_rect(day, len(items)) if hidden else None

    def day_at(self, pos: QPoint) -> date | None:
        if not self.days or pos.y() < HEADER_HEIGHT:
            return None
        column = min(6, max(0, int(pos.x() / (self.width() / 7))))
        row = min(5, max(0, int((pos.y() - HEADER_HEIGHT) / ((self.height() - HEADER_HEIGHT) / 6))))
        return self.days[row * 7 + column]

    def _hit(self, pos: QPoint) -> tuple[date, Occurrence | None, bool]:
        """(day, occurrence under `pos` or None, whether "+k more" was hit)."""
        day = self.day_at(pos)
        if day is None:
            return self.days[0], None, False
        items, _hidden = self.shown(day)
        for slot, occ in enumerate(items):
            if self._chip_rect(day, slot).contains(pos):
                return day, occ, False
        more = self.more_rect(day)
        return day, None, more is not None and more.contains(pos)

    # -- painting ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        if not self.days:
            return
        width = self.width() / 7
        painter.setPen(muted_text(self))
        for column in range(7):
            name = self.locale().dayName(column + 1, self.locale().FormatType.ShortFormat)
            painter.drawText(
                QRect(round(column * width), 0, round(width), HEADER_HEIGHT),
                int(Qt.AlignmentFlag.AlignCenter),
                name,
            )
        today = self.now.astimezone(self.zone).date() if self.now else None
        for day in self.days:
            self._paint_day(painter, day, today)
        painter.setPen(grid_pen(self, strong=True))
        for row in range(7):
            y = HEADER_HEIGHT + round(row * (self.height() - HEADER_HEIGHT) / 6)
            painter.drawLine(0, y, self.width(), y)
        for column in range(1, 7):
            painter.drawLine(
                round(column * width), HEADER_HEIGHT, round(column * width), self.height()
            )

    def _paint_day(self, painter: QPainter, day: date, today: date | None) -> None:
        cell = self.cell_rect(day)
        if day.month != self.month:
            painter.fillRect(cell, shade(self, 0.04))
        if day == self.selected_day:
            highlight = self.palette().color(QPalette.ColorRole.Highlight)
            highlight.setAlphaF(0.14)
            painter.fillRect(cell, highlight)
        number = QRect(cell.left() + 4, cell.top() + 2, 26, NUMBER_HEIGHT - 4)
        painter.save()
        if day == today:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TODAY_COLOUR)
            painter.drawRoundedRect(number, 8, 8)
            painter.setPen(Qt.GlobalColor.white)
        else:
            colour = self.palette().color(QPalette.ColorRole.Text)
            painter.setPen(colour if day.month == self.month else muted_text(self))
        font = QFont(painter.font())
        font.setBold(day == today)
        painter.setFont(font)
        painter.drawText(number, int(Qt.AlignmentFlag.AlignCenter), str(day.day))
        painter.restore()
        items, hidden = self.shown(day)
        for slot, occ in enumerate(items):
            if self._drag and self._drag.moved and same_occurrence(occ, self._drag.occurrence):
                continue
            paint_chip(
                painter,
                self._chip_rect(day, slot),
                occ,
                [self._chip_text(occ)],
                selected=same_occurrence(occ, self.selected),
                colours=self.colours,
            )
        if hidden:
            painter.setPen(muted_text(self))
            painter.drawText(
                self._chip_rect(day, len(items)).adjusted(4, 0, 0, 0),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self.tr("+%n more", "", hidden),
            )
        drag = self._drag
        if drag and drag.moved and drag.target == day:
            paint_chip(
                painter,
                self._chip_rect(day, 0),
                drag.occurrence,
                [drag.occurrence.title],
                ghost=True,
                colours=self.colours,
            )

    def _chip_text(self, occ: Occurrence) -> str:
        if occ.all_day:
            return chip_title(occ)
        return f"{local_span(occ, self.zone)[0]:%H:%M} {chip_title(occ)}"

    # -- mouse -------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.days:
            return super().mousePressEvent(event)
        pos = event.position().toPoint()
        day, occ, more = self._hit(pos)
        if more:
            self.day_activated.emit(day)
            return
        self.clicked.emit(day, occ)
        if occ is not None:
            self._drag = MonthDrag(pos, day, occ)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        drag, pos = self._drag, event.position().toPoint()
        if drag is None or (
            not drag.moved and (pos - drag.press).manhattanLength() < DRAG_DISTANCE
        ):
            return
        drag.moved, drag.target = True, self.day_at(pos)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        if drag is None or not drag.moved:
            return
        self.update()
        target = self.day_at(event.position().toPoint())
        if target is None or target == drag.day:
            return
        shift = timedelta(days=(target - drag.day).days)
        occ = drag.occurrence
        if occ.all_day:
            first, last = day_span(occ)
            self.reschedule_requested.emit(occ, first + shift, last + shift + timedelta(days=1))
        else:
            start, end = local_span(occ, self.zone)
            self.reschedule_requested.emit(occ, start + shift, end + shift)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.days:
            return
        self._drag = None
        pos = event.position().toPoint()
        day, occ, more = self._hit(pos)
        if occ is not None:
            self.open_requested.emit(occ)
        elif pos.y() < self.cell_rect(day).top() + NUMBER_HEIGHT or more:
            self.day_activated.emit(day)
        else:
            self.create_requested.emit(day, day + timedelta(days=1), True)
