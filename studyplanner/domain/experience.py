"""How much experience the learner has on a given day, and what an exam recommends.

Experience grows with the plan: the profile's years count from the plan's start date, and a
day later the learner has a day more. Years in the learner's field grow the same way (they
keep working in it while they study). An exam guide's recommended years are catalog data
(``Certification.aws_years`` and ``expected_field_years``).

Professional and Specialty exams assume experience that studying does not replace, so an exam
of those tiers before the learner has the recommended years is a readiness problem
(``experience_gap``). Foundational and Associate exams are where people build that experience:
there a shortfall only costs study hours (``estimates.experience_factor``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from studyplanner.domain.catalog import Certification, Tier
from studyplanner.domain.months import add_years as calendar_years_later
from studyplanner.domain.months import months_between
from studyplanner.domain.plan import LearnerProfile
from studyplanner.domain.roles import ExperienceField
from studyplanner.i18n import _, ngettext

GATED_TIERS = frozenset({Tier.PROFESSIONAL, Tier.SPECIALTY})
"""Tiers whose recommended experience is checked against the exam date."""


def _anniversary(start: date, years: int) -> date:
    """``start`` moved by whole calendar years (29 Feb becomes 28 Feb in other years)."""
    year = min(max(start.year + years, date.min.year), date.max.year)  # within what a date holds
    return calendar_years_later(start, year - start.year)


def years_after(start: date, day: date) -> float:
    """Calendar years from ``start`` to ``day`` (0 for days before ``start``): 5 Jan 2026 to
    5 Jan 2028 is exactly 2, and days in between count as a share of their year."""
    if day <= start:
        return 0.0
    whole = day.year - start.year
    if _anniversary(start, whole) > day:
        whole -= 1
    last = _anniversary(start, whole)
    following = _anniversary(start, whole + 1)
    return whole + (day - last).days / max(1, (following - last).days)


def add_years(start: date, years: float) -> date:
    """The day ``years`` calendar years after ``start`` (the inverse of ``years_after``)."""
    whole = math.floor(years)
    last = _anniversary(start, whole)
    following = _anniversary(start, whole + 1)
    return last + timedelta(days=math.ceil((years - whole) * (following - last).days - 1e-9))


def aws_years_on(profile: LearnerProfile, plan_start: date, day: date) -> float:
    """The learner's years on AWS on ``day``."""
    return profile.experience_years + years_after(plan_start, day)


def field_years_given(profile: LearnerProfile, field: ExperienceField) -> float | None:
    """The years the learner has in ``field`` at the plan's start: the role's field years
    (taken to equal the AWS years when not given), the years given for another field, or
    None for a field the learner gave no years in."""
    if field is profile.role.field:
        return profile.field_years if profile.field_years is not None else profile.experience_years
    return profile.other_field_years.get(field)


def field_years_on(
    profile: LearnerProfile, plan_start: date, day: date, field: ExperienceField | None = None
) -> float:
    """Years in ``field`` (default: the role's) on ``day``. Years the learner gave grow with
    the plan (they keep working in the field); a field with none given counts as 0 and stays
    so, since nothing says the learner works in it."""
    wanted = field if field is not None else profile.role.field
    base = field_years_given(profile, wanted) if wanted is not None else None
    if base is None:
        return 0.0
    return base + years_after(plan_start, day)


@dataclass(frozen=True)
class ExperienceGap:
    """The learner will have less experience than an exam recommends on its date."""

    field: ExperienceField | None
    """None for years on AWS, else the field of work the years are about."""
    recommended_years: float
    years_on_exam_day: float
    exam_day: date
    ready_on: date | None
    """The first day the learner has the recommended years; None when they gave no years in
    the field, so the plan cannot say when."""

    @property
    def not_given(self) -> bool:
        """The learner gave no years in the field: they count as 0."""
        return self.ready_on is None

    @property
    def months_short(self) -> int:
        """Calendar months from the exam day to ``ready_on``, a started month counting whole
        (0 when it cannot be said)."""
        if self.ready_on is None:
            return 0
        months = months_between(self.exam_day, self.ready_on)
        if self.ready_on.day > self.exam_day.day:
            months += 1
        return max(1, months)

    @property
    def recommended_text(self) -> str:
        """'2 years on AWS', '1 year of security work': the experience the exam recommends,
        whole, so a translator can put the number, the unit and the field in their order."""
        years = self.recommended_years
        if self.field is None:
            text = ngettext("{count} year on AWS", "{count} years on AWS", years)
            return text.format(count=f"{years:g}")
        text = ngettext("{count} year of {field} work", "{count} years of {field} work", years)
        return text.format(count=f"{years:g}", field=self.field.label)


def _ready_on(base_years: float, recommended: float, plan_start: date) -> date:
    return add_years(plan_start, max(0.0, recommended - base_years))


def experience_gaps(
    cert: Certification, profile: LearnerProfile, plan_start: date, exam_day: date
) -> list[ExperienceGap]:
    """What the learner lacks on ``exam_day`` for ``cert``: years on AWS, and years in the
    field the exam's guide names, whatever the learner's own field (years in a field they
    gave none for count as 0). Empty when ready, or when the tier is not one whose experience
    is checked."""
    if cert.tier not in GATED_TIERS:
        return []
    gaps: list[ExperienceGap] = []
    have = aws_years_on(profile, plan_start, exam_day)
    if have + 1e-9 < cert.aws_years:
        on_aws = _ready_on(profile.experience_years, cert.aws_years, plan_start)
        gaps.append(ExperienceGap(None, cert.aws_years, have, exam_day, on_aws))
    wanted = cert.expected_field_years
    if wanted is not None:
        have_field = field_years_on(profile, plan_start, exam_day, wanted.field)
        if have_field + 1e-9 < wanted.years:
            base = field_years_given(profile, wanted.field)
            ready = None if base is None else _ready_on(base, wanted.years, plan_start)
            gaps.append(ExperienceGap(wanted.field, wanted.years, have_field, exam_day, ready))
    return gaps


def where_to_give_years(field: ExperienceField) -> str:
    """Where a learner sets years in a field of work, named for the remark that says a field
    they gave no years in counts as 0."""
    return _(
        "you gave no years of {field} work, so they count as 0; if you have some, set them "
        "under Plan settings › Years in other fields (or suggest --other-field-years "
        "{value}=N)"
    ).format(field=field.label, value=field.value)


def ready_on(cert: Certification, profile: LearnerProfile, plan_start: date) -> date | None:
    """The first day the learner has every year of experience ``cert`` recommends; None when
    it needs years in a field the learner gave none in."""
    far = date.max - timedelta(days=1)
    gaps = experience_gaps(cert, profile, plan_start, plan_start)
    if not gaps:
        return plan_start
    if any(g.ready_on is None for g in gaps):
        return None
    return min(far, max(g.ready_on for g in gaps if g.ready_on is not None))
