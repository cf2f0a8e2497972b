"""The team timeline on paper: one row per person, a diamond on each planned exam's day (in
its tier's colour; in the warning colours when the exam is at risk), a dark tick where a
certification lapses, a dashed line on each target's day and today's line, over months and
years. It draws ``layout.team_timeline``, the layout the team view draws on screen."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPolygonF

from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.wording import short_month
from studyplanner.export.report.blocks import Block
from studyplanner.export.report.sheet import Sheet, ink
from studyplanner.export.report.text import one_line
from studyplanner.i18n import _
from studyplanner.layout.team_timeline import TeamRow, TeamTimelineLayout
from studyplanner.style import Colour, tier_qcolor

LABEL_SHARE = 0.2
"""The share of the page's width the names take, left of the chart."""


class TeamChart:
    """The chart's blocks for one team timeline layout."""

    def __init__(self, sheet: Sheet, layout: TeamTimelineLayout, catalog: Catalog) -> None:
        self.sheet = sheet
        self.layout = layout
        self.catalog = catalog
        self.left = sheet.width * LABEL_SHARE
        self.row_height = sheet.pt(15)

    def x(self, day: int) -> float:
        """The middle of ``day`` across the chart."""
        days = self.layout.last + 1
        return self.left + (day + 0.5) * (self.sheet.width - self.left) / days

    def blocks(self) -> list[Block]:
        axis = self.axis()
        rows = [self.row(row, (self.axis(),)) for row in self.layout.rows]
        return [axis, *rows, self.legend()]

    def axis(self) -> Block:
        sheet = self.sheet
        style = sheet.chart_muted
        height = 2 * style.line + sheet.pt(4)
        month_width = (sheet.width - self.left) * 31 / (self.layout.last + 1)
        every = 1 if month_width > style.width("Mmm") + sheet.pt(4) else 3

        def paint(painter: QPainter, top: float) -> None:
            for year in self.layout.years:
                x = self.x(year.start) - (self.x(1) - self.x(0)) / 2
                style.draw(painter, x + sheet.pt(2), top, str(year.begins.year))
            for month in self.layout.months:
                if (month.begins.month - 1) % every:
                    continue
                x = self.x(month.start) - (self.x(1) - self.x(0)) / 2
                style.draw(painter, x + sheet.pt(2), top + style.line, short_month(month.begins))
            sheet.rule(painter, top + height - sheet.pt(1), Colour.RULE, 0.6)

        return Block(height, paint, space_before=sheet.pt(6), keep_with_next=True)

    def grid(self, painter: QPainter, top: float, bottom: float) -> None:
        sheet = self.sheet
        half = (self.x(1) - self.x(0)) / 2
        painter.setPen(sheet.pen(ink(Colour.HAIRLINE), 0.4))
        for month in self.layout.months:
            x = self.x(month.start) - half
            painter.drawLine(QLineF(x, top, x, bottom))
        painter.setPen(sheet.pen(ink(Colour.RULE), 0.5))
        for year in self.layout.years:
            x = self.x(year.start) - half
            painter.drawLine(QLineF(x, top, x, bottom))
        target_pen = sheet.pen(ink(Colour.ACCENT), 0.8)
        target_pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(target_pen)
        for target in self.layout.targets:
            x = self.x(target.day)
            painter.drawLine(QLineF(x, top, x, bottom))
        painter.setPen(sheet.pen(ink(Colour.TODAY), 0.6))
        x = self.x(self.layout.today)
        painter.drawLine(QLineF(x, top, x, bottom))

    def _tier(self, certification_id: str) -> Tier | None:
        if certification_id in self.catalog:
            return self.catalog.get(certification_id).tier
        return None

    def _color(self, certification_id: str) -> QColor:
        tier = self._tier(certification_id)
        return tier_qcolor(tier) if tier is not None else ink(Colour.MUTED_TEXT)

    def row(self, row: TeamRow, continued: tuple[Block, ...]) -> Block:
        sheet = self.sheet
        height = self.row_height
        number = row.index + 1
        label = sheet.chart.metrics.elidedText(
            one_line(row.label), Qt.TextElideMode.ElideRight, self.left - sheet.pt(6)
        )

        def zebra(painter: QPainter, top: float) -> None:
            if number % 2 == 0:
                painter.fillRect(QRectF(0, top, sheet.width, height), ink(Colour.PANEL))

        def paint(painter: QPainter, top: float) -> None:
            middle = top + height / 2
            sheet.chart.draw(painter, 0, top + (height - sheet.chart.line) / 2, label)
            for tick in row.expiries:
                painter.setPen(sheet.pen(ink(Colour.TEXT), 1.2))
                x = self.x(tick.day)
                painter.drawLine(QLineF(x, middle - height * 0.32, x, middle + height * 0.32))
            for mark in row.exams:
                self.diamond(
                    painter,
                    QPointF(self.x(mark.day), middle),
                    height * 0.3,
                    self._color(mark.certification_id),
                    at_risk=bool(mark.risks),
                )

        return Block(height, paint, continued=continued, under=zebra, backdrop=self.grid_backdrop)

    def grid_backdrop(self, painter: QPainter, top: float, bottom: float) -> None:
        self.grid(painter, top, bottom)

    def diamond(
        self, painter: QPainter, at: QPointF, size: float, color: QColor, *, at_risk: bool
    ) -> None:
        shape = QPolygonF(
            [
                QPointF(at.x(), at.y() - size),
                QPointF(at.x() + size, at.y()),
                QPointF(at.x(), at.y() + size),
                QPointF(at.x() - size, at.y()),
            ]
        )
        if at_risk:
            painter.setPen(self.sheet.pen(ink(Colour.WARNING_EDGE), 1.4))
            painter.setBrush(ink(Colour.WARNING_FILL))
        else:
            painter.setPen(self.sheet.pen(ink(Colour.ON_COLOUR), 0.6))
            painter.setBrush(color.darker(115))
        painter.drawPolygon(shape)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def legend(self) -> Block:
        sheet = self.sheet
        style = sheet.chart_muted
        height = style.line + sheet.pt(8)
        items = [
            ("exam", _("planned exam")),
            ("risk", _("exam at risk")),
            ("expiry", _("lapses unless renewed")),
            ("target", _("target")),
            ("today", _("today")),
        ]

        def paint(painter: QPainter, top: float) -> None:
            sheet.rule(painter, top, Colour.RULE, 0.6)
            y = top + sheet.pt(6)
            middle = y + style.line / 2
            x = self.left
            for kind, text in items:
                size = sheet.pt(3)
                if kind in ("exam", "risk"):
                    color = tier_qcolor(Tier.ASSOCIATE)
                    self.diamond(
                        painter, QPointF(x + size, middle), size, color, at_risk=kind == "risk"
                    )
                else:
                    color_name = {
                        "expiry": Colour.TEXT,
                        "target": Colour.ACCENT,
                        "today": Colour.TODAY,
                    }[kind]
                    pen = sheet.pen(ink(color_name), 1.0)
                    if kind == "target":
                        pen.setStyle(Qt.PenStyle.DashLine)
                    painter.setPen(pen)
                    painter.drawLine(QLineF(x + size, middle - size, x + size, middle + size))
                x += 2 * size + sheet.pt(3)
                style.draw(painter, x, y, text)
                x += style.width(text) + sheet.pt(12)

        return Block(height, paint)
