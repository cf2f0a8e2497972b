"""Shared fixtures for widget tests: the bundled catalog and a realistic plan."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from studyplanner.domain.plan import (
    Blackout,
    Direction,
    LearnerProfile,
    PlanEntry,
    Role,
    StudyPlan,
    WeeklyAvailability,
)
from studyplanner.ui.widgets.wheel_guard import guard_wheel


@pytest.fixture(autouse=True, scope="session")
def wheel_guarded(qapp: QApplication) -> None:
    """The app installs its wheel guard once its window has painted (``ui/app.py``); the
    tests have it from the start."""
    guard_wheel(qapp)


def sunday_evening_plan() -> StudyPlan:
    """Developer – Associate first, then Solutions Architect, 8 hours a week."""
    return StudyPlan(
        name="Road to DevOps Pro",
        start_date=date(2026, 12, 7),
        profile=LearnerProfile(role=Role.DEVELOPER, experience_years=2, direction=Direction.DEVOPS),
        availability=WeeklyAvailability.spread(
            8, [Blackout(start=date(2026, 12, 24), end=date(2027, 1, 1), label="Holidays")]
        ),
        entries=[
            PlanEntry(certification_id="developer-associate"),
            PlanEntry(certification_id="solutions-architect-associate"),
            PlanEntry(certification_id="devops-engineer-professional"),
        ],
    )


@pytest.fixture
def realistic_plan() -> StudyPlan:
    return sunday_evening_plan()
