"""Study-hour estimates: the catalog's baseline, adjusted for the learner's AWS experience.

The catalog's hours assume the experience AWS recommends for the tier. Someone with less needs
more time, someone with more needs less. The factor depends on how the learner's years on AWS
at the exam's study start compare with what the tier expects (experience grows with the plan,
so a novice's third exam is priced for the learner they will be by then):

=============================  ======================================
years of AWS experience        factor on the baseline
=============================  ======================================
below what the tier expects    1.0 + 0.25 per missing year (max 1.5)
at what the tier expects       1.0
above it                       1.0 - 0.10 per extra year (min 0.5)
Foundational, no IT background 2.0 at 0 years, down to 1.0 at 1 year
=============================  ======================================

Tier expectations (seed guide; AWS's Professional and Specialty guides ask for 2+ years on
AWS): Foundational 0 years, Associate 1, Professional 2, Specialty 2.

Why these numbers: community plans budget 60–80 h for Cloud Practitioner with no AWS or IT
background, about twice the catalog's 30 h for IT staff (pass4-sure.us CLF 6-week plan); 8–10 h
a week for 8 weeks (64–80 h) prepares someone with 6–12 months on AWS for Solutions Architect –
Associate (thesimplifiedtech.com), so a veteran with 6 years should need less than that: the
floor of 0.5 gives 60 h. "No IT background" is the manager / non-engineering role.
A user's own override always wins over the estimate.
"""

from __future__ import annotations

from dataclasses import dataclass

from studyplanner.domain.catalog import TIER_AWS_YEARS, Certification, Tier
from studyplanner.domain.plan import PlanEntry

EXPECTED_YEARS = TIER_AWS_YEARS
PENALTY_PER_MISSING_YEAR = 0.25
MAX_FACTOR = 1.5
BONUS_PER_EXTRA_YEAR = 0.10
MIN_FACTOR = 0.5
NO_IT_BACKGROUND_FACTOR = 2.0
"""Foundational exams from zero, for someone outside IT (60 h instead of 30 h for CLF)."""


def experience_factor(tier: Tier, experience_years: float, *, technical: bool = True) -> float:
    """How much of the catalog baseline this learner needs for an exam of ``tier``.

    ``technical`` is False for people without an IT background (the non-engineering roles).
    """
    expected = EXPECTED_YEARS[tier]
    if tier is Tier.FOUNDATIONAL and not technical and experience_years < 1.0:
        return NO_IT_BACKGROUND_FACTOR - (NO_IT_BACKGROUND_FACTOR - 1.0) * experience_years
    if experience_years < expected:
        return min(MAX_FACTOR, 1.0 + PENALTY_PER_MISSING_YEAR * (expected - experience_years))
    return max(MIN_FACTOR, 1.0 - BONUS_PER_EXTRA_YEAR * (experience_years - expected))


@dataclass(frozen=True)
class HourEstimate:
    """Hours for one entry: the figure used for scheduling and the adjusted range."""

    hours: float
    low: float
    typical: float
    high: float
    overridden: bool


def estimate_hours(
    cert: Certification, experience_years: float, *, technical: bool = True
) -> HourEstimate:
    factor = experience_factor(cert.tier, experience_years, technical=technical)
    low = max(1.0, round(cert.hours.low * factor))
    typical = max(1.0, round(cert.hours.typical * factor))
    high = max(1.0, round(cert.hours.high * factor))
    return HourEstimate(hours=typical, low=low, typical=typical, high=high, overridden=False)


def entry_hours(
    entry: PlanEntry, cert: Certification, experience_years: float, *, technical: bool = True
) -> HourEstimate:
    """The estimate for an entry, with the user's override applied when there is one."""
    base = estimate_hours(cert, experience_years, technical=technical)
    if entry.hours_override is None:
        return base
    return HourEstimate(
        hours=entry.hours_override,
        low=base.low,
        typical=base.typical,
        high=base.high,
        overridden=True,
    )
