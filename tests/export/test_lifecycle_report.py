"""Issue 11 on paper: the "Certifications and renewals" section and the three fee figures,
read back from the PDF and checked against what `show --json` says about the same plan."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from studyplanner import cli
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import StudyPlan
from studyplanner.domain.schedule import schedule_plan
from studyplanner.export.pdf_writer import print_plan_to_pdf
from tests.export.plans import analysed, renewal_plan, small_plan
from tests.export.reading import (
    assert_in_order,
    pdf_pages,
    phrase_at,
    printed,
    show_json,
    words_at,
)

TODAY = date(2026, 11, 29)
SAA, DVA = "a" * 32, "b" * 32
PLANNED_ON = "2026-09-07"
"""The renewal plan's start."""


def render(
    plan: StudyPlan, catalog: Catalog, path: Path, printed_on: date = TODAY, **options: object
) -> str:
    """The whole report's text, printed on ``printed_on``."""
    schedule = schedule_plan(plan, catalog)
    print_plan_to_pdf(
        analysed(schedule, catalog, printed_on),
        path,
        **options,  # type: ignore[arg-type]
    )
    return " ".join(pdf_pages(path))


def section(text: str) -> str:
    """The renewals section alone: from its heading to the warnings."""
    start = text.index("Certifications and renewals")
    return text[start : text.index("Warnings", start)]


def test_the_held_cloud_practitioner_is_printed_renewed_by_the_associate_exam(
    save: Callable[[StudyPlan], Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan_path = save(renewal_plan(associate_on=date(2027, 1, 6)))
    shown = show_json(plan_path, capsys, today=PLANNED_ON)
    out = tmp_path / "plan.pdf"

    # as of the plan's first day: from later on, re-planning moves the pinned 6 Jan 2027
    assert cli.main(["--today", PLANNED_ON, "print", str(plan_path), "-o", str(out)]) == 0

    text = section(" ".join(pdf_pages(out)))
    dva = printed(next(e["exam_date"] for e in shown["entries"] if e["entry_id"] == DVA))
    assert_in_order(
        text,
        [
            "CERTIFICATION EARNED EXPIRES RENEWED BY VALID UNTIL",
            "CLF-C02 Cloud Practitioner 10 Jan 2024 Held 10 Jan 2027 SAA-C03 on 6 Jan 2027 "
            f"DVA-C02 on {dva} {dva[:-4]}2030",
            "SAA-C03 Solutions Architect – Associate 6 Jan 2027 Planned 6 Jan 2030 "
            "Not renewed in this plan 6 Jan 2030",
            f"DVA-C02 Developer – Associate {dva} Planned {dva[:-4]}2030 Not renewed in this "
            f"plan {dva[:-4]}2030",
            "A certification is valid for 3 years from the day it is earned.",
        ],
    )
    for expiry in shown["expiries"]:  # every expiry `show --json` gives is on paper
        assert printed(expiry["expires"]) in text
        if expiry["renewed_by"]:
            assert f"{expiry['renewed_by_code']} on {printed(expiry['renewed_on'])}" in text


def test_an_associate_exam_after_the_expiry_leaves_it_expired_and_not_renewed(
    catalog: Catalog, tmp_path: Path
) -> None:
    text = render(
        renewal_plan(associate_on=date(2027, 2, 1)),
        catalog,
        tmp_path / "late.pdf",
        printed_on=date(2027, 1, 20),
    )

    assert (
        "CLF-C02 Cloud Practitioner 10 Jan 2024 Held 10 Jan 2027 Not renewed in this plan "
        "10 Jan 2027 (expired)"
    ) in section(text)
    assert "Cloud Practitioner" in text[text.index("Warnings") :]  # and the advice says so


def test_the_summary_panel_gives_the_three_fee_figures_of_show_json(
    save: Callable[[StudyPlan], Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan_path = save(renewal_plan())
    budget = show_json(plan_path, capsys, today=TODAY.isoformat())["budget"]
    out = tmp_path / "plan.pdf"

    cli.main(["--today", TODAY.isoformat(), "print", str(plan_path), "-o", str(out)])

    first = pdf_pages(out)[0]
    assert_in_order(
        first,
        [
            "STUDY HOURS",
            "EXAMS",
            "FINISH",
            f"LIST PRICE ${budget['list_usd']:,} 2 exams still to sit",
            f"WITH VOUCHERS ${budget['with_vouchers_usd']:,} 1 voucher used",
            f"WORST CASE ${budget['worst_case_usd']:,} each exam failed once",
        ],
    )


def test_the_fee_column_shows_what_each_exam_costs_after_vouchers(
    catalog: Catalog, tmp_path: Path
) -> None:
    plan = renewal_plan()
    plan.entries.append(plan.entries[1].model_copy(update={"id": "c" * 32, "paid_by_other": True}))
    text = render(plan, catalog, tmp_path / "fees.pdf")

    table = text[text.index("Exams in order") : text.index("Certifications and renewals")]
    assert_in_order(
        table,
        [
            "SAA-C03 Solutions Architect – Associate Associate",
            "$150 Planned",
            "DVA-C02 Developer – Associate Associate",
            "$75 (voucher) Planned",
            "DVA-C02 Developer – Associate Associate",
            "$0 (sponsored) Planned",
            "Total: 3 exams",
            "$225",
            "each pass earns a 50 % voucher for one later exam (assumed usable with no time "
            "limit: no published limit was found)",
        ],
    )


def test_the_voucher_assumption_printed_is_the_plans_own(catalog: Catalog, tmp_path: Path) -> None:
    """With vouchers assumed usable for 36 months, the held Cloud Practitioner's voucher (10 Jan
    2024) still reaches the first Associate exam, and that pass's voucher the second."""
    plan = renewal_plan().model_copy(update={"voucher_valid_months": 36})
    text = render(plan, catalog, tmp_path / "assumption.pdf")

    assert "(assumed usable for 36 months after the pass)" in text
    assert "WITH VOUCHERS $150 2 vouchers used" in text
    table = text[text.index("Exams in order") : text.index("Certifications and renewals")]
    assert table.count("$75 (voucher) Planned") == 2


def test_a_passed_exam_is_listed_as_passed_from_its_pass(catalog: Catalog, tmp_path: Path) -> None:
    text = section(render(small_plan(), catalog, tmp_path / "small.pdf"))

    assert "CLF-C02 Cloud Practitioner 14 Sep 2026 Passed 14 Sep 2029" in text


@pytest.mark.parametrize(
    ("paper", "landscape", "one_row"), [("a4", False, False), ("letter", True, True)]
)
def test_the_fee_figures_sit_with_the_totals_in_one_row_or_two(
    catalog: Catalog, tmp_path: Path, paper: str, landscape: bool, one_row: bool
) -> None:
    """Six cells in one row on a wide page; on a narrow one two rows of three, the fees under
    the hours, the exams and the finish."""
    out = tmp_path / "small.pdf"
    text = render(small_plan(), catalog, out, paper=paper, landscape=landscape)

    assert "LIST PRICE $1,200 5 exams still to sit" in text
    words = words_at(out)
    study, exams, finish, listed, vouchers, worst = (
        phrase_at(words, label)
        for label in (
            "STUDY HOURS",
            "EXAMS",
            "FINISH",
            "LIST PRICE",
            "WITH VOUCHERS",
            "WORST CASE",
        )
    )
    if one_row:
        assert study[1] == exams[1] == finish[1] == listed[1] == vouchers[1] == worst[1]
        assert study[0] < exams[0] < finish[0] < listed[0] < vouchers[0] < worst[0]
    else:
        assert (listed[0], vouchers[0], worst[0]) == (study[0], exams[0], finish[0])
        assert listed[1] == vouchers[1] == worst[1] > study[1]


def test_a_plan_with_only_held_certifications_still_lists_them(
    catalog: Catalog, tmp_path: Path
) -> None:
    plan = renewal_plan().model_copy(update={"entries": []})
    text = render(plan, catalog, tmp_path / "held.pdf")

    assert "This plan has no exams yet." in text
    assert (
        "CLF-C02 Cloud Practitioner 10 Jan 2024 Held 10 Jan 2027 Not renewed in this plan "
        "10 Jan 2027"
    ) in section(text)
