"""Study-hour estimates: the documented experience table, overrides, and sane ranges."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.estimates import (
    Credit,
    entry_hours,
    estimate_hours,
    experience_factor,
    overlap_credit,
)
from studyplanner.domain.plan import PlanEntry
from tests.domain.plans import entry


@pytest.mark.parametrize(
    ("tier", "years", "factor"),
    [
        (Tier.FOUNDATIONAL, 0, 1.0),  # the tier expects no experience
        (Tier.FOUNDATIONAL, 4, 0.6),  # 1 - 0.10 * 4
        (Tier.FOUNDATIONAL, 6, 0.5),  # 1 - 0.10 * 6 = 0.4, clamped to 0.5
        (Tier.ASSOCIATE, 1, 1.0),
        (Tier.ASSOCIATE, 0, 1.25),  # one year missing
        (Tier.ASSOCIATE, 0.5, 1.125),
        (Tier.ASSOCIATE, 2, 0.9),  # one extra year
        (Tier.ASSOCIATE, 3, 0.8),
        (Tier.PROFESSIONAL, 2, 1.0),
        (Tier.PROFESSIONAL, 0, 1.5),  # two years missing
        (Tier.PROFESSIONAL, 1, 1.25),
        (Tier.PROFESSIONAL, 40, 0.5),  # clamped
        (Tier.SPECIALTY, 0, 1.5),
        (Tier.SPECIALTY, 4, 0.8),
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
    assert all(0.5 <= f <= 1.5 for f in factors)


@pytest.mark.parametrize(
    ("years", "factor"),
    [(0, 2.0), (0.5, 1.5), (1, 0.9), (6, 0.5)],
)
def test_foundational_exams_from_no_it_background_take_twice_as_long(
    years: float, factor: float
) -> None:
    """Community plans budget 60–80 h of Cloud Practitioner for people from outside IT."""
    assert experience_factor(Tier.FOUNDATIONAL, years, technical=False) == pytest.approx(factor)
    if years >= 1:
        assert experience_factor(Tier.FOUNDATIONAL, years, technical=False) == experience_factor(
            Tier.FOUNDATIONAL, years
        )


def test_a_non_engineer_new_to_aws_budgets_sixty_hours_for_cloud_practitioner(
    catalog: Catalog,
) -> None:
    clf = catalog.get("cloud-practitioner")
    assert estimate_hours(clf, 0, technical=False).typical == 2 * clf.hours.typical == 60
    assert estimate_hours(clf, 0).typical == clf.hours.typical


def test_a_veteran_needs_less_than_a_six_month_learner_for_an_associate(catalog: Catalog) -> None:
    """64–80 h prepares someone with 6–12 months on AWS for SAA; six years should need less."""
    saa = catalog.get("solutions-architect-associate")
    assert estimate_hours(saa, 6).typical < 64


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


# --- credit for what was just learned (issue 19) ----------------------------------------


def test_a_beginners_first_associate_after_cloud_practitioner_is_credited(
    catalog: Catalog,
) -> None:
    """A 0-year architect at 8 h a week: CLF's 30 h take 4 weeks (Mon 5 Jan to Sat 31 Jan,
    exam Sun 1 Feb). SAA's study starts on Mon 2 Feb, 28 days in: 0.0767 years on AWS, so the
    factor is 1 + 0.25 x (1 - 0.0767) = 1.2308; 120 h x 1.2308 = 147.7 h without credit, and
    x 0.85 for the Foundational just passed: 125.5, shown as 126 h (community plans: 80-120 h
    from scratch)."""
    from studyplanner.domain.plan import LearnerProfile, StudyPlan, WeeklyAvailability
    from studyplanner.domain.roles import Role
    from studyplanner.domain.schedule import schedule_plan

    def plan_of(*cert_ids: str) -> StudyPlan:
        return StudyPlan(
            start_date=date(2026, 1, 5),
            profile=LearnerProfile(role=Role.ARCHITECT, experience_years=0),
            availability=WeeklyAvailability.spread(8),
            entries=[PlanEntry(certification_id=c) for c in cert_ids],
        )

    clf, saa = schedule_plan(
        plan_of("cloud-practitioner", "solutions-architect-associate"), catalog
    ).entries
    assert clf.hours == 30 and clf.exam_date == date(2026, 2, 1)
    assert saa.study_start == date(2026, 2, 2)
    assert saa.hours == 126 and 95 <= saa.hours <= 135
    assert saa.estimate.credit is not None
    assert (saa.estimate.credit.share, saa.estimate.credit.after) == (0.15, ("cloud-practitioner",))
    assert saa.estimate.credit.assumed
    # Without the Foundational before it there is no credit: 120 x 1.25 = 150 h.
    (alone,) = schedule_plan(plan_of("solutions-architect-associate"), catalog).entries
    assert alone.hours == 150 and alone.estimate.credit is None


def test_only_the_first_associate_and_a_professional_of_its_track_are_credited(
    catalog: Catalog,
) -> None:
    clf, saa, dva, dop, sap = (
        catalog.get(c)
        for c in (
            "cloud-practitioner",
            "solutions-architect-associate",
            "developer-associate",
            "devops-engineer-professional",
            "solutions-architect-professional",
        )
    )
    assert overlap_credit(saa, [clf]) == Credit(0.15, ("cloud-practitioner",))
    assert overlap_credit(dva, [clf, saa]) is None  # not the first Associate
    assert overlap_credit(dop, [clf, saa, dva]) == Credit(0.10, ("developer-associate",))
    assert overlap_credit(sap, [dva]) is None  # DVA is not SAP's track
    assert overlap_credit(sap, [saa]) == Credit(0.10, ("solutions-architect-associate",))
    assert overlap_credit(clf, [saa]) is None
    # Hours: DOP at its tier's 2 years, 200 h typical, less 10 %: 180 h.
    assert estimate_hours(dop, 2.0, credit=overlap_credit(dop, [dva])).typical == 180
