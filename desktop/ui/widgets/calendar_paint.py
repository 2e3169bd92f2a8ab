"""Painting pieces shared by the calendar views: an event chip and the grid colours."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

from desktop.services.calendar import Occurrence
from desktop.ui.widgets.calendar_colours import DEFAULT_COLOURS, CalendarColours, is_dark

RECURRING_MARK = "\u21bb"  # ↻
TODAY_COLOUR = QColor("#d93025")


def grid_pen(widget: QWidget, strong: bool = False) -> QPen:
    """A line colour that reads on light and dark palettes."""
    colour = QColor(widget.palette().color(QPalette.ColorRole.Text))
    colour.setAlphaF(0.22 if strong else 0.1)
    return QPen(colour, 1)


def muted_text(widget: QWidget) -> QColor:
    colour = QColor(widget.palette().color(QPalette.ColorRole.Text))
    colour.setAlphaF(0.65)
    return colour


def shade(widget: QWidget, alpha: float) -> QColor:
    """A faint fill of the text colour (for out-of-hours time and other months' days)."""
    colour = QColor(widget.palette().color(QPalette.ColorRole.Text))
    colour.setAlphaF(alpha)
    return colour


def paint_chip(
    painter: QPainter,
    rect: QRect,
    occurrence: Occurrence,
    lines: list[str],
    *,
    selected: bool = False,
    ghost: bool = False,
    colours: CalendarColours = DEFAULT_COLOURS,
) -> None:
    """An event: a rounded block in its calendar's colour with its text lines inside."""
    device = painter.device()
    palette = device.palette() if isinstance(device, QWidget) else QApplication.palette()
    chip = colours.chips(occurrence.calendar, is_dark(palette))
    fill = QColor(chip.fill)
    if ghost:
        fill.setAlphaF(0.45)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(chip.outline, 2) if selected else Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
    if selected:
        painter.setPen(QPen(chip.text, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(rect).adjusted(2.5, 2.5, -2.5, -2.5), 3, 3)
    painter.setPen(chip.text)
    inner = rect.adjusted(5, 2, -4, -2)
    metrics = painter.fontMetrics()
    y = inner.top()
    for index, text in enumerate(lines):
        if y + metrics.height() > inner.bottom() + 3 and index > 0:
            break
        font = QFont(painter.font())
        font.setBold(index == 0)
        painter.setFont(font)
        shown = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(
            QRect(inner.left(), y, inner.width(), metrics.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            shown,
        )
        y += metrics.height()
    painter.restore()


def chip_title(occurrence: Occurrence) -> str:
    return f"{occurrence.title} {RECURRING_MARK}" if occurrence.recurring else occurrence.title
