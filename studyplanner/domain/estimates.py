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
Credit for what was just learned (an assumption, marked so wherever it is shown): the first
Associate exam after a Foundational one needs 15 % fewer hours, since cloud concepts, core
services, billing and the shared responsibility model are Cloud Practitioner ground the
Associate guides take for granted; a Professional exam after an Associate of its own track
(the Associates it names in ``recommended_prior``) needs 10 % fewer, its services already
studied. A 0-year architect's Solutions Architect – Associate right after Cloud Practitioner
then lands near 126 h instead of 148 h, inside the 80–120 h community plans budget from
scratch plus the catalog's spread (catalog audit, December 2026).

A user's own override always wins over the estimate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from studyplanner.domain.catalog import TIER_AWS_YEARS, Catalog, Certification, Tier
from studyplanner.domain.plan import PlanEntry
from studyplanner.domain.wording import assumed_text
from studyplanner.i18n import _

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


FOUNDATIONAL_CREDIT = 0.15
"""Share of the first Associate exam a Foundational one before it covers (assumed)."""
TRACK_CREDIT = 0.10
"""Share of a Professional exam an Associate of its track before it covers (assumed)."""


@dataclass(frozen=True)
class Credit:
    """Hours taken off an estimate for earlier exams whose content overlaps."""

    share: float
    """0.15 for 15 %."""
    after: tuple[str, ...]
    """The certification ids that earn it."""
    assumed: bool = True
    """The shares are StudyPlanner's assumption, not a published figure."""


def overlap_credit(cert: Certification, before: Iterable[Certification]) -> Credit | None:
    """The credit ``cert`` gets for ``before`` (held, passed, or earlier in the plan): a
    Foundational exam before the first Associate; an Associate of its track before a
    Professional. None without one."""
    earlier = list(before)
    if cert.tier is Tier.ASSOCIATE and not any(c.tier is Tier.ASSOCIATE for c in earlier):
        foundational = tuple(dict.fromkeys(c.id for c in earlier if c.tier is Tier.FOUNDATIONAL))
        if foundational:
            return Credit(FOUNDATIONAL_CREDIT, foundational)
    if cert.tier is Tier.PROFESSIONAL:
        track = tuple(
            dict.fromkeys(
                c.id for c in earlier if c.tier is Tier.ASSOCIATE and c.id in cert.recommended_prior
            )
        )
        if track:
            return Credit(TRACK_CREDIT, track)
    return None


@dataclass(frozen=True)
class HourEstimate:
    """Hours for one entry: the figure used for scheduling and the adjusted range."""

    hours: float
    low: float
    typical: float
    high: float
    overridden: bool
    credit: Credit | None = None
    """What earlier exams took off the estimate, if anything."""


def estimate_hours(
    cert: Certification,
    experience_years: float,
    *,
    technical: bool = True,
    credit: Credit | None = None,
) -> HourEstimate:
    factor = experience_factor(cert.tier, experience_years, technical=technical)
    if credit is not None:
        factor *= 1.0 - credit.share
    low = max(1.0, round(cert.hours.low * factor))
    typical = max(1.0, round(cert.hours.typical * factor))
    high = max(1.0, round(cert.hours.high * factor))
    return HourEstimate(
        hours=typical, low=low, typical=typical, high=high, overridden=False, credit=credit
    )


def entry_hours(
    entry: PlanEntry,
    cert: Certification,
    experience_years: float,
    *,
    technical: bool = True,
    credit: Credit | None = None,
) -> HourEstimate:
    """The estimate for an entry, with the user's override applied when there is one."""
    base = estimate_hours(cert, experience_years, technical=technical, credit=credit)
    if entry.hours_override is None:
        return base
    return HourEstimate(
        hours=entry.hours_override,
        low=base.low,
        typical=base.typical,
        high=base.high,
        overridden=True,
        credit=credit,
    )


def credit_text(credit: Credit, catalog: Catalog) -> str:
    """'assumed: 15 % less for CLF-C02 before it': why an estimate is lower than its tier's."""
    codes = [catalog.get(c).code if c in catalog else c for c in credit.after]
    text = _("{percent} % less for {codes} before it").format(
        percent=f"{credit.share * 100:g}", codes=", ".join(codes)
    )
    return assumed_text(text, credit.assumed)
