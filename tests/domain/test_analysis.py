"""One analysis of a plan on a day: every fact the surfaces show, worked out once and agreeing
with the rules that make each of them; a plan without dates is an answer too."""

from __future__ import annotations

from datetime import date, timedelta

from studyplanner.domain.advice import AdviceCode, advise
from studyplanner.domain.analysis import analyse, plan_baseline
from studyplanner.domain.budget import plan_budget
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.lifecycle import lifecycle
from studyplanner.domain.plan import (
    EntryStatus,
    HeldCertification,
    PracticeScore,
    WeeklyAvailability,
)
from studyplanner.domain.progress import (
    Readiness,
    baseline_of,
    burn_up,
    finish_shift_days,
    plan_pace,
    study_days,
)
from studyplanner.domain.schedule import schedule_plan
from tests.domain.plans import MONDAY, entry, plan

SAA = "solutions-architect-associate"


def day(n: int) -> date:
    return MONDAY + timedelta(days=n)


def test_every_fact_is_the_one_its_own_rule_gives(catalog: Catalog) -> None:
    studied = plan(
        entry("cloud-practitioner", hours=20, logged=12),
        entry("developer-associate", hours=100),
        years=6,
    )
    studied.held = [HeldCertification(certification_id="cloud-practitioner", earned_on=day(-900))]
    studied.entries[0].scores = [PracticeScore(on=day(n), percent=90) for n in (9, 10)]
    studied.baseline = baseline_of(schedule_plan(studied, catalog, MONDAY), MONDAY)
    today = day(30)

    analysis = analyse(studied, catalog, today)

    schedule = schedule_plan(studied, catalog, today)
    pace = plan_pace(schedule, today)
    validities = lifecycle(schedule, catalog)
    assert analysis.today == today and analysis.plan is studied
    assert analysis.schedule == schedule and analysis.schedule_error is None
    assert analysis.pace == pace
    assert list(analysis.validities) == validities
    assert list(analysis.advice) == advise(
        schedule, catalog, today, pace=pace, validities=validities
    )
    assert analysis.budget == plan_budget(schedule)
    assert analysis.finish_shift_days == finish_shift_days(schedule)
    assert analysis.baseline == baseline_of(schedule, today)
    assert analysis.study_days == study_days(studied)
    assert analysis.burn_up is not None
    lines = analysis.burn_up
    assert (lines.baseline, lines.planned, lines.logged) == burn_up(schedule, today)
    assert analysis.burn_up is lines  # drawn twice (window, report), worked out once
    first, second = (item.id for item in studied.entries)
    assert analysis.readiness_of(first) is Readiness.READY
    assert analysis.readiness_of(second) is Readiness.UNKNOWN
    assert analysis.readiness_of("no such entry") is Readiness.UNKNOWN
    validity = analysis.validity_of(second)
    assert validity is not None and validity.certification_id == "developer-associate"


def test_a_plan_without_study_hours_is_an_answer_not_an_error(catalog: Catalog) -> None:
    idle = plan(entry("developer-associate", hours=100))
    idle.availability = WeeklyAvailability(hours_per_weekday=[0] * 7)
    idle.entries[0].scores = [PracticeScore(on=MONDAY, percent=50)]

    analysis = analyse(idle, catalog, MONDAY)

    assert analysis.schedule is None
    assert analysis.schedule_error is not None and "zero hours" in analysis.schedule_error
    assert analysis.advice == () and analysis.validities == ()  # nothing held or passed
    assert analysis.budget is None and analysis.pace is None and analysis.burn_up is None
    assert analysis.finish_shift_days is None and analysis.baseline is None
    assert analysis.readiness_of(idle.entries[0].id) is Readiness.NOT_READY  # no dates needed
    assert plan_baseline(idle, catalog, MONDAY) is None


def test_a_plan_without_study_hours_keeps_what_is_already_certain(catalog: Catalog) -> None:
    """Held SAA-C03 earned 1 Jul 2023 is valid 3 years, to 1 Jul 2026; CLF-C02 passed on
    10 Jan 2024, to 10 Jan 2027. At 0 h a week the planned SAP-C02 has no date, so it renews
    nothing (had it a date by then, it would renew SAA-C03) and earns nothing."""
    idle = plan(
        entry("cloud-practitioner", status=EntryStatus.PASSED, passed_on=date(2024, 1, 10)),
        entry("solutions-architect-professional", hours=100),
        week=[0] * 7,
    )
    idle.held = [HeldCertification(certification_id=SAA, earned_on=date(2023, 7, 1))]
    passed, planned = (item.id for item in idle.entries)

    analysis = analyse(idle, catalog, date(2026, 12, 8))

    assert analysis.schedule is None and analysis.schedule_error is not None
    assert [
        (v.certification_id, v.entry_id, v.earned_on, v.expires_on, v.renewals, v.held)
        for v in analysis.validities
    ] == [
        (SAA, None, date(2023, 7, 1), date(2026, 7, 1), (), True),
        ("cloud-practitioner", passed, date(2024, 1, 10), date(2027, 1, 10), (), True),
    ]
    assert analysis.validities[0].first_expiry == date(2026, 7, 1)
    assert analysis.validity_of(planned) is None
    assert analysis.advice == () and analysis.budget is None


def test_a_plan_without_study_hours_keeps_renewals_by_passed_exams(catalog: Catalog) -> None:
    """Held SAA-C03 from 1 Jul 2023 (to 1 Jul 2026); SAP-C02 passed on 1 May 2025, while it
    was valid, renews it to 1 May 2028 (3 years from that pass)."""
    idle = plan(
        entry(
            "solutions-architect-professional",
            status=EntryStatus.PASSED,
            passed_on=date(2025, 5, 1),
        ),
        entry("developer-associate", hours=100),
        week=[0] * 7,
    )
    idle.held = [HeldCertification(certification_id=SAA, earned_on=date(2023, 7, 1))]
    sap = idle.entries[0].id

    analysis = analyse(idle, catalog, date(2026, 12, 8))

    saa = analysis.validities[0]
    assert (saa.certification_id, saa.expires_on) == (SAA, date(2028, 5, 1))
    assert [(r.on, r.entry_id) for r in saa.renewals] == [(date(2025, 5, 1), sap)]


def test_advice_reads_the_pace_and_validities_it_is_given(catalog: Catalog) -> None:
    """``advise`` works neither out itself: the analysis hands it the ones every surface
    shows, so the warnings never disagree with the pace and expiries beside them."""
    slow = plan(entry("developer-associate", hours=100, logged=9.5), years=6)
    today = day(14)  # two weeks of study expected (20 h), 9.5 h logged
    schedule = schedule_plan(slow, catalog, today)
    pace = plan_pace(schedule, today)

    told = advise(schedule, catalog, today, pace=pace, validities=[])
    unmeasured = advise(schedule, catalog, today, pace=None, validities=[])

    assert AdviceCode.BEHIND_SCHEDULE in {a.code for a in told}
    assert AdviceCode.BEHIND_SCHEDULE not in {a.code for a in unmeasured}
    assert {a.code for a in analyse(slow, catalog, today).advice} == {a.code for a in told}


def test_a_baseline_is_the_plans_dates_on_the_day(catalog: Catalog) -> None:
    fresh = plan(entry("cloud-practitioner", hours=20), entry("developer-associate", hours=100))

    kept = plan_baseline(fresh, catalog, MONDAY)

    assert kept == analyse(fresh, catalog, MONDAY).baseline
    assert kept == baseline_of(schedule_plan(fresh, catalog, MONDAY), MONDAY)
    assert plan_baseline(plan(), catalog, MONDAY) is None  # no exams, nothing to keep
