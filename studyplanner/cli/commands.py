"""What each command of the command line does (see ``studyplanner.cli`` for the options and
the exit statuses). Loaded only once a command runs, so `--help` and `--version` stay quick.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import stat
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from studyplanner.cli.errors import EXIT_OK, UsageError
from studyplanner.domain.advice import Advice, Severity, advise
from studyplanner.domain.budget import Budget, plan_budget
from studyplanner.domain.catalog import Catalog, LifecycleStatus, Tier
from studyplanner.domain.lifecycle import Validity, lifecycle, renewal_paths
from studyplanner.domain.plan import (
    EntryStatus,
    LearnerProfile,
    PlanEntry,
    PracticeScore,
    StudyPlan,
    StudySession,
)
from studyplanner.domain.progress import (
    PlanPace,
    baseline_of,
    finish_shift_days,
    plan_pace,
    readiness,
)
from studyplanner.domain.roles import Direction, Role
from studyplanner.domain.schedule import Schedule, ScheduleError, schedule_plan
from studyplanner.domain.wording import (
    assumed_text,
    count_text,
    format_day,
    format_fee,
    format_hours,
)
from studyplanner.export.progress_words import pace_text, percent, readiness_text, shift_text
from studyplanner.i18n import N_, _
from studyplanner.labels import TranslatedLabels
from studyplanner.storage.catalog_source import load_app_catalog
from studyplanner.storage.locks import LockHolder, PlanLock
from studyplanner.storage.plan_files import (
    PlanFileError,
    load_plan,
    plan_json_schema,
    save_plan,
)
from studyplanner.storage.reading import one_line

_T = TypeVar("_T")

# Words `catalog` and `show` print for a state, lower case as in their lines (an active
# certification and a planned exam go without one).
_LIFECYCLE_WORDS: TranslatedLabels[LifecycleStatus] = TranslatedLabels(
    {
        LifecycleStatus.RETIRING: N_("retiring"),
        LifecycleStatus.RETIRED: N_("retired"),
    }
)
_STATUS_WORDS: TranslatedLabels[EntryStatus] = TranslatedLabels(
    {
        EntryStatus.STUDYING: N_("studying"),
        EntryStatus.PASSED: N_("passed"),
    }
)
_SEVERITY_WORDS: TranslatedLabels[Severity] = TranslatedLabels(
    {Severity.WARNING: N_("warning"), Severity.INFO: N_("info")}
)


def _print_json(data: Any) -> None:
    """JSON on stdout, as UTF-8 text where the output takes it and as ASCII escapes where it
    does not, so the document stays valid and lossless on any console."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    try:
        text.encode(getattr(sys.stdout, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        text = json.dumps(data, indent=2, ensure_ascii=True)
    print(text)


def _shown(path: Path) -> str:
    return one_line(os.fsdecode(path))


def check_output(path: Path, *, plan: Path | None = None) -> None:
    """Refuse, before any work is done, an output that must not be replaced: a folder, a
    device, a pipe or a socket (an atomic write would swap it for a regular file), a
    read-only file, or the plan being read; and one in a folder that does not exist."""
    try:
        info = path.stat()
    except FileNotFoundError:
        # The atomic writers would create a missing folder: a typo in a folder's name must not
        # quietly become a new folder.
        if not path.parent.is_dir():
            raise UsageError(
                _("{path}: cannot be written (no folder {folder})").format(
                    path=_shown(path), folder=_shown(path.parent)
                )
            ) from None
        return
    except OSError as exc:  # e.g. a parent that is a file, or a folder we may not enter
        raise UsageError(_cannot_write(path, exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(
            _("{path}: is a folder; give the output a file name").format(path=_shown(path))
        )
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(
            _(
                "{path}: is not a regular file (a device, pipe or socket); refusing to replace it"
            ).format(path=_shown(path))
        )
    # Write bits as well as access(): root may write anything, yet a file marked read-only
    # for everyone was marked so on purpose.
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise UsageError(_("{path}: is read-only").format(path=_shown(path)))
    if plan is not None:
        try:
            same = os.path.samefile(path, plan)
        except OSError:
            same = False
        if same:
            raise UsageError(
                _("{path}: is the plan itself; write the output elsewhere").format(
                    path=_shown(path)
                )
            )


def write_output(path: Path, write: Callable[[], _T]) -> _T:
    """Run ``write`` (which replaces ``path`` atomically) and turn a failure to write, such as
    a full disk or a read-only folder, into one line naming the file."""
    try:
        return write()
    except OSError as exc:
        raise UsageError(_cannot_write(path, exc)) from exc


def _cannot_write(path: Path, exc: OSError) -> str:
    return _("{path}: cannot be written ({reason})").format(
        path=_shown(path), reason=exc.strerror or exc
    )


# --- commands -----------------------------------------------------------------------------


def _catalog() -> Catalog:
    loaded = load_app_catalog()
    if loaded.problem:
        print(_("warning: {problem}").format(problem=one_line(loaded.problem)), file=sys.stderr)
    return loaded.catalog


def cmd_catalog(args: argparse.Namespace) -> int:
    if getattr(args, "catalog_action", None):  # info, diff, import, revert, reset
        from studyplanner.cli.catalog_updates import run_catalog_action

        return run_catalog_action(args)
    catalog = _catalog()
    if args.json:
        rows = [
            {
                "id": c.id,
                "code": c.code,
                "name": c.name,
                "tier": c.tier.value,
                "status": c.lifecycle.status.value,
                "hours": c.hours.typical,
                "hours_low": c.hours.low,
                "hours_high": c.hours.high,
                "minutes": c.exam.minutes,
                "fee_usd": c.exam.fee_usd,
                "ends_on": c.lifecycle.ends_on.isoformat() if c.lifecycle.ends_on else None,
                "replaced_by": c.lifecycle.replaced_by,
            }
            for c in catalog
        ]
        _print_json(rows)
        return EXIT_OK
    for tier in Tier:
        print(tier.label)
        for c in catalog.by_tier(tier):
            status = ""
            if c.lifecycle.status is not LifecycleStatus.ACTIVE:
                status = f"  [{_LIFECYCLE_WORDS[c.lifecycle.status]} {c.lifecycle.ends_on}]"
            hours, fee = format_hours(c.hours.typical), format_fee(c.exam.fee_usd)
            print(f"  {c.code:8} {c.name:45} {hours:>6}  {fee}{status}")
        print()
    return EXIT_OK


# Plan fields the suggest options fill, for naming the option in an error.
_SUGGEST_OPTIONS = {"name": "--name", "focus_areas": "--focus", "profile": "--focus"}


def cmd_suggest(args: argparse.Namespace) -> int:
    from studyplanner.domain.suggest import suggest_plan  # only this command suggests

    check_output(args.output)
    catalog = _catalog()
    try:
        profile = LearnerProfile(
            role=Role(args.role),
            experience_years=args.experience_years,
            field_years=args.field_years,
            other_field_years=dict(args.other_field_years),
            direction=Direction(args.direction) if args.direction else None,
            focus_areas=args.focus,
        )
        suggestion = suggest_plan(
            catalog, profile, args.hours_per_week, args.start or args.today, name=args.name
        )
    except ValidationError as exc:  # e.g. a name or focus area longer than a plan allows
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else ""
        raise UsageError(f"{_SUGGEST_OPTIONS.get(field, field)}: {first['msg']}") from exc
    plan = suggestion.plan
    try:  # a new plan keeps its first dates as the baseline that later progress is read against
        plan.baseline = baseline_of(schedule_plan(plan, catalog, today=args.today), args.today)
    except ScheduleError as exc:
        raise UsageError(str(exc)) from exc
    _save(plan, args.output)
    print(
        _("Wrote {path} ({exams}):").format(
            path=args.output, exams=count_text(len(suggestion.plan.entries), "exam")
        )
    )
    for i, pick in enumerate(suggestion.reasons, 1):
        cert = catalog.get(pick.certification_id)
        print(f"  {i}. {cert.code} {cert.name}: {pick.reason}")
    for remark in suggestion.remarks:
        print("  " + _("note: {text}").format(text=one_line(remark)))
    return EXIT_OK


def _save(plan: StudyPlan, path: Path) -> None:
    try:
        save_plan(plan, path, first_save_in_session=True)  # each command is its own session
    except PlanFileError as exc:
        raise UsageError(str(exc)) from exc


def load_and_schedule(path: Path, today: date) -> tuple[Catalog, Schedule, list[Advice]]:
    catalog = _catalog()
    try:
        plan = load_plan(path, catalog, today=today)
    except PlanFileError as exc:
        raise UsageError(str(exc)) from exc
    schedule = _schedule(plan, catalog, path, today)
    return catalog, schedule, advise(schedule, catalog, today)


def _schedule(plan: StudyPlan, catalog: Catalog, path: Path, today: date) -> Schedule:
    """The plan re-planned from ``today``; a plan that cannot be scheduled is bad input."""
    try:
        return schedule_plan(plan, catalog, today=today)
    except ScheduleError as exc:
        raise UsageError(f"{_shown(path)}: {exc}") from exc


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


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


def budget_as_json(budget: Budget) -> dict[str, int]:
    return {
        "list_usd": budget.list_usd,
        "with_vouchers_usd": budget.with_vouchers_usd,
        "worst_case_usd": budget.worst_case_usd,
    }


def progress_as_json(schedule: Schedule, today: date, current: PlanPace | None) -> dict[str, Any]:
    """The top-level progress fields: today, how far behind the plan the learner made the
    whole plan is (``current``, negative: ahead), what that is measured against, and the
    baseline with how far the finish has moved from it."""
    plan = schedule.plan
    baseline = plan.baseline
    return {
        "today": today.isoformat(),
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
                "finish": _iso(baseline.finish),
                "finish_shift_days": finish_shift_days(schedule),
            }
            if baseline is not None
            else None
        ),
    }


def schedule_as_json(
    schedule: Schedule, advice: list[Advice], catalog: Catalog, today: date
) -> dict[str, Any]:
    budget = plan_budget(schedule)
    costs = {cost.entry_id: cost for cost in budget.entries}
    entry_cert = {item.entry.id: item.certification.id for item in schedule.entries}
    target = schedule.plan.readiness_target
    current = plan_pace(schedule, today)

    def behind(entry_id: str) -> float | None:
        found = current.for_entry(entry_id) if current is not None else None
        return round(found.behind_hours, 2) if found is not None else None

    return {
        "name": schedule.plan.name,
        "start_date": schedule.plan.start_date.isoformat(),
        "weekly_hours": schedule.plan.availability.weekly_hours,
        **progress_as_json(schedule, today, current),
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
                "readiness": readiness(item.entry, target).value,
                "scores": [
                    {"on": s.on.isoformat(), "percent": s.percent, "source": s.source}
                    for s in item.entry.scores
                ],
                "study_start": _iso(item.study_start),
                "study_end": _iso(item.study_end),
                "exam_date": _iso(item.exam_date),
                "fee_usd": item.certification.exam.fee_usd,
                "paid_usd": costs[item.entry.id].paid_usd,
                "voucher_from": costs[item.entry.id].voucher_from,
                "voucher_from_held": costs[item.entry.id].voucher_from_held,
                "paid_by_other": costs[item.entry.id].paid_by_other,
            }
            for item in schedule.entries
        ],
        "total_hours": schedule.total_hours,
        "finish_date": _iso(schedule.finish_date),
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
            for a in advice
        ],
        "expiries": expiries_as_json(lifecycle(schedule, catalog), catalog),
        "budget": budget_as_json(budget),
    }


def _and(earlier: str, later: str) -> str:
    """Two items of a list read out: 'SAA-C03 on 6 Jan 2027 and DVA-C02 on 3 Mar 2028'."""
    return _("{earlier} and {later}").format(earlier=earlier, later=later)


def _or(earlier: str, later: str) -> str:
    """Two choices read out: '2 or 5'."""
    return _("{earlier} or {later}").format(earlier=earlier, later=later)


def validity_line(validity: Validity, catalog: Catalog, today: date) -> str:
    """'CLF-C02 earned 10 Jan 2024, renewed by SAA-C03 on 6 Jan 2027, expires 6 Jan 2030'."""
    code = catalog.get(validity.certification_id).code
    earned = format_day(validity.earned_on)
    if validity.held:
        text = _("{code} earned {day}").format(code=code, day=earned)
    else:
        text = _("{code} if passed on {day}").format(code=code, day=earned)
    if validity.renewals:
        renewals = [
            assumed_text(
                _("{code} on {day}").format(
                    code=catalog.get(r.certification_id).code, day=format_day(r.on)
                ),
                r.assumed,
            )
            for r in validity.renewals
        ]
        text = _("{text}, renewed by {renewals}").format(
            text=text, renewals=functools.reduce(_and, renewals)
        )
    ends = _("{text}, expired {day}") if validity.expires_on < today else _("{text}, expires {day}")
    return ends.format(text=text, day=format_day(validity.expires_on))


def budget_line(budget: Budget) -> str:
    return _("{list} list · {vouchers} with vouchers · {worst} worst case").format(
        list=format_fee(budget.list_usd),
        vouchers=format_fee(budget.with_vouchers_usd),
        worst=format_fee(budget.worst_case_usd),
    )


def cmd_show(args: argparse.Namespace) -> int:
    catalog, schedule, advice = load_and_schedule(args.plan, args.today)
    if args.json:
        _print_json(schedule_as_json(schedule, advice, catalog, args.today))
        return EXIT_OK
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
    for line in progress_lines(schedule, args.today):
        print(f"  {line}")
    for validity in lifecycle(schedule, catalog):
        print("  " + _("Valid: {line}").format(line=validity_line(validity, catalog, args.today)))
    print("  " + _("Fees: {line}").format(line=budget_line(plan_budget(schedule))))
    for a in advice:
        print(f"  {_SEVERITY_WORDS[a.severity]}: {one_line(a.message)}")
    for line in plan.notes.splitlines():
        if line.strip():
            print("  " + _("note: {text}").format(text=one_line(line)))
    return EXIT_OK


def progress_lines(schedule: Schedule, today: date) -> list[str]:
    """The baseline shift, the pace of the exam being studied, and the readiness of every exam
    still to sit that has practice scores, each as one line."""
    plan = schedule.plan
    lines = []
    shift = finish_shift_days(schedule)
    if plan.baseline is not None and plan.baseline.finish is not None and shift is not None:
        taken = format_day(plan.baseline.taken_on)
        shifted = shift_text(shift, plan.baseline.finish)
        lines.append(_("Baseline: {shift} (set {day})").format(shift=shifted, day=taken))
    current = plan_pace(schedule, today)
    if current is not None and current.started:
        said = pace_text(current, plan.availability.weekly_hours)
        lines.append(_("Pace: {pace}").format(pace=said))
    for item in schedule.entries:
        if item.entry.scores and item.entry.status is not EntryStatus.PASSED:
            state = readiness_text(item.entry, plan.readiness_target)
            lines.append(
                _("Readiness: {code} {state}").format(code=item.certification.code, state=state)
            )
    return lines


def cmd_schema(_args: argparse.Namespace) -> int:
    print(json.dumps(plan_json_schema(), indent=2))
    return EXIT_OK


def cmd_print(args: argparse.Namespace) -> int:
    from studyplanner.export.pdf_writer import print_plan_to_pdf

    check_output(args.output, plan=args.plan)
    schedule, advice = load_and_schedule(args.plan, args.today)[1:]
    pages = write_output(
        args.output,
        lambda: print_plan_to_pdf(
            schedule,
            advice,
            args.output,
            paper=args.paper,
            landscape=args.landscape,
            printed_on=args.today,
        ),
    )
    print(_("Wrote {path} ({pages})").format(path=args.output, pages=count_text(pages, "page")))
    return EXIT_OK


def cmd_export_ics(args: argparse.Namespace) -> int:
    from studyplanner.export.ics import write_ics

    check_output(args.output, plan=args.plan)
    catalog, schedule = load_and_schedule(args.plan, args.today)[:2]
    count = write_output(
        args.output,
        lambda: write_ics(
            schedule,
            args.output,
            study_blocks=args.study_blocks,
            catalog=catalog,
            today=args.today,
        ),
    )
    print(_("Wrote {path} ({events})").format(path=args.output, events=count_text(count, "event")))
    return EXIT_OK


# --- writing to a plan: log and score ------------------------------------------------------


def find_entry(plan: StudyPlan, catalog: Catalog, code: str) -> PlanEntry:
    """The entry ``--exam`` names: by exam code or certification id, in any case, or by its
    number in `show`. A retake (the same exam twice) means the one not passed yet; if that
    still leaves two, the user is asked for the number."""
    codes = [catalog.get(entry.certification_id).code for entry in plan.entries]
    wanted = code.strip().casefold()
    # ASCII digits only ("²" is a digit to str.isdigit, not to int), and no more than a plan's
    # numbers have (int() refuses 5,000 digits)
    number = int(wanted) if wanted.isascii() and wanted.isdigit() and len(wanted) <= 6 else 0
    if 1 <= number <= len(plan.entries):
        return plan.entries[number - 1]
    found = [
        (number, entry)
        for number, (entry, entry_code) in enumerate(zip(plan.entries, codes, strict=True), 1)
        if wanted in (entry_code.casefold(), entry.certification_id.casefold())
    ]
    if len(found) > 1:
        open_ = [(n, e) for n, e in found if e.status is not EntryStatus.PASSED]
        found = open_ or found
    if len(found) == 1:
        return found[0][1]
    listed = ", ".join(dict.fromkeys(codes)) or _("none yet")
    if not found:
        raise UsageError(
            _("--exam {code}: not in this plan (its exams: {listed})").format(
                code=code, listed=listed
            )
        )
    numbers = functools.reduce(_or, [str(number) for number, _entry in found])
    raise UsageError(
        _(
            "--exam {code}: the plan has it {times} times; give its number from "
            "`studyplanner show` instead ({numbers})"
        ).format(code=code, times=len(found), numbers=numbers)
    )


COMMAND_LOCK_WAIT_S = 3.0
"""How long `log` and `score` wait for another command's edit of the same plan (each holds
the lock well under a second); a window's lock is refused at once."""


def _lock_for_edit(path: Path) -> PlanLock:
    """Take the plan's lock for the length of the edit, so that a window opening the plan
    meanwhile stays read-only; refuse a plan that an open StudyPlanner window is editing."""
    lock = PlanLock(path, holder=LockHolder.COMMAND)
    if lock.acquire(wait_seconds=COMMAND_LOCK_WAIT_S):
        return lock
    if lock.holder() is LockHolder.COMMAND:
        raise UsageError(
            _(
                "{path}: another studyplanner command (log or score) is changing it; "
                "try again in a moment"
            ).format(path=_shown(path))
        )
    if lock.holder() is LockHolder.WINDOW:
        raise UsageError(
            _(
                "{path}: is open in a StudyPlanner window; add it there, or close the plan first"
            ).format(path=_shown(path))
        )
    raise UsageError(
        _("{path}: another StudyPlanner process holds it; try again when it is done").format(
            path=_shown(path)
        )
    )


def _load_for_edit(path: Path, catalog: Catalog, today: date) -> StudyPlan:
    try:
        return load_plan(path, catalog, today=today)
    except PlanFileError as exc:
        raise UsageError(str(exc)) from exc


# The fields log and score fill, for naming the option (or the list) in an error.
_EDIT_OPTIONS = {
    "on": "--date",
    "hours": "--hours",
    "note": "--note",
    "percent": "--percent",
    "source": "--source",
    "sessions": N_("the exam's study log"),
    "scores": N_("the exam's practice scores"),
    "entries": N_("the plan"),
}
"""Shown through ``_()`` (an option's name has no translation and stays itself)."""


def _day_of(args: argparse.Namespace) -> date:
    """``--date``, or today; a day still to come is refused (the log is what happened)."""
    day: date = args.date or args.today
    if day > args.today:
        raise UsageError(
            _("--date: {day} is after today ({today})").format(
                day=day.isoformat(), today=args.today.isoformat()
            )
        )
    return day


def edit_plan(
    args: argparse.Namespace, change: Callable[[StudyPlan, PlanEntry, Catalog], str]
) -> int:
    """Let ``change`` edit the entry ``--exam`` names (it returns what it did, in words), save
    the plan atomically with a backup of the old file, and print what was done and where the
    exam's date now stands, re-planned from today."""
    path: Path = args.plan
    catalog = _catalog()
    _load_for_edit(
        path, catalog, args.today
    )  # a plan that cannot be used is named before any lock file
    lock = _lock_for_edit(path)
    try:
        plan = _load_for_edit(
            path, catalog, args.today
        )  # again, now that no window can save it meanwhile
        entry = find_entry(plan, catalog, args.exam)
        try:
            done = change(plan, entry, catalog)
            # the whole plan again: its own limits (sessions in all) hold across entries
            plan = StudyPlan.model_validate(plan.model_dump())
        except ValidationError as exc:  # e.g. a note too long, a study log already full
            first = exc.errors()[0]
            field = str(first["loc"][0]) if first["loc"] else ""
            where = _(_EDIT_OPTIONS[field]) if field in _EDIT_OPTIONS else field or _("the plan")
            message = str(first["msg"]).removeprefix("Value error, ")
            raise UsageError(f"{where}: {message}") from exc
        schedule = _schedule(plan, catalog, path, args.today)
        _save(plan, path)
    finally:
        lock.release()
    item = schedule.for_entry(entry.id)
    print(done)
    print(
        "  "
        + _("{code}: {logged} of {hours} studied, exam {day}").format(
            code=item.certification.code,
            logged=format_hours(item.entry.hours_logged),
            hours=format_hours(item.hours),
            day=format_day(item.exam_date),
        )
    )
    return EXIT_OK


def cmd_log(args: argparse.Namespace) -> int:
    day = _day_of(args)

    def log(plan: StudyPlan, entry: PlanEntry, catalog: Catalog) -> str:
        refusal = plan.why_no_session(entry.id, day, args.hours)
        if refusal is not None:
            raise UsageError(_("--exam {code}: {reason}").format(code=args.exam, reason=refusal))
        session = StudySession(on=day, hours=args.hours, note=args.note)
        entry.log_session(session)  # the window's rule: in date order, and 'studying'
        code = catalog.get(entry.certification_id).code
        return _("Logged {hours} for {code} on {day}").format(
            hours=format_hours(args.hours), code=code, day=format_day(day)
        )

    return edit_plan(args, log)


def cmd_score(args: argparse.Namespace) -> int:
    day = _day_of(args)

    def score(plan: StudyPlan, entry: PlanEntry, catalog: Catalog) -> str:
        entry.scores = [
            *entry.scores,
            PracticeScore(on=day, percent=args.percent, source=args.source),
        ]
        code = catalog.get(entry.certification_id).code
        state = readiness_text(entry, plan.readiness_target)
        return _("Recorded {percent} for {code} on {day} ({state})").format(
            percent=percent(args.percent), code=code, day=format_day(day), state=state
        )

    return edit_plan(args, score)


COMMANDS = {
    "catalog": cmd_catalog,
    "suggest": cmd_suggest,
    "show": cmd_show,
    "log": cmd_log,
    "score": cmd_score,
    "schema": cmd_schema,
    "print": cmd_print,
    "export-ics": cmd_export_ics,
}
