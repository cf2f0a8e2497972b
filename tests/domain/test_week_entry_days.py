"""One exam's planned study day by day, for the calendar's blocks by domain (issue 24):
the days the week view shows, from today to the exam's last study day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from studyplanner.domain.analysis import analyse, analyse_schedule
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import EntryStatus, PlanEntry, StudyPlan, WeeklyAvailability
from studyplanner.domain.schedule import schedule_plan
from studyplanner.domain.week import WeekItemKind, entry_days, week_of

MONDAY = date(2027, 1, 4)


def plan() -> StudyPlan:
    """SAA-C03 at 100 h, 2 h every day from Monday 4 Jan 2027, and a passed exam."""
    return StudyPlan(
        name="Days",
        start_date=MONDAY,
        availability=WeeklyAvailability(hours_per_weekday=[2.0] * 7),
        entries=[
            PlanEntry(certification_id="solutions-architect-associate", hours_override=100),
            PlanEntry(certification_id="cloud-practitioner", status=EntryStatus.PASSED),
        ],
    )


def test_the_days_hold_all_the_hours_left_the_review_last(catalog: Catalog) -> None:
    """100 h at 2 h a day: 50 days, 4 Jan to 22 Feb; the last 10 h (5 days) are review."""
    studied = plan()
    analysis = analyse(studied, catalog, MONDAY)
    days = entry_days(analysis, studied.entries[0].id)
    assert days[0].day == MONDAY and days[-1].day == date(2027, 2, 22)
    assert sum(item.hours for item in days) == pytest.approx(100)
    review = [item for item in days if item.kind is WeekItemKind.REVIEW]
    assert sum(item.hours for item in review) == pytest.approx(10)
    assert review[0].day == date(2027, 2, 18)
    first_week = week_of(analysis, MONDAY).items
    assert first_week == tuple(item for item in days if item.day < MONDAY + timedelta(days=7))


def test_no_days_for_a_passed_or_unknown_exam_or_without_a_schedule(catalog: Catalog) -> None:
    studied = plan()
    analysis = analyse(studied, catalog, MONDAY)
    assert entry_days(analysis, studied.entries[1].id) == ()  # passed
    assert entry_days(analysis, "no such entry") == ()
    idle = plan()
    idle.availability = WeeklyAvailability(hours_per_weekday=[0] * 7)
    assert entry_days(analyse(idle, catalog, MONDAY), idle.entries[0].id) == ()


def test_no_days_once_the_study_window_is_over(catalog: Catalog) -> None:
    """The schedule as planned from the start, looked at after its last study day."""
    studied = plan()
    schedule = schedule_plan(studied, catalog, MONDAY)
    later = analyse_schedule(schedule, catalog, date(2027, 3, 1))
    assert entry_days(later, studied.entries[0].id) == ()
    halfway = analyse_schedule(schedule, catalog, date(2027, 2, 1))
    days = entry_days(halfway, studied.entries[0].id)
    assert days[0].day == date(2027, 2, 1) and days[-1].day == date(2027, 2, 22)
