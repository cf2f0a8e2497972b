"""Changing the targets of a roll-up without analysing the plans again (the team view's edits):
the same counts as a roll-up made with those targets from the start."""

from __future__ import annotations

from datetime import date

from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.team import (
    TargetStatus,
    TeamMember,
    TeamSettings,
    TeamTarget,
    roll_up,
    with_settings,
)
from tests.team.folder import TARGETS, TODAY, ana, ben, cy


def members() -> list[TeamMember]:
    return [
        TeamMember("platform/ana.json", ana()),
        TeamMember("ben.json", ben()),
        TeamMember("cy.json", cy()),
    ]


def test_new_targets_give_the_counts_a_fresh_roll_up_gives(catalog: Catalog) -> None:
    team = members()  # one set of plans: their entries' ids are made when they are built
    before = roll_up(team, catalog, TODAY, TeamSettings.model_validate(TARGETS))
    # one Associate by 30 Jun 2027: Ana's SAA-C03 on 1 Mar is safe, so it is met
    one = TeamTarget(by=date(2027, 6, 30), count=1, tier=Tier.ASSOCIATE)
    # a certification the catalog does not know counts nothing and is left out
    unknown = TeamTarget(by=date(2027, 6, 30), count=1, certification="no-such-exam")
    settings = TeamSettings(name="Renamed", targets=(one, unknown))
    after = with_settings(before, settings, catalog)
    fresh = roll_up(team, catalog, TODAY, settings)
    assert after == fresh
    assert after.name == "Renamed"
    (forecast,) = after.targets
    assert (forecast.planned_count, forecast.safe_count) == (3, 1)
    assert forecast.status is TargetStatus.MET
    # nothing about the people was worked out again
    assert after.people is before.people
    assert after.analyses is before.analyses
    assert after.quarters is before.quarters


def test_no_targets(catalog: Catalog) -> None:
    before = roll_up(members(), catalog, TODAY, TeamSettings.model_validate(TARGETS))
    assert with_settings(before, TeamSettings(), catalog).targets == ()
