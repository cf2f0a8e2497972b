"""Plans for the progress tests: one started months before a pinned "today", with study logged."""

from __future__ import annotations

from datetime import date, timedelta

from studyplanner.domain.plan import (
    EntryStatus,
    LearnerProfile,
    PlanEntry,
    Role,
    StudyPlan,
    StudySession,
    WeeklyAvailability,
)

TODAY = date(2026, 11, 29)
STARTED = date(2026, 9, 7)


def sessions_every_other_day(first: date, last: date, hours: float) -> list[StudySession]:
    day, found = first, []
    while day <= last:
        found.append(StudySession(on=day, hours=hours))
        day += timedelta(days=2)
    return found


def months_old_plan(*, logged: bool = True) -> StudyPlan:
    """Started in September with 8 hours a week; the first exam studied since then (an hour
    every other day: behind the plan), the other two not begun."""
    first = PlanEntry(
        certification_id="developer-associate",
        status=EntryStatus.STUDYING if logged else EntryStatus.PLANNED,
        sessions=sessions_every_other_day(STARTED, TODAY - timedelta(days=1), 1.0)
        if logged
        else [],
    )
    return StudyPlan(
        name="Road to DevOps Pro",
        start_date=STARTED,
        profile=LearnerProfile(role=Role.DEVELOPER, experience_years=2),
        availability=WeeklyAvailability.spread(8),
        entries=[
            first,
            PlanEntry(certification_id="solutions-architect-associate"),
            PlanEntry(certification_id="devops-engineer-professional"),
        ],
    )
