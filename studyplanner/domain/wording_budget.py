"""How a plan's exam fees are said: the three totals (list price, with vouchers, worst case),
the same in the Plan settings panel, the printed report and the command line, and what one
exam costs the plan (in the exam panel, and in the report's table).

Apart from :mod:`studyplanner.domain.wording` because the budget is worked out from a schedule,
which itself uses that module's words.
"""

from __future__ import annotations

from contextlib import suppress

from studyplanner.domain.budget import Budget, EntryCost
from studyplanner.domain.catalog import Catalog, Certification
from studyplanner.domain.plan import EntryStatus, PlanEntry, StudyPlan
from studyplanner.domain.schedule import ScheduledEntry
from studyplanner.domain.wording import format_fee
from studyplanner.i18n import _


def fee_totals(budget: Budget | None) -> tuple[str, str, str]:
    """The three totals as shown: list price, with vouchers, worst case ('—' each without a
    schedule)."""
    if budget is None:
        return ("—", "—", "—")
    return (
        format_fee(budget.list_usd),
        format_fee(budget.with_vouchers_usd),
        format_fee(budget.worst_case_usd),
    )


def budget_line(budget: Budget) -> str:
    """'$600 list · $375 with vouchers · $975 worst case'."""
    listed, vouchers, worst = fee_totals(budget)
    return _("{list} list · {vouchers} with vouchers · {worst} worst case").format(
        list=listed, vouchers=vouchers, worst=worst
    )


def entry_fee_text(
    entry: PlanEntry, cert: Certification, cost: EntryCost | None, plan: StudyPlan, catalog: Catalog
) -> str:
    """What the exam costs this plan: '$150 list · $75 with a voucher from DVA-C02'."""
    fee = format_fee(cert.exam.fee_usd)
    if entry.status is EntryStatus.PASSED:
        return _("{fee} · already paid").format(fee=fee)
    if entry.paid_by_other:
        return _("{fee} list · paid by someone else").format(fee=fee)
    if cost is None:
        return _("{fee} list").format(fee=fee)
    if cost.paid_usd >= cost.list_usd or (cost.voucher_from or cost.voucher_from_held) is None:
        return _("{fee} list · full price (no voucher from an earlier pass)").format(fee=fee)
    source = _("an earlier pass")
    held = cost.voucher_from_held
    if held is not None and held in catalog:
        source = _("{code} (held)").format(code=catalog.get(held).code)
    with suppress(KeyError):
        source = catalog.get(plan.entry(cost.voucher_from or "").certification_id).code
    return _("{fee} list · {paid} with a voucher from {source}").format(
        fee=fee, paid=format_fee(cost.paid_usd), source=source
    )


def fee_cell(item: ScheduledEntry, cost: EntryCost | None) -> str:
    """'$150', '$75 (voucher)', '$0 (sponsored)'; a passed exam shows its catalog fee."""
    if cost is None or item.entry.status is EntryStatus.PASSED:
        return format_fee(item.certification.exam.fee_usd)
    if cost.paid_by_other:
        return _("{fee} (sponsored)").format(fee=format_fee(cost.paid_usd))
    if cost.voucher_from is not None or cost.voucher_from_held is not None:
        return _("{fee} (voucher)").format(fee=format_fee(cost.paid_usd))
    return format_fee(cost.paid_usd)
