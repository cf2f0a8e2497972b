"""Validity, renewal and expiry of held and planned certifications, rule by rule."""

from __future__ import annotations

from datetime import date

import pytest

from studyplanner.domain.catalog import Catalog, RenewalKind, Tier
from studyplanner.domain.lifecycle import (
    Renewal,
    Validity,
    add_renewal,
    add_years,
    lifecycle,
    renewal_choice,
    renewal_paths,
)
from studyplanner.domain.plan import EntryStatus, HeldCertification, PlanEntry, StudyPlan
from studyplanner.domain.schedule import schedule_plan
from tests.domain.plans import entry, plan

CLF = "cloud-practitioner"
AIF = "ai-practitioner"
SAA = "solutions-architect-associate"
DVA = "developer-associate"
SOA = "cloudops-engineer-associate"
SYSOPS = "sysops-administrator-associate"
DEA = "data-engineer-associate"
MLA = "machine-learning-engineer-associate"
SAP = "solutions-architect-professional"
DOP = "devops-engineer-professional"
AIP = "generative-ai-developer-professional"
SCS = "security-specialty"
ANS = "advanced-networking-specialty"
MLS = "machine-learning-specialty"

EARNED = date(2025, 1, 10)
EXAM = date(2026, 6, 1)


def at(cert_id: str, day: date) -> PlanEntry:
    """An exam on ``day``: one hour of study, pinned, so the test sets the date."""
    return entry(cert_id, hours=1, pinned=day)


def holding(*held: tuple[str, date], entries: tuple[PlanEntry, ...] = ()) -> StudyPlan:
    study_plan = plan(*entries)
    study_plan.held = [HeldCertification(certification_id=c, earned_on=d) for c, d in held]
    return study_plan


def validities(study_plan: StudyPlan, catalog: Catalog) -> list[Validity]:
    return lifecycle(schedule_plan(study_plan, catalog), catalog)


def of(found: list[Validity], cert_id: str) -> Validity:
    (only,) = [v for v in found if v.certification_id == cert_id]
    return only


# --- the renewal rules, as the catalog holds them -------------------------------------------

RENEWED_BY = {
    CLF: {SAA, DVA, SOA, SYSOPS, DEA, MLA, SAP, DOP, AIP},
    AIF: {MLA},
    SAA: {SAP},
    DVA: {DOP},
    SOA: {DOP},
    SYSOPS: {SOA, DOP},
    DEA: set(),
    MLA: set(),
}


def test_the_catalog_holds_the_recertification_table(catalog: Catalog) -> None:
    for cert in catalog:
        expected = RENEWED_BY.get(cert.id, set())
        assert set(cert.renewed_by) == expected, cert.id
        assert set(cert.renewed_by) <= {c.id for c in catalog}, "every rule names a known exam"
        assert "retrieved 2026-11" in cert.renewal_source, cert.id
    professional_or_specialty = [
        c for c in catalog if c.tier in (Tier.PROFESSIONAL, Tier.SPECIALTY)
    ]
    assert professional_or_specialty and all(not c.renewed_by for c in professional_or_specialty)


ASSUMED = {(DVA, DOP), (SOA, DOP), (SYSOPS, SOA), (SYSOPS, DOP)}
"""The renewals AWS text read for the catalog does not confirm (catalog audit, Dec 2026)."""

RENEWING_PAIRS = [(renewed, by) for renewed, exams in RENEWED_BY.items() for by in exams]
RENEWING_PAIRS += [(c, c) for c in (CLF, AIF, SAA, DVA, SOA, DEA, MLA, SAP, DOP, AIP, SCS, ANS)]


@pytest.mark.parametrize(("renewed", "by"), RENEWING_PAIRS)
def test_an_exam_renews_what_the_rules_say(catalog: Catalog, renewed: str, by: str) -> None:
    exam = at(by, EXAM)
    found = validities(holding((renewed, EARNED), entries=(exam,)), catalog)
    validity = found[0]
    assert (validity.certification_id, validity.held, validity.entry_id) == (renewed, True, None)
    assert validity.first_expiry == date(2028, 1, 10)
    assumed = (renewed, by) in ASSUMED
    assert validity.renewals == (Renewal(EXAM, exam.id, by, date(2029, 6, 1), assumed),)
    assert validity.expires_on == date(2029, 6, 1)
    # Passing one's own exam again renews; it does not earn a second validity, and neither
    # does the exam of the same credential under its new name (SysOps -> CloudOps).
    assert len(found) == (1 if renewed == by or (renewed, by) == (SYSOPS, SOA) else 2)


def test_a_renamed_credential_is_one_validity_line_renewed_by_its_new_exam(
    catalog: Catalog,
) -> None:
    exam = at(SOA, EXAM)
    found = validities(holding((SYSOPS, EARNED), entries=(exam,)), catalog)
    assert [(v.certification_id, v.expires_on) for v in found] == [(SYSOPS, date(2029, 6, 1))]
    assert found[0].renewals[0].assumed  # the rename is read from a third-party page
    # Once SysOps has expired, CloudOps is earned anew: its own line.
    late = at(SOA, date(2028, 3, 1))
    found = validities(holding((SYSOPS, EARNED), entries=(late,)), catalog)
    assert [(v.certification_id, v.expires_on) for v in found] == [
        (SYSOPS, date(2028, 1, 10)),
        (SOA, date(2031, 3, 1)),
    ]


def test_every_renewal_path_aws_lists_cheapest_first(catalog: Catalog) -> None:
    paths = renewal_paths(catalog.get(CLF), catalog)
    first = paths[0]
    assert (first.kind, first.name, first.cost_usd, first.extends_years) == (
        RenewalKind.TRAINING,
        "AWS Cloud Quest: Recertify Cloud Practitioner",
        0,
        3,
    )
    assert first.hours_assumed and not first.assumed
    # Then the exams by fee: CLF $100, the Associates $150 (fewest typical hours first: DVA's
    # 110 h), the Professionals $300; the one-year maintain option last, its price unknown and
    # its terms assumed.
    assert [p.code for p in paths[1:3]] == ["CLF-C02", "DVA-C02"]
    assert [p.cost_usd for p in paths[1:-1]] == sorted(p.cost_usd or 0 for p in paths[1:-1])
    assert (paths[-1].kind, paths[-1].cost_usd, paths[-1].extends_years, paths[-1].assumed) == (
        RenewalKind.MAINTAIN,
        None,
        1,
        True,
    )
    # The one-click fix plans an exam: CLF's own, the cheapest.
    clf = validities(holding((CLF, EARNED)), catalog)[0]
    assert renewal_choice(clf, catalog) == CLF
    # A retired exam offers no path but those of other exams.
    sysops = [p.code for p in renewal_paths(catalog.get(SYSOPS), catalog)]
    assert sysops == ["SOA-C03", "DOP-C02"]


NOT_RENEWING_PAIRS = [
    (DEA, SAP),
    (DEA, DOP),
    (AIF, SAA),
    (SAA, DOP),
    (DVA, SAP),
    (SOA, SAP),
    (MLA, AIP),
    (SAP, DOP),
    (DOP, SAP),
    (SCS, SAP),
    (ANS, SAP),
    (CLF, SCS),
    (CLF, AIF),
    (AIF, CLF),
    (SOA, SYSOPS),
]


@pytest.mark.parametrize(("held", "by"), NOT_RENEWING_PAIRS)
def test_other_exams_do_not_renew(catalog: Catalog, held: str, by: str) -> None:
    exam = at(by, EXAM) if not catalog.get(by).is_retired else None
    entries = (exam,) if exam else ()
    found = validities(holding((held, EARNED), entries=entries), catalog)
    assert of(found, held).renewals == ()
    assert of(found, held).expires_on == date(2028, 1, 10)


def test_an_expired_certification_is_not_renewed_but_can_be_earned_again(
    catalog: Catalog,
) -> None:
    # The case: Cloud Practitioner earned 10 Jan 2024 expires 10 Jan 2027; an
    # Associate exam on 1 Mar 2027 comes too late to renew it.
    saa = at(SAA, date(2027, 3, 1))
    clf_again = at(CLF, date(2027, 6, 1))
    found = validities(holding((CLF, date(2024, 1, 10)), entries=(saa, clf_again)), catalog)

    clf = [v for v in found if v.certification_id == CLF]
    assert [(v.earned_on, v.expires_on, v.renewals, v.held) for v in clf] == [
        (date(2024, 1, 10), date(2027, 1, 10), (), True),
        (date(2027, 6, 1), date(2030, 6, 1), (), False),
    ]
    assert clf[1].entry_id == clf_again.id


def test_an_associate_exam_before_the_expiry_renews_cloud_practitioner(catalog: Catalog) -> None:
    saa = at(SAA, date(2027, 1, 4))
    found = validities(holding((CLF, date(2024, 1, 10)), entries=(saa,)), catalog)
    clf = of(found, CLF)
    assert clf.first_expiry == date(2027, 1, 10)
    assert clf.renewals == (Renewal(date(2027, 1, 4), saa.id, SAA, date(2030, 1, 4)),)
    assert clf.expires_on == date(2030, 1, 4)
    assert clf.last_renewal == clf.renewals[0]
    assert clf.valid_on(date(2029, 12, 31)) and not clf.valid_on(date(2030, 1, 5))


def test_an_exam_on_the_expiry_day_still_renews(catalog: Catalog) -> None:
    saa = at(SAA, date(2027, 1, 10))
    clf = of(validities(holding((CLF, date(2024, 1, 10)), entries=(saa,)), catalog), CLF)
    assert clf.expires_on == date(2030, 1, 10)


def test_renewals_chain_and_each_counts_from_its_own_exam(catalog: Catalog) -> None:
    saa, sap = at(SAA, date(2026, 3, 2)), at(SAP, date(2028, 9, 4))
    found = validities(holding((CLF, date(2025, 1, 10)), entries=(saa, sap)), catalog)
    assert [(r.certification_id, r.expires_on) for r in of(found, CLF).renewals] == [
        (SAA, date(2029, 3, 2)),
        (SAP, date(2031, 9, 4)),
    ]
    assert of(found, SAA).renewals == (Renewal(date(2028, 9, 4), sap.id, SAP, date(2031, 9, 4)),)


def test_a_leap_day_expires_on_the_28th_of_february() -> None:
    assert add_years(date(2024, 2, 29), 3) == date(2027, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_passed_and_planned_entries_earn_from_their_exam_date(catalog: Catalog) -> None:
    done = entry(DVA, status=EntryStatus.PASSED, passed_on=date(2025, 5, 5))
    undated = entry(SCS, status=EntryStatus.PASSED)
    planned = at(SAA, date(2026, 4, 6))
    found = validities(holding((CLF, date(2023, 2, 1)), entries=(planned, undated, done)), catalog)
    assert [(v.certification_id, v.entry_id, v.earned_on, v.held) for v in found] == [
        (CLF, None, date(2023, 2, 1), True),
        (DVA, done.id, date(2025, 5, 5), True),
        (SAA, planned.id, date(2026, 4, 6), False),
    ]
    # The passed Developer exam came while Cloud Practitioner was valid, so renewed it; the
    # planned Associate renews it again.
    assert [(r.entry_id, r.expires_on) for r in of(found, CLF).renewals] == [
        (done.id, date(2028, 5, 5)),
        (planned.id, date(2029, 4, 6)),
    ]


def test_held_certifications_do_not_renew_each_other(catalog: Catalog) -> None:
    # Their dates are the ones AWS shows, which already count any renewal.
    found = validities(holding((CLF, date(2024, 1, 10)), (SAA, date(2025, 3, 1))), catalog)
    assert of(found, CLF).renewals == () and of(found, CLF).expires_on == date(2027, 1, 10)


def test_the_same_certification_held_twice_counts_from_the_later_date(catalog: Catalog) -> None:
    found = validities(holding((CLF, date(2021, 1, 10)), (CLF, date(2024, 1, 10))), catalog)
    assert [(v.earned_on, v.expires_on) for v in found] == [(date(2024, 1, 10), date(2027, 1, 10))]


def test_a_held_certification_a_user_catalog_lacks_is_left_out(catalog: Catalog) -> None:
    found = validities(holding(("not-in-this-catalog", date(2025, 1, 1))), catalog)
    assert found == []


def test_who_can_renew_lists_the_certification_itself_first_and_only_bookable_exams(
    catalog: Catalog,
) -> None:
    found = validities(
        holding((CLF, EARNED), (SYSOPS, EARNED), (MLS, EARNED), (DVA, EARNED)), catalog
    )
    assert of(found, CLF).renewable_by[0] == CLF
    assert SYSOPS not in of(found, CLF).renewable_by  # its exam is retired
    assert of(found, SYSOPS).renewable_by == (SOA, DOP)
    assert of(found, MLS).renewable_by == ()
    assert of(found, DVA).renewable_by == (DVA, DOP)


@pytest.mark.parametrize(
    ("held", "cheapest"),
    [(CLF, CLF), (AIF, AIF), (SAA, SAA), (DVA, DVA), (SYSOPS, SOA), (DEA, DEA), (SAP, SAP)],
)
def test_the_cheapest_renewal(catalog: Catalog, held: str, cheapest: str) -> None:
    validity = of(validities(holding((held, EARNED)), catalog), held)
    assert renewal_choice(validity, catalog) == cheapest


def test_a_retired_specialty_has_no_renewal(catalog: Catalog) -> None:
    validity = of(validities(holding((MLS, EARNED)), catalog), MLS)
    with pytest.raises(ValueError, match="no exam renews"):
        renewal_choice(validity, catalog)


# --- one-click renewal ------------------------------------------------------------------------


def test_add_renewal_puts_the_exam_as_late_as_it_can_still_renew_in_time(
    catalog: Catalog,
) -> None:
    first, second, third = entry(SCS), entry(ANS), entry(SAP)
    study_plan = holding((CLF, date(2023, 11, 1)), entries=(first, second, third))
    schedule = schedule_plan(study_plan, catalog)
    dates = [item.exam_date for item in schedule.entries]
    expiry = date(2026, 11, 1)
    assert dates[0] is not None and dates[1] is not None and dates[0] < expiry < dates[1]

    renewed = add_renewal(study_plan, schedule, CLF, expiry)

    assert [e.certification_id for e in renewed.entries] == [SCS, CLF, ANS, SAP]
    added = renewed.entries[1]
    assert added.deadline == expiry and added.status is EntryStatus.PLANNED
    assert added.id not in {e.id for e in study_plan.entries}
    assert len(study_plan.entries) == 3, "the plan it was given is left alone"
    clf = of(validities(renewed, catalog), CLF)
    assert clf.renewals and clf.renewals[0].entry_id == added.id
    assert clf.renewals[0].on <= expiry


def test_add_renewal_goes_first_when_no_position_is_in_time(catalog: Catalog) -> None:
    study_plan = holding((CLF, date(2023, 1, 20)), entries=(entry(SCS), entry(ANS)))
    schedule = schedule_plan(study_plan, catalog)
    renewed = add_renewal(study_plan, schedule, SAA, date(2026, 1, 20))
    assert [e.certification_id for e in renewed.entries] == [SAA, SCS, ANS]
    assert renewed.entries[0].pinned_exam_date is None


def test_add_renewal_at_the_end_when_everything_fits_before(catalog: Catalog) -> None:
    study_plan = holding((CLF, date(2025, 12, 1)), entries=(entry(DVA),))
    schedule = schedule_plan(study_plan, catalog)
    renewed = add_renewal(study_plan, schedule, CLF, date(2028, 12, 1))
    assert [e.certification_id for e in renewed.entries] == [DVA, CLF]


def test_add_renewal_for_an_expiry_past_the_last_plan_date_keeps_a_valid_deadline(
    catalog: Catalog,
) -> None:
    study_plan = holding((CLF, date(2199, 6, 1)))
    schedule = schedule_plan(study_plan, catalog)
    renewed = add_renewal(study_plan, schedule, CLF, date(2202, 6, 1))
    assert renewed.entries[0].deadline == date(2199, 12, 31)
