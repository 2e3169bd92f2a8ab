"""Every pane has an icon that renders, in both colour schemes; the app icon comes in every size."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from desktop.config import RESOURCES_DIR
from desktop.ui.icons import pane_icon
from desktop.ui.panes.names import PANES

pytestmark = pytest.mark.gui

HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


@pytest.mark.parametrize("pane", PANES)
def test_each_pane_icon_renders_in_light_and_dark(qapp: object, pane: str) -> None:
    for colour in ("#5f6b7a", "#e8eaed"):
        icon = pane_icon(pane, colour)
        assert not icon.isNull()
        image = icon.pixmap(24, 24).toImage()
        painted = [
            image.pixelColor(x, y)
            for x in range(24)
            for y in range(24)
            if image.pixelColor(x, y).alpha()
        ]
        assert painted, f"the {pane} icon draws nothing"
        assert any(c.name() == colour for c in painted)


@pytest.mark.parametrize("size", HICOLOR_SIZES)
def test_the_app_icon_exists_in_each_hicolor_size(qapp: object, size: int) -> None:
    path = RESOURCES_DIR / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "atrium.png"
    image = QImage(str(path))
    assert (image.width(), image.height()) == (size, size)
