"""The whole report, painted with QPainter on any QPrinter (PDF, preview, paper).

The report is laid out in two passes. First its sections are cut into blocks of known height
(a heading, a chart row, a table row, one line of a note); then the blocks are placed on pages
and every page is painted with its footer "Page N of M".

Sections: the header with its totals and fees, the timeline, the exams in order, progress
(pace, readiness, the burn-up chart and the study days), the study by exam domain, the
certifications and their renewals, the warnings, the notes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from studyplanner.domain.analysis import PlanAnalysis
from studyplanner.domain.budget import Budget
from studyplanner.domain.schedule import Schedule
from studyplanner.export.report.blocks import Block, paginate
from studyplanner.export.report.chart import TimelineChart
from studyplanner.export.report.domains import domain_blocks
from studyplanner.export.report.header import header_blocks
from studyplanner.export.report.lifecycle import lifecycle_blocks
from studyplanner.export.report.notes import note_blocks, warning_blocks
from studyplanner.export.report.progress import progress_blocks
from studyplanner.export.report.sheet import Sheet
from studyplanner.export.report.table import ExamTable
from studyplanner.export.report.text import one_line
from studyplanner.i18n import _
from studyplanner.layout.timeline import timeline_of
from studyplanner.style import Colour

PAPER_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
# left, top, right, bottom in millimetres; the footer sits inside the bottom margin's edge.
REPORT_MARGINS_MM = (18.0, 16.0, 18.0, 12.0)


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
        raise ValueError(_("the printer refused the report's page layout"))


def report_blocks(sheet: Sheet, analysis: PlanAnalysis) -> list[Block]:
    """Every section in reading order, cut into blocks for ``sheet``: the analysis's facts
    as of its day (the report's "printed on", pace, the chart's today line)."""
    schedule, budget = scheduled(analysis)
    printed_on = analysis.today
    found = header_blocks(sheet, schedule, budget, printed_on, analysis.finish_shift_days)
    if schedule.entries:
        chart = TimelineChart(
            sheet, schedule, printed_on, timeline_of(analysis, show_baseline=False)
        )
        found += chart.blocks()
        found += ExamTable(sheet, schedule, budget).blocks()
        found += progress_blocks(sheet, analysis)
        found += domain_blocks(sheet, analysis)
    else:
        found.append(sheet.paragraph(_("This plan has no exams yet."), sheet.muted, sheet.pt(18)))
    validities = list(analysis.validities)
    found += lifecycle_blocks(sheet, schedule, validities, analysis.catalog, printed_on)
    found += warning_blocks(sheet, schedule, list(analysis.advice))
    found += note_blocks(sheet, schedule)
    return found


def scheduled(analysis: PlanAnalysis) -> tuple[Schedule, Budget]:
    """The analysis's schedule and fees; a plan without dates cannot be printed (the window
    and the command line say why before they get here)."""
    if analysis.schedule is None or analysis.budget is None:
        raise ValueError(analysis.schedule_error or _("The plan cannot be scheduled."))
    return analysis.schedule, analysis.budget


def footer_height(sheet: Sheet) -> float:
    return sheet.footer.line + sheet.pt(8)


def paint_footer(
    sheet: Sheet, painter: QPainter, top: float, plan_name: str, number: int, total: int
) -> None:
    """The plan's name (cut short if need be) and "Page N of M" under a rule."""
    sheet.rule(painter, top + sheet.pt(3), Colour.RULE, 0.5)
    y = top + sheet.pt(6)
    page = _("Page {number} of {total}").format(number=number, total=total)
    room = sheet.width - sheet.footer.width(page) - sheet.pt(24)
    name = sheet.footer.metrics.elidedText(one_line(plan_name), Qt.TextElideMode.ElideRight, room)
    sheet.footer.draw(painter, 0, y, name)
    sheet.footer.draw(painter, sheet.width, y, page, right=True)


def render_report(analysis: PlanAnalysis, printer: QPrinter) -> int:
    """Paint the whole report on ``printer`` (already set up: paper, margins, output) and
    return the number of pages. Serves QPrintPreviewDialog.paintRequested, a real printer
    and PDF alike; a page range chosen in the print dialog is honoured. Everything printed
    comes from ``analysis``, dated its ``today``."""
    return render_blocks(printer, lambda sheet: report_blocks(sheet, analysis), analysis.plan.name)


def render_blocks(
    printer: QPrinter, blocks_of: Callable[[Sheet], list[Block]], footer_name: str
) -> int:
    """Lay ``blocks_of(sheet)`` out in pages on ``printer``, each with the footer naming
    ``footer_name`` and the page, and return the page count: the plan report's and the team
    report's one way to print. A page range chosen in the print dialog is honoured."""
    painter = QPainter()
    if not painter.begin(printer):
        target = printer.outputFileName() or printer.printerName() or _("the printer")
        raise OSError(_("cannot print to {target}").format(target=target))
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        sheet = Sheet(printer, float(area.width()))
        body_height = float(area.height()) - footer_height(sheet)
        pages = paginate(blocks_of(sheet), body_height)
        first = printer.fromPage() or 1
        last = printer.toPage() or len(pages)
        started = False
        for number, page in enumerate(pages, 1):
            if not first <= number <= last:
                continue
            if started and not printer.newPage():
                raise OSError(_("the printer refused a new page"))
            started = True
            page.paint(painter)
            paint_footer(sheet, painter, body_height, footer_name, number, len(pages))
        return len(pages)
    finally:
        painter.end()
