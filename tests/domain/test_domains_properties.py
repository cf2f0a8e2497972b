"""Properties of the split by exam domain for any entry, checked with hypothesis: it adds up
to the entry's hours, a lower result never gives a domain fewer hours (rounding included),
and logging by domain takes hours off that domain."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.domain.catalog import Catalog, Certification
from studyplanner.domain.domains import DomainSplit, split_hours
from studyplanner.domain.plan import (
    DomainRating,
    DomainResult,
    DomainVerdict,
    PlanEntry,
    PracticeScore,
    StudySession,
)
from studyplanner.storage.catalog_source import bundled_catalog

CATALOG: Catalog = bundled_catalog()
WITH_DOMAINS = [c for c in CATALOG if c.domains]
PROPERTY_SETTINGS = settings(max_examples=150, deadline=None)
DAY = date(2026, 6, 1)
TOLERANCE = 1e-9

percents = st.floats(min_value=0, max_value=100, allow_nan=False)
results: st.SearchStrategy[DomainResult] = st.one_of(percents, st.sampled_from(DomainVerdict))
hours = st.floats(min_value=0.1, max_value=24, allow_nan=False).map(lambda h: round(h, 2))


@st.composite
def situations(draw: st.DrawFn) -> tuple[Certification, PlanEntry, float, float]:
    """An exam with domains, an entry for it with ratings, results and a study log, its
    hours and the readiness target."""
    cert = draw(st.sampled_from(WITH_DOMAINS))
    numbers = [d.number for d in cert.domains]
    ratings = draw(st.dictionaries(st.sampled_from(numbers), st.sampled_from(DomainRating)))
    scores = [
        PracticeScore(
            on=draw(st.dates(min_value=DAY, max_value=date(2026, 9, 1))),
            percent=draw(percents),
            domains=draw(st.dictionaries(st.sampled_from(numbers), results)),
        )
        for _n in range(draw(st.integers(0, 3)))
    ]
    sessions = [
        StudySession(
            on=DAY, hours=draw(hours), domain=draw(st.one_of(st.none(), st.sampled_from(numbers)))
        )
        for _n in range(draw(st.integers(0, 8)))
    ]
    entry = PlanEntry(
        certification_id=cert.id, domain_ratings=ratings, scores=scores, sessions=sessions
    )
    total = draw(st.floats(min_value=1, max_value=400, allow_nan=False))
    target = draw(st.floats(min_value=50, max_value=100, allow_nan=False))
    return cert, entry, total, target


def split(cert: Certification, entry: PlanEntry, total: float, target: float) -> DomainSplit:
    return split_hours(entry, cert, total, max(0.0, total - entry.hours_logged), target)


@PROPERTY_SETTINGS
@given(situations())
def test_the_split_always_adds_up_to_the_entrys_hours(
    situation: tuple[Certification, PlanEntry, float, float],
) -> None:
    cert, entry, total, target = situation
    found = split(cert, entry, total, target)
    assert abs(sum(s.hours for s in found.shares) - total) < 1e-6
    assert abs(sum(s.remaining for s in found.shares) - found.remaining) < 1e-6
    assert abs(sum(s.review for s in found.shares) - found.review_hours) < 1e-6
    assert all(s.study >= 0 and s.review >= 0 and s.hours >= 0 for s in found.shares)
    assert abs(sum(s.logged for s in found.shares) - entry.hours_logged) < 1e-6
    assert sorted(found.study_order) == [d.number for d in cert.domains]


@PROPERTY_SETTINGS
@given(situations(), st.data())
def test_a_lower_result_in_a_domain_never_gives_it_fewer_hours(
    situation: tuple[Certification, PlanEntry, float, float], data: st.DataObject
) -> None:
    cert, entry, total, target = situation
    number = data.draw(st.sampled_from([d.number for d in cert.domains]))
    higher = data.draw(percents)
    lower = data.draw(st.floats(min_value=0, max_value=higher, allow_nan=False))
    late = date(2027, 1, 1)  # after every drawn score: the latest result for the domain

    def with_result(result: DomainResult) -> DomainSplit:
        score = PracticeScore(on=late, percent=50, domains={number: result})
        changed = entry.model_copy(update={"scores": [*entry.scores, score]})
        return split(cert, changed, total, target)

    def share_hours(found: DomainSplit) -> float:
        share = found.share(number)
        assert share is not None
        return share.hours

    assert share_hours(with_result(lower)) >= share_hours(with_result(higher)) - TOLERANCE
    needs = with_result(DomainVerdict.NEEDS_IMPROVEMENT)
    assert share_hours(needs) >= share_hours(with_result(DomainVerdict.MEETS)) - TOLERANCE


@PROPERTY_SETTINGS
@given(situations(), st.data())
def test_logging_by_domain_reduces_that_domains_remaining_hours(
    situation: tuple[Certification, PlanEntry, float, float], data: st.DataObject
) -> None:
    cert, entry, total, target = situation
    number = data.draw(st.sampled_from([d.number for d in cert.domains]))
    before = split(cert, entry, total, target).share(number)
    more = data.draw(hours)
    session = StudySession(on=DAY, hours=more, domain=number)
    logged = entry.model_copy(update={"sessions": [*entry.sessions, session]})
    after = split(cert, logged, total, target).share(number)
    assert before is not None and after is not None
    assert after.logged == before.logged + more or abs(after.logged - before.logged - more) < 1e-9
    assert after.remaining <= before.remaining + TOLERANCE
    fresh = entry.model_copy(update={"sessions": []})
    first = split(cert, fresh, total, target).share(number)
    once = fresh.model_copy(update={"sessions": [session]})
    then = split(cert, once, total, target).share(number)
    assert first is not None and then is not None
    if first.study > more + 0.2:
        # Before any log, its study block had room for them: it shrinks by them (to the
        # tenths). With a log, a domain that has studied past its share scales every block
        # down together, and an hour logged may then round to the same tenth.
        assert then.remaining < first.remaining
        assert abs(then.study - (first.study - more)) < 0.2 + 1e-9  # a tenth each way
