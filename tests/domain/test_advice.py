"""Advice codes: each fires when its rule is broken and stays quiet otherwise."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from studyplanner.domain.advice import Advice, AdviceCode, advise
from studyplanner.domain.catalog import Catalog, parse_catalog
from studyplanner.domain.plan import EntryStatus, PlanEntry, StudyPlan
from studyplanner.domain.schedule import schedule_plan
from tests.domain.plans import catalog_document, entry, plan

TODAY = date(2026, 1, 5)
"""The day advice is given on: the test plans' Monday start (tests never read the clock)."""

SAA = "solutions-architect-associate"
SAP = "solutions-architect-professional"
DOP = "devops-engineer-professional"
SCS = "security-specialty"
CLF = "cloud-practitioner"


def advice_for(study_plan: StudyPlan, catalog: Catalog) -> list[Advice]:
    return advise(schedule_plan(study_plan, catalog), catalog, TODAY)


def codes(study_plan: StudyPlan, catalog: Catalog) -> list[AdviceCode]:
    return [a.code for a in advice_for(study_plan, catalog)]


def passed(cert_id: str) -> PlanEntry:
    return entry(cert_id, status=EntryStatus.PASSED, passed_on=date(2025, 6, 1))


def test_a_sensible_plan_gets_no_advice(catalog: Catalog) -> None:
    assert codes(plan(entry(CLF), entry(SAA), entry(SAP), entry(SCS)), catalog) == []


# --- professional-without-associate -------------------------------------------------------


def test_professional_first_is_flagged_on_that_entry(catalog: Catalog) -> None:
    pro = entry(SAP)
    found = advice_for(plan(entry(CLF), pro, entry(SAA)), catalog)
    assert [(a.code, a.entry_id) for a in found] == [
        (AdviceCode.PROFESSIONAL_WITHOUT_ASSOCIATE, pro.id)
    ]
    assert "SAP-C02" in found[0].message


@pytest.mark.parametrize(
    "before",
    [entry(SAA), passed("developer-associate"), entry("cloudops-engineer-associate")],
    ids=["planned", "passed", "other-associate"],
)
def test_professional_after_an_associate_is_fine(catalog: Catalog, before: PlanEntry) -> None:
    assert codes(plan(before, entry(DOP)), catalog) == []


def test_an_associate_already_passed_counts_wherever_it_is_listed(catalog: Catalog) -> None:
    assert codes(plan(entry(DOP), passed(SAA)), catalog) == []


def test_a_foundational_exam_is_not_an_associate(catalog: Catalog) -> None:
    assert codes(plan(passed(CLF), entry(DOP)), catalog) == [
        AdviceCode.PROFESSIONAL_WITHOUT_ASSOCIATE
    ]


# --- specialty-before-associate -----------------------------------------------------------


def test_specialty_before_any_associate_is_flagged(catalog: Catalog) -> None:
    specialty = entry(SCS)
    found = advice_for(plan(entry(CLF), specialty, entry(SAA)), catalog)
    assert [(a.code, a.entry_id) for a in found] == [
        (AdviceCode.SPECIALTY_BEFORE_ASSOCIATE, specialty.id)
    ]


def test_specialty_after_an_associate_is_fine(catalog: Catalog) -> None:
    assert codes(plan(entry(SAA), entry("advanced-networking-specialty")), catalog) == []


# --- after-retirement ---------------------------------------------------------------------


def test_an_exam_planned_after_retirement_is_flagged_with_the_successor(
    catalog: Catalog,
) -> None:
    late = entry("data-analytics-specialty")
    found = advice_for(plan(entry(SAA), late, start=date(2026, 1, 5)), catalog)
    assert [(a.code, a.entry_id) for a in found] == [(AdviceCode.AFTER_RETIREMENT, late.id)]
    assert "29 Apr 2024" in found[0].message
    assert "DEA-C01" in found[0].message  # the replacement is suggested


def test_an_exam_before_retirement_is_fine(catalog: Catalog) -> None:
    # SysOps SOA-C02 was withdrawn on 2025-09-30; a plan that sits it before then is fine.
    early = plan(entry("sysops-administrator-associate", hours=20), start=date(2025, 1, 6))
    assert codes(early, catalog) == []
    late = plan(entry("sysops-administrator-associate", hours=20), start=date(2025, 10, 1))
    assert codes(late, catalog) == [AdviceCode.AFTER_RETIREMENT]


def test_a_retired_exam_already_passed_is_fine(catalog: Catalog) -> None:
    assert codes(plan(entry(SAA), passed("database-specialty")), catalog) == []


def test_a_retiring_exam_can_be_taken_up_to_its_last_day() -> None:
    document = catalog_document()
    for cert in document["certifications"]:
        if cert["id"] == "cloud-practitioner":
            cert["lifecycle"] = {"status": "retiring", "ends_on": "2026-01-07"}
    catalog = parse_catalog(json.dumps(document), Path("retiring.json"))
    five_a_day = [5.0] * 7
    # 10 h from Monday 5th: study 5th-6th, exam on the 7th, the last day.
    assert codes(plan(entry(CLF, hours=10), week=five_a_day), catalog) == []
    assert codes(plan(entry(CLF, hours=15), week=five_a_day), catalog) == [
        AdviceCode.AFTER_RETIREMENT
    ]


# --- pinned-date-unreachable --------------------------------------------------------------


def test_an_unreachable_pin_is_flagged_with_the_earliest_date(catalog: Catalog) -> None:
    pinned = entry(CLF, hours=40, pinned=date(2026, 1, 6))
    found = advice_for(plan(pinned, week=[2.0] * 7), catalog)
    assert [(a.code, a.entry_id) for a in found] == [
        (AdviceCode.PINNED_DATE_UNREACHABLE, pinned.id)
    ]
    assert "6 Jan 2026" in found[0].message and "25 Jan 2026" in found[0].message


def test_a_reachable_pin_is_fine(catalog: Catalog) -> None:
    assert codes(plan(entry(CLF, hours=40, pinned=date(2026, 3, 1)), week=[2.0] * 7), catalog) == []


# --- duplicate ----------------------------------------------------------------------------


def test_the_same_certification_twice_is_flagged_once_on_the_repeat(catalog: Catalog) -> None:
    first, repeat = entry(SAA), entry(SAA)
    found = advice_for(plan(first, entry(CLF), repeat), catalog)
    assert [(a.code, a.entry_id) for a in found] == [(AdviceCode.DUPLICATE, repeat.id)]


# --- unrealistic-availability -------------------------------------------------------------


@pytest.mark.parametrize(
    ("week", "flagged"),
    [([6.0] * 5 + [5.0, 5.0], False), ([6.0] * 5 + [5.5, 5.5], True), ([24.0] * 7, True)],
    ids=["40h", "41h", "168h"],
)
def test_more_than_forty_hours_a_week_is_unrealistic(
    catalog: Catalog, week: list[float], flagged: bool
) -> None:
    found = advice_for(plan(entry(CLF), week=week), catalog)
    assert [a.code for a in found] == ([AdviceCode.UNREALISTIC_AVAILABILITY] if flagged else [])
    if flagged:
        assert found[0].entry_id is None
