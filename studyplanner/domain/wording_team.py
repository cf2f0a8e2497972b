"""Every sentence the team view, ``studyplanner team`` and the printed team report say about a
team (issue 25), in the user's language, so the three never disagree."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from studyplanner.domain.budget import Amounts
from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.team import (
    Contribution,
    HeldCertification,
    PaceState,
    PersonSummary,
    QuarterSummary,
    Risk,
    TargetForecast,
    TargetStatus,
    TeamTarget,
)
from studyplanner.domain.wording import (
    assumed_text,
    format_amounts,
    format_day,
    format_number,
    joined,
)
from studyplanner.i18n import N_, _, ngettext
from studyplanner.labels import TranslatedLabels

__all__ = [
    "CLOSING_NAMED",
    "STATUS_WORDS",
    "amounts_text",
    "closing_text",
    "contribution_text",
    "held_text",
    "pace_text",
    "quarter_cells",
    "quarter_label",
    "risk_text",
    "target_text",
    "weeks_text",
]

STATUS_WORDS: TranslatedLabels[TargetStatus] = TranslatedLabels(
    {
        TargetStatus.MET: N_("met"),
        TargetStatus.AT_RISK: N_("at risk"),
        TargetStatus.MISSED: N_("missed"),
    }
)


def weeks_text(weeks: float) -> str:
    """'3 weeks', '1.5 weeks', '1 week': whole weeks from 2 on, one decimal below (so 'more
    than a week behind' never reads '1 week')."""
    shown = abs(weeks)
    count = round(shown) if shown >= 2 else round(shown, 1)
    return ngettext("{count} week", "{count} weeks", count).format(count=format_number(count))


def pace_text(person: PersonSummary) -> str:
    """'3 weeks behind', 'on pace', '2 weeks ahead', 'not started', or '' (nothing to say)."""
    weeks = person.behind_weeks or 0.0
    if person.pace is PaceState.BEHIND:
        return _("{weeks} behind").format(weeks=weeks_text(weeks))
    if person.pace is PaceState.AHEAD:
        return _("{weeks} ahead").format(weeks=weeks_text(weeks))
    if person.pace is PaceState.ON_PACE:
        return _("on pace")
    if person.pace is PaceState.NOT_STARTED:
        return _("not started")
    return ""


def risk_text(risks: Sequence[Risk], behind_weeks: float | None) -> str:
    """'3 weeks behind', 'not ready 14 days or less before the exam', or both."""
    parts = []
    if Risk.BEHIND in risks:
        parts.append(_("{weeks} behind").format(weeks=weeks_text(behind_weeks or 0.0)))
    if Risk.NOT_READY in risks:
        parts.append(_("not ready with the exam 14 days away or less"))
    return joined(parts)


def _tier_certifications(tier: Tier, count: int) -> str:
    """'Associate certifications' for ``count`` of them (each written out for translators)."""
    if tier is Tier.FOUNDATIONAL:
        return ngettext("Foundational certification", "Foundational certifications", count)
    if tier is Tier.ASSOCIATE:
        return ngettext("Associate certification", "Associate certifications", count)
    if tier is Tier.PROFESSIONAL:
        return ngettext("Professional certification", "Professional certifications", count)
    return ngettext("Specialty certification", "Specialty certifications", count)


def _certification(cert_id: str, catalog: Catalog) -> str:
    return catalog.get(cert_id).code if cert_id in catalog else cert_id


def target_text(target: TeamTarget, catalog: Catalog) -> str:
    """'4 Associate certifications by 31 Dec 2027', '1 SCS-C03 by 30 Jun 2027'."""
    if target.tier is not None:
        what = _tier_certifications(target.tier, target.count)
    else:
        what = _certification(target.certification or "", catalog)
    return _("{count} {what} by {day}").format(
        count=target.count, what=what, day=format_day(target.by)
    )


def contribution_text(contribution: Contribution, catalog: Catalog) -> str:
    """ "Ben's SAA-C03": one person's certification, as a target's lists name it."""
    return _("{name}'s {certification}").format(
        name=contribution.name, certification=_certification(contribution.certification_id, catalog)
    )


CLOSING_NAMED = 3
"""At most this many exams are named, each with why, in what would close a gap."""


def closing_text(forecast: TargetForecast, catalog: Catalog) -> str:
    """What would close the gap: 'Ben's SAA-C03 is 3 weeks behind; on time, the target is
    met', or how many more need planning; '' for a target met."""
    if forecast.status is TargetStatus.MET:
        return ""
    if forecast.status is TargetStatus.MISSED:
        what = ngettext(
            "{count} more needs an exam planned by {day}",
            "{count} more need an exam planned by {day}",
            forecast.short_by,
        ).format(count=forecast.short_by, day=format_day(forecast.target.by))
        if forecast.at_risk:
            return _("{what}, and the {count} planned at risk must be on time").format(
                what=what, count=len(forecast.at_risk)
            )
        return what
    if len(forecast.closing) > CLOSING_NAMED:
        first = [contribution_text(c, catalog) for c in forecast.closing[:CLOSING_NAMED]]
        return _(
            "{count} of the {risky} exams at risk must be on time, the least behind first: "
            "{first}, …; then the target is met"
        ).format(count=len(forecast.closing), risky=len(forecast.at_risk), first=", ".join(first))
    reasons = [
        _("{who} is {why}").format(
            who=contribution_text(c, catalog), why=risk_text(c.risks, c.behind_weeks)
        )
        for c in forecast.closing
    ]
    if len(reasons) == 1:
        return _("{reasons}; on time, the target is met").format(reasons=reasons[0])
    return _("{reasons}; with these on time, the target is met").format(reasons=joined(reasons))


def held_text(held: HeldCertification, catalog: Catalog) -> str:
    """'CLF-C02 until 15 Jan 2028', and when a planned exam renews it: 'CLF-C02 until 15 Jan
    2028 (1 Mar 2030 with the renewal planned)', '(assumed: ...)' where the catalog only
    assumes that exam renews it."""
    text = _("{code} until {day}").format(
        code=_certification(held.certification_id, catalog), day=format_day(held.expires_on)
    )
    if held.renewed_until > held.expires_on:
        renewed = _("{day} with the renewal planned").format(day=format_day(held.renewed_until))
        text = _("{text} ({renewed})").format(
            text=text, renewed=assumed_text(renewed, held.renewal_assumed)
        )
    return text


def quarter_label(quarter: QuarterSummary) -> str:
    """'Q1 2027'."""
    return _("Q{quarter} {year}").format(quarter=quarter.quarter, year=quarter.year)


def amounts_text(amounts: Amounts) -> str:
    """'$450', '$450 + 350 EUR', '$0'."""
    return format_amounts(amounts.pairs)


def quarter_cells(quarter: QuarterSummary) -> tuple[str, ...]:
    """A quarter's line of the budget, as the window's table and the printed report show it:
    the quarter, exams, list price, with vouchers, paid by the company, renewals, expiries."""
    return (
        quarter_label(quarter),
        str(len(quarter.exams)),
        amounts_text(quarter.list_price),
        amounts_text(quarter.with_vouchers),
        amounts_text(quarter.paid_by_company),
        str(len(quarter.renewals)),
        str(len(quarter.expiries)),
    )


def as_of_text(today: date) -> str:
    """'As of 7 Dec 2026'."""
    return _("As of {day}").format(day=format_day(today))
