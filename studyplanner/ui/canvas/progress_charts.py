"""The progress view's two pictures, painted with QPainter in the house colours (light or dark
after the palette), the same language as the printed report's: the burn-up of cumulative hours
(baseline dashed, today's plan in the accent, the study log in green, today marked) and a
calendar heat strip of study days.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from studyplanner.domain.months import first_of_month, next_month
from studyplanner.domain.wording import (
    WEEKDAYS_SHORT,
    format_day,
    format_hours,
    short_month,
    short_weekday,
)
from studyplanner.i18n import _, ngettext
from studyplanner.style import Colour, is_dark_palette, qcolor

Series = Sequence[tuple[date, float]]

LOGGED = Colour.PASSED_RIBBON
PLANNED = Colour.ACCENT
BASELINE = Colour.FAINT
HEAT_LEVELS = (1.0, 2.0, 3.0)
"""Upper bounds (hours in a day) of the heat strip's lighter shades; more is the full colour."""
WEEKDAY_LETTERS = tuple(name if day % 2 == 0 else "" for day, name in enumerate(WEEKDAYS_SHORT))
"""The heat strip's row labels: every other weekday (Mon, Wed, Fri, Sun), translated where
shown."""


def nice_step(top: float, lines: int = 4) -> float:
    """A round step (1, 2, 5, 10, 20, 50 …) that splits ``top`` into about ``lines`` parts."""
    raw = max(top, 1.0) / lines
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return float(factor * power)
    return float(10 * power)


def _small(font: QFont, scale: float = 0.85) -> QFont:
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * scale)
    return small


class BurnUpChart(QWidget):
    """Cumulative hours over time: what the baseline planned, what today's plan plans and what
    was logged, with today as a vertical line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.baseline: list[tuple[date, float]] = []
        self.planned: list[tuple[date, float]] = []
        self.logged: list[tuple[date, float]] = []
        self.today: date | None = None
        self.setMinimumHeight(210)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Burn-up chart of study hours"))

    def sizeHint(self) -> QSize:
        return QSize(380, 240)

    def show_series(self, baseline: Series, planned: Series, logged: Series, today: date) -> None:
        self.baseline, self.planned, self.logged = list(baseline), list(planned), list(logged)
        self.today = today
        done = self.logged[-1][1] if self.logged else 0.0
        total = self.planned[-1][1] if self.planned else 0.0
        self.setAccessibleDescription(
            _("{done} logged of {total} planned, as of {today}").format(
                done=format_hours(done), total=format_hours(total), today=format_day(today)
            )
        )
        self.update()

    def span(self) -> tuple[date, date] | None:
        """The first and last day on the time axis (None with nothing to draw)."""
        days = [day for series in (self.baseline, self.planned, self.logged) for day, _ in series]
        if not days:
            return None
        if self.today is not None:
            days.append(self.today)
        first, last = min(days), max(days)
        return first, max(last, first + timedelta(days=7))

    def top_hours(self) -> float:
        values = [hours for s in (self.baseline, self.planned, self.logged) for _, hours in s]
        return max([*values, 1.0])

    def plot_area(self) -> QRectF:
        # Room above for the "Today" tag, below for the month captions and the legend.
        return QRectF(46, 30, max(10, self.width() - 60), max(10, self.height() - 74))

    def x_of(self, day: date, area: QRectF) -> float:
        span = self.span()
        if span is None:
            return area.left()
        first, last = span
        return area.left() + area.width() * (day - first).days / max(1, (last - first).days)

    def paintEvent(self, event: QPaintEvent) -> None:
        dark = is_dark_palette(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = _small(self.font())
        painter.setFont(small)
        muted = qcolor(Colour.MUTED_TEXT, dark)
        painter.setPen(QPen(qcolor(Colour.HAIRLINE, dark), 1))
        painter.setBrush(qcolor(Colour.SURFACE, dark))
        painter.drawRoundedRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1), 6, 6)
        span = self.span()
        area = self.plot_area()
        if span is None:
            painter.setPen(muted)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, _("Add exams to see progress"))
            painter.end()
            return
        first, last = span
        top = self.top_hours()
        step = nice_step(top)
        ceiling = step * math.ceil(top / step)

        def y_of(hours: float) -> float:
            return area.bottom() - area.height() * hours / ceiling

        # Grid: hour lines with their labels, month starts with theirs.
        grid = QPen(qcolor(Colour.HAIRLINE, dark), 1)
        value = 0.0
        while value <= ceiling + 0.01:
            y = round(y_of(value)) + 0.5
            painter.setPen(grid)
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(muted)
            painter.drawText(
                QRectF(0, y - 8, area.left() - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                format_hours(value),
            )
            value += step
        month = first_of_month(first)
        months = max(1, (last.year - first.year) * 12 + last.month - first.month + 1)
        every = 1 if months <= 8 else 2 if months <= 16 else 3 if months <= 30 else 6
        index = 0
        while month <= last:
            x = self.x_of(month, area)
            if month >= first and index % every == 0:
                painter.setPen(grid)
                painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
                caption = short_month(month)
                if month.month == 1 or index == 0:
                    caption += f" {month.year}"
                painter.setPen(muted)
                painter.drawText(
                    QRectF(x + 3, area.bottom() + 3, 80, 16),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                    caption,
                )
            if month >= first:
                index += 1
            month = next_month(month)

        def line(series: Series) -> QPainterPath:
            path = QPainterPath()
            for position, (day, hours) in enumerate(series):
                point = QPointF(self.x_of(day, area), y_of(hours))
                if position == 0:
                    path.moveTo(point)
                else:
                    path.lineTo(point)
            return path

        if self.logged:
            under = line(self.logged)
            under.lineTo(QPointF(self.x_of(self.logged[-1][0], area), area.bottom()))
            under.lineTo(QPointF(self.x_of(self.logged[0][0], area), area.bottom()))
            under.closeSubpath()
            shade = qcolor(LOGGED, dark)
            shade.setAlpha(40)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(shade)
            painter.drawPath(under)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.baseline:
            dashed = QPen(qcolor(BASELINE, dark), 1.6, Qt.PenStyle.DashLine)
            painter.setPen(dashed)
            painter.drawPath(line(self.baseline))
        if self.planned:
            painter.setPen(QPen(qcolor(PLANNED, dark), 2))
            painter.drawPath(line(self.planned))
        if self.logged:
            painter.setPen(QPen(qcolor(LOGGED, dark), 2.2))
            painter.drawPath(line(self.logged))

        if self.today is not None and first <= self.today <= last:
            x = round(self.x_of(self.today, area)) + 0.5
            today_colour = qcolor(Colour.TODAY, dark)
            painter.setPen(QPen(today_colour, 1.5))
            painter.drawLine(QPointF(x, area.top() - 4), QPointF(x, area.bottom()))
            tag = QRectF(x - 22, area.top() - 20, 44, 15)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(today_colour)
            painter.drawRoundedRect(tag, 7, 7)
            painter.setPen(qcolor(Colour.ON_COLOUR, dark))
            bold = QFont(small)
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, _("Today"))
            painter.setFont(small)

        self._legend(painter, dark, area)
        painter.end()

    def _legend(self, painter: QPainter, dark: bool, area: QRectF) -> None:
        x = area.left()
        y = self.height() - 14
        entries = [
            (BASELINE, Qt.PenStyle.DashLine, _("Baseline"), bool(self.baseline)),
            (PLANNED, Qt.PenStyle.SolidLine, _("Planned now"), True),
            (LOGGED, Qt.PenStyle.SolidLine, _("Logged"), True),
        ]
        metrics = painter.fontMetrics()
        for name, style, text, shown in entries:
            if not shown:
                continue
            painter.setPen(QPen(qcolor(name, dark), 2, style))
            painter.drawLine(QPointF(x, y), QPointF(x + 18, y))
            painter.setPen(qcolor(Colour.TEXT, dark))
            painter.drawText(QPointF(x + 23, y + metrics.ascent() / 2 - 1), text)
            x += 23 + metrics.horizontalAdvance(text) + 16


class HeatStrip(QWidget):
    """Study days as a calendar strip, a column per week (Monday on top) up to this week, each
    day shaded by the hours logged on it; hovering a day tells its hours."""

    CELL = 12.0
    GAP = 3.0
    LEFT = 30.0
    TOP = 18.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: dict[date, float] = {}
        self.today = date(2000, 1, 3)
        self.setMinimumHeight(int(self.TOP + 7 * (self.CELL + self.GAP) + 26))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Study days"))

    def sizeHint(self) -> QSize:
        return QSize(380, self.minimumHeight())

    def show_days(self, days: dict[date, float], today: date) -> None:
        self.days = dict(days)
        self.today = today
        studied = sum(1 for hours in days.values() if hours > 0)
        self.setAccessibleDescription(
            ngettext(
                "{count} study day up to {today}", "{count} study days up to {today}", studied
            ).format(count=studied, today=format_day(today))
        )
        self.update()

    def weeks(self) -> int:
        """How many weeks fit the width (at most a year)."""
        room = self.width() - self.LEFT - 8
        return max(4, min(53, int(room // (self.CELL + self.GAP))))

    def first_monday(self) -> date:
        this_monday = self.today - timedelta(days=self.today.weekday())
        return this_monday - timedelta(weeks=self.weeks() - 1)

    def cell_rect(self, day: date) -> QRectF:
        week = (day - self.first_monday()).days // 7
        step = self.CELL + self.GAP
        return QRectF(
            self.LEFT + week * step, self.TOP + day.weekday() * step, self.CELL, self.CELL
        )

    def day_at(self, point: QPointF) -> date | None:
        step = self.CELL + self.GAP
        week = int((point.x() - self.LEFT) // step)
        weekday = int((point.y() - self.TOP) // step)
        if not (0 <= week < self.weeks() and 0 <= weekday < 7):
            return None
        day = self.first_monday() + timedelta(weeks=week, days=weekday)
        return day if day <= self.today and self.cell_rect(day).contains(point) else None

    def shade(self, hours: float, dark: bool) -> QColor:
        """The cell colour for ``hours`` in a day: empty, three tints, then the full green."""
        full = qcolor(LOGGED, dark)
        if hours <= 0:
            return qcolor(Colour.PANEL if not dark else Colour.HAIRLINE, dark)
        level = next((i for i, bound in enumerate(HEAT_LEVELS) if hours <= bound), 3)
        share = (0.3, 0.55, 0.8, 1.0)[level]
        base = qcolor(Colour.SURFACE, dark)
        return QColor.fromRgbF(
            base.redF() + (full.redF() - base.redF()) * share,
            base.greenF() + (full.greenF() - base.greenF()) * share,
            base.blueF() + (full.blueF() - base.blueF()) * share,
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        dark = is_dark_palette(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(_small(self.font(), 0.8))
        muted = qcolor(Colour.MUTED_TEXT, dark)
        first = self.first_monday()
        step = self.CELL + self.GAP
        for weekday, caption in enumerate(WEEKDAY_LETTERS):
            if caption:
                painter.setPen(muted)
                painter.drawText(
                    QRectF(0, self.TOP + weekday * step - 2, self.LEFT - 5, self.CELL + 4),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    _(caption),
                )
        last_label = -100.0
        for week in range(self.weeks()):
            monday = first + timedelta(weeks=week)
            month_start = first_of_month(monday + timedelta(days=6))
            x = self.LEFT + week * step
            if monday <= month_start <= monday + timedelta(days=6) and x - last_label > 34:
                painter.setPen(muted)
                painter.drawText(QPointF(x, self.TOP - 5), short_month(month_start))
                last_label = x
            for weekday in range(7):
                day = monday + timedelta(days=weekday)
                if day > self.today:
                    continue
                rect = self.cell_rect(day)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(self.shade(self.days.get(day, 0.0), dark))
                painter.drawRoundedRect(rect, 2.5, 2.5)
                if day == self.today:
                    painter.setPen(QPen(qcolor(Colour.TODAY, dark), 1.2))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 3, 3)
        # "Less ▢▢▢▢▢ More" under the strip, right-aligned.
        y = self.TOP + 7 * step + 6
        right = self.LEFT + self.weeks() * step - self.GAP
        samples = [0.0, 1.0, 2.0, 3.0, 4.0]
        metrics = painter.fontMetrics()
        more_width = metrics.horizontalAdvance(_("More"))
        x = right - more_width - 4 - len(samples) * step
        painter.setPen(muted)
        painter.drawText(
            QRectF(x - 60, y - 2, 56, self.CELL + 4),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            _("Less"),
        )
        for hours in samples:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.shade(hours, dark))
            painter.drawRoundedRect(QRectF(x, y, self.CELL, self.CELL), 2.5, 2.5)
            x += step
        painter.setPen(muted)
        painter.drawText(
            QRectF(x + 1, y - 2, more_width + 8, self.CELL + 4),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            _("More"),
        )
        painter.end()

    def tooltip_at(self, point: QPointF) -> str:
        day = self.day_at(point)
        if day is None:
            return ""
        hours = self.days.get(day, 0.0)
        studied = (
            _("{hours} studied").format(hours=format_hours(hours))
            if hours > 0
            else _("no study logged")
        )
        return _("{weekday} {date}: {studied}").format(
            weekday=short_weekday(day), date=format_day(day), studied=studied
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
