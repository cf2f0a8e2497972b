"""The timeline's layout in days, worked out by hand for small plans: what the screen and the
printed chart both draw (issue 22)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.lifecycle import lifecycle
from studyplanner.domain.months import month_starts, next_month
from studyplanner.domain.plan import (
    Baseline,
    Blackout,
    EntryStatus,
    PlanEntry,
    StudyPlan,
    StudySession,
    WeeklyAvailability,
)
from studyplanner.domain.schedule import schedule_plan
from studyplanner.layout.timeline import (
    AxisPeriod,
    DaySpan,
    Marker,
    MarkerKind,
    lay_out_timeline,
    monday_days,
    month_periods,
    print_range,
    year_periods,
)
from studyplanner.storage.catalog_source import bundled_catalog

SEVEN_A_DAY = WeeklyAvailability(hours_per_weekday=[7.0] * 7)
"""Seven hours every day: 14 h of study are two days, 70 h ten."""


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return bundled_catalog()


def two_exam_plan(**changes: object) -> StudyPlan:
    """Cloud Practitioner (14 h, one 7 h day logged on 2 March) then Developer (70 h), from
    Monday 2 March 2026."""
    plan = StudyPlan(
        name="Two exams",
        start_date=date(2026, 3, 2),
        availability=SEVEN_A_DAY,
        entries=[
            PlanEntry(
                certification_id="cloud-practitioner",
                hours_override=14,
                status=EntryStatus.STUDYING,
                sessions=[StudySession(on=date(2026, 3, 2), hours=7)],
            ),
            PlanEntry(certification_id="developer-associate", hours_override=70),
        ],
    )
    return plan.model_copy(update=changes)


def test_a_two_exam_plan_in_days(catalog: Catalog) -> None:
    plan = two_exam_plan()
    today = date(2026, 3, 3)
    schedule = schedule_plan(plan, catalog, today=today)
    layout = lay_out_timeline(plan, schedule, lifecycle(schedule, catalog), today)

    # Day 0 is the first of the month ten days before the start: 20 Feb -> 1 Feb 2026, so
    # 2 March (after February's 28 days) is day 29.
    assert layout.origin == date(2026, 2, 1)
    assert layout.day_of(date(2026, 3, 2)) == 29
    assert (layout.first, layout.today, layout.show_today) == (29, 30, True)
    first, second = layout.rows
    assert [row.index for row in layout.rows] == [0, 1]
    # 14 h at 7 h a day: studied 2 and 3 March (days 29, 30; the bar ends before day 31), the
    # log's one day is behind by today (3 March: the remaining 7 h are planned from today),
    # the exam the day after.
    assert first.bar == DaySpan(29, 31)
    assert first.logged == DaySpan(29, 30)
    assert first.marker == Marker(31, MarkerKind.EXAM)
    # 70 h: ten days from 5 March (day 32) to 14 March, the exam on 15 March (day 42).
    assert second.bar == DaySpan(32, 42) and second.bar.days == 10
    assert second.logged is None
    assert second.marker == Marker(42, MarkerKind.EXAM)
    assert layout.finish == 42 == layout.last
    # Both earn three years; Developer renews Cloud Practitioner on its exam day.
    assert first.validity is not None and second.validity is not None
    assert first.validity.earned == 31
    assert first.validity.expires == layout.day_of(date(2029, 3, 15))
    (tick,) = first.validity.renewals
    assert (tick.day, tick.replaced_expiry) == (42, layout.day_of(date(2029, 3, 4)))
    (link,) = layout.links
    assert (link.day, link.renewing_row, link.band_row, link.held) == (42, 1, 0, False)
    assert layout.held == () and layout.blackouts == ()


def test_the_axis_months_and_years_in_days() -> None:
    origin = date(2026, 2, 1)
    months = month_periods(origin, origin, date(2026, 4, 2))
    assert [(p.start, p.end, p.begins) for p in months] == [
        (0, 28, date(2026, 2, 1)),
        (28, 59, date(2026, 3, 1)),
        (59, 89, date(2026, 4, 1)),
    ]
    # A year cut at the axis's first day; 2027 begins 334 days after 1 Feb 2026.
    years = year_periods(origin, origin, date(2027, 1, 5))
    assert [(p.start, p.end) for p in years] == [(0, 334), (334, 699)]
    # 1 Feb 2026 is a Sunday: the first Monday is day 1.
    assert monday_days(origin, date(2026, 2, 20)) == [1, 8, 15]


def test_passed_entry_baseline_ghost_and_blackout(catalog: Catalog) -> None:
    plan = two_exam_plan(
        entries=[
            PlanEntry(
                certification_id="cloud-practitioner",
                status=EntryStatus.PASSED,
                passed_on=date(2026, 3, 4),
            ),
            PlanEntry(certification_id="developer-associate", hours_override=70),
        ],
        availability=WeeklyAvailability(
            hours_per_weekday=[7.0] * 7,
            blackouts=[Blackout(start=date(2026, 3, 9), end=date(2026, 3, 10), label="Away")],
        ),
    )
    developer = plan.entries[1].id
    plan.baseline = Baseline(taken_on=date(2026, 3, 1), exam_dates={developer: date(2026, 3, 13)})
    today = date(2026, 3, 5)
    schedule = schedule_plan(plan, catalog, today=today)
    layout = lay_out_timeline(plan, schedule, lifecycle(schedule, catalog), today)

    assert layout.origin == date(2026, 2, 1)
    passed, planned = layout.rows
    assert passed.passed and passed.bar is None
    assert passed.marker == Marker(31, MarkerKind.PASSED)
    # Ten 7 h days from 5 March skipping the 9th and 10th: 5–16 March, the exam on the 17th.
    assert planned.bar == DaySpan(32, 44)
    assert planned.marker == Marker(44, MarkerKind.EXAM)
    # The baseline had the exam on 13 March (day 40) and no date for the entry before it, so
    # its study ran from the plan's start, 2 March (day 29).
    assert planned.ghost is not None
    assert (planned.ghost.study, planned.ghost.exam) == (DaySpan(29, 40), 40)
    (blackout,) = layout.blackouts
    assert blackout.span == DaySpan(36, 38) and blackout.blackout.label == "Away"
    hidden = lay_out_timeline(
        plan, schedule, lifecycle(schedule, catalog), today, show_baseline=False
    )
    assert hidden.rows[1].ghost is None


def test_today_far_from_the_plan_is_not_marked(catalog: Catalog) -> None:
    plan = two_exam_plan()
    schedule = schedule_plan(plan, catalog)
    layout = lay_out_timeline(plan, schedule, lifecycle(schedule, catalog), date(2027, 6, 1))
    assert not layout.show_today
    assert layout.first == 29  # the plan's start, not stretched back or forward to today


def test_an_unschedulable_plan_keeps_its_axis(catalog: Catalog) -> None:
    plan = two_exam_plan()
    layout = lay_out_timeline(plan, None, [], date(2026, 3, 3))
    assert layout.rows == () and layout.held == () and layout.links == ()
    assert layout.origin == date(2026, 2, 1) and layout.show_today


def test_the_printed_range_is_whole_months_of_at_least_three(catalog: Catalog) -> None:
    plan = two_exam_plan()
    schedule = schedule_plan(plan, catalog)
    layout = lay_out_timeline(plan, schedule, lifecycle(schedule, catalog), date(2026, 3, 3))
    # Everything falls in March 2026; paper shows March to May (three months).
    assert print_range(layout, plan.start_date) == (date(2026, 3, 1), date(2026, 6, 1))


def test_the_layout_imports_no_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, studyplanner.layout.timeline;"
        "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("ends", [(120, 3000, 40, 3000), (3000, 10, -5, -40, 700)])
@pytest.mark.parametrize("axes", [1, 40])
def test_months_are_the_same_however_far_an_axis_reached_before(
    ends: tuple[int, ...], axes: int
) -> None:
    """An axis's months are remembered and extended as its end moves (an edit of a long plan
    moves it a little), for many axes at once: each answer is what working the months out
    afresh gives (an end before the first day's month has none)."""
    for axis in range(axes):
        origin = date(2027, 1, 1) + timedelta(days=axis)
        first = origin + timedelta(days=47)
        for days in ends:
            last = first + timedelta(days=days)
            expected = [
                AxisPeriod((max(m, first) - origin).days, (next_month(m) - origin).days, m)
                for m in month_starts(first, last)
            ]
            assert month_periods(origin, first, last) == expected
