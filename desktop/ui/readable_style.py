"""Fusion, with check boxes and focus rings that stay visible in the dark scheme.

Fusion outlines a check box in the window colour made darker: on a dark window that
outline all but disappears (the Tasks pane's checkboxes were faint), and its focus
frame is the selection colour made darker still. `ReadableStyle` draws those two
things from the palette's roles instead: the box's border in the placeholder text
colour (at least 3:1 against the field, which the theme's tests check), a checked
box filled with the selection colour and ticked in the selected-text colour, and a
2 px focus ring in `focus_colour`. Everything else is Fusion's.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

from desktop.ui.widgets.calendar_colours import contrast

NON_TEXT_CONTRAST = 3.0  # WCAG 1.4.11: borders and focus indicators
CHECKS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
)
Role = QPalette.ColorRole


def focus_colour(palette: QPalette) -> QColor:
    """The focus ring: the selection colour, or the link colour where that is too dim."""
    window = palette.color(Role.Window)
    highlight = palette.color(Role.Highlight)
    if contrast(highlight, window) >= NON_TEXT_CONTRAST:
        return highlight
    return palette.color(Role.Link)


def indicator_border(palette: QPalette, enabled: bool = True) -> QColor:
    """The outline of an unchecked box (the muted text colour: it reads on the field)."""
    group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
    role = Role.PlaceholderText if enabled else Role.Text
    return palette.color(group, role)


class ReadableStyle(QProxyStyle):
    """Fusion with visible check boxes and focus rings in both schemes."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element in CHECKS:
            self._draw_check(option, painter)
        elif element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            self._draw_focus(option, painter)
        else:
            super().drawPrimitive(element, option, painter, widget)

    def _draw_check(self, option: QStyleOption, painter: QPainter) -> None:
        palette, state = option.palette, option.state
        enabled = bool(state & QStyle.StateFlag.State_Enabled)
        on = bool(state & QStyle.StateFlag.State_On)
        partly = bool(state & QStyle.StateFlag.State_NoChange)
        side = min(option.rect.width(), option.rect.height()) - 2
        box = QRectF(0, 0, side, side)
        box.moveCenter(QRectF(option.rect).center())
        box.adjust(0.5, 0.5, -0.5, -0.5)
        group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if on or partly:
            fill = palette.color(group, Role.Highlight)
            # On a selected row the fill is the row's colour: outline it in the row's text.
            selected = bool(state & QStyle.StateFlag.State_Selected)
            outline = palette.color(group, Role.HighlightedText) if selected else fill
            painter.setPen(QPen(outline, 1.5 if selected else 1))
            painter.setBrush(fill)
        else:
            painter.setPen(QPen(indicator_border(palette, enabled), 1.5))
            painter.setBrush(palette.color(group, Role.Base))
        painter.drawRoundedRect(box, 3, 3)
        mark = QPen(palette.color(group, Role.HighlightedText), max(1.5, side / 8))
        mark.setCapStyle(Qt.PenCapStyle.RoundCap)
        mark.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(mark)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        x, y, w, h = box.x(), box.y(), box.width(), box.height()
        if partly:
            painter.drawLine(QPointF(x + w * 0.28, y + h / 2), QPointF(x + w * 0.72, y + h / 2))
        elif on:
            tick = QPainterPath(QPointF(x + w * 0.25, y + h * 0.52))
            tick.lineTo(QPointF(x + w * 0.43, y + h * 0.7))
            tick.lineTo(QPointF(x + w * 0.76, y + h * 0.32))
            painter.drawPath(tick)
        painter.restore()

    def _draw_focus(self, option: QStyleOption, painter: QPainter) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(focus_colour(option.palette), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect).adjusted(1, 1, -1, -1)
        painter.drawRoundedRect(rect, 3, 3)
        painter.restore()
