"""The page body every section of the report is laid out on: the printing device, its width,
the report's type styles and colours (the light set of :mod:`studyplanner.style`), and the
headings, paragraphs and rules they all share."""

from __future__ import annotations

from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice, QPainter, QPen

from studyplanner.export.report.blocks import Block
from studyplanner.export.report.text import TextStyle, report_font
from studyplanner.i18n import _
from studyplanner.style import Colour, qcolor


def continued_title(title: str) -> str:
    """A section's or a note's title repeated at the top of the next page it runs onto."""
    return _("{title} (continued)").format(title=title)


def ink(name: Colour) -> QColor:
    """A house colour for paper: always the light value, whatever the screen's theme, because
    the report is printed on white."""
    return qcolor(name, dark=False)


class Sheet:
    """A page body of the given width on ``device``, measured in the device's pixels."""

    def __init__(self, device: QPaintDevice, width: float) -> None:
        self.device = device
        self.width = width
        self.unit = device.logicalDpiY() / 72.0
        self.eyebrow = self.style(7.5, QFont.Weight.Bold, color=Colour.ACCENT)
        self.title = self.style(20, QFont.Weight.Bold, leading=1.15)
        self.label = self.style(7, QFont.Weight.Bold, color=Colour.MUTED_TEXT)
        self.body = self.style(9, leading=1.4)
        self.body_bold = self.style(9, QFont.Weight.DemiBold, leading=1.4)
        self.muted = self.style(8, color=Colour.MUTED_TEXT, leading=1.35)
        self.section = self.style(11.5, QFont.Weight.Bold, leading=1.2)
        self.stat = self.style(15, QFont.Weight.DemiBold, leading=1.2, numbers=True)
        self.chart = self.style(7, leading=1.2, numbers=True)
        self.chart_muted = self.style(6.5, color=Colour.MUTED_TEXT, leading=1.2, numbers=True)
        self.footer = self.style(7.5, color=Colour.MUTED_TEXT)

    def pt(self, points: float) -> float:
        return points * self.unit

    def style(
        self,
        size: float,
        weight: QFont.Weight = QFont.Weight.Normal,
        *,
        color: Colour = Colour.TEXT,
        leading: float = 1.25,
        numbers: bool = False,
    ) -> TextStyle:
        font = report_font(size, weight, numbers=numbers)
        metrics = QFontMetricsF(font, self.device)
        line = max(metrics.height(), self.pt(size) * leading)
        return TextStyle(font, metrics, line, ink(color))

    def pen(self, color: QColor, points: float) -> QPen:
        pen = QPen(color, self.pt(points))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        return pen

    def rule(
        self, painter: QPainter, y: float, color: Colour = Colour.RULE, points: float = 0.5
    ) -> None:
        painter.setPen(self.pen(ink(color), points))
        painter.drawLine(QLineF(0, y, self.width, y))

    def paragraph(self, text: str, style: TextStyle, space_before: float = 0.0) -> Block:
        lines = style.wrap(text, self.width, self.device)

        def paint(painter: QPainter, top: float) -> None:
            for n, line in enumerate(lines):
                style.draw(painter, 0, top + n * style.line, line)

        return Block(len(lines) * style.line, paint, space_before)

    def heading(self, text: str, *, continued: bool = False) -> Block:
        style = self.muted if continued else self.section
        label = continued_title(text) if continued else text
        gap = self.pt(6) if continued else self.pt(5)
        height = style.line + gap

        def paint(painter: QPainter, top: float) -> None:
            style.draw(painter, 0, top, label)
            if not continued:
                self.rule(painter, top + style.line + self.pt(2), Colour.RULE, 0.6)

        space = 0.0 if continued else self.pt(20)
        return Block(height, paint, space, keep_with_next=True)
