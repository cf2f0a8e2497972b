"""Type for the report: fonts, plain-text cleaning, and lines measured on the printing device.

Everything the user typed is drawn with ``QPainter.drawText`` as plain text, never as rich
text, so it prints exactly as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPaintDevice,
    QPainter,
    QTextLayout,
    QTextOption,
)

FONT_FAMILIES = [
    "Inter",
    "Source Sans 3",
    "Noto Sans",
    "Segoe UI",
    "Helvetica Neue",
    "Arial",
    "DejaVu Sans",
]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(text: str) -> str:
    """User text ready for drawText: line breaks normalised, tabs as spaces, invisible control
    characters shown as a replacement mark instead of silently changing the layout."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _CONTROL.sub("\ufffd", text)


def one_line(text: str) -> str:
    return " ".join(plain(text).split("\n"))


def report_font(
    size: float, weight: QFont.Weight = QFont.Weight.Normal, *, numbers: bool = False
) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(size)
    font.setWeight(weight)
    font.setKerning(True)
    # No ligatures: "fi" drawn as one glyph is extracted as U+FB01, and searching the PDF for
    # "file" or "first" would then miss it.
    font.setFeature(QFont.Tag("liga"), 0)
    if numbers:
        font.setFeature(QFont.Tag("tnum"), 1)
    return font


@dataclass(frozen=True)
class TextStyle:
    """A font with its metrics on the printing device, and the line height used with it."""

    font: QFont
    metrics: QFontMetricsF
    line: float
    color: QColor

    def width(self, text: str) -> float:
        return self.metrics.horizontalAdvance(text)

    def baseline(self, top: float) -> float:
        """Baseline of a line whose box starts at ``top`` (extra leading split above/below)."""
        return top + (self.line - self.metrics.height()) / 2 + self.metrics.ascent()

    def wrap(self, text: str, width: float, device: QPaintDevice) -> list[str]:
        """Break plain ``text`` into lines no wider than ``width``; very long words are cut
        where they must be rather than running into the next column."""
        lines: list[str] = []
        for paragraph in plain(text).split("\n"):
            if not paragraph.strip():
                lines.append("")
                continue
            layout = QTextLayout(paragraph, self.font, device)
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(max(1.0, width))
                start = line.textStart()
                lines.append(paragraph[start : start + line.textLength()].rstrip())
            layout.endLayout()
        return lines

    def draw(
        self,
        painter: QPainter,
        x: float,
        top: float,
        text: str,
        *,
        right: bool = False,
        color: QColor | None = None,
        font: QFont | None = None,
    ) -> None:
        """One line of plain text, left-aligned at ``x`` or right-aligned to end at ``x``."""
        painter.setFont(font or self.font)
        painter.setPen(color or self.color)
        left = x - self.width(text) if right else x
        painter.drawText(QPointF(left, self.baseline(top)), text)
