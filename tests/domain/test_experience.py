"""Experience on a given day: calendar years that grow with the plan, and what exams ask."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.experience import (
    add_years,
    aws_years_on,
    experience_gaps,
    field_years_on,
    ready_on,
    years_after,
)
from studyplanner.domain.plan import LearnerProfile
from studyplanner.domain.roles import Role

START = date(2026, 1, 5)


@pytest.mark.parametrize(
    ("day", "years"),
    [
        (date(2026, 1, 5), 0.0),
        (date(2025, 6, 1), 0.0),  # before the start: nothing yet
        (date(2027, 1, 5), 1.0),
        (date(2028, 1, 5), 2.0),
        (date(2028, 7, 5), 2 + 182 / 366),  # 2028 is a leap year
    ],
)
def test_years_after_counts_calendar_years(day: date, years: float) -> None:
    assert years_after(START, day) == pytest.approx(years)


@given(
    start=st.dates(min_value=date(1990, 1, 1), max_value=date(2150, 12, 31)),
    years=st.floats(min_value=0, max_value=40, allow_nan=False),
)
def test_add_years_is_the_first_day_with_that_many_years(start: date, years: float) -> None:
    day = add_years(start, years)
    assert years_after(start, day) >= years - 1e-9
    if day > start:
        assert years_after(start, day - timedelta(days=1)) < years


def test_a_leap_day_start_has_anniversaries_on_the_28th() -> None:
    assert add_years(date(2028, 2, 29), 1) == date(2029, 2, 28)


def test_experience_grows_from_the_profile_at_the_plans_start() -> None:
    profile = LearnerProfile(role=Role.SECURITY, experience_years=1.5, field_years=4)
    assert aws_years_on(profile, START, date(2027, 1, 5)) == pytest.approx(2.5)
    assert field_years_on(profile, START, date(2027, 1, 5)) == pytest.approx(5)
    unknown = LearnerProfile(role=Role.SECURITY, experience_years=1.5)
    assert field_years_on(unknown, START, START) == pytest.approx(1.5)


def test_gaps_name_both_aws_and_field_years_when_both_are_short(catalog: Catalog) -> None:
    scs = catalog.get("security-specialty")
    profile = LearnerProfile(role=Role.SECURITY, experience_years=1, field_years=1)
    gaps = experience_gaps(scs, profile, START, date(2026, 7, 5))
    assert [(g.field, g.recommended_years) for g in gaps] == [
        (None, 2.0),
        (scs.expected_field_years.field, 3.0),  # type: ignore[union-attr]
    ]
    assert [g.months_short for g in gaps] == [6, 18]
    assert ready_on(scs, profile, START) == date(2028, 1, 5)


def test_foundational_and_associate_exams_have_no_gaps(catalog: Catalog) -> None:
    novice = LearnerProfile(role=Role.DATA, experience_years=0)
    for cert_id in ("cloud-practitioner", "data-engineer-associate"):
        assert experience_gaps(catalog.get(cert_id), novice, START, START) == []


def test_the_catalog_records_what_aws_recommends(catalog: Catalog) -> None:
    """Figures from the exam guides (sources in each entry)."""
    expected = {
        "solutions-architect-professional": (2, None),
        "devops-engineer-professional": (2, None),
        "generative-ai-developer-professional": (2, ("machine-learning", 1)),
        "security-specialty": (2, ("security", 3)),
        "advanced-networking-specialty": (2, ("networking", 5)),
        "data-engineer-associate": (1, ("data", 2)),
        "cloud-practitioner": (0, None),
    }
    for cert_id, (aws, field) in expected.items():
        cert = catalog.get(cert_id)
        got = cert.expected_field_years
        assert cert.aws_years == aws
        assert (None if got is None else (got.field.value, got.years)) == field
