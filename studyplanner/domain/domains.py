"""An exam's hours split by its content domains: what to study, not only when (issue 24).

The exam's total stays the learner's choice: ``H``, the entry's hours (the estimate, or the
hours they typed). Inside it, each domain of the exam guide gets

- its **logged** hours: the sessions that name it, plus its weight's share of the sessions
  that name no domain (a session about "the whole exam" counts for every domain by weight);
- its part of the **review block**, the last part of the exam's study that revisits every
  domain, weakest first. The block is ``REVIEW_SHARE`` (10 %) of ``H`` and at least
  ``REVIEW_MIN_HOURS`` (2 h): a few evenings go over everything once more before the exam,
  however short the study. It never takes more than is left to study, so near the exam all
  that is left is review. Review hours go to domains by weight: every domain is on the exam
  in that proportion, and a review is about the whole exam;
- its **study block**: the hours still to study before the review (``H`` minus logged minus
  review). Each domain's target is its share of ``H`` minus the review, by weight times a
  factor: the learner's own rating (new 1.5, some 1, strong 0.6; no rating counts as some)
  times its latest practice result (``result_factor``: 1 at the readiness target, more below
  it, less above it). A domain's study block is its target minus what it has logged, never
  below zero; when a domain has logged past its target, the blocks are scaled down together
  so that they still fill exactly the hours left.

So a weak result moves the *remaining* hours toward its domain, logging by domain takes hours
off that domain only, and everything adds up to ``H``.

Rounding: study and review blocks are whole tenths of an hour (6 minutes: fine enough that a
1-hour weekday shows 0.3 h + 0.7 h, coarse enough to read), given by the largest remainder,
worked out in exact fractions. Hours left that are not a whole number of tenths (1.25 h
logged leaves 98.75 h) give their last part-tenth to the next domain in line, so each block
total is exact: the study blocks add up to the hours left before the review, the review
blocks to the review, and logged plus blocks to ``H``. A lower result never gives a domain
fewer hours, rounding included (tested with hypothesis).

Order: study blocks go weakest first (highest factor; ties in guide order, so without ratings
or results it is the guide's order). The weak domains then get the most time while it is
still there, and a practice test taken after them says early whether they caught up. The
review goes weakest first too, so the last days before the exam are the strong domains'
quick refresh.

The plan keeps domain numbers without the catalog, so a plan may name a number the exam does
not have (a catalog update merged two domains, a hand-edited file): such numbers are left out
of the split and reported in ``DomainSplit.unknown_numbers``, never a crash.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from studyplanner.domain.catalog import Certification, ExamDomain
from studyplanner.domain.plan import (
    DomainRating,
    DomainResult,
    DomainVerdict,
    PlanEntry,
)

REVIEW_SHARE = Fraction(1, 10)
"""The review block's share of an exam's hours."""
REVIEW_MIN_HOURS = Fraction(2)
"""The shortest review block (when that much is left to study)."""
HOUR_STEP = Fraction(1, 10)
"""Study and review blocks are whole multiples of this (a tenth of an hour, 6 minutes)."""

RATING_FACTORS: dict[DomainRating, Fraction] = {
    DomainRating.NEW: Fraction(3, 2),
    DomainRating.SOME: Fraction(1),
    DomainRating.STRONG: Fraction(3, 5),
}
"""How a learner's own rating scales a domain's share: half as much again for a domain
that is new to them, 40 % less for one they know well."""
RESULT_SLOPE = Fraction(50)
"""Percentage points below the readiness target that add 1 to a result's factor (55 % with
a target of 80 % is 25 points below: factor 1.5)."""
RESULT_FACTOR_MIN = Fraction(1, 2)
RESULT_FACTOR_MAX = Fraction(2)
VERDICT_FACTORS: dict[DomainVerdict, Fraction] = {
    DomainVerdict.MEETS: Fraction(4, 5),
    DomainVerdict.NEEDS_IMPROVEMENT: Fraction(3, 2),
}
"""AWS's score-report words, as factors: 'meets' like a result 10 points above the target,
'needs improvement' like one 25 points below it (the 55 % of the issue's example)."""


MICRO = 1_000_000


def exact(value: float) -> Fraction:
    """``value`` (hours, a percent) as an exact fraction, to the millionth: the figures people
    type keep their value (87.3 is 873/10), and the fractions stay small enough to be quick
    (a float's own binary fraction has a 2**52 denominator)."""
    return Fraction(round(value * MICRO), MICRO)


def result_factor(result: DomainResult | None, target: float) -> Fraction:
    """How a domain's latest practice result scales its share: 1 at ``target`` percent, up
    by 1 for every 50 points below it and down above it, kept between 0.5 and 2 (55 % with
    a target of 80 %: 1.5; 90 %: 0.8; 100 %: 0.6). No result: 1."""
    if result is None:
        return Fraction(1)
    if isinstance(result, DomainVerdict):
        return VERDICT_FACTORS[result]
    factor = 1 + (exact(target) - exact(result)) / RESULT_SLOPE
    return min(RESULT_FACTOR_MAX, max(RESULT_FACTOR_MIN, factor))


def is_weak(result: DomainResult | None, target: float) -> bool:
    """A result below the readiness target, or 'needs improvement'."""
    if result is None:
        return False
    if isinstance(result, DomainVerdict):
        return result is DomainVerdict.NEEDS_IMPROVEMENT
    return result < target


@dataclass(frozen=True)
class DomainShare:
    """One domain's part of an exam's hours (all in hours)."""

    domain: ExamDomain
    rating: DomainRating | None
    """The learner's own rating, if they gave one."""
    result: DomainResult | None
    """The latest practice result for this domain (percent or AWS's words), if any."""
    result_on: date | None
    factor: float
    """Rating factor times result factor: above 1 gets more than its weight's share."""
    weak: bool
    """Its latest result is below the readiness target, or 'needs improvement'."""
    logged: float
    """Hours logged for it: its own sessions, plus its weight's share of the others."""
    study: float
    """Its study block: hours still to study before the review."""
    review: float
    """Its part of the review block."""
    hours: float
    """Its part of the exam's hours: what is done (its logged hours) plus study plus review.
    The shares' hours add up to the entry's hours."""

    @property
    def number(self) -> int:
        return self.domain.number

    @property
    def name(self) -> str:
        return self.domain.name

    @property
    def weight(self) -> int:
        return self.domain.weight

    @property
    def remaining(self) -> float:
        """Hours still to study for it: its study block and its part of the review."""
        return self.study + self.review


@dataclass(frozen=True)
class DomainSplit:
    """An entry's hours by exam domain. ``shares`` is empty for an exam the catalog lists no
    domains for (then the exam is studied as one block)."""

    entry_id: str
    hours: float
    """The entry's hours, which the shares add up to."""
    remaining: float
    """Hours still to study (the schedule's), which study and review blocks add up to."""
    review_hours: float
    shares: tuple[DomainShare, ...]
    """In guide order."""
    study_order: tuple[int, ...]
    """Domain numbers in the order their study blocks come: weakest first."""
    review_order: tuple[int, ...]
    """Domain numbers in the order the review revisits them: weakest first."""
    unknown_numbers: tuple[int, ...] = ()
    """Domain numbers the plan gives for this exam (a rating, a result, a session) that its
    exam guide does not have: left out of the split, and worth a warning."""

    def share(self, number: int) -> DomainShare | None:
        for item in self.shares:
            if item.number == number:
                return item
        return None

    @property
    def weak(self) -> tuple[DomainShare, ...]:
        """Domains whose latest result is weak, weakest first (then in guide order)."""
        found = [item for item in self.shares if item.weak]
        return tuple(sorted(found, key=_weakness_key))


def _weakness_key(share: DomainShare) -> tuple[float, int]:
    result = share.result
    if isinstance(result, DomainVerdict):
        # 'needs improvement' says less than any percent would: it sorts with the weakest
        value = -1.0 if result is DomainVerdict.NEEDS_IMPROVEMENT else 101.0
    else:
        value = 101.0 if result is None else result
    return value, share.number


def latest_results(entry: PlanEntry) -> dict[int, tuple[DomainResult, date]]:
    """Each domain's latest practice result and its day (scores of one day: the one entered
    last wins), by domain number."""
    found: dict[int, tuple[DomainResult, date]] = {}
    for score in sorted(entry.scores, key=lambda s: s.on):
        for number, result in score.domains.items():
            found[number] = (result, score.on)
    return found


def review_hours(hours: float, remaining: float) -> Fraction:
    """The review block: 10 % of the exam's hours, at least 2 h, at most what is left."""
    want = max(REVIEW_SHARE * exact(hours), REVIEW_MIN_HOURS)
    return min(exact(remaining), want)


def split_hours(
    entry: PlanEntry,
    certification: Certification,
    hours: float,
    remaining: float,
    target: float,
) -> DomainSplit:
    """``entry``'s ``hours`` split by its exam's domains, ``remaining`` of them still to
    study (the schedule's figure: 0 for a passed exam), with ``target`` the readiness target
    that results are measured against. See the module's docstring for the rules."""
    domains = list(certification.domains)
    known = {d.number for d in domains}
    unknown = unknown_numbers(entry, certification)
    total = exact(hours)
    left = exact(max(0.0, min(remaining, hours)))
    review = review_hours(hours, float(left)) if domains else Fraction(0)
    if not domains:
        return DomainSplit(entry.id, hours, float(left), 0.0, (), (), (), unknown)

    results = latest_results(entry)
    weights = [Fraction(d.weight, 100) for d in domains]
    factors = [
        RATING_FACTORS[entry.domain_ratings.get(d.number, DomainRating.SOME)]
        * result_factor(results[d.number][0] if d.number in results else None, target)
        for d in domains
    ]

    own = dict.fromkeys(known, Fraction(0))
    spread = Fraction(0)
    for session in entry.sessions:
        if session.domain in own:
            own[session.domain] += exact(session.hours)
        else:
            spread += exact(session.hours)
    logged = [own[d.number] + spread * w for d, w in zip(domains, weights, strict=True)]
    done = _done_hours(logged, weights, total - left)

    study_left = left - review
    pool = total - review  # the hours before the review, logged ones included
    weighted = [w * f for w, f in zip(weights, factors, strict=True)]
    per_weight = pool / sum(weighted)
    targets = [x * per_weight for x in weighted]
    needs = [max(Fraction(0), t - d) for t, d in zip(targets, done, strict=True)]
    needed = sum(needs)
    if needed > 0:
        per_need = study_left / needed
        study_quotas = [n * per_need for n in needs]
    else:  # nothing left to study before the review
        study_quotas = [Fraction(0) for _n in needs]
    study = apportion(study_quotas, study_left)
    reviews = apportion([review * w for w in weights], review)

    shares = tuple(
        DomainShare(
            domain=d,
            rating=entry.domain_ratings.get(d.number),
            result=results[d.number][0] if d.number in results else None,
            result_on=results[d.number][1] if d.number in results else None,
            factor=float(factor),
            weak=is_weak(results[d.number][0] if d.number in results else None, target),
            logged=float(log),
            study=float(block),
            review=float(again),
            hours=float(finished + block + again),
        )
        for d, factor, log, finished, block, again in zip(
            domains, factors, logged, done, study, reviews, strict=True
        )
    )
    order = tuple(
        d.number
        for d, _f in sorted(zip(domains, factors, strict=True), key=lambda p: (-p[1], p[0].number))
    )
    return DomainSplit(
        entry_id=entry.id,
        hours=hours,
        remaining=float(left),
        review_hours=float(review),
        shares=shares,
        study_order=order,
        review_order=order,
        unknown_numbers=unknown,
    )


def _done_hours(logged: list[Fraction], weights: list[Fraction], done: Fraction) -> list[Fraction]:
    """The part of the exam's hours each domain has behind it: its logged hours, unless the
    log and the hours disagree (a passed exam studied for less than its hours, or more logged
    than the hours), when the hours done are shared like the log (by weight without one)."""
    total = sum(logged, Fraction(0))
    if total == done:
        return logged
    if total > 0:
        return [done * part / total for part in logged]
    return [done * w for w in weights]


def unknown_numbers(entry: PlanEntry, certification: Certification) -> tuple[int, ...]:
    """Domain numbers the entry names (ratings, results, sessions) that its exam's guide
    does not have, in order."""
    known = {d.number for d in certification.domains}
    named: set[int] = set(entry.domain_ratings)
    for score in entry.scores:
        named.update(score.domains)
    named.update(s.domain for s in entry.sessions if s.domain is not None)
    return tuple(sorted(named - known))


def apportion(quotas: Sequence[Fraction], total: Fraction) -> list[Fraction]:
    """``quotas`` (adding up to ``total``) in whole ``HOUR_STEP``s by the largest remainder:
    each gets its quota rounded down, then the steps left go one each in order of the
    largest part rounded off (ties: the earlier one). When ``total`` is not a whole number of
    steps, the last part-step goes to the next in that order, so the result adds up to
    ``total`` exactly."""
    units = [q / HOUR_STEP for q in quotas]
    floors = [math.floor(u) for u in units]
    left = total / HOUR_STEP - sum(floors)
    order = sorted(range(len(units)), key=lambda i: (floors[i] - units[i], i))
    extra = [Fraction(0)] * len(units)
    for index in order:
        if left <= 0:
            break
        extra[index] = min(Fraction(1), left)
        left -= extra[index]
    return [(f + e) * HOUR_STEP for f, e in zip(floors, extra, strict=True)]


def blocks(split: DomainSplit) -> Iterable[tuple[int | None, bool, float]]:
    """The study still to do, in order, as (domain number, is review, hours): the study
    blocks weakest first, then the review block weakest first. An exam without domains is
    one block of its remaining hours (domain None). Empty blocks are left out."""
    if not split.shares:
        if split.remaining > 0:
            yield None, False, split.remaining
        return
    for number in split.study_order:
        share = split.share(number)
        if share is not None and share.study > 0:
            yield number, False, share.study
    for number in split.review_order:
        share = split.share(number)
        if share is not None and share.review > 0:
            yield number, True, share.review
