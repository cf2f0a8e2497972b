"""Study-hour estimates: the documented experience table, overrides, and sane ranges."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.estimates import entry_hours, estimate_hours, experience_factor
from tests.domain.plans import entry


@pytest.mark.parametrize(
    ("tier", "years", "factor"),
    [
        (Tier.FOUNDATIONAL, 0, 1.0),  # the tier expects no experience
        (Tier.FOUNDATIONAL, 5, 0.7),  # 1 - 0.08 * 5 = 0.6, clamped to 0.7
        (Tier.ASSOCIATE, 1, 1.0),
        (Tier.ASSOCIATE, 0, 1.25),  # one year missing
        (Tier.ASSOCIATE, 0.5, 1.125),
        (Tier.ASSOCIATE, 2, 0.92),  # one extra year
        (Tier.ASSOCIATE, 3, 0.84),
        (Tier.PROFESSIONAL, 2, 1.0),
        (Tier.PROFESSIONAL, 0, 1.5),  # two years missing
        (Tier.PROFESSIONAL, 1, 1.25),
        (Tier.PROFESSIONAL, 40, 0.7),  # clamped
        (Tier.SPECIALTY, 0, 1.5),
        (Tier.SPECIALTY, 4, 0.84),
    ],
)
def test_experience_factor_follows_the_documented_table(
    tier: Tier, years: float, factor: float
) -> None:
    assert experience_factor(tier, years) == pytest.approx(factor)


@pytest.mark.parametrize("tier", list(Tier))
def test_more_experience_never_means_more_hours(tier: Tier) -> None:
    years = [y / 4 for y in range(0, 4 * 20)]
    factors = [experience_factor(tier, y) for y in years]
    assert factors == sorted(factors, reverse=True)
    assert all(0.7 <= f <= 1.5 for f in factors)


def test_less_experience_than_the_tier_expects_costs_more_hours(catalog: Catalog) -> None:
    pro = catalog.get("solutions-architect-professional")
    assert estimate_hours(pro, 0).typical > pro.hours.typical
    assert estimate_hours(pro, 2).typical == pro.hours.typical
    assert estimate_hours(pro, 6).typical < pro.hours.typical


@settings(max_examples=80, deadline=None)
@given(data=st.data(), years=st.floats(min_value=0, max_value=50, allow_nan=False))
def test_estimates_are_positive_and_ordered(
    catalog: Catalog, data: st.DataObject, years: float
) -> None:
    cert = data.draw(st.sampled_from(catalog.certifications))
    estimate = estimate_hours(cert, years)
    assert estimate.hours > 0
    assert 0 < estimate.low <= estimate.typical <= estimate.high
    assert estimate.hours == estimate.typical
    assert not estimate.overridden


def test_the_users_override_wins_and_keeps_the_range(catalog: Catalog) -> None:
    cert = catalog.get("developer-associate")
    plain = entry_hours(entry(cert.id), cert, 1)
    overridden = entry_hours(entry(cert.id, hours=42.5), cert, 1)
    assert plain.hours == 110 and not plain.overridden
    assert overridden.hours == 42.5 and overridden.overridden
    assert (overridden.low, overridden.typical, overridden.high) == (80, 110, 160)
