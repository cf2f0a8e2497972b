"""Following the plan: readiness, pace, baseline and finish shift, burn-up, study days and
retakes, on hand-worked examples.

The test plans start on Monday 5 January 2026 and give 10 h a week: 1 h Monday to Friday,
2.5 h on Saturday and Sunday.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    EntryStatus,
    PlanEntry,
    PracticeScore,
    StudyPlan,
    StudySession,
)
from studyplanner.domain.progress import (
    Pace,
    PaceReference,
    PlanPace,
    Readiness,
    baseline_of,
    burn_up,
    finish_shift_days,
    plan_pace,
    plan_retake,
    readiness,
    study_days,
)
from studyplanner.domain.schedule import schedule_plan
from tests.domain.plans import MONDAY, entry, plan


def day(n: int) -> date:
    """The n-th day of the plan (0 = Monday 5 January 2026)."""
    return MONDAY + timedelta(days=n)


def scored(*scores: tuple[date, float]) -> PlanEntry:
    return PlanEntry(
        certification_id="developer-associate",
        scores=[PracticeScore(on=on, percent=percent) for on, percent in scores],
    )


def logged(cert_id: str, *sessions: tuple[date, float], hours: float | None = None) -> PlanEntry:
    return PlanEntry(
        certification_id=cert_id,
        hours_override=hours,
        sessions=[StudySession(on=on, hours=h) for on, h in sessions],
    )


# --- readiness ----------------------------------------------------------------------------


def test_readiness_is_unknown_without_scores_and_needs_two_recent_ones() -> None:
    assert readiness(scored(), 80) is Readiness.UNKNOWN
    assert readiness(scored((day(1), 95)), 80) is Readiness.NOT_READY  # one good score
    assert readiness(scored((day(1), 70), (day(8), 85), (day(9), 82)), 80) is Readiness.READY
    assert readiness(scored((day(1), 80), (day(2), 80)), 80) is Readiness.READY  # reaching it
    assert readiness(scored((day(1), 90), (day(2), 79.5)), 80) is Readiness.NOT_READY
    assert readiness(scored((day(1), 90), (day(2), 79.5)), 75) is Readiness.READY


def test_readiness_goes_by_the_dates_of_the_scores_not_the_order_they_were_entered() -> None:
    entered_late = scored((day(20), 85), (day(23), 70), (day(10), 90))
    # By date: 90 (day 10), 85 (day 20), 70 (day 23): the last two are 85 and 70.
    assert readiness(entered_late, 80) is Readiness.NOT_READY
    assert readiness(scored((day(23), 88), (day(10), 40), (day(20), 81)), 80) is Readiness.READY


# --- pace -----------------------------------------------------------------------------------
# Pace is measured against the plan the learner made: the baseline when there is one, else the
# plan laid out from its start date and never re-planned. The dates shown still re-plan.


def pace_of(study_plan: StudyPlan, catalog: Catalog, today: date) -> PlanPace:
    found = plan_pace(schedule_plan(study_plan, catalog, today), today)
    assert found is not None
    return found


def test_pace_compares_the_plan_from_its_start_with_the_hours_logged(catalog: Catalog) -> None:
    began = plan(logged("developer-associate", (day(0), 1), (day(1), 1), hours=30))
    today = day(7)
    found = pace_of(began, catalog, today)
    # Laid out from Mon 5 Jan, the week to Sun 11 Jan gave 10 h; 2 h are logged.
    assert found.reference is PaceReference.PLAN_START and found.reference_date == MONDAY
    assert found.entries == (Pace(entry_id=began.entries[0].id, planned_by_today=10, logged=2),)
    assert found.behind_hours == 8
    assert found.entries[0].behind_weeks(10) == pytest.approx(0.8)


def test_today_is_not_over_so_its_hours_are_not_expected_yet_but_count_when_logged(
    catalog: Catalog,
) -> None:
    busy = plan(logged("developer-associate", (day(0), 6), (day(7), 6), hours=30))
    found = pace_of(busy, catalog, day(7))
    assert (found.planned_by_today, found.logged, found.behind_hours) == (10, 12, -2)  # ahead


def test_pace_expects_no_more_than_the_exam_needs(catalog: Catalog) -> None:
    small = plan(logged("cloud-practitioner", (day(0), 1), hours=5))
    found = pace_of(small, catalog, day(28))  # four weeks gave 40 h, but the exam needs 5
    assert (found.planned_by_today, found.behind_hours) == (5, 4)


def test_months_without_study_add_up_instead_of_being_re_planned_away(catalog: Catalog) -> None:
    # Issue 19's learner: a plan made on Mon 1 Jun 2026 at 8 h a week (1 h on weekdays, 1.5 h
    # at the weekend), DVA -> SAA -> DOP at 110, 120 and 200 h, nothing logged, opened on
    # Sun 29 Nov 2026.
    june = plan(
        entry("developer-associate", hours=110),
        entry("solutions-architect-associate", hours=120),
        entry("devops-engineer-professional", hours=200),
        start=date(2026, 6, 1),
        week=[1, 1, 1, 1, 1, 1.5, 1.5],
    )
    today = date(2026, 11, 29)
    found = pace_of(june, catalog, today)
    # Laid out from Mon 1 Jun: DVA's 110 h take 13 weeks (104 h, to Sun 30 Aug) and Mon 31 Aug
    # to Sat 5 Sep (5 + 1.5 h): exam on Sun 6 Sep. SAA studies from Mon 7 Sep; before today
    # (to Sat 28 Nov) that is 83 days, 11 weeks (88 h) and Mon 23 to Sat 28 Nov (6.5 h):
    # 94.5 h. DOP was not to begin before today.
    dva, saa, dop = found.entries
    assert (dva.planned_by_today, saa.planned_by_today, dop.planned_by_today) == (110, 94.5, 0)
    assert found.behind_hours == 204.5
    # The dates shown re-plan from today: DVA now starts today.
    assert schedule_plan(june, catalog, today).entries[0].study_start == today
    # Logging 20 h takes exactly 20 h off.
    june.entries[0].sessions.append(StudySession(on=date(2026, 11, 28), hours=20))
    assert pace_of(june, catalog, today).behind_hours == pytest.approx(found.behind_hours - 20)


def test_a_baseline_is_the_reference_when_the_plan_has_one(catalog: Catalog) -> None:
    twenty = plan(entry("developer-associate", hours=20), entry("cloud-practitioner", hours=10))
    # Baseline on Mon 5 Jan: DVA's 20 h from Mon 5 to Sun 18 Jan, exam Mon 19 Jan; CLF's
    # 10 h from Tue 20 Jan (Tue 20 to Mon 26 Jan gives 1+1+1+2.5+2.5+1 = 9, Tue 27 the 10th).
    twenty.baseline = baseline_of(schedule_plan(twenty, catalog, MONDAY), MONDAY)
    twenty.entries[0].sessions = [StudySession(on=day(2), hours=3)]
    today = day(17)  # Thu 22 Jan: before it, DVA's 20 h and CLF's Tue 20 + Wed 21 = 2 h
    found = pace_of(twenty, catalog, today)
    assert found.reference is PaceReference.BASELINE and found.reference_date == MONDAY
    assert [(p.planned_by_today, p.logged) for p in found.entries] == [(20, 3), (2, 0)]
    assert found.behind_hours == 19


def test_hours_logged_before_the_baseline_count_as_planned(catalog: Catalog) -> None:
    late = plan(logged("developer-associate", (day(0), 4), hours=24))
    # Baseline taken on Mon 12 Jan with 4 h logged: 20 h remain from that day.
    late.baseline = baseline_of(schedule_plan(late, catalog, day(7)), day(7))
    found = pace_of(late, catalog, day(14))  # Mon 12 to Sun 18 Jan gave 10 h
    assert (found.planned_by_today, found.logged, found.behind_hours) == (14, 4, 10)


def test_passed_exams_leave_pace_and_exams_added_since_the_baseline_were_not_planned(
    catalog: Catalog,
) -> None:
    mixed = plan(entry("cloud-practitioner", hours=10), entry("developer-associate", hours=20))
    mixed.baseline = baseline_of(schedule_plan(mixed, catalog, MONDAY), MONDAY)
    mixed.entries[0].status = EntryStatus.PASSED
    mixed.entries[0].passed_on = day(6)
    mixed.entries.append(
        entry("solutions-architect-associate", hours=30, logged=5, logged_on=day(9))
    )
    found = pace_of(mixed, catalog, day(10))  # Thu 15 Jan
    # CLF is passed and leaves pace. In the baseline its 10 h ran to Sun 11 Jan (exam Mon 12),
    # and DVA's study began Tue 13 Jan: Tue 13 and Wed 14 put 2 h before today. SAA was not in
    # the baseline: nothing planned for it, 5 h logged, so 5 h ahead on it.
    assert [p.entry_id for p in found.entries] == [e.id for e in mixed.entries[1:]]
    assert [(p.planned_by_today, p.logged) for p in found.entries] == [(2, 0), (0, 5)]
    assert found.behind_hours == -3


def test_nothing_planned_before_today_is_not_started_and_all_passed_has_no_pace(
    catalog: Catalog,
) -> None:
    fresh = plan(entry("developer-associate", hours=20))
    assert not pace_of(fresh, catalog, MONDAY).started  # today is not over
    assert not pace_of(fresh, catalog, day(-3)).started  # starts Monday
    assert pace_of(fresh, catalog, day(1)).started
    done = plan(entry("developer-associate", status=EntryStatus.PASSED, passed_on=day(-1)))
    assert plan_pace(schedule_plan(done, catalog, day(0)), day(0)) is None


@settings(max_examples=60, deadline=None)
@given(
    extra=st.lists(
        st.tuples(st.integers(min_value=0, max_value=60), st.floats(min_value=0.25, max_value=8)),
        max_size=6,
    ),
    entry_index=st.integers(min_value=0, max_value=1),
    with_baseline=st.booleans(),
    today_offset=st.integers(min_value=-5, max_value=90),
)
def test_logging_more_never_increases_how_far_behind_the_plan_is(
    catalog: Catalog,
    extra: list[tuple[int, float]],
    entry_index: int,
    with_baseline: bool,
    today_offset: int,
) -> None:
    two = plan(entry("developer-associate", hours=40), entry("cloud-practitioner", hours=15))
    if with_baseline:
        two.baseline = baseline_of(schedule_plan(two, catalog, MONDAY), MONDAY)
    today = day(today_offset)
    before = pace_of(two, catalog, today).behind_hours
    for offset, hours in extra:
        two.entries[entry_index].sessions.append(StudySession(on=day(offset), hours=hours))
    after = pace_of(two, catalog, today).behind_hours
    assert after <= before + 1e-9
    counted = sum(h for offset, h in extra if day(offset) <= today)
    assert after == pytest.approx(before - counted)


# --- baseline and finish shift ----------------------------------------------------------------


def test_a_baseline_keeps_the_dates_and_the_finish_says_how_far_it_moved(
    catalog: Catalog,
) -> None:
    two = plan(entry("developer-associate", hours=30), entry("cloud-practitioner", hours=5))
    first, second = (e.id for e in two.entries)
    kept = baseline_of(schedule_plan(two, catalog, MONDAY), MONDAY)
    # 30 h: Mon 5 Jan to Sun 25 Jan, exam Mon 26 Jan; 5 h: Tue 27 Jan to Sat 31 Jan,
    # exam Sun 1 Feb.
    assert kept.taken_on == MONDAY
    assert kept.exam_dates == {first: date(2026, 1, 26), second: date(2026, 2, 1)}
    assert kept.finish == date(2026, 2, 1)
    assert kept.study_from == {first: MONDAY, second: date(2026, 1, 27)}
    assert kept.remaining_hours == {first: 30, second: 5}
    assert kept.logged_hours == 0

    two.baseline = kept
    assert finish_shift_days(schedule_plan(two, catalog, MONDAY)) == 0
    # Thirteen weeks later with nothing studied, the whole plan has moved thirteen weeks.
    later = schedule_plan(two, catalog, day(91))
    assert later.finish_date == date(2026, 5, 3)
    assert finish_shift_days(later) == 91
    # Study done moves the finish back: 20 h are two weeks at 10 h a week.
    two.entries[0].sessions.append(StudySession(on=day(20), hours=20))
    assert finish_shift_days(schedule_plan(two, catalog, day(91))) == 91 - 14


def test_a_baseline_leaves_out_dates_past_what_a_plan_can_hold(catalog: Catalog) -> None:
    last_month = plan(entry("developer-associate", hours=500), start=date(2199, 12, 1))
    kept = baseline_of(schedule_plan(last_month, catalog), date(2199, 12, 1))
    # 500 h at 10 h a week take most of 2200: past the last date a plan file holds.
    assert kept.exam_dates == {} and kept.finish is None
    assert kept.study_from == {last_month.entries[0].id: date(2199, 12, 1)}


def test_no_baseline_no_shift(catalog: Catalog) -> None:
    assert finish_shift_days(schedule_plan(plan(entry("developer-associate")), catalog)) is None


# --- burn-up and study days ------------------------------------------------------------------


def test_burn_up_draws_the_baseline_the_current_plan_and_the_log(catalog: Catalog) -> None:
    twenty = plan(entry("developer-associate", hours=20))
    # Baseline on Mon 5 Jan: 20 h in the two weeks to Sun 18 Jan, exam on Mon 19 Jan.
    twenty.baseline = baseline_of(schedule_plan(twenty, catalog, MONDAY), MONDAY)
    twenty.entries[0].sessions = [
        StudySession(on=day(0), hours=1),
        StudySession(on=day(1), hours=1),
    ]
    today = day(7)
    # Re-planned on Mon 12 Jan: 18 h left; the week to Sun 18 Jan gives 10, then Mon 19 to
    # Sun 25 Jan the last 8; exam on Mon 26 Jan.
    baseline, current, log = burn_up(schedule_plan(twenty, catalog, today), today)
    weeks = [date(2026, 1, 4), date(2026, 1, 11), date(2026, 1, 18), date(2026, 1, 25), day(27)]
    assert baseline == list(zip(weeks, [0, 10, 20, 20, 20], strict=True))
    assert current == list(zip(weeks, [0, 2, 12, 20, 20], strict=True))
    assert log[0] == (date(2026, 1, 4), 0)
    assert log[1:3] == [(day(0), 1), (day(1), 2)]
    assert log[-1] == (today, 2) and len(log) == 9  # 4 Jan to 12 Jan, day by day


def test_burn_up_without_a_baseline_has_no_baseline_line(catalog: Catalog) -> None:
    fresh = plan(entry("cloud-practitioner", hours=10))
    baseline, current, log = burn_up(schedule_plan(fresh, catalog), MONDAY)
    assert baseline == []
    assert current[-1][1] == 10 and log == [(day(-1), 0), (day(0), 0)]


def test_burn_up_re_plans_a_schedule_made_without_today(catalog: Catalog) -> None:
    late = plan(entry("cloud-practitioner", hours=10))
    from_start = burn_up(schedule_plan(late, catalog), day(14))
    from_today = burn_up(schedule_plan(late, catalog, day(14)), day(14))
    assert from_start == from_today
    # Nothing logged, so the current line stays at 0 until the study from today.
    assert [hours for _, hours in from_today[1]] == [0, 0, 0, 10, 10]


def test_study_days_add_up_every_exam_s_sessions_by_day() -> None:
    busy = StudyPlan(
        start_date=MONDAY,
        entries=[
            logged("developer-associate", (day(3), 1.5), (day(1), 2)),
            logged("cloud-practitioner", (day(3), 0.5), (day(9), 1)),
        ],
    )
    assert study_days(busy) == {day(1): 2, day(3): 2, day(9): 1}
    assert list(study_days(busy)) == [day(1), day(3), day(9)]


# --- retakes -------------------------------------------------------------------------------


def test_a_retake_is_pinned_fourteen_days_after_the_failed_attempt(catalog: Catalog) -> None:
    sat = plan(
        entry("developer-associate", hours=20, logged=20, pinned=day(30)),
        entry("cloud-practitioner", hours=5),
    )
    sat.entries[0].notes = "Book the test centre."
    sat.entries[0].paid_by_other = True
    retake = plan_retake(sat, sat.entries[0].id, day(30))
    again = retake.entries[0]
    assert again.pinned_exam_date == day(44)
    assert again.status is EntryStatus.PLANNED
    assert again.notes == (
        "Book the test centre.\nFailed the exam on 4 Feb 2026; retake on 18 Feb 2026 or later."
    )
    assert not again.paid_by_other, "the retake's fee is the plan's again"
    assert again.hours_logged == 20 and again.id == sat.entries[0].id
    assert sat.entries[0].pinned_exam_date == day(30), "the original plan is untouched"
    # Re-planned the day after the failure: the retake keeps its date, the next exam follows.
    first, second = schedule_plan(retake, catalog, day(31)).entries
    assert first.exam_date == day(44) and not first.pinned_unreachable
    assert second.study_start == day(45)


def test_only_an_unfinished_exam_has_a_retake() -> None:
    done = plan(entry("cloud-practitioner", status=EntryStatus.PASSED, passed_on=day(3)))
    with pytest.raises(ValueError, match="passed"):
        plan_retake(done, done.entries[0].id, day(3))
    with pytest.raises(KeyError):
        plan_retake(done, "0" * 32, day(3))
    last_days = plan(entry("cloud-practitioner"))
    with pytest.raises(ValueError, match="cannot be planned"):
        plan_retake(last_days, last_days.entries[0].id, date(2199, 12, 25))


def test_the_plans_pace_adds_its_exams_and_names_the_one_furthest_behind() -> None:
    """Worked by hand: DVA 30 h planned, 12 logged (18 behind); SAA 10 planned, 14 logged
    (4 ahead); DOP 20 planned, 2 logged (18 behind, as far as DVA: the first is named).
    Planned 60, logged 28, so 32 h behind."""
    pace = PlanPace(
        reference=PaceReference.PLAN_START,
        reference_date=date(2026, 6, 1),
        entries=(Pace("dva", 30, 12), Pace("saa", 10, 14), Pace("dop", 20, 2)),
    )
    assert (pace.planned_by_today, pace.logged, pace.behind_hours) == (60, 28, 32)
    assert pace.furthest_behind == "dva"
    nothing = PlanPace(PaceReference.PLAN_START, date(2026, 6, 1), entries=())
    assert nothing.furthest_behind is None
    assert not nothing.started
