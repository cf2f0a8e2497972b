"""The printed report with the learner's own fee (issue 23, item 6): the exam's fee cell says
it is theirs, and the three totals and the table's total keep each currency apart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import OwnFee, PlanEntry, StudyPlan, WeeklyAvailability
from studyplanner.domain.schedule import schedule_plan
from studyplanner.export.pdf_writer import print_plan_to_pdf
from tests.export.plans import analysed
from tests.export.reading import pdf_pages

TODAY = date(2026, 12, 7)


def test_an_own_fee_is_printed_as_theirs_and_totals_per_currency(
    catalog: Catalog, tmp_path: Path
) -> None:
    """Worked by hand: SAA-C03 on 10 Jan ($150), DOP-C02 on 1 Mar at 350 EUR, halved by SAA's
    voucher (175 EUR), SAP-C02 on 1 May ($300, halved by DOP's: $150)."""
    plan = StudyPlan(
        name="Own fee",
        start_date=TODAY,
        availability=WeeklyAvailability.spread(10),
        entries=[
            PlanEntry(certification_id="solutions-architect-associate", hours_override=1,
                      pinned_exam_date=date(2027, 1, 10)),
            PlanEntry(certification_id="devops-engineer-professional", hours_override=1,
                      pinned_exam_date=date(2027, 3, 1),
                      own_fee=OwnFee(amount=350, currency="EUR")),
            PlanEntry(certification_id="solutions-architect-professional", hours_override=1,
                      pinned_exam_date=date(2027, 5, 1)),
        ],
    )  # fmt: skip
    out = tmp_path / "plan.pdf"
    print_plan_to_pdf(analysed(schedule_plan(plan, catalog, today=TODAY), catalog, TODAY), out)

    text = " ".join(pdf_pages(out))
    assert "LIST PRICE $450 + 350 EUR" in text
    assert "WITH VOUCHERS $300 + 175 EUR" in text
    assert "WORST CASE $750 + 525 EUR" in text
    assert "1 Mar 2027 175 EUR (your fee, voucher)" in text
    assert "1 May 2027 $150 (voucher)" in text
    assert "$300 + 175 EUR" in text.split("Total: 3 exams", 1)[1]
