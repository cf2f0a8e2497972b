"""Small builders for plans in tests, so each test shows only the numbers it is about."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from studyplanner.bundled import bundled_path
from studyplanner.domain.advice import Advice
from studyplanner.domain.analysis import analyse_schedule
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    Blackout,
    EntryStatus,
    LearnerProfile,
    PlanEntry,
    StudyPlan,
    StudySession,
    WeeklyAvailability,
)
from studyplanner.domain.schedule import Schedule

MONDAY = date(2026, 1, 5)


def catalog_document() -> dict[str, Any]:
    """A fresh, editable copy of the bundled catalog JSON."""
    document: dict[str, Any] = json.loads(
        bundled_path("catalog", "certifications.json").read_text(encoding="utf-8")
    )
    return document


def entry(
    cert_id: str,
    *,
    hours: float | None = None,
    pinned: date | None = None,
    status: EntryStatus = EntryStatus.PLANNED,
    passed_on: date | None = None,
    logged: float = 0.0,
    logged_on: date = MONDAY,
) -> PlanEntry:
    """An entry; ``logged`` hours become study sessions of up to a day's 24 h on
    ``logged_on``."""
    return PlanEntry(
        certification_id=cert_id,
        hours_override=hours,
        pinned_exam_date=pinned,
        status=status,
        passed_on=passed_on,
        sessions=sessions(logged, logged_on),
    )


def sessions(hours: float, on: date = MONDAY) -> list[StudySession]:
    """``hours`` of study logged on ``on``, in sessions of at most 24 h."""
    found = []
    while hours > 0:
        found.append(StudySession(on=on, hours=min(hours, 24.0)))
        hours -= min(hours, 24.0)
    return found


def plan(
    *entries: PlanEntry,
    start: date = MONDAY,
    week: Sequence[float] | None = None,
    blackouts: list[Blackout] | None = None,
    years: float = 1.0,
) -> StudyPlan:
    """A plan starting on a Monday with 10 h a week unless told otherwise."""
    return StudyPlan(
        name="Test plan",
        start_date=start,
        profile=LearnerProfile(experience_years=years),
        availability=WeeklyAvailability(
            hours_per_weekday=list(week) if week is not None else [1, 1, 1, 1, 1, 2.5, 2.5],
            blackouts=blackouts or [],
        ),
        entries=list(entries),
    )


def advice_of(schedule: Schedule, catalog: Catalog, today: date) -> list[Advice]:
    """The advice the analysis gives for ``schedule`` on ``today`` (``advise`` fed with the
    pace and the validities ``analyse`` works out once)."""
    return list(analyse_schedule(schedule, catalog, today).advice)
