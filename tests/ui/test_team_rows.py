"""The team view's table rows, worked out without a window: a big team's target row names eight
people and counts the rest (its tooltip names more), and statuses carry their warning colours."""

from __future__ import annotations

from datetime import date

from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.plan import Owner
from studyplanner.domain.team import TeamMember, TeamSettings, TeamTarget, roll_up
from studyplanner.style import Colour
from studyplanner.ui.team.rows import budget_table, people_table, targets_table
from tests.team.folder import TODAY, ana


def test_a_big_teams_target_names_eight_and_counts_the_rest(catalog: Catalog) -> None:
    members = []
    for number in range(12):
        plan = ana()
        plan.owner = Owner(name=f"Person {number:02}")
        members.append(TeamMember(f"p{number:02}.json", plan))
    target = TeamTarget(by=date(2027, 6, 30), count=12, tier=Tier.ASSOCIATE)
    team = roll_up(members, catalog, TODAY, TeamSettings(targets=(target,)))
    (row,) = targets_table(team, catalog).rows
    # every Ana plans SAA-C03 on 1 Mar 2027, on pace: 12 planned, 12 safe, met
    assert row.cells[:4] == ("12 Associate certifications by 30 Jun 2027", "met", "12", "12")
    assert row.cells[4].startswith("Person 00 (SAA-C03), Person 01 (SAA-C03)")
    assert row.cells[4].endswith("Person 07 (SAA-C03) and 4 more")
    assert row.tips[4].endswith("Person 11 (SAA-C03)")  # the tooltip names all twelve
    assert row.mark is None  # met: no warning colours
    assert len(people_table(team, catalog).rows) == 12
    # Q1 2027: twelve SAA-C03 exams at Ana's own fee of 140 EUR each = 1,680 EUR
    q1 = next(r for r in budget_table(team).rows if r.cells[0] == "Q1 2027")
    assert q1.cells[1] == "12"
    assert "1,680 EUR" in q1.cells[2]


def test_a_target_at_risk_or_missed_is_marked_in_its_status_cell(catalog: Catalog) -> None:
    members = [TeamMember("ana.json", ana())]
    targets = (
        TeamTarget(by=date(2027, 6, 30), count=1, tier=Tier.ASSOCIATE),
        TeamTarget(by=date(2027, 6, 30), count=2, tier=Tier.ASSOCIATE),
    )
    team = roll_up(members, catalog, TODAY, TeamSettings(targets=targets))
    met, missed = targets_table(team, catalog).rows
    assert (met.cells[1], met.mark) == ("met", None)
    assert missed.cells[1] == "missed"
    assert (missed.marked, missed.mark) == (1, (Colour.ERROR_FILL, Colour.ERROR_INK))
    assert missed.cells[5] == "1 more needs an exam planned by 30 Jun 2027"
