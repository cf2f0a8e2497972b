"""Starter plans from the seed guide's key variables, each exam with the reason it is there."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.plan import Direction, LearnerProfile, Role
from studyplanner.domain.suggest import Suggestion, suggest_plan
from studyplanner.storage.catalog_source import bundled_catalog

START = date(2026, 2, 2)


def suggest(
    catalog: Catalog,
    role: Role,
    years: float = 2,
    hours: float = 8,
    direction: Direction | None = None,
    focus: list[str] | None = None,
) -> Suggestion:
    profile = LearnerProfile(
        role=role, experience_years=years, direction=direction, focus_areas=focus or []
    )
    return suggest_plan(catalog, profile, hours, START)


def picked(suggestion: Suggestion) -> list[str]:
    return [e.certification_id for e in suggestion.plan.entries]


@pytest.mark.parametrize(
    ("direction", "last"),
    [
        (Direction.DEVOPS, "devops-engineer-professional"),
        (None, "devops-engineer-professional"),  # a developer's default direction
        (Direction.SECURITY, "security-specialty"),
    ],
)
def test_a_developer_starts_with_developer_associate(
    catalog: Catalog, direction: Direction | None, last: str
) -> None:
    suggestion = suggest(catalog, Role.DEVELOPER, years=2, hours=8, direction=direction)
    assert picked(suggestion) == ["developer-associate", "solutions-architect-associate", last]
    assert suggestion.remarks == []


def test_the_suggested_plan_uses_the_given_start_and_hours(catalog: Catalog) -> None:
    suggestion = suggest(catalog, Role.DEVELOPER, hours=8)
    assert suggestion.plan.start_date == START
    assert suggestion.plan.availability.weekly_hours == pytest.approx(8)
    assert suggestion.plan.profile.role is Role.DEVELOPER


@pytest.mark.parametrize("role", list(Role))
def test_every_role_gets_a_plan_with_reasons(catalog: Catalog, role: Role) -> None:
    suggestion = suggest(catalog, role)
    assert suggestion.plan.entries, f"{role} got an empty plan"
    assert len(suggestion.reasons) == len(suggestion.plan.entries)
    for pick, plan_entry in zip(suggestion.reasons, suggestion.plan.entries, strict=True):
        assert pick.certification_id == plan_entry.certification_id
        assert len(pick.reason) > 20
        assert plan_entry.notes == pick.reason  # the reason survives saving


@pytest.mark.parametrize("years", [0, 5])
def test_a_manager_gets_cloud_practitioner(catalog: Catalog, years: float) -> None:
    assert picked(suggest(catalog, Role.MANAGER, years=years)) == ["cloud-practitioner"]


def test_a_manager_around_ai_also_gets_ai_practitioner(catalog: Catalog) -> None:
    suggestion = suggest(catalog, Role.MANAGER, direction=Direction.ML)
    assert picked(suggestion)[:2] == ["cloud-practitioner", "ai-practitioner"]


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.MANAGER])
def test_a_newcomer_starts_with_cloud_practitioner(catalog: Catalog, role: Role) -> None:
    first, second, *_ = picked(suggest(catalog, role, years=0))
    assert first == "cloud-practitioner"
    assert catalog.get(second).tier is Tier.ASSOCIATE


def test_someone_with_experience_skips_cloud_practitioner(catalog: Catalog) -> None:
    assert "cloud-practitioner" not in picked(suggest(catalog, Role.ARCHITECT, years=2))


def test_low_hours_limit_the_plan_and_say_so(catalog: Catalog) -> None:
    full = suggest(catalog, Role.DEVELOPER, years=0, hours=8)
    short = suggest(catalog, Role.DEVELOPER, years=0, hours=4)
    assert len(picked(full)) > 2
    assert picked(short) == picked(full)[:2]
    assert len(short.remarks) == 1
    assert "4 hours a week" in short.remarks[0]
    dropped = catalog.get(picked(full)[2]).name
    assert dropped in short.remarks[0]


def test_five_hours_is_not_low(catalog: Catalog) -> None:
    assert len(picked(suggest(catalog, Role.DEVELOPER, years=0, hours=5))) > 2


def test_focus_areas_add_matching_exams(catalog: Catalog) -> None:
    suggestion = suggest(catalog, Role.ARCHITECT, focus=["Security and compliance"])
    assert "security-specialty" in picked(suggestion)
    reason = next(
        r.reason for r in suggestion.reasons if r.certification_id == "security-specialty"
    )
    assert "Security and compliance" in reason


def test_sap_focus_explains_why_sap_specialty_is_missing(catalog: Catalog) -> None:
    suggestion = suggest(catalog, Role.ARCHITECT, focus=["SAP"])
    assert "sap-on-aws-specialty" not in picked(suggestion)
    assert any("SAP on AWS" in remark and "retired" in remark for remark in suggestion.remarks)


def test_no_exam_is_suggested_twice(catalog: Catalog) -> None:
    suggestion = suggest(
        catalog, Role.DEVELOPER, direction=Direction.ARCHITECTURE, focus=["serverless", "api"]
    )
    assert len(picked(suggestion)) == len(set(picked(suggestion)))


CATALOG = bundled_catalog()


@settings(max_examples=80, deadline=None)
@given(
    role=st.sampled_from(list(Role)),
    years=st.sampled_from([0, 0.25, 1, 2, 4, 12]),
    hours=st.sampled_from([1, 3, 4.5, 5, 8, 15, 40]),
    direction=st.none() | st.sampled_from(list(Direction)),
    focus=st.lists(
        st.sampled_from(
            [
                "SAP",
                "data lake",
                "Machine Learning",
                "security",
                "hybrid network",
                "GenAI",
                "serverless",
                "databases",
                "retail",
            ]
        ),
        max_size=3,
    ),
)
def test_retired_exams_are_never_suggested_and_every_pick_has_a_reason(
    role: Role, years: float, hours: float, direction: Direction | None, focus: list[str]
) -> None:
    suggestion = suggest(CATALOG, role, years, hours, direction, focus)
    ids = picked(suggestion)
    assert ids, "a suggestion always has at least one exam"
    assert all(not CATALOG.get(cert_id).is_retired for cert_id in ids)
    assert len(ids) == len(set(ids))
    assert all(r.reason.strip() for r in suggestion.reasons)
    assert len(ids) <= (2 if hours < 5 else 4)
