"""The report's "Certifications and renewals" section: each certification the learner holds or
will hold, when it was (or will be) earned, when it expires, and which exam in the plan renews
it. People who hold several certifications keep this list by hand; here it is printed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.lifecycle import Validity
from studyplanner.domain.plan import EntryStatus
from studyplanner.domain.schedule import Schedule
from studyplanner.domain.wording import count_text, format_day
from studyplanner.domain.wording_validity import expires_cell, renewal_on
from studyplanner.export.report.blocks import Block, no_orphans
from studyplanner.export.report.sheet import Sheet, ink
from studyplanner.export.report.table import Column, header_block
from studyplanner.export.report.text import TextStyle
from studyplanner.i18n import N_, _
from studyplanner.style import Colour, tier_qcolor

SECTION = N_("Certifications and renewals")
NOT_RENEWED = N_("Not renewed in this plan")


@dataclass(frozen=True)
class RenewalRow:
    """One certification's line in the section, as text: every cell a list of lines (the
    date earned has the status under it: held, passed or planned)."""

    cells: tuple[tuple[str, ...], ...]
    tier_color: QColor
    renewed: bool
    expired: bool


def status_label(validity: Validity, passed: set[str]) -> str:
    """'Held' (earned before the plan), 'Passed' (a passed entry) or 'Planned'."""
    if validity.entry_id is None:
        return _("Held")
    return _("Passed") if validity.entry_id in passed else _("Planned")


def renewal_rows(
    validities: Sequence[Validity], schedule: Schedule, catalog: Catalog, printed_on: date
) -> list[RenewalRow]:
    passed = {i.entry.id for i in schedule.entries if i.entry.status is EntryStatus.PASSED}
    rows = []
    for validity in validities:
        cert = catalog.get(validity.certification_id)
        renewed_by = tuple(renewal_on(r, catalog) for r in validity.renewals)
        expired = validity.expires_on < printed_on
        until = expires_cell(validity, printed_on)
        cells = (
            (f"{cert.code} {cert.name}",),
            (format_day(validity.earned_on), status_label(validity, passed)),
            (format_day(validity.first_expiry),),
            renewed_by or (_(NOT_RENEWED),),
            (until,),
        )
        rows.append(RenewalRow(cells, tier_qcolor(cert.tier), bool(renewed_by), expired))
    return rows


class RenewalTable:
    """The section's table; the certification column takes the room the others leave and
    wraps, and the font shrinks before that column gets too narrow to read."""

    TITLES = (N_("CERTIFICATION"), N_("EARNED"), N_("EXPIRES"), N_("RENEWED BY"), N_("VALID UNTIL"))
    """Shown through ``_()``."""
    NAME = 0
    EARNED = 1
    RENEWED = 3
    UNTIL = 4

    def __init__(self, sheet: Sheet, rows: list[RenewalRow], validity_years: set[int]) -> None:
        self.sheet = sheet
        self.rows = rows
        self.validity_years = validity_years

    def blocks(self) -> list[Block]:
        sheet = self.sheet
        size = 8.5
        while True:
            text = sheet.style(size, leading=1.3, numbers=True)
            bold = sheet.style(size, QFont.Weight.DemiBold, leading=1.3, numbers=True)
            head = sheet.style(max(6.0, size - 1.5), QFont.Weight.Bold, color=Colour.MUTED_TEXT)
            widths = self.widths(text, bold, head)
            if widths[self.NAME] >= sheet.width * 0.22 or size <= 6:
                break
            size -= 0.5
        widths[self.NAME] = max(widths[self.NAME], sheet.pt(40))
        header = header_block(
            self.sheet,
            [Column(_(title), width) for title, width in zip(self.TITLES, widths, strict=True)],
            head,
        )
        cont = (sheet.heading(_(SECTION), continued=True), header)
        lines = [self.row(widths, row, n, text, bold, cont) for n, row in enumerate(self.rows, 1)]
        no_orphans(lines)
        return [
            sheet.heading(_(SECTION)),
            header,
            *lines,
            sheet.paragraph(self.rule_note(), sheet.muted, sheet.pt(6)),
        ]

    def rule_note(self) -> str:
        """The renewal rule the dates follow, so a reader can check them."""
        years = (
            count_text(next(iter(self.validity_years)), "year")
            if len(self.validity_years) == 1
            else _("the catalog's validity period")
        )
        return _(
            "A certification is valid for {years} from the day it is earned. An exam that "
            "renews it, passed while it is still valid, starts the same period again from "
            "that exam's date. Planned exams count as passed on their planned date."
        ).format(years=years)

    def swatch_width(self, text: TextStyle) -> float:
        return text.metrics.height() * 0.55 + self.sheet.pt(4)

    def widths(self, text: TextStyle, bold: TextStyle, head: TextStyle) -> list[float]:
        pad = self.sheet.pt(5)
        widths = []
        for c, title in enumerate(self.TITLES):
            style = bold if c == self.UNTIL else text
            widest = head.width(_(title))
            for row in self.rows:
                widest = max(widest, *(style.width(line) for line in row.cells[c]))
            widths.append(widest + 2 * pad)
        widths[self.NAME] = self.sheet.width - sum(widths[1:])
        return widths

    def row(
        self,
        widths: list[float],
        row: RenewalRow,
        number: int,
        text: TextStyle,
        bold: TextStyle,
        continued: tuple[Block, ...],
    ) -> Block:
        sheet = self.sheet
        pad = sheet.pt(5)
        vpad = sheet.pt(3.5)
        swatch = self.swatch_width(text)
        name = text.wrap(
            row.cells[self.NAME][0], widths[self.NAME] - 2 * pad - swatch, sheet.device
        )
        cells = (tuple(name), *row.cells[1:])
        height = max(len(lines) for lines in cells) * text.line + 2 * vpad
        muted = ink(Colour.MUTED_TEXT)

        def paint(painter: QPainter, top: float) -> None:
            if number % 2 == 0:
                painter.fillRect(QRectF(0, top, sheet.width, height), ink(Colour.PANEL))
            side = text.metrics.height() * 0.55
            middle = top + vpad + text.line / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(row.tier_color)
            painter.drawRoundedRect(QRectF(pad, middle - side / 2, side, side), side / 4, side / 4)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            x = 0.0
            for c, (lines, width) in enumerate(zip(cells, widths, strict=True)):
                left = x + pad + (swatch if c == self.NAME else 0.0)
                style = bold if c == self.UNTIL else text
                quiet = (c == self.RENEWED and not row.renewed) or (c == self.UNTIL and row.expired)
                for n, line in enumerate(lines):
                    # the status under the date the certification was (or will be) earned
                    color = muted if quiet or (c == self.EARNED and n) else None
                    style.draw(painter, left, top + vpad + n * text.line, line, color=color)
                x += width

        return Block(height, paint, continued=continued)


def lifecycle_blocks(
    sheet: Sheet,
    schedule: Schedule,
    validities: Sequence[Validity],
    catalog: Catalog,
    printed_on: date,
) -> list[Block]:
    """The section, or nothing for a plan with no certification to hold."""
    if not validities:
        return []
    rows = renewal_rows(validities, schedule, catalog, printed_on)
    years = {catalog.get(v.certification_id).validity_years for v in validities}
    return RenewalTable(sheet, rows, years).blocks()
