"""Shared fixtures for the storage tests."""

from __future__ import annotations

from datetime import date

from studyplanner.domain.plan import (
    Baseline,
    Blackout,
    Direction,
    EntryStatus,
    LearnerProfile,
    PlanEntry,
    PracticeScore,
    Role,
    StudyPlan,
    StudySession,
    WeeklyAvailability,
)


def full_plan(name: str = "Cloud path ☁") -> StudyPlan:
    """A plan that uses every field, so a round trip really covers the format."""
    return StudyPlan(
        name=name,
        start_date=date(2026, 3, 2),
        profile=LearnerProfile(
            role=Role.DATA,
            experience_years=1.5,
            direction=Direction.ML,
            focus_areas=["data lake", "SageMaker"],
        ),
        availability=WeeklyAvailability(
            hours_per_weekday=[1, 0.5, 1, 0, 1.25, 4, 3.5],
            blackouts=[Blackout(start=date(2026, 8, 1), end=date(2026, 8, 14), label="Summer")],
        ),
        entries=[
            PlanEntry(
                certification_id="cloud-practitioner",
                status=EntryStatus.PASSED,
                passed_on=date(2025, 11, 20),
            ),
            PlanEntry(
                id="f" * 32,
                certification_id="data-engineer-associate",
                status=EntryStatus.STUDYING,
                sessions=[
                    StudySession(on=date(2026, 3, 2), hours=20, note="Glue workshop"),
                    StudySession(on=date(2026, 3, 7), hours=2.5),
                ],
                scores=[
                    PracticeScore(on=date(2026, 3, 8), percent=64.5, source="official set"),
                ],
                hours_override=90,
                notes="Glue and Kinesis first.\nThen Redshift — «important».",
            ),
            PlanEntry(
                certification_id="machine-learning-engineer-associate",
                pinned_exam_date=date(2026, 12, 15),
            ),
        ],
        readiness_target=85,
        baseline=Baseline(
            taken_on=date(2026, 3, 2),
            exam_dates={"f" * 32: date(2026, 7, 20)},
            finish=date(2026, 12, 15),
        ),
    )
