"""Both schemes are readable: text contrast measured on the palettes, check boxes rendered.

Every text colour of the light and dark palettes (disabled, placeholder and selected
text included) has a contrast of at least 4.5:1 with its background; check box
outlines and focus rings at least 3:1. A check box is rendered with `ReadableStyle`
and its outline's pixels measured against the field behind it (Fusion's outline in
the dark scheme measured 1.0:1: the faint Tasks checkboxes).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleFactory, QStyleOptionButton

from desktop.ui.readable_style import ReadableStyle, focus_colour, indicator_border
from desktop.ui.theme import apply_theme, dark_palette, light_palette
from desktop.ui.widgets.calendar_colours import contrast

pytestmark = pytest.mark.gui

Role, Group = QPalette.ColorRole, QPalette.ColorGroup
TEXT_PAIRS = (
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.Link, Role.Base),
)


def palettes() -> dict[str, QPalette]:
    fusion = QStyleFactory.create("Fusion")
    return {"light": light_palette(fusion.standardPalette()), "dark": dark_palette()}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_colour_reads_on_its_background(qapp: QApplication, scheme: str) -> None:
    palette = palettes()[scheme]
    low: list[str] = []
    for group in (Group.Active, Group.Inactive):
        for text, background in TEXT_PAIRS:
            ratio = contrast(palette.color(group, text), palette.color(group, background))
            if ratio < 4.5:
                low.append(f"{group.name} {text.name}/{background.name}: {ratio:.2f}")
    for text, background in (
        (Role.WindowText, Role.Window),
        (Role.Text, Role.Base),
        (Role.ButtonText, Role.Button),
    ):
        ratio = contrast(palette.color(Group.Disabled, text), palette.color(background))
        if ratio < 4.5:
            low.append(f"Disabled {text.name}/{background.name}: {ratio:.2f}")
    ratio = contrast(palette.color(Role.PlaceholderText), palette.color(Role.Base))
    if ratio < 4.5:
        low.append(f"PlaceholderText/Base: {ratio:.2f}")
    assert low == [], scheme
    # Disabled text still looks different from enabled text.
    enabled, disabled = (
        palette.color(Role.WindowText),
        palette.color(Group.Disabled, Role.WindowText),
    )
    assert contrast(enabled, disabled) >= 1.5


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_check_box_outlines_and_focus_rings_stand_out(qapp: QApplication, scheme: str) -> None:
    palette = palettes()[scheme]
    for background in (Role.Base, Role.Window):
        assert contrast(indicator_border(palette), palette.color(background)) >= 3.0
        assert contrast(palette.color(Role.Highlight), palette.color(background)) >= 3.0
    assert contrast(focus_colour(palette), palette.color(Role.Window)) >= 3.0


def _render_check(palette: QPalette, checked: bool) -> QImage:
    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    image.fill(palette.color(Role.Base))
    option = QStyleOptionButton()
    option.rect = QRect(10, 10, 18, 18)
    option.palette = palette
    option.state = QStyle.StateFlag.State_Enabled | (
        QStyle.StateFlag.State_On if checked else QStyle.StateFlag.State_Off
    )
    painter = QPainter(image)
    ReadableStyle().drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorCheckBox, option, painter)
    painter.end()
    return image


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_unchecked_box_is_drawn_with_a_visible_outline(qapp: QApplication, scheme: str) -> None:
    palette = palettes()[scheme]
    image = _render_check(palette, checked=False)
    field = palette.color(Role.Base)
    strongest = max(
        contrast(image.pixelColor(x, 19), field) for x in range(8, 16)
    )  # across the left edge
    assert strongest >= 3.0, scheme
    checked = _render_check(palette, checked=True)
    assert contrast(checked.pixelColor(13, 13), field) >= 3.0  # the fill, near a corner


def test_apply_theme_installs_the_readable_style_and_the_fixed_palettes(
    qapp: QApplication,
) -> None:
    try:
        assert apply_theme(qapp, "dark") == "dark"
        assert isinstance(qapp.style(), ReadableStyle)
        assert qapp.palette().color(Group.Disabled, Role.Text) == QColor("#93979c")
        assert apply_theme(qapp, "light") == "light"
        highlight = qapp.palette().color(Role.Highlight)
        assert contrast(highlight, qapp.palette().color(Role.HighlightedText)) >= 4.5
    finally:
        apply_theme(qapp, "light")
