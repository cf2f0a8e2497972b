"""The printed plan: one layout, painted with QPainter on any QPrinter (PDF, preview, paper).

The report is laid out in two passes. First its content is cut into blocks of known height
(a heading, a chart row, a table row, one line of a note); then the blocks are placed on pages,
repeating the table header and the chart axis where a page break falls inside them, and every
page is painted with its footer "Page N of M". Everything the user typed is drawn with
``QPainter.drawText`` as plain text, never as rich text, so it prints exactly as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from PySide6.QtCore import QLineF, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTextLayout,
    QTextOption,
)
from PySide6.QtPrintSupport import QPrinter

from studyplanner.domain.advice import Advice, Severity
from studyplanner.domain.catalog import Tier
from studyplanner.domain.plan import WEEKDAYS, EntryStatus, StudyPlan
from studyplanner.domain.schedule import Schedule, ScheduledEntry
from studyplanner.domain.wording import MONTHS, format_day
from studyplanner.export.palette import TIER_COLORS

__all__ = [
    "PAPER_SIZES",
    "REPORT_MARGINS_MM",
    "render_report",
    "setup_printer",
]

PAPER_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
# left, top, right, bottom in millimetres; the footer sits inside the bottom margin's edge.
REPORT_MARGINS_MM = (18.0, 16.0, 18.0, 12.0)

STATUS_LABELS = {
    EntryStatus.PLANNED: "Planned",
    EntryStatus.STUDYING: "Studying",
    EntryStatus.PASSED: "Passed",
}
FONT_FAMILIES = [
    "Inter",
    "Source Sans 3",
    "Noto Sans",
    "Segoe UI",
    "Helvetica Neue",
    "Arial",
    "DejaVu Sans",
]
MAX_BLACKOUTS_LISTED = 6
# Passed exams this close before the plan's first date get a marker on the chart; older ones are
# named in text so they do not stretch the time axis over years of history.
PASSED_LOOKBACK_DAYS = 366


class _Ink:
    TEXT = QColor("#1D2430")
    MUTED = QColor("#6B7280")
    FAINT = QColor("#9AA3B2")
    RULE = QColor("#C9CED6")
    HAIRLINE = QColor("#E6E9EE")
    ZEBRA = QColor("#F3F5F8")
    PANEL = QColor("#F3F5F8")
    ACCENT = QColor("#1F4E79")
    WARNING = QColor("#D97706")
    INFO = QColor("#1F6FB2")
    TODAY = QColor("#D14343")
    WHITE = QColor("#FFFFFF")


def _hours(value: float) -> str:
    return f"{value:,.1f}".rstrip("0").rstrip(".")


def _fee(usd: int) -> str:
    return f"${usd:,}"


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _plain(text: str) -> str:
    """User text ready for drawText: line breaks normalised, tabs as spaces, invisible control
    characters shown as a replacement mark instead of silently changing the layout."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _CONTROL.sub("\ufffd", text)


def _one_line(text: str) -> str:
    return " ".join(_plain(text).split("\n"))


def setup_printer(printer: QPrinter, *, paper: str = "a4", landscape: bool = False) -> None:
    """Give ``printer`` the report's paper, orientation and margins. The app calls this before
    showing its print preview, so preview, paper and PDF are the same document."""
    try:
        size = QPageSize(PAPER_SIZES[paper])
    except KeyError:
        raise ValueError(f"unknown paper {paper!r}; use one of {', '.join(PAPER_SIZES)}") from None
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    left, top, right, bottom = REPORT_MARGINS_MM
    layout = QPageLayout(
        size, orientation, QMarginsF(left, top, right, bottom), QPageLayout.Unit.Millimeter
    )
    printer.setFullPage(False)
    if not printer.setPageLayout(layout):
        raise ValueError("the printer refused the report's page layout")


# --- text -----------------------------------------------------------------------------------


def _font(
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
class _Style:
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
        for paragraph in _plain(text).split("\n"):
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


# --- blocks and pages ---------------------------------------------------------------------------

Paint = Callable[[QPainter, float], None]
Backdrop = Callable[[QPainter, float, float], None]


@dataclass
class _Block:
    """A strip of the page of known height; ``paint`` draws it with its top at the given y.

    ``continued`` blocks are drawn first when a page starts with this block (the table header
    and the chart axis); ``keep_with_next`` keeps headings with what they introduce. ``under``
    paints first (zebra stripes), then ``backdrop`` once behind each run of blocks sharing it
    on a page (the chart's grid lines, whole instead of cut into one piece per row).
    """

    height: float
    paint: Paint
    space_before: float = 0.0
    keep_with_next: bool = False
    continued: tuple[_Block, ...] = ()
    under: Paint | None = None
    backdrop: Backdrop | None = None


@dataclass
class _Page:
    placed: list[tuple[float, _Block]] = field(default_factory=list)

    def paint(self, painter: QPainter) -> None:
        for top, block in self.placed:
            if block.under is not None:
                block.under(painter, top)
        runs: list[tuple[Backdrop, float, float]] = []
        for top, block in self.placed:
            if block.backdrop is None:
                continue
            if runs and runs[-1][0] is block.backdrop and abs(runs[-1][2] - top) < 1e-6:
                runs[-1] = (block.backdrop, runs[-1][1], top + block.height)
            else:
                runs.append((block.backdrop, top, top + block.height))
        for backdrop, top, bottom in runs:
            backdrop(painter, top, bottom)
        for top, block in self.placed:
            painter.save()
            block.paint(painter, top)
            painter.restore()


def _paginate(blocks: Sequence[_Block], body_height: float) -> list[_Page]:
    pages = [_Page()]
    y = 0.0
    for i, block in enumerate(blocks):
        page = pages[-1]
        gap = block.space_before if page.placed else 0.0
        needed = gap + block.height
        j = i
        while blocks[j].keep_with_next and j + 1 < len(blocks):
            j += 1
            needed += blocks[j].space_before + blocks[j].height
        if page.placed and y + needed > body_height:
            page = _Page()
            pages.append(page)
            y = gap = 0.0
            for header in block.continued:
                page.placed.append((y, header))
                y += header.height
        page.placed.append((y + gap, block))
        y += gap + block.height
    return pages


# --- the report ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Column:
    title: str
    width: float
    right: bool = False


class _ReportLayout:
    """Cuts one schedule into blocks for a page body of the given width, in device pixels."""

    def __init__(
        self,
        schedule: Schedule,
        advice: Sequence[Advice],
        device: QPaintDevice,
        width: float,
        printed_on: date,
    ) -> None:
        self.schedule = schedule
        self.plan: StudyPlan = schedule.plan
        self.advice = list(advice)
        self.device = device
        self.width = width
        self.printed_on = printed_on
        self.unit = device.logicalDpiY() / 72.0
        self.order = {item.entry.id: i for i, item in enumerate(schedule.entries, 1)}
        self.eyebrow = self.style(7.5, QFont.Weight.Bold, color=_Ink.ACCENT)
        self.title = self.style(20, QFont.Weight.Bold, leading=1.15)
        self.label = self.style(7, QFont.Weight.Bold, color=_Ink.MUTED)
        self.body = self.style(9, leading=1.4)
        self.body_bold = self.style(9, QFont.Weight.DemiBold, leading=1.4)
        self.muted = self.style(8, color=_Ink.MUTED, leading=1.35)
        self.section = self.style(11.5, QFont.Weight.Bold, leading=1.2)
        self.stat = self.style(15, QFont.Weight.DemiBold, leading=1.2, numbers=True)
        self.chart = self.style(7, leading=1.2, numbers=True)
        self.chart_muted = self.style(6.5, color=_Ink.MUTED, leading=1.2, numbers=True)
        self.footer = self.style(7.5, color=_Ink.MUTED)

    def pt(self, points: float) -> float:
        return points * self.unit

    def style(
        self,
        size: float,
        weight: QFont.Weight = QFont.Weight.Normal,
        *,
        color: QColor = _Ink.TEXT,
        leading: float = 1.25,
        numbers: bool = False,
    ) -> _Style:
        font = _font(size, weight, numbers=numbers)
        metrics = QFontMetricsF(font, self.device)
        return _Style(font, metrics, max(metrics.height(), self.pt(size) * leading), color)

    def pen(self, color: QColor, points: float) -> QPen:
        pen = QPen(color, self.pt(points))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        return pen

    def rule(
        self, painter: QPainter, y: float, color: QColor = _Ink.RULE, points: float = 0.5
    ) -> None:
        painter.setPen(self.pen(color, points))
        painter.drawLine(QLineF(0, y, self.width, y))

    # -- the whole document ---------------------------------------------------------------

    def blocks(self) -> list[_Block]:
        found = self.header()
        if self.schedule.entries:
            found += self.timeline()
            found += self.table()
        else:
            found.append(self.paragraph("This plan has no exams yet.", self.muted, self.pt(18)))
        found += self.warnings()
        found += self.notes()
        return found

    def paragraph(self, text: str, style: _Style, space_before: float = 0.0) -> _Block:
        lines = style.wrap(text, self.width, self.device)

        def paint(painter: QPainter, top: float) -> None:
            for n, line in enumerate(lines):
                style.draw(painter, 0, top + n * style.line, line)

        return _Block(len(lines) * style.line, paint, space_before)

    def heading(self, text: str, *, continued: bool = False) -> _Block:
        style = self.muted if continued else self.section
        label = f"{text} (continued)" if continued else text
        gap = self.pt(6) if continued else self.pt(5)
        height = style.line + gap

        def paint(painter: QPainter, top: float) -> None:
            style.draw(painter, 0, top, label)
            if not continued:
                self.rule(painter, top + style.line + self.pt(2), _Ink.RULE, 0.6)

        space = 0.0 if continued else self.pt(20)
        return _Block(height, paint, space, keep_with_next=True)

    # -- header ---------------------------------------------------------------------------

    def profile_line(self) -> str:
        profile = self.plan.profile
        years = profile.experience_years
        unit = "year" if years == 1 else "years"
        parts = [profile.role.label, f"{years:g} {unit} of AWS experience"]
        field = profile.role.field
        if profile.field_years is not None and field is not None:
            field_unit = "year" if profile.field_years == 1 else "years"
            parts.append(f"{profile.field_years:g} {field_unit} of {field.label}")
        if profile.direction is not None:
            parts.append(f"heading for {profile.direction.label}")
        if profile.focus_areas:
            parts.append("focus: " + ", ".join(_one_line(a) for a in profile.focus_areas))
        return " · ".join(parts)

    def availability_line(self) -> str:
        availability = self.plan.availability
        days = " · ".join(
            f"{name[:3]} {_hours(h)}"
            for name, h in zip(WEEKDAYS, availability.hours_per_weekday, strict=True)
        )
        text = f"{_hours(availability.weekly_hours)} h a week ({days})"
        blackouts = sorted(availability.blackouts, key=lambda b: b.start)
        if blackouts:
            shown = []
            for b in blackouts[:MAX_BLACKOUTS_LISTED]:
                span = format_day(b.start)
                if b.end != b.start:
                    span += f" – {format_day(b.end)}"
                label = _one_line(b.label).strip()
                shown.append(f"{span} ({label})" if label else span)
            more = len(blackouts) - MAX_BLACKOUTS_LISTED
            if more > 0:
                shown.append(f"and {more} more")
            text += "; no study " + ", ".join(shown)
        return text

    def header(self) -> list[_Block]:
        blocks: list[_Block] = []
        eyebrow = "AWS CERTIFICATION STUDY PLAN"
        printed = f"Printed {format_day(self.printed_on)}"

        def paint_eyebrow(painter: QPainter, top: float) -> None:
            self.eyebrow.draw(painter, 0, top, eyebrow)
            self.muted.draw(painter, self.width, top, printed, right=True)

        blocks.append(_Block(max(self.eyebrow.line, self.muted.line), paint_eyebrow))
        title_lines = self.title.wrap(self.plan.name, self.width, self.device)

        def paint_title(painter: QPainter, top: float) -> None:
            for n, line in enumerate(title_lines):
                self.title.draw(painter, 0, top + n * self.title.line, line)

        blocks.append(_Block(len(title_lines) * self.title.line, paint_title, self.pt(4)))

        facts = [
            ("LEARNER", self.profile_line()),
            ("AVAILABILITY", self.availability_line()),
            ("DATES", self.dates_line()),
        ]
        label_width = max(self.label.width(k) for k, _ in facts) + self.pt(12)
        for n, (key, value) in enumerate(facts):
            blocks.append(self.fact(key, value, label_width, self.pt(10) if n == 0 else 0.0))
        blocks.append(self.summary())
        return blocks

    def dates_line(self) -> str:
        finish = self.schedule.finish_date
        text = f"Starts {format_day(self.plan.start_date)}"
        if finish is not None:
            text += f" · last exam {format_day(finish)}"
        return text

    def fact(self, key: str, value: str, label_width: float, space: float) -> _Block:
        lines = self.body.wrap(value, self.width - label_width, self.device)

        def paint(painter: QPainter, top: float) -> None:
            offset = self.body.baseline(top) - self.label.baseline(top)
            self.label.draw(painter, 0, top + offset, key)
            for n, line in enumerate(lines):
                self.body.draw(painter, label_width, top + n * self.body.line, line)

        return _Block(len(lines) * self.body.line, paint, space)

    def summary(self) -> _Block:
        schedule = self.schedule
        passed = sum(1 for i in schedule.entries if i.entry.status is EntryStatus.PASSED)
        left = schedule.remaining_hours
        cells = [
            ("STUDY HOURS", _hours(schedule.total_hours), f"{_hours(left)} h still to study"),
            (
                "EXAMS",
                str(len(schedule.entries)),
                f"{passed} passed" if passed else "none passed yet",
            ),
            ("EXAM FEES", _fee(schedule.total_fees_usd), "exams not yet passed"),
            ("FINISH", format_day(schedule.finish_date), "date of the last exam"),
        ]
        pad = self.pt(10)
        room = self.width / len(cells) - pad * 2.4
        stat = self.stat
        while max(stat.width(value) for _, value, _ in cells) > room and stat.font.pointSizeF() > 9:
            stat = self.style(
                stat.font.pointSizeF() - 0.5, QFont.Weight.DemiBold, leading=1.2, numbers=True
            )
        height = pad * 2 + self.label.line + stat.line + self.muted.line

        def paint(painter: QPainter, top: float) -> None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_Ink.PANEL)
            painter.drawRoundedRect(QRectF(0, top, self.width, height), self.pt(4), self.pt(4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            cell = self.width / len(cells)
            for n, (key, value, note) in enumerate(cells):
                x = n * cell + pad * 1.4
                y = top + pad
                self.label.draw(painter, x, y, key)
                stat.draw(painter, x, y + self.label.line, value)
                self.muted.draw(painter, x, y + self.label.line + stat.line, note)
                if n:
                    painter.setPen(self.pen(_Ink.RULE, 0.5))
                    painter.drawLine(QLineF(n * cell, top + pad, n * cell, top + height - pad))

        return _Block(height, paint, self.pt(14))

    # -- timeline chart -------------------------------------------------------------------

    def timeline(self) -> list[_Block]:
        entries = self.schedule.entries
        axis = _TimeAxis.for_schedule(self.schedule, self.printed_on)
        count = len(entries)
        row = self.pt(14 if count <= 12 else 12 if count <= 30 else 10.5)
        digits = max(self.chart_muted.width(str(n)) for n in range(1, count + 1))
        codes = max(self.chart.width(i.certification.code) for i in entries)
        number_right = digits
        code_left = digits + self.pt(5)
        axis.left = code_left + codes + self.pt(12)
        axis.right = self.width - self.pt(4)
        axis.choose_labels(self)

        heading = self.heading("Timeline")
        axis_block = self.chart_axis(axis)
        cont = (self.heading("Timeline", continued=True), axis_block)
        blocks = [heading, _Block(axis_block.height, axis_block.paint, keep_with_next=True)]

        def grid(painter: QPainter, top: float, bottom: float) -> None:
            self.grid(painter, axis, top, bottom)

        rows = [
            self.chart_row(axis, item, n, row, number_right, code_left, cont, grid)
            for n, item in enumerate(entries, 1)
        ]
        _no_orphans(rows)
        return [*blocks, *rows, self.chart_legend(axis)]

    def chart_axis(self, axis: _TimeAxis) -> _Block:
        style = self.chart_muted
        year_style = self.style(7, QFont.Weight.DemiBold, color=_Ink.TEXT, numbers=True)
        rows = 2 if axis.month_step else 1
        height = rows * style.line + self.pt(3)

        def paint(painter: QPainter, top: float) -> None:
            bottom = top + height
            painter.setPen(self.pen(_Ink.RULE, 0.5))
            for year_start in axis.year_marks():
                x = axis.x(year_start)
                painter.drawLine(QLineF(x, top, x, bottom))
            for year_start, x in self.year_labels(axis, year_style):
                year_style.draw(painter, x + self.pt(2), top, str(year_start.year))
            if axis.month_step:
                y = top + style.line
                for month in axis.month_marks():
                    if (month.month - 1) % axis.month_step:
                        continue
                    x0 = axis.x(month)
                    label = MONTHS[month.month - 1]
                    if axis.month_step == 1:
                        x1 = axis.x(_add_months(month, 1))
                        style.draw(painter, (x0 + x1 - style.width(label)) / 2, y, label)
                    else:
                        style.draw(painter, x0 + self.pt(2), y, label)
            if axis.today is not None:
                painter.setPen(self.pen(_Ink.TODAY, 0.6))
                x = axis.x(axis.today)
                painter.drawLine(QLineF(x, top + style.line * (rows - 0.2), x, bottom))
            painter.setPen(self.pen(_Ink.RULE, 0.6))
            painter.drawLine(QLineF(0, bottom, self.width, bottom))

        return _Block(height, paint)

    def year_labels(self, axis: _TimeAxis, style: _Style) -> list[tuple[date, float]]:
        """Years to label on the axis: every ``year_step``-th January, and the first partial
        year only when its label does not run into the next one, and no label that would run
        past the chart's right edge."""
        marks = [(d, axis.x(d)) for d in axis.year_marks() if d.year % axis.year_step == 0]
        if axis.start.month != 1:
            following = [x for d, x in marks if d != axis.start]
            room = (following[0] if following else axis.right) - axis.x(axis.start)
            wanted = style.width(str(axis.start.year)) + self.pt(6)
            if room >= wanted and all(d != axis.start for d, _ in marks):
                marks.insert(0, (axis.start, axis.x(axis.start)))
            elif room < wanted:
                marks = [(d, x) for d, x in marks if d != axis.start]
        # A January close to the chart's right end has no room for its label.
        right = min(axis.right, self.width)
        return [(d, x) for d, x in marks if x + self.pt(2) + style.width(str(d.year)) <= right]

    def chart_row(
        self,
        axis: _TimeAxis,
        item: ScheduledEntry,
        number: int,
        height: float,
        number_right: float,
        code_left: float,
        continued: tuple[_Block, ...],
        grid: Backdrop,
    ) -> _Block:
        color = QColor(TIER_COLORS[item.certification.tier])
        passed = item.entry.status is EntryStatus.PASSED

        def zebra(painter: QPainter, top: float) -> None:
            if number % 2 == 0:
                painter.fillRect(QRectF(0, top, self.width, height), _Ink.ZEBRA)

        def paint(painter: QPainter, top: float) -> None:
            label_top = top + (height - self.chart.line) / 2
            self.chart_muted.draw(painter, number_right, label_top, str(number), right=True)
            self.chart.draw(
                painter,
                code_left,
                label_top,
                item.certification.code,
                color=_Ink.MUTED if passed else _Ink.TEXT,
            )
            middle = top + height / 2
            bar = height * 0.46
            painter.setPen(Qt.PenStyle.NoPen)
            if item.study_start is not None and item.study_end is not None:
                x0 = axis.x(item.study_start)
                x1 = max(axis.x(item.study_end + timedelta(days=1)), x0 + self.pt(1.5))
                painter.setBrush(color)
                radius = min(self.pt(1.5), (x1 - x0) / 2)
                painter.drawRoundedRect(QRectF(x0, middle - bar / 2, x1 - x0, bar), radius, radius)
                if item.exam_date is not None and item.exam_date > item.study_end + timedelta(1):
                    pen = self.pen(color, 0.6)
                    pen.setStyle(Qt.PenStyle.DotLine)
                    painter.setPen(pen)
                    painter.drawLine(QLineF(x1, middle, axis.x(item.exam_date), middle))
                    painter.setPen(Qt.PenStyle.NoPen)
            exam = item.exam_date
            if exam is None:
                self.chart_muted.draw(painter, axis.left, label_top, "passed, date not recorded")
            elif not axis.start <= exam < axis.end:
                self.chart_muted.draw(painter, axis.left, label_top, f"passed {format_day(exam)}")
            else:
                x = axis.x(exam) + axis.day_width() / 2
                size = height * 0.34
                if passed:
                    self.passed_mark(painter, QPointF(x, middle), size, color)
                else:
                    self.exam_mark(painter, QPointF(x, middle), size, color.darker(135))
            painter.setBrush(Qt.BrushStyle.NoBrush)

        return _Block(height, paint, continued=continued, under=zebra, backdrop=grid)

    def grid(self, painter: QPainter, axis: _TimeAxis, top: float, bottom: float) -> None:
        """Month and year lines (and the print date) behind a run of chart rows on one page."""
        if axis.month_grid:
            painter.setPen(self.pen(_Ink.HAIRLINE, 0.4))
            for month in axis.month_marks():
                if month.month != 1 and month != axis.start:
                    x = axis.x(month)
                    painter.drawLine(QLineF(x, top, x, bottom))
        painter.setPen(self.pen(_Ink.RULE, 0.5))
        for year_start in axis.year_marks():
            x = axis.x(year_start)
            painter.drawLine(QLineF(x, top, x, bottom))
        if axis.today is not None:
            painter.setPen(self.pen(_Ink.TODAY, 0.6))
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
        painter.setPen(self.pen(_Ink.WHITE, 0.6))
        painter.setBrush(color)
        painter.drawPolygon(diamond)
        painter.setPen(Qt.PenStyle.NoPen)

    def passed_mark(self, painter: QPainter, at: QPointF, size: float, color: QColor) -> None:
        painter.setPen(self.pen(_Ink.WHITE, 0.6))
        painter.setBrush(color)
        painter.drawEllipse(at, size, size)
        tick = QPainterPath(QPointF(at.x() - size * 0.5, at.y()))
        tick.lineTo(at.x() - size * 0.1, at.y() + size * 0.4)
        tick.lineTo(at.x() + size * 0.55, at.y() - size * 0.4)
        pen = self.pen(_Ink.WHITE, 0.8)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
        painter.setPen(Qt.PenStyle.NoPen)

    def chart_legend(self, axis: _TimeAxis) -> _Block:
        style = self.chart_muted
        tiers = [t for t in Tier if any(i.certification.tier is t for i in self.schedule.entries)]
        any_passed = any(i.entry.status is EntryStatus.PASSED for i in self.schedule.entries)
        height = style.line + self.pt(8)

        def paint(painter: QPainter, top: float) -> None:
            self.rule(painter, top, _Ink.RULE, 0.6)
            y = top + self.pt(6)
            middle = y + style.line / 2
            x = axis.left
            swatch = self.pt(9)
            for tier in tiers:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(TIER_COLORS[tier]))
                painter.drawRoundedRect(
                    QRectF(x, middle - self.pt(2.5), swatch, self.pt(5)), self.pt(1), self.pt(1)
                )
                x += swatch + self.pt(3)
                style.draw(painter, x, y, tier.label)
                x += style.width(tier.label) + self.pt(10)
            size = self.pt(3)
            self.exam_mark(painter, QPointF(x + size, middle), size, _Ink.MUTED)
            x += 2 * size + self.pt(3)
            style.draw(painter, x, y, "exam")
            x += style.width("exam") + self.pt(10)
            if any_passed:
                self.passed_mark(painter, QPointF(x + size, middle), size, _Ink.MUTED)
                x += 2 * size + self.pt(3)
                style.draw(painter, x, y, "passed")
                x += style.width("passed") + self.pt(10)
            if axis.today is not None:
                painter.setPen(self.pen(_Ink.TODAY, 0.6))
                painter.drawLine(QLineF(x + size, y, x + size, y + style.line))
                x += 2 * size + self.pt(2)
                style.draw(painter, x, y, "print date")
            painter.setBrush(Qt.BrushStyle.NoBrush)

        return _Block(height, paint)

    # -- table ----------------------------------------------------------------------------

    def table(self) -> list[_Block]:
        rows = [self.table_cells(n, item) for n, item in enumerate(self.schedule.entries, 1)]
        totals = self.totals_cells()
        size = 8.5
        while True:
            text = self.style(size, leading=1.3, numbers=True)
            bold = self.style(size, QFont.Weight.DemiBold, leading=1.3, numbers=True)
            head = self.style(max(6.0, size - 1.5), QFont.Weight.Bold, color=_Ink.MUTED)
            columns = self.columns(rows, totals, text, bold, head)
            if columns is not None or size <= 6:
                break
            size -= 0.5
        if columns is None:  # the name column is tight; wrapping keeps every word anyway
            columns = self.columns(rows, totals, text, bold, head, force=True)
            assert columns is not None

        header = self.table_header(columns, head)
        blocks = [self.heading("Exams in order"), header]
        cont = (self.heading("Exams in order", continued=True), header)
        lines = [
            self.table_row(columns, cells, item, n, text, cont)
            for n, (item, cells) in enumerate(zip(self.schedule.entries, rows, strict=True), 1)
        ]
        _no_orphans(lines)
        blocks += [*lines, self.table_totals(columns, totals, bold)]
        if any(i.entry.status is EntryStatus.PASSED for i in self.schedule.entries):
            note = "Exam fees count only the exams not yet passed."
            blocks.append(self.paragraph(note, self.muted, self.pt(4)))
        return blocks

    def table_cells(self, number: int, item: ScheduledEntry) -> list[str]:
        cert = item.certification
        return [
            str(number),
            cert.code,
            cert.name,
            cert.tier.label,
            _hours(item.hours),
            format_day(item.study_start),
            format_day(item.exam_date),
            _fee(cert.exam.fee_usd),
            STATUS_LABELS[item.entry.status],
        ]

    def totals_cells(self) -> list[str]:
        count = len(self.schedule.entries)
        return [
            "",
            "",
            f"Total: {count} exam{'s' if count != 1 else ''}",
            "",
            _hours(self.schedule.total_hours),
            "",
            format_day(self.schedule.finish_date),
            _fee(self.schedule.total_fees_usd),
            "",
        ]

    TITLES = (
        ("#", True),
        ("EXAM", False),
        ("CERTIFICATION", False),
        ("TIER", False),
        ("HOURS", True),
        ("STUDY START", False),
        ("EXAM DATE", False),
        ("FEE", True),
        ("STATUS", False),
    )
    NAME = 2
    TIER = 3

    def swatch_width(self, text: _Style) -> float:
        return text.metrics.height() * 0.55 + self.pt(4)

    def columns(
        self,
        rows: list[list[str]],
        totals: list[str],
        text: _Style,
        bold: _Style,
        head: _Style,
        *,
        force: bool = False,
    ) -> list[_Column] | None:
        """Widths from the widest content of each column; the name column takes what is left
        and wraps. None when the name column would be too narrow at this font size."""
        pad = self.pt(5)
        widths: list[float] = []
        for c, (title, _right) in enumerate(self.TITLES):
            widest = head.width(title)
            for cells in rows:
                widest = max(widest, text.width(cells[c]))
            if c != self.NAME:
                widest = max(widest, bold.width(totals[c]))
            if c == self.TIER:
                widest = max(widest, self.swatch_width(text) + max(text.width(r[c]) for r in rows))
            widths.append(widest + 2 * pad)
        fixed = sum(w for c, w in enumerate(widths) if c != self.NAME)
        name = self.width - fixed
        if name < self.width * 0.22 and not force:
            return None
        widths[self.NAME] = max(name, self.pt(40))
        return [
            _Column(title, w, right) for (title, right), w in zip(self.TITLES, widths, strict=True)
        ]

    def table_header(self, columns: list[_Column], head: _Style) -> _Block:
        pad = self.pt(5)
        height = head.line + self.pt(8)

        def paint(painter: QPainter, top: float) -> None:
            x = 0.0
            y = top + (height - head.line) / 2
            for col in columns:
                if col.right:
                    head.draw(painter, x + col.width - pad, y, col.title, right=True)
                else:
                    head.draw(painter, x + pad, y, col.title)
                x += col.width
            self.rule(painter, top + height, _Ink.TEXT, 0.8)

        return _Block(height, paint, self.pt(2), keep_with_next=True)

    def table_row(
        self,
        columns: list[_Column],
        cells: list[str],
        item: ScheduledEntry,
        number: int,
        text: _Style,
        continued: tuple[_Block, ...],
    ) -> _Block:
        pad = self.pt(5)
        vpad = self.pt(3.5)
        name_lines = text.wrap(cells[self.NAME], columns[self.NAME].width - 2 * pad, self.device)
        height = max(1, len(name_lines)) * text.line + 2 * vpad
        passed = item.entry.status is EntryStatus.PASSED
        color = _Ink.MUTED if passed else _Ink.TEXT
        tier_color = QColor(TIER_COLORS[item.certification.tier])

        def paint(painter: QPainter, top: float) -> None:
            if number % 2 == 0:
                painter.fillRect(QRectF(0, top, self.width, height), _Ink.ZEBRA)
            x = 0.0
            y = top + vpad
            for c, col in enumerate(columns):
                if c == self.NAME:
                    for n, line in enumerate(name_lines):
                        text.draw(painter, x + pad, y + n * text.line, line, color=color)
                elif c == self.TIER:
                    side = text.metrics.height() * 0.55
                    middle = y + text.line / 2
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(tier_color)
                    painter.drawRoundedRect(
                        QRectF(x + pad, middle - side / 2, side, side), side / 4, side / 4
                    )
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    text.draw(painter, x + pad + self.swatch_width(text), y, cells[c], color=color)
                elif col.right:
                    muted = _Ink.MUTED if c == 0 else color
                    text.draw(painter, x + col.width - pad, y, cells[c], right=True, color=muted)
                else:
                    text.draw(painter, x + pad, y, cells[c], color=color)
                x += col.width

        return _Block(height, paint, continued=continued)

    def table_totals(self, columns: list[_Column], cells: list[str], bold: _Style) -> _Block:
        pad = self.pt(5)
        height = bold.line + self.pt(8)

        def paint(painter: QPainter, top: float) -> None:
            self.rule(painter, top, _Ink.TEXT, 0.8)
            x = 0.0
            y = top + self.pt(4)
            for col, value in zip(columns, cells, strict=True):
                if value:
                    if col.right:
                        bold.draw(painter, x + col.width - pad, y, value, right=True)
                    else:
                        bold.draw(painter, x + pad, y, value)
                x += col.width

        return _Block(height, paint)

    # -- warnings and notes ---------------------------------------------------------------

    def warnings(self) -> list[_Block]:
        blocks = [self.heading(f"Warnings ({len(self.advice)})" if self.advice else "Warnings")]
        if not self.advice:
            blocks.append(self.paragraph("No warnings for this plan.", self.muted))
            return blocks
        indent = self.pt(16)
        cont = (self.heading("Warnings", continued=True),)
        for item in self.advice:
            text = item.message
            if item.entry_id in self.order:
                text = f"#{self.order[item.entry_id]} · {text}"
            blocks.append(self.warning(text, item.severity, indent, cont))
        return blocks

    def warning(
        self, text: str, severity: Severity, indent: float, continued: tuple[_Block, ...]
    ) -> _Block:
        lines = self.body.wrap(text, self.width - indent, self.device)
        gap = self.pt(3)
        color = _Ink.WARNING if severity is Severity.WARNING else _Ink.INFO
        mark = "!" if severity is Severity.WARNING else "i"
        mark_style = self.style(6.5, QFont.Weight.Bold, color=_Ink.WHITE)

        def paint(painter: QPainter, top: float) -> None:
            radius = self.pt(5)
            centre = QPointF(radius, top + self.body.line / 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawEllipse(centre, radius, radius)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            mark_top = centre.y() - mark_style.line / 2
            mark_style.draw(painter, centre.x() - mark_style.width(mark) / 2, mark_top, mark)
            for n, line in enumerate(lines):
                self.body.draw(painter, indent, top + n * self.body.line, line)

        return _Block(len(lines) * self.body.line, paint, gap, continued=continued)

    def notes(self) -> list[_Block]:
        noted = [
            (n, item) for n, item in enumerate(self.schedule.entries, 1) if item.entry.notes.strip()
        ]
        plan_notes = self.plan.notes.strip("\n")
        if not noted and not plan_notes.strip():
            return []
        blocks = [self.heading("Notes")]
        section = self.heading("Notes", continued=True)
        indent = self.pt(16)
        if plan_notes.strip():  # the plan's own notes (a suggestion's remarks) come first
            for line in self.body.wrap(plan_notes, self.width, self.device):
                blocks.append(self.note_line(line, 0.0, (section,)))
        for number, item in noted:
            cert = item.certification
            title = f"{cert.code}  {cert.name}"
            blocks.append(self.note_title(number, title, indent, self.pt(8), (section,)))
            again = self.note_title(number, f"{title} (continued)", indent, 0.0, ())
            cont = (section, again)
            lines = self.body.wrap(item.entry.notes.strip("\n"), self.width - indent, self.device)
            for line in lines:
                blocks.append(self.note_line(line, indent, cont))
        return blocks

    def note_title(
        self,
        number: int,
        title: str,
        indent: float,
        space: float,
        continued: tuple[_Block, ...],
    ) -> _Block:
        lines = self.body_bold.wrap(title, self.width - indent, self.device)

        def paint(painter: QPainter, top: float) -> None:
            self.muted.draw(
                painter,
                0,
                top + self.body_bold.baseline(0) - self.muted.baseline(0),
                f"#{number}",
            )
            for n, line in enumerate(lines):
                self.body_bold.draw(painter, indent, top + n * self.body_bold.line, line)

        height = len(lines) * self.body_bold.line
        return _Block(height, paint, space, keep_with_next=True, continued=continued)

    def note_line(self, line: str, indent: float, continued: tuple[_Block, ...]) -> _Block:
        def paint(painter: QPainter, top: float) -> None:
            self.body.draw(painter, indent, top, line)

        return _Block(self.body.line, paint, continued=continued)

    # -- footer ---------------------------------------------------------------------------

    def footer_height(self) -> float:
        return self.footer.line + self.pt(8)

    def paint_footer(self, painter: QPainter, top: float, number: int, total: int) -> None:
        self.rule(painter, top + self.pt(3), _Ink.RULE, 0.5)
        y = top + self.pt(6)
        page = f"Page {number} of {total}"
        room = self.width - self.footer.width(page) - self.pt(24)
        name = self.footer.metrics.elidedText(
            _one_line(self.plan.name), Qt.TextElideMode.ElideRight, room
        )
        self.footer.draw(painter, 0, y, name)
        self.footer.draw(painter, self.width, y, page, right=True)


def _no_orphans(rows: list[_Block], first: int = 3) -> None:
    """Keep a header with at least ``first`` rows, and the last row with what follows it
    (totals, legend), so no page starts or ends a table with a lone row."""
    if len(rows) > first:
        for block in rows[: first - 1]:
            block.keep_with_next = True
    if len(rows) > 1:
        rows[-1].keep_with_next = True


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass
class _TimeAxis:
    """The chart's time scale: whole months from ``start`` up to (not including) ``end``."""

    start: date
    end: date
    today: date | None
    left: float = 0.0
    right: float = 1.0
    month_step: int = 1  # 0: no month labels, years only
    year_step: int = 1
    month_grid: bool = True

    @classmethod
    def for_schedule(cls, schedule: Schedule, today: date | None = None) -> _TimeAxis:
        days: list[date] = [schedule.plan.start_date]
        for item in schedule.entries:
            if item.entry.status is EntryStatus.PASSED:
                continue
            days += [d for d in (item.study_start, item.study_end, item.exam_date) if d]
        recent = min(days) - timedelta(days=PASSED_LOOKBACK_DAYS)
        days += [
            item.exam_date
            for item in schedule.entries
            if item.entry.status is EntryStatus.PASSED
            and item.exam_date is not None
            and recent <= item.exam_date <= max(days)
        ]
        first = min(days)
        last = max(days)
        start = date(first.year, first.month, 1)
        end = _add_months(date(last.year, last.month, 1), 1)
        if (end.year * 12 + end.month) - (start.year * 12 + start.month) < 3:
            end = _add_months(start, 3)
        return cls(start, end, today if today and start <= today < end else None)

    def x(self, day: date) -> float:
        span = (self.end - self.start).days
        return self.left + (day - self.start).days / span * (self.right - self.left)

    def day_width(self) -> float:
        return (self.right - self.left) / (self.end - self.start).days

    def months(self) -> int:
        return (self.end.year * 12 + self.end.month) - (self.start.year * 12 + self.start.month)

    @cached_property
    def _month_marks(self) -> tuple[date, ...]:
        return tuple(_add_months(self.start, n) for n in range(self.months()))

    def month_marks(self) -> tuple[date, ...]:
        return self._month_marks

    def year_marks(self) -> list[date]:
        return [self.start, *(d for d in self._month_marks if d.month == 1 and d != self.start)]

    def choose_labels(self, layout: _ReportLayout) -> None:
        """Label every month when there is room, else every 2nd, 3rd or 6th, else years only
        (every year, or every 2nd/5th/10th for very long plans)."""
        style = layout.chart_muted
        per_month = (self.right - self.left) / self.months()
        label = max(style.width(m) for m in MONTHS) + layout.pt(5)
        self.month_grid = per_month >= layout.pt(3)
        self.month_step = 0
        for step in (1, 2, 3, 6):
            if step * per_month >= label:
                self.month_step = step
                break
        year_label = style.width("2000") + layout.pt(6)
        for step in (1, 2, 5, 10, 20):
            if step * 12 * per_month >= year_label:
                self.year_step = step
                break


def render_report(
    schedule: Schedule,
    advice: Sequence[Advice],
    printer: QPrinter,
    *,
    printed_on: date | None = None,
) -> int:
    """Paint the whole report on ``printer`` (already set up: paper, margins, output) and
    return the number of pages. Serves QPrintPreviewDialog.paintRequested, a real printer
    and PDF alike; a page range chosen in the print dialog is honoured."""
    painter = QPainter()
    if not painter.begin(printer):
        target = printer.outputFileName() or printer.printerName() or "the printer"
        raise OSError(f"cannot print to {target}")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        width = float(area.width())
        height = float(area.height())
        layout = _ReportLayout(schedule, advice, printer, width, printed_on or date.today())
        body_height = height - layout.footer_height()
        pages = _paginate(layout.blocks(), body_height)
        first = printer.fromPage() or 1
        last = printer.toPage() or len(pages)
        started = False
        for number, page in enumerate(pages, 1):
            if not first <= number <= last:
                continue
            if started and not printer.newPage():
                raise OSError("the printer refused a new page")
            started = True
            page.paint(painter)
            layout.paint_footer(painter, body_height, number, len(pages))
        return len(pages)
    finally:
        painter.end()
