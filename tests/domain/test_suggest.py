"""Starter plans from the seed guide's key variables, each exam with the reason it is there."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.domain.advice import AdviceCode
from studyplanner.domain.catalog import Catalog, Tier, parse_catalog
from studyplanner.domain.plan import LearnerProfile
from studyplanner.domain.roles import Direction, ExperienceField, Role
from studyplanner.domain.schedule import schedule_plan
from studyplanner.domain.suggest import Suggestion, suggest_plan, suggestion_certification_ids
from studyplanner.storage.catalog_source import bundled_catalog
from tests.domain.plans import advice_of, catalog_document

START = date(2026, 2, 2)


def suggest(
    catalog: Catalog,
    role: Role,
    years: float = 2,
    hours: float = 8,
    direction: Direction | None = None,
    focus: list[str] | None = None,
    field_years: float | None = None,
    other: dict[ExperienceField, float] | None = None,
) -> Suggestion:
    profile = LearnerProfile(
        role=role,
        experience_years=years,
        field_years=field_years,
        other_field_years=other or {},
        direction=direction,
        focus_areas=focus or [],
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
    security = {ExperienceField.SECURITY: 4.0}  # SCS asks for 3 years of security work
    suggestion = suggest(
        catalog, Role.DEVELOPER, years=2, hours=8, direction=direction, other=security
    )
    assert picked(suggestion) == ["developer-associate", "solutions-architect-associate", last]
    assert suggestion.remarks == []


@pytest.mark.parametrize("role", list(Role))
def test_without_a_chosen_direction_no_reason_claims_one(catalog: Catalog, role: Role) -> None:
    """Issue 13: a developer who chose no direction was told "Heading for DevOps"; the role's
    usual next step is suggested as that, not as the learner's own choice."""
    suggestion = suggest(catalog, role, years=2, hours=8, direction=None)
    texts = [pick.reason for pick in suggestion.reasons] + suggestion.remarks
    assert not [text for text in texts if "Heading for" in text]


def test_the_usual_goal_of_a_role_says_that_no_direction_was_chosen(catalog: Catalog) -> None:
    without = suggest(catalog, Role.DEVELOPER, years=2, hours=8, direction=None)
    chosen = suggest(catalog, Role.DEVELOPER, years=2, hours=8, direction=Direction.DEVOPS)

    assert picked(without) == picked(chosen)
    assert without.reasons[-1].reason == (
        "The usual next step for your role (no direction chosen): DevOps Engineer – "
        "Professional validates delivery pipelines, automation and incident response."
    )
    assert chosen.reasons[-1].reason.startswith("Heading for DevOps: DevOps Engineer – ")


def test_the_suggested_plan_uses_the_given_start_and_hours(catalog: Catalog) -> None:
    suggestion = suggest(catalog, Role.DEVELOPER, hours=8)
    assert suggestion.plan.start_date == START
    assert suggestion.plan.availability.weekly_hours == pytest.approx(8)
    assert suggestion.plan.profile.role is Role.DEVELOPER


def test_a_managers_plan_has_a_short_name(catalog: Catalog) -> None:
    """Issue 21: "Manager, sales or other non-engineering role path" in the window title."""
    assert suggest(catalog, Role.MANAGER).plan.name == "Manager path"


@pytest.mark.parametrize("role", list(Role))
def test_every_roles_plan_name_is_short_and_its_own(catalog: Catalog, role: Role) -> None:
    name = suggest(catalog, role).plan.name
    assert name.endswith(" path") and len(name) <= 24
    assert name not in {suggest(catalog, other).plan.name for other in Role if other is not role}


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
def test_a_manager_gets_cloud_practitioner_only(catalog: Catalog, years: float) -> None:
    assert picked(suggest(catalog, Role.MANAGER, years=years)) == ["cloud-practitioner"]


def test_a_manager_around_ai_also_gets_ai_practitioner(catalog: Catalog) -> None:
    suggestion = suggest(catalog, Role.MANAGER, direction=Direction.ML)
    assert picked(suggestion)[:2] == ["cloud-practitioner", "ai-practitioner"]


@pytest.mark.parametrize("role", [r for r in Role if r not in (Role.MANAGER, Role.ML)])
def test_a_newcomer_starts_with_cloud_practitioner(catalog: Catalog, role: Role) -> None:
    first, second, *_ = picked(suggest(catalog, role, years=0))
    assert first == "cloud-practitioner"
    assert catalog.get(second).tier is Tier.ASSOCIATE


@pytest.mark.parametrize(
    ("role", "direction", "focus"),
    [
        (Role.ML, None, []),
        (Role.DEVELOPER, Direction.ML, []),
        (Role.DATA, None, ["generative AI"]),
    ],
)
def test_a_newcomer_heading_for_ml_or_ai_starts_with_ai_practitioner(
    catalog: Catalog, role: Role, direction: Direction | None, focus: list[str]
) -> None:
    ids = picked(suggest(catalog, role, years=0, hours=15, direction=direction, focus=focus))
    assert ids[0] == "ai-practitioner"
    assert "cloud-practitioner" not in ids


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
    suggestion = suggest(
        catalog,
        Role.ARCHITECT,
        focus=["Security and compliance"],
        other={ExperienceField.SECURITY: 4.0},
    )
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
    field_years=st.none() | st.sampled_from([0, 1, 3, 6, 20]),
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
                "HTML and CSS",
                "capital markets",
                "Miami office",
                "generative AI",
            ]
        ),
        max_size=3,
    ),
)
def test_retired_exams_are_never_suggested_and_every_pick_has_a_reason(
    role: Role,
    years: float,
    field_years: float | None,
    hours: float,
    direction: Direction | None,
    focus: list[str],
) -> None:
    suggestion = suggest(CATALOG, role, years, hours, direction, focus, field_years)
    assert_a_mentor_would_accept(suggestion, suggestion.plan.profile)
    ids = picked(suggestion)
    assert ids, "a suggestion always has at least one exam"
    assert all(not CATALOG.get(cert_id).is_retired for cert_id in ids)
    assert len(ids) == len(set(ids))
    assert all(r.reason.strip() for r in suggestion.reasons)
    assert len(ids) <= (2 if hours < 5 else 4)


# --- experience: never an exam the learner is not ready for -------------------------------


def test_a_developer_new_to_aws_is_not_sent_to_devops_professional(catalog: Catalog) -> None:
    """The issue's example: 0 years, 15 h a week used to plan DOP-C02 ten months in."""
    suggestion = suggest(catalog, Role.DEVELOPER, years=0, hours=15)
    assert picked(suggestion) == [
        "cloud-practitioner",
        "developer-associate",
        "solutions-architect-associate",
    ]
    (remark,) = suggestion.remarks
    assert remark.startswith("Add DevOps Engineer – Professional (DOP-C02) once you have")
    assert "about 2 years on AWS" in remark
    assert "around Feb 2028" in remark  # two years after the 2 Feb 2026 start
    assert remark in suggestion.plan.notes


@pytest.mark.parametrize(
    ("direction", "left_out", "field"),
    [
        (Direction.NETWORKING, "ANS-C01", "networking"),
        (Direction.SECURITY, "SCS-C03", "security"),
        (Direction.ML, "AIP-C01", "machine learning and AI"),
    ],
)
def test_a_developer_heading_elsewhere_gets_that_fields_exam_as_a_note_not_a_date(
    catalog: Catalog, direction: Direction, left_out: str, field: str
) -> None:
    """Issue 19: a developer with 2 years on AWS heading for networking was planned ANS-C01
    (5 years of networking asked) within a year. Years in a field not given count as 0."""
    suggestion = suggest(catalog, Role.DEVELOPER, years=2, hours=8, direction=direction)
    codes = [catalog.get(cert_id).code for cert_id in picked(suggestion)]
    assert left_out not in codes
    (remark,) = [r for r in suggestion.remarks if f"({left_out})" in r]
    assert f"you gave no years of {field} work, so they count as 0" in remark
    assert "Plan settings › Years in other fields" in remark


def test_a_professional_that_would_take_over_nine_months_is_a_note(catalog: Catalog) -> None:
    """At 3 h a week an architect with 2 years on AWS gets SAA-C03, and SAP-C02 becomes a
    note. SAA: 120 h x 0.9 (one year more than an Associate asks) = 108 h, 36 weeks. SAP then
    starts about 0.7 years in: 250 h x (1 - 0.1 x 0.7) = 233 h, less 10 % for SAA of its own
    track: 209 h, 70 weeks at 3 h, about 16 months (to Feb 2028)."""
    suggestion = suggest(catalog, Role.ARCHITECT, years=2, hours=3)
    assert picked(suggestion) == ["solutions-architect-associate"]
    (remark,) = [r for r in suggestion.remarks if "SAP-C02" in r]
    assert remark.startswith(
        "Add Solutions Architect – Professional (SAP-C02) when you can give it more time: at 3 "
        "hours a week its 209 h would take about 16 months of study, to Feb 2028"
    )
    # 209 h in 26 weeks is 8.04 h a week, rounded up to the half hour.
    assert remark.endswith("about 8.5 hours a week would cover it in six months.")


def test_with_too_few_hours_for_more_the_plan_keeps_one_exam_and_says_why(
    catalog: Catalog,
) -> None:
    """Half an hour a week: DVA-C02's 110 h take 220 weeks, so it is the only exam."""
    suggestion = suggest(catalog, Role.DEVELOPER, years=2, hours=0.5)
    assert picked(suggestion) == ["developer-associate"]
    (remark,) = [r for r in suggestion.remarks if r.startswith("With 0.5 hours a week")]
    # 110 h x 0.9 (a year more than an Associate asks) = 99 h: 198 weekends of 0.5 h, Mon
    # 2 Feb 2026 to Sun 18 Nov 2029, 1,385 days, 45.5 months of 30.44 days: about 45.
    assert "Developer – Associate (DVA-C02) alone takes about 45 months of study" in remark
    assert "(exam around Nov 2029)" in remark
    # 99 h in 26 weeks is 3.8 h a week, rounded up to the half hour.
    assert "about 4 hours a week would cover it in six months" in remark
    assert remark.endswith(
        "Add Solutions Architect – Associate, DevOps Engineer – Professional later."
    )


def test_field_years_open_the_specialty_to_an_experienced_network_engineer(
    catalog: Catalog,
) -> None:
    """ANS-C01 asks for 5+ years of networking: a network engineer who has them gets it."""
    unknown = suggest_plan(
        catalog, LearnerProfile(role=Role.NETWORKING, experience_years=2), 15, START
    )
    veteran = suggest_plan(
        catalog,
        LearnerProfile(role=Role.NETWORKING, experience_years=2, field_years=8),
        15,
        START,
    )
    assert "advanced-networking-specialty" not in picked(unknown)
    assert any("5 years of networking work" in r for r in unknown.remarks)
    assert picked(veteran)[-1] == "advanced-networking-specialty"


@pytest.mark.parametrize(
    ("focus", "unwanted"),
    [
        ("HTML and CSS", "machine-learning-engineer-associate"),
        ("capital markets", "developer-associate"),
        ("Miami office", "security-specialty"),
        ("XML and YAML", "machine-learning-engineer-associate"),
    ],
)
def test_focus_words_match_whole_words_only(catalog: Catalog, focus: str, unwanted: str) -> None:
    suggestion = suggest(catalog, Role.ARCHITECT, years=6, hours=15, focus=[focus])
    assert unwanted not in picked(suggestion)
    assert all(focus not in r.reason for r in suggestion.reasons)


@pytest.mark.parametrize(
    ("focus", "wanted"),
    [
        ("machine learning", "machine-learning-engineer-associate"),
        ("Machine-Learning platform", "machine-learning-engineer-associate"),
        ("generative AI", "generative-ai-developer-professional"),
        ("IAM policies", "security-specialty"),
        ("public APIs", "developer-associate"),
    ],
)
def test_focus_phrases_match(catalog: Catalog, focus: str, wanted: str) -> None:
    suggestion = suggest(
        catalog,
        Role.ML if "ai" in wanted else Role.ARCHITECT,
        6,
        15,
        None,
        [focus],
        other=dict.fromkeys(ExperienceField, 10.0),
    )
    assert wanted in picked(suggestion)


@pytest.mark.parametrize("direction", [None, *Direction])
@pytest.mark.parametrize(
    "focus", [[], ["security"], ["hybrid network"], ["machine learning"], ["genai"], ["data"]]
)
def test_a_manager_is_offered_foundational_exams_and_remarks_only(
    catalog: Catalog, direction: Direction | None, focus: list[str]
) -> None:
    suggestion = suggest(catalog, Role.MANAGER, years=0, hours=8, direction=direction, focus=focus)
    tiers = {catalog.get(cert_id).tier for cert_id in picked(suggestion)}
    assert tiers == {Tier.FOUNDATIONAL}
    ai = direction is Direction.ML or focus in (["machine learning"], ["genai"])
    assert ("ai-practitioner" in picked(suggestion)) == ai
    if direction is not None or (focus and not ai):
        assert suggestion.remarks, "what was left out is explained"


def test_the_sap_remark_does_not_claim_an_exam_covers_sap(catalog: Catalog) -> None:
    suggestion = suggest(catalog, Role.ARCHITECT, focus=["SAP"])
    (remark,) = [r for r in suggestion.remarks if "SAP" in r]
    assert "No current AWS exam covers SAP" in remark
    assert "covers SAP migrations" not in remark


def test_every_certification_the_rules_name_is_in_the_bundled_catalog(catalog: Catalog) -> None:
    ids = suggestion_certification_ids()
    assert len(ids) >= 10
    assert sorted(i for i in ids if i not in catalog) == []


def test_a_user_catalog_without_a_suggested_exam_gets_a_remark_not_a_traceback(
    catalog: Catalog,
) -> None:
    document = catalog_document()
    document["certifications"] = [
        c
        for c in document["certifications"]
        if c["id"] not in ("security-specialty", "solutions-architect-associate")
    ]
    for cert in document["certifications"]:
        cert["next_steps"] = [s for s in cert["next_steps"] if s != "security-specialty"]
        cert["next_steps"] = [s for s in cert["next_steps"] if s != "solutions-architect-associate"]
        cert["recommended_prior"] = [
            p for p in cert["recommended_prior"] if p != "solutions-architect-associate"
        ]
    smaller = parse_catalog(json.dumps(document), Path("catalog.json"))
    suggestion = suggest(smaller, Role.SECURITY, years=6, hours=15)
    assert "security-specialty" not in picked(suggestion)
    assert any(
        "'security-specialty' is not in the certification catalog" in r for r in suggestion.remarks
    )
    assert any("'solutions-architect-associate'" in r for r in suggestion.remarks)


# --- the whole grid, and any profile: a path a mentor would accept ----------------------

READINESS_CODES = {
    AdviceCode.EXPERIENCE_BELOW_TIER,
    AdviceCode.PROFESSIONAL_WITHOUT_ASSOCIATE,
    AdviceCode.SPECIALTY_BEFORE_ASSOCIATE,
    AdviceCode.AFTER_RETIREMENT,
    AdviceCode.DUPLICATE,
}


def assert_a_mentor_would_accept(suggestion: Suggestion, profile: LearnerProfile) -> None:
    ids = picked(suggestion)
    assert ids, "a suggestion always has at least one exam"
    schedule = schedule_plan(suggestion.plan, CATALOG)
    codes = {a.code for a in advice_of(schedule, CATALOG, START)}
    assert not codes & READINESS_CODES, (ids, codes)
    tiers = [CATALOG.get(cert_id).tier for cert_id in ids]
    # No Professional or Specialty studied over more than 9 months or sat past 2 years; an
    # exam that alone runs that long is the plan's only... last exam.
    for index, item in enumerate(schedule.entries):
        assert item.study_start is not None and item.study_end is not None
        assert item.exam_date is not None
        long = (item.study_end - item.study_start).days > 274 or (item.exam_date - START).days > 731
        if long:
            assert item.certification.tier not in (Tier.PROFESSIONAL, Tier.SPECIALTY), ids
            assert index == len(ids) - 1, ids
    for index, tier in enumerate(tiers):
        if tier in (Tier.PROFESSIONAL, Tier.SPECIALTY):
            assert Tier.ASSOCIATE in tiers[:index], ids
    if profile.role is Role.MANAGER:
        assert set(tiers) == {Tier.FOUNDATIONAL}
    elif profile.experience_years < 0.5:
        wants_ai = profile.role is Role.ML or profile.direction is Direction.ML
        assert ids[0] == ("ai-practitioner" if wants_ai else "cloud-practitioner") or (
            ids[0] == "ai-practitioner" and suggestion.plan.profile.focus_areas
        )
    for remark in suggestion.remarks:
        assert remark in suggestion.plan.notes


@pytest.mark.parametrize("hours", [0.5, 3, 15])
@pytest.mark.parametrize("years", [0, 2, 6])
@pytest.mark.parametrize("role", list(Role))
def test_every_role_experience_and_time_gets_a_path_a_mentor_would_accept(
    role: Role, years: float, hours: float
) -> None:
    profile = LearnerProfile(role=role, experience_years=years)
    suggestion = suggest_plan(CATALOG, profile, hours, START)
    assert_a_mentor_would_accept(suggestion, profile)


def test_a_managers_remark_names_the_focus_areas_the_foundational_exams_do_not_cover(
    catalog: Catalog,
) -> None:
    suggestion = suggest(
        catalog, Role.MANAGER, years=0, focus=["generative AI", "security", "hybrid network"]
    )
    assert picked(suggestion) == ["cloud-practitioner", "ai-practitioner"]
    (remark,) = [r for r in suggestion.remarks if "engineering exams" in r]
    assert remark.startswith("Your organisation's security and hybrid network work")
    assert "generative AI" not in remark


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("direction", [None, *Direction])
def test_no_remark_is_made_twice(catalog: Catalog, role: Role, direction: Direction | None) -> None:
    """Issue 19: an exam the direction and a focus area both point to was explained twice."""
    suggestion = suggest(
        catalog,
        role,
        years=1,
        hours=6,
        direction=direction,
        focus=["security", "hybrid network", "genai", "data lake"],
    )
    assert len(suggestion.remarks) == len(set(suggestion.remarks)), suggestion.remarks
