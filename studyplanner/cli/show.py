"""`show`: the plan as text (its exams and dates, progress, validities, fees and warnings)
or as JSON (`show --json`, for scripts), both read from one analysis of the plan."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from studyplanner.cli.errors import EXIT_OK
from studyplanner.cli.files import iso, load_analysis, print_json, scheduled
from studyplanner.domain.advice import Severity
from studyplanner.domain.analysis import PlanAnalysis
from studyplanner.domain.budget import Budget
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.domains import DomainSplit
from studyplanner.domain.lifecycle import Validity, renewal_paths
from studyplanner.domain.plan import EntryStatus
from studyplanner.domain.wording import format_day, format_hours
from studyplanner.domain.wording_budget import budget_line, own_fee_text
from studyplanner.domain.wording_domains import split_lines
from studyplanner.domain.wording_progress import pace_text, readiness_text, shift_text
from studyplanner.domain.wording_validity import validity_line
from studyplanner.i18n import N_, _
from studyplanner.labels import TranslatedLabels
from studyplanner.storage.reading import one_line

# Words `show` prints for a state, lower case as in its lines (a planned exam goes without).
_STATUS_WORDS: TranslatedLabels[EntryStatus] = TranslatedLabels(
    {
        EntryStatus.STUDYING: N_("studying"),
        EntryStatus.PASSED: N_("passed"),
    }
)
_SEVERITY_WORDS: TranslatedLabels[Severity] = TranslatedLabels(
    {Severity.WARNING: N_("warning"), Severity.INFO: N_("info")}
)


def expiries_as_json(validities: Sequence[Validity], catalog: Catalog) -> list[dict[str, Any]]:
    """Each held or planned certification's expiry after the renewals in the plan; the
    renewal named is the last one, the one the expiry date comes from (``renewed_by`` is its
    plan entry's id, ``renewal_assumed`` whether the catalog only assumes that it renews, null
    without one), and every way to renew it, cheapest first."""
    rows = []
    for validity in validities:
        last = validity.renewals[-1] if validity.renewals else None
        cert = catalog.get(validity.certification_id)
        rows.append(
            {
                "entry": validity.entry_id,
                "code": cert.code,
                "earned": validity.earned_on.isoformat(),
                "expires": validity.expires_on.isoformat(),
                "renewed_by": last.entry_id if last else None,
                "renewed_by_code": catalog.get(last.certification_id).code if last else None,
                "renewed_on": last.on.isoformat() if last else None,
                "renewal_assumed": last.assumed if last else None,
                "renewal_options": [
                    {
                        "kind": path.kind.value,
                        "code": path.code,
                        "name": path.name,
                        "cost_usd": path.cost_usd,
                        "hours": path.hours,
                        "extends_years": path.extends_years,
                        "assumed": path.assumed,
                    }
                    for path in renewal_paths(cert, catalog)
                ],
            }
        )
    return rows


def budget_as_json(budget: Budget) -> dict[str, Any]:
    """The three totals: in dollars (``*_usd``, the dollar part only), and per currency
    (``list``, ``with_vouchers``, ``worst_case``: ``[{amount, currency}]``, dollars first),
    which is all of it when an exam has a fee of the learner's own in another currency."""
    return {
        "list_usd": budget.list_usd,
        "with_vouchers_usd": budget.with_vouchers_usd,
        "worst_case_usd": budget.worst_case_usd,
        "list": budget.list_price.as_json(),
        "with_vouchers": budget.with_vouchers.as_json(),
        "worst_case": budget.worst_case.as_json(),
    }


def progress_as_json(analysis: PlanAnalysis) -> dict[str, Any]:
    """The top-level progress fields: today, how far behind the plan the learner made the
    whole plan is (negative: ahead), what that is measured against, and the baseline with
    how far the finish has moved from it."""
    plan = analysis.plan
    baseline = plan.baseline
    current = analysis.pace
    return {
        "today": analysis.today.isoformat(),
        "behind_hours": round(current.behind_hours, 2) if current is not None else 0.0,
        "pace": (
            {
                "reference": current.reference.value,
                "reference_date": current.reference_date.isoformat(),
                "planned_by_today": round(current.planned_by_today, 2),
                "logged": round(current.logged, 2),
                "behind_hours": round(current.behind_hours, 2),
            }
            if current is not None
            else None
        ),
        "readiness_target": plan.readiness_target,
        "baseline": (
            {
                "taken_on": baseline.taken_on.isoformat(),
                "finish": iso(baseline.finish),
                "finish_shift_days": analysis.finish_shift_days,
            }
            if baseline is not None
            else None
        ),
    }


def domains_as_json(split: DomainSplit | None) -> list[dict[str, Any]]:
    """An entry's hours by exam domain, in guide order: ``hours`` add up to the entry's hours
    (logged plus ``remaining``, which is ``study`` plus ``review``); ``result`` is the latest
    practice result (a percent, 'meets' or 'needs-improvement', or null), ``rating`` the
    learner's own ('new', 'some', 'strong', or null)."""
    if split is None:
        return []
    return [
        {
            "number": share.number,
            "name": share.name,
            "weight": share.weight,
            "hours": share.hours,
            "logged": share.logged,
            "remaining": share.remaining,
            "study": share.study,
            "review": share.review,
            "result": share.result,
            "result_on": iso(share.result_on),
            "weak": share.weak,
            "rating": share.rating.value if share.rating is not None else None,
        }
        for share in split.shares
    ]


def analysis_as_json(analysis: PlanAnalysis, path: Path) -> dict[str, Any]:
    """`show --json`: the plan, its schedule, progress, warnings, expiries and fees."""
    schedule = scheduled(analysis, path)
    catalog = analysis.catalog
    budget = analysis.budget
    costs = {cost.entry_id: cost for cost in budget.entries} if budget is not None else {}
    entry_cert = {item.entry.id: item.certification.id for item in schedule.entries}
    current = analysis.pace

    def behind(entry_id: str) -> float | None:
        found = current.for_entry(entry_id) if current is not None else None
        return round(found.behind_hours, 2) if found is not None else None

    return {
        "name": schedule.plan.name,
        "start_date": schedule.plan.start_date.isoformat(),
        "weekly_hours": schedule.plan.availability.weekly_hours,
        **progress_as_json(analysis),
        "entries": [
            {
                "id": item.certification.id,
                "entry_id": item.entry.id,
                "code": item.certification.code,
                "name": item.certification.name,
                "tier": item.certification.tier.value,
                "status": item.entry.status.value,
                "hours": item.hours,
                "hours_credit": (
                    {
                        "percent": round(item.estimate.credit.share * 100, 2),
                        "after": [
                            catalog.get(c).code if c in catalog else c
                            for c in item.estimate.credit.after
                        ],
                        "assumed": item.estimate.credit.assumed,
                    }
                    if item.estimate.credit is not None
                    else None
                ),
                "remaining_hours": item.remaining_hours,
                "hours_logged": item.entry.hours_logged,
                "behind_hours": behind(item.entry.id),
                "readiness": analysis.readiness_of(item.entry.id).value,
                "scores": [
                    {
                        "on": s.on.isoformat(),
                        "percent": s.percent,
                        "source": s.source,
                        "domains": {str(n): result for n, result in s.domains.items()},
                    }
                    for s in item.entry.scores
                ],
                "domains": domains_as_json(analysis.domains_of(item.entry.id)),
                "study_start": iso(item.study_start),
                "study_end": iso(item.study_end),
                "exam_date": iso(item.exam_date),
                "fee_usd": item.certification.exam.fee_usd,
                "own_fee": (
                    item.entry.own_fee.model_dump(mode="json")
                    if item.entry.own_fee is not None
                    else None
                ),
                "paid_usd": costs[item.entry.id].paid_usd,
                "paid": costs[item.entry.id].paid.as_json(),
                "voucher_from": costs[item.entry.id].voucher_from,
                "voucher_from_held": costs[item.entry.id].voucher_from_held,
                "paid_by_other": costs[item.entry.id].paid_by_other,
            }
            for item in schedule.entries
        ],
        "total_hours": schedule.total_hours,
        "finish_date": iso(schedule.finish_date),
        "notes": schedule.plan.notes,
        "warnings": [
            {
                "code": a.code.value,
                "message": a.message,
                "entry": entry_cert.get(a.entry_id) if a.entry_id else None,
                "entry_id": a.entry_id,
                "severity": a.severity.value,
                "replace_with": a.replace_with,
            }
            for a in analysis.advice
        ],
        "expiries": expiries_as_json(analysis.validities, catalog),
        "budget": budget_as_json(budget) if budget is not None else None,
    }


def cmd_show(args: argparse.Namespace) -> int:
    analysis = load_analysis(args.plan, args.today)
    if args.json:
        print_json(analysis_as_json(analysis, args.plan))
        return EXIT_OK
    schedule = scheduled(analysis, args.plan)
    catalog = analysis.catalog
    plan = schedule.plan
    weekly = f"{plan.availability.weekly_hours:g}"
    print(
        _("{name}  (from {start}, {hours} h/week)").format(
            name=plan.name, start=plan.start_date, hours=weekly
        )
    )
    for i, item in enumerate(schedule.entries, 1):
        start = item.study_start.isoformat() if item.study_start else "—"
        exam = item.exam_date.isoformat() if item.exam_date else "—"
        status = item.entry.status
        remarks = [_STATUS_WORDS[status]] if status is not EntryStatus.PLANNED else []
        if item.entry.hours_logged:
            remarks.append(_("{hours} logged").format(hours=format_hours(item.entry.hours_logged)))
        own = item.entry.own_fee
        if own is not None:
            fee_usd = item.certification.exam.fee_usd
            remarks.append(own_fee_text(own.amount, own.currency, fee_usd))
        study = _("study from {day}").format(day=f"{start:10}")
        exam_on = _("exam {day}").format(day=exam)
        print(
            f"  {i:>2}. {item.certification.code:8} {item.certification.name:45} "
            f"{format_hours(item.hours):>8}  {study}  {exam_on}"
            + (f"  ({', '.join(remarks)})" if remarks else "")
        )
    finish = schedule.finish_date.isoformat() if schedule.finish_date else "—"
    print(
        "  "
        + _("Total {hours}, finish {day}").format(
            hours=format_hours(schedule.total_hours), day=finish
        )
    )
    for line in progress_lines(analysis):
        print(f"  {line}")
    for validity in analysis.validities:
        print("  " + _("Valid: {line}").format(line=validity_line(validity, catalog, args.today)))
    if analysis.budget is not None:
        print("  " + _("Fees: {line}").format(line=budget_line(analysis.budget)))
    for line in studied_now_lines(analysis):
        print(f"  {line}")
    for a in analysis.advice:
        print(f"  {_SEVERITY_WORDS[a.severity]}: {one_line(a.message)}")
    for line in plan.notes.splitlines():
        if line.strip():
            print("  " + _("note: {text}").format(text=one_line(line)))
    return EXIT_OK


def progress_lines(analysis: PlanAnalysis) -> list[str]:
    """The baseline shift, the pace of the exam being studied, and the readiness of every exam
    still to sit that has practice scores, each as one line."""
    plan = analysis.plan
    lines = []
    shift = analysis.finish_shift_days
    if plan.baseline is not None and plan.baseline.finish is not None and shift is not None:
        taken = format_day(plan.baseline.taken_on)
        shifted = shift_text(shift, plan.baseline.finish)
        lines.append(_("Baseline: {shift} (set {day})").format(shift=shifted, day=taken))
    current = analysis.pace
    if current is not None and current.started:
        said = pace_text(current, plan.availability.weekly_hours)
        lines.append(_("Pace: {pace}").format(pace=said))
    entries = analysis.schedule.entries if analysis.schedule is not None else ()
    for item in entries:
        if item.entry.scores and item.entry.status is not EntryStatus.PASSED:
            split = analysis.domains_of(item.entry.id)
            weak = split.weak if split is not None else ()
            state = readiness_text(item.entry, plan.readiness_target, weak)
            lines.append(
                _("Readiness: {code} {state}").format(code=item.certification.code, state=state)
            )
    return lines


def studied_now_lines(analysis: PlanAnalysis) -> list[str]:
    """The split by domain of the exam being studied (the first one with hours left), a
    heading and a line per domain; none when no exam has hours left or it lists no domains."""
    entries = analysis.schedule.entries if analysis.schedule is not None else ()
    for item in entries:
        if item.entry.status is EntryStatus.PASSED or item.remaining_hours <= 0:
            continue
        split = analysis.domains_of(item.entry.id)
        if split is None or not split.shares:
            return []
        heading = _("Domains of {code}, studied now (weakest first: {order}):").format(
            code=item.certification.code, order=", ".join(str(n) for n in split.study_order)
        )
        return [heading, *(f"  {line}" for line in split_lines(split))]
    return []
