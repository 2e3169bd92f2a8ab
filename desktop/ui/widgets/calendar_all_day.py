"""The strip above the time grid: day headers and the all-day events, packed in rows.

Its columns line up with the `TimeCanvas` it is given. Dragging over empty days
creates an all-day event; dragging an event moves it by whole days; double-clicking a
day's header asks to show that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from desktop.services.calendar import Occurrence
from desktop.ui.widgets.calendar_colours import DEFAULT_COLOURS
from desktop.ui.widgets.calendar_layout import all_day_rows, day_span, same_occurrence
from desktop.ui.widgets.calendar_paint import (
    TODAY_COLOUR,
    chip_title,
    grid_pen,
    muted_text,
    paint_chip,
)

if TYPE_CHECKING:
    from desktop.ui.widgets.calendar_day_week import TimeCanvas

HEADER_HEIGHT = 40
ROW_HEIGHT = 22
DRAG_DISTANCE = 4


@dataclass
class StripDrag:
    """A drag in the all-day area: creating a span of days or moving an event."""

    press: QPoint
    day_index: int
    occurrence: Occurrence | None
    moved: bool = False
    current: int = 0


class AllDayStrip(QWidget):
    """Day headers and all-day events of the days `canvas` shows.

    Signals:
        create_requested(object, object): days were chosen (first date, exclusive end date).
        open_requested(object): an all-day Occurrence was double-clicked.
        reschedule_requested(object, object, object): an Occurrence was dragged to
            other days (it, new first date, new exclusive end date).
        clicked(object, object): a day (and maybe an Occurrence) was clicked.
        day_activated(object): a day's header was double-clicked.
    """

    create_requested = Signal(object, object)
    open_requested = Signal(object)
    reschedule_requested = Signal(object, object, object)
    clicked = Signal(object, object)
    day_activated = Signal(object)

    def __init__(self, canvas: TimeCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours = DEFAULT_COLOURS  # the pane sets the user's calendars' colours
        self.setObjectName("calendarAllDayStrip")
        self.setAccessibleName(self.tr("All-day events"))
        self.canvas = canvas
        self.days: list[date] = []
        self.zone = ZoneInfo("UTC")
        self.now: datetime | None = None
        self.rows: list[tuple[Occurrence, int, int, int]] = []
        self.selected: Occurrence | None = None
        self.selected_day: date | None = None
        self._drag: StripDrag | None = None
        self.setFixedHeight(HEADER_HEIGHT + ROW_HEIGHT + 6)

    def set_data(self, days: list[date], occurrences: list[Occurrence], zone: ZoneInfo) -> None:
        self.days, self.zone = days, zone
        self.rows = all_day_rows(occurrences, days[0], days[-1]) if days else []
        count = max((row for *_, row in self.rows), default=0) + 1
        self.setFixedHeight(HEADER_HEIGHT + min(count, 6) * ROW_HEIGHT + 6)
        self.update()

    # -- geometry ----------------------------------------------------------------------

    def _span_rect(self, first: int, last: int, row: int) -> QRect:
        left = self.canvas.column_x(first) + 2
        right = self.canvas.column_x(last + 1) - 3
        return QRect(left, HEADER_HEIGHT + row * ROW_HEIGHT + 1, right - left, ROW_HEIGHT - 3)

    def event_rect(self, occurrence: Occurrence) -> QRect | None:
        for occ, first, last, row in self.rows:
            if same_occurrence(occ, occurrence):
                return self._span_rect(first, last, row)
        return None

    def day_rect(self, day: date) -> QRect:
        """The header cell of `day`."""
        index = self.days.index(day)
        left = self.canvas.column_x(index)
        return QRect(left, 0, self.canvas.column_x(index + 1) - left, HEADER_HEIGHT)

    def _hit(self, pos: QPoint) -> tuple[Occurrence, int] | None:
        for occ, first, last, row in self.rows:
            if self._span_rect(first, last, row).contains(pos):
                return occ, first
        return None

    # -- painting ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Window))
        today = self.now.astimezone(self.zone).date() if self.now else None
        painter.setPen(muted_text(self))
        painter.drawText(
            QRect(0, HEADER_HEIGHT, 52, ROW_HEIGHT),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            self.tr("all-day"),
        )
        for day in self.days:
            cell = self.day_rect(day)
            if day == self.selected_day and len(self.days) > 1:
                highlight = self.palette().color(QPalette.ColorRole.Highlight)
                highlight.setAlphaF(0.12)
                painter.fillRect(cell.adjusted(1, 0, 0, 0), highlight)
            name = self.locale().dayName(day.isoweekday(), self.locale().FormatType.ShortFormat)
            painter.setPen(TODAY_COLOUR if day == today else muted_text(self))
            painter.drawText(
                cell.adjusted(0, 3, 0, -HEADER_HEIGHT // 2),
                int(Qt.AlignmentFlag.AlignCenter),
                name,
            )
            font = QFont(painter.font())
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.25)
            painter.save()
            painter.setFont(font)
            painter.setPen(
                TODAY_COLOUR if day == today else self.palette().color(QPalette.ColorRole.Text)
            )
            painter.drawText(
                cell.adjusted(0, HEADER_HEIGHT // 2 - 4, 0, 0),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                str(day.day),
            )
            painter.restore()
            painter.setPen(grid_pen(self, strong=True))
            painter.drawLine(cell.left(), HEADER_HEIGHT - 6, cell.left(), self.height())
        painter.setPen(grid_pen(self, strong=True))
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        for occ, first, last, row in self.rows:
            if self._drag and self._drag.moved and same_occurrence(occ, self._drag.occurrence):
                continue
            paint_chip(
                painter,
                self._span_rect(first, last, row),
                occ,
                [chip_title(occ)],
                selected=same_occurrence(occ, self.selected),
                colours=self.colours,
            )
        self._paint_drag(painter)

    def _paint_drag(self, painter: QPainter) -> None:
        drag = self._drag
        if drag is None or not drag.moved:
            return
        if drag.occurrence is None:
            first, last = sorted((drag.day_index, drag.current))
            rect = self._span_rect(first, last, 0)
            highlight = self.palette().color(QPalette.ColorRole.Highlight)
            highlight.setAlphaF(0.4)
            painter.fillRect(rect, highlight)
            return
        for occ, first, last, row in self.rows:
            if same_occurrence(occ, drag.occurrence):
                shift = drag.current - drag.day_index
                lo = max(0, min(len(self.days) - 1, first + shift))
                hi = max(0, min(len(self.days) - 1, last + shift))
                paint_chip(
                    painter,
                    self._span_rect(lo, hi, row),
                    occ,
                    [occ.title],
                    ghost=True,
                    colours=self.colours,
                )

    # -- mouse -------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.days:
            return super().mousePressEvent(event)
        pos = event.position().toPoint()
        index = self.canvas.day_index_at(pos.x())
        hit = self._hit(pos)
        occurrence = hit[0] if hit else None
        self.clicked.emit(self.days[index], occurrence)
        if pos.y() >= HEADER_HEIGHT or occurrence is not None:
            self._drag = StripDrag(pos, index, occurrence, current=index)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        drag = self._drag
        pos = event.position().toPoint()
        if drag is None:
            return
        if not drag.moved and (pos - drag.press).manhattanLength() < DRAG_DISTANCE:
            return
        drag.moved = True
        drag.current = self.canvas.day_index_at(pos.x())
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        if drag is None or not drag.moved or event.button() != Qt.MouseButton.LeftButton:
            return
        self.update()
        current = self.canvas.day_index_at(event.position().toPoint().x())
        if drag.occurrence is None:
            first, last = sorted((drag.day_index, current))
            self.create_requested.emit(self.days[first], self.days[last] + timedelta(days=1))
            return
        shift = timedelta(days=current - drag.day_index)
        if shift:
            start, last_day = day_span(drag.occurrence)
            self.reschedule_requested.emit(
                drag.occurrence, start + shift, last_day + shift + timedelta(days=1)
            )

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.days:
            return
        self._drag = None
        pos = event.position().toPoint()
        day = self.days[self.canvas.day_index_at(pos.x())]
        hit = self._hit(pos)
        if hit is not None:
            self.open_requested.emit(hit[0])
        elif pos.y() < HEADER_HEIGHT:
            self.day_activated.emit(day)
        else:
            self.create_requested.emit(day, day + timedelta(days=1))
