"""How exam domains are said in words, the same in `show`, the window and on paper:
"Domain 2, Design Resilient Architectures", a result ("55 %", "meets", "needs improvement"),
the weak domains readiness names, and a domain split line by line.

Part of the domain's wording layer (see :mod:`studyplanner.domain.wording`): Qt-free. Domain
names are the catalog's, in AWS's English (data, not translated).
"""

from __future__ import annotations

from collections.abc import Sequence

from studyplanner.domain.domains import DomainShare, DomainSplit
from studyplanner.domain.plan import DomainRating, DomainResult, DomainVerdict
from studyplanner.domain.wording import format_hours, format_number
from studyplanner.i18n import N_, _, ngettext

RATING_NAMES: dict[DomainRating, str] = {
    DomainRating.NEW: N_("new to me"),
    DomainRating.SOME: N_("know some"),
    DomainRating.STRONG: N_("know well"),
}
"""How a rating is shown (through ``_()``)."""

VERDICT_NAMES: dict[DomainVerdict, str] = {
    DomainVerdict.MEETS: N_("meets"),
    DomainVerdict.NEEDS_IMPROVEMENT: N_("needs improvement"),
}
"""AWS's score-report words for a domain (through ``_()``)."""


def rating_text(rating: DomainRating | None) -> str:
    """'new to me', 'know some', 'know well'; '' without a rating."""
    return "" if rating is None else _(RATING_NAMES[rating])


def result_text(result: DomainResult | None) -> str:
    """'55 %', 'meets', 'needs improvement'; '' without a result."""
    if result is None:
        return ""
    if isinstance(result, DomainVerdict):
        return _(VERDICT_NAMES[result])
    return f"{format_number(result)} %"


def domain_label(number: int, name: str) -> str:
    """'Domain 2, Design Resilient Architectures'."""
    return _("Domain {number}, {name}").format(number=number, name=name)


def share_label(share: DomainShare) -> str:
    """'Domain 2, Design Resilient Architectures'."""
    return domain_label(share.number, share.name)


def weak_domains_text(weak: Sequence[DomainShare]) -> str:
    """'Domain 2, Design Secure Architectures, 55 %; Domain 4, ..., needs improvement':
    the weak domains with their latest result, weakest first ('' when none is weak)."""
    return "; ".join(
        _("{domain}, {result}").format(domain=share_label(s), result=result_text(s.result))
        for s in weak
    )


def share_text(share: DomainShare) -> str:
    """'Domain 1, Design Secure Architectures (30 %): 30 h, 4 h logged, 26 h to go (3 h of
    them review); last result 55 %'."""
    text = _("{domain} ({weight} %): {hours}, {logged} logged, {left} to go").format(
        domain=share_label(share),
        weight=share.weight,
        hours=format_hours(share.hours),
        logged=format_hours(share.logged),
        left=format_hours(share.remaining),
    )
    if share.review > 0:
        text += " " + _("({hours} of them review)").format(hours=format_hours(share.review))
    if share.result is not None:
        text += "; " + _("last result {result}").format(result=result_text(share.result))
    if share.rating is not None:
        text += "; " + _("rated {rating}").format(rating=rating_text(share.rating))
    return text


def split_lines(split: DomainSplit) -> list[str]:
    """The split, one line per domain in guide order (none for an exam without domains)."""
    return [share_text(share) for share in split.shares]


def unknown_domains_text(label: str, numbers: Sequence[int], count: int) -> str:
    """'DVA-C02 has no domain 7 (its exam guide has 4 domains): what the plan says about
    it is left out of the split by domain'."""
    listed = ", ".join(str(n) for n in numbers)
    if count == 0:
        return ngettext(
            "{label} lists no exam domains, so domain {numbers} in the plan is left out",
            "{label} lists no exam domains, so domains {numbers} in the plan are left out",
            len(numbers),
        ).format(label=label, numbers=listed)
    return ngettext(
        "{label} has no domain {numbers} (its exam guide has {count} domains): what the "
        "plan says about it is left out of the split by domain",
        "{label} has no domains {numbers} (its exam guide has {count} domains): what the "
        "plan says about them is left out of the split by domain",
        len(numbers),
    ).format(label=label, numbers=listed, count=count)
