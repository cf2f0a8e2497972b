"""What the plan's exams cost: at list price, with the 50 % vouchers that passes earn, and
in the worst case.

Rules (documented in the README):
- Every pass earns one voucher for 50 % off one later exam (exam date strictly after the
  pass). Planned exams are assumed passed on their exam date; passed entries count from
  ``passed_on`` (one without a date earns none: we cannot tell whether it is still usable).
- ``StudyPlan.voucher_valid_months`` is the user's assumption of how long a voucher stays
  usable (to that day inclusive); None assumes no limit, as AWS publishes none.
- Certifications held from before the plan were earned long ago and their vouchers are taken
  as used, unless a voucher limit is set and the exam falls within it.
- An exam someone else pays for costs the plan nothing and needs no voucher; its pass still
  earns one.
- Vouchers are placed so that the plan pays least (see ``assign_vouchers``).
- Worst case: every exam still to sit is failed once and sat again at full price (a voucher
  is spent on the first attempt; whoever paid the first attempt, the retake is the plan's).
- An exam with the learner's own fee (``PlanEntry.own_fee``: 350 EUR, tax included) costs
  that, in its currency, instead of the list price; a voucher takes half of it off. Totals
  are kept per currency and never added across currencies ("$450 + 350 EUR"): there are no
  exchange rates here. Where vouchers go is still decided on list prices, the one figure
  all exams share.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from studyplanner.domain.months import add_calendar_months
from studyplanner.domain.plan import EntryStatus, PlanEntry
from studyplanner.domain.schedule import Schedule

USD = "USD"


@dataclass(frozen=True)
class Price:
    """An amount of one currency, in cents so that sums are exact."""

    cents: int
    currency: str = USD

    @property
    def amount(self) -> float:
        return self.cents / 100

    def halved(self) -> Price:
        """What a 50 % voucher leaves to pay of an own fee (an odd cent is paid)."""
        return Price(self.cents - self.cents // 2, self.currency)

    def as_json(self) -> dict[str, Any]:
        whole = self.cents % 100 == 0
        return {"amount": self.cents // 100 if whole else self.amount, "currency": self.currency}


@dataclass(frozen=True)
class Amounts:
    """Sums kept per currency, dollars first, then the others by code. Currencies are never
    added to each other: '$450 + 350 EUR'."""

    prices: tuple[Price, ...]

    @classmethod
    def of(cls, prices: Iterable[Price]) -> Amounts:
        """The sum of ``prices`` per currency; dollars are always there unless every price
        is in another currency, and a currency summing to nothing is left out otherwise."""
        cents: dict[str, int] = {}
        for price in prices:
            cents[price.currency] = cents.get(price.currency, 0) + price.cents
        others = sorted(code for code in cents if code != USD and cents[code])
        dollars = [USD] if cents.get(USD) or not others else []
        return cls(tuple(Price(cents.get(code, 0), code) for code in [*dollars, *others]))

    def __add__(self, other: Amounts) -> Amounts:
        return Amounts.of([*self.prices, *other.prices])

    def in_currency(self, currency: str) -> float:
        """The part in ``currency`` (0 when there is none)."""
        return sum(p.cents for p in self.prices if p.currency == currency) / 100

    @property
    def pairs(self) -> list[tuple[float, str]]:
        """``(amount, currency)`` for ``wording.format_amounts``."""
        return [(price.amount, price.currency) for price in self.prices]

    def as_json(self) -> list[dict[str, Any]]:
        return [price.as_json() for price in self.prices]


_IN_DOLLARS = Price(-1)
"""An ``EntryCost`` price not given: taken from its dollar figure."""


def entry_fee(entry: PlanEntry, list_usd: int) -> Price:
    """What one attempt at the exam costs: the learner's own fee, or the list price."""
    if entry.own_fee is not None:
        return Price(entry.own_fee.cents, entry.own_fee.currency)
    return Price(list_usd * 100)


def voucher_discount(fee_usd: int) -> int:
    """What a 50 % voucher takes off ``fee_usd`` (whole dollars; an odd cent is paid)."""
    return fee_usd // 2


@dataclass(frozen=True)
class EntryCost:
    """What one plan entry costs the plan."""

    entry_id: str
    list_usd: int
    """The catalog fee; 0 for a passed entry (already paid)."""
    paid_usd: int
    """After a voucher, or 0 when someone else pays."""
    voucher_from: str | None
    """The entry whose pass earned the voucher used here, if it came from a plan entry."""
    paid_by_other: bool
    voucher_from_held: str | None = None
    """The held certification whose voucher is used here, if it came from one."""
    fee: Price = _IN_DOLLARS
    """One attempt at the fee the plan counts: the learner's own (``own``) or the list
    price; nothing for a passed entry. Not given: ``list_usd``."""
    paid: Price = _IN_DOLLARS
    """What the plan pays in ``fee``'s currency: after a voucher, nothing when someone else
    pays. ``paid_usd`` is this in dollars, and 0 when the fee is in another currency. Not
    given: ``paid_usd``."""
    own: bool = False
    """The fee is the learner's own (``PlanEntry.own_fee``), not the catalog's."""

    def __post_init__(self) -> None:
        if self.fee is _IN_DOLLARS:
            object.__setattr__(self, "fee", Price(self.list_usd * 100))
        if self.paid is _IN_DOLLARS:
            object.__setattr__(self, "paid", Price(self.paid_usd * 100))

    @property
    def saved_usd(self) -> int:
        """What a voucher takes off, in dollars (0 for a fee in another currency)."""
        if self.paid_by_other or self.fee.currency != USD:
            return 0
        return (self.fee.cents - self.paid.cents) // 100


@dataclass(frozen=True)
class Budget:
    """The three figures the plan shows, and each entry's share."""

    list_usd: int
    """List fees of the exams still to sit, in dollars (those with a fee of the learner's
    own in another currency are in ``list_price`` only)."""
    with_vouchers_usd: int
    """What the plan pays with the best use of vouchers; exams paid by others cost 0. The
    dollar part, like ``list_usd``."""
    worst_case_usd: int
    """``with_vouchers_usd`` plus every exam still to sit once more at full price."""
    entries: tuple[EntryCost, ...]
    """In plan order."""
    list_price: Amounts = Amounts(())
    """The fees of the exams still to sit, per currency (own fees in theirs): what is shown.
    Not given (nor ``with_vouchers``, ``worst_case``): the dollar figures alone."""
    with_vouchers: Amounts = Amounts(())
    worst_case: Amounts = Amounts(())

    def __post_init__(self) -> None:
        for name, dollars in (
            ("list_price", self.list_usd),
            ("with_vouchers", self.with_vouchers_usd),
            ("worst_case", self.worst_case_usd),
        ):
            if not getattr(self, name).prices:
                object.__setattr__(self, name, Amounts.of([Price(dollars * 100)]))

    def for_entry(self, entry_id: str) -> EntryCost:
        for cost in self.entries:
            if cost.entry_id == entry_id:
                return cost
        raise KeyError(entry_id)


@dataclass(frozen=True)
class Voucher:
    """A 50 % voucher: earned by a pass, usable on a later exam until a day (or always)."""

    earned_on: date
    usable_until: date | None
    """Last day it can be used (inclusive); None when no limit is assumed."""
    entry_id: str | None
    """The plan entry whose pass earns it, or None for a held certification's."""
    held_certification: str | None


@dataclass(frozen=True)
class ExamToPay:
    """An exam the plan pays for: where it stands in the plan, when, and what a voucher saves."""

    index: int
    on: date
    discount: int


def usable(voucher: Voucher, exam: date) -> bool:
    """True if ``voucher`` can pay an exam on ``exam``: earned before that day, not run out."""
    return voucher.earned_on < exam and (
        voucher.usable_until is None or exam <= voucher.usable_until
    )


def match_vouchers(exams: list[ExamToPay], vouchers: list[Voucher]) -> dict[int, int] | None:
    """Give each exam a voucher, or None if that cannot be done.

    Exams in date order each take, of the vouchers already earned and still usable, the one
    that runs out first: the classic exchange argument shows that if any assignment exists,
    this one finds it (a voucher that runs out later is never worse to keep).
    """
    order = sorted(range(len(vouchers)), key=lambda v: (vouchers[v].earned_on, v))
    available: list[tuple[date, int, int]] = []  # (usable until, earned order, voucher)
    nxt = 0
    result: dict[int, int] = {}
    for exam in sorted(exams, key=lambda e: (e.on, e.index)):
        while nxt < len(order) and vouchers[order[nxt]].earned_on < exam.on:
            v = order[nxt]
            until = vouchers[v].usable_until or date.max
            heapq.heappush(available, (until, nxt, v))
            nxt += 1
        while available and available[0][0] < exam.on:
            heapq.heappop(available)  # ran out before this exam, so before every later one
        if not available:
            return None
        _, _, v = heapq.heappop(available)
        result[exam.index] = v
    return result


def assign_vouchers(exams: list[ExamToPay], vouchers: list[Voucher]) -> dict[int, int]:
    """The voucher assignment that saves the most.

    Sets of exams that can all get a voucher form a matroid (a transversal matroid: exams on
    one side, vouchers on the other), so taking exams from the largest discount down and
    keeping each one that still leaves a full assignment possible is optimal. Ties keep plan
    order: the earlier entry in the plan gets the voucher. Returns each chosen exam's
    ``index`` mapped to its voucher's position in ``vouchers``.
    """
    if all(voucher.usable_until is None for voucher in vouchers):
        return _assign_lasting_vouchers(exams, vouchers)
    chosen: list[ExamToPay] = []
    best: dict[int, int] = {}
    for exam in sorted(exams, key=lambda e: (-e.discount, e.index)):
        if not any(usable(v, exam.on) for v in vouchers):
            continue
        trial = match_vouchers([*chosen, exam], vouchers)
        if trial is not None:
            chosen.append(exam)
            best = trial
    return best


def _assign_lasting_vouchers(exams: list[ExamToPay], vouchers: list[Voucher]) -> dict[int, int]:
    """``assign_vouchers`` when no voucher runs out (the usual case), in O(n log n) instead of
    one matching per exam: a set of exams can all be paid when, in date order, the k-th of
    them has at least k vouchers earned before its day. A segment tree keeps each chosen
    exam's spare vouchers, so trying an exam costs a range minimum; the same exams are chosen,
    and their final matching is the one ``match_vouchers`` gives."""
    earned = sorted(voucher.earned_on for voucher in vouchers)
    by_day = sorted(exams, key=lambda e: (e.on, e.index))
    place = {id(exam): position for position, exam in enumerate(by_day)}
    spare = _SpareTree(len(by_day))
    chosen: list[ExamToPay] = []
    for exam in sorted(exams, key=lambda e: (-e.discount, e.index)):
        position = place[id(exam)]
        available = bisect_left(earned, exam.on)  # vouchers earned strictly before the exam
        rank = spare.chosen_before(position) + 1
        if available - rank < 0 or spare.lowest_after(position) < 1:
            continue
        spare.choose(position, available - rank)
        chosen.append(exam)
    return (match_vouchers(chosen, vouchers) or {}) if chosen else {}


class _SpareTree:
    """Per exam (in date order): how many vouchers are to spare once every chosen exam up to
    it has one (unchosen exams hold a large number); range minimum with lazy range add, and a
    count of the chosen exams before a position."""

    _NONE = 1 << 40

    def __init__(self, size: int) -> None:
        self._size = max(1, size)
        self._low = [self._NONE] * (4 * self._size)
        self._add = [0] * (4 * self._size)
        self._count = [0] * (self._size + 1)  # Fenwick tree of chosen positions

    def chosen_before(self, position: int) -> int:
        total, i = 0, position
        while i > 0:
            total += self._count[i]
            i -= i & -i
        return total

    def lowest_after(self, position: int) -> int:
        if position + 1 >= self._size:
            return self._NONE
        return self._query(1, 0, self._size - 1, position + 1, self._size - 1)

    def choose(self, position: int, value: int) -> None:
        if position + 1 < self._size:
            self._range_add(1, 0, self._size - 1, position + 1, self._size - 1, -1)
        self._assign(1, 0, self._size - 1, position, value)
        i = position + 1
        while i <= self._size:
            self._count[i] += 1
            i += i & -i

    def _query(self, node: int, low: int, high: int, first: int, last: int) -> int:
        if last < low or high < first:
            return self._NONE
        if first <= low and high <= last:
            return self._low[node]
        middle = (low + high) // 2
        left = self._query(2 * node, low, middle, first, last)
        right = self._query(2 * node + 1, middle + 1, high, first, last)
        return min(left, right) + self._add[node]

    def _range_add(self, node: int, low: int, high: int, first: int, last: int, by: int) -> None:
        if last < low or high < first:
            return
        if first <= low and high <= last:
            self._low[node] += by
            self._add[node] += by
            return
        middle = (low + high) // 2
        self._range_add(2 * node, low, middle, first, last, by)
        self._range_add(2 * node + 1, middle + 1, high, first, last, by)
        self._low[node] = min(self._low[2 * node], self._low[2 * node + 1]) + self._add[node]

    def _assign(
        self, node: int, low: int, high: int, position: int, value: int, above: int = 0
    ) -> None:
        """Set one exam's spare count to ``value``; ``above`` sums the adds of the node's
        ancestors, which a leaf's stored value does not include."""
        if low == high:
            self._low[node] = value - above
            return
        middle = (low + high) // 2
        below = above + self._add[node]
        if position <= middle:
            self._assign(2 * node, low, middle, position, value, below)
        else:
            self._assign(2 * node + 1, middle + 1, high, position, value, below)
        self._low[node] = min(self._low[2 * node], self._low[2 * node + 1]) + self._add[node]


def plan_budget(schedule: Schedule) -> Budget:
    """List price, price with vouchers and worst case for ``schedule``'s exams."""
    plan = schedule.plan
    months = plan.voucher_valid_months

    def until(earned: date) -> date | None:
        return None if months is None else add_calendar_months(earned, months)

    vouchers: list[Voucher] = []
    if months is not None:
        for held in plan.held:
            vouchers.append(
                Voucher(held.earned_on, until(held.earned_on), None, held.certification_id)
            )
    exams: list[ExamToPay] = []
    for index, item in enumerate(schedule.entries):
        entry = item.entry
        passed = entry.status is EntryStatus.PASSED
        if item.exam_date is not None:
            vouchers.append(Voucher(item.exam_date, until(item.exam_date), entry.id, None))
        if not passed and not entry.paid_by_other and item.exam_date is not None:
            discount = voucher_discount(item.certification.exam.fee_usd)
            exams.append(ExamToPay(index, item.exam_date, discount))
    assignment = assign_vouchers(exams, vouchers)
    costs: list[EntryCost] = []
    for index, item in enumerate(schedule.entries):
        entry = item.entry
        if entry.status is EntryStatus.PASSED:
            costs.append(EntryCost(entry.id, 0, 0, None, entry.paid_by_other))
            continue
        list_fee = item.certification.exam.fee_usd
        fee = entry_fee(entry, list_fee)
        own = entry.own_fee is not None
        if entry.paid_by_other:
            costs.append(
                EntryCost(entry.id, list_fee, 0, None, True, None, fee, Price(0, fee.currency), own)
            )
            continue
        voucher = vouchers[assignment[index]] if index in assignment else None
        if voucher is None:
            paid = fee
        elif own:
            paid = fee.halved()
        else:
            paid = Price((list_fee - voucher_discount(list_fee)) * 100)
        costs.append(
            EntryCost(
                entry.id,
                list_fee,
                paid.cents // 100 if paid.currency == USD else 0,
                voucher.entry_id if voucher else None,
                False,
                voucher.held_certification if voucher else None,
                fee,
                paid,
                own,
            )
        )
    list_price = Amounts.of(c.fee for c in costs)
    with_vouchers = Amounts.of(c.paid for c in costs)
    worst_case = with_vouchers + list_price
    return Budget(
        list_usd=round(list_price.in_currency(USD)),
        with_vouchers_usd=round(with_vouchers.in_currency(USD)),
        worst_case_usd=round(worst_case.in_currency(USD)),
        entries=tuple(costs),
        list_price=list_price,
        with_vouchers=with_vouchers,
        worst_case=worst_case,
    )
