"""`team`: a manager's roll-up of a folder of plans (issue 25), as text, JSON, CSV or a PDF
report. The folder is only read: no member's file is written, locked or backed up, and no file
is left in it (see ``storage.team_folder``)."""

from __future__ import annotations

import argparse
import csv
import io
import sys
from typing import Any

from studyplanner.cli.errors import EXIT_OK, UsageError
from studyplanner.cli.files import check_output, iso, load_catalog, print_json, shown, write_output
from studyplanner.domain.budget import Amounts, Price
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.team import (
    Contribution,
    PersonSummary,
    PlannedExam,
    QuarterSummary,
    TargetForecast,
    TeamRollUp,
    roll_up,
)
from studyplanner.domain.wording import count_text, format_day
from studyplanner.domain.wording_team import (
    STATUS_WORDS,
    amounts_text,
    as_of_text,
    closing_text,
    held_text,
    pace_text,
    quarter_label,
    risk_text,
    target_text,
)
from studyplanner.i18n import _
from studyplanner.storage.reading import one_line
from studyplanner.storage.team_folder import (
    SkippedFile,
    TeamFolder,
    TeamFolderError,
    read_team_folder,
)


def cmd_team(args: argparse.Namespace) -> int:
    if args.pdf is not None:
        check_output(args.pdf)
    catalog = load_catalog()
    try:
        folder = read_team_folder(args.folder, catalog, args.today)
    except TeamFolderError as exc:
        raise UsageError(str(exc)) from exc
    if folder.settings_problem is not None:
        print(_("warning: {problem}").format(problem=folder.settings_problem), file=sys.stderr)
    team = roll_up(folder.members, catalog, args.today, folder.settings)
    if args.json:
        print_json(team_as_json(team, folder, catalog))
    elif args.csv:
        sys.stdout.write(team_as_csv(team, catalog))
    elif args.pdf is not None:
        from studyplanner.export.team_report import print_team_to_pdf

        pages = write_output(
            args.pdf,
            lambda: print_team_to_pdf(
                team, folder.skipped, catalog, args.pdf, paper=args.paper, landscape=args.landscape
            ),
        )
        print(_("Wrote {path} ({pages})").format(path=args.pdf, pages=count_text(pages, "page")))
    else:
        print(team_as_text(team, folder, catalog))
    return EXIT_OK


# --- JSON ---------------------------------------------------------------------------------


def _price(price: Price | None) -> dict[str, Any] | None:
    return price.as_json() if price is not None else None


def _exam_json(exam: PlannedExam, catalog: Catalog) -> dict[str, Any]:
    return {
        "entry": exam.entry_id,
        "certification": exam.certification_id,
        "code": catalog.get(exam.certification_id).code,
        "exam_date": iso(exam.exam_date),
        "status": exam.status.value,
        "behind_weeks": exam.behind_weeks,
        "readiness": exam.readiness.value,
        "at_risk": [risk.value for risk in exam.risks],
        "fee": _price(exam.fee),
        "paid": _price(exam.paid),
        "paid_by_company": exam.paid_by_other,
        "renews": list(exam.renews),
        "renewal_assumed": exam.renewal_assumed,
    }


def _person_json(person: PersonSummary, catalog: Catalog) -> dict[str, Any]:
    return {
        "name": person.name,
        "team": person.team,
        "file": person.source,
        "named_by_file": person.named_by_file,
        "pace": person.pace.value,
        "behind_weeks": person.behind_weeks,
        "weekly_hours": person.weekly_hours,
        "schedule_problem": person.schedule_error,
        "held": [
            {
                "certification": held.certification_id,
                "code": catalog.get(held.certification_id).code,
                "earned": held.earned_on.isoformat(),
                "expires": held.expires_on.isoformat(),
                "renewed_until": held.renewed_until.isoformat(),
                "renewal_assumed": held.renewal_assumed,
            }
            for held in person.held
        ],
        "planned": [_exam_json(exam, catalog) for exam in person.planned],
    }


def _contribution_json(contribution: Contribution) -> dict[str, Any]:
    return {
        "name": contribution.name,
        "file": contribution.source,
        "certification": contribution.certification_id,
        "exam_date": iso(contribution.exam_date),
        "at_risk": [risk.value for risk in contribution.risks],
    }


def _target_json(forecast: TargetForecast, catalog: Catalog) -> dict[str, Any]:
    target = forecast.target
    return {
        "by": target.by.isoformat(),
        "count": target.count,
        "tier": target.tier.value if target.tier is not None else None,
        "certification": target.certification,
        "planned_count": forecast.planned_count,
        "safe_count": forecast.safe_count,
        "status": forecast.status.value,
        "planned": [_contribution_json(c) for c in forecast.planned],
        "safe": [_contribution_json(c) for c in forecast.safe],
        "closing": [_contribution_json(c) for c in forecast.closing],
        "short_by": forecast.short_by,
        "summary": target_text(target, catalog),
        "what_closes_the_gap": closing_text(forecast, catalog),
    }


def _amounts(amounts: Amounts) -> list[dict[str, Any]]:
    return amounts.as_json()


def _quarter_json(quarter: QuarterSummary) -> dict[str, Any]:
    return {
        "quarter": f"{quarter.year}-Q{quarter.quarter}",
        "exams": [
            {
                "name": exam.name,
                "file": exam.source,
                "certification": exam.certification_id,
                "exam_date": exam.exam_date.isoformat(),
                "fee": exam.fee.as_json(),
                "paid": exam.paid.as_json(),
                "paid_by_company": exam.paid_by_other,
                "renews": list(exam.renews),
                "renewal_assumed": exam.renewal_assumed,
            }
            for exam in quarter.exams
        ],
        "list": _amounts(quarter.list_price),
        "with_vouchers": _amounts(quarter.with_vouchers),
        "paid_by_company": _amounts(quarter.paid_by_company),
        "expiries": [
            {
                "name": lapse.name,
                "file": lapse.source,
                "certification": lapse.certification_id,
                "expires": lapse.expires_on.isoformat(),
            }
            for lapse in quarter.expiries
        ],
        "renewals": len(quarter.renewals),
    }


def _skipped_json(skipped: SkippedFile) -> dict[str, Any]:
    return {"file": skipped.source, "reason": skipped.reason.value, "message": skipped.message}


def team_as_json(team: TeamRollUp, folder: TeamFolder, catalog: Catalog) -> dict[str, Any]:
    """The roll-up for scripts: ``people``, ``targets``, ``quarters``, ``skipped``."""
    return {
        "team": team.name,
        "today": team.today.isoformat(),
        "team_file_problem": folder.settings_problem,
        "people": [_person_json(person, catalog) for person in team.people],
        "targets": [_target_json(forecast, catalog) for forecast in team.targets],
        "quarters": [_quarter_json(quarter) for quarter in team.quarters],
        "skipped": [_skipped_json(skipped) for skipped in folder.skipped],
    }


# --- CSV ----------------------------------------------------------------------------------

CSV_COLUMNS = (
    "person",
    "team",
    "file",
    "certification",
    "code",
    "tier",
    "kind",
    "earned",
    "exam_date",
    "expires",
    "renewed_until",
    "pace",
    "behind_weeks",
    "readiness",
    "at_risk",
    "fee",
    "paid",
    "currency",
    "paid_by_company",
)
"""The CSV's header: one row per person x certification, held or planned. Dates are
YYYY-MM-DD, amounts plain numbers in ``currency``; the names stay English so a spreadsheet's
formulas keep working in any language."""


def _amount(price: Price | None) -> str:
    if price is None:
        return ""
    return f"{price.cents // 100}" if price.cents % 100 == 0 else f"{price.amount:.2f}"


def _csv_cell(text: str) -> str:
    """A cell a spreadsheet shows as text: one that begins like a formula gets a quote first
    (a plan's owner named '=HYPERLINK(...)' must not run in the manager's spreadsheet)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def team_as_csv(team: TeamRollUp, catalog: Catalog) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for person in team.people:
        who = [_csv_cell(person.name), _csv_cell(person.team or ""), _csv_cell(person.source)]
        for held in person.held:
            cert = catalog.get(held.certification_id)
            writer.writerow(
                [
                    *who,
                    cert.id,
                    cert.code,
                    cert.tier.value,
                    "held",
                    held.earned_on.isoformat(),
                    "",
                    held.expires_on.isoformat(),
                    held.renewed_until.isoformat(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                ]
            )
        for exam in person.planned:
            cert = catalog.get(exam.certification_id)
            writer.writerow(
                [
                    *who,
                    cert.id,
                    cert.code,
                    cert.tier.value,
                    "planned",
                    "",
                    iso(exam.exam_date) or "",
                    "",
                    "",
                    person.pace.value,
                    "" if exam.behind_weeks is None else f"{exam.behind_weeks:.1f}",
                    exam.readiness.value,
                    " ".join(risk.value for risk in exam.risks),
                    _amount(exam.fee),
                    _amount(exam.paid),
                    exam.fee.currency if exam.fee is not None else "",
                    "yes" if exam.paid_by_other else "no",
                ]
            )
    return out.getvalue()


# --- text ---------------------------------------------------------------------------------


def _exam_line(exam: PlannedExam, catalog: Catalog) -> str:
    code = catalog.get(exam.certification_id).code
    parts = [f"{code} {format_day(exam.exam_date)}"]
    if exam.risks:
        parts.append(_("at risk: {why}").format(why=risk_text(exam.risks, exam.behind_weeks)))
    if exam.paid_by_other:
        parts.append(_("paid by the company"))
    return ", ".join(parts)


def team_as_text(team: TeamRollUp, folder: TeamFolder, catalog: Catalog) -> str:
    lines = [
        team.name or _("Team in {folder}").format(folder=shown(folder.folder)),
        as_of_text(team.today),
        "",
    ]
    if team.targets:
        lines.append(_("Targets"))
        for forecast in team.targets:
            lines.append(
                "  "
                + _("{target}: {status} (planned {planned}, safe {safe})").format(
                    target=target_text(forecast.target, catalog),
                    status=STATUS_WORDS[forecast.status],
                    planned=forecast.planned_count,
                    safe=forecast.safe_count,
                )
            )
            closing = closing_text(forecast, catalog)
            if closing:
                lines.append("    " + closing)
        lines.append("")
    lines.append(_("People"))
    if not team.people:
        lines.append("  " + _("No plans in this folder."))
    for person in team.people:
        pace = pace_text(person)
        lines.append(f"  {one_line(person.name)}" + (f" ({pace})" if pace else ""))
        for held in person.held:
            lines.append("    " + _("holds {held}").format(held=held_text(held, catalog)))
        for exam in person.planned:
            lines.append("    " + _("plans {exam}").format(exam=_exam_line(exam, catalog)))
        if person.schedule_error:
            lines.append("    " + one_line(person.schedule_error))
    if team.quarters:
        lines.append("")
        lines.append(_("Quarterly budget"))
        for quarter in team.quarters:
            lines.append(
                "  "
                + _(
                    "{quarter}: {exams}, {list} list, {paid} with vouchers, "
                    "{company} paid by the company, {lapses}"
                ).format(
                    quarter=quarter_label(quarter),
                    exams=count_text(len(quarter.exams), "exam"),
                    list=amounts_text(quarter.list_price),
                    paid=amounts_text(quarter.with_vouchers),
                    company=amounts_text(quarter.paid_by_company),
                    lapses=count_text(len(quarter.expiries), "expiry", "expiries"),
                )
            )
    if folder.skipped:
        lines.append("")
        lines.append(_("Not read"))
        for skipped in folder.skipped:
            lines.append(f"  {one_line(skipped.source)}: {one_line(skipped.message)}")
    return "\n".join(lines)
