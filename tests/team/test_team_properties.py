"""A property of the forecast: adding a planned exam to anyone's plan never lowers a target's
planned or safe count (one more exam can only earn or keep a certification)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyplanner.domain.catalog import Catalog, LifecycleStatus, Tier
from studyplanner.domain.plan import PlanEntry
from studyplanner.domain.team import TeamMember, TeamSettings, TeamTarget, roll_up
from studyplanner.storage.catalog_source import bundled_catalog
from tests.team.folder import TARGETS, TODAY, ana, ben, cy

CATALOG: Catalog = bundled_catalog()
ACTIVE = sorted(c.id for c in CATALOG if c.lifecycle.status is LifecycleStatus.ACTIVE)

targets = st.builds(
    TeamTarget,
    by=st.dates(TODAY, date(2030, 12, 31)),
    count=st.integers(1, 4),
    tier=st.sampled_from(list(Tier)),
)
exams = st.builds(
    PlanEntry,
    certification_id=st.sampled_from(ACTIVE),
    hours_override=st.sampled_from([5.0, 20.0, 80.0]),
    pinned_exam_date=st.none() | st.dates(TODAY + timedelta(days=1), date(2029, 12, 31)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    who=st.integers(0, 2),
    exam=exams,
    more=st.lists(targets, max_size=3),
)
def test_adding_a_planned_exam_never_lowers_a_count(
    who: int, exam: PlanEntry, more: list[TeamTarget]
) -> None:
    team = TeamSettings.model_validate(TARGETS)
    team = TeamSettings(name=team.name, targets=(*team.targets, *more))
    plans = [ana(), ben(), cy()]
    before = roll_up(
        [TeamMember(f"{i}.json", p) for i, p in enumerate(plans)], CATALOG, TODAY, team
    )
    plans[who].entries.append(exam)
    after = roll_up([TeamMember(f"{i}.json", p) for i, p in enumerate(plans)], CATALOG, TODAY, team)
    for old, new in zip(before.targets, after.targets, strict=True):
        assert new.planned_count >= old.planned_count
        assert new.safe_count >= old.safe_count
