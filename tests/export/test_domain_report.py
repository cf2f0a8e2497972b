"""Issue 24 on paper: the report's per-exam table of exam domains (weight, hours, logged, to
go, last result), read back from the PDF and worked out by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from studyplanner.domain.analysis import analyse
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    DomainVerdict,
    EntryStatus,
    PlanEntry,
    PracticeScore,
    StudyPlan,
    StudySession,
    WeeklyAvailability,
)
from studyplanner.export.pdf_writer import print_plan_to_pdf
from tests.export.reading import assert_in_order, pdf_pages

MONDAY = date(2027, 1, 4)
TODAY = date(2027, 1, 6)


def plan_with_sessions() -> StudyPlan:
    """SAA-C03 at 100 h, 2 h a day, with 4 h logged on Domain 1 (Monday and Tuesday)."""
    return StudyPlan(
        name="Domains on paper",
        start_date=MONDAY,
        availability=WeeklyAvailability(hours_per_weekday=[2.0] * 7),
        entries=[
            PlanEntry(
                certification_id="solutions-architect-associate",
                hours_override=100,
                status=EntryStatus.STUDYING,
                sessions=[
                    StudySession(on=MONDAY, hours=2, domain=1),
                    StudySession(on=date(2027, 1, 5), hours=2, domain=1),
                ],
            ),
            PlanEntry(certification_id="cloud-practitioner", status=EntryStatus.PASSED),
        ],
    )


def section(pages: list[str]) -> str:
    text = " ".join(pages)
    start = text.index("Study by exam domain")
    return text[start : text.index("Certifications and renewals", start)]


def test_the_domain_table_adds_up_by_hand(catalog: Catalog, tmp_path: Path) -> None:
    """100 h: a 10 h review (10 %), 90 h before it by weight (27, 23.4, 21.6, 18). Domain 1
    logged 4 h, so 23 h of study are left on it, plus its 3 h of review (30 % of 10 h): 30 h in
    all, 26 h to go. The others have logged nothing: hours and to go are their weight of 100 h
    (26, 24, 20). To go in all: 96 h, 10 h of them review."""
    out = tmp_path / "plan.pdf"
    print_plan_to_pdf(analyse(plan_with_sessions(), catalog, TODAY), out)

    text = section(pdf_pages(out))
    assert_in_order(
        text,
        [
            "SAA-C03 Solutions Architect – Associate · 100 h, 96 h to go (10 h of them review)",
            "DOMAIN WEIGHT HOURS LOGGED TO GO LAST RESULT",
            "1. Design Secure Architectures 30 % 30 h 4 h 26 h",
            "2. Design Resilient Architectures 26 % 26 h 0 h 26 h",
            "3. Design High-Performing Architectures 24 % 24 h 0 h 24 h",
            "4. Design Cost-Optimized Architectures 20 % 20 h 0 h 20 h",
        ],
    )
    assert "CLF-C02" not in text  # a passed exam has nothing left to study


def test_the_last_result_is_printed_and_a_weak_one_said(catalog: Catalog, tmp_path: Path) -> None:
    plan = plan_with_sessions()
    plan.entries[0].scores = [
        PracticeScore(on=TODAY, percent=70, domains={2: 55.0, 4: DomainVerdict.MEETS})
    ]
    out = tmp_path / "plan.pdf"
    print_plan_to_pdf(analyse(plan, catalog, TODAY), out)

    text = section(pdf_pages(out))
    assert_in_order(text, ["2. Design Resilient Architectures", "55 %, weak", "4. Design Cost"])
    assert_in_order(text, ["4. Design Cost-Optimized Architectures 20 %", " h meets"])
    readiness = " ".join(pdf_pages(out))
    assert "Domain 2, Design Resilient Architectures, 55 %" in readiness  # named by readiness


def test_a_plan_without_exams_to_study_has_no_domain_section(
    catalog: Catalog, tmp_path: Path
) -> None:
    plan = plan_with_sessions()
    plan.entries = plan.entries[1:]
    out = tmp_path / "plan.pdf"
    print_plan_to_pdf(analyse(plan, catalog, TODAY), out)
    assert "Study by exam domain" not in " ".join(pdf_pages(out))
