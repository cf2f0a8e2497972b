"""`log`, `score` and `fee`: the commands that change a plan, each under the plan's lock, saved
atomically with a backup of the old file, and answered with where the exam now stands."""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from studyplanner.cli.errors import EXIT_OK, UsageError
from studyplanner.cli.files import load_catalog, save, scheduled, shown
from studyplanner.domain.analysis import PlanAnalysis, analyse
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    DomainResult,
    DomainVerdict,
    EntryStatus,
    OwnFee,
    PlanEntry,
    PracticeScore,
    StudyPlan,
    StudySession,
)
from studyplanner.domain.wording import format_day, format_fee, format_hours
from studyplanner.domain.wording_budget import own_fee_text
from studyplanner.domain.wording_domains import domain_label
from studyplanner.domain.wording_progress import percent, readiness_text
from studyplanner.i18n import N_, _
from studyplanner.storage.locks import LockHolder, PlanLock
from studyplanner.storage.plan_files import PlanFileError, load_plan


def _or(earlier: str, later: str) -> str:
    """Two choices read out: '2 or 5'."""
    return _("{earlier} or {later}").format(earlier=earlier, later=later)


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
                "{path}: another studyplanner command (log, score or fee) is changing it; "
                "try again in a moment"
            ).format(path=shown(path))
        )
    if lock.holder() is LockHolder.WINDOW:
        raise UsageError(
            _(
                "{path}: is open in a StudyPlanner window; add it there, or close the plan first"
            ).format(path=shown(path))
        )
    raise UsageError(
        _("{path}: another StudyPlanner process holds it; try again when it is done").format(
            path=shown(path)
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


Done = str | Callable[[PlanAnalysis], str]
"""What an edit did, in words, or how to say it from the plan's new analysis."""


def edit_plan(
    args: argparse.Namespace, change: Callable[[StudyPlan, PlanEntry, Catalog], Done]
) -> int:
    """Let ``change`` edit the entry ``--exam`` names (it returns what it did, in words, or a
    function that says it from the new analysis), save the plan atomically with a backup of
    the old file, and print what was done and where the exam's date now stands, re-planned
    from today."""
    path: Path = args.plan
    catalog = load_catalog()
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
        analysis = analyse(plan, catalog, args.today)
        schedule = scheduled(analysis, path)
        save(plan, path)
    finally:
        lock.release()
    item = schedule.for_entry(entry.id)
    print(done if isinstance(done, str) else done(analysis))
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
        domain = args.domain
        if domain is not None:
            _check_domains(entry, catalog, [domain])
        session = StudySession(on=day, hours=args.hours, note=args.note, domain=domain)
        entry.log_session(session)  # the window's rule: in date order, and 'studying'
        cert = catalog.get(entry.certification_id)
        if domain is not None:
            return _("Logged {hours} for {code}, {domain}, on {day}").format(
                hours=format_hours(args.hours),
                code=cert.code,
                domain=domain_label(domain, cert.domains[domain - 1].name),
                day=format_day(day),
            )
        return _("Logged {hours} for {code} on {day}").format(
            hours=format_hours(args.hours), code=cert.code, day=format_day(day)
        )

    return edit_plan(args, log)


def cmd_score(args: argparse.Namespace) -> int:
    day = _day_of(args)

    results: dict[int, DomainResult] = {}
    for number, result in args.domain:
        if number in results:
            raise UsageError(
                _("--domain {number}: given twice; give each domain once").format(number=number)
            )
        results[number] = DomainVerdict(result) if isinstance(result, str) else result

    def score(plan: StudyPlan, entry: PlanEntry, catalog: Catalog) -> Done:
        _check_domains(entry, catalog, results)
        entry.scores = [
            *entry.scores,
            PracticeScore(on=day, percent=args.percent, source=args.source, domains=results),
        ]
        code = catalog.get(entry.certification_id).code

        def said(analysis: PlanAnalysis) -> str:
            split = analysis.domains_of(entry.id)
            weak = split.weak if split is not None else ()
            state = readiness_text(entry, plan.readiness_target, weak)
            return _("Recorded {percent} for {code} on {day} ({state})").format(
                percent=percent(args.percent), code=code, day=format_day(day), state=state
            )

        return said

    return edit_plan(args, score)


def _check_domains(entry: PlanEntry, catalog: Catalog, numbers: Iterable[int]) -> None:
    """Refuse a ``--domain`` number the exam's guide does not have, naming the ones it has."""
    cert = catalog.get(entry.certification_id)
    count = len(cert.domains)
    for number in numbers:
        if number <= count:
            continue
        if count == 0:
            raise UsageError(
                _("--domain {number}: {code} lists no exam domains").format(
                    number=number, code=cert.code
                )
            )
        raise UsageError(
            _(
                "--domain {number}: {code} has domains 1 to {count} (see `studyplanner show`)"
            ).format(number=number, code=cert.code, count=count)
        )


def cmd_fee(args: argparse.Namespace) -> int:
    """Set the learner's own fee for an exam (``--amount`` and ``--currency``), or go back to
    the list price (``--list-price``)."""
    if args.list_price:
        if args.amount is not None or args.currency is not None:
            raise UsageError(_("--list-price: give it alone, without --amount or --currency"))
        own = None
    elif args.amount is None or args.currency is None:
        raise UsageError(
            _(
                "fee: give --amount and --currency (e.g. --amount 350 --currency EUR), "
                "or --list-price"
            )
        )
    else:
        own = OwnFee(amount=args.amount, currency=args.currency)

    def set_fee(plan: StudyPlan, entry: PlanEntry, catalog: Catalog) -> str:
        cert = catalog.get(entry.certification_id)
        entry.own_fee = own
        if own is None:
            return _("{code}: the budget counts the list price, {fee}").format(
                code=cert.code, fee=format_fee(cert.exam.fee_usd)
            )
        return _("{code}: {own}").format(
            code=cert.code, own=own_fee_text(own.amount, own.currency, cert.exam.fee_usd)
        )

    return edit_plan(args, set_fee)
