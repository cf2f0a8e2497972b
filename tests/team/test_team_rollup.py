"""The team roll-up on the shared folder (tests/team/folder.py), every number worked by hand
there: each person's row, each target's counts and status, what closes the gap, each quarter's
fees and lapses, and the team timeline's days."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from studyplanner.domain.budget import Price
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.progress import Readiness
from studyplanner.domain.team import (
    PaceState,
    Risk,
    TargetStatus,
    TeamMember,
    TeamRollUp,
    TeamSettings,
    TeamTarget,
    quarter_of,
    roll_up,
)
from studyplanner.domain.wording_team import (
    amounts_text,
    closing_text,
    held_text,
    pace_text,
    quarter_label,
    risk_text,
    target_text,
    weeks_text,
)
from studyplanner.layout.team_timeline import lay_out_team_timeline
from studyplanner.storage.team_folder import read_team_folder
from tests.team.folder import TODAY, ana, ben, cy, write_team_folder

SAA, DVA, CLF, SCS = (
    "solutions-architect-associate",
    "developer-associate",
    "cloud-practitioner",
    "security-specialty",
)


@pytest.fixture
def team(tmp_path: Path, catalog: Catalog) -> TeamRollUp:
    folder = read_team_folder(write_team_folder(tmp_path / "team"), catalog, TODAY)
    return roll_up(folder.members, catalog, TODAY, folder.settings)


def test_each_person_is_named_by_owner_or_file_with_pace_and_risks(
    team: TeamRollUp, catalog: Catalog
) -> None:
    assert [(p.name, p.source, p.named_by_file) for p in team.people] == [
        ("Ana Silva", "platform/ana.json", False),
        ("Ben Okafor", "ben.json", False),
        ("cy", "cy.json", True),
    ]
    ana_row, ben_row, cy_row = team.people
    assert ana_row.team == "Platform" and ben_row.team is None
    # Ana starts today: nothing was due before it.
    assert (ana_row.pace, pace_text(ana_row)) == (PaceState.NOT_STARTED, "not started")
    # Ben: 2 h on each of the 25 weekdays from 2 Nov to 4 Dec = 50 h due, none logged: 50 / 10.
    assert (ben_row.pace, ben_row.behind_weeks, pace_text(ben_row)) == (
        PaceState.BEHIND,
        5.0,
        "5 weeks behind",
    )
    saa, scs = ben_row.planned
    assert (saa.exam_date, saa.behind_weeks, saa.risks) == (date(2027, 2, 15), 5.0, (Risk.BEHIND,))
    assert (scs.exam_date, scs.behind_weeks, scs.risks) == (date(2027, 6, 1), 0.0, ())
    # cy sits DVA-C02 in 8 days with 70 % then 85 %: not ready (both must reach 80 %).
    (dva,) = cy_row.planned
    assert (dva.readiness, dva.risks, dva.renews) == (
        Readiness.NOT_READY,
        (Risk.NOT_READY,),
        (DVA,),
    )
    # Held: what lapses without the exams still to come, and with them.
    (held,) = cy_row.held
    assert (held.earned_on, held.expires_on, held.renewed_until) == (
        date(2024, 2, 1),
        date(2027, 2, 1),
        date(2029, 12, 15),
    )
    (clf,) = ana_row.held
    assert (clf.expires_on, clf.renewed_until) == (date(2028, 1, 15), date(2030, 3, 1))
    assert held_text(clf, catalog) == (
        "CLF-C02 until 15 Jan 2028 (1 Mar 2030 with the renewal planned)"
    )


def test_three_targets_counted_by_hand(team: TeamRollUp, catalog: Catalog) -> None:
    associates, security, foundational = team.targets
    # Associates active on 30 Jun 2027: Ana's SAA (1 Mar, safe), Ben's SAA (15 Feb, 5 weeks
    # behind) and cy's DVA (held to 1 Feb 2027, kept by a renewal on 15 Dec that is not ready).
    # Planned 3 >= 2 > safe 1: at risk.
    assert (associates.planned_count, associates.safe_count) == (3, 1)
    assert associates.status is TargetStatus.AT_RISK
    assert [(c.name, c.certification_id) for c in associates.safe] == [("Ana Silva", SAA)]
    assert [(c.name, c.risks) for c in associates.at_risk] == [
        ("Ben Okafor", (Risk.BEHIND,)),
        ("cy", (Risk.NOT_READY,)),
    ]
    # One more safe is enough; cy's is the least behind (0 weeks against 5).
    assert [(c.name, c.exam_date) for c in associates.closing] == [("cy", date(2026, 12, 15))]
    assert closing_text(associates, catalog) == (
        "cy's DVA-C02 is not ready with the exam 14 days away or less; on time, the target is met"
    )
    assert target_text(associates.target, catalog) == "2 Associate certifications by 30 Jun 2027"
    # Security: Ben's SCS-C03 on 1 Jun 2027, not behind (its study was not due yet): met.
    assert (security.planned_count, security.safe_count, security.status) == (
        1,
        1,
        TargetStatus.MET,
    )
    assert closing_text(security, catalog) == ""
    assert target_text(security.target, catalog) == "1 SCS-C03 by 31 Dec 2027"
    # Foundational: only Ana's CLF-C02 (to 15 Jan 2028): 1 of 3, missed by 2.
    assert (foundational.planned_count, foundational.safe_count) == (1, 1)
    assert (foundational.status, foundational.short_by) == (TargetStatus.MISSED, 2)
    assert closing_text(foundational, catalog) == "2 more need an exam planned by 31 Dec 2027"


def test_when_bens_exam_is_the_one_that_closes_the_gap(catalog: Catalog) -> None:
    members = [TeamMember("ana.json", ana()), TeamMember("ben.json", ben())]
    target = TeamTarget(by=date(2027, 6, 30), count=2, tier="associate")
    (forecast,) = roll_up(members, catalog, TODAY, TeamSettings(targets=(target,))).targets
    assert (forecast.planned_count, forecast.safe_count) == (2, 1)
    assert closing_text(forecast, catalog) == (
        "Ben Okafor's SAA-C03 is 5 weeks behind; on time, the target is met"
    )


def test_a_renewal_at_risk_keeps_a_certification_only_in_the_planned_count(
    catalog: Catalog,
) -> None:
    # cy's DVA-C02 is held to 1 Feb 2027; on 1 Mar 2027 it counts only if the renewal passes.
    target = TeamTarget(by=date(2027, 3, 1), count=1, certification=DVA)
    (forecast,) = roll_up(
        [TeamMember("cy.json", cy())], catalog, TODAY, TeamSettings(targets=(target,))
    ).targets
    assert (forecast.planned_count, forecast.safe_count) == (1, 0)
    (risky,) = forecast.at_risk
    assert (risky.exam_date, risky.risks) == (date(2026, 12, 15), (Risk.NOT_READY,))
    # Before it lapses, the held certificate counts safely.
    early = TeamTarget(by=date(2027, 1, 31), count=1, certification=DVA)
    (forecast,) = roll_up(
        [TeamMember("cy.json", cy())], catalog, TODAY, TeamSettings(targets=(early,))
    ).targets
    assert (forecast.planned_count, forecast.safe_count, forecast.status) == (
        1,
        1,
        TargetStatus.MET,
    )


def test_quarters_add_fees_with_vouchers_and_the_company_share(team: TeamRollUp) -> None:
    by_quarter = {(q.year, q.quarter): q for q in team.quarters}
    # Q4 2026: cy's DVA-C02 ($150), paid by the company.
    q4 = by_quarter[(2026, 4)]
    assert quarter_label(q4) == "Q4 2026"
    assert amounts_text(q4.list_price) == "$150"
    assert amounts_text(q4.with_vouchers) == "$0"
    assert amounts_text(q4.paid_by_company) == "$150"
    assert [e.certification_id for e in q4.renewals] == [DVA]
    # Q1 2027: Ben's SAA-C03 ($150) and Ana's at her own 140 EUR: never added together.
    q1 = by_quarter[(2027, 1)]
    assert [(e.name, e.exam_date) for e in q1.exams] == [
        ("Ben Okafor", date(2027, 2, 15)),
        ("Ana Silva", date(2027, 3, 1)),
    ]
    assert amounts_text(q1.list_price) == "$150 + 140 EUR"
    assert amounts_text(q1.with_vouchers) == "$150 + 140 EUR"
    # Q2 2027: Ben's SCS-C03, $300, half off with the voucher his SAA-C03 pass earns.
    q2 = by_quarter[(2027, 2)]
    assert (q2.list_price.in_currency("USD"), q2.with_vouchers.in_currency("USD")) == (300, 150)
    assert q2.exams[0].paid == Price(15000)
    # What lapses: cy's DVA-C02 on 15 Dec 2029, three years after its renewal; nothing lapses
    # in Q1 2027, as the renewals planned keep CLF-C02 and DVA-C02.
    assert [(e.name, e.expires_on) for e in by_quarter[(2029, 4)].expiries] == [
        ("cy", date(2029, 12, 15))
    ]
    assert q1.expiries == ()
    assert quarter_of(date(2027, 5, 14)) == (2027, 2)


def test_the_team_timeline_in_days(team: TeamRollUp) -> None:
    layout = lay_out_team_timeline(team)
    assert layout.origin == date(2026, 12, 1)
    assert layout.today == 6
    ana_row, ben_row, cy_row = layout.rows
    assert [row.label for row in layout.rows] == ["Ana Silva", "Ben Okafor", "cy"]
    # 1 Mar 2027 is 31 + 31 + 28 + 0 = 90 days after 1 Dec 2026.
    assert [(m.day, m.risks) for m in ana_row.exams] == [(90, ())]
    assert [(m.day, m.risks) for m in ben_row.exams] == [(76, (Risk.BEHIND,)), (182, ())]
    assert [(m.day, m.risks) for m in cy_row.exams] == [(14, (Risk.NOT_READY,))]
    # cy's DVA-C02 lapses on 1 Feb 2027 (day 62) unless the renewal passes.
    assert [(t.day, t.renewal_planned) for t in cy_row.expiries] == [(62, True)]
    # Targets on 30 Jun 2027 (day 211) and 31 Dec 2027 (day 395).
    assert [(t.day, t.index) for t in layout.targets] == [(211, 0), (395, 1), (395, 2)]
    # The last mark is Ana's CLF-C02 expiry on 15 Jan 2028 (day 410); with a month of room
    # (15 Feb 2028), the axis ends with that month: 29 Feb 2028.
    assert [(t.day, t.renewal_planned) for t in ana_row.expiries] == [(410, True)]
    assert layout.date_of(layout.last) == date(2028, 2, 29)
    assert layout.months[0].begins == date(2026, 12, 1)
    assert layout.day_of(date(2027, 1, 1)) == 31


def test_weeks_and_risks_in_words() -> None:
    assert weeks_text(1.25) == "1.2 weeks"
    assert weeks_text(1.0) == "1 week"
    assert weeks_text(2.6) == "3 weeks"
    assert weeks_text(-3.0) == "3 weeks"
    assert risk_text((Risk.BEHIND, Risk.NOT_READY), 3.0) == (
        "3 weeks behind and not ready with the exam 14 days away or less"
    )


def test_a_team_without_targets_or_plans(catalog: Catalog) -> None:
    empty = roll_up([], catalog, TODAY)
    assert (empty.people, empty.targets, empty.quarters, empty.name) == ((), (), (), "")
    layout = lay_out_team_timeline(empty)
    assert (layout.rows, layout.targets, layout.date_of(layout.last)) == ((), (), date(2027, 1, 31))
