"""The scheduler on worked examples: study windows, blackouts, pins, passed and logged hours."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from pydantic import ValidationError

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.experience import years_after
from studyplanner.domain.plan import (
    EARLIEST_DATE,
    LATEST_DATE,
    Blackout,
    EntryStatus,
)
from studyplanner.domain.schedule import ScheduleError, hours_between, schedule_plan
from tests.domain.plans import MONDAY, entry, plan

TEN_A_DAY = [10.0] * 7


def day(n: int) -> date:
    """The n-th day of the plan (0 = the start Monday)."""
    return MONDAY + timedelta(days=n)


def test_hours_are_consumed_day_by_day_and_the_exam_follows(catalog: Catalog) -> None:
    schedule = schedule_plan(
        plan(
            entry("developer-associate", hours=25),
            entry("cloud-practitioner", hours=10),
            week=TEN_A_DAY,
        ),
        catalog,
    )
    first, second = schedule.entries
    assert (first.study_start, first.study_end, first.exam_date) == (day(0), day(2), day(3))
    # The next exam's study starts the day after the previous exam.
    assert (second.study_start, second.study_end, second.exam_date) == (day(4), day(4), day(5))
    assert schedule.total_hours == 35
    assert schedule.finish_date == day(5)


def test_weekdays_without_hours_are_skipped(catalog: Catalog) -> None:
    weekends_only = [0, 0, 0, 0, 0, 4, 4]
    item = schedule_plan(
        plan(entry("cloud-practitioner", hours=10), week=weekends_only), catalog
    ).entries[0]
    # Sat 10th + Sun 11th = 8 h, Sat 17th gives the last 2.
    assert item.study_end == date(2026, 1, 17)
    assert item.exam_date == date(2026, 1, 18)


def test_blackout_days_give_no_hours(catalog: Catalog) -> None:
    holiday = Blackout(start=day(1), end=day(2), label="Holiday")
    item = schedule_plan(
        plan(entry("developer-associate", hours=25), week=TEN_A_DAY, blackouts=[holiday]),
        catalog,
    ).entries[0]
    assert (item.study_start, item.study_end, item.exam_date) == (day(0), day(4), day(5))


def test_estimate_uses_the_learners_experience(catalog: Catalog) -> None:
    newcomer = schedule_plan(plan(entry("devops-engineer-professional"), years=0), catalog)
    veteran = schedule_plan(plan(entry("devops-engineer-professional"), years=4), catalog)
    assert newcomer.entries[0].hours == 300  # 200 x 1.5
    assert veteran.entries[0].hours == 160  # 200 x (1 - 0.10 x 2)
    assert newcomer.entries[0].exam_date > veteran.entries[0].exam_date  # type: ignore[operator]


def test_experience_grows_with_the_plan_so_later_exams_cost_fewer_hours(
    catalog: Catalog,
) -> None:
    """A novice's third exam is priced for the learner they are by its study start."""
    dop = "devops-engineer-professional"
    first = schedule_plan(plan(entry(dop), years=0), catalog).entries[0]
    assert first.aws_years == 0 and first.hours == 300
    # the same exam after a year of other study: the learner has about a year on AWS by then
    after_a_year = schedule_plan(
        plan(entry("cloud-practitioner", hours=520), entry(dop), years=0), catalog
    ).entries[1]
    assert after_a_year.study_start is not None
    assert after_a_year.aws_years == pytest.approx(years_after(MONDAY, after_a_year.study_start))
    assert 0.95 < after_a_year.aws_years < 1.1
    assert after_a_year.hours == round(200 * (1 + 0.25 * (2 - after_a_year.aws_years)))
    assert after_a_year.hours < first.hours


def test_zero_availability_is_an_error_not_a_hang(catalog: Catalog) -> None:
    with pytest.raises(ScheduleError, match="zero hours"):
        schedule_plan(plan(entry("cloud-practitioner"), week=[0.0] * 7), catalog)


def test_blackouts_covering_every_study_day_are_an_error(catalog: Catalog) -> None:
    forever = Blackout(start=MONDAY, end=date(2099, 12, 31))
    with pytest.raises(ScheduleError, match="cannot finish"):
        schedule_plan(plan(entry("cloud-practitioner"), blackouts=[forever]), catalog)


def test_a_plan_with_only_passed_exams_needs_no_hours(catalog: Catalog) -> None:
    done = entry("cloud-practitioner", status=EntryStatus.PASSED, passed_on=date(2025, 3, 1))
    schedule = schedule_plan(plan(done, week=[0.0] * 7), catalog)
    assert schedule.entries[0].exam_date == date(2025, 3, 1)
    assert schedule.remaining_hours == 0


def test_a_reachable_pinned_date_is_kept(catalog: Catalog) -> None:
    pinned = day(30)
    schedule = schedule_plan(
        plan(
            entry("cloud-practitioner", hours=10, pinned=pinned),
            entry("developer-associate", hours=10),
            week=TEN_A_DAY,
        ),
        catalog,
    )
    first, second = schedule.entries
    assert first.exam_date == pinned
    assert first.reachable_exam_date == day(1)
    assert not first.pinned_unreachable
    assert second.study_start == pinned + timedelta(days=1)


def test_an_unreachable_pinned_date_is_flagged_and_the_earliest_date_used(
    catalog: Catalog,
) -> None:
    item = schedule_plan(
        plan(entry("developer-associate", hours=100, pinned=day(3)), week=TEN_A_DAY), catalog
    ).entries[0]
    assert item.pinned_unreachable
    assert item.exam_date == day(10) == item.reachable_exam_date


def test_a_pin_on_exactly_the_earliest_day_is_reachable(catalog: Catalog) -> None:
    item = schedule_plan(
        plan(entry("developer-associate", hours=30, pinned=day(3)), week=TEN_A_DAY), catalog
    ).entries[0]
    assert not item.pinned_unreachable
    assert item.exam_date == day(3)


def test_passed_entries_need_no_study_and_do_not_move_the_others(catalog: Catalog) -> None:
    done = entry("cloud-practitioner", status=EntryStatus.PASSED, passed_on=date(2025, 6, 1))
    with_passed = schedule_plan(
        plan(done, entry("developer-associate", hours=20), week=TEN_A_DAY), catalog
    )
    without = schedule_plan(plan(entry("developer-associate", hours=20), week=TEN_A_DAY), catalog)
    passed, next_up = with_passed.entries
    assert passed.study_start is None and passed.study_end is None
    assert passed.remaining_hours == 0
    assert passed.exam_date == date(2025, 6, 1)
    assert next_up.exam_date == without.entries[0].exam_date
    assert with_passed.total_fees_usd == next_up.certification.exam.fee_usd


def test_logged_hours_reduce_what_is_left(catalog: Catalog) -> None:
    item = schedule_plan(
        plan(entry("developer-associate", hours=30, logged=12), week=TEN_A_DAY), catalog
    ).entries[0]
    assert item.hours == 30
    assert item.remaining_hours == 18
    assert (item.study_start, item.study_end, item.exam_date) == (day(0), day(1), day(2))


def test_all_hours_logged_means_ready_for_the_exam(catalog: Catalog) -> None:
    schedule = schedule_plan(
        plan(
            entry("cloud-practitioner", hours=20, logged=25, status=EntryStatus.STUDYING),
            entry("developer-associate", hours=10),
            week=TEN_A_DAY,
        ),
        catalog,
    )
    ready, following = schedule.entries
    assert ready.remaining_hours == 0
    assert ready.study_start is None and ready.study_end is None
    assert ready.exam_date == day(0)
    assert following.study_start == day(1)


def test_an_unknown_certification_is_a_key_error(catalog: Catalog) -> None:
    with pytest.raises(KeyError):
        schedule_plan(plan(entry("quantum-associate")), catalog)


def test_a_long_plan_ends_where_the_hours_say(catalog: Catalog) -> None:
    """The week-skipping shortcut must agree with counting day by day."""
    week = [0.5, 0.0, 1.25, 0.0, 2.0, 3.0, 0.25]
    holidays = [Blackout(start=date(2026, 7, 1), end=date(2026, 7, 20))]
    schedule = schedule_plan(
        plan(entry("solutions-architect-professional", hours=300), week=week, blackouts=holidays),
        catalog,
    )
    item = schedule.entries[0]
    assert item.study_start is not None and item.study_end is not None
    availability = schedule.plan.availability
    assert hours_between(availability, item.study_start, item.study_end) >= 300
    assert hours_between(availability, item.study_start, item.study_end - timedelta(days=1)) < 300


@pytest.mark.parametrize(
    "build",
    [
        lambda: plan(entry("cloud-practitioner"), start=date(9999, 12, 20)),
        lambda: plan(entry("cloud-practitioner", pinned=date.max)),
        lambda: plan(entry("cloud-practitioner"), start=date(1, 1, 1)),
        lambda: Blackout(start=date(2026, 1, 1), end=date(9999, 12, 31)),
    ],
    ids=["start-near-the-end-of-the-calendar", "pinned-on-the-last-day", "year-one", "blackout"],
)
def test_dates_outside_the_supported_range_are_refused(build: Callable[[], object]) -> None:
    """1900-2199 is far beyond any exam and keeps every computed date inside the calendar."""
    with pytest.raises(ValidationError):
        build()


def test_a_plan_may_start_in_the_distant_past(catalog: Catalog) -> None:
    item = schedule_plan(
        plan(entry("cloud-practitioner", hours=10), start=EARLIEST_DATE, week=TEN_A_DAY), catalog
    ).entries[0]
    assert item.exam_date == date(1900, 1, 2)


def test_the_latest_start_still_schedules_past_the_last_plan_date(catalog: Catalog) -> None:
    item = schedule_plan(
        plan(entry("cloud-practitioner", hours=5000), start=LATEST_DATE, week=[0.25] * 7),
        catalog,
    ).entries[0]
    assert item.exam_date is not None and item.exam_date > LATEST_DATE
