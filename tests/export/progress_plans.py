"""A plan under way, for the progress outputs: a baseline taken when it was made, a study log
for the exam being studied, practice scores, and a finish that has slipped since."""

from __future__ import annotations

from datetime import date, timedelta

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    EntryStatus,
    LearnerProfile,
    PlanEntry,
    PracticeScore,
    Role,
    StudyPlan,
    StudySession,
    WeeklyAvailability,
)
from studyplanner.domain.progress import baseline_of
from studyplanner.domain.schedule import schedule_plan

STARTED = date(2026, 9, 7)
"""The plan's start and the day its baseline was taken (a Monday)."""
TODAY = date(2026, 11, 30)
"""The day the outputs are made: twelve weeks in (a Monday)."""


def under_way_plan(catalog: Catalog) -> StudyPlan:
    """Cloud Practitioner passed; Developer – Associate studied since the start, but on fewer
    days than planned (about 1 h on three days a week instead of 8 h a week); two more exams
    after it. The baseline is the plan as made on its first day, with nothing logged."""
    plan = StudyPlan(
        name="Dana's progress",
        start_date=STARTED,
        profile=LearnerProfile(role=Role.DEVELOPER, experience_years=2),
        availability=WeeklyAvailability.spread(8),
        entries=[
            PlanEntry(
                id="1" * 32,
                certification_id="cloud-practitioner",
                status=EntryStatus.PASSED,
                passed_on=date(2026, 8, 28),
            ),
            PlanEntry(id="2" * 32, certification_id="developer-associate", hours_override=110),
            PlanEntry(
                id="3" * 32, certification_id="solutions-architect-associate", hours_override=90
            ),
            PlanEntry(
                id="4" * 32, certification_id="devops-engineer-professional", hours_override=160
            ),
        ],
    )
    plan.baseline = baseline_of(schedule_plan(plan, catalog, today=STARTED), STARTED)
    sessions = []
    day = STARTED
    while day < TODAY:
        if day.weekday() in (1, 3):  # Tuesday and Thursday evenings
            sessions.append(StudySession(on=day, hours=1.5, note="course videos"))
        elif day.weekday() == 5 and day.day % 2:  # every other Saturday or so
            sessions.append(StudySession(on=day, hours=3, note="labs"))
        day += timedelta(days=1)
    developer = plan.entries[1]
    developer.status = EntryStatus.STUDYING
    developer.sessions = sessions
    developer.scores = [
        PracticeScore(on=date(2026, 11, 14), percent=71, source="official practice set"),
        PracticeScore(on=date(2026, 11, 28), percent=78, source="Tutorials Dojo"),
    ]
    return plan
