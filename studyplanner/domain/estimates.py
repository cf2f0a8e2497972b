"""Study-hour estimates: the catalog's baseline, adjusted for the learner's AWS experience.

The catalog's hours assume the experience AWS recommends for the tier. Someone with less needs
more time, someone with more needs less. The factor depends on how the learner's years compare
with what the tier expects:

=============================  ======================================
years of AWS experience        factor on the baseline
=============================  ======================================
below what the tier expects    1.0 + 0.25 per missing year (max 1.5)
at what the tier expects       1.0
above it                       1.0 - 0.08 per extra year (min 0.7)
=============================  ======================================

Tier expectations (seed guide): Foundational 0 years, Associate 1, Professional 2, Specialty 2.
A user's own override always wins over the estimate.
"""

from __future__ import annotations

from dataclasses import dataclass

from studyplanner.domain.catalog import Certification, Tier
from studyplanner.domain.plan import PlanEntry

EXPECTED_YEARS = {
    Tier.FOUNDATIONAL: 0.0,
    Tier.ASSOCIATE: 1.0,
    Tier.PROFESSIONAL: 2.0,
    Tier.SPECIALTY: 2.0,
}
PENALTY_PER_MISSING_YEAR = 0.25
MAX_FACTOR = 1.5
BONUS_PER_EXTRA_YEAR = 0.08
MIN_FACTOR = 0.7


def experience_factor(tier: Tier, experience_years: float) -> float:
    """How much of the catalog baseline this learner needs for an exam of ``tier``."""
    expected = EXPECTED_YEARS[tier]
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


def estimate_hours(cert: Certification, experience_years: float) -> HourEstimate:
    factor = experience_factor(cert.tier, experience_years)
    low = max(1.0, round(cert.hours.low * factor))
    typical = max(1.0, round(cert.hours.typical * factor))
    high = max(1.0, round(cert.hours.high * factor))
    return HourEstimate(hours=typical, low=low, typical=typical, high=high, overridden=False)


def entry_hours(entry: PlanEntry, cert: Certification, experience_years: float) -> HourEstimate:
    """The estimate for an entry, with the user's override applied when there is one."""
    base = estimate_hours(cert, experience_years)
    if entry.hours_override is None:
        return base
    return HourEstimate(
        hours=entry.hours_override,
        low=base.low,
        typical=base.typical,
        high=base.high,
        overridden=True,
    )
