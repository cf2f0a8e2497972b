"""The timeline laid out once, in days: which row each exam is on, which days its study bar
covers and how much of that is already studied, where its exam or pass is marked, how long what
it earns stays valid and where later exams renew it, which days are blackouts, and where months
and years begin on the axis.

Everything is counted in whole days from ``TimelineLayout.origin`` (day 0) and in row indices;
the screen's timeline turns days into pixels at its zoom, the printed chart into points across
the page. Both read this one layout, so they show the same rows, bars and marks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from studyplanner.domain.analysis import PlanAnalysis
from studyplanner.domain.lifecycle import Renewal, Validity
from studyplanner.domain.months import add_months, first_of_month, months_between, next_month
from studyplanner.domain.plan import Blackout, EntryStatus, StudyPlan
from studyplanner.domain.schedule import Schedule, ScheduledEntry

__all__ = [
    "EXPIRY_REACH",
    "HELD_REACH",
    "PASSED_LOOKBACK",
    "TODAY_REACH",
    "AxisPeriod",
    "BlackoutSpan",
    "DaySpan",
    "EntryRow",
    "Ghost",
    "HeldRow",
    "LinkLayout",
    "Marker",
    "MarkerKind",
    "RenewalTick",
    "TimelineLayout",
    "ValidityLayout",
    "lay_out_timeline",
    "marker_day",
    "monday_days",
    "month_periods",
    "print_range",
    "year_periods",
]

TODAY_REACH = timedelta(days=120)
"""Today is shown (and the axis stretched to it) when it is this close to the plan."""
HELD_REACH = timedelta(days=183)
"""A certification earned this close before the plan starts stretches the axis back to its
day; one earned longer ago is shown from the axis's left edge ("held since …")."""
EXPIRY_REACH = timedelta(days=183)
"""Expiries this close after the last exam are brought into the axis; later ones run on past
its end (scroll or zoom out to see them)."""
PASSED_LOOKBACK = timedelta(days=366)
"""On paper, exams passed this close before the plan get their mark on the axis; older ones are
named in text, so that years of history do not squeeze the plan."""


@dataclass(frozen=True)
class DaySpan:
    """Days ``start`` up to (not including) ``end``, counted from the layout's origin."""

    start: int
    end: int

    @property
    def days(self) -> int:
        return self.end - self.start


class MarkerKind(Enum):
    EXAM = "exam"
    PASSED = "passed"


@dataclass(frozen=True)
class Marker:
    """The milestone at the end of a row: the exam day (a diamond), or the day it was passed."""

    day: int
    kind: MarkerKind
    pinned: bool = False


@dataclass(frozen=True)
class Ghost:
    """The baseline's bar and exam day for an entry: where the plan once had it."""

    study: DaySpan | None
    exam: int
    exam_date: date


@dataclass(frozen=True)
class RenewalTick:
    """A renewal on a validity band: the renewing exam's day and the expiry it pushed back."""

    day: int
    replaced_expiry: int
    renewal: Renewal


@dataclass(frozen=True)
class ValidityLayout:
    """How long a certification stays valid: a band from the day it is earned to its expiry,
    with a tick where each later exam renews it."""

    validity: Validity
    earned: int
    expires: int
    expired: bool
    """Expired before today."""
    renewals: tuple[RenewalTick, ...]
    near_finish: bool
    """Its expiry falls within ``EXPIRY_REACH`` of the plan's last exam (brought into view)."""


@dataclass(frozen=True)
class EntryRow:
    """One plan entry's row, in plan order."""

    index: int
    item: ScheduledEntry
    bar: DaySpan | None
    """The study period; None when nothing is left to study."""
    logged: DaySpan | None
    """The part of the bar already behind, from where study began to today (or to where the
    remaining hours take over); None without a study log."""
    marker: Marker | None
    ghost: Ghost | None
    validity: ValidityLayout | None = None

    @property
    def entry_id(self) -> str:
        return self.item.entry.id

    @property
    def passed(self) -> bool:
        return self.item.entry.status is EntryStatus.PASSED


@dataclass(frozen=True)
class HeldRow:
    """A certification held before the plan: a thin row above the plan's rows."""

    index: int
    validity: ValidityLayout

    @property
    def certification_id(self) -> str:
        return self.validity.validity.certification_id


@dataclass(frozen=True)
class LinkLayout:
    """A renewing exam (its row) joined to the band it renews, on the renewal's day."""

    day: int
    renewing_row: int
    band_row: int
    """The row index of the band: an entry row, or a held row when ``held``."""
    held: bool
    validity: Validity
    renewal: Renewal


@dataclass(frozen=True)
class BlackoutSpan:
    """The days a blackout covers on the timeline."""

    span: DaySpan
    blackout: Blackout


@dataclass(frozen=True)
class TimelineLayout:
    """The whole timeline in days from ``origin``: what the screen and the printed chart
    both draw."""

    origin: date
    """Day 0: the first of the month a little before the first thing shown."""
    first: int
    last: int
    """The first and last day with something on them (today included when shown)."""
    today: int
    show_today: bool
    """Today is near enough to the plan to be marked."""
    finish: int | None
    """The last exam's (or pass's) day."""
    held: tuple[HeldRow, ...]
    rows: tuple[EntryRow, ...]
    links: tuple[LinkLayout, ...]
    blackouts: tuple[BlackoutSpan, ...]

    def day_of(self, day: date) -> int:
        return (day - self.origin).days

    def date_of(self, day: int) -> date:
        return self.origin + timedelta(days=day)

    def row(self, entry_id: str) -> EntryRow | None:
        return next((row for row in self.rows if row.entry_id == entry_id), None)


def marker_day(item: ScheduledEntry) -> date | None:
    """The day a row's marker sits on: the exam, or the day it was passed."""
    if item.entry.status is EntryStatus.PASSED:
        return item.entry.passed_on
    return item.exam_date


def _axis_range(
    plan: StudyPlan,
    schedule: Schedule | None,
    validities: Sequence[Validity],
    today: date,
    show_baseline: bool,
) -> tuple[date, date, date, bool]:
    """(origin, first day, last day, whether today is shown): the plan from its start to its
    last exam, stretched to held certifications earned shortly before, to expiries shortly
    after, and to today when today is near."""
    days = [plan.start_date]
    entries = schedule.entries if schedule is not None else ()
    for item in entries:
        days.extend(d for d in (item.study_start, item.exam_date) if d is not None)
    baseline = plan.baseline if show_baseline else None
    if baseline is not None and schedule is not None:
        ids = {item.entry.id for item in entries}
        days.extend(day for key, day in baseline.exam_dates.items() if key in ids)
    first, last = min(days), max(days)
    for validity in validities:
        if validity.entry_id is None and validity.earned_on >= plan.start_date - HELD_REACH:
            first = min(first, validity.earned_on)
        if validity.expires_on <= last + EXPIRY_REACH:
            last = max(last, validity.expires_on)
    show_today = first - TODAY_REACH <= today <= last + TODAY_REACH
    if show_today:
        first, last = min(first, today), max(last, today)
    return first_of_month(first - timedelta(days=10)), first, last, show_today


def _ghost(
    plan: StudyPlan, item: ScheduledEntry, origin: date, after_previous: date
) -> Ghost | None:
    """The baseline's study window of an entry ran from where its remaining study was to begin
    or, when the baseline did not keep that (passed, or nothing left to study then), from the
    day after the latest baseline exam before it (``after_previous``), to its exam."""
    baseline = plan.baseline
    if baseline is None:
        return None
    exam = baseline.exam_dates.get(item.entry.id)
    if exam is None:
        return None
    start = baseline.study_from.get(item.entry.id, after_previous)
    study = DaySpan((start - origin).days, (exam - origin).days) if start < exam else None
    return Ghost(study, (exam - origin).days, exam)


def _ghosts(plan: StudyPlan, entries: Sequence[ScheduledEntry], origin: date) -> list[Ghost | None]:
    """Every entry's ghost, in one pass over the baseline's exam dates in plan order."""
    baseline = plan.baseline
    if baseline is None:
        return [None] * len(entries)
    ghosts = []
    after_previous = plan.start_date
    dates = baseline.exam_dates
    for index, item in enumerate(entries):
        ghosts.append(_ghost(plan, item, origin, after_previous))
        if index < len(plan.entries):
            before = dates.get(plan.entries[index].id)
            if before is not None and before >= after_previous:
                after_previous = before + timedelta(days=1)
    return ghosts


def _entry_row(
    index: int,
    item: ScheduledEntry,
    origin: date,
    today: date,
    ghost: Ghost | None,
    validity: ValidityLayout | None,
) -> EntryRow:
    bar = logged = None
    if item.study_start is not None and item.study_end is not None:
        start = (item.study_start - origin).days
        bar = DaySpan(start, (item.study_end - origin).days + 1)
        if item.entry.sessions and today >= item.study_start:
            history_end = today + timedelta(days=1)
            if item.planned_from is not None:
                history_end = min(history_end, item.planned_from)
            logged = DaySpan(start, (history_end - origin).days)
    day = marker_day(item)
    marker = None
    if day is not None:
        passed = item.entry.status is EntryStatus.PASSED
        marker = Marker(
            (day - origin).days,
            MarkerKind.PASSED if passed else MarkerKind.EXAM,
            pinned=not passed and item.entry.pinned_exam_date is not None,
        )
    return EntryRow(index, item, bar, logged, marker, ghost, validity)


def _validity(validity: Validity, origin: date, today: date, finish: date | None) -> ValidityLayout:
    ticks = []
    previous = validity.first_expiry
    for renewal in validity.renewals:
        ticks.append(RenewalTick((renewal.on - origin).days, (previous - origin).days, renewal))
        previous = renewal.expires_on
    return ValidityLayout(
        validity,
        (validity.earned_on - origin).days,
        (validity.expires_on - origin).days,
        validity.expires_on < today,
        tuple(ticks),
        finish is not None and validity.expires_on <= finish + EXPIRY_REACH,
    )


def lay_out_timeline(
    plan: StudyPlan,
    schedule: Schedule | None,
    validities: Sequence[Validity],
    today: date,
    *,
    show_baseline: bool = True,
) -> TimelineLayout:
    """Lay the plan's timeline out in days from the plan's facts: its ``schedule`` (None when
    it cannot be scheduled: the axis, blackouts and today still show), the ``validities`` of
    what it holds and earns, and ``today``. ``show_baseline`` adds the baseline's ghosts."""
    if schedule is None:
        validities = ()
    origin, first, last, show_today = _axis_range(plan, schedule, validities, today, show_baseline)
    entries = schedule.entries if schedule is not None else ()
    days = [d for item in entries if (d := marker_day(item)) is not None]
    finish = max(days, default=None)

    bands = {v.entry_id: _validity(v, origin, today, finish) for v in validities if v.entry_id}
    ghosts = _ghosts(plan, entries, origin) if show_baseline else [None] * len(entries)
    rows = tuple(
        _entry_row(index, item, origin, today, ghosts[index], bands.get(item.entry.id))
        for index, item in enumerate(entries)
    )
    held = tuple(
        HeldRow(index, _validity(validity, origin, today, finish))
        for index, validity in enumerate(v for v in validities if v.entry_id is None)
    )

    row_of = {row.entry_id: row.index for row in rows}
    held_of = {row.certification_id: row.index for row in held}
    links = []
    for validity in validities:
        if validity.entry_id is not None:
            band_row, is_held = row_of.get(validity.entry_id), False
        else:
            band_row, is_held = held_of.get(validity.certification_id), True
        if band_row is None:
            continue
        for renewal in validity.renewals:
            renewing = row_of.get(renewal.entry_id)
            if renewing is None or renewal.entry_id == validity.entry_id:
                continue
            links.append(
                LinkLayout(
                    (renewal.on - origin).days, renewing, band_row, is_held, validity, renewal
                )
            )
    blackouts = tuple(
        BlackoutSpan(DaySpan((b.start - origin).days, (b.end - origin).days + 1), b)
        for b in sorted(plan.availability.blackouts, key=lambda b: b.start)
    )
    return TimelineLayout(
        origin,
        (first - origin).days,
        (last - origin).days,
        (today - origin).days,
        show_today,
        (finish - origin).days if finish is not None else None,
        held,
        rows,
        tuple(links),
        blackouts,
    )


def print_range(layout: TimelineLayout, plan_start: date) -> tuple[date, date]:
    """The whole months a printed chart spans: from the plan's start to its last study day or
    exam, reaching back to exams passed within ``PASSED_LOOKBACK`` of that; at least three
    months. Paper has no scrolling, so it leaves out what the screen reaches by scrolling."""
    days = [layout.day_of(plan_start)]
    passed = []
    for row in layout.rows:
        if row.passed:
            if row.item.exam_date is not None:
                passed.append(layout.day_of(row.item.exam_date))
            continue
        if row.bar is not None:
            days += [row.bar.start, row.bar.end - 1]
        if row.marker is not None:
            days.append(row.marker.day)
    recent = min(days) - PASSED_LOOKBACK.days
    days += [day for day in passed if recent <= day <= max(days)]
    start = first_of_month(layout.date_of(min(days)))
    end = next_month(layout.date_of(max(days)))
    if (end.year * 12 + end.month) - (start.year * 12 + start.month) < 3:
        end = add_months(start, 3)
    return start, end


@dataclass(frozen=True)
class AxisPeriod:
    """A month or a year on the axis: its days ``start`` up to ``end`` from the origin (the
    first one cut to begin at the axis's first day), and the calendar day it begins on."""

    start: int
    end: int
    begins: date


_MONTHS_SO_FAR: dict[tuple[date, date], list[AxisPeriod]] = {}
"""The months worked out so far for each axis (origin, first day): an edit moves an axis's
end by days or weeks, and a long plan's axis has hundreds of months to work out again."""


def month_periods(origin: date, first: date, last: date) -> list[AxisPeriod]:
    """The months with a day in ``first``..``last``, in days from ``origin``."""
    count = months_between(first, last) + 1
    if count <= 0:
        return []
    known = _MONTHS_SO_FAR.get((origin, first))
    if known is None:
        if len(_MONTHS_SO_FAR) > 32:
            _MONTHS_SO_FAR.clear()
        known = _MONTHS_SO_FAR[(origin, first)] = []
    for months in range(len(known), count):  # as ``month_starts`` lists them
        month = add_months(first, months)
        start = (max(month, first) - origin).days
        known.append(AxisPeriod(start, (next_month(month) - origin).days, month))
    return known[:count]


def year_periods(origin: date, first: date, last: date) -> list[AxisPeriod]:
    """The years with a day in ``first``..``last``, in days from ``origin``."""
    periods = []
    for year in range(first.year, last.year + 1):
        begins = date(year, 1, 1)
        start = (max(begins, first) - origin).days
        periods.append(AxisPeriod(start, (date(year + 1, 1, 1) - origin).days, begins))
    return periods


def monday_days(origin: date, last: date) -> list[int]:
    """Every Monday from ``origin`` to ``last``, in days from ``origin`` (the axis's weeks)."""
    first = (7 - origin.weekday()) % 7
    return list(range(first, (last - origin).days + 1, 7))


def timeline_of(analysis: PlanAnalysis, *, show_baseline: bool = True) -> TimelineLayout:
    """The timeline of an analysed plan: what the screen draws and the printed chart prints
    (the paper leaves the baseline's ghosts out)."""
    return lay_out_timeline(
        analysis.plan,
        analysis.schedule,
        analysis.validities,
        analysis.today,
        show_baseline=show_baseline,
    )
