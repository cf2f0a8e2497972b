"""Where the learner stands as the weeks pass: readiness from practice scores, pace on the exam
being studied, the baseline and how far the finish has moved, the burn-up picture and the
study log day by day. "Today" is always an argument.

Pace compares what the plan the learner made put before today (the baseline, or the plan as
laid out from its start) with the hours logged up to and including today (``plan_pace``).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cached_property
from itertools import accumulate

from studyplanner.domain.plan import (
    LATEST_DATE,
    MAX_TEXT,
    Baseline,
    EntryStatus,
    PlanEntry,
    PracticeScore,
    StudyPlan,
    WeeklyAvailability,
)
from studyplanner.domain.schedule import (
    Schedule,
    ScheduleError,
    _BlackoutIndex,
    schedule_plan,
)
from studyplanner.domain.wording import format_day
from studyplanner.i18n import _

ONE_DAY = timedelta(days=1)
ONE_WEEK = timedelta(days=7)
EPSILON = 1e-9
RETAKE_WAIT = timedelta(days=14)
"""AWS's wait after a failed attempt before the exam can be taken again."""
BURN_UP_TAIL = timedelta(days=365)
"""How far past the current finish the burn-up follows a baseline that finishes later."""

Series = list[tuple[date, float]]
"""(day, cumulative hours by the end of that day), in date order."""


class Readiness(StrEnum):
    """Whether practice scores say the learner can sit the exam."""

    READY = "ready"
    NOT_READY = "not-ready"
    UNKNOWN = "unknown"


def latest_scores(entry: PlanEntry, count: int = 2) -> list[PracticeScore]:
    """The ``count`` most recent practice scores, oldest first (same-day scores keep the order
    they were entered in)."""
    ordered = sorted(entry.scores, key=lambda score: score.on)
    return ordered[-count:] if count > 0 else []


def readiness(entry: PlanEntry, target: float) -> Readiness:
    """READY when the last two practice scores both reach ``target`` percent, NOT_READY when
    there are scores but not two recent ones that do, UNKNOWN without any score."""
    if not entry.scores:
        return Readiness.UNKNOWN
    last = latest_scores(entry)
    if len(last) == 2 and all(score.percent >= target for score in last):
        return Readiness.READY
    return Readiness.NOT_READY


@dataclass(frozen=True)
class Pace:
    """Hours the learner's own plan put before today for one exam, and hours logged."""

    entry_id: str
    planned_by_today: float
    logged: float

    @property
    def behind_hours(self) -> float:
        """Positive when behind, negative when ahead."""
        return self.planned_by_today - self.logged

    def behind_weeks(self, weekly_hours: float) -> float:
        """``behind_hours`` in weeks of the learner's study (0 without weekly hours)."""
        return self.behind_hours / weekly_hours if weekly_hours > 0 else 0.0


class PaceReference(StrEnum):
    """What pace is measured against: the plan the learner committed to."""

    BASELINE = "baseline"
    """The baseline kept at creation or with *Set Baseline*."""
    PLAN_START = "plan-start"
    """Without a baseline: the plan as laid out from its start date, never re-planned."""


@dataclass(frozen=True)
class PlanPace:
    """Pace over every exam still to pass, against one reference."""

    reference: PaceReference
    reference_date: date
    """The baseline's day, or the plan's start date."""
    entries: tuple[Pace, ...]
    """One per unfinished entry, in plan order."""

    # Worked out once: the advisor asks for them once per exam of a plan that may hold 500.
    @cached_property
    def planned_by_today(self) -> float:
        return sum(item.planned_by_today for item in self.entries)

    @cached_property
    def logged(self) -> float:
        return sum(item.logged for item in self.entries)

    @cached_property
    def behind_hours(self) -> float:
        """Positive when behind, negative when ahead."""
        return self.planned_by_today - self.logged

    @cached_property
    def furthest_behind(self) -> str | None:
        """The id of the entry furthest behind (the first of equals), None without entries."""
        if not self.entries:
            return None
        return max(self.entries, key=lambda item: item.behind_hours).entry_id

    @property
    def started(self) -> bool:
        """Whether there is anything to compare yet (hours planned or logged by today)."""
        return self.planned_by_today > EPSILON or self.logged > EPSILON

    def for_entry(self, entry_id: str) -> Pace | None:
        for item in self.entries:
            if item.entry_id == entry_id:
                return item
        return None


def plan_pace(schedule: Schedule, today: date) -> PlanPace | None:
    """How far the learner is behind (or ahead of) the plan they made, as of ``today``.

    Planned-by-today is what the reference put before today (today is not over): with a
    baseline, the hours logged before the baseline's day plus the baseline's remaining hours
    laid out from where each was to begin; without one, each exam's whole estimate laid out
    from the plan's start date, in plan order, as if nothing had been re-planned. Logged is
    the study log up to and including today. Passed exams are done and leave pace.

    The dates the app shows still re-plan from today; only this comparison keeps the plan the
    learner committed to, so that months without study add up instead of vanishing.
    None when no exam is left to study or the reference cannot be laid out.
    """
    plan = schedule.plan
    open_entries = [e for e in plan.entries if e.status is not EntryStatus.PASSED]
    if not open_entries:
        return None
    windows: dict[str, tuple[date | None, float, float]] = {}
    baseline = plan.baseline
    if baseline is not None:
        reference = PaceReference.BASELINE
        reference_date = baseline.taken_on
        before = baseline.taken_on - ONE_DAY
        for item in open_entries:
            already = item.hours_logged_until(before)
            start = baseline.study_from.get(item.id)
            hours = baseline.remaining_hours.get(item.id, 0.0) if start is not None else 0.0
            windows[item.id] = (start, hours, already)
    else:
        reference = PaceReference.PLAN_START
        reference_date = plan.start_date
        catalog = schedule.catalog
        if catalog is None:
            return None
        as_made = plan.model_copy(
            update={
                "entries": [
                    e.model_copy(
                        update={"sessions": [], "status": EntryStatus.PLANNED, "passed_on": None}
                    )
                    for e in plan.entries
                ],
                "baseline": None,
            }
        )
        try:
            laid_out = schedule_plan(as_made, catalog)
        except ScheduleError:
            return None
        status: dict[str, EntryStatus] = {}  # as plan.entry(id) finds it, without a search
        for entry in plan.entries:
            status.setdefault(entry.id, entry.status)
        for row in laid_out.entries:
            if status[row.entry.id] is not EntryStatus.PASSED:
                windows.setdefault(row.entry.id, (row.study_start, row.hours, 0.0))
    last = today - ONE_DAY
    starts = [start for start, _hours, _before in windows.values() if start is not None]
    prefix = _Prefix(plan.availability, min(starts) - ONE_DAY, last) if starts else None
    found = []
    for item in open_entries:
        start, hours, already = windows.get(item.id, (None, 0.0, 0.0))
        planned = already
        if prefix is not None and start is not None and start <= last:
            planned += min(hours, prefix.between(start, last))
        found.append(Pace(item.id, planned, item.hours_logged_until(today)))
    return PlanPace(reference, reference_date, tuple(found))


def baseline_of(schedule: Schedule, taken_on: date) -> Baseline:
    """The schedule's dates kept as the plan's baseline (at creation, or *Set Baseline*).
    Dates past what a plan can hold (2199) are left out."""
    exam_dates: dict[str, date] = {}
    study_from: dict[str, date] = {}
    remaining: dict[str, float] = {}
    for item in schedule.entries:
        key = item.entry.id
        if item.exam_date is not None and item.exam_date <= LATEST_DATE:
            exam_dates[key] = item.exam_date
        if item.planned_from is not None and item.planned_from <= LATEST_DATE:
            study_from[key] = item.planned_from
            remaining[key] = item.remaining_hours
    finish = schedule.finish_date
    return Baseline(
        taken_on=taken_on,
        logged_hours=sum(entry.hours_logged for entry in schedule.plan.entries),
        exam_dates=exam_dates,
        finish=finish if finish is not None and finish <= LATEST_DATE else None,
        study_from=study_from,
        remaining_hours=remaining,
    )


def finish_shift_days(schedule: Schedule) -> int | None:
    """Days the current finish lies after the baseline's (negative: earlier), or None when
    there is no baseline or either finish is unknown."""
    baseline = schedule.plan.baseline
    current = schedule.finish_date
    if baseline is None or baseline.finish is None or current is None:
        return None
    return (current - baseline.finish).days


def study_days(plan: StudyPlan) -> dict[date, float]:
    """Hours studied on each day with a session, over every entry, in date order."""
    totals: dict[date, float] = {}
    for entry in plan.entries:
        for session in entry.sessions:
            totals[session.on] = totals.get(session.on, 0.0) + session.hours
    return dict(sorted(totals.items()))


def burn_up(schedule: Schedule, today: date) -> tuple[Series, Series, Series]:
    """Cumulative study hours over time, for the progress chart:

    - the baseline, week by week (empty without a baseline): what the log held when it was
      taken, then its remaining hours at the availability from where each was to begin;
    - the current plan, week by week: what was logged up to today, then the remaining hours
      as the plan re-planned from ``today`` lays them out;
    - what was logged, day by day up to ``today``.

    Weekly points fall on the day before the chart's first day and every seventh day after,
    until both plans are complete (a baseline that lags is followed for at most a year past
    the current finish). The chart's first day is the earliest of the plan's start, the first
    session and the baseline's days, so every series starts from 0.
    """
    if schedule.today != today and schedule.catalog is not None:
        schedule = schedule_plan(schedule.plan, schedule.catalog, today)
    plan = schedule.plan
    baseline = plan.baseline
    days = study_days(plan)
    first = min(
        [
            plan.start_date,
            *days,
            *([baseline.taken_on, *baseline.study_from.values()] if baseline else []),
            *(item.planned_from for item in schedule.entries if item.planned_from),
        ]
    )
    ends = [today, *(item.study_end for item in schedule.entries if item.study_end)]
    if schedule.finish_date is not None:
        ends.append(schedule.finish_date)
    if baseline is not None and baseline.finish is not None:
        ends.append(baseline.finish)
    end = max(ends)
    origin = first - ONE_DAY
    cap = end + BURN_UP_TAIL
    availability = _Prefix(plan.availability, origin, cap + ONE_WEEK)

    logged_days = list(days)
    logged_sums = list(accumulate(days.values()))

    def logged_by(day: date) -> float:
        index = bisect_right(logged_days, day)
        return logged_sums[index - 1] if index else 0.0

    planned = [
        (item.planned_from, item.remaining_hours)
        for item in schedule.entries
        if item.planned_from is not None and item.remaining_hours > 0
    ]
    current_total = logged_by(today) + sum(hours for _start, hours in planned)
    kept: list[tuple[date, float]] = []
    baseline_total = 0.0
    if baseline is not None:
        kept = [
            (baseline.study_from[key], hours)
            for key, hours in baseline.remaining_hours.items()
            if key in baseline.study_from and hours > 0
        ]
        baseline_total = baseline.logged_hours + sum(hours for _start, hours in kept)

    current_use = _Consumption(availability, planned)
    baseline_use = _Consumption(availability, kept)

    def current_at(day: date) -> float:
        return logged_by(min(day, today)) + current_use.at(day)

    def baseline_at(kept_as: Baseline, day: date) -> float:
        if day < kept_as.taken_on:
            return min(logged_by(day), kept_as.logged_hours)
        return kept_as.logged_hours + baseline_use.at(day)

    baseline_series: Series = []
    current_series: Series = []
    day = origin
    while True:
        now_current = current_at(day)
        current_series.append((day, now_current))
        complete = day >= end and now_current >= current_total - EPSILON
        if baseline is not None:
            now_baseline = baseline_at(baseline, day)
            baseline_series.append((day, now_baseline))
            complete = complete and now_baseline >= baseline_total - EPSILON
        if complete or day >= cap:
            break
        day += ONE_WEEK

    logged_series: Series = []
    day = origin
    while day <= today:
        logged_series.append((day, logged_by(day)))
        day += ONE_DAY
    return baseline_series, current_series, logged_series


def plan_retake(plan: StudyPlan, entry_id: str, failed_on: date) -> StudyPlan:
    """A copy of ``plan`` where the entry's exam was failed on ``failed_on``: the attempt is
    recorded in the entry's notes, the entry stays unfinished, and its exam is pinned to the
    first day AWS allows a retake (14 days later). The retake is the plan's to pay, so the fee
    is counted again even where someone else paid the first attempt.

    Raises ``KeyError`` for an unknown entry, ``ValueError`` for a passed one or a retake
    beyond the dates a plan can hold.
    """
    copy = plan.model_copy(deep=True)
    entry = copy.entry(entry_id)
    if entry.status is EntryStatus.PASSED:
        raise ValueError("a passed exam has no retake")
    retake_on = failed_on + RETAKE_WAIT
    if retake_on > LATEST_DATE:
        raise ValueError(
            _("a retake after {date} cannot be planned").format(date=format_day(LATEST_DATE))
        )
    line = _("Failed the exam on {failed}; retake on {retake} or later.").format(
        failed=format_day(failed_on), retake=format_day(retake_on)
    )
    notes = f"{entry.notes.rstrip()}\n{line}" if entry.notes.strip() else line
    if len(notes) <= MAX_TEXT:  # notes already at the limit are the learner's: kept whole
        entry.notes = notes
    entry.pinned_exam_date = retake_on
    entry.paid_by_other = False
    return copy


class _Consumption:
    """The hours a list of (start, hours) study periods has used by a day, each taking the
    availability from its start until its hours are done, for days asked in increasing order.

    Only the periods under way are summed each time (finished ones are a running total), so a
    burn-up costs weeks plus periods rather than weeks times periods."""

    def __init__(self, availability: _Prefix, periods: list[tuple[date, float]]) -> None:
        self._availability = availability
        self._waiting = sorted(periods, key=lambda period: period[0], reverse=True)
        self._running: list[tuple[date, float]] = []
        self._done = 0.0
        self._last: date | None = None

    def at(self, day: date) -> float:
        if self._last is not None and day < self._last:
            raise ValueError("days must be asked in increasing order")
        self._last = day
        waiting = self._waiting
        while waiting and waiting[-1][0] <= day:
            self._running.append(waiting.pop())
        between = self._availability.between
        total = 0.0
        still: list[tuple[date, float]] = []
        for start, hours in self._running:
            given = between(start, day)
            if given >= hours:
                self._done += hours
            else:
                total += given
                still.append((start, hours))
        self._running = still
        return self._done + total


class _Prefix:
    """The availability's hours summed from ``origin`` on, so that the hours between any two
    days cost one subtraction."""

    def __init__(self, availability: WeeklyAvailability, origin: date, last: date) -> None:
        blocked = _BlackoutIndex(availability.blackouts)
        per_weekday = availability.hours_per_weekday
        self._origin = origin
        sums = [0.0]
        day = origin + ONE_DAY
        while day <= last:
            hours = 0.0 if blocked.overlaps(day, day) else per_weekday[day.weekday()]
            sums.append(sums[-1] + hours)
            day += ONE_DAY
        self._sums = sums

    def _through(self, day: date) -> float:
        index = (day - self._origin).days
        return self._sums[max(0, min(index, len(self._sums) - 1))]

    def between(self, first: date, last: date) -> float:
        """Hours from ``first`` to ``last`` inclusive (callers make sure first <= last)."""
        return self._through(last) - self._through(first - ONE_DAY)
