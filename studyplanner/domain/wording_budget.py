"""How a plan's exam fees are said: the three totals (list price, with vouchers, worst case),
the same in the Plan settings panel, the printed report and the command line, and what one
exam costs the plan (in the exam panel, and in the report's table), with the learner's own fee
said as theirs and totals kept per currency.

Apart from :mod:`studyplanner.domain.wording` because the budget is worked out from a schedule,
which itself uses that module's words.
"""

from __future__ import annotations

from contextlib import suppress

from studyplanner.domain.budget import Budget, EntryCost
from studyplanner.domain.catalog import Catalog, Certification
from studyplanner.domain.plan import EntryStatus, PlanEntry, StudyPlan
from studyplanner.domain.schedule import ScheduledEntry
from studyplanner.domain.wording import format_amounts, format_fee
from studyplanner.i18n import _


def fee_totals(budget: Budget | None) -> tuple[str, str, str]:
    """The three totals as shown: list price, with vouchers, worst case ('—' each without a
    schedule), each per currency, never added across them: '$450 + 350 EUR'."""
    if budget is None:
        return ("—", "—", "—")
    return (
        format_amounts(budget.list_price.pairs),
        format_amounts(budget.with_vouchers.pairs),
        format_amounts(budget.worst_case.pairs),
    )


def budget_line(budget: Budget) -> str:
    """'$600 list · $375 with vouchers · $975 worst case'."""
    listed, vouchers, worst = fee_totals(budget)
    return _("{list} list · {vouchers} with vouchers · {worst} worst case").format(
        list=listed, vouchers=vouchers, worst=worst
    )


def own_fee_text(amount: float, currency: str, list_usd: float) -> str:
    """The learner's own fee, said as theirs, with the catalog's beside it: 'your fee: 350 EUR,
    list price $300'."""
    return _("your fee: {fee}, list price {list}").format(
        fee=format_fee(amount, currency), list=format_fee(list_usd)
    )


def entry_fee_text(
    entry: PlanEntry, cert: Certification, cost: EntryCost | None, plan: StudyPlan, catalog: Catalog
) -> str:
    """What the exam costs this plan: '$150 list · $75 with a voucher from DVA-C02', or with
    the learner's own fee, '350 EUR your fee · $300 list · 175 EUR with a voucher …'."""
    own = entry.own_fee
    if own is not None:
        fee = _("{fee} your fee · {list} list").format(
            fee=format_fee(own.amount, own.currency), list=format_fee(cert.exam.fee_usd)
        )
    else:
        fee = _("{fee} list").format(fee=format_fee(cert.exam.fee_usd))
    if entry.status is EntryStatus.PASSED:
        paid = fee if own is not None else format_fee(cert.exam.fee_usd)
        return _("{fee} · already paid").format(fee=paid)
    if entry.paid_by_other:
        return _("{fee} · paid by someone else").format(fee=fee)
    if cost is None:
        return fee
    if (cost.voucher_from or cost.voucher_from_held) is None or cost.paid == cost.fee:
        return _("{fee} · full price (no voucher from an earlier pass)").format(fee=fee)
    source = _("an earlier pass")
    held = cost.voucher_from_held
    if held is not None and held in catalog:
        source = _("{code} (held)").format(code=catalog.get(held).code)
    with suppress(KeyError):
        source = catalog.get(plan.entry(cost.voucher_from or "").certification_id).code
    return _("{fee} · {paid} with a voucher from {source}").format(
        fee=fee, paid=format_fee(cost.paid.amount, cost.paid.currency), source=source
    )


def fee_cell(item: ScheduledEntry, cost: EntryCost | None) -> str:
    """'$150', '$75 (voucher)', '$0 (sponsored)', '350 EUR (your fee)'; a passed exam shows
    its fee (the learner's own, else the catalog's)."""
    own = item.entry.own_fee
    if cost is None or item.entry.status is EntryStatus.PASSED:
        if own is not None:
            return format_fee(own.amount, own.currency)
        return format_fee(item.certification.exam.fee_usd)
    paid = format_fee(cost.paid.amount, cost.paid.currency)
    if cost.paid_by_other:
        return _("{fee} (sponsored)").format(fee=paid)
    if cost.voucher_from is not None or cost.voucher_from_held is not None:
        if cost.own:
            return _("{fee} (your fee, voucher)").format(fee=paid)
        return _("{fee} (voucher)").format(fee=paid)
    if cost.own:
        return _("{fee} (your fee)").format(fee=paid)
    return paid
