"""The day and week views of the calendar: an all-day strip above a scrolling time grid.

`TimeCanvas` paints the hours of one or seven days with their timed events laid out
side by side, the current time line and the out-of-hours shading; it creates by
dragging over empty time (snapped to 15 minutes), moves an event by dragging it and
resizes it by its bottom edge. `DayWeekView` puts `AllDayStrip` (see
calendar_all_day) above it and relays both widgets' requests as one set of signals.
Geometry helpers (`event_rect`, `point_at`) let tests work without pixel constants.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from desktop.core.freetime import WorkingHours
from desktop.services.calendar import Occurrence
from desktop.ui.widgets.calendar_all_day import AllDayStrip
from desktop.ui.widgets.calendar_colours import DEFAULT_COLOURS
from desktop.ui.widgets.calendar_layout import (
    MINUTES_PER_DAY,
    SNAP_MINUTES,
    Placed,
    at_minutes,
    is_working,
    layout_days,
    local_span,
    same_occurrence,
    snap,
)
from desktop.ui.widgets.calendar_paint import (
    TODAY_COLOUR,
    chip_title,
    grid_pen,
    muted_text,
    paint_chip,
    shade,
)

HOUR_HEIGHT = 48
GUTTER = 56  # the hour labels on the left
EDGE = 6  # pixels at an event's bottom that resize it
DRAG_DISTANCE = 4


@dataclass
class Drag:
    """A mouse drag in progress: creating, moving or resizing."""

    kind: str  # "create", "move" or "resize"
    press: QPoint
    day_index: int
    minute: int  # snapped minute under the press
    occurrence: Occurrence | None = None
    moved: bool = False
    preview: tuple[int, int, int] = field(default=(0, 0, 0))  # day index, top, bottom


class TimeCanvas(QWidget):
    """The hour grid of one or more days (put inside a scroll area).

    Signals:
        create_requested(object, object): a span of empty time was dragged (start, end).
        open_requested(object): an event was double-clicked (its Occurrence).
        reschedule_requested(object, object, object): an event was moved or resized
            (the Occurrence, its new start, its new end).
        clicked(object, object): a day was clicked (the date, the Occurrence or None).
    """

    create_requested = Signal(object, object)
    open_requested = Signal(object)
    reschedule_requested = Signal(object, object, object)
    clicked = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours = DEFAULT_COLOURS  # the pane sets the user's calendars' colours
        self.setObjectName("calendarTimeGrid")
        self.setAccessibleName(self.tr("Time grid"))
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(24 * HOUR_HEIGHT + 1)
        self.days: list[date] = []
        self.zone = ZoneInfo("UTC")
        self.now: datetime | None = None
        self.hours: WorkingHours | None = None
        self.placed: list[Placed] = []
        self.selected: Occurrence | None = None
        self.selected_day: date | None = None
        self._drag: Drag | None = None

    def sizeHint(self) -> QSize:
        return QSize(600, 24 * HOUR_HEIGHT + 1)

    def set_data(self, days: list[date], occurrences: list[Occurrence], zone: ZoneInfo) -> None:
        self.days, self.zone = days, zone
        self.placed = layout_days(occurrences, days, zone)
        self._drag = None
        self.update()

    # -- geometry ----------------------------------------------------------------------

    def column_width(self) -> float:
        return (self.width() - GUTTER) / max(1, len(self.days))

    def column_x(self, index: int) -> int:
        return GUTTER + round(index * self.column_width())

    def y_of(self, minutes: float) -> int:
        return round(minutes * HOUR_HEIGHT / 60)

    def minute_at(self, y: float) -> float:
        return max(0.0, min(float(MINUTES_PER_DAY), y * 60 / HOUR_HEIGHT))

    def day_index_at(self, x: float) -> int:
        index = int((x - GUTTER) // self.column_width()) if x >= GUTTER else 0
        return max(0, min(len(self.days) - 1, index))

    def point_at(self, day: date, minutes: int) -> QPoint:
        """The middle of `day`'s column at `minutes` after midnight (for tests and keys)."""
        index = self.days.index(day)
        x = round(self.column_x(index) + self.column_width() / 2)
        return QPoint(x, self.y_of(minutes))

    def _placed_rect(self, item: Placed) -> QRect:
        width = self.column_width() - 6
        left = self.column_x(item.day_index) + 1 + round(item.column * width / item.columns)
        right = self.column_x(item.day_index) + 1 + round((item.column + 1) * width / item.columns)
        top = self.y_of(item.top)
        bottom = max(self.y_of(item.bottom), top + self.y_of(20))
        return QRect(left, top + 1, max(8, right - left - 1), max(8, bottom - top - 2))

    def event_rect(self, occurrence: Occurrence) -> QRect | None:
        """Where `occurrence` is drawn (its first piece), or None when it is not shown."""
        for item in self.placed:
            if same_occurrence(item.occurrence, occurrence):
                return self._placed_rect(item)
        return None

    def event_at(self, pos: QPoint) -> Placed | None:
        for item in reversed(self.placed):
            if self._placed_rect(item).contains(pos):
                return item
        return None

    # -- painting ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        self._paint_grid(painter)
        for item in self.placed:
            if (
                self._drag
                and self._drag.moved
                and same_occurrence(item.occurrence, self._drag.occurrence)
            ):
                continue
            rect = self._placed_rect(item)
            paint_chip(
                painter,
                rect,
                item.occurrence,
                self._lines(item.occurrence, rect.height()),
                selected=same_occurrence(item.occurrence, self.selected),
                colours=self.colours,
            )
        self._paint_drag(painter)
        self._paint_now(painter)

    def _paint_grid(self, painter: QPainter) -> None:
        width = self.column_width()
        for index, day in enumerate(self.days):
            left = self.column_x(index)
            for hour in range(24):
                if not is_working(self.hours, day, hour * 60):
                    painter.fillRect(
                        QRect(left, self.y_of(hour * 60), round(width), HOUR_HEIGHT),
                        shade(self, 0.035),
                    )
            if day == self.selected_day and len(self.days) > 1:
                highlight = self.palette().color(QPalette.ColorRole.Highlight)
                highlight.setAlphaF(0.08)
                painter.fillRect(QRect(left, 0, round(width), self.height()), highlight)
        for hour in range(25):
            y = self.y_of(hour * 60)
            painter.setPen(grid_pen(self, strong=True))
            painter.drawLine(GUTTER - 6, y, self.width(), y)
            painter.setPen(grid_pen(self))
            half = self.y_of(hour * 60 + 30)
            painter.drawLine(GUTTER, half, self.width(), half)
            if 0 < hour < 24:
                painter.setPen(muted_text(self))
                painter.drawText(
                    QRect(0, y - 8, GUTTER - 10, 16),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    f"{hour:02d}:00",
                )
        painter.setPen(grid_pen(self, strong=True))
        for index in range(len(self.days) + 1):
            x = self.column_x(index)
            painter.drawLine(x, 0, x, self.height())

    def _paint_drag(self, painter: QPainter) -> None:
        drag = self._drag
        if drag is None or not drag.moved:
            return
        day_index, top, bottom = drag.preview
        item = Placed(drag.occurrence or _blank(), day_index, top, bottom, 0, 1)
        rect = self._placed_rect(item)
        start = at_minutes(self.days[day_index], top, self.zone)
        end = at_minutes(self.days[day_index], bottom, self.zone)
        title = drag.occurrence.title if drag.occurrence else self.tr("New event")
        paint_chip(
            painter,
            rect,
            item.occurrence,
            [title, f"{start:%H:%M} – {end:%H:%M}"],
            ghost=True,
            colours=self.colours,
        )

    def _paint_now(self, painter: QPainter) -> None:
        if self.now is None:
            return
        local = self.now.astimezone(self.zone)
        if local.date() not in self.days:
            return
        index = self.days.index(local.date())
        y = self.y_of(local.hour * 60 + local.minute)
        left, right = self.column_x(index), self.column_x(index + 1)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(TODAY_COLOUR, 2))
        painter.drawLine(left, y, right, y)
        painter.setBrush(TODAY_COLOUR)
        painter.drawEllipse(QPoint(left, y), 4, 4)

    def _lines(self, occurrence: Occurrence, height: int) -> list[str]:
        start, end = local_span(occurrence, self.zone)
        lines = [chip_title(occurrence), f"{start:%H:%M} – {end:%H:%M}"]
        if occurrence.location:
            lines.append(occurrence.location)
        return lines

    # -- mouse -------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.days:
            return super().mousePressEvent(event)
        pos = event.position().toPoint()
        index = self.day_index_at(pos.x())
        minute = int(self.minute_at(pos.y()) // SNAP_MINUTES * SNAP_MINUTES)
        hit = self.event_at(pos)
        if hit is None:
            self._drag = Drag("create", pos, index, minute)
            self.clicked.emit(self.days[index], None)
            return
        rect = self._placed_rect(hit)
        kind = "resize" if pos.y() >= rect.bottom() - EDGE else "move"
        self._drag = Drag(kind, pos, index, minute, hit.occurrence)
        self.clicked.emit(self.days[hit.day_index], hit.occurrence)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        drag = self._drag
        if drag is None:
            hit = self.event_at(pos)
            near_edge = hit is not None and pos.y() >= self._placed_rect(hit).bottom() - EDGE
            self.setCursor(
                Qt.CursorShape.SizeVerCursor if near_edge else Qt.CursorShape.ArrowCursor
            )
            return
        if not drag.moved and (pos - drag.press).manhattanLength() < DRAG_DISTANCE:
            return
        drag.moved = True
        drag.preview = self._preview(drag, pos)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if not drag.moved:
            return
        day_index, top, bottom = self._preview(drag, event.position().toPoint())
        self.update()
        day = self.days[day_index]
        if drag.kind == "create":
            self.create_requested.emit(
                at_minutes(day, top, self.zone), at_minutes(day, bottom, self.zone)
            )
            return
        assert drag.occurrence is not None
        start, end = self._moved_span(drag, day_index, top, bottom)
        if (start, end) != local_span(drag.occurrence, self.zone):
            self.reschedule_requested.emit(drag.occurrence, start, end)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.days:
            return
        self._drag = None
        pos = event.position().toPoint()
        hit = self.event_at(pos)
        if hit is not None:
            self.open_requested.emit(hit.occurrence)
            return
        day = self.days[self.day_index_at(pos.x())]
        top = int(self.minute_at(pos.y()) // 30 * 30)
        end = min(MINUTES_PER_DAY, top + 60)
        self.create_requested.emit(at_minutes(day, top, self.zone), at_minutes(day, end, self.zone))

    def _preview(self, drag: Drag, pos: QPoint) -> tuple[int, int, int]:
        """Where the dragged block would land: (day index, top, bottom) in minutes."""
        minute = snap(self.minute_at(pos.y()))
        if drag.kind == "create":
            top, bottom = sorted((drag.minute, minute))
            if bottom - top < SNAP_MINUTES:
                bottom = min(MINUTES_PER_DAY, top + SNAP_MINUTES)
                top = bottom - SNAP_MINUTES
            return drag.day_index, top, bottom
        occurrence = drag.occurrence
        assert occurrence is not None
        start, end = local_span(occurrence, self.zone)
        length = round((end - start).total_seconds() / 60)
        top = start.hour * 60 + start.minute
        if drag.kind == "resize":
            bottom = max(top + SNAP_MINUTES, minute) if start.date() in self.days else minute
            index = self.days.index(start.date()) if start.date() in self.days else drag.day_index
            return index, top, min(MINUTES_PER_DAY, bottom)
        delta = round((self.minute_at(pos.y()) - self.minute_at(drag.press.y())) / SNAP_MINUTES)
        top = max(0, min(MINUTES_PER_DAY - SNAP_MINUTES, top + delta * SNAP_MINUTES))
        index = self.day_index_at(pos.x())
        return index, top, min(MINUTES_PER_DAY, top + length)

    def _moved_span(
        self, drag: Drag, day_index: int, top: int, bottom: int
    ) -> tuple[datetime, datetime]:
        assert drag.occurrence is not None
        start, end = local_span(drag.occurrence, self.zone)
        if drag.kind == "resize":
            if start.date() in self.days:
                return start, at_minutes(self.days[day_index], bottom, self.zone)
            return start, at_minutes(self.days[drag.day_index], bottom, self.zone)
        new_start = at_minutes(self.days[day_index], top, self.zone)
        return new_start, new_start + (end - start)


def _blank() -> Occurrence:
    """A stand-in occurrence for the block being created (painted in the default colour)."""
    now = datetime(2000, 1, 1)
    return Occurrence(uuid.UUID(int=0), "", now, now, False, "", False, "")


class DayWeekView(QWidget):
    """One day or one week: day headers and all-day events above a scrolling time grid.

    Signals:
        create_requested(object, object, bool): make an event (start, end, all-day);
            all-day spans are dates with an exclusive end.
        open_requested(object): open this Occurrence in the editor.
        reschedule_requested(object, object, object): move or resize an Occurrence
            to (start, end).
        clicked(object, object): a day (and maybe an Occurrence) was clicked.
        day_activated(object): a day's header was double-clicked (show that day).
    """

    create_requested = Signal(object, object, bool)
    open_requested = Signal(object)
    reschedule_requested = Signal(object, object, object)
    clicked = Signal(object, object)
    day_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = TimeCanvas()
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("calendarTimeScroll")
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.canvas)
        self.strip = AllDayStrip(self.canvas)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.strip)
        layout.addWidget(self.scroll_area, 1)
        self.canvas.create_requested.connect(
            lambda start, end: self.create_requested.emit(start, end, False)
        )
        self.strip.create_requested.connect(
            lambda first, end: self.create_requested.emit(first, end, True)
        )
        for source in (self.canvas, self.strip):
            source.open_requested.connect(self.open_requested)
            source.reschedule_requested.connect(self.reschedule_requested)
            source.clicked.connect(self.clicked)
        self.strip.day_activated.connect(self.day_activated)

    def set_data(
        self,
        days: list[date],
        occurrences: list[Occurrence],
        zone: ZoneInfo,
        hours: WorkingHours | None,
    ) -> None:
        self.canvas.hours = hours
        self.canvas.set_data(days, occurrences, zone)
        self.strip.set_data(days, occurrences, zone)

    def set_now(self, now: datetime | None) -> None:
        self.canvas.now = self.strip.now = now
        self.canvas.update()
        self.strip.update()

    def set_selection(self, day: date | None, occurrence: Occurrence | None) -> None:
        for widget in (self.canvas, self.strip):
            widget.selected_day, widget.selected = day, occurrence
            widget.update()
        if occurrence is not None and not occurrence.all_day:
            rect = self.canvas.event_rect(occurrence)
            if rect is not None:
                self.scroll_area.ensureVisible(
                    rect.center().x(), rect.center().y(), 0, rect.height()
                )

    def scroll_to_minutes(self, minutes: int) -> None:
        self.scroll_area.verticalScrollBar().setValue(self.canvas.y_of(minutes))

    def locate(self, occurrence: Occurrence) -> tuple[QWidget, QRect | None]:
        """The widget that draws `occurrence` and its rectangle there (None: not shown)."""
        if occurrence.all_day:
            return self.strip, self.strip.event_rect(occurrence)
        return self.canvas, self.canvas.event_rect(occurrence)

    def visible_step(self) -> timedelta:
        return timedelta(days=len(self.canvas.days))
