"""Everything the app, the command line, the report and the calendar say about a plan,
worked out once: its schedule, the advice, the validities and renewals, the fees, the pace,
the finish against the baseline and the readiness of each exam.

Every surface reads one ``PlanAnalysis`` instead of calling the scheduler, the advisor or
the lifecycle itself, so the window, `show`, the printed report and the calendar can never
disagree about the same plan on the same day (Anki's backend answers a question once; the
window, the reviewer and the statistics read the answer).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from studyplanner.domain.advice import Advice, AdviceCode, advise
from studyplanner.domain.budget import Budget, plan_budget
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.domains import DomainSplit, split_hours, unknown_numbers
from studyplanner.domain.lifecycle import Validity, lifecycle
from studyplanner.domain.plan import Baseline, EntryStatus, StudyPlan
from studyplanner.domain.progress import (
    PlanPace,
    Readiness,
    Series,
    baseline_of,
    burn_up,
    finish_shift_days,
    plan_pace,
    readiness,
    study_days,
)
from studyplanner.domain.schedule import Schedule, ScheduledEntry, ScheduleError, schedule_plan
from studyplanner.domain.wording_domains import unknown_domains_text


@dataclass(frozen=True)
class BurnUp:
    """The progress chart's three lines of cumulative hours (see ``progress.burn_up``)."""

    baseline: Series
    """Week by week as the baseline laid the plan out; empty without a baseline."""
    planned: Series
    """Week by week as today's plan lays it out."""
    logged: Series
    """Day by day, what the study log holds up to today."""


@dataclass(frozen=True, eq=False)
class PlanAnalysis:
    """What one plan means on one day. Built by ``analyse``; never changed afterwards.

    A plan that cannot be scheduled (no study hours, a start past the planning horizon) is
    an answer too: ``schedule`` is None, ``schedule_error`` says why in the user's words,
    and the facts that need dates are empty, except the validities of what is already
    certain (held certifications and passed exams)."""

    plan: StudyPlan
    catalog: Catalog
    today: date
    """The day everything is worked out for: the schedule re-plans from it, pace is
    measured to it, the report and the calendar are dated by it."""
    schedule: Schedule | None
    schedule_error: str | None
    pace: PlanPace | None
    """Hours planned by today against hours logged (None when nothing is left to study)."""
    advice: tuple[Advice, ...]
    validities: tuple[Validity, ...]
    """When each held, passed and planned certification is valid, with its renewals. Without
    a schedule: only held and passed ones, renewed only by passed exams (a planned exam has
    no date then, so nothing says whether it would renew them in time)."""
    budget: Budget | None
    """List price, with vouchers, worst case (None without a schedule)."""
    finish_shift_days: int | None
    """Days the finish moved since the baseline (positive: later); None without one."""
    readiness: Mapping[str, Readiness]
    """Each entry's readiness from its last practice scores, by entry id."""

    def readiness_of(self, entry_id: str) -> Readiness:
        return self.readiness.get(entry_id, Readiness.UNKNOWN)

    def domains_of(self, entry_id: str) -> DomainSplit | None:
        """The entry's split by exam domain, or None (no schedule, or no such entry)."""
        row = self._rows.get(entry_id)
        return None if row is None else self.split_of(row)

    def split_of(self, row: ScheduledEntry) -> DomainSplit:
        """The split by exam domain of one of the schedule's entries. Worked out when first
        asked for, then kept: an edit of a 500-exam plan should not pay for 500 splits that
        only the panel of one exam and this week's few will show."""
        key = row.entry.id
        found = self._splits.get(key)
        if found is None:
            found = split_hours(
                row.entry, row.certification, row.hours, row.remaining_hours,
                self.plan.readiness_target,
            )  # fmt: skip
            self._splits[key] = found
        return found

    @cached_property
    def domains(self) -> Mapping[str, DomainSplit]:
        """Each scheduled entry's hours split by exam domain, by entry id, in plan order
        (empty without a schedule; an exam without domains has a split without shares)."""
        return {key: self.split_of(row) for key, row in self._rows.items()}

    @cached_property
    def _rows(self) -> dict[str, ScheduledEntry]:
        rows = self.schedule.entries if self.schedule is not None else ()
        return {row.entry.id: row for row in rows}

    @cached_property
    def _splits(self) -> dict[str, DomainSplit]:
        return {}

    def validity_of(self, entry_id: str) -> Validity | None:
        """The validity an entry's exam earns, or None (not scheduled, or it renews one that
        is already held)."""
        for validity in self.validities:
            if validity.entry_id == entry_id:
                return validity
        return None

    @property
    def baseline(self) -> Baseline | None:
        """The schedule's dates as of today, to keep as the plan's baseline (None for a plan
        without exams, or one that cannot be scheduled)."""
        if self.schedule is None or not self.plan.entries:
            return None
        return baseline_of(self.schedule, self.today)

    @cached_property
    def study_days(self) -> dict[date, float]:
        """Hours studied on each day with a session, in date order."""
        return study_days(self.plan)

    @cached_property
    def burn_up(self) -> BurnUp | None:
        """The progress chart's lines (None without a schedule). Worked out when first
        read: only the progress view and the report draw it."""
        if self.schedule is None:
            return None
        return BurnUp(*burn_up(self.schedule, self.today))


def analyse(plan: StudyPlan, catalog: Catalog, today: date) -> PlanAnalysis:
    """Every derived fact of ``plan`` as of ``today``, re-planned from that day.

    Raises ``KeyError`` only for a certification id the catalog does not know (storage
    refuses such plans before they get here)."""
    try:
        schedule = schedule_plan(plan, catalog, today=today)
    except ScheduleError as exc:
        return _unscheduled(plan, catalog, today, str(exc))
    return analyse_schedule(schedule, catalog, today)


def analyse_schedule(schedule: Schedule, catalog: Catalog, today: date) -> PlanAnalysis:
    """The analysis of a schedule already worked out (one laid out from the plan's start,
    say), with pace and advice as of ``today``."""
    plan = schedule.plan
    pace = plan_pace(schedule, today)
    validities = tuple(lifecycle(schedule, catalog))
    advice = [*advise(schedule, catalog, today, pace=pace, validities=validities)]
    advice += _unknown_domains(schedule)
    return PlanAnalysis(
        plan=plan,
        catalog=catalog,
        today=today,
        schedule=schedule,
        schedule_error=None,
        pace=pace,
        advice=tuple(advice),
        validities=validities,
        budget=plan_budget(schedule),
        finish_shift_days=finish_shift_days(schedule),
        readiness=_readiness(plan),
    )


def _unscheduled(plan: StudyPlan, catalog: Catalog, today: date, error: str) -> PlanAnalysis:
    return PlanAnalysis(
        plan=plan,
        catalog=catalog,
        today=today,
        schedule=None,
        schedule_error=error,
        pace=None,
        advice=(),
        validities=_certain_validities(plan, catalog, today),
        budget=None,
        finish_shift_days=None,
        readiness=_readiness(plan),
    )


def _certain_validities(plan: StudyPlan, catalog: Catalog, today: date) -> tuple[Validity, ...]:
    """The validities a plan that cannot be scheduled still has: its held certifications and
    passed exams keep their expiry whatever happens to the exams still to take. Those planned
    exams are left out, so no renewal is invented for them. Nothing is left to study, so
    this schedule never fails."""
    passed = [e for e in plan.entries if e.status is EntryStatus.PASSED]
    certain = plan.model_copy(update={"entries": passed})
    return tuple(lifecycle(schedule_plan(certain, catalog, today=today), catalog))


def _unknown_domains(schedule: Schedule) -> list[Advice]:
    """A warning for each entry whose plan names exam domains its exam does not have."""
    found = []
    for item in schedule.entries:
        numbers = unknown_numbers(item.entry, item.certification)
        if numbers:
            cert = item.certification
            message = unknown_domains_text(f"{cert.code} {cert.name}", numbers, len(cert.domains))
            found.append(Advice(AdviceCode.UNKNOWN_DOMAIN, message, item.entry.id))
    return found


def _readiness(plan: StudyPlan) -> dict[str, Readiness]:
    return {entry.id: readiness(entry, plan.readiness_target) for entry in plan.entries}


def plan_baseline(plan: StudyPlan, catalog: Catalog, today: date) -> Baseline | None:
    """``plan``'s dates as of ``today``, to keep as its baseline (None for a plan without
    exams, or one that cannot be scheduled): only the schedule is worked out."""
    if not plan.entries:
        return None
    try:
        schedule = schedule_plan(plan, catalog, today=today)
    except (ScheduleError, KeyError):
        return None
    return baseline_of(schedule, today)
