"""How a plan's exam fees are said: the three totals (list price, with vouchers, worst case),
the same in the Plan settings panel, the printed report and the command line.

Apart from :mod:`studyplanner.domain.wording` because the budget is worked out from a schedule,
which itself uses that module's words.
"""

from __future__ import annotations

from studyplanner.domain.budget import Budget
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
