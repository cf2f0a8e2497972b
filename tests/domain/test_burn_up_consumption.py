"""The burn-up sums study periods week by week without going over every period each week
(issue 14); each week must still show exactly the hours the periods have used by then."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.domain.plan import Blackout, WeeklyAvailability
from studyplanner.domain.progress import _Consumption, _Prefix

ORIGIN = date(2027, 1, 3)

periods = st.lists(
    st.tuples(st.integers(1, 200), st.floats(0.5, 120, allow_nan=False)), max_size=20
)


@settings(max_examples=200, deadline=None)
@given(periods, st.integers(1, 30))
def test_each_week_shows_what_every_period_used_by_then(
    specs: list[tuple[int, float]], weekly: int
) -> None:
    availability = WeeklyAvailability.spread(
        weekly, [Blackout(start=date(2027, 3, 1), end=date(2027, 3, 20))]
    )
    prefix = _Prefix(availability, ORIGIN, ORIGIN + timedelta(days=500))
    items = [(ORIGIN + timedelta(days=start), hours) for start, hours in specs]
    consumption = _Consumption(prefix, items)
    day = ORIGIN
    while day < ORIGIN + timedelta(days=480):
        expected = sum(
            min(hours, prefix.between(start, day)) if day >= start else 0.0
            for start, hours in items
        )
        assert consumption.at(day) == pytest.approx(expected, abs=1e-9)
        day += timedelta(days=7)


def test_days_must_come_in_order() -> None:
    prefix = _Prefix(WeeklyAvailability.spread(8), ORIGIN, ORIGIN + timedelta(days=30))
    consumption = _Consumption(prefix, [(ORIGIN + timedelta(days=1), 4.0)])
    consumption.at(ORIGIN + timedelta(days=14))
    with pytest.raises(ValueError):
        consumption.at(ORIGIN)
