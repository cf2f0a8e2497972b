"""Advice codes: each fires when its rule is broken and stays quiet otherwise."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from studyplanner.domain.advice import Advice, AdviceCode, Severity
from studyplanner.domain.catalog import Catalog, parse_catalog
from studyplanner.domain.plan import EntryStatus, LearnerProfile, PlanEntry, StudyPlan
from studyplanner.domain.roles import ExperienceField, Role
from studyplanner.domain.schedule import schedule_plan
from tests.domain.plans import advice_of, catalog_document, entry
from tests.domain.plans import plan as base_plan

TODAY = date(2026, 1, 5)
"""The day advice is given on: the test plans' Monday start (tests never read the clock)."""

SAA = "solutions-architect-associate"
SAP = "solutions-architect-professional"
DOP = "devops-engineer-professional"
SCS = "security-specialty"
CLF = "cloud-practitioner"


def plan(*entries: PlanEntry, **options: Any) -> StudyPlan:
    """A test plan for a veteran (6 years on AWS), so only the advice under test appears."""
    options.setdefault("years", 6.0)
    return base_plan(*entries, **options)


PROGRESS_CODES = {AdviceCode.EXAM_DATE_PASSED, AdviceCode.BEHIND_SCHEDULE, AdviceCode.NOT_READY}
"""Advice on following the plan (tested in test_progress_advice.py)."""


def advice_for(study_plan: StudyPlan, catalog: Catalog, *, renewals: bool = False) -> list[Advice]:
    """The advice for ``study_plan`` as of ``TODAY``; without the 'renewed-by' notes unless
    asked, since most plans renew something and most tests are about other rules, and without
    the advice on following the plan (an exam within two weeks without practice scores)."""
    found = advice_of(schedule_plan(study_plan, catalog), catalog, TODAY)
    return [
        a
        for a in found
        if (renewals or a.code is not AdviceCode.RENEWED_BY) and a.code not in PROGRESS_CODES
    ]


def codes(study_plan: StudyPlan, catalog: Catalog) -> list[AdviceCode]:
    return [a.code for a in advice_for(study_plan, catalog)]


def passed(cert_id: str) -> PlanEntry:
    return entry(cert_id, status=EntryStatus.PASSED, passed_on=date(2025, 6, 1))


def test_a_sensible_plan_gets_no_advice(catalog: Catalog) -> None:
    sensible = plan(entry(CLF), entry(SAA), entry(SAP), entry(SCS))
    sensible.profile.other_field_years = {ExperienceField.SECURITY: 4}  # SCS asks for 3
    assert codes(sensible, catalog) == []
    # Only notes that its later exams renew the earlier certifications.
    notes = advice_for(sensible, catalog, renewals=True)
    assert {(a.code, a.severity) for a in notes} == {(AdviceCode.RENEWED_BY, Severity.INFO)}


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
    early = plan(entry(CLF), specialty, entry(SAA))
    early.profile.other_field_years = {ExperienceField.SECURITY: 4}
    found = advice_for(early, catalog)
    assert [(a.code, a.entry_id) for a in found] == [
        (AdviceCode.SPECIALTY_BEFORE_ASSOCIATE, specialty.id)
    ]


def test_specialty_after_an_associate_is_fine(catalog: Catalog) -> None:
    networker = plan(entry(SAA), entry("advanced-networking-specialty"))
    networker.profile.other_field_years = {ExperienceField.NETWORKING: 6}
    assert codes(networker, catalog) == []


# --- after-retirement ---------------------------------------------------------------------


def test_an_exam_planned_after_retirement_is_flagged_with_the_successor(
    catalog: Catalog,
) -> None:
    late = entry("data-analytics-specialty")
    found = advice_for(plan(entry(SAA), late, start=date(2026, 1, 5)), catalog)
    assert [(a.code, a.entry_id) for a in found] == [(AdviceCode.AFTER_RETIREMENT, late.id)]
    assert "29 Apr 2024" in found[0].message
    assert "DEA-C01" in found[0].message  # the replacement is suggested
    assert found[0].replace_with == "data-engineer-associate"  # and can replace it in one click


@pytest.mark.parametrize(
    ("retired", "successor", "code"),
    [
        ("sysops-administrator-associate", "cloudops-engineer-associate", "SOA-C03"),
        ("machine-learning-specialty", "machine-learning-engineer-associate", "MLA-C01"),
    ],
)
def test_a_retired_exam_names_its_successor(
    catalog: Catalog, retired: str, successor: str, code: str
) -> None:
    old = entry(retired)
    found = advice_for(plan(entry(SAA), old, start=date(2026, 6, 1)), catalog)
    (advice,) = [a for a in found if a.code is AdviceCode.AFTER_RETIREMENT]
    assert advice.entry_id == old.id
    assert code in advice.message
    assert advice.replace_with == successor


def test_a_retired_exam_without_successor_offers_no_replacement(catalog: Catalog) -> None:
    found = advice_for(plan(entry(SAA), entry("sap-on-aws-specialty")), catalog)
    (advice,) = [a for a in found if a.code is AdviceCode.AFTER_RETIREMENT]
    assert advice.replace_with is None
    assert "consider" not in advice.message


def test_machine_learning_specialty_is_withdrawn_the_day_after_its_last_test_day(
    catalog: Catalog,
) -> None:
    mls = catalog.get("machine-learning-specialty")
    assert not mls.retired_by(date(2026, 3, 31))
    assert mls.retired_by(date(2026, 4, 1))


# --- experience-below-tier ---------------------------------------------------------------


def test_a_professional_exam_before_two_years_on_aws_says_how_early_and_until_when(
    catalog: Catalog,
) -> None:
    dop = entry(DOP, hours=100)
    found = advice_for(plan(entry(SAA, hours=40), dop, years=0), catalog)
    (advice,) = [a for a in found if a.code is AdviceCode.EXPERIENCE_BELOW_TIER]
    schedule = schedule_plan(plan(entry(SAA, hours=40), dop, years=0), catalog)
    exam = schedule.for_entry(dop.id).exam_date
    assert exam is not None
    ready = date(2028, 1, 5)  # two years after the plan's start
    months_short = (ready.year - exam.year) * 12 + ready.month - exam.month
    months_short += ready.day > exam.day
    assert advice.entry_id == dop.id
    assert advice.severity is Severity.WARNING
    assert f"comes {months_short} months before you have the 2 years on AWS" in advice.message
    assert "around 5 Jan 2028" in advice.message  # two years after the plan's start
    assert "DOP-C02" in advice.message


def test_experience_grows_with_the_plan_until_the_warning_goes(catalog: Catalog) -> None:
    """1.5 years at the start: an exam after six months is on time, one after three is not."""
    early = plan(entry(SAA, pinned=date(2026, 2, 1), hours=10), entry(SAP, hours=10), years=1.5)
    late = plan(entry(SAA, pinned=date(2026, 7, 20), hours=10), entry(SAP, hours=10), years=1.5)
    assert AdviceCode.EXPERIENCE_BELOW_TIER in codes(early, catalog)
    assert AdviceCode.EXPERIENCE_BELOW_TIER not in codes(late, catalog)


def test_associate_exams_are_not_held_back_by_experience(catalog: Catalog) -> None:
    """Associates are where people build experience: a novice's estimate grows instead."""
    assert codes(plan(entry(CLF), entry(SAA), years=0), catalog) == []


def test_years_in_the_field_count_for_a_specialty_in_that_field(catalog: Catalog) -> None:
    ans = "advanced-networking-specialty"

    def networking_plan(field_years: float | None) -> StudyPlan:
        base = plan(entry(SAA, hours=20), entry(ans, hours=20), years=3)
        base.profile = LearnerProfile(
            role=Role.NETWORKING, experience_years=3, field_years=field_years
        )
        return base

    found = advice_for(networking_plan(None), catalog)
    (advice,) = [a for a in found if a.code is AdviceCode.EXPERIENCE_BELOW_TIER]
    assert "5 years of networking work" in advice.message  # unknown field years: AWS years
    assert "around 5 Jan 2028" in advice.message
    assert AdviceCode.EXPERIENCE_BELOW_TIER not in codes(networking_plan(6), catalog)
    # A developer's years are not networking years: with none given they count as 0, and the
    # warning says so and where to set them, instead of giving a date.
    developer = plan(entry(SAA, hours=20), entry(ans, hours=20), years=3)
    (advice,) = [
        a for a in advice_for(developer, catalog) if a.code is AdviceCode.EXPERIENCE_BELOW_TIER
    ]
    assert advice.message.endswith(
        "its exam guide recommends 5 years of networking work; you gave no years of networking "
        "work, so they count as 0; if you have some, set them under Plan settings › Years in "
        "other fields (or suggest --other-field-years networking=N)"
    )
    # Years given in another field count (and grow with the plan, like the role's own).
    developer.profile.other_field_years = {ExperienceField.NETWORKING: 4.5}
    (advice,) = [
        a for a in advice_for(developer, catalog) if a.code is AdviceCode.EXPERIENCE_BELOW_TIER
    ]
    # Half a year after the start on 5 Jan: 182.5 of the year's 365 days, rounded up to 183.
    assert "around 7 Jul 2026" in advice.message
    developer.profile.other_field_years = {ExperienceField.NETWORKING: 5}
    assert AdviceCode.EXPERIENCE_BELOW_TIER not in codes(developer, catalog)


def test_a_passed_exam_is_not_second_guessed(catalog: Catalog) -> None:
    done = entry(SAP, status=EntryStatus.PASSED, passed_on=date(2026, 1, 10))
    assert (
        codes(
            plan(entry(SAA, status=EntryStatus.PASSED, passed_on=date(2025, 5, 1)), done, years=0),
            catalog,
        )
        == []
    )


# --- time that works against the learner ----------------------------------------------


def test_study_stretched_over_more_than_six_months_is_noted(catalog: Catalog) -> None:
    slow = entry(SAA, hours=100)
    found = advice_for(plan(slow, week=[0, 0, 0, 0, 0, 1.5, 1.5]), catalog)
    (note,) = [a for a in found if a.code is AdviceCode.LONG_STUDY_WINDOW]
    assert note.severity is Severity.INFO
    assert note.entry_id == slow.id
    assert "add weekly hours" in note.message
    assert AdviceCode.LONG_STUDY_WINDOW not in codes(plan(entry(SAA, hours=100)), catalog)


def test_an_exam_more_than_two_years_away_may_meet_a_new_version(catalog: Catalog) -> None:
    far = entry(SAA, pinned=date(2028, 2, 1), hours=10)
    near = entry(SAA, pinned=date(2027, 12, 1), hours=10)
    far_advice = [
        a for a in advice_for(plan(far), catalog) if a.code is AdviceCode.EXAM_VERSION_RISK
    ]
    assert [a.entry_id for a in far_advice] == [far.id]
    assert far_advice[0].severity is Severity.INFO
    assert "check the current exam guide" in far_advice[0].message
    assert AdviceCode.EXAM_VERSION_RISK not in codes(plan(near), catalog)
    # measured from today, not from the plan's start
    later = advice_of(schedule_plan(plan(far), catalog), catalog, date(2026, 6, 1))
    assert AdviceCode.EXAM_VERSION_RISK not in [a.code for a in later]


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
