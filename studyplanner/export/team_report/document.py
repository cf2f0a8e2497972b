"""The whole team report, painted with QPainter on any QPrinter (PDF, preview, paper): the
title and the day it is as of, the targets and what would close each gap, the team timeline
and each person's certifications, the quarterly budget, and the files that were not read."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from studyplanner import __version__
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.team import (
    Contribution,
    PersonSummary,
    TargetForecast,
    TargetStatus,
    TeamRollUp,
)
from studyplanner.domain.wording import count_text, format_day
from studyplanner.domain.wording_team import (
    STATUS_WORDS,
    as_of_text,
    closing_text,
    held_text,
    pace_text,
    quarter_cells,
    risk_text,
    target_text,
)
from studyplanner.export.report.blocks import Block
from studyplanner.export.report.document import render_blocks, setup_printer
from studyplanner.export.report.sheet import Sheet
from studyplanner.export.team_report.chart import TeamChart
from studyplanner.export.team_report.tables import Row, table_blocks
from studyplanner.i18n import _
from studyplanner.layout.team_timeline import lay_out_team_timeline
from studyplanner.storage.team_folder import SkippedFile
from studyplanner.style import Colour

_STATUS_INK = {
    TargetStatus.MET: None,
    TargetStatus.AT_RISK: Colour.WARNING_INK,
    TargetStatus.MISSED: Colour.ERROR_INK,
}


def _code(certification_id: str, catalog: Catalog) -> str:
    return catalog.get(certification_id).code if certification_id in catalog else certification_id


WHO_NAMED = 8
"""People named in a target's row; the rest are counted ('and 37 more'): the JSON and CSV
list everyone."""


def _who(contributions: Sequence[Contribution], catalog: Catalog) -> str:
    """'Ana Silva (SAA-C03), Ben Okafor (SAA-C03, at risk)', at most ``WHO_NAMED`` of them."""
    parts = []
    for c in contributions[:WHO_NAMED]:
        code = _code(c.certification_id, catalog)
        if c.risks:
            parts.append(_("{name} ({code}, at risk)").format(name=c.name, code=code))
        else:
            parts.append(_("{name} ({code})").format(name=c.name, code=code))
    text = ", ".join(parts) or "—"
    if len(contributions) > WHO_NAMED:
        text = _("{names} and {count} more").format(
            names=text, count=len(contributions) - WHO_NAMED
        )
    return text


def _title_blocks(sheet: Sheet, team: TeamRollUp, skipped: Sequence[SkippedFile]) -> list[Block]:
    found = [
        sheet.paragraph(_("TEAM REPORT"), sheet.eyebrow),
        sheet.paragraph(team.name or _("Team"), sheet.title, sheet.pt(2)),
    ]
    facts = [
        as_of_text(team.today),
        count_text(len(team.people), "plan"),
        _("{exams} planned").format(
            exams=count_text(sum(len(p.planned) for p in team.people), "exam")
        ),
    ]
    if skipped:
        facts.append(_("{files} not read").format(files=count_text(len(skipped), "file")))
    found.append(sheet.paragraph(" · ".join(facts), sheet.muted, sheet.pt(4)))
    return found


def _target_blocks(sheet: Sheet, team: TeamRollUp, catalog: Catalog) -> list[Block]:
    found = [sheet.heading(_("Targets"))]
    if not team.targets:
        found.append(
            sheet.paragraph(
                _("No targets yet: the team's targets are kept in team.json in the folder."),
                sheet.muted,
                sheet.pt(4),
            )
        )
        return found
    rows = [_target_row(forecast, catalog) for forecast in team.targets]
    found += table_blocks(
        sheet,
        [_("TARGET"), _("STATUS"), _("PLANNED"), _("SAFE"), _("COUNTED"), _("WHAT CLOSES THE GAP")],
        [2.2, 1.0, 0.9, 0.7, 2.8, 3.0],
        rows,
        right=(2, 3),
    )
    found.append(
        sheet.paragraph(
            _(
                "Planned: every planned exam passes on its day. Safe: leaving out exams more "
                "than a week of study behind, or not ready from practice scores with 14 days or "
                "less to go. A target is met when the safe count reaches it, at risk when only "
                "the planned count does."
            ),
            sheet.muted,
            sheet.pt(6),
        )
    )
    return found


def _target_row(forecast: TargetForecast, catalog: Catalog) -> Row:
    return Row(
        [
            target_text(forecast.target, catalog),
            STATUS_WORDS[forecast.status],
            str(forecast.planned_count),
            str(forecast.safe_count),
            _who(forecast.planned, catalog),
            closing_text(forecast, catalog) or "—",
        ],
        color=_STATUS_INK[forecast.status],
    )


def _person_row(person: PersonSummary, catalog: Catalog) -> Row:
    holds = "; ".join(held_text(held, catalog) for held in person.held)
    plans = []
    for exam in person.planned:
        text = f"{_code(exam.certification_id, catalog)} {format_day(exam.exam_date)}"
        if exam.risks:
            text = _("{exam} (at risk: {why})").format(
                exam=text, why=risk_text(exam.risks, exam.behind_weeks)
            )
        plans.append(text)
    name = person.name if person.team is None else f"{person.name} ({person.team})"
    return Row(
        [
            name,
            pace_text(person) or person.schedule_error or "—",
            holds or "—",
            "; ".join(plans) or "—",
        ]
    )


def _people_blocks(sheet: Sheet, team: TeamRollUp, catalog: Catalog) -> list[Block]:
    found = [sheet.heading(_("People"))]
    if not team.people:
        found.append(sheet.paragraph(_("No plans in this folder."), sheet.muted, sheet.pt(4)))
        return found
    found += TeamChart(sheet, lay_out_team_timeline(team), catalog).blocks()
    found.append(sheet.paragraph("", sheet.muted))
    found += table_blocks(
        sheet,
        [_("PERSON"), _("PACE"), _("HOLDS"), _("PLANS")],
        [2.2, 1.5, 2.6, 4.0],
        [_person_row(person, catalog) for person in team.people],
    )
    return found


def _budget_blocks(sheet: Sheet, team: TeamRollUp) -> list[Block]:
    found = [sheet.heading(_("Quarterly budget"))]
    if not team.quarters:
        found.append(sheet.paragraph(_("No exams or expiries ahead."), sheet.muted, sheet.pt(4)))
        return found
    rows = [Row(list(quarter_cells(quarter))) for quarter in team.quarters]
    found += table_blocks(
        sheet,
        [
            _("QUARTER"),
            _("EXAMS"),
            _("LIST PRICE"),
            _("WITH VOUCHERS"),
            _("PAID BY THE COMPANY"),
            _("RENEWALS"),
            _("EXPIRIES"),
        ],
        [1.2, 0.8, 1.6, 1.6, 1.8, 1.0, 1.0],
        rows,
        right=(1, 2, 3, 4, 5, 6),
    )
    found.append(
        sheet.paragraph(
            _(
                "List price: each exam's fee (a member's own fee where their plan sets one; "
                "currencies are never added together). With vouchers: what the members' plans "
                "pay after the 50 % vouchers earlier passes earn, exams the company pays costing "
                "nothing. Expiries: certifications that lapse with no renewal planned."
            ),
            sheet.muted,
            sheet.pt(6),
        )
    )
    return found


def _skipped_blocks(sheet: Sheet, skipped: Sequence[SkippedFile]) -> list[Block]:
    if not skipped:
        return []
    found = [sheet.heading(_("Files not read"))]
    found += table_blocks(
        sheet,
        [_("FILE"), _("WHY")],
        [1.0, 2.0],
        [Row([item.source, item.message]) for item in skipped],
    )
    return found


def team_report_blocks(
    sheet: Sheet, team: TeamRollUp, skipped: Sequence[SkippedFile], catalog: Catalog
) -> list[Block]:
    """Every section in reading order, cut into blocks for ``sheet``."""
    return [
        *_title_blocks(sheet, team, skipped),
        *_target_blocks(sheet, team, catalog),
        *_people_blocks(sheet, team, catalog),
        *_budget_blocks(sheet, team),
        *_skipped_blocks(sheet, skipped),
    ]


def render_team_report(
    team: TeamRollUp, skipped: Sequence[SkippedFile], catalog: Catalog, printer: QPrinter
) -> int:
    """Paint the team report on ``printer`` (already set up) and return its page count; a
    page range chosen in the print dialog is honoured."""
    return render_blocks(
        printer,
        lambda sheet: team_report_blocks(sheet, team, skipped, catalog),
        team.name or _("Team report"),
    )


def print_team_to_pdf(
    team: TeamRollUp,
    skipped: Sequence[SkippedFile],
    catalog: Catalog,
    output_path: Path,
    *,
    paper: str = "a4",
    landscape: bool = False,
) -> int:
    """Write the team report as a PDF at ``output_path`` (rendered aside, then moved into place
    atomically) and return its page count."""
    from studyplanner.export.pdf_writer import ensure_gui_application
    from studyplanner.storage.atomic import atomic_write_bytes

    ensure_gui_application()
    with tempfile.TemporaryDirectory(prefix="studyplanner-team-") as folder:
        draft = Path(folder) / "team.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(draft))
        printer.setDocName(team.name or _("Team report"))
        printer.setCreator(f"StudyPlanner {__version__}")
        printer.setPdfVersion(QPrinter.PdfVersion.PdfVersion_1_6)
        setup_printer(printer, paper=paper, landscape=landscape)
        pages = render_team_report(team, skipped, catalog, printer)
        del printer
        atomic_write_bytes(Path(output_path), draft.read_bytes())
    return pages
