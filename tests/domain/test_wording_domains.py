"""Exam domains in words: the weak domains readiness names, a domain's line in the split, and
the warning for a domain number an exam does not have."""

from __future__ import annotations

from datetime import date

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.domains import split_hours
from studyplanner.domain.plan import (
    DomainRating,
    DomainVerdict,
    PlanEntry,
    PracticeScore,
    StudySession,
)
from studyplanner.domain.wording_domains import (
    domain_label,
    rating_text,
    result_text,
    split_lines,
    unknown_domains_text,
    weak_domains_text,
)
from studyplanner.domain.wording_progress import readiness_text

DAY = date(2026, 6, 1)
SAA = "solutions-architect-associate"


def scored(*scores: PracticeScore, **fields: object) -> PlanEntry:
    return PlanEntry(certification_id=SAA, scores=list(scores), **fields)  # type: ignore[arg-type]


def test_results_and_ratings_in_words() -> None:
    assert result_text(55) == "55 %"
    assert result_text(72.5) == "72.5 %"
    assert result_text(DomainVerdict.MEETS) == "meets"
    assert result_text(DomainVerdict.NEEDS_IMPROVEMENT) == "needs improvement"
    assert result_text(None) == ""
    assert rating_text(DomainRating.NEW) == "new to me"
    assert rating_text(None) == ""
    assert domain_label(2, "Design Resilient Architectures") == (
        "Domain 2, Design Resilient Architectures"
    )


def test_readiness_names_the_weak_domains_weakest_first(catalog: Catalog) -> None:
    entry = scored(
        PracticeScore(on=DAY, percent=60),
        PracticeScore(
            on=DAY,
            percent=72,
            domains={1: 55, 2: DomainVerdict.NEEDS_IMPROVEMENT, 3: 85, 4: DomainVerdict.MEETS},
        ),
    )
    weak = split_hours(entry, catalog.get(SAA), 100, 100, 80).weak
    assert weak_domains_text(weak) == (
        "Domain 2, Design Resilient Architectures, needs improvement; "
        "Domain 1, Design Secure Architectures, 55 %"
    )
    assert readiness_text(entry, 80, weak) == (
        "not ready: Domain 2, Design Resilient Architectures, needs improvement; "
        "Domain 1, Design Secure Architectures, 55 %; "
        "last two practice scores 60 % and 72 % (target 80 %)"
    )
    assert readiness_text(entry, 80) == (
        "not ready: last two practice scores 60 % and 72 % (target 80 %)"
    ), "without the split, as before"


def test_one_score_and_a_ready_verdict_with_a_weak_domain(catalog: Catalog) -> None:
    one = scored(PracticeScore(on=DAY, percent=70, domains={2: 55}))
    weak = split_hours(one, catalog.get(SAA), 100, 100, 80).weak
    assert readiness_text(one, 80, weak) == (
        "not ready: Domain 2, Design Resilient Architectures, 55 %; one practice score, 70 % "
        "(two at 80 % or more make it ready)"
    )
    ready = scored(
        PracticeScore(on=DAY, percent=84),
        PracticeScore(on=DAY, percent=88, domains={4: 70}),
    )
    weak = split_hours(ready, catalog.get(SAA), 100, 100, 80).weak
    assert readiness_text(ready, 80, weak) == (
        "ready: last two practice scores 84 % and 88 % (target 80 %); "
        "still weak: Domain 4, Design Cost-Optimized Architectures, 70 %"
    )
    assert readiness_text(PlanEntry(certification_id=SAA), 80, weak) == "no practice scores yet"


def test_a_split_line_by_line(catalog: Catalog) -> None:
    entry = scored(
        PracticeScore(on=DAY, percent=70, domains={2: 55}),
        domain_ratings={3: DomainRating.STRONG},
        sessions=[StudySession(on=DAY, hours=4, domain=1)],
    )
    lines = split_lines(split_hours(entry, catalog.get(SAA), 100, 96, 80))
    # Weighted 0.30, 0.26 x 1.5, 0.24 x 0.6, 0.20 = 0.30, 0.39, 0.144, 0.20 (1.034) of the
    # 90 h before review: domain 1's target 26.11 h, less 4 h logged: 22.1 h, + 3 h review.
    assert lines[0] == (
        "Domain 1, Design Secure Architectures (30 %): 29.1 h, 4 h logged, 25.1 h to go "
        "(3 h of them review)"
    )
    assert lines[1].endswith("; last result 55 %")
    assert lines[2].endswith("; rated know well")
    assert len(lines) == 4


def test_the_warning_for_a_number_an_exam_does_not_have() -> None:
    assert unknown_domains_text("SAA-C03 X", [6], 4) == (
        "SAA-C03 X has no domain 6 (its exam guide has 4 domains): what the plan says about "
        "it is left out of the split by domain"
    )
    assert unknown_domains_text("SAA-C03 X", [5, 6], 4).startswith("SAA-C03 X has no domains 5, 6")
    assert unknown_domains_text("OLD X", [1], 0) == (
        "OLD X lists no exam domains, so domain 1 in the plan is left out"
    )
