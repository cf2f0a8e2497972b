"""Plans to print: a small one that uses every kind of row, and a 60-entry one."""

from __future__ import annotations

from datetime import date

from studyplanner.domain.analysis import PlanAnalysis, analyse_schedule
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    Blackout,
    Direction,
    EntryStatus,
    HeldCertification,
    LearnerProfile,
    PlanEntry,
    Role,
    StudyPlan,
    StudySession,
    WeeklyAvailability,
)
from studyplanner.domain.schedule import Schedule

HOSTILE_NOTE = '<b>bold</b> <img src="file:///etc/passwd"> &amp; done'
HOSTILE_NAME = "Dana's <i>plan</i> & <img src=x.png> &lt;"


def small_plan() -> StudyPlan:
    """Six exams: one passed, one being studied, one with a pinned date, notes and a blackout."""
    return StudyPlan(
        name="Dana's path to Solutions Architect Professional",
        start_date=date(2026, 11, 2),
        profile=LearnerProfile(
            role=Role.DEVELOPER,
            experience_years=2,
            direction=Direction.ARCHITECTURE,
            focus_areas=["serverless", "SAP"],
        ),
        availability=WeeklyAvailability(
            hours_per_weekday=[1, 1, 1, 1, 0.5, 3, 3],
            blackouts=[Blackout(start=date(2026, 12, 21), end=date(2027, 1, 3), label="Holidays")],
        ),
        entries=[
            PlanEntry(
                certification_id="cloud-practitioner",
                status=EntryStatus.PASSED,
                passed_on=date(2026, 9, 14),
                notes="Passed first try.",
            ),
            PlanEntry(certification_id="solutions-architect-associate"),
            PlanEntry(
                certification_id="developer-associate",
                status=EntryStatus.STUDYING,
                sessions=[StudySession(on=date(2026, 11, 2), hours=20)],
                notes=HOSTILE_NOTE,
            ),
            PlanEntry(certification_id="solutions-architect-professional"),
            PlanEntry(certification_id="security-specialty", pinned_exam_date=date(2027, 3, 1)),
            PlanEntry(certification_id="devops-engineer-professional"),
        ],
    )


def sixty_plan(catalog: Catalog) -> StudyPlan:
    """Sixty entries cycling through the whole catalog, some with notes, at 20 h a week."""
    ids = [c.id for c in catalog]
    return StudyPlan(
        name="Sixty exams",
        start_date=date(2026, 11, 2),
        availability=WeeklyAvailability.spread(20),
        entries=[
            PlanEntry(
                certification_id=ids[i % len(ids)],
                notes=f"Note {i}: " + "book the exam early " * (i % 7) if i % 5 == 0 else "",
            )
            for i in range(60)
        ],
    )


CLOUD_PRACTITIONER_EARNED = date(2024, 1, 10)
"""Held since then: valid until 10 Jan 2027 unless an exam in the plan renews it first."""


def renewal_plan(*, associate_on: date = date(2027, 1, 6)) -> StudyPlan:
    """Cloud Practitioner held since 10 Jan 2024, then two Associate exams in 2027: the first
    (pinned to ``associate_on``) renews Cloud Practitioner when it comes before 10 Jan 2027,
    and its pass earns the voucher the second one uses."""
    return StudyPlan(
        name="Renewing Cloud Practitioner on the way to Associate",
        start_date=date(2026, 9, 7),
        profile=LearnerProfile(role=Role.DEVELOPER, experience_years=2),
        availability=WeeklyAvailability.spread(10),
        held=[
            HeldCertification(
                certification_id="cloud-practitioner", earned_on=CLOUD_PRACTITIONER_EARNED
            )
        ],
        entries=[
            PlanEntry(
                id="a" * 32,
                certification_id="solutions-architect-associate",
                pinned_exam_date=associate_on,
            ),
            PlanEntry(id="b" * 32, certification_id="developer-associate"),
        ],
    )


def analysed(schedule: Schedule, catalog: Catalog, today: date | None = None) -> PlanAnalysis:
    """What the report and the calendar are made from: ``schedule`` analysed as of ``today``
    (by default the day it was planned from, else the plan's start date)."""
    return analyse_schedule(schedule, catalog, today or schedule.today or schedule.plan.start_date)
