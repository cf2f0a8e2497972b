"""The report's closing sections: the warnings about the plan, then the plan's and the exams'
notes, wrapped line by line so a long note flows onto the next page under a repeated title."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QPainter

from studyplanner.domain.advice import Advice, Severity
from studyplanner.domain.schedule import Schedule
from studyplanner.export.report.blocks import Block
from studyplanner.export.report.sheet import Sheet, continued_title, ink
from studyplanner.i18n import _
from studyplanner.style import Colour


def warning_blocks(sheet: Sheet, schedule: Schedule, advice: Sequence[Advice]) -> list[Block]:
    """Each piece of advice, led by the number of the exam it is about."""
    warnings = sum(1 for item in advice if item.severity is Severity.WARNING)
    title = _("Warnings and notes") if warnings < len(advice) else _("Warnings")
    blocks = [sheet.heading(f"{title} ({warnings})" if warnings else title)]
    if not advice:
        blocks.append(sheet.paragraph(_("No warnings for this plan."), sheet.muted))
        return blocks
    if not warnings:
        blocks.append(sheet.paragraph(_("No warnings for this plan; notes:"), sheet.muted))
    order = {item.entry.id: i for i, item in enumerate(schedule.entries, 1)}
    indent = sheet.pt(16)
    cont = (sheet.heading(title, continued=True),)
    for item in advice:
        text = item.message
        if item.entry_id in order:
            text = f"#{order[item.entry_id]} · {text}"
        blocks.append(_warning(sheet, text, item.severity, indent, cont))
    return blocks


def _warning(
    sheet: Sheet, text: str, severity: Severity, indent: float, continued: tuple[Block, ...]
) -> Block:
    body = sheet.body
    lines = body.wrap(text, sheet.width - indent, sheet.device)
    gap = sheet.pt(3)
    # The screen's badge colours: dark ink on amber for a warning, white on blue for information.
    if severity is Severity.WARNING:
        color, mark, mark_ink = ink(Colour.WARNING_FILL), "!", Colour.WARNING_INK
    else:
        color, mark, mark_ink = ink(Colour.INFO), "i", Colour.ON_COLOUR
    mark_style = sheet.style(6.5, QFont.Weight.Bold, color=mark_ink)

    def paint(painter: QPainter, top: float) -> None:
        radius = sheet.pt(5)
        centre = QPointF(radius, top + body.line / 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(centre, radius, radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        mark_top = centre.y() - mark_style.line / 2
        mark_style.draw(painter, centre.x() - mark_style.width(mark) / 2, mark_top, mark)
        for n, line in enumerate(lines):
            body.draw(painter, indent, top + n * body.line, line)

    return Block(len(lines) * body.line, paint, gap, continued=continued)


def note_blocks(sheet: Sheet, schedule: Schedule) -> list[Block]:
    """The plan's own notes, then each exam's; nothing at all when there are none."""
    noted = [(n, item) for n, item in enumerate(schedule.entries, 1) if item.entry.notes.strip()]
    plan_notes = schedule.plan.notes.strip("\n")
    if not noted and not plan_notes.strip():
        return []
    blocks = [sheet.heading(_("Notes"))]
    section = sheet.heading(_("Notes"), continued=True)
    indent = sheet.pt(16)
    if plan_notes.strip():  # the plan's own notes (a suggestion's remarks) come first
        for line in sheet.body.wrap(plan_notes, sheet.width, sheet.device):
            blocks.append(_note_line(sheet, line, 0.0, (section,)))
    for number, item in noted:
        cert = item.certification
        title = f"{cert.code}  {cert.name}"
        blocks.append(_note_title(sheet, number, title, indent, sheet.pt(8), (section,)))
        again = _note_title(sheet, number, continued_title(title), indent, 0.0, ())
        cont = (section, again)
        lines = sheet.body.wrap(item.entry.notes.strip("\n"), sheet.width - indent, sheet.device)
        for line in lines:
            blocks.append(_note_line(sheet, line, indent, cont))
    return blocks


def _note_title(
    sheet: Sheet,
    number: int,
    title: str,
    indent: float,
    space: float,
    continued: tuple[Block, ...],
) -> Block:
    bold = sheet.body_bold
    lines = bold.wrap(title, sheet.width - indent, sheet.device)

    def paint(painter: QPainter, top: float) -> None:
        sheet.muted.draw(painter, 0, top + bold.baseline(0) - sheet.muted.baseline(0), f"#{number}")
        for n, line in enumerate(lines):
            bold.draw(painter, indent, top + n * bold.line, line)

    return Block(len(lines) * bold.line, paint, space, keep_with_next=True, continued=continued)


def _note_line(sheet: Sheet, line: str, indent: float, continued: tuple[Block, ...]) -> Block:
    def paint(painter: QPainter, top: float) -> None:
        sheet.body.draw(painter, indent, top, line)

    return Block(sheet.body.line, paint, continued=continued)
