"""The learner's own fee in the budget (issue 23, item 6), worked by hand: an exam priced in
another currency costs that, a voucher halves it, and totals are kept per currency, never
added across currencies."""

from __future__ import annotations

from datetime import date

from studyplanner.domain.budget import Amounts, Price, plan_budget
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import OwnFee, PlanEntry
from studyplanner.domain.schedule import schedule_plan
from studyplanner.domain.wording import format_amounts
from tests.domain.plans import entry, plan

SAA = "solutions-architect-associate"  # list $150
DOP = "devops-engineer-professional"  # list $300
SAP = "solutions-architect-professional"  # list $300


def at(cert_id: str, day: date, own: OwnFee | None = None, **options: object) -> PlanEntry:
    """An exam on ``day`` (one hour of study, pinned), with the learner's own fee if given."""
    item = entry(cert_id, hours=1, pinned=day)
    return item.model_copy(update={"own_fee": own, **options})


def test_two_dollar_exams_and_one_in_euros_are_totalled_apart(catalog: Catalog) -> None:
    """SAA-C03 on 10 Jan ($150), DOP-C02 on 1 Mar at 350 EUR of the learner's own, SAP-C02 on
    1 May ($300). List: $150 + $300 = $450, and 350 EUR. SAA's pass halves DOP (the exam
    next after it): 175 EUR; DOP's pass halves SAP: $150. With vouchers: $150 + $150 = $300,
    and 175 EUR. Worst case adds every exam once more at full price: $750 + 525 EUR."""
    saa = at(SAA, date(2027, 1, 10))
    dop = at(DOP, date(2027, 3, 1), OwnFee(amount=350, currency="EUR"))
    sap = at(SAP, date(2027, 5, 1))
    budget = plan_budget(schedule_plan(plan(saa, dop, sap), catalog))

    assert format_amounts(budget.list_price.pairs) == "$450 + 350 EUR"
    assert format_amounts(budget.with_vouchers.pairs) == "$300 + 175 EUR"
    assert format_amounts(budget.worst_case.pairs) == "$750 + 525 EUR"
    assert [(c.fee, c.paid, c.own, c.voucher_from) for c in budget.entries] == [
        (Price(15000), Price(15000), False, None),
        (Price(35000, "EUR"), Price(17500, "EUR"), True, saa.id),
        (Price(30000), Price(15000), False, dop.id),
    ]
    # the dollar figures are the dollar part only: euros are never added to them
    assert (budget.list_usd, budget.with_vouchers_usd, budget.worst_case_usd) == (450, 300, 750)
    assert budget.for_entry(dop.id).list_usd == 300, "the list price stays beside the own fee"
    assert budget.for_entry(dop.id).paid_usd == 0


def test_an_own_fee_in_dollars_adds_to_the_dollars(catalog: Catalog) -> None:
    """$165 tax included for SAA-C03 (list $150), then SAP-C02 at list, halved by SAA's
    voucher: list $165 + $300 = $465; with vouchers $165 + $150 = $315."""
    saa = at(SAA, date(2027, 1, 10), OwnFee(amount=165, currency="USD"))
    sap = at(SAP, date(2027, 5, 1))
    budget = plan_budget(schedule_plan(plan(saa, sap), catalog))
    assert format_amounts(budget.list_price.pairs) == "$465"
    assert format_amounts(budget.with_vouchers.pairs) == "$315"


def test_a_voucher_halves_an_own_fee_and_the_odd_cent_is_paid(catalog: Catalog) -> None:
    """349.99 GBP halved: 174.995, so 175.00 GBP is paid (the odd cent, as for dollars)."""
    saa = at(SAA, date(2027, 1, 10))
    sap = at(SAP, date(2027, 5, 1), OwnFee(amount=349.99, currency="GBP"))
    budget = plan_budget(schedule_plan(plan(saa, sap), catalog))
    assert budget.for_entry(sap.id).paid == Price(17500, "GBP")
    assert format_amounts(budget.with_vouchers.pairs) == "$150 + 175 GBP"
    assert format_amounts(budget.list_price.pairs) == "$150 + 349.99 GBP"


def test_only_own_fees_show_no_dollars_and_a_sponsored_one_costs_nothing(
    catalog: Catalog,
) -> None:
    """One exam in euros, paid by the employer: it is still listed (350 EUR), the plan pays
    nothing for it; the retake in the worst case is the plan's."""
    dop = at(DOP, date(2027, 3, 1), OwnFee(amount=350, currency="EUR"), paid_by_other=True)
    budget = plan_budget(schedule_plan(plan(dop), catalog))
    assert format_amounts(budget.list_price.pairs) == "350 EUR"
    assert format_amounts(budget.with_vouchers.pairs) == "$0"
    assert format_amounts(budget.worst_case.pairs) == "350 EUR"


def test_amounts_are_summed_per_currency_dollars_first() -> None:
    amounts = Amounts.of([Price(100, "GBP"), Price(5000), Price(250, "EUR"), Price(50, "GBP")])
    assert amounts.pairs == [(50.0, "USD"), (2.5, "EUR"), (1.5, "GBP")]
    assert format_amounts(amounts.pairs) == "$50 + 2.50 EUR + 1.50 GBP"
    assert amounts.as_json() == [
        {"amount": 50, "currency": "USD"},
        {"amount": 2.5, "currency": "EUR"},
        {"amount": 1.5, "currency": "GBP"},
    ]
