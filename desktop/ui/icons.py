"""Pane icons: the SVGs in resources/icons/panes, drawn in the palette's text colour.

One set of line icons serves both schemes: the stroke colour is replaced by the
current palette's window-text colour before the SVG is rendered.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from desktop.config import RESOURCES_DIR

PANE_ICONS = RESOURCES_DIR / "icons" / "panes"
STROKE = "#5f6b7a"  # the colour the SVG files are drawn in
SIZES = (16, 20, 24, 32, 48)


@lru_cache(maxsize=64)
def pane_icon(pane: str, colour: str = STROKE) -> QIcon:
    """The icon of `pane` in `colour` (an empty icon when the file is missing)."""
    path = PANE_ICONS / f"{pane}.svg"
    if not path.exists():
        return QIcon()
    svg = path.read_text(encoding="utf-8").replace(STROKE, colour)
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    icon = QIcon()
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor(Qt.GlobalColor.transparent))
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon
