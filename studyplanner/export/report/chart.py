"""The timeline chart: one row per exam, its study period as a bar and the exam as a mark, over
a month and year axis that is repeated at the top of every page the chart runs onto. A bar with
study logged is full colour up to where the log reaches (what was studied) and lighter after
it. Blackout periods are hatched bands through the rows, named in a lane under the axis, as on
the screen's timeline.

Rows, bars, the logged part, marks and blackouts come from the same Qt-free layout the screen's
timeline draws (``studyplanner.layout.timeline``); the chart only chooses the months that fit
on paper and turns days into points."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPolygonF

from studyplanner.domain.catalog import Tier
from studyplanner.domain.months import DayScale, months_between, next_month
from studyplanner.domain.schedule import Schedule
from studyplanner.domain.wording import MONTHS, format_day, short_month
from studyplanner.export.report.blocks import Backdrop, Block, no_orphans
from studyplanner.export.report.sheet import Sheet, ink
from studyplanner.export.report.text import TextStyle, one_line
from studyplanner.i18n import _, pgettext
from studyplanner.layout.timeline import (
    EntryRow,
    MarkerKind,
    TimelineLayout,
    month_periods,
    print_range,
    year_periods,
)
from studyplanner.style import Colour, tier_qcolor

BLACKOUT_FILL_OPACITY = 0.16
"""How strongly a blackout band tints the page (the screen's band is as faint)."""


@dataclass
class TimeAxis:
    """The chart's time scale: whole months from ``start`` up to (not including) ``end``,
    drawn from ``left`` to ``right``."""

    start: date
    end: date
    today: date | None
    left: float = 0.0
    right: float = 1.0
    month_step: int = 1  # 0: no month labels, years only
    year_step: int = 1
    month_grid: bool = True

    @classmethod
    def for_layout(cls, layout: TimelineLayout, plan_start: date, today: date) -> TimeAxis:
        """The whole months the layout's rows need on paper (see ``print_range``)."""
        start, end = print_range(layout, plan_start)
        return cls(start, end, today if start <= today < end else None)

    def scale(self) -> DayScale:
        return DayScale.spanning(self.start, self.end, self.left, self.right)

    def x(self, day: date) -> float:
        return self.scale().x(day)

    def day_width(self) -> float:
        return self.scale().pixels_per_day

    def months(self) -> int:
        return months_between(self.start, self.end)

    @cached_property
    def _month_marks(self) -> tuple[date, ...]:
        last = self.end - timedelta(days=1)
        return tuple(p.begins for p in month_periods(self.start, self.start, last))

    def month_marks(self) -> tuple[date, ...]:
        return self._month_marks

    def year_marks(self) -> list[date]:
        """Where each year begins on the axis: the axis's own start, then every January."""
        last = self.end - timedelta(days=1)
        return [max(p.begins, self.start) for p in year_periods(self.start, self.start, last)]

    def choose_labels(self, sheet: Sheet) -> None:
        """Label every month when there is room, else every 2nd, 3rd or 6th, else years only
        (every year, or every 2nd/5th/10th for very long plans)."""
        style = sheet.chart_muted
        per_month = (self.right - self.left) / self.months()
        label = max(style.width(pgettext("short month", m)) for m in MONTHS) + sheet.pt(5)
        self.month_grid = per_month >= sheet.pt(3)
        self.month_step = 0
        for step in (1, 2, 3, 6):
            if step * per_month >= label:
                self.month_step = step
                break
        year_label = style.width("2000") + sheet.pt(6)
        for step in (1, 2, 5, 10, 20):
            if step * 12 * per_month >= year_label:
                self.year_step = step
                break


@dataclass(frozen=True)
class BlackoutSpan:
    """Where a blackout period lies on the chart (cut to the axis) and what it is called."""

    left: float
    right: float
    label: str


def lighter(color: QColor, share: float = 0.4) -> QColor:
    """``color`` washed towards white paper: the part of a study bar still ahead."""
    return QColor.fromRgbF(
        1 - (1 - color.redF()) * share,
        1 - (1 - color.greenF()) * share,
        1 - (1 - color.blueF()) * share,
    )


class TimelineChart:
    """The chart's blocks for one schedule, drawn from the plan's timeline ``layout`` (the one
    the screen draws); ``printed_on`` is marked when it falls in range."""

    def __init__(
        self, sheet: Sheet, schedule: Schedule, printed_on: date, layout: TimelineLayout
    ) -> None:
        self.sheet = sheet
        self.schedule = schedule
        self.printed_on = printed_on
        self.layout = layout

    def blocks(self) -> list[Block]:
        sheet = self.sheet
        entries = self.schedule.entries
        layout = self.layout
        axis = TimeAxis.for_layout(layout, self.schedule.plan.start_date, self.printed_on)
        count = len(entries)
        row = sheet.pt(14 if count <= 12 else 12 if count <= 30 else 10.5)
        digits = max(sheet.chart_muted.width(str(n)) for n in range(1, count + 1))
        codes = max(sheet.chart.width(i.certification.code) for i in entries)
        number_right = digits
        code_left = digits + sheet.pt(5)
        axis.left = code_left + codes + sheet.pt(12)
        axis.right = sheet.width - sheet.pt(4)
        axis.choose_labels(sheet)

        spans = self.blackout_spans(axis)
        heading = sheet.heading(_("Timeline"))
        axis_block = self.axis(axis, spans)
        cont = (sheet.heading(_("Timeline"), continued=True), axis_block)
        blocks = [heading, Block(axis_block.height, axis_block.paint, keep_with_next=True)]

        def grid(painter: QPainter, top: float, bottom: float) -> None:
            for span in spans:
                self.blackout_band(
                    painter, QRectF(span.left, top, span.right - span.left, bottom - top)
                )
            self.grid(painter, axis, top, bottom)

        rows = [
            self.row(axis, entry_row, row, number_right, code_left, cont, grid)
            for entry_row in layout.rows
        ]
        no_orphans(rows)
        return [*blocks, *rows, self.legend(axis, bool(spans))]

    def blackout_spans(self, axis: TimeAxis) -> list[BlackoutSpan]:
        """The plan's blackout periods that fall on the axis, left to right."""
        spans = []
        layout = self.layout
        for span in layout.blackouts:
            first = max(layout.date_of(span.span.start), axis.start)
            after = min(layout.date_of(span.span.end), axis.end)
            if first < after:
                label = one_line(span.blackout.label)
                spans.append(BlackoutSpan(axis.x(first), axis.x(after), label))
        return spans

    def blackout_band(self, painter: QPainter, rect: QRectF) -> None:
        """A period without study: a faint tint hatched at 45° and edged, like the screen's band.
        The hatching is laid on the page's own diagonals, so the bands of the axis lane and of
        the rows below it join up."""
        sheet = self.sheet
        painter.save()
        fill = ink(Colour.FAINT)
        fill.setAlphaF(BLACKOUT_FILL_OPACITY)
        painter.fillRect(rect, fill)
        painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
        painter.setPen(sheet.pen(ink(Colour.BORDER), 0.4))
        step = sheet.pt(3.5)
        k = (rect.left() + rect.top()) // step * step
        while k < rect.right() + rect.bottom():
            painter.drawLine(QLineF(k - rect.bottom(), rect.bottom(), k - rect.top(), rect.top()))
            k += step
        painter.drawLine(QLineF(rect.topLeft(), rect.bottomLeft()))
        painter.drawLine(QLineF(rect.topRight(), rect.bottomRight()))
        painter.restore()

    def axis(self, axis: TimeAxis, spans: list[BlackoutSpan]) -> Block:
        sheet = self.sheet
        style = sheet.chart_muted
        year_style = sheet.style(7, QFont.Weight.DemiBold, color=Colour.TEXT, numbers=True)
        rows = 2 if axis.month_step else 1
        lane = style.line if spans else 0.0  # the blackouts' names, under the months
        height = rows * style.line + lane + sheet.pt(3)
        italic = QFont(style.font)
        italic.setItalic(True)

        def paint(painter: QPainter, top: float) -> None:
            bottom = top + height
            lane_top = top + rows * style.line
            for n, span in enumerate(spans):
                band = QRectF(span.left, lane_top, span.right - span.left, bottom - lane_top)
                self.blackout_band(painter, band)
                if span.label:
                    room = (spans[n + 1].left if n + 1 < len(spans) else axis.right) - span.left
                    text = style.metrics.elidedText(
                        span.label, Qt.TextElideMode.ElideRight, room - sheet.pt(3)
                    )
                    style.draw(painter, span.left + sheet.pt(1.5), lane_top, text, font=italic)
            painter.setPen(sheet.pen(ink(Colour.RULE), 0.5))
            for year_start in axis.year_marks():
                x = axis.x(year_start)
                painter.drawLine(QLineF(x, top, x, bottom))
            for year_start, x in self.year_labels(axis, year_style):
                year_style.draw(painter, x + sheet.pt(2), top, str(year_start.year))
            if axis.month_step:
                y = top + style.line
                for month in axis.month_marks():
                    if (month.month - 1) % axis.month_step:
                        continue
                    x0 = axis.x(month)
                    label = short_month(month)
                    if axis.month_step == 1:
                        x1 = axis.x(next_month(month))
                        x = (x0 + x1 - style.width(label)) / 2
                    else:
                        x = x0 + sheet.pt(2)
                    if x + style.width(label) <= sheet.width:  # no label past the page's edge
                        style.draw(painter, x, y, label)
            if axis.today is not None:
                painter.setPen(sheet.pen(ink(Colour.TODAY), 0.6))
                x = axis.x(axis.today)
                painter.drawLine(QLineF(x, top + style.line * (rows - 0.2), x, bottom))
            painter.setPen(sheet.pen(ink(Colour.RULE), 0.6))
            painter.drawLine(QLineF(0, bottom, sheet.width, bottom))

        return Block(height, paint)

    def year_labels(self, axis: TimeAxis, style: TextStyle) -> list[tuple[date, float]]:
        """Years to label on the axis: every ``year_step``-th January, and the first partial
        year only when its label does not run into the next one, and no label that would run
        past the chart's right edge."""
        sheet = self.sheet
        marks = [(d, axis.x(d)) for d in axis.year_marks() if d.year % axis.year_step == 0]
        if axis.start.month != 1:
            following = [x for d, x in marks if d != axis.start]
            room = (following[0] if following else axis.right) - axis.x(axis.start)
            wanted = style.width(str(axis.start.year)) + sheet.pt(6)
            if room >= wanted and all(d != axis.start for d, _x in marks):
                marks.insert(0, (axis.start, axis.x(axis.start)))
            elif room < wanted:
                marks = [(d, x) for d, x in marks if d != axis.start]
        # A January close to the chart's right end has no room for its label.
        right = min(axis.right, sheet.width)
        return [(d, x) for d, x in marks if x + sheet.pt(2) + style.width(str(d.year)) <= right]

    def row(
        self,
        axis: TimeAxis,
        entry_row: EntryRow,
        height: float,
        number_right: float,
        code_left: float,
        continued: tuple[Block, ...],
        grid: Backdrop,
    ) -> Block:
        sheet = self.sheet
        layout = self.layout
        item = entry_row.item
        number = entry_row.index + 1
        color = tier_qcolor(item.certification.tier)
        passed = entry_row.passed

        def x(day: int) -> float:
            return axis.x(layout.date_of(day))

        def zebra(painter: QPainter, top: float) -> None:
            if number % 2 == 0:
                painter.fillRect(QRectF(0, top, sheet.width, height), ink(Colour.PANEL))

        def paint(painter: QPainter, top: float) -> None:
            label_top = top + (height - sheet.chart.line) / 2
            sheet.chart_muted.draw(painter, number_right, label_top, str(number), right=True)
            sheet.chart.draw(
                painter,
                code_left,
                label_top,
                item.certification.code,
                color=ink(Colour.MUTED_TEXT) if passed else ink(Colour.TEXT),
            )
            middle = top + height / 2
            bar = height * 0.46
            painter.setPen(Qt.PenStyle.NoPen)
            marker = entry_row.marker
            if entry_row.bar is not None:
                x0 = x(entry_row.bar.start)
                x1 = max(x(entry_row.bar.end), x0 + sheet.pt(1.5))
                radius = min(sheet.pt(1.5), (x1 - x0) / 2)
                shape = QRectF(x0, middle - bar / 2, x1 - x0, bar)
                logged = entry_row.logged
                if logged is not None and logged.end > logged.start:
                    # Studied: the days the log covers in full colour, the rest lighter.
                    painter.setBrush(lighter(color))
                    painter.drawRoundedRect(shape, radius, radius)
                    painter.save()
                    done = min(x(logged.end), x1) - x0
                    painter.setClipRect(QRectF(x0, shape.top(), done, bar))
                    painter.setBrush(color)
                    painter.drawRoundedRect(shape, radius, radius)
                    painter.restore()
                else:
                    painter.setBrush(color)
                    painter.drawRoundedRect(shape, radius, radius)
                if marker is not None and marker.day > entry_row.bar.end:
                    pen = sheet.pen(color, 0.6)
                    pen.setStyle(Qt.PenStyle.DotLine)
                    painter.setPen(pen)
                    painter.drawLine(QLineF(x1, middle, x(marker.day), middle))
                    painter.setPen(Qt.PenStyle.NoPen)
            if marker is None:
                sheet.chart_muted.draw(
                    painter, axis.left, label_top, _("passed, date not recorded")
                )
            elif not axis.start <= layout.date_of(marker.day) < axis.end:
                day = format_day(layout.date_of(marker.day))
                sheet.chart_muted.draw(
                    painter, axis.left, label_top, _("passed {day}").format(day=day)
                )
            else:
                at = QPointF(x(marker.day) + axis.day_width() / 2, middle)
                size = height * 0.34
                if marker.kind is MarkerKind.PASSED:
                    self.passed_mark(painter, at, size, color)
                else:
                    self.exam_mark(painter, at, size, color.darker(135))
            painter.setBrush(Qt.BrushStyle.NoBrush)

        return Block(height, paint, continued=continued, under=zebra, backdrop=grid)

    def grid(self, painter: QPainter, axis: TimeAxis, top: float, bottom: float) -> None:
        """Month and year lines (and the print date) behind a run of chart rows on one page."""
        sheet = self.sheet
        if axis.month_grid:
            painter.setPen(sheet.pen(ink(Colour.HAIRLINE), 0.4))
            for month in axis.month_marks():
                if month.month != 1 and month != axis.start:
                    x = axis.x(month)
                    painter.drawLine(QLineF(x, top, x, bottom))
        painter.setPen(sheet.pen(ink(Colour.RULE), 0.5))
        for year_start in axis.year_marks():
            x = axis.x(year_start)
            painter.drawLine(QLineF(x, top, x, bottom))
        if axis.today is not None:
            painter.setPen(sheet.pen(ink(Colour.TODAY), 0.6))
            x = axis.x(axis.today)
            painter.drawLine(QLineF(x, top, x, bottom))

    def exam_mark(self, painter: QPainter, at: QPointF, size: float, color: QColor) -> None:
        diamond = QPolygonF(
            [
                QPointF(at.x(), at.y() - size),
                QPointF(at.x() + size, at.y()),
                QPointF(at.x(), at.y() + size),
                QPointF(at.x() - size, at.y()),
            ]
        )
        painter.setPen(self.sheet.pen(ink(Colour.ON_COLOUR), 0.6))
        painter.setBrush(color)
        painter.drawPolygon(diamond)
        painter.setPen(Qt.PenStyle.NoPen)

    def passed_mark(self, painter: QPainter, at: QPointF, size: float, color: QColor) -> None:
        painter.setPen(self.sheet.pen(ink(Colour.ON_COLOUR), 0.6))
        painter.setBrush(color)
        painter.drawEllipse(at, size, size)
        tick = QPainterPath(QPointF(at.x() - size * 0.5, at.y()))
        tick.lineTo(at.x() - size * 0.1, at.y() + size * 0.4)
        tick.lineTo(at.x() + size * 0.55, at.y() - size * 0.4)
        pen = self.sheet.pen(ink(Colour.ON_COLOUR), 0.8)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
        painter.setPen(Qt.PenStyle.NoPen)

    def legend(self, axis: TimeAxis, blackouts: bool) -> Block:
        sheet = self.sheet
        style = sheet.chart_muted
        entries = self.schedule.entries
        tiers = [t for t in Tier if any(i.certification.tier is t for i in entries)]
        any_passed = any(row.passed for row in self.layout.rows)
        height = style.line + sheet.pt(8)

        def paint(painter: QPainter, top: float) -> None:
            sheet.rule(painter, top, Colour.RULE, 0.6)
            y = top + sheet.pt(6)
            middle = y + style.line / 2
            x = axis.left
            swatch = sheet.pt(9)
            for tier in tiers:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(tier_qcolor(tier))
                painter.drawRoundedRect(
                    QRectF(x, middle - sheet.pt(2.5), swatch, sheet.pt(5)), sheet.pt(1), sheet.pt(1)
                )
                x += swatch + sheet.pt(3)
                style.draw(painter, x, y, tier.label)
                x += style.width(tier.label) + sheet.pt(10)
            size = sheet.pt(3)
            muted = ink(Colour.MUTED_TEXT)
            self.exam_mark(painter, QPointF(x + size, middle), size, muted)
            x += 2 * size + sheet.pt(3)
            exam = pgettext("chart legend", "exam")
            style.draw(painter, x, y, exam)
            x += style.width(exam) + sheet.pt(10)
            if any_passed:
                self.passed_mark(painter, QPointF(x + size, middle), size, muted)
                x += 2 * size + sheet.pt(3)
                style.draw(painter, x, y, _("passed"))
                x += style.width(_("passed")) + sheet.pt(10)
            if blackouts:
                self.blackout_band(painter, QRectF(x, y, swatch, style.line))
                x += swatch + sheet.pt(3)
                style.draw(painter, x, y, _("no study"))
                x += style.width(_("no study")) + sheet.pt(10)
            if axis.today is not None:
                painter.setPen(sheet.pen(ink(Colour.TODAY), 0.6))
                painter.drawLine(QLineF(x + size, y, x + size, y + style.line))
                x += 2 * size + sheet.pt(2)
                style.draw(painter, x, y, _("print date"))
            painter.setBrush(Qt.BrushStyle.NoBrush)

        return Block(height, paint)
