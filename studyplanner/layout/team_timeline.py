"""The team timeline laid out once, in days (issue 25): one row per person, a diamond on each
planned exam's day (marked when it is at risk), a tick where each certification expires,
each target's day, and the months and years on the axis.

Counted in whole days from ``TeamTimelineLayout.origin`` (day 0) and in row indices, in the
same units as ``layout.timeline``: the screen turns days into pixels at its zoom, the printed
team report into points across the page, and both read this one layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from studyplanner.domain.months import first_of_month, next_month
from studyplanner.domain.team import PlannedExam, Risk, TeamRollUp
from studyplanner.layout.timeline import AxisPeriod, month_periods, year_periods

__all__ = [
    "TEAM_AFTER",
    "TEAM_HORIZON",
    "TeamExamMark",
    "TeamExpiryTick",
    "TeamRow",
    "TeamTargetMark",
    "TeamTimelineLayout",
    "lay_out_team_timeline",
]

TEAM_HORIZON = timedelta(days=3 * 365)
"""How far past today the team timeline reaches at most: a manager plans a few years out."""
TEAM_AFTER = timedelta(days=31)
"""Room after the last mark, so a diamond at the end is not cut in half."""


@dataclass(frozen=True)
class TeamExamMark:
    """A planned exam: a diamond on its day."""

    day: int
    exam_date: date
    certification_id: str
    entry_id: str
    risks: tuple[Risk, ...]
    """Empty when the exam counts as safe; drawn hollow (or marked) when at risk."""


@dataclass(frozen=True)
class TeamExpiryTick:
    """The day a certification lapses unless renewed: a tick on the row."""

    day: int
    expires_on: date
    certification_id: str
    renewal_planned: bool
    """The plan renews it later (the tick shows the expiry without that renewal)."""


@dataclass(frozen=True)
class TeamRow:
    """One person's row, in the roll-up's order."""

    index: int
    source: str
    label: str
    """The person's name (the file's name for a plan without an owner)."""
    exams: tuple[TeamExamMark, ...]
    expiries: tuple[TeamExpiryTick, ...]


@dataclass(frozen=True)
class TeamTargetMark:
    """A target's day: a vertical line across every row."""

    day: int
    index: int
    """The target's position in ``team.json``."""


@dataclass(frozen=True)
class TeamTimelineLayout:
    """The team timeline laid out once, in days from ``origin``: a row per person, the
    targets, and the axis's months and years."""

    origin: date
    """Day 0: the first of today's month."""
    last: int
    """The last day shown."""
    today: int
    rows: tuple[TeamRow, ...]
    targets: tuple[TeamTargetMark, ...]
    months: tuple[AxisPeriod, ...]
    years: tuple[AxisPeriod, ...]

    def day_of(self, day: date) -> int:
        return (day - self.origin).days

    def date_of(self, day: int) -> date:
        return self.origin + timedelta(days=day)


def _exam_mark(exam: PlannedExam, origin: date) -> TeamExamMark | None:
    if exam.exam_date is None:
        return None
    return TeamExamMark(
        day=(exam.exam_date - origin).days,
        exam_date=exam.exam_date,
        certification_id=exam.certification_id,
        entry_id=exam.entry_id,
        risks=exam.risks,
    )


def lay_out_team_timeline(roll_up: TeamRollUp) -> TeamTimelineLayout:
    """Lay the team out from today's month to the last exam, expiry or target (at most
    ``TEAM_HORIZON`` after today; later marks are left out)."""
    today = roll_up.today
    origin = first_of_month(today)
    horizon = today + TEAM_HORIZON
    latest = today
    rows = []
    for index, person in enumerate(roll_up.people):
        exams = tuple(
            mark
            for exam in person.planned
            if (mark := _exam_mark(exam, origin)) is not None
            and exam.exam_date is not None
            and today <= exam.exam_date <= horizon
        )
        ticks = tuple(
            TeamExpiryTick(
                day=(held.expires_on - origin).days,
                expires_on=held.expires_on,
                certification_id=held.certification_id,
                renewal_planned=held.renewed_until > held.expires_on,
            )
            for held in person.held
            if today <= held.expires_on <= horizon
        )
        for mark in exams:
            latest = max(latest, mark.exam_date)
        for tick in ticks:
            latest = max(latest, tick.expires_on)
        rows.append(TeamRow(index, person.source, person.name, exams, ticks))
    targets = []
    for index, forecast in enumerate(roll_up.targets):
        day = forecast.target.by
        if today <= day <= horizon:
            latest = max(latest, day)
            targets.append(TeamTargetMark((day - origin).days, index))
    end = next_month(min(latest + TEAM_AFTER, horizon + TEAM_AFTER)) - timedelta(days=1)
    return TeamTimelineLayout(
        origin=origin,
        last=(end - origin).days,
        today=(today - origin).days,
        rows=tuple(rows),
        targets=tuple(targets),
        months=tuple(month_periods(origin, origin, end)),
        years=tuple(year_periods(origin, origin, end)),
    )
