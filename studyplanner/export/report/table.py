"""The table of exams in plan order, with its totals; the header repeats on every page.

The fee column shows what each exam costs this plan: after a voucher from an earlier pass,
or nothing when someone else pays for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter

from studyplanner.domain.budget import Budget
from studyplanner.domain.plan import EntryStatus
from studyplanner.domain.schedule import Schedule, ScheduledEntry
from studyplanner.domain.wording import (
    STATUS_LABELS,
    count_text,
    format_day,
    format_number,
)
from studyplanner.domain.wording_budget import fee_cell, fee_totals
from studyplanner.export.report.blocks import Block, no_orphans
from studyplanner.export.report.sheet import Sheet, ink
from studyplanner.export.report.text import TextStyle
from studyplanner.i18n import N_, _
from studyplanner.style import Colour, tier_qcolor


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    right: bool = False


def header_block(sheet: Sheet, columns: Sequence[Column], head: TextStyle) -> Block:
    """A table's column titles over a rule, kept with the first row; every table of the
    report (exams, renewals) starts with one."""
    pad = sheet.pt(5)
    height = head.line + sheet.pt(8)

    def paint(painter: QPainter, top: float) -> None:
        x = 0.0
        y = top + (height - head.line) / 2
        for col in columns:
            if col.right:
                head.draw(painter, x + col.width - pad, y, col.title, right=True)
            else:
                head.draw(painter, x + pad, y, col.title)
            x += col.width
        sheet.rule(painter, top + height, Colour.TEXT, 0.8)

    return Block(height, paint, sheet.pt(2), keep_with_next=True)


class ExamTable:
    """The table's blocks for one schedule; the font shrinks before the name column gets too
    narrow to read."""

    TITLES = (
        ("#", True),
        (N_("EXAM"), False),
        (N_("CERTIFICATION"), False),
        (N_("TIER"), False),
        (N_("HOURS"), True),
        (N_("STUDY START"), False),
        (N_("EXAM DATE"), False),
        (N_("FEE"), True),
        (N_("STATUS"), False),
    )
    """Column titles, shown through ``_()`` ("#" has no translation and stays itself); a column
    right-aligns its content when True."""
    NAME = 2
    TIER = 3

    def __init__(self, sheet: Sheet, schedule: Schedule, budget: Budget) -> None:
        self.sheet = sheet
        self.schedule = schedule
        self.budget = budget
        self.costs = {cost.entry_id: cost for cost in budget.entries}

    def blocks(self) -> list[Block]:
        sheet = self.sheet
        rows = [self.cells(n, item) for n, item in enumerate(self.schedule.entries, 1)]
        totals = self.totals_cells()
        size = 8.5
        while True:
            text = sheet.style(size, leading=1.3, numbers=True)
            bold = sheet.style(size, QFont.Weight.DemiBold, leading=1.3, numbers=True)
            head = sheet.style(max(6.0, size - 1.5), QFont.Weight.Bold, color=Colour.MUTED_TEXT)
            widths = self.widths(rows, totals, text, bold, head)
            if self.name_fits(widths) or size <= 6:
                break
            size -= 0.5
        # At the smallest size the name column may still be tight; wrapping keeps every word.
        columns = self.columns(widths)

        header = header_block(self.sheet, columns, head)
        blocks = [sheet.heading(_("Exams in order")), header]
        cont = (sheet.heading(_("Exams in order"), continued=True), header)
        lines = [
            self.row(columns, cells, item, n, text, cont)
            for n, (item, cells) in enumerate(zip(self.schedule.entries, rows, strict=True), 1)
        ]
        no_orphans(lines)
        blocks += [*lines, self.totals(columns, totals, bold)]
        blocks.append(sheet.paragraph(self.fee_note(), sheet.muted, sheet.pt(4)))
        return blocks

    def fee_note(self) -> str:
        """How the fee column and its total are worked out, assumptions included."""
        months = self.schedule.plan.voucher_valid_months
        lasting = (
            _("assumed usable for {months} after the pass").format(
                months=count_text(months, "month")
            )
            if months is not None
            else _("assumed usable with no time limit: no published limit was found")
        )
        sentences = [
            _(
                "Fees after vouchers: each pass earns a 50 % voucher for one later exam "
                "({lasting}); vouchers go where they save the most."
            ).format(lasting=lasting)
        ]
        if any(i.entry.status is EntryStatus.PASSED for i in self.schedule.entries):
            sentences.append(_("The total counts only the exams not yet passed."))
        return " ".join(sentences)

    def cells(self, number: int, item: ScheduledEntry) -> list[str]:
        cert = item.certification
        return [
            str(number),
            cert.code,
            cert.name,
            cert.tier.label,
            format_number(item.hours),
            format_day(item.study_start),
            format_day(item.exam_date),
            fee_cell(item, self.costs.get(item.entry.id)),
            STATUS_LABELS[item.entry.status],
        ]

    def totals_cells(self) -> list[str]:
        count = len(self.schedule.entries)
        return [
            "",
            "",
            _("Total: {exams}").format(exams=count_text(count, "exam")),
            "",
            format_number(self.schedule.total_hours),
            "",
            format_day(self.schedule.finish_date),
            fee_totals(self.budget)[1],
            "",
        ]

    def swatch_width(self, text: TextStyle) -> float:
        return text.metrics.height() * 0.55 + self.sheet.pt(4)

    def widths(
        self,
        rows: list[list[str]],
        totals: list[str],
        text: TextStyle,
        bold: TextStyle,
        head: TextStyle,
    ) -> list[float]:
        """Widths from the widest content of each column; the name column takes what is left
        (possibly too little, or less than nothing) and wraps."""
        sheet = self.sheet
        pad = sheet.pt(5)
        widths: list[float] = []
        for c, (title, _right) in enumerate(self.TITLES):
            widest = head.width(_(title))
            for cells in rows:
                widest = max(widest, text.width(cells[c]))
            if c != self.NAME:
                widest = max(widest, bold.width(totals[c]))
            if c == self.TIER:
                widest = max(widest, self.swatch_width(text) + max(text.width(r[c]) for r in rows))
            widths.append(widest + 2 * pad)
        fixed = sum(w for c, w in enumerate(widths) if c != self.NAME)
        widths[self.NAME] = sheet.width - fixed
        return widths

    def name_fits(self, widths: list[float]) -> bool:
        """Whether the name column keeps enough of the page to read well at this font size."""
        return widths[self.NAME] >= self.sheet.width * 0.22

    def columns(self, widths: list[float]) -> list[Column]:
        """The columns for ``widths``, with the name column never narrower than 40 pt."""
        widths = [*widths]
        widths[self.NAME] = max(widths[self.NAME], self.sheet.pt(40))
        return [
            Column(_(title), w, right)
            for (title, right), w in zip(self.TITLES, widths, strict=True)
        ]

    def row(
        self,
        columns: list[Column],
        cells: list[str],
        item: ScheduledEntry,
        number: int,
        text: TextStyle,
        continued: tuple[Block, ...],
    ) -> Block:
        sheet = self.sheet
        pad = sheet.pt(5)
        vpad = sheet.pt(3.5)
        name_lines = text.wrap(cells[self.NAME], columns[self.NAME].width - 2 * pad, sheet.device)
        height = max(1, len(name_lines)) * text.line + 2 * vpad
        passed = item.entry.status is EntryStatus.PASSED
        color = ink(Colour.MUTED_TEXT) if passed else ink(Colour.TEXT)
        tier_color = tier_qcolor(item.certification.tier)
        swatch_width = self.swatch_width(text)

        def paint(painter: QPainter, top: float) -> None:
            if number % 2 == 0:
                painter.fillRect(QRectF(0, top, sheet.width, height), ink(Colour.PANEL))
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
                    text.draw(painter, x + pad + swatch_width, y, cells[c], color=color)
                elif col.right:
                    muted = ink(Colour.MUTED_TEXT) if c == 0 else color
                    text.draw(painter, x + col.width - pad, y, cells[c], right=True, color=muted)
                else:
                    text.draw(painter, x + pad, y, cells[c], color=color)
                x += col.width

        return Block(height, paint, continued=continued)

    def totals(self, columns: list[Column], cells: list[str], bold: TextStyle) -> Block:
        sheet = self.sheet
        pad = sheet.pt(5)
        height = bold.line + sheet.pt(8)

        def paint(painter: QPainter, top: float) -> None:
            sheet.rule(painter, top, Colour.TEXT, 0.8)
            x = 0.0
            y = top + sheet.pt(4)
            for col, value in zip(columns, cells, strict=True):
                if value:
                    if col.right:
                        bold.draw(painter, x + col.width - pad, y, value, right=True)
                    else:
                        bold.draw(painter, x + pad, y, value)
                x += col.width

        return Block(height, paint)
