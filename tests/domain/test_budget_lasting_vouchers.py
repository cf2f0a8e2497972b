"""Vouchers that never run out are placed by a faster path (issue 14: a 500-exam plan stays
usable); it must choose exactly what the general matroid greedy chooses."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.domain.budget import ExamToPay, Voucher, assign_vouchers, match_vouchers

DAY0 = date(2027, 1, 1)


def general_greedy(exams: list[ExamToPay], vouchers: list[Voucher]) -> dict[int, int]:
    """The general algorithm, one matching per exam tried (what any voucher limit uses)."""
    chosen: list[ExamToPay] = []
    best: dict[int, int] = {}
    for exam in sorted(exams, key=lambda e: (-e.discount, e.index)):
        trial = match_vouchers([*chosen, exam], vouchers)
        if trial is not None:
            chosen.append(exam)
            best = trial
    return best


exam_lists = st.lists(st.tuples(st.integers(0, 60), st.sampled_from([50, 75, 150, 0])), max_size=25)
voucher_days = st.lists(st.integers(0, 60), max_size=25)


@settings(max_examples=300, deadline=None)
@given(exam_lists, voucher_days)
def test_lasting_vouchers_go_where_the_general_greedy_puts_them(
    exam_specs: list[tuple[int, int]], voucher_specs: list[int]
) -> None:
    exams = [
        ExamToPay(index, DAY0 + timedelta(days=day), discount)
        for index, (day, discount) in enumerate(exam_specs)
    ]
    vouchers = [
        Voucher(DAY0 + timedelta(days=day), None, f"e{n}", None)
        for n, day in enumerate(voucher_specs)
    ]
    assert assign_vouchers(exams, vouchers) == general_greedy(exams, vouchers)


def test_a_long_plan_gets_a_voucher_for_every_exam_after_the_first_pass() -> None:
    exams = [ExamToPay(i, DAY0 + timedelta(days=30 * i), 75) for i in range(1, 400)]
    vouchers = [Voucher(DAY0 + timedelta(days=30 * i), None, f"e{i}", None) for i in range(400)]
    assignment = assign_vouchers(exams, vouchers)
    assert len(assignment) == 399
    assert all(vouchers[v].earned_on < exams[i - 1].on for i, v in assignment.items())
