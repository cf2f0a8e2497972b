"""The roll-up's other cases, each worked by hand: pace ahead and on pace, a plan that cannot
be laid out, a plan with nothing left to study, an assumed renewal, targets missed with some at
risk or needing two exams on time, and the words for every tier."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.plan import (
    EntryStatus,
    PlanEntry,
    PracticeScore,
    StudyPlan,
    StudySession,
    WeeklyAvailability,
)
from studyplanner.domain.team import (
    PaceState,
    Risk,
    TargetStatus,
    TeamMember,
    TeamSettings,
    TeamTarget,
    roll_up,
)
from studyplanner.domain.wording_team import (
    closing_text,
    held_text,
    pace_text,
    target_text,
)
from tests.team.folder import TEN_A_WEEK, TODAY, ben, cy, held

MONDAY_FOUR_WEEKS_AGO = TODAY - timedelta(weeks=4)  # 9 Nov 2026


def studied(hours_per_weekday: float) -> StudyPlan:
    """Four weeks ago, SAA-C03 (100 h) at 10 h a week; the log has ``hours_per_weekday`` on
    each of the 20 weekdays since."""
    return StudyPlan(
        start_date=MONDAY_FOUR_WEEKS_AGO,
        availability=TEN_A_WEEK,
        entries=[
            PlanEntry(
                certification_id="solutions-architect-associate",
                hours_override=100,
                sessions=[
                    StudySession(on=MONDAY_FOUR_WEEKS_AGO + timedelta(days=d), hours=hours)
                    for d in range(28)
                    if (hours := hours_per_weekday if d % 7 < 5 else 0.0) > 0
                ],
            )
        ],
    )


@pytest.mark.parametrize(
    ("per_day", "state", "weeks", "words"),
    [
        # 40 h due (20 weekdays x 2 h); 60 h logged: 20 h ahead = 2 weeks of 10 h.
        (3.0, PaceState.AHEAD, -2.0, "2 weeks ahead"),
        # 35 h logged: 5 h behind, half a week: on pace.
        (1.75, PaceState.ON_PACE, 0.5, "on pace"),
    ],
)
def test_pace_ahead_and_on_pace(
    catalog: Catalog, per_day: float, state: PaceState, weeks: float, words: str
) -> None:
    (person,) = roll_up([TeamMember("a.json", studied(per_day))], catalog, TODAY).people
    assert (person.pace, person.behind_weeks, pace_text(person)) == (state, weeks, words)


def test_a_plan_that_cannot_be_laid_out_and_one_with_nothing_left(catalog: Catalog) -> None:
    stuck = StudyPlan(
        start_date=TODAY,
        availability=WeeklyAvailability(hours_per_weekday=[0] * 7),
        entries=[PlanEntry(certification_id="developer-associate")],
    )
    done = StudyPlan(
        start_date=date(2026, 1, 5),
        entries=[
            PlanEntry(
                certification_id="developer-associate",
                status=EntryStatus.PASSED,
                passed_on=date(2026, 6, 1),
            )
        ],
    )
    team = roll_up(
        [TeamMember("stuck.json", stuck), TeamMember("done.json", done)],
        catalog,
        TODAY,
        TeamSettings(targets=(TeamTarget(by=date(2027, 1, 1), count=2, tier=Tier.ASSOCIATE),)),
    )
    finished, blocked = team.person("done.json"), team.person("stuck.json")
    assert (finished.pace, pace_text(finished), finished.planned) == (PaceState.NONE, "", ())
    (passed,) = finished.held
    assert (passed.earned_on, passed.expires_on) == (date(2026, 6, 1), date(2029, 6, 1))
    assert blocked.schedule_error is not None
    (exam,) = blocked.planned
    assert (exam.exam_date, exam.risks, exam.fee) == (None, (), None)
    (forecast,) = team.targets
    # Only the pass counts: the stuck plan has no exam day.
    assert (forecast.planned_count, forecast.safe_count, forecast.status) == (
        1,
        1,
        TargetStatus.MISSED,
    )
    assert closing_text(forecast, catalog) == "1 more needs an exam planned by 1 Jan 2027"
    with pytest.raises(KeyError):
        team.person("nobody.json")


def test_a_member_on_leave_still_counts_what_they_hold(catalog: Catalog) -> None:
    """On leave (0 h a week), so the planned DVA-C02 has no date; the held SAA-C03 earned
    1 Jul 2023 is still valid 3 years, to 1 Jul 2026: it counts for an Associate target by
    20 Jun 2026 and not for one by 2 Jul 2026, and is listed as held with that expiry."""
    on_leave = StudyPlan(
        start_date=TODAY,
        availability=WeeklyAvailability(hours_per_weekday=[0] * 7),
        held=[held("solutions-architect-associate", date(2023, 7, 1))],
        entries=[PlanEntry(certification_id="developer-associate")],
    )
    team = roll_up(
        [TeamMember("leave.json", on_leave)],
        catalog,
        TODAY,
        TeamSettings(
            targets=(
                TeamTarget(by=date(2026, 6, 20), count=1, tier=Tier.ASSOCIATE),
                TeamTarget(by=date(2026, 7, 2), count=1, tier=Tier.ASSOCIATE),
            )
        ),
    )
    person = team.person("leave.json")
    assert person.schedule_error is not None
    (saa,) = person.held
    assert (saa.certification_id, saa.earned_on, saa.expires_on) == (
        "solutions-architect-associate",
        date(2023, 7, 1),
        date(2026, 7, 1),
    )
    in_time, too_late = team.targets
    assert (in_time.planned_count, in_time.safe_count, in_time.status) == (
        1,
        1,
        TargetStatus.MET,
    )
    assert (too_late.planned_count, too_late.safe_count, too_late.status) == (
        0,
        0,
        TargetStatus.MISSED,
    )


def test_an_assumed_renewal_says_so(catalog: Catalog) -> None:
    # DVA-C02 held to 1 Feb 2027; DOP-C02 on 15 Jan 2027 is only assumed to renew it.
    plan = StudyPlan(
        start_date=TODAY,
        availability=WeeklyAvailability(hours_per_weekday=[8] * 7),
        held=[held("developer-associate", date(2024, 2, 1))],
        entries=[
            PlanEntry(
                certification_id="devops-engineer-professional",
                hours_override=20,
                pinned_exam_date=date(2027, 1, 15),
            )
        ],
    )
    team = roll_up([TeamMember("d.json", plan)], catalog, TODAY)
    (dva,) = team.people[0].held
    assert dva.renewal_assumed and dva.renewed_until == date(2030, 1, 15)
    assert held_text(dva, catalog) == (
        "DVA-C02 until 1 Feb 2027 (assumed: 15 Jan 2030 with the renewal planned)"
    )
    (exam,) = team.people[0].planned
    assert exam.renews == ("developer-associate",) and exam.renewal_assumed
    assert team.quarters[0].exams[0].renewal_assumed
    assert team.quarters[0].start == date(2027, 1, 1)


def test_missed_with_some_at_risk_and_two_needed_on_time(catalog: Catalog) -> None:
    late = cy()  # not ready, DVA-C02 on 15 Dec 2026
    members = [TeamMember("ben.json", ben()), TeamMember("cy.json", late)]
    three = TeamTarget(by=date(2027, 6, 30), count=3, tier=Tier.ASSOCIATE)
    two = TeamTarget(by=date(2027, 6, 30), count=2, tier=Tier.ASSOCIATE)
    missed, at_risk = roll_up(members, catalog, TODAY, TeamSettings(targets=(three, two))).targets
    # Ben's SAA-C03 (5 weeks behind) and cy's DVA-C02 (not ready): 2 planned, none safe.
    assert (missed.planned_count, missed.safe_count, missed.status) == (2, 0, TargetStatus.MISSED)
    assert closing_text(missed, catalog) == (
        "1 more needs an exam planned by 30 Jun 2027, and the 2 planned at risk must be on time"
    )
    assert (at_risk.status, [c.name for c in at_risk.closing]) == (
        TargetStatus.AT_RISK,
        ["cy", "Ben Okafor"],
    )
    assert closing_text(at_risk, catalog) == (
        "cy's DVA-C02 is not ready with the exam 14 days away or less and Ben Okafor's "
        "SAA-C03 is 5 weeks behind; with these on time, the target is met"
    )


def test_ready_in_time_is_safe(catalog: Catalog) -> None:
    ready = cy()
    ready.entries[0].scores.append(PracticeScore(on=date(2026, 12, 5), percent=90))
    (person,) = roll_up([TeamMember("cy.json", ready)], catalog, TODAY).people
    assert person.planned[0].risks == ()
    # Behind and not ready at once: both said.
    behind = ben()
    behind.entries[0].pinned_exam_date = TODAY + timedelta(days=10)
    behind.entries[0].hours_override = 20
    (person,) = roll_up([TeamMember("ben.json", behind)], catalog, TODAY).people
    assert person.planned[0].risks == (Risk.BEHIND, Risk.NOT_READY)


@pytest.mark.parametrize(
    ("tier", "count", "words"),
    [
        (Tier.FOUNDATIONAL, 1, "1 Foundational certification by 31 Dec 2027"),
        (Tier.ASSOCIATE, 1, "1 Associate certification by 31 Dec 2027"),
        (Tier.PROFESSIONAL, 2, "2 Professional certifications by 31 Dec 2027"),
        (Tier.SPECIALTY, 3, "3 Specialty certifications by 31 Dec 2027"),
    ],
)
def test_each_tier_in_words(catalog: Catalog, tier: Tier, count: int, words: str) -> None:
    assert target_text(TeamTarget(by=date(2027, 12, 31), count=count, tier=tier), catalog) == words


def test_a_target_for_a_certification_the_catalog_lacks_counts_nothing(catalog: Catalog) -> None:
    unknown = TeamTarget(by=date(2027, 12, 31), count=1, certification="quantum-specialty")
    team = roll_up([TeamMember("cy.json", cy())], catalog, TODAY, TeamSettings(targets=(unknown,)))
    assert team.targets == ()


def test_a_gap_closed_by_many_exams_names_the_first_three(catalog: Catalog) -> None:
    # Five people, each with Ben's plan (SAA-C03 5 weeks behind): 5 planned, none safe.
    members = [TeamMember(f"p{i}.json", ben()) for i in range(5)]
    target = TeamTarget(by=date(2027, 6, 30), count=4, tier=Tier.ASSOCIATE)
    (forecast,) = roll_up(members, catalog, TODAY, TeamSettings(targets=(target,))).targets
    assert (forecast.planned_count, forecast.safe_count, len(forecast.closing)) == (5, 0, 4)
    assert closing_text(forecast, catalog) == (
        "4 of the 5 exams at risk must be on time, the least behind first: Ben Okafor's "
        "SAA-C03, Ben Okafor's SAA-C03, Ben Okafor's SAA-C03, …; then the target is met"
    )
