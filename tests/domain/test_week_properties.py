"""Properties of the week view for any plan, checked with hypothesis: week after week it lays
out exactly each exam's remaining hours, on the days its schedule studies it, filling each
study day's availability (the last one may be part of a day)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.domain.analysis import analyse
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    Blackout,
    DomainRating,
    PlanEntry,
    PracticeScore,
    StudyPlan,
    StudySession,
    WeeklyAvailability,
)
from studyplanner.domain.week import WeekItemKind, week_of, week_start
from studyplanner.storage.catalog_source import bundled_catalog

CATALOG: Catalog = bundled_catalog()
ACTIVE = [c for c in CATALOG if not c.is_retired] + [c for c in CATALOG if not c.domains][:1]
PROPERTY_SETTINGS = settings(max_examples=40, deadline=None)
TODAY = date(2026, 6, 3)
TOLERANCE = 1e-6

quarter_hours = st.integers(min_value=0, max_value=12).map(lambda q: q / 4)
weeks = st.lists(quarter_hours, min_size=7, max_size=7).filter(lambda w: sum(w) >= 6)


@st.composite
def entries(draw: st.DrawFn) -> PlanEntry:
    cert = draw(st.sampled_from(ACTIVE))
    numbers = [d.number for d in cert.domains] or [1]
    return PlanEntry(
        certification_id=cert.id,
        hours_override=draw(st.integers(min_value=4, max_value=160).map(lambda h: h / 2)),
        domain_ratings=draw(
            st.dictionaries(st.sampled_from(numbers), st.sampled_from(DomainRating))
        ),
        scores=[
            PracticeScore(
                on=TODAY,
                percent=50,
                domains=draw(st.dictionaries(st.sampled_from(numbers), st.integers(0, 100))),
            )
        ],
        sessions=draw(
            st.lists(
                st.builds(
                    StudySession,
                    on=st.just(TODAY - timedelta(days=1)),
                    hours=st.integers(min_value=1, max_value=12).map(lambda q: q / 4),
                    domain=st.none() | st.sampled_from(numbers),
                ),
                max_size=3,
            )
        ),
    )


@st.composite
def plans(draw: st.DrawFn) -> StudyPlan:
    first = TODAY + timedelta(days=draw(st.integers(min_value=0, max_value=60)))
    return StudyPlan(
        start_date=TODAY - timedelta(days=7),
        availability=WeeklyAvailability(
            hours_per_weekday=draw(weeks),
            blackouts=draw(
                st.lists(
                    st.integers(min_value=0, max_value=20).map(
                        lambda n: Blackout(start=first, end=first + timedelta(days=n))
                    ),
                    max_size=1,
                )
            ),
        ),
        entries=draw(st.lists(entries(), min_size=1, max_size=3)),
    )


@PROPERTY_SETTINGS
@given(plans())
def test_the_weeks_lay_out_each_exams_remaining_hours_on_its_study_days(
    plan: StudyPlan,
) -> None:
    analysis = analyse(plan, CATALOG, TODAY)
    schedule = analysis.schedule
    assert schedule is not None and schedule.finish_date is not None
    planned: dict[str, float] = {}
    by_day: dict[date, float] = {}
    monday = week_start(TODAY)
    while monday <= schedule.finish_date:
        week = week_of(analysis, monday)
        for item in week.items:
            if item.kind is WeekItemKind.LOGGED:
                assert item.day < TODAY
                continue
            assert item.day >= TODAY and item.hours > 0
            planned[item.entry_id] = planned.get(item.entry_id, 0.0) + item.hours
            by_day[item.day] = by_day.get(item.day, 0.0) + item.hours
        monday += timedelta(days=7)
    for row in schedule.entries:
        assert abs(planned.get(row.entry.id, 0.0) - row.remaining_hours) < TOLERANCE
        if row.planned_from is None or row.study_end is None:
            continue
        day = row.planned_from
        while day < row.study_end:  # every study day but the last is a full one
            assert abs(by_day.get(day, 0.0) - plan.availability.hours_on(day)) < TOLERANCE
            day += timedelta(days=1)
        assert 0 < by_day[row.study_end] <= plan.availability.hours_on(row.study_end) + TOLERANCE
    assert all(
        hours <= plan.availability.hours_on(day) + TOLERANCE for day, hours in by_day.items()
    )
