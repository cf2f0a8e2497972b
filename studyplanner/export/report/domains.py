"""The report's "Study by exam domain" section: for each exam still to sit whose guide lists
domains, a table of its domains (weight, hours, logged, to go, last result), so a printed plan
says what to study, not only when.

The figures are the analysis's ``DomainSplit``: the same numbers the window's exam panel and
``show`` give.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QPainter

from studyplanner.domain.analysis import PlanAnalysis
from studyplanner.domain.domains import DomainShare, DomainSplit
from studyplanner.domain.plan import EntryStatus
from studyplanner.domain.schedule import ScheduledEntry
from studyplanner.domain.wording import format_hours
from studyplanner.domain.wording_domains import result_text
from studyplanner.export.report.blocks import Block, no_orphans
from studyplanner.export.report.sheet import Sheet, ink
from studyplanner.export.report.table import Column, header_block
from studyplanner.export.report.text import TextStyle
from studyplanner.i18n import N_, _
from studyplanner.style import Colour

SECTION = N_("Study by exam domain")
TITLES = (
    (N_("DOMAIN"), False),
    (N_("WEIGHT"), True),
    (N_("HOURS"), True),
    (N_("LOGGED"), True),
    (N_("TO GO"), True),
    (N_("LAST RESULT"), False),
)
"""Column titles (through ``_()``); a column right-aligns its content when True."""
NAME = 0


def share_cells(share: DomainShare) -> list[str]:
    """One domain's row: '2. Design Resilient Architectures', '26 %', '26 h', '4 h', '22 h',
    '55 %' (the last result, '' without one; 'weak' added when it is weak)."""
    result = result_text(share.result)
    if share.weak:
        result = _("{result}, weak").format(result=result)
    return [
        _("{number}. {name}").format(number=share.number, name=share.name),
        f"{share.weight} %",
        format_hours(share.hours),
        format_hours(share.logged),
        format_hours(share.remaining),
        result,
    ]


def exam_line(item: ScheduledEntry, split: DomainSplit) -> str:
    """'SAA-C03 Solutions Architect – Associate · 100 h, 23 h to go (8.2 h of them review)'."""
    cert = item.certification
    hours = _("{hours}, {left} to go ({review} of them review)").format(
        hours=format_hours(split.hours),
        left=format_hours(split.remaining),
        review=format_hours(split.review_hours),
    )
    text = f"{cert.code} {cert.name} · {hours}"
    if cert.domains_assumed:
        text += " · " + _("assumed: the weights could not be read in AWS's guide")
    return text


def domain_blocks(sheet: Sheet, analysis: PlanAnalysis) -> list[Block]:
    """The section, or nothing when no exam still to sit has domains."""
    schedule = analysis.schedule
    if schedule is None:
        return []
    exams = []
    for item in schedule.entries:
        if item.entry.status is EntryStatus.PASSED:
            continue
        split = analysis.domains_of(item.entry.id)
        if split is not None and split.shares:
            exams.append((item, split))
    if not exams:
        return []
    blocks = [sheet.heading(_(SECTION))]
    blocks.append(
        sheet.paragraph(
            _(
                "Hours by the weights of each exam guide, moved toward the domains with weak "
                "practice results or rated new to you; the review at the end of each exam's "
                "study goes over every domain, weakest first."
            ),
            sheet.muted,
        )
    )
    blocks[-1].keep_with_next = True
    for item, split in exams:
        blocks += _exam_table(sheet, item, split)
    return blocks


def _exam_table(sheet: Sheet, item: ScheduledEntry, split: DomainSplit) -> list[Block]:
    text = sheet.style(8.5, leading=1.3, numbers=True)
    head = sheet.style(7, QFont.Weight.Bold, color=Colour.MUTED_TEXT)
    rows = [share_cells(share) for share in split.shares]
    columns = _columns(sheet, rows, text, head)
    title = sheet.paragraph(exam_line(item, split), sheet.body_bold, sheet.pt(10))
    title.keep_with_next = True
    header = header_block(sheet, columns, head)
    continued = (sheet.heading(_(SECTION), continued=True), header)
    lines = [
        _row(sheet, columns, cells, n, text, share.weak, continued)
        for n, (cells, share) in enumerate(zip(rows, split.shares, strict=True), 1)
    ]
    no_orphans(lines)
    lines[-1].keep_with_next = False
    return [title, header, *lines]


def _columns(sheet: Sheet, rows: list[list[str]], text: TextStyle, head: TextStyle) -> list[Column]:
    """Each figure column as wide as its widest cell; the domain's name takes the rest."""
    pad = sheet.pt(5)
    widths = []
    for c, (title, _right) in enumerate(TITLES):
        widest = max([head.width(_(title)), *(text.width(cells[c]) for cells in rows)])
        widths.append(widest + 2 * pad)
    widths[NAME] = max(sheet.pt(60), sheet.width - sum(widths[1:]))
    return [Column(_(title), w, right) for (title, right), w in zip(TITLES, widths, strict=True)]


def _row(
    sheet: Sheet,
    columns: list[Column],
    cells: list[str],
    number: int,
    text: TextStyle,
    weak: bool,
    continued: tuple[Block, ...],
) -> Block:
    pad = sheet.pt(5)
    vpad = sheet.pt(3)
    name_lines = text.wrap(cells[NAME], columns[NAME].width - 2 * pad, sheet.device)
    height = max(1, len(name_lines)) * text.line + 2 * vpad
    warning = ink(Colour.WARNING_EDGE)

    def paint(painter: QPainter, top: float) -> None:
        if number % 2 == 0:
            painter.fillRect(QRectF(0, top, sheet.width, height), ink(Colour.PANEL))
        x = 0.0
        y = top + vpad
        for c, col in enumerate(columns):
            if c == NAME:
                for n, line in enumerate(name_lines):
                    text.draw(painter, x + pad, y + n * text.line, line)
            elif col.right:
                text.draw(painter, x + col.width - pad, y, cells[c], right=True)
            else:
                colour = warning if weak and c == len(columns) - 1 else None
                text.draw(painter, x + pad, y, cells[c], color=colour)
            x += col.width

    return Block(height, paint, continued=continued)
