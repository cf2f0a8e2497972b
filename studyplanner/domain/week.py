"""One week of study, day by day: which exam, which domain, how many hours (issue 24's
"what do I study on Tuesday").

The week runs Monday to Sunday. Days before the analysis's "today" are history: they show
the study log (lump sums from before the log was kept left out, as they are not a day's
study). From today on they show the plan: each exam's remaining hours laid out from where
the schedule plans them (its ``planned_from``), day by day at the weekly availability (none
on blackout days), exactly as the schedule consumes them, so the days an exam is studied
here are the days its bar covers. Within an exam's study the hours come in the order of its
``DomainSplit`` (``domains.blocks``): the study blocks weakest first, then the review block.
A day can hold the end of one block and the start of the next; the last day of an exam may
be part of a day. So while an exam is being studied, a planned day's hours add up to that
day's availability.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from studyplanner.domain.analysis import PlanAnalysis
from studyplanner.domain.domains import DomainSplit, blocks
from studyplanner.domain.plan import EntryStatus, WeeklyAvailability
from studyplanner.domain.schedule import ScheduledEntry, _BlackoutIndex

ONE_DAY = timedelta(days=1)
EPSILON = 1e-9


class WeekItemKind(StrEnum):
    STUDY = "study"
    """Planned: a domain's study block (or an exam without domains)."""
    REVIEW = "review"
    """Planned: the review block at the end of an exam's study."""
    LOGGED = "logged"
    """A past day: a session from the study log."""


@dataclass(frozen=True)
class WeekItem:
    """Hours for one exam (and domain) on one day."""

    day: date
    entry_id: str
    code: str
    """The exam code, 'SAA-C03'."""
    domain: int | None
    """The domain's number in the exam guide; None for a whole-exam session or an exam the
    catalog lists no domains for."""
    domain_name: str | None
    hours: float
    kind: WeekItemKind


@dataclass(frozen=True)
class WeekExam:
    """An exam planned for a day of the week."""

    day: date
    entry_id: str
    code: str


@dataclass(frozen=True)
class Week:
    """A week of study, Monday to Sunday: what to study each day, and the exams in it."""

    start: date
    """The Monday."""
    items: tuple[WeekItem, ...]
    """In day order; within a day in study order."""
    exams: tuple[WeekExam, ...]

    @property
    def end(self) -> date:
        """The Sunday."""
        return self.start + timedelta(days=6)

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(self.start + timedelta(days=n) for n in range(7))

    def items_on(self, day: date) -> tuple[WeekItem, ...]:
        return tuple(item for item in self.items if item.day == day)

    def hours_on(self, day: date) -> float:
        return sum(item.hours for item in self.items if item.day == day)

    @property
    def hours(self) -> float:
        return sum(item.hours for item in self.items)

    @property
    def review_days(self) -> tuple[date, ...]:
        """Days with review planned."""
        return tuple(sorted({item.day for item in self.items if item.kind is WeekItemKind.REVIEW}))


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def week_of(analysis: PlanAnalysis, day: date) -> Week:
    """The week (Monday to Sunday) that holds ``day``: the study log before the analysis's
    today, the plan from today on. Empty plan days for a plan without a schedule."""
    start = week_start(day)
    end = start + timedelta(days=6)
    today = analysis.today
    catalog = analysis.catalog
    items: list[WeekItem] = []
    for entry in analysis.plan.entries:
        cert = catalog.get(entry.certification_id)
        names = {d.number: d.name for d in cert.domains}
        for session in entry.sessions:
            if start <= session.on <= end and session.on < today and not session.is_lump_sum:
                known = session.domain if session.domain in names else None
                items.append(
                    WeekItem(
                        session.on,
                        entry.id,
                        cert.code,
                        known,
                        names.get(known) if known is not None else None,
                        session.hours,
                        WeekItemKind.LOGGED,
                    )
                )
    exams: list[WeekExam] = []
    schedule = analysis.schedule
    if schedule is not None:
        first = max(start, today)
        for row in schedule.entries:
            if row.entry.status is EntryStatus.PASSED:
                continue
            if row.exam_date is not None and start <= row.exam_date <= end:
                exams.append(WeekExam(row.exam_date, row.entry.id, row.certification.code))
            begin, finish = row.planned_from, row.study_end
            if begin is None or finish is None or finish < first or begin > end:
                continue  # not studied this week (its split is not worked out for nothing)
            split = analysis.split_of(row)
            window = (begin, finish)
            items.extend(_planned(row, split, analysis.plan.availability, window, first, end))
    items.sort(key=lambda item: item.day)  # stable: a day keeps its order of study
    return Week(start, tuple(items), tuple(exams))


def _planned(
    row: ScheduledEntry,
    split: DomainSplit,
    availability: WeeklyAvailability,
    window: tuple[date, date],
    first: date,
    last: date,
) -> Iterator[WeekItem]:
    """The entry's planned study between ``first`` and ``last``, laid out over its
    ``window`` (where the schedule plans its remaining hours, to its last study day)."""
    begin, end = window
    names = {share.number: share.name for share in split.shares}
    queue = list(blocks(split))
    blocked = _BlackoutIndex(availability.blackouts)
    per_weekday = availability.hours_per_weekday
    index = 0
    left = queue[0][2] if queue else 0.0
    day = begin
    while index < len(queue) and day <= min(end, last):
        room = 0.0 if blocked.overlaps(day, day) else per_weekday[day.weekday()]
        while room > EPSILON and index < len(queue):
            number, review, _hours = queue[index]
            taken = min(room, left)
            if day >= first:
                yield WeekItem(
                    day,
                    row.entry.id,
                    row.certification.code,
                    number,
                    names.get(number) if number is not None else None,
                    taken,
                    WeekItemKind.REVIEW if review else WeekItemKind.STUDY,
                )
            room -= taken
            left -= taken
            if left <= EPSILON:
                index += 1
                left = queue[index][2] if index < len(queue) else 0.0
        day += ONE_DAY


def entry_days(analysis: PlanAnalysis, entry_id: str) -> tuple[WeekItem, ...]:
    """One exam's planned study day by day from the analysis's today to its last study day,
    as the week view lays it out: the calendar's study blocks by domain read it. Empty for a
    passed exam, one without study ahead, or a plan without a schedule."""
    schedule = analysis.schedule
    row = next((r for r in schedule.entries if r.entry.id == entry_id), None) if schedule else None
    if row is None or row.entry.status is EntryStatus.PASSED:
        return ()
    begin, finish = row.planned_from, row.study_end
    if begin is None or finish is None or finish < analysis.today:
        return ()
    split = analysis.split_of(row)
    window = (begin, finish)
    availability = analysis.plan.availability
    return tuple(_planned(row, split, availability, window, analysis.today, finish))
