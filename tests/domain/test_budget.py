"""Fees: list price, the least the plan pays with the 50 % vouchers passes earn, and the
worst case with every exam failed once."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import permutations

from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.domain.budget import (
    ExamToPay,
    Voucher,
    add_calendar_months,
    assign_vouchers,
    plan_budget,
    usable,
)
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import EntryStatus, HeldCertification, PlanEntry, StudyPlan
from studyplanner.domain.schedule import schedule_plan
from tests.domain.plans import entry, plan

CLF = "cloud-practitioner"
DVA = "developer-associate"
SAA = "solutions-architect-associate"
DOP = "devops-engineer-professional"
SAP = "solutions-architect-professional"


def at(cert_id: str, day: date, **options: object) -> PlanEntry:
    """An exam on ``day``: one hour of study, pinned, so the test sets every date."""
    item = entry(cert_id, hours=1, pinned=day)
    return item.model_copy(update=options)


def passed_on(cert_id: str, day: date) -> PlanEntry:
    return entry(cert_id, status=EntryStatus.PASSED, passed_on=day)


def budget_of(study_plan: StudyPlan, catalog: Catalog) -> tuple[int, int, int]:
    result = plan_budget(schedule_plan(study_plan, catalog))
    return result.list_usd, result.with_vouchers_usd, result.worst_case_usd


def test_the_issue_example_costs_375_not_450(catalog: Catalog) -> None:
    dva, saa, dop = entry(DVA), entry(SAA), entry(DOP)
    result = plan_budget(schedule_plan(plan(dva, saa, dop), catalog))

    assert (result.list_usd, result.with_vouchers_usd) == (600, 375)
    # Developer at full price, its voucher halves Solutions Architect, whose voucher halves
    # DevOps: $150 + $75 + $150.
    assert [(c.entry_id, c.paid_usd, c.voucher_from) for c in result.entries] == [
        (dva.id, 150, None),
        (saa.id, 75, dva.id),
        (dop.id, 150, saa.id),
    ]
    # Worst case: each exam failed once and sat again at full price.
    assert result.worst_case_usd == 375 + 600


def test_a_single_exam_has_nothing_to_discount_it(catalog: Catalog) -> None:
    assert budget_of(plan(entry(SAP)), catalog) == (300, 300, 600)


def test_an_empty_plan_costs_nothing(catalog: Catalog) -> None:
    assert budget_of(plan(), catalog) == (0, 0, 0)


def test_a_passed_exam_costs_nothing_and_its_voucher_pays_the_next(catalog: Catalog) -> None:
    done = passed_on(DVA, date(2025, 11, 3))
    saa, dop = entry(SAA), entry(DOP)
    result = plan_budget(schedule_plan(plan(done, saa, dop), catalog))

    assert result.for_entry(done.id).list_usd == 0 and result.for_entry(done.id).paid_usd == 0
    assert (result.for_entry(saa.id).paid_usd, result.for_entry(saa.id).voucher_from) == (
        75,
        done.id,
    )
    assert (result.for_entry(dop.id).paid_usd, result.for_entry(dop.id).voucher_from) == (
        150,
        saa.id,
    )
    assert (result.list_usd, result.with_vouchers_usd, result.worst_case_usd) == (450, 225, 675)


def test_a_passed_exam_without_a_date_earns_no_voucher(catalog: Catalog) -> None:
    undated = entry(DVA, status=EntryStatus.PASSED)
    assert budget_of(plan(undated, entry(SAA)), catalog) == (150, 150, 300)


def test_an_exam_paid_by_someone_else_costs_nothing_and_still_earns_a_voucher(
    catalog: Catalog,
) -> None:
    employer = entry(SAP).model_copy(update={"paid_by_other": True})
    dop = entry(DOP)
    result = plan_budget(schedule_plan(plan(employer, dop), catalog))

    assert result.for_entry(employer.id).paid_usd == 0
    assert result.for_entry(employer.id).paid_by_other
    assert result.for_entry(dop.id).voucher_from == employer.id
    # List price counts it; with vouchers it is free; a retake would be the plan's to pay.
    assert (result.list_usd, result.with_vouchers_usd, result.worst_case_usd) == (600, 150, 750)


def test_a_voucher_is_spent_on_its_last_day_and_the_next_exam_uses_a_fresh_one(
    catalog: Catalog,
) -> None:
    first = passed_on(CLF, date(2026, 1, 2))
    dva = at(DVA, date(2026, 3, 2))
    sap = at(SAP, date(2026, 3, 3))
    study_plan = plan(first, dva, sap)
    study_plan.voucher_valid_months = 2  # the CLF voucher runs out on 2 March
    result = plan_budget(schedule_plan(study_plan, catalog))
    assert result.for_entry(dva.id).voucher_from == first.id
    assert result.for_entry(sap.id).voucher_from == dva.id
    assert result.with_vouchers_usd == 75 + 150
    # A day later, the CLF voucher has run out: the Developer exam pays in full.
    later = plan(first, at(DVA, date(2026, 3, 3)), at(SAP, date(2026, 3, 4)))
    later.voucher_valid_months = 2
    assert budget_of(later, catalog) == (450, 150 + 150, 750)


def test_equal_fees_keep_plan_order_and_use_each_voucher_once(catalog: Catalog) -> None:
    a, b, c = entry(DVA), entry(SAA), entry(DVA)
    result = plan_budget(schedule_plan(plan(a, b, c), catalog))
    assert [cost.voucher_from for cost in result.entries] == [None, a.id, b.id]
    assert len({cost.voucher_from for cost in result.entries if cost.voucher_from}) == 2
    assert result.with_vouchers_usd == 150 + 75 + 75


def test_a_voucher_that_ran_out_pays_nothing(catalog: Catalog) -> None:
    first = at(SAA, date(2026, 2, 2))
    late = at(DOP, date(2026, 9, 1))
    study_plan = plan(first, late)
    study_plan.voucher_valid_months = 6  # usable until 2 Aug 2026
    assert budget_of(study_plan, catalog) == (450, 450, 900)
    study_plan.voucher_valid_months = 7  # until 2 Sep 2026: in time
    assert budget_of(study_plan, catalog) == (450, 300, 750)
    study_plan.voucher_valid_months = None  # no limit assumed
    assert budget_of(study_plan, catalog) == (450, 300, 750)


def test_a_voucher_is_usable_on_its_last_day_but_not_on_the_day_it_is_earned() -> None:
    voucher = Voucher(date(2026, 1, 31), add_calendar_months(date(2026, 1, 31), 1), "a", None)
    assert voucher.usable_until == date(2026, 2, 28)
    assert not usable(voucher, date(2026, 1, 31))
    assert usable(voucher, date(2026, 2, 1)) and usable(voucher, date(2026, 2, 28))
    assert not usable(voucher, date(2026, 3, 1))


def test_held_certifications_give_vouchers_only_within_an_assumed_limit(
    catalog: Catalog,
) -> None:
    saa = entry(SAA)
    study_plan = plan(saa)
    study_plan.held = [HeldCertification(certification_id=CLF, earned_on=date(2025, 12, 1))]
    # No limit assumed: a voucher from before the plan is taken as used or lost.
    assert budget_of(study_plan, catalog) == (150, 150, 300)
    study_plan.voucher_valid_months = 12
    result = plan_budget(schedule_plan(study_plan, catalog))
    assert result.with_vouchers_usd == 75
    assert result.for_entry(saa.id).voucher_from is None
    assert result.for_entry(saa.id).voucher_from_held == CLF


# --- the assignment itself: optimal against every possible assignment -------------------


def brute_force(exams: list[ExamToPay], vouchers: list[Voucher]) -> int:
    """The largest saving over every way of handing out vouchers (small cases only)."""
    best = 0
    slots: list[int | None] = [*range(len(vouchers)), *([None] * len(exams))]
    for choice in set(permutations(slots, len(exams))):
        saving = 0
        for exam, v in zip(exams, choice, strict=True):
            if v is not None:
                if not usable(vouchers[v], exam.on):
                    break
                saving += exam.discount
        else:
            best = max(best, saving)
    return best


days = st.integers(min_value=0, max_value=12).map(lambda d: date(2026, 1, 1) + timedelta(days=d))


@st.composite
def vouchers(draw: st.DrawFn) -> Voucher:
    earned = draw(days)
    length = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=6)))
    until = None if length is None else earned + timedelta(days=length)
    return Voucher(earned, until, None, None)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(days, st.sampled_from([50, 75, 150])), min_size=0, max_size=5),
    st.lists(vouchers(), min_size=0, max_size=4),
)
def test_the_assignment_saves_as_much_as_the_best_possible(
    exam_specs: list[tuple[date, int]], voucher_list: list[Voucher]
) -> None:
    exams = [ExamToPay(i, on, discount) for i, (on, discount) in enumerate(exam_specs)]
    assignment = assign_vouchers(exams, voucher_list)

    assert len(set(assignment.values())) == len(assignment), "a voucher is used once"
    for index, v in assignment.items():
        assert usable(voucher_list[v], exams[index].on)
    saving = sum(exams[index].discount for index in assignment)
    assert saving == brute_force(exams, voucher_list)


def test_a_contested_voucher_goes_where_it_saves_most() -> None:
    # One voucher usable on both days; a second only usable on the later day. Taking the
    # first voucher for the later, dearer exam would strand the earlier one.
    early = Voucher(date(2026, 1, 1), date(2026, 1, 20), None, None)
    later = Voucher(date(2026, 1, 9), None, None, None)
    exams = [ExamToPay(0, date(2026, 1, 5), 75), ExamToPay(1, date(2026, 1, 10), 150)]
    assert assign_vouchers(exams, [early, later]) == {0: 0, 1: 1}
    # Only one voucher for two exams: the dearer one gets it, even though it comes later.
    assert assign_vouchers(exams, [early]) == {1: 0}
