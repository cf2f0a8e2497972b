"""Turn a plan into dates: when each exam's study starts and ends, and when the exam is.

Entries are studied one after another in plan order. Each day gives the hours the availability
allows (none on blackout days); an entry's remaining hours (estimate minus the hours in its
study log) are consumed day by day. The exam is on the day after the last study day, and the
next entry starts studying the day after that exam. A pinned exam date is kept when the hours
can reach it; otherwise the earliest reachable date is used and the advice says so.
Passed entries need no study and do not move the cursor.

Given ``today``, the plan is re-planned from today: past days are history (the study log says
what happened in them), so the remaining hours are laid out from today on, never before.
Either way an entry's study window starts where its study began (its first logged session)
when that is earlier than where its remaining hours are planned from.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta

from studyplanner.domain.catalog import Catalog, Certification
from studyplanner.domain.estimates import HourEstimate, entry_hours, overlap_credit
from studyplanner.domain.experience import aws_years_on
from studyplanner.domain.plan import (
    Blackout,
    EntryStatus,
    PlanEntry,
    StudyPlan,
    WeeklyAvailability,
)
from studyplanner.i18n import _

ONE_DAY = timedelta(days=1)
EPSILON = 1e-9


class ScheduleError(ValueError):
    """The plan cannot be scheduled (for example: no study hours at all)."""


@dataclass(frozen=True)
class ScheduledEntry:
    """One entry with its computed dates. ``study_start``/``study_end`` are None when no study
    is needed (passed, or all hours logged); ``study_start`` is the first logged session when
    study began before ``planned_from``."""

    entry: PlanEntry
    certification: Certification
    estimate: HourEstimate
    remaining_hours: float
    study_start: date | None
    study_end: date | None
    exam_date: date | None
    reachable_exam_date: date | None
    pinned_unreachable: bool
    aws_years: float
    """The learner's years on AWS when this entry's study starts (what the estimate used)."""
    planned_from: date | None = None
    """The day the remaining hours start being studied (``study_start`` is earlier when
    study began before today); None when no study is needed."""

    @property
    def hours(self) -> float:
        return self.estimate.hours


@dataclass(frozen=True)
class Schedule:
    """A plan laid out in time: each entry's study window and exam day, in plan order."""

    plan: StudyPlan
    entries: tuple[ScheduledEntry, ...]
    catalog: Catalog | None = field(default=None, compare=False, repr=False)
    """The catalog the schedule was computed with, so that a change to the plan (adding a
    renewal, say) can be scheduled again from the schedule alone."""
    today: date | None = None
    """The day the plan was re-planned from, or None for a schedule from the start date."""

    @property
    def total_hours(self) -> float:
        return sum(item.hours for item in self.entries)

    @property
    def remaining_hours(self) -> float:
        return sum(item.remaining_hours for item in self.entries)

    @property
    def finish_date(self) -> date | None:
        dates = [item.exam_date for item in self.entries if item.exam_date is not None]
        return max(dates) if dates else None

    @property
    def total_fees_usd(self) -> int:
        return sum(
            item.certification.exam.fee_usd
            for item in self.entries
            if item.entry.status is not EntryStatus.PASSED
        )

    def for_entry(self, entry_id: str) -> ScheduledEntry:
        for item in self.entries:
            if item.entry.id == entry_id:
                return item
        raise KeyError(entry_id)


class _BlackoutIndex:
    """The availability's blackout periods, merged and sorted, so asking whether a day or a
    week is blocked costs a binary search instead of a scan of every period."""

    def __init__(self, blackouts: list[Blackout]) -> None:
        merged: list[tuple[date, date]] = []
        for period in sorted(blackouts, key=lambda b: b.start):
            if merged and period.start <= merged[-1][1] + ONE_DAY:
                merged[-1] = (merged[-1][0], max(merged[-1][1], period.end))
            else:
                merged.append((period.start, period.end))
        self._starts = [start for start, _end in merged]
        self._ends = [end for _start, end in merged]

    def overlaps(self, first: date, last: date) -> bool:
        """True if any blackout day falls between ``first`` and ``last`` inclusive."""
        index = bisect_right(self._starts, last)
        return index > 0 and self._ends[index - 1] >= first


def _consume(
    availability: WeeklyAvailability,
    blackouts: _BlackoutIndex,
    first_day: date,
    hours: float,
    horizon: date,
) -> date:
    """Return the last day needed to study ``hours`` starting on ``first_day``.

    Whole weeks without blackouts are skipped in one step so long plans stay fast.
    """
    weekly = availability.weekly_hours
    per_weekday = availability.hours_per_weekday
    day = first_day
    remaining = hours
    while True:
        if day > horizon:
            raise ScheduleError(
                _(
                    "the available study hours cannot finish this plan within 60 years; "
                    "add weekly hours or remove blackout periods"
                )
            )
        week_end = day + timedelta(days=6)
        if remaining > weekly + EPSILON and not blackouts.overlaps(day, week_end):
            remaining -= weekly
            day += timedelta(days=7)
            continue
        if not blackouts.overlaps(day, day):
            remaining -= per_weekday[day.weekday()]
        if remaining <= EPSILON:
            return day
        day += ONE_DAY


def schedule_plan(plan: StudyPlan, catalog: Catalog, today: date | None = None) -> Schedule:
    """Compute study windows and exam dates for every entry of ``plan``.

    Without ``today`` everything is laid out from the plan's start date. With it, unfinished
    entries are laid out from ``max(start_date, today)`` with their remaining hours, so the
    dates follow what was really studied.

    Raises ``ScheduleError`` when there is something to study but no hours to study it in,
    and ``KeyError`` for a certification id the catalog does not know. Plan dates end in
    2199 and the horizon is 60 years, so every computed date stays inside the calendar.
    """
    return _schedule(plan, catalog, today)


def _schedule(plan: StudyPlan, catalog: Catalog, today: date | None) -> Schedule:
    availability = plan.availability
    cursor = plan.start_date if today is None else max(plan.start_date, today)
    profile = plan.profile
    technical = profile.role.field is not None
    horizon = plan.end_of_horizon
    needs_study = any(
        e.status is not EntryStatus.PASSED for e in plan.entries
    )  # passed entries need none
    if needs_study and cursor > horizon:
        raise ScheduleError(
            _(
                "{day} is beyond what StudyPlanner can plan for this plan: it plans up to 60 "
                "years from the plan's start ({start})"
            ).format(day=cursor.isoformat(), start=plan.start_date.isoformat())
        )
    if needs_study and availability.weekly_hours <= EPSILON:
        raise ScheduleError(
            _("weekly availability is zero hours: add study hours to some weekdays")
        )

    blackout_index = _BlackoutIndex(availability.blackouts)
    # What was learned before each exam: certifications held, exams passed, earlier entries.
    # Each certification once, where it first came: the credit asks which were learned, not
    # how often, so a long plan is not searched again per exam (100 exams: 5,000 look-ups).
    known: dict[str, Certification] = {}
    learned = [h.certification_id for h in plan.held if h.certification_id in catalog]
    learned += [e.certification_id for e in plan.entries if e.status is EntryStatus.PASSED]
    for cert_id in learned:
        cert = catalog.get(cert_id)
        known.setdefault(cert.id, cert)
    result: list[ScheduledEntry] = []
    for entry in plan.entries:
        cert = catalog.get(entry.certification_id)
        passed = entry.status is EntryStatus.PASSED
        began = entry.passed_on if passed and entry.passed_on is not None else cursor
        years = aws_years_on(profile, plan.start_date, began)
        credit = overlap_credit(cert, (c for c in known.values() if c.id != cert.id))
        estimate = entry_hours(entry, cert, years, technical=technical, credit=credit)
        known.setdefault(cert.id, cert)
        if passed:
            result.append(
                ScheduledEntry(
                    entry=entry,
                    certification=cert,
                    estimate=estimate,
                    remaining_hours=0.0,
                    study_start=None,
                    study_end=None,
                    exam_date=entry.passed_on,
                    reachable_exam_date=entry.passed_on,
                    pinned_unreachable=False,
                    aws_years=years,
                )
            )
            continue
        remaining = max(0.0, estimate.hours - entry.hours_logged)
        if remaining <= EPSILON:
            study_start = study_end = None
            reachable = cursor
        else:
            began_on = entry.first_session_on  # the bar starts where study began
            study_start = cursor if began_on is None else min(cursor, began_on)
            study_end = _consume(availability, blackout_index, cursor, remaining, horizon)
            reachable = study_end + ONE_DAY
        pinned = entry.pinned_exam_date
        unreachable = pinned is not None and pinned < reachable
        exam = pinned if pinned is not None and not unreachable else reachable
        result.append(
            ScheduledEntry(
                entry=entry,
                certification=cert,
                estimate=estimate,
                remaining_hours=remaining,
                study_start=study_start,
                study_end=study_end,
                exam_date=exam,
                reachable_exam_date=reachable,
                pinned_unreachable=unreachable,
                aws_years=years,
                planned_from=None if study_start is None else cursor,
            )
        )
        cursor = exam + ONE_DAY
    return Schedule(plan=plan, entries=tuple(result), catalog=catalog, today=today)


def hours_between(availability: WeeklyAvailability, first: date, last: date) -> float:
    """Study hours the availability gives from ``first`` to ``last`` inclusive."""
    total = 0.0
    day = first
    while day <= last:
        total += availability.hours_on(day)
        day += ONE_DAY
    return total
