"""An exam's hours split by its domains (issue 24): by weight, moved toward weak domains by
the learner's ratings and practice results, with logged hours counted where they were spent
and a review block at the end. Every figure here is worked out by hand in the comments."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from studyplanner.domain.analysis import analyse
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.domains import (
    DomainSplit,
    apportion,
    blocks,
    result_factor,
    review_hours,
    split_hours,
)
from studyplanner.domain.plan import (
    LOGGED_BEFORE_SESSIONS,
    DomainRating,
    DomainVerdict,
    EntryStatus,
    PlanEntry,
    PracticeScore,
    StudyPlan,
    StudySession,
    WeeklyAvailability,
)

DAY = date(2026, 6, 1)
SAA = "solutions-architect-associate"


def saa(
    catalog: Catalog,
    entry: PlanEntry,
    *,
    hours: float = 100,
    remaining: float | None = None,
    target: float = 80,
) -> DomainSplit:
    left = max(0.0, hours - entry.hours_logged) if remaining is None else remaining
    return split_hours(entry, catalog.get(SAA), hours, left, target)


def hours_of(split: DomainSplit) -> list[float]:
    return [round(share.hours, 9) for share in split.shares]


def test_saa_c03_with_100_hours_and_nothing_said_splits_by_the_guide_30_26_24_20(
    catalog: Catalog,
) -> None:
    split = saa(catalog, PlanEntry(certification_id=SAA))
    # Review: 10 % of 100 h = 10 h (more than the 2 h floor), by weight: 3, 2.6, 2.4, 2.
    # Study: the other 90 h by weight: 27, 23.4, 21.6, 18.
    assert hours_of(split) == [30, 26, 24, 20]
    assert [s.review for s in split.shares] == pytest.approx([3, 2.6, 2.4, 2])
    assert [s.study for s in split.shares] == pytest.approx([27, 23.4, 21.6, 18])
    assert split.review_hours == 10
    assert [s.logged for s in split.shares] == [0, 0, 0, 0]
    assert split.study_order == (1, 2, 3, 4), "nothing weak: the guide's order"
    assert split.unknown_numbers == ()


def test_a_weak_result_moves_the_remaining_hours_toward_its_domain(catalog: Catalog) -> None:
    score = PracticeScore(on=DAY, percent=70, domains={2: 55})
    split = saa(catalog, PlanEntry(certification_id=SAA, scores=[score]))
    # Domain 2 at 55 % with a target of 80 %: factor 1 + 25/50 = 1.5.
    # Weighted: 0.30, 0.26 x 1.5 = 0.39, 0.24, 0.20 (sum 1.13) of the 90 h before review:
    # 23.894, 31.062, 19.115, 15.929 -> tenths 23.8, 31.0, 19.1, 15.9 (89.8 h) and the two
    # tenths left go to the largest parts rounded off (.94 and .62): 23.9, 31.1, 19.1, 15.9.
    assert [s.study for s in split.shares] == pytest.approx([23.9, 31.1, 19.1, 15.9])
    # The review stays by weight (3, 2.6, 2.4, 2), so the hours are:
    assert hours_of(split) == pytest.approx([26.9, 33.7, 21.5, 17.9])
    assert sum(s.hours for s in split.shares) == pytest.approx(100)
    assert split.study_order == (2, 1, 3, 4), "the weak domain first"
    assert [s.number for s in split.weak] == [2]
    assert split.share(2) is not None and split.share(2).result == 55  # type: ignore[union-attr]


def test_ratings_and_verdicts_set_factors(catalog: Catalog) -> None:
    entry = PlanEntry(
        certification_id=SAA,
        domain_ratings={1: DomainRating.STRONG, 3: DomainRating.NEW},
        scores=[PracticeScore(on=DAY, percent=75, domains={4: DomainVerdict.NEEDS_IMPROVEMENT})],
    )
    split = saa(catalog, entry)
    assert [s.factor for s in split.shares] == pytest.approx([0.6, 1, 1.5, 1.5])
    # Weighted 0.18, 0.26, 0.36, 0.30 (sum 1.10) of 90 h: 14.727, 21.273, 29.455, 24.545
    # -> 14.7, 21.2, 29.4, 24.5 (89.8) + tenths to .73 and .55 parts: 14.7, 21.3, 29.5, 24.5.
    assert [s.study for s in split.shares] == pytest.approx([14.7, 21.3, 29.5, 24.5])
    assert split.study_order == (3, 4, 2, 1)
    assert [s.number for s in split.weak] == [4]
    assert result_factor(DomainVerdict.MEETS, 80) == Fraction(4, 5)
    assert result_factor(90, 80) == Fraction(4, 5)
    assert result_factor(100, 80) == Fraction(3, 5)
    assert result_factor(0, 80) == 2, "kept at most 2"
    assert result_factor(100, 50) == Fraction(1, 2), "kept at least 0.5"


def test_the_latest_result_for_a_domain_counts(catalog: Catalog) -> None:
    entry = PlanEntry(
        certification_id=SAA,
        scores=[
            PracticeScore(on=date(2026, 6, 10), percent=80, domains={1: 90}),
            PracticeScore(on=date(2026, 6, 3), percent=60, domains={1: 40, 2: 50}),
        ],
    )
    split = saa(catalog, entry)
    assert [s.result for s in split.shares] == [90, 50, None, None]
    assert split.shares[0].result_on == date(2026, 6, 10)
    assert [s.number for s in split.weak] == [2]


def test_logging_by_domain_takes_hours_off_that_domain_only(catalog: Catalog) -> None:
    session = StudySession(on=DAY, hours=5, domain=1)
    split = saa(catalog, PlanEntry(certification_id=SAA, sessions=[session]))
    # 95 h left, review 10 h: study 85 h. Targets stay 27, 23.4, 21.6, 18; domain 1 has 5 h
    # behind it, so its study block is 22 h and the others keep theirs.
    assert [s.study for s in split.shares] == pytest.approx([22, 23.4, 21.6, 18])
    assert [s.logged for s in split.shares] == [5, 0, 0, 0]
    assert hours_of(split) == pytest.approx([30, 26, 24, 20])


def test_sessions_without_a_domain_count_for_every_domain_by_weight(catalog: Catalog) -> None:
    session = StudySession(on=DAY, hours=10)
    split = saa(catalog, PlanEntry(certification_id=SAA, sessions=[session]))
    assert [s.logged for s in split.shares] == pytest.approx([3, 2.6, 2.4, 2])
    assert [s.study for s in split.shares] == pytest.approx([24, 20.8, 19.2, 16])


def test_a_domain_logged_past_its_share_leaves_the_others_all_that_is_left(
    catalog: Catalog,
) -> None:
    session = StudySession(on=DAY, hours=24, domain=4)
    split = saa(catalog, PlanEntry(certification_id=SAA, sessions=[session, session]))
    # 52 h left, 10 h review, 42 h study. Domain 4's target is 18 h and it has 48 behind it:
    # no study for it; the others need 27, 23.4, 21.6 (72 h) for 42 h: scaled by 42/72 to
    # 15.75, 13.65, 12.6.
    assert [s.study for s in split.shares] == pytest.approx([15.8, 13.6, 12.6, 0])
    assert sum(s.study for s in split.shares) == pytest.approx(42)
    assert sum(s.hours for s in split.shares) == pytest.approx(100)


def test_hours_left_that_are_not_whole_tenths_still_add_up(catalog: Catalog) -> None:
    session = StudySession(on=DAY, hours=1.25, domain=2)
    split = saa(catalog, PlanEntry(certification_id=SAA, sessions=[session]))
    assert sum(s.study for s in split.shares) == pytest.approx(100 - 1.25 - 10)
    assert sum(s.hours for s in split.shares) == pytest.approx(100)


def test_the_review_is_a_tenth_at_least_2_hours_at_most_what_is_left() -> None:
    assert review_hours(100, 100) == 10
    assert review_hours(12, 12) == 2
    assert review_hours(100, 4) == 4
    assert review_hours(100, 0) == 0


def test_apportion_adds_up_exactly_and_gives_tenths_by_largest_remainder() -> None:
    quotas = [Fraction(1, 3)] * 3
    assert apportion(quotas, Fraction(1)) == [Fraction(4, 10), Fraction(3, 10), Fraction(3, 10)]
    odd = [Fraction(125, 100), Fraction(0)]
    assert apportion(odd, Fraction(125, 100)) == [Fraction(125, 100), Fraction(0)]


def test_a_passed_exam_has_nothing_left(catalog: Catalog) -> None:
    entry = PlanEntry(
        certification_id=SAA,
        status=EntryStatus.PASSED,
        passed_on=DAY,
        sessions=[StudySession(on=DAY, hours=20, domain=1), StudySession(on=DAY, hours=20)],
    )
    split = saa(catalog, entry, remaining=0)
    assert [s.remaining for s in split.shares] == [0, 0, 0, 0]
    # 40 h logged, 26 of them domain 1's (20 + 30 % of 20): the 100 h are shared like that.
    assert hours_of(split) == pytest.approx([65, 13, 12, 10])
    assert list(blocks(split)) == []


def test_a_passed_exam_without_a_log_shares_its_hours_by_weight(catalog: Catalog) -> None:
    entry = PlanEntry(certification_id=SAA, status=EntryStatus.PASSED, passed_on=DAY)
    assert hours_of(saa(catalog, entry, remaining=0)) == [30, 26, 24, 20]


def test_numbers_the_exam_does_not_have_are_reported_not_used(catalog: Catalog) -> None:
    entry = PlanEntry(
        certification_id=SAA,
        domain_ratings={7: DomainRating.NEW},
        scores=[PracticeScore(on=DAY, percent=50, domains={9: 10})],
        sessions=[StudySession(on=DAY, hours=10, domain=5)],
    )
    split = saa(catalog, entry)
    assert split.unknown_numbers == (5, 7, 9)
    assert [s.logged for s in split.shares] == pytest.approx([3, 2.6, 2.4, 2])
    assert [s.factor for s in split.shares] == [1, 1, 1, 1]


def test_an_exam_without_domains_is_one_block(catalog: Catalog) -> None:
    retired = next(c for c in catalog if not c.domains)
    entry = PlanEntry(
        certification_id=retired.id, sessions=[StudySession(on=DAY, hours=2, domain=1)]
    )
    split = split_hours(entry, retired, 30, 28, 80)
    assert split.shares == ()
    assert split.unknown_numbers == (1,)
    assert list(blocks(split)) == [(None, False, 28)]


def test_blocks_go_weakest_first_then_review_weakest_first(catalog: Catalog) -> None:
    score = PracticeScore(on=DAY, percent=70, domains={3: 50})
    split = saa(catalog, PlanEntry(certification_id=SAA, scores=[score]))
    found = [(number, review) for number, review, _hours in blocks(split)]
    assert found == [
        (3, False),
        (1, False),
        (2, False),
        (4, False),
        (3, True),
        (1, True),
        (2, True),
        (4, True),
    ]
    assert sum(hours for *_rest, hours in blocks(split)) == pytest.approx(100)


def test_the_analysis_splits_every_scheduled_entry(catalog: Catalog) -> None:
    lump = StudySession(on=DAY, hours=30, note=LOGGED_BEFORE_SESSIONS)
    plan = StudyPlan(
        start_date=DAY,
        availability=WeeklyAvailability(hours_per_weekday=[2] * 7),
        entries=[
            PlanEntry(certification_id="cloud-practitioner", sessions=[lump]),
            PlanEntry(
                certification_id=SAA, hours_override=100, domain_ratings={6: DomainRating.NEW}
            ),
        ],
    )
    analysis = analyse(plan, catalog, DAY)
    first, second = plan.entries
    split = analysis.domains_of(second.id)
    assert split is not None and hours_of(split) == [30, 26, 24, 20]
    cp = analysis.domains_of(first.id)
    assert cp is not None and sum(s.hours for s in cp.shares) == pytest.approx(
        analysis.schedule.for_entry(first.id).hours  # type: ignore[union-attr]
    )
    assert analysis.domains_of("0" * 32) is None
    assert analysis.domains_of(second.id) is split, "worked out once"
    assert list(analysis.domains) == [first.id, second.id]
    assert split.share(5) is None
    (warning,) = [a for a in analysis.advice if a.code == "unknown-domain"]
    assert warning.entry_id == second.id
    assert warning.message == (
        "SAA-C03 Solutions Architect – Associate has no domain 6 (its exam guide "
        "has 4 domains): what the plan says about it is left out of the split by domain"
    )


def test_a_plan_that_cannot_be_scheduled_has_no_split(catalog: Catalog) -> None:
    plan = StudyPlan(
        start_date=DAY,
        availability=WeeklyAvailability(hours_per_weekday=[0] * 7),
        entries=[PlanEntry(certification_id=SAA)],
    )
    analysis = analyse(plan, catalog, DAY)
    assert analysis.domains == {} and analysis.domains_of(plan.entries[0].id) is None
