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
"""

from __future__ import annotations

import heapq
from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from studyplanner.domain.plan import EntryStatus
from studyplanner.domain.schedule import Schedule


def voucher_discount(fee_usd: int) -> int:
    """What a 50 % voucher takes off ``fee_usd`` (whole dollars; an odd cent is paid)."""
    return fee_usd // 2


def add_calendar_months(day: date, months: int) -> date:
    """The same day ``months`` later; a day the month lacks becomes its last day."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


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

    @property
    def saved_usd(self) -> int:
        return self.list_usd - self.paid_usd if not self.paid_by_other else 0


@dataclass(frozen=True)
class Budget:
    """The three figures the plan shows, and each entry's share."""

    list_usd: int
    """List fees of the exams still to sit."""
    with_vouchers_usd: int
    """What the plan pays with the best use of vouchers; exams paid by others cost 0."""
    worst_case_usd: int
    """``with_vouchers_usd`` plus every exam still to sit once more at full price."""
    entries: tuple[EntryCost, ...]
    """In plan order."""

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
        fee = item.certification.exam.fee_usd
        if entry.paid_by_other:
            costs.append(EntryCost(entry.id, fee, 0, None, True))
            continue
        voucher = vouchers[assignment[index]] if index in assignment else None
        paid = fee if voucher is None else fee - voucher_discount(fee)
        costs.append(
            EntryCost(
                entry.id,
                fee,
                paid,
                voucher.entry_id if voucher else None,
                False,
                voucher.held_certification if voucher else None,
            )
        )
    list_total = sum(c.list_usd for c in costs)
    paid_total = sum(c.paid_usd for c in costs)
    return Budget(
        list_usd=list_total,
        with_vouchers_usd=paid_total,
        worst_case_usd=paid_total + list_total,
        entries=tuple(costs),
    )
