"""The report's "Progress" section: where the learner stands today (hours logged, pace of the
exam being studied, readiness from practice scores), a burn-up chart of cumulative hours
(the baseline's plan, today's plan, and what was logged), and a heat strip of study days.

A printed plan is read away from the app; this is the page that says whether the plan still
holds, without having to compare dates by hand.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen

from studyplanner.domain.analysis import PlanAnalysis
from studyplanner.domain.months import first_of_month, next_month
from studyplanner.domain.plan import EntryStatus
from studyplanner.domain.wording import (
    WEEKDAYS_SHORT,
    count_text,
    format_day,
    format_hours,
    short_month,
)
from studyplanner.domain.wording_progress import pace_text, readiness_text
from studyplanner.export.report.blocks import Block
from studyplanner.export.report.chart import TimeAxis
from studyplanner.export.report.sheet import Sheet, ink
from studyplanner.i18n import N_, _
from studyplanner.style import Colour

SECTION = N_("Progress")
Series = Sequence[tuple[date, float]]
_Y = Callable[[float], float]  # hours to a y position on the chart

# What each line of the chart is drawn with: the study log in the "done" green, today's plan
# in the report's accent, the baseline as a quiet dashed line behind both.
LOGGED = Colour.PASSED_RIBBON
PLANNED = Colour.ACCENT
BASELINE = Colour.FAINT

HEAT_LEVELS = (1.0, 2.0, 3.0)
"""Upper bounds (hours in a day) of the heat strip's lighter shades; more is the full colour."""
HEAT_WEEKS_MAX = 53
"""At most a year of study days: older weeks are left off the strip (the chart keeps them)."""


def progress_blocks(sheet: Sheet, analysis: PlanAnalysis) -> list[Block]:
    """The section, or nothing for a plan without exams (or without dates)."""
    if analysis.schedule is None or not analysis.schedule.entries:
        return []
    today = analysis.today
    blocks = [sheet.heading(_(SECTION))]
    blocks += _facts(sheet, analysis)
    lines = analysis.burn_up
    if lines is not None and (lines.planned or lines.logged or lines.baseline):
        chart = BurnUpChart(sheet, lines.baseline, lines.planned, lines.logged, today)
        blocks += [chart.block(), chart.legend()]
    days = analysis.study_days
    if any(hours > 0 for hours in days.values()):
        blocks += HeatStrip(sheet, days, today).blocks()
    else:
        if len(blocks) > 1:
            blocks[-1].keep_with_next = True  # the note never opens a page on its own
        blocks.append(
            sheet.paragraph(
                _(
                    "No study logged yet: log study time in the app (Log Study Time) or with "
                    "the command studyplanner log, and the study days appear here."
                ),
                sheet.muted,
                sheet.pt(8),
            )
        )
    return blocks


def progress_facts(analysis: PlanAnalysis) -> list[tuple[str, str]]:
    """The section's opening lines as (label, text): what is logged, the pace of the exam
    being studied, and the readiness of each exam still to sit that has practice scores."""
    plan = analysis.plan
    entries = analysis.schedule.entries if analysis.schedule is not None else ()
    remaining = analysis.schedule.remaining_hours if analysis.schedule is not None else 0.0
    logged = sum(item.entry.hours_logged for item in entries)
    studied_days = sum(1 for hours in analysis.study_days.values() if hours > 0)
    facts = [
        (
            _("LOGGED"),
            _("{logged} on {days} · {left} still to study, as of {day}").format(
                logged=format_hours(logged),
                days=count_text(studied_days, "study day"),
                left=format_hours(remaining),
                day=format_day(analysis.today),
            ),
        )
    ]
    current = analysis.pace
    if current is not None and current.started:  # not on day one
        facts.append((_("PACE"), pace_text(current, plan.availability.weekly_hours)))
    for item in entries:
        if item.entry.scores and item.entry.status is not EntryStatus.PASSED:
            split = analysis.domains_of(item.entry.id)
            weak = split.weak if split is not None else ()
            text = readiness_text(item.entry, plan.readiness_target, weak)
            facts.append((_("READINESS"), f"{item.certification.code}: {text}"))
    return facts


def _facts(sheet: Sheet, analysis: PlanAnalysis) -> list[Block]:
    facts = progress_facts(analysis)
    label_width = max(sheet.label.width(key) for key, _value in facts) + sheet.pt(12)
    blocks = []
    for key, value in facts:
        lines = sheet.body.wrap(value, sheet.width - label_width, sheet.device)

        def paint(painter: QPainter, top: float, key: str = key, lines: list[str] = lines) -> None:
            offset = sheet.body.baseline(top) - sheet.label.baseline(top)
            sheet.label.draw(painter, 0, top + offset, key)
            for n, line in enumerate(lines):
                sheet.body.draw(painter, label_width, top + n * sheet.body.line, line)

        blocks.append(Block(len(lines) * sheet.body.line, paint, keep_with_next=True))
    return blocks


def hour_ticks(top: float, most: int = 5) -> list[float]:
    """Round hour marks from 0 up to at least ``top``: 0, 50, 100, ... at most ``most`` + 1."""
    top = max(top, 1.0)
    for power in range(0, 7):
        for base in (1, 2, 5):
            step = base * 10**power
            if math.ceil(top / step) <= most:
                return [float(step * n) for n in range(math.ceil(top / step) + 1)]
    return [0.0, top]


@dataclass
class BurnUpChart:
    """Cumulative hours against time: the baseline's plan (dashed), today's plan, and the
    hours logged up to today (filled), with today marked."""

    sheet: Sheet
    baseline: Series
    planned: Series
    logged: Series
    today: date

    def axis(self) -> TimeAxis:
        days = [d for series in (self.baseline, self.planned, self.logged) for d, _h in series]
        days.append(self.today)
        start = first_of_month(min(days))
        end = next_month(max(days))
        if (end.year - start.year) * 12 + end.month - start.month < 3:
            end = next_month(next_month(next_month(start)))
        return TimeAxis(start, end, self.today if start <= self.today < end else None)

    def block(self) -> Block:
        sheet = self.sheet
        style = sheet.chart_muted
        values = [h for series in (self.baseline, self.planned, self.logged) for _d, h in series]
        ticks = hour_ticks(max(values, default=1.0))
        labels = [format_hours(t) for t in ticks]
        axis = self.axis()
        axis.left = max(style.width(label) for label in labels) + sheet.pt(6)
        axis.right = sheet.width - sheet.pt(4)
        axis.choose_labels(sheet)
        height = sheet.pt(160)
        top_room = style.line + sheet.pt(2)  # the "Today" label above the plot
        bottom_room = 2 * style.line + sheet.pt(4)

        def paint(painter: QPainter, top: float) -> None:
            plot_top = top + top_room
            plot_bottom = top + height - bottom_room

            def y(hours: float) -> float:
                return plot_bottom - (plot_bottom - plot_top) * hours / ticks[-1]

            painter.setBrush(Qt.BrushStyle.NoBrush)
            # Text is drawn in reading order (today, hours from the top, months, the point's
            # label), which is the order a PDF reader or a search extracts it in.
            today_x = axis.x(axis.today) if axis.today is not None else None
            if today_x is not None:
                word = _("Today")
                left = today_x - style.width(word) / 2
                left = min(max(left, axis.left), axis.right - style.width(word))
                style.draw(painter, left, top, word, color=ink(Colour.TODAY))
            for tick, label in reversed(list(zip(ticks, labels, strict=True))):
                painter.setPen(sheet.pen(ink(Colour.HAIRLINE if tick else Colour.RULE), 0.5))
                painter.drawLine(QLineF(axis.left, y(tick), axis.right, y(tick)))
                style.draw(
                    painter, axis.left - sheet.pt(4), y(tick) - style.line / 2, label, right=True
                )
            self._time_labels(painter, axis, plot_top, plot_bottom)
            self._area(painter, axis, self.logged, y, plot_bottom)
            self._line(painter, axis, self.baseline, y, BASELINE, 1.0, dashed=True)
            self._line(painter, axis, self.planned, y, PLANNED, 1.3)
            self._line(painter, axis, self.logged, y, LOGGED, 1.6)
            if self.logged:
                day, hours = self.logged[-1]
                at = QPointF(axis.x(day), y(hours))
                painter.setPen(sheet.pen(ink(Colour.ON_COLOUR), 0.6))
                painter.setBrush(ink(LOGGED))
                painter.drawEllipse(at, sheet.pt(2.2), sheet.pt(2.2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                label = _("{hours} logged").format(hours=format_hours(hours))
                x, top_y = self._label_place(axis, y, at, label, plot_top, plot_bottom)
                sheet.chart.draw(painter, x, top_y, label, color=ink(LOGGED))
            if today_x is not None:
                painter.setPen(sheet.pen(ink(Colour.TODAY), 0.7))
                painter.drawLine(QLineF(today_x, plot_top, today_x, plot_bottom))

        return Block(height, paint, self.sheet.pt(10), keep_with_next=True)

    def _label_place(
        self,
        axis: TimeAxis,
        y: Callable[[float], float],
        at: QPointF,
        label: str,
        plot_top: float,
        plot_bottom: float,
    ) -> tuple[float, float]:
        """Where the "logged" label goes (its left and top): under the point and right of it,
        as the plans' lines run up and to the right, unless a line would cross it there (at
        0 h the label sat on the axis, struck through by the planned line, issue 21); then
        above it and left, then under it and left."""
        sheet = self.sheet
        width, line, gap = sheet.chart.width(label), sheet.chart.line, sheet.pt(4)
        lines = QPainterPath()
        for series in (self.planned, self.baseline):
            points = [QPointF(axis.x(day), y(hours)) for day, hours in series]
            if points:
                lines.moveTo(points[0])
                for point in points[1:]:
                    lines.lineTo(point)
        stroker = QPainterPathStroker()
        stroker.setWidth(sheet.pt(1.5))
        crossed = stroker.createStroke(lines)
        below = min(at.y() + sheet.pt(1.5), plot_bottom - line)
        above = max(at.y() - sheet.pt(1.5) - line, plot_top)
        right = at.x() + gap
        if right + width > axis.right:
            right = at.x() - gap - width
        left = max(at.x() - gap - width, axis.left)
        candidates = [(right, below), (left, above), (left, below), (right, above)]
        for x, top in candidates:
            if not crossed.intersects(QRectF(x, top, width, line)):
                return x, top
        return candidates[0]

    def _time_labels(
        self, painter: QPainter, axis: TimeAxis, plot_top: float, plot_bottom: float
    ) -> None:
        sheet = self.sheet
        style = sheet.chart_muted
        for month in axis.month_marks():
            x = axis.x(month)
            january = month.month == 1
            if axis.month_grid or january:
                painter.setPen(sheet.pen(ink(Colour.RULE if january else Colour.HAIRLINE), 0.4))
                painter.drawLine(
                    QLineF(x, plot_top, x, plot_bottom + (sheet.pt(3) if january else 0))
                )
            if axis.month_step and (month.month - 1) % axis.month_step == 0:
                label = short_month(month)
                width = axis.x(next_month(month)) - x
                left = (
                    x + (width - style.width(label)) / 2
                    if axis.month_step == 1
                    else x + sheet.pt(2)
                )
                style.draw(painter, left, plot_bottom + sheet.pt(2), label)
        years = [axis.start, *(m for m in axis.month_marks() if m.month == 1 and m != axis.start)]
        row = plot_bottom + sheet.pt(2) + (style.line if axis.month_step else 0)
        for n, year in enumerate(years):
            if year.year % axis.year_step:
                continue
            x = axis.x(year) + sheet.pt(2)
            following = axis.x(years[n + 1]) if n + 1 < len(years) else axis.right
            label = str(year.year)
            if x + style.width(label) <= following:
                sheet.chart.draw(painter, x, row, label)

    def _points(self, axis: TimeAxis, series: Series, y: _Y) -> list[QPointF]:
        return [QPointF(axis.x(day), y(hours)) for day, hours in series]

    def _line(
        self,
        painter: QPainter,
        axis: TimeAxis,
        series: Series,
        y: _Y,
        colour: Colour,
        points: float,
        *,
        dashed: bool = False,
    ) -> None:
        if len(series) < 2:
            return
        path = QPainterPath()
        found = self._points(axis, series, y)
        path.moveTo(found[0])
        for point in found[1:]:
            path.lineTo(point)
        pen = QPen(ink(colour), self.sheet.pt(points))
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if dashed:
            pen.setStyle(Qt.PenStyle.CustomDashLine)
            pen.setDashPattern([4.0, 3.0])
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

    def _area(
        self, painter: QPainter, axis: TimeAxis, series: Series, y: _Y, bottom: float
    ) -> None:
        if len(series) < 2:
            return
        found = self._points(axis, series, y)
        path = QPainterPath(QPointF(found[0].x(), bottom))
        for point in found:
            path.lineTo(point)
        path.lineTo(QPointF(found[-1].x(), bottom))
        path.closeSubpath()
        fill = QColor(ink(LOGGED))
        fill.setAlphaF(0.12)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawPath(path)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def legend(self) -> Block:
        sheet = self.sheet
        style = sheet.chart_muted
        items = [(LOGGED, _("hours logged"), False, 1.6), (PLANNED, _("planned now"), False, 1.3)]
        if self.baseline:
            items.append((BASELINE, _("baseline plan"), True, 1.0))
        height = style.line + sheet.pt(6)

        def paint(painter: QPainter, top: float) -> None:
            y = top + sheet.pt(4)
            middle = y + style.line / 2
            x = sheet.pt(30)
            for colour, label, dashed, points in items:
                pen = QPen(ink(colour), sheet.pt(points))
                if dashed:
                    pen.setStyle(Qt.PenStyle.CustomDashLine)
                    pen.setDashPattern([4.0, 3.0])
                painter.setPen(pen)
                painter.drawLine(QLineF(x, middle, x + sheet.pt(14), middle))
                x += sheet.pt(18)
                style.draw(painter, x, y, label)
                x += style.width(label) + sheet.pt(12)
            painter.setPen(sheet.pen(ink(Colour.TODAY), 0.7))
            painter.drawLine(QLineF(x + sheet.pt(2), y, x + sheet.pt(2), y + style.line))
            style.draw(painter, x + sheet.pt(6), y, _("today"))

        return Block(height, paint)


def heat_level(hours: float) -> int:
    """0 for no study, then 1..4 by the hours of the day (up to 1 h, 2 h, 3 h, more)."""
    if hours <= 0:
        return 0
    for level, bound in enumerate(HEAT_LEVELS, 1):
        if hours <= bound:
            return level
    return len(HEAT_LEVELS) + 1


def heat_colour(level: int) -> QColor:
    """The cell colour of a heat level: the paper's panel grey for none, then ever stronger
    tints of the study log's green."""
    if level == 0:
        return ink(Colour.PANEL)
    full = ink(LOGGED)
    paper = ink(Colour.SURFACE)
    share = (0.3, 0.5, 0.75, 1.0)[level - 1]
    return QColor.fromRgbF(
        paper.redF() + (full.redF() - paper.redF()) * share,
        paper.greenF() + (full.greenF() - paper.greenF()) * share,
        paper.blueF() + (full.blueF() - paper.blueF()) * share,
    )


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class HeatStrip:
    """Study days as a calendar strip: a column per week (Monday at the top), each day
    shaded by the hours logged on it, up to today."""

    DAY_LABELS = tuple((day, WEEKDAYS_SHORT[day]) for day in (0, 2, 4, 6))
    """Every other row is named (Monday first), shown through ``_()``."""

    def __init__(self, sheet: Sheet, days: dict[date, float], today: date) -> None:
        self.sheet = sheet
        self.days = {day: hours for day, hours in days.items() if day <= today}
        self.today = today

    def weeks(self, room: float, smallest: float) -> list[date]:
        """The Mondays of the weeks shown: from the first study day to today's week, or the
        latest ones that fit (at most a year)."""
        last = monday_of(self.today)
        first = monday_of(min(self.days, default=self.today))
        count = (last - first).days // 7 + 1
        count = min(count, HEAT_WEEKS_MAX, max(1, int(room // smallest)))
        return [last - timedelta(weeks=count - 1 - n) for n in range(count)]

    def blocks(self) -> list[Block]:
        sheet = self.sheet
        style = sheet.chart_muted
        left = max(style.width(_(label)) for _row, label in self.DAY_LABELS) + sheet.pt(5)
        room = sheet.width - left
        weeks = self.weeks(room, sheet.pt(6))
        cell = min(sheet.pt(10), room / len(weeks))
        gap = cell * 0.18
        grid_top = style.line + sheet.pt(2)
        height = grid_top + 7 * cell + sheet.pt(4) + style.line
        studied = [(d, h) for d, h in self.days.items() if h > 0 and d >= weeks[0]]
        total = sum(h for _d, h in studied)
        since = format_day(min(d for d, _h in studied)) if studied else format_day(weeks[0])
        summary = (
            _("{days} since {since}, {hours} in all; last studied {last}").format(
                days=count_text(len(studied), "study day"),
                since=since,
                hours=format_hours(total),
                last=format_day(max(d for d, _h in studied)),
            )
            if studied
            else _("No study logged since {since}").format(since=since)
        )

        def paint(painter: QPainter, top: float) -> None:
            grid = top + grid_top
            for row, label in self.DAY_LABELS:
                y = grid + row * cell + (cell - gap - style.line) / 2
                style.draw(painter, 0, y, _(label))
            label_end = -math.inf
            for column, monday in enumerate(weeks):
                x = left + column * cell
                # a month is named over the week its first day falls in (and the first week)
                sunday = monday + timedelta(days=6)
                if column == 0 or sunday.day <= 7:
                    label = short_month(sunday if sunday.day <= 7 else monday)
                    if x >= label_end and x + style.width(label) <= sheet.width:
                        style.draw(painter, x, top, label)
                        label_end = x + style.width(label) + sheet.pt(3)
                for row in range(7):
                    day = monday + timedelta(days=row)
                    if day > self.today:
                        continue
                    rect = QRectF(x, grid + row * cell, cell - gap, cell - gap)
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(heat_colour(heat_level(self.days.get(day, 0.0))))
                    painter.drawRoundedRect(rect, cell * 0.15, cell * 0.15)
                    if day == self.today:
                        painter.setPen(sheet.pen(ink(Colour.TODAY), 0.6))
                        painter.setBrush(Qt.BrushStyle.NoBrush)
                        painter.drawRoundedRect(rect, cell * 0.15, cell * 0.15)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            self._legend(painter, grid + 7 * cell + sheet.pt(4), summary)

        return [
            Block(sheet.label.line + sheet.pt(2), self._title, sheet.pt(12), keep_with_next=True),
            Block(height, paint),
        ]

    def _title(self, painter: QPainter, top: float) -> None:
        self.sheet.label.draw(painter, 0, top, _("STUDY DAYS"))

    def _legend(self, painter: QPainter, top: float, summary: str) -> None:
        sheet = self.sheet
        style = sheet.chart_muted
        style.draw(painter, 0, top, summary)
        swatch = sheet.pt(6.5)
        up_to = [_("up to {hours}").format(hours=format_hours(bound)) for bound in HEAT_LEVELS]
        labels = (_("none"), *up_to, _("more"))
        space = sheet.pt(7)
        widths = [swatch + sheet.pt(2) + style.width(label) for label in labels]
        x = (
            sheet.width - sum(widths) - space * (len(labels) - 1)
        )  # right-aligned, read left to right
        middle = top + style.line / 2
        for level, (label, width) in enumerate(zip(labels, widths, strict=True)):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(heat_colour(level))
            painter.drawRoundedRect(QRectF(x, middle - swatch / 2, swatch, swatch), 1, 1)
            style.draw(painter, x + swatch + sheet.pt(2), top, label)
            x += width + space
        painter.setBrush(Qt.BrushStyle.NoBrush)
