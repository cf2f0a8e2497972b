"""This week's study, day by day (issue 24): the exam, the domain and the hours, from the
weekly availability and the schedule; the past days from the study log."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from studyplanner.domain.analysis import analyse
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    LOGGED_BEFORE_SESSIONS,
    Blackout,
    EntryStatus,
    PlanEntry,
    PracticeScore,
    StudyPlan,
    StudySession,
    WeeklyAvailability,
)
from studyplanner.domain.week import WeekItemKind, week_of, week_start

MONDAY = date(2026, 6, 1)
SAA = "solutions-architect-associate"
WEEKDAYS_2_WEEKEND_4 = [2, 2, 2, 2, 2, 4, 4]  # 18 h a week


def plan_of(*entries: PlanEntry, week: list[float] = WEEKDAYS_2_WEEKEND_4) -> StudyPlan:
    return StudyPlan(
        start_date=MONDAY,
        availability=WeeklyAvailability(hours_per_weekday=week),
        entries=list(entries),
    )


def test_the_week_starts_on_monday() -> None:
    assert week_start(date(2026, 6, 4)) == MONDAY
    assert week_start(MONDAY) == MONDAY
    assert week_start(date(2026, 6, 7)) == MONDAY


def test_a_week_of_study_adds_up_to_the_weeks_availability_in_the_guides_order(
    catalog: Catalog,
) -> None:
    plan = plan_of(PlanEntry(certification_id=SAA, hours_override=100))
    week = week_of(analyse(plan, catalog, MONDAY), date(2026, 6, 3))
    assert week.start == MONDAY and week.end == date(2026, 6, 7)
    assert week.hours == pytest.approx(18)
    assert [week.hours_on(day) for day in week.days] == pytest.approx(WEEKDAYS_2_WEEKEND_4)
    # Domain 1's study block is 27 h: the whole first week (18 h) goes to it.
    assert {(i.code, i.domain, i.kind) for i in week.items} == {("SAA-C03", 1, WeekItemKind.STUDY)}
    assert week.items[0].domain_name == "Design Secure Architectures"
    assert week.exams == () and week.review_days == ()


def test_a_day_can_end_one_domain_and_start_the_next(catalog: Catalog) -> None:
    plan = plan_of(PlanEntry(certification_id=SAA, hours_override=100))
    week = week_of(analyse(plan, catalog, MONDAY), MONDAY + timedelta(days=7))
    # Domain 1 needs 27 h: 18 in week 1, 9 more in week 2: Mon-Thu 8 h, then 1 h on Friday,
    # whose other hour begins domain 2.
    friday = week.items_on(date(2026, 6, 12))
    assert [(i.domain, round(i.hours, 9)) for i in friday] == [(1, 1.0), (2, 1.0)]
    assert week.hours == pytest.approx(18)


def test_the_last_days_are_review_and_the_exam_day_is_shown(catalog: Catalog) -> None:
    score = PracticeScore(on=MONDAY, percent=70, domains={3: 50})
    entry = PlanEntry(certification_id=SAA, hours_override=36, scores=[score])
    analysis = analyse(plan_of(entry), catalog, MONDAY)
    week = week_of(analysis, MONDAY + timedelta(days=7))
    # 36 h at 18 h a week: study ends on the second Sunday; the review is 3.6 h (2 h floor,
    # 10 % of 36 = 3.6), by weight 1.1/0.9/0.9/0.7 h, weakest first: domain 3, then 1, 2, 4.
    # Saturday's 4 h are study (28 + 4 = 32 of the 32.4 h); Sunday has 0.4 h more, then the
    # review.
    reviews = [i for i in week.items if i.kind is WeekItemKind.REVIEW]
    assert sum(i.hours for i in reviews) == pytest.approx(3.6)
    assert [i.domain for i in reviews] == [3, 1, 2, 4]
    assert week.review_days == (date(2026, 6, 14),)
    assert week.items_on(date(2026, 6, 14))[0].kind is WeekItemKind.STUDY
    assert week.hours == pytest.approx(18)
    following = week_of(analysis, MONDAY + timedelta(days=14))
    assert [(e.day, e.code) for e in following.exams] == [(date(2026, 6, 15), "SAA-C03")]
    assert following.items == ()


def test_the_past_days_show_the_log_and_today_on_the_plan(catalog: Catalog) -> None:
    entry = PlanEntry(
        certification_id=SAA,
        hours_override=100,
        sessions=[
            StudySession(on=MONDAY, hours=1.5, domain=2),
            StudySession(on=date(2026, 6, 2), hours=2),
            StudySession(on=MONDAY, hours=40, note=LOGGED_BEFORE_SESSIONS),
        ],
    )
    wednesday = date(2026, 6, 3)
    week = week_of(analyse(plan_of(entry), catalog, wednesday), wednesday)
    logged = [(i.day, i.domain, i.hours) for i in week.items if i.kind is WeekItemKind.LOGGED]
    assert logged == [(MONDAY, 2, 1.5), (date(2026, 6, 2), None, 2)], "no lump sum"
    planned = [i for i in week.items if i.kind is not WeekItemKind.LOGGED]
    assert {i.day for i in planned} == {wednesday + timedelta(days=n) for n in range(5)}
    assert sum(i.hours for i in planned) == pytest.approx(2 + 2 + 2 + 4 + 4)


def test_blackouts_and_passed_exams_and_exams_without_domains(catalog: Catalog) -> None:
    retired = next(c for c in catalog if not c.domains)
    plan = StudyPlan(
        start_date=MONDAY,
        availability=WeeklyAvailability(
            hours_per_weekday=WEEKDAYS_2_WEEKEND_4,
            blackouts=[Blackout(start=date(2026, 6, 2), end=date(2026, 6, 3))],
        ),
        entries=[
            PlanEntry(
                certification_id="cloud-practitioner",
                status=EntryStatus.PASSED,
                passed_on=date(2026, 6, 2),
            ),
            PlanEntry(certification_id=retired.id, hours_override=200),
        ],
    )
    week = week_of(analyse(plan, catalog, MONDAY), MONDAY)
    assert week.exams == (), "a passed exam is not planned"
    assert [week.hours_on(day) for day in week.days] == pytest.approx([2, 0, 0, 2, 2, 4, 4])
    assert {(i.code, i.domain) for i in week.items} == {(retired.code, None)}


def test_a_plan_that_cannot_be_scheduled_has_only_its_log(catalog: Catalog) -> None:
    entry = PlanEntry(certification_id=SAA, sessions=[StudySession(on=MONDAY, hours=1)])
    analysis = analyse(plan_of(entry, week=[0] * 7), catalog, date(2026, 6, 2))
    week = week_of(analysis, MONDAY)
    assert [(i.kind, i.hours) for i in week.items] == [(WeekItemKind.LOGGED, 1)]


def test_a_week_after_the_plan_is_empty(catalog: Catalog) -> None:
    plan = plan_of(PlanEntry(certification_id=SAA, hours_override=10))
    week = week_of(analyse(plan, catalog, MONDAY), date(2027, 1, 1))
    assert week.items == () and week.exams == ()
