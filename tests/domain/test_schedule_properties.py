"""Properties the scheduler must keep for any plan, checked with hypothesis.

Hours are drawn in quarter hours so sums are exact in binary floating point and the
"covers exactly" property can be checked without a tolerance.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    EARLIEST_DATE,
    LATEST_DATE,
    Blackout,
    EntryStatus,
    HeldCertification,
    LearnerProfile,
    PlanEntry,
    StudyPlan,
    StudySession,
    WeeklyAvailability,
)
from studyplanner.domain.schedule import Schedule, ScheduleError, hours_between, schedule_plan
from studyplanner.storage.catalog_source import bundled_catalog

CATALOG: Catalog = bundled_catalog()
CERT_IDS = [c.id for c in CATALOG]
PROPERTY_SETTINGS = settings(max_examples=60, deadline=None)

quarter_hours = st.integers(min_value=0, max_value=16).map(lambda q: q / 4)
weeks = st.lists(quarter_hours, min_size=7, max_size=7).filter(lambda w: sum(w) >= 2)
starts = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def blackouts(draw: st.DrawFn, start: date) -> Blackout:
    first = start + timedelta(days=draw(st.integers(min_value=-30, max_value=500)))
    length = draw(st.integers(min_value=0, max_value=40))
    return Blackout(start=first, end=first + timedelta(days=length))


@st.composite
def study_sessions(draw: st.DrawFn, start: date) -> StudySession:
    """A session of up to 24 h, up to a year and a half after the plan's start."""
    return StudySession(
        on=start + timedelta(days=draw(st.integers(min_value=0, max_value=540))),
        hours=draw(st.integers(min_value=1, max_value=4 * 24).map(lambda q: q / 4)),
    )


@st.composite
def plan_entries(draw: st.DrawFn, start: date, allow_passed: bool) -> PlanEntry:
    statuses = list(EntryStatus) if allow_passed else [EntryStatus.PLANNED, EntryStatus.STUDYING]
    status = draw(st.sampled_from(statuses))
    passed_on = None
    if status is EntryStatus.PASSED:
        passed_on = start - timedelta(days=draw(st.integers(min_value=0, max_value=900)))
    pinned = draw(
        st.none() | st.integers(min_value=0, max_value=900).map(lambda d: start + timedelta(d))
    )
    return PlanEntry(
        certification_id=draw(st.sampled_from(CERT_IDS)),
        hours_override=draw(
            st.none() | st.integers(min_value=1, max_value=4 * 300).map(lambda q: q / 4)
        ),
        sessions=draw(st.lists(study_sessions(start), max_size=4)),
        pinned_exam_date=pinned,
        status=status,
        passed_on=passed_on,
    )


@st.composite
def plans(draw: st.DrawFn, allow_passed: bool = False) -> StudyPlan:
    start = draw(starts)
    return StudyPlan(
        name="Property plan",
        start_date=start,
        profile=LearnerProfile(experience_years=draw(st.sampled_from([0, 0.5, 1, 2, 3, 8]))),
        availability=WeeklyAvailability(
            hours_per_weekday=draw(weeks),
            blackouts=draw(st.lists(blackouts(start), max_size=3)),
        ),
        entries=draw(st.lists(plan_entries(start, allow_passed), min_size=1, max_size=4)),
    )


def exam_dates(schedule: Schedule) -> list[date]:
    dates = [item.exam_date for item in schedule.entries]
    assert all(d is not None for d in dates)
    return [d for d in dates if d is not None]


def with_availability(plan: StudyPlan, availability: WeeklyAvailability) -> StudyPlan:
    return plan.model_copy(update={"availability": availability})


@PROPERTY_SETTINGS
@given(plans())
def test_exam_dates_never_go_backwards_along_the_plan(plan: StudyPlan) -> None:
    schedule = schedule_plan(plan, CATALOG)
    dates = exam_dates(schedule)
    assert dates == sorted(dates)
    assert all(d >= plan.start_date for d in dates)
    previous_exam: date | None = None
    for item in schedule.entries:
        if item.planned_from is not None and previous_exam is not None:
            assert item.planned_from > previous_exam, "study overlaps the previous exam"
        previous_exam = item.exam_date


def seasoned(plan: StudyPlan) -> StudyPlan:
    """The plan of someone whose estimates no longer shrink with experience (20 years on AWS).

    For a newer learner, experience grows while they study, and an exam whose study starts a
    day later, after an anniversary, is priced with one more year (fewer hours): a blackout can
    then move a later exam *earlier*, by design. The monotone properties below hold where the
    experience factor is constant.
    """
    profile = plan.profile.model_copy(update={"experience_years": 20})
    return plan.model_copy(update={"profile": profile})


@PROPERTY_SETTINGS
@given(plans(), st.lists(quarter_hours, min_size=7, max_size=7))
def test_more_weekly_hours_never_make_a_date_later(plan: StudyPlan, extra: list[float]) -> None:
    plan = seasoned(plan)
    before = exam_dates(schedule_plan(plan, CATALOG))
    more = [
        min(24.0, h + e) for h, e in zip(plan.availability.hours_per_weekday, extra, strict=True)
    ]
    richer = with_availability(
        plan, plan.availability.model_copy(update={"hours_per_weekday": more})
    )
    after = exam_dates(schedule_plan(richer, CATALOG))
    assert all(a <= b for a, b in zip(after, before, strict=True))


@PROPERTY_SETTINGS
@given(st.data(), plans())
def test_adding_a_blackout_never_makes_a_date_earlier(data: st.DataObject, plan: StudyPlan) -> None:
    plan = seasoned(plan)
    before = exam_dates(schedule_plan(plan, CATALOG))
    extra = data.draw(blackouts(plan.start_date))
    darker = with_availability(
        plan,
        plan.availability.model_copy(update={"blackouts": [*plan.availability.blackouts, extra]}),
    )
    after = exam_dates(schedule_plan(darker, CATALOG))
    assert all(a >= b for a, b in zip(after, before, strict=True))


@PROPERTY_SETTINGS
@given(plans(allow_passed=True))
def test_each_study_window_holds_exactly_the_remaining_hours(plan: StudyPlan) -> None:
    schedule = schedule_plan(plan, CATALOG)
    availability = plan.availability
    for item in schedule.entries:
        expected = (
            0.0
            if item.entry.status is EntryStatus.PASSED
            else max(0.0, item.hours - item.entry.hours_logged)
        )
        assert item.remaining_hours == expected
        if item.remaining_hours == 0:
            assert item.study_start is None and item.study_end is None
            continue
        assert item.study_start is not None and item.study_end is not None
        assert item.planned_from is not None and item.study_start <= item.planned_from
        last_day_before = item.study_end - timedelta(days=1)
        start = item.planned_from
        assert hours_between(availability, start, item.study_end) >= item.remaining_hours
        assert hours_between(availability, start, last_day_before) < item.remaining_hours
        # The window ends on a day that gives hours, and the exam is the day after.
        assert availability.hours_on(item.study_end) > 0
        assert item.reachable_exam_date == item.study_end + timedelta(days=1)


@PROPERTY_SETTINGS
@given(plans(allow_passed=True))
def test_passed_entries_do_not_move_the_others(plan: StudyPlan) -> None:
    open_entries = [e for e in plan.entries if e.status is not EntryStatus.PASSED]
    full = schedule_plan(plan, CATALOG)
    if not open_entries:
        assert all(item.study_start is None for item in full.entries)
        return
    # A passed exam still counts as ground covered (the credit an Associate gets after a
    # Foundational): held, it gives the same credit without being an entry of the plan.
    passed_as_held = [
        HeldCertification(
            certification_id=e.certification_id, earned_on=e.passed_on or plan.start_date
        )
        for e in plan.entries
        if e.status is EntryStatus.PASSED
    ]
    reduced = schedule_plan(
        plan.model_copy(update={"entries": open_entries, "held": [*plan.held, *passed_as_held]}),
        CATALOG,
    )
    kept = [item for item in full.entries if item.entry.status is not EntryStatus.PASSED]
    assert [i.exam_date for i in kept] == [i.exam_date for i in reduced.entries]
    assert [i.study_start for i in kept] == [i.study_start for i in reduced.entries]


@PROPERTY_SETTINGS
@given(plans())
def test_pins_are_kept_exactly_when_reachable(plan: StudyPlan) -> None:
    for item in schedule_plan(plan, CATALOG).entries:
        pinned = item.entry.pinned_exam_date
        assert item.reachable_exam_date is not None
        if pinned is None:
            assert item.exam_date == item.reachable_exam_date
            assert not item.pinned_unreachable
        elif pinned >= item.reachable_exam_date:
            assert item.exam_date == pinned and not item.pinned_unreachable
        else:
            assert item.exam_date == item.reachable_exam_date and item.pinned_unreachable


@st.composite
def plans_anywhere_in_the_calendar(draw: st.DrawFn) -> StudyPlan:
    """Plans whose dates may sit at either end of the calendar."""
    any_day = st.dates(min_value=EARLIEST_DATE, max_value=LATEST_DATE) | st.dates(
        min_value=date(2199, 1, 1), max_value=LATEST_DATE
    )  # the end is where it could break
    start = draw(any_day)
    entries = [
        PlanEntry(
            certification_id=draw(st.sampled_from(CERT_IDS)),
            pinned_exam_date=draw(st.none() | any_day),
            hours_override=draw(st.none() | st.integers(min_value=1, max_value=5000)),
        )
        for _ in range(draw(st.integers(min_value=1, max_value=3)))
    ]
    return StudyPlan(
        start_date=start,
        availability=WeeklyAvailability(hours_per_weekday=draw(weeks)),
        entries=entries,
    )


@PROPERTY_SETTINGS
@given(plans_anywhere_in_the_calendar())
def test_any_valid_plan_schedules_or_raises_schedule_error(plan: StudyPlan) -> None:
    try:
        schedule = schedule_plan(plan, CATALOG)
    except ScheduleError:
        return  # more than the 60-year horizon
    dates = exam_dates(schedule)
    assert dates == sorted(dates)


# --- re-planning from today ---------------------------------------------------------------

days_from_start = st.integers(min_value=-60, max_value=900).map(lambda d: timedelta(days=d))


@PROPERTY_SETTINGS
@given(st.data(), plans(allow_passed=True), days_from_start)
def test_logging_more_never_makes_a_date_later(
    data: st.DataObject, plan: StudyPlan, offset: timedelta
) -> None:
    plan = seasoned(plan)
    today = plan.start_date + offset
    index = data.draw(st.integers(min_value=0, max_value=len(plan.entries) - 1))
    extra = data.draw(study_sessions(plan.start_date))
    more = plan.model_copy(deep=True)
    more.entries[index].sessions.append(extra)
    before = schedule_plan(plan, CATALOG, today)
    after = schedule_plan(more, CATALOG, today)
    for was, now in zip(before.entries, after.entries, strict=True):
        assert now.exam_date is not None and was.exam_date is not None
        assert now.exam_date <= was.exam_date
        assert now.remaining_hours <= was.remaining_hours
        if now.study_end is not None and was.study_end is not None:
            assert now.study_end <= was.study_end


@PROPERTY_SETTINGS
@given(plans(allow_passed=True), st.integers(min_value=0, max_value=3000))
def test_a_today_on_or_before_the_start_changes_nothing(plan: StudyPlan, days: int) -> None:
    today = max(EARLIEST_DATE, plan.start_date - timedelta(days=days))
    assert schedule_plan(plan, CATALOG, today).entries == schedule_plan(plan, CATALOG).entries


@PROPERTY_SETTINGS
@given(plans(allow_passed=True), days_from_start)
def test_nothing_unfinished_is_planned_before_today(plan: StudyPlan, offset: timedelta) -> None:
    today = plan.start_date + offset
    schedule = schedule_plan(plan, CATALOG, today)
    for item in schedule.entries:
        if item.entry.status is EntryStatus.PASSED:
            continue
        assert item.exam_date is not None and item.exam_date >= today
        if item.planned_from is not None:
            assert item.planned_from >= max(today, plan.start_date)
            first = item.entry.first_session_on
            assert item.study_start == min(item.planned_from, first or item.planned_from)


@PROPERTY_SETTINGS
@given(plans(), days_from_start, st.integers(min_value=0, max_value=400))
def test_days_passing_without_study_never_bring_an_exam_earlier(
    plan: StudyPlan, offset: timedelta, wait: int
) -> None:
    plan = seasoned(plan)
    today = plan.start_date + offset
    sooner = schedule_plan(plan, CATALOG, today)
    later = schedule_plan(plan, CATALOG, today + timedelta(days=wait))
    assert all(a >= b for a, b in zip(exam_dates(later), exam_dates(sooner), strict=True))
