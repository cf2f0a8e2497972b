"""The plan models refuse what cannot be true and spread weekly hours sensibly."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from studyplanner.domain.plan import (
    MAX_NAME,
    Baseline,
    Blackout,
    EntryStatus,
    PlanEntry,
    PracticeScore,
    StudyPlan,
    StudySession,
    WeeklyAvailability,
    clean_plan_name,
)


def test_a_blackout_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValidationError, match="end on or after"):
        Blackout(start=date(2026, 2, 10), end=date(2026, 2, 9))


def test_blackout_days_give_no_hours() -> None:
    week = WeeklyAvailability(
        hours_per_weekday=[2, 2, 2, 2, 2, 5, 5],
        blackouts=[Blackout(start=date(2026, 1, 6), end=date(2026, 1, 7))],
    )
    assert week.hours_on(date(2026, 1, 5)) == 2  # Monday
    assert week.hours_on(date(2026, 1, 6)) == 0  # blackout, inclusive start
    assert week.hours_on(date(2026, 1, 7)) == 0  # inclusive end
    assert week.hours_on(date(2026, 1, 10)) == 5  # Saturday


def test_passed_on_is_only_for_passed_entries() -> None:
    with pytest.raises(ValidationError, match="passed_on"):
        PlanEntry(certification_id="developer-associate", passed_on=date(2025, 5, 1))
    done = PlanEntry(
        certification_id="developer-associate",
        status=EntryStatus.PASSED,
        passed_on=date(2025, 5, 1),
    )
    assert done.passed_on == date(2025, 5, 1)


def test_entries_get_distinct_stable_ids() -> None:
    ids = {PlanEntry(certification_id="cloud-practitioner").id for _ in range(50)}
    assert len(ids) == 50


@pytest.mark.parametrize(
    "bad",
    [
        {"hours_override": 0},
        {"hours_logged": 4},  # no longer a number of its own: the study log adds up to it
        {"sessions": [{"on": "2026-01-05", "hours": 0}]},
        {"sessions": [{"on": "2026-01-05", "hours": 24.5}]},
        {"sessions": [{"on": "2026-01-05", "hours": 1, "note": "x" * 501}]},
        {"scores": [{"on": "2026-01-05", "percent": 101}]},
        {"scores": [{"on": "2026-01-05", "percent": -1}]},
        {"certification_id": ""},
        {"colour": "red"},
    ],
)
def test_impossible_entry_values_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        PlanEntry.model_validate({"certification_id": "cloud-practitioner", **bad})


def test_hours_per_day_must_fit_in_a_day() -> None:
    with pytest.raises(ValidationError):
        WeeklyAvailability(hours_per_weekday=[25, 0, 0, 0, 0, 0, 0])
    with pytest.raises(ValidationError):
        WeeklyAvailability(hours_per_weekday=[1, 1, 1])


DAY = date(2026, 1, 5)


def test_a_new_plan_is_on_the_current_format_and_starts_when_its_maker_says() -> None:
    assert StudyPlan(start_date=DAY).schema_version == 9
    with pytest.raises(ValidationError, match="start_date"):
        StudyPlan()  # type: ignore[call-arg]  # no hidden clock: the caller says when


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=1, max_value=4 * 160).map(lambda q: q / 4))
def test_spread_adds_up_to_the_weekly_total(weekly: float) -> None:
    week = WeeklyAvailability.spread(weekly)
    assert week.weekly_hours == pytest.approx(weekly)
    assert all(0 <= h <= 24 for h in week.hours_per_weekday)
    weekdays, weekend = week.hours_per_weekday[:5], week.hours_per_weekday[5:]
    if weekly <= 48:
        assert max(weekdays) <= min(weekend), "weekends carry at least as much as weekdays"


def test_duplicate_is_a_different_plan_with_the_same_exams() -> None:
    plan = StudyPlan(
        name="Before summer",
        start_date=DAY,
        entries=[
            PlanEntry(certification_id="developer-associate", notes="book it"),
            PlanEntry(certification_id="solutions-architect-associate"),
        ],
    )
    copy = plan.duplicate()
    assert copy.name == "Before summer (copy)"
    assert [e.certification_id for e in copy.entries] == [e.certification_id for e in plan.entries]
    assert copy.entries[0].notes == "book it"
    assert not {e.id for e in copy.entries} & {e.id for e in plan.entries}
    assert plan.name == "Before summer"  # the original is untouched
    assert len(StudyPlan(name="x" * MAX_NAME, start_date=DAY).duplicate().name) == MAX_NAME


def test_a_pasted_name_becomes_one_line_and_a_long_one_is_explained() -> None:
    assert clean_plan_name("  Road to\nDevOps\tPro  ") == "Road to DevOps Pro"
    with pytest.raises(ValueError, match="needs a name"):
        clean_plan_name(" \n ")
    with pytest.raises(ValueError, match="at most 200 characters"):
        clean_plan_name("x" * 201)


def test_a_retaken_certification_shows_its_furthest_status() -> None:
    plan = StudyPlan(
        start_date=DAY,
        entries=[
            PlanEntry(certification_id="developer-associate", status=EntryStatus.STUDYING),
            PlanEntry(
                certification_id="developer-associate",
                status=EntryStatus.PASSED,
                passed_on=date(2027, 3, 1),
            ),
            PlanEntry(certification_id="security-specialty"),
        ],
    )
    assert plan.status_by_certification() == {
        "developer-associate": EntryStatus.PASSED,
        "security-specialty": EntryStatus.PLANNED,
    }


def test_hours_logged_are_the_sum_of_the_study_log() -> None:
    studied = PlanEntry(
        certification_id="developer-associate",
        sessions=[
            StudySession(on=date(2026, 1, 9), hours=2.5),
            StudySession(on=date(2026, 1, 6), hours=1, note="VPC lab"),
        ],
    )
    assert studied.hours_logged == 3.5
    assert studied.first_session_on == date(2026, 1, 6)
    assert studied.hours_logged_until(date(2026, 1, 8)) == 1
    fresh = PlanEntry(certification_id="developer-associate")
    assert (fresh.hours_logged, fresh.first_session_on) == (0, None)


def test_a_plan_keeps_no_more_sessions_and_scores_than_its_file_can_hold() -> None:
    session = StudySession(on=DAY, hours=1)
    score = PracticeScore(on=DAY, percent=70)
    full = [PlanEntry(certification_id="cloud-practitioner", sessions=[session] * 2000)] * 2
    StudyPlan(start_date=DAY, entries=full)  # 4,000 sessions: fine
    with pytest.raises(ValidationError, match="at most 5000 study sessions"):
        StudyPlan(
            start_date=DAY,
            entries=[*full, full[0].model_copy(update={"sessions": [session] * 1001})],
        )
    scored = [PlanEntry(certification_id="cloud-practitioner", scores=[score] * 500)] * 4
    StudyPlan(start_date=DAY, entries=scored)  # 2,000 scores: fine
    with pytest.raises(ValidationError, match="at most 2000 practice scores"):
        StudyPlan(
            start_date=DAY, entries=[*scored, scored[0].model_copy(update={"scores": [score]})]
        )


def test_a_duplicate_keeps_the_baseline_for_its_new_entry_ids() -> None:
    first = PlanEntry(certification_id="developer-associate")
    second = PlanEntry(certification_id="solutions-architect-associate")
    plan = StudyPlan(
        start_date=DAY,
        entries=[first, second],
        baseline=Baseline(
            taken_on=DAY,
            exam_dates={first.id: date(2026, 3, 2), second.id: date(2026, 6, 1)},
            finish=date(2026, 6, 1),
            study_from={first.id: DAY, second.id: date(2026, 3, 3)},
            remaining_hours={first.id: 80, second.id: 90},
            logged_hours=4,
        ),
    )
    copy = plan.duplicate()
    new_first, new_second = (e.id for e in copy.entries)
    assert copy.baseline is not None
    assert copy.baseline.exam_dates == {new_first: date(2026, 3, 2), new_second: date(2026, 6, 1)}
    assert copy.baseline.study_from == {new_first: DAY, new_second: date(2026, 3, 3)}
    assert copy.baseline.remaining_hours == {new_first: 80, new_second: 90}
    assert (copy.baseline.finish, copy.baseline.logged_hours) == (date(2026, 6, 1), 4)
    assert plan.baseline is not None and first.id in plan.baseline.exam_dates


def test_a_baseline_names_entries_by_their_ids_only() -> None:
    with pytest.raises(ValidationError):
        Baseline(taken_on=DAY, exam_dates={"not an id": DAY})
