"""Advice about certificates that expire, are renewed, and deadlines without room to retake."""

from __future__ import annotations

from datetime import date

from studyplanner.domain.advice import Advice, AdviceCode, Severity
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.lifecycle import add_renewal
from studyplanner.domain.plan import EntryStatus, HeldCertification, PlanEntry, StudyPlan
from studyplanner.domain.schedule import schedule_plan
from tests.domain.plans import advice_of, entry, plan

CLF = "cloud-practitioner"
SAA = "solutions-architect-associate"
SCS = "security-specialty"
ANS = "advanced-networking-specialty"
MLS = "machine-learning-specialty"

LIFECYCLE_CODES = {
    AdviceCode.EXPIRES_DURING_PLAN,
    AdviceCode.EXPIRES_SOON,
    AdviceCode.RENEWED_BY,
    AdviceCode.NO_RETAKE_ROOM,
}


def at(cert_id: str, day: date, deadline: date | None = None) -> PlanEntry:
    """An exam on ``day``: one hour of study, pinned, so the test sets the date."""
    return entry(cert_id, hours=1, pinned=day).model_copy(update={"deadline": deadline})


def with_held(*entries: PlanEntry, held: tuple[tuple[str, date], ...] = ()) -> StudyPlan:
    study_plan = plan(*entries, years=6.0)
    study_plan.held = [HeldCertification(certification_id=c, earned_on=d) for c, d in held]
    return study_plan


def lifecycle_advice(study_plan: StudyPlan, catalog: Catalog, today: date) -> list[Advice]:
    found = advice_of(schedule_plan(study_plan, catalog), catalog, today)
    return [a for a in found if a.code in LIFECYCLE_CODES]


HELD_CLF = ((CLF, date(2024, 1, 10)),)


# --- the case: Cloud Practitioner earned 10 Jan 2024, an Associate in 2027 ----------


def test_an_associate_exam_in_time_renews_cloud_practitioner(catalog: Catalog) -> None:
    found = lifecycle_advice(
        with_held(at(SAA, date(2027, 1, 4)), held=HELD_CLF), catalog, date(2026, 11, 29)
    )
    assert [(a.code, a.severity, a.entry_id, a.message) for a in found] == [
        (
            AdviceCode.RENEWED_BY,
            Severity.INFO,
            None,
            "SAA-C03 renews Cloud Practitioner on 4 Jan 2027 (valid until 4 Jan 2030)",
        )
    ]


def test_an_associate_exam_after_the_expiry_comes_too_late(catalog: Catalog) -> None:
    study_plan = with_held(at(SAA, date(2027, 3, 1)), held=HELD_CLF)

    # Within 180 days and before the plan's last exam: both are said, each once.
    soon, lapse = lifecycle_advice(study_plan, catalog, date(2026, 11, 29))
    assert soon.code is AdviceCode.EXPIRES_SOON and soon.severity is Severity.WARNING
    assert lapse.code is AdviceCode.EXPIRES_DURING_PLAN
    assert soon.entry_id is None  # a held certification: no plan entry
    assert (soon.renew_with, soon.renew_before) == (CLF, date(2027, 1, 10))
    # Eleven ways to renew it, cheapest first: the free Cloud Quest game, CLF's own $100 exam,
    # the $150 Associates (DVA's 110 h first), the $300 Professionals, and the one-year
    # maintain option, whose price is not published; three are named, 8 counted.
    assert soon.message == (
        "Cloud Practitioner (CLF-C02) expires on 10 Jan 2027, in 42 days "
        "(SAA-C03 on 1 Mar 2027 comes too late: an expired certification cannot be renewed); "
        "renew it by 10 Jan 2027, cheapest first: AWS Cloud Quest: Recertify Cloud "
        "Practitioner (free, no exam), CLF-C02, DVA-C02 or 8 other ways"
    )
    assert lapse.message.startswith(
        "Cloud Practitioner (CLF-C02) expires on 10 Jan 2027, before the plan's last exam on "
        "1 Mar 2027, and nothing in the plan renews it in time"
    )

    # Seen from further away it is not "soon", but it still expires before the last exam.
    (during,) = lifecycle_advice(study_plan, catalog, date(2026, 1, 5))
    assert during.code is AdviceCode.EXPIRES_DURING_PLAN
    assert "before the plan's last exam on 1 Mar 2027" in during.message
    assert (during.renew_with, during.renew_before) == (CLF, date(2027, 1, 10))


def test_the_one_click_renewal_clears_the_warning(catalog: Catalog) -> None:
    study_plan = with_held(at(SAA, date(2027, 3, 1)), held=HELD_CLF)
    today = date(2026, 11, 29)
    schedule = schedule_plan(study_plan, catalog)
    warning, _also_during_the_plan = advice_of(schedule, catalog, today)
    assert warning.renew_with is not None and warning.renew_before is not None

    fixed = add_renewal(study_plan, schedule, warning.renew_with, warning.renew_before)

    found = lifecycle_advice(fixed, catalog, today)
    assert [a.code for a in found] == [AdviceCode.RENEWED_BY]
    # The Cloud Practitioner exam goes before the pinned Associate (after it would be too
    # late); it renews the certification in time, so the Associate exam renews it again.
    assert found[0].message.startswith("CLF-C02 on ")
    assert found[0].message.endswith(
        " and SAA-C03 on 1 Mar 2027 renew Cloud Practitioner (valid until 1 Mar 2030)"
    )
    assert fixed.entries[0].certification_id == CLF
    assert fixed.entries[0].deadline == date(2027, 1, 10)


def test_a_held_certification_far_from_expiry_and_outlasting_the_plan_is_quiet(
    catalog: Catalog,
) -> None:
    study_plan = with_held(at(SCS, date(2026, 6, 1)), held=((CLF, date(2025, 9, 1)),))
    assert lifecycle_advice(study_plan, catalog, date(2026, 1, 5)) == []


def test_an_expired_certification_gets_no_expiry_warning(catalog: Catalog) -> None:
    study_plan = with_held(at(SCS, date(2026, 6, 1)), held=((CLF, date(2022, 1, 10)),))
    assert lifecycle_advice(study_plan, catalog, date(2026, 1, 5)) == []


def test_expires_soon_counts_180_days_from_today(catalog: Catalog) -> None:
    study_plan = with_held(held=((SCS, date(2023, 7, 4)),))  # expires 4 Jul 2026
    assert [a.code for a in lifecycle_advice(study_plan, catalog, date(2026, 1, 5))] == [
        AdviceCode.EXPIRES_SOON
    ]  # 180 days ahead
    assert lifecycle_advice(study_plan, catalog, date(2026, 1, 4)) == []  # 181 days ahead


def test_a_planned_certification_that_lapses_before_the_last_exam(catalog: Catalog) -> None:
    clf = at(CLF, date(2026, 3, 2))
    study_plan = with_held(clf, at(SCS, date(2027, 6, 7)), at(ANS, date(2029, 6, 4)))
    (lapse,) = lifecycle_advice(study_plan, catalog, date(2026, 1, 5))
    assert lapse.code is AdviceCode.EXPIRES_DURING_PLAN
    assert lapse.entry_id == clf.id
    assert lapse.message.startswith(
        "Cloud Practitioner (CLF-C02) expires on 2 Mar 2029, before the plan's last exam on "
        "4 Jun 2029, and nothing in the plan renews it in time; renew it by 2 Mar 2029, "
        "cheapest first: AWS Cloud Quest"
    )
    assert (lapse.renew_with, lapse.renew_before) == (CLF, date(2029, 3, 2))


def test_a_retired_specialty_cannot_be_renewed(catalog: Catalog) -> None:
    study_plan = with_held(held=((MLS, date(2023, 3, 1)),))  # expires 1 Mar 2026
    (soon,) = lifecycle_advice(study_plan, catalog, date(2026, 1, 5))
    assert soon.code is AdviceCode.EXPIRES_SOON
    assert soon.message.endswith("; its exam is retired, so nothing renews it any more")
    assert (soon.renew_with, soon.renew_before) == (None, None)


def test_several_renewals_are_one_note(catalog: Catalog) -> None:
    study_plan = with_held(
        at(SAA, date(2026, 3, 2)),
        at("solutions-architect-professional", date(2026, 9, 7)),
        held=((CLF, date(2025, 1, 10)),),
    )
    notes = [a.message for a in lifecycle_advice(study_plan, catalog, date(2026, 1, 5))]
    assert notes == [
        "SAA-C03 on 2 Mar 2026 and SAP-C02 on 7 Sep 2026 renew Cloud Practitioner "
        "(valid until 7 Sep 2029)",
        "SAP-C02 renews Solutions Architect – Associate on 7 Sep 2026 (valid until 7 Sep 2029)",
    ]


# --- no-retake-room ---------------------------------------------------------------------------


def test_a_deadline_with_room_for_a_retake_is_fine(catalog: Catalog) -> None:
    ok = at(SAA, date(2026, 3, 2), deadline=date(2026, 3, 16))  # retake on the deadline
    assert lifecycle_advice(with_held(ok), catalog, date(2026, 1, 5)) == []


def test_a_deadline_a_retake_would_miss(catalog: Catalog) -> None:
    tight = at(SAA, date(2026, 3, 2), deadline=date(2026, 3, 15))
    (advice,) = lifecycle_advice(with_held(tight), catalog, date(2026, 1, 5))
    assert (advice.code, advice.entry_id, advice.severity) == (
        AdviceCode.NO_RETAKE_ROOM,
        tight.id,
        Severity.WARNING,
    )
    assert advice.message == (
        "SAA-C03 Solutions Architect – Associate is needed by 15 Mar 2026, but if the exam on "
        "2 Mar 2026 is failed, the 14-day wait puts the retake on 16 Mar 2026 at the earliest; "
        "plan it by 1 Mar 2026 to leave room for a retake"
    )


def test_an_exam_after_its_deadline_has_no_retake_room_either(catalog: Catalog) -> None:
    late = at(SAA, date(2026, 3, 2), deadline=date(2026, 2, 27))
    (advice,) = lifecycle_advice(with_held(late), catalog, date(2026, 1, 5))
    assert advice.code is AdviceCode.NO_RETAKE_ROOM
    assert "the exam on 2 Mar 2026 is already after the deadline" in advice.message


def test_a_passed_exam_needs_no_retake_room(catalog: Catalog) -> None:
    done = entry(SAA, status=EntryStatus.PASSED, passed_on=date(2025, 12, 1))
    done = done.model_copy(update={"deadline": date(2025, 12, 5)})
    assert lifecycle_advice(with_held(done), catalog, date(2026, 1, 5)) == []
