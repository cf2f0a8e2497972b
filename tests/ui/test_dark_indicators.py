"""Check boxes show on a dark palette (issue 21): Fusion draws their frame in the window
colour darkened, nearly invisible on a dark window; ClearIndicators draws a visible one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QStyle,
    QStyleFactory,
    QStyleOptionButton,
)
from pytestqt.qtbot import QtBot

from studyplanner.ui.widgets.theme import (
    ClearIndicators,
    ThemeChoice,
    apply_theme,
    dark_palette,
    light_palette,
)


def frame_contrast(qtbot: QtBot, style: QStyle, dark: bool) -> int:
    """How far the indicator's frame stands out from the window behind it (0 to 255)."""
    box = QCheckBox("Show retired certifications")
    qtbot.addWidget(box)
    box.setStyle(style)
    palette = dark_palette() if dark else light_palette()
    box.setPalette(palette)
    box.resize(box.sizeHint())
    image: QImage = box.grab().toImage()
    option = QStyleOptionButton()
    option.initFrom(box)
    rect: QRect = style.subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    window = palette.window().color()
    ring = [
        QColor(image.pixel(rect.left() + 1, y)) for y in range(rect.top() + 2, rect.bottom() - 1)
    ]

    def distance(colour: QColor) -> int:
        return max(
            abs(colour.red() - window.red()),
            abs(colour.green() - window.green()),
            abs(colour.blue() - window.blue()),
        )

    return max(distance(colour) for colour in ring)


@pytest.fixture
def fusion() -> QStyle:
    style = QStyleFactory.create("Fusion")
    assert style is not None
    return style


def test_a_check_box_frame_shows_on_a_dark_palette(qtbot: QtBot, fusion: QStyle) -> None:
    assert frame_contrast(qtbot, fusion, dark=True) < 40  # what issue 21 saw
    clear = ClearIndicators("Fusion")
    assert frame_contrast(qtbot, clear, dark=True) >= 60


def test_light_palettes_are_left_as_fusion_draws_them(qtbot: QtBot, fusion: QStyle) -> None:
    clear = ClearIndicators("Fusion")
    assert frame_contrast(qtbot, clear, dark=False) == frame_contrast(qtbot, fusion, dark=False)


def test_the_theme_dresses_check_boxes_while_it_is_dark_and_only_then(
    qtbot: QtBot, qapp: QApplication
) -> None:
    """ClearIndicators is a style written in Python, which every widget's painting would
    call into: the theme puts it on for a dark palette and takes it off for a light one."""
    try:
        apply_theme(qapp, ThemeChoice.LIGHT)
        assert not isinstance(qapp.style(), ClearIndicators)
        apply_theme(qapp, ThemeChoice.DARK)
        style = qapp.style()
        assert isinstance(style, ClearIndicators)
        assert frame_contrast(qtbot, style, dark=True) >= 60
        apply_theme(qapp, ThemeChoice.LIGHT)
        assert not isinstance(qapp.style(), ClearIndicators)
        assert qapp.style().name().lower() == "fusion"
    finally:
        apply_theme(qapp, ThemeChoice.SYSTEM)
