"""Months and time axes: where the timeline and the printed chart put months and years."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyplanner.domain.months import (
    DayScale,
    Period,
    add_calendar_months,
    add_months,
    add_years,
    first_of_month,
    month_periods,
    month_starts,
    months_between,
    next_month,
    year_periods,
    year_starts,
)

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31))


def test_month_steps_cross_year_ends_and_land_on_the_first() -> None:
    assert first_of_month(date(2027, 3, 14)) == date(2027, 3, 1)
    assert next_month(date(2026, 12, 31)) == date(2027, 1, 1)
    assert next_month(date(2028, 1, 31)) == date(2028, 2, 1)
    assert add_months(date(2026, 11, 2), 3) == date(2027, 2, 1)
    assert add_months(date(2027, 1, 15), -1) == date(2026, 12, 1)
    assert add_months(date(2027, 1, 15), -13) == date(2025, 12, 1)


def test_months_between_counts_calendar_months_not_days() -> None:
    assert months_between(date(2027, 1, 31), date(2027, 2, 1)) == 1
    assert months_between(date(2027, 1, 1), date(2027, 1, 31)) == 0
    assert months_between(date(2026, 11, 1), date(2028, 5, 1)) == 18
    assert months_between(date(2027, 3, 1), date(2027, 1, 1)) == -2


def test_month_and_year_starts_cover_a_range_including_its_ends() -> None:
    assert month_starts(date(2026, 11, 20), date(2027, 2, 1)) == [
        date(2026, 11, 1),
        date(2026, 12, 1),
        date(2027, 1, 1),
        date(2027, 2, 1),
    ]
    assert month_starts(date(2027, 5, 3), date(2027, 5, 9)) == [date(2027, 5, 1)]
    assert year_starts(date(2026, 11, 20), date(2028, 1, 1)) == [
        date(2026, 1, 1),
        date(2027, 1, 1),
        date(2028, 1, 1),
    ]


def test_a_scale_places_days_and_reads_them_back() -> None:
    scale = DayScale(date(2027, 1, 1), 2.5, left=10.0)
    assert scale.x(date(2027, 1, 1)) == 10.0
    assert scale.x(date(2027, 1, 11)) == 35.0
    assert scale.x(date(2026, 12, 31)) == 7.5
    assert scale.day_at(35.0) == date(2027, 1, 11)
    assert scale.day_at(37.4) == date(2027, 1, 11)
    assert scale.day_at(9.0) == date(2026, 12, 31)


def test_a_spanning_scale_fills_the_strip_exactly() -> None:
    scale = DayScale.spanning(date(2027, 1, 1), date(2027, 4, 1), 20.0, 200.0)
    assert scale.x(date(2027, 1, 1)) == 20.0
    assert scale.x(date(2027, 4, 1)) == pytest.approx(200.0)
    assert scale.pixels_per_day == pytest.approx(180 / 90)


def test_a_scale_refuses_an_empty_or_backwards_axis() -> None:
    with pytest.raises(ValueError, match="wider than 0"):
        DayScale(date(2027, 1, 1), 0.0)
    with pytest.raises(ValueError, match="end after it starts"):
        DayScale.spanning(date(2027, 1, 1), date(2027, 1, 1), 0.0, 100.0)


def test_month_periods_are_clipped_to_the_axis_at_both_ends() -> None:
    scale = DayScale(date(2027, 1, 20), 1.0)
    periods = month_periods(scale, date(2027, 1, 20), date(2027, 3, 5), right=50.0)
    assert periods == [
        # January shows only from the 20th, where the axis begins.
        Period(date(2027, 1, 1), date(2027, 2, 1), 0.0, 12.0),
        Period(date(2027, 2, 1), date(2027, 3, 1), 12.0, 28.0),
        # March is cut at the right edge.
        Period(date(2027, 3, 1), date(2027, 4, 1), 40.0, 10.0),
    ]


def test_year_periods_begin_on_the_first_of_january_after_the_first_year() -> None:
    scale = DayScale(date(2026, 11, 1), 0.5)
    periods = year_periods(scale, date(2026, 11, 1), date(2028, 2, 10))
    assert [p.start for p in periods] == [date(2026, 1, 1), date(2027, 1, 1), date(2028, 1, 1)]
    assert [p.end for p in periods] == [date(2027, 1, 1), date(2028, 1, 1), date(2029, 1, 1)]
    assert periods[0].x == 0.0
    assert periods[0].width == 61 * 0.5  # November and December 2026
    assert periods[1].x == 61 * 0.5
    assert periods[1].width == 365 * 0.5


@given(days, st.integers(min_value=-600, max_value=600))
def test_adding_months_moves_by_exactly_that_many_calendar_months(day: date, count: int) -> None:
    moved = add_months(day, count)
    assert moved.day == 1
    assert months_between(day, moved) == count
    assert add_months(moved, -count) == first_of_month(day)


@given(days, st.integers(min_value=0, max_value=2000))
def test_month_periods_tile_the_range_without_gaps(first: date, length: int) -> None:
    last = first + timedelta(days=length)
    scale = DayScale(first, 1.0)
    periods = month_periods(scale, first, last)
    assert periods[0].start <= first < periods[0].end
    assert periods[-1].start <= last < periods[-1].end
    assert periods[0].x == 0.0
    for before, after in pairwise(periods):
        assert before.end == after.start
        assert before.x + before.width == after.x
    assert sum(p.width for p in periods) == (periods[-1].end - first).days


@given(day=days, count=st.integers(-1200, 1200))
def test_the_library_counts_months_as_the_calendar_does(day: date, count: int) -> None:
    """dateutil's relativedelta (issue 22) keeps what the hand-written arithmetic promised."""
    index = day.year * 12 + day.month - 1 + count
    assert add_months(day, count) == date(index // 12, index % 12 + 1, 1)
    later = add_calendar_months(day, count)
    assert (later.year * 12 + later.month - 1) == index
    assert later.day == day.day or (
        later.day < day.day and next_month(later) - later == timedelta(1)
    )
    assert months_between(day, later) == count


def test_a_day_the_month_or_year_lacks_becomes_its_last_day() -> None:
    assert add_calendar_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_calendar_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
    with pytest.raises(ValueError):
        add_years(date(9999, 1, 1), 1)  # past what a date holds: refused, as before
