"""A starter plan from the seed guide's key variables: role, experience, the organisation's
stack, career direction and time. Every suggested exam comes with the reason it is there."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.plan import (
    Direction,
    LearnerProfile,
    PlanEntry,
    Role,
    StudyPlan,
    WeeklyAvailability,
)

# The first Associate exam for each role, and why.
_ROLE_START: dict[Role, tuple[str, str]] = {
    Role.DEVELOPER: (
        "developer-associate",
        "You build software: Developer – Associate covers the services you call from code "
        "(Lambda, API Gateway, DynamoDB, S3, CI/CD), the natural entry point.",
    ),
    Role.ARCHITECT: (
        "solutions-architect-associate",
        "You design systems: Solutions Architect – Associate is the broad base for "
        "architecture work and the most common first Associate exam.",
    ),
    Role.OPERATIONS: (
        "cloudops-engineer-associate",
        "You run systems: CloudOps Engineer – Associate (SysOps' successor) matches monitoring, "
        "automation and day-to-day operations.",
    ),
    Role.DATA: (
        "data-engineer-associate",
        "You work with data: Data Engineer – Associate covers ingestion, pipelines and "
        "analytics storage on AWS.",
    ),
    Role.ML: (
        "machine-learning-engineer-associate",
        "You build ML systems: Machine Learning Engineer – Associate covers training and "
        "deploying models with SageMaker.",
    ),
    Role.SECURITY: (
        "solutions-architect-associate",
        "Security work on AWS starts from how architectures fit together: Solutions "
        "Architect – Associate gives that base before the Security specialty.",
    ),
    Role.NETWORKING: (
        "solutions-architect-associate",
        "Networking on AWS sits inside wider architectures: Solutions Architect – Associate "
        "comes before Advanced Networking.",
    ),
}

_DEFAULT_DIRECTION: dict[Role, Direction | None] = {
    Role.DEVELOPER: Direction.DEVOPS,
    Role.ARCHITECT: Direction.ARCHITECTURE,
    Role.OPERATIONS: Direction.DEVOPS,
    Role.DATA: Direction.DATA,
    Role.ML: Direction.ML,
    Role.SECURITY: Direction.SECURITY,
    Role.NETWORKING: Direction.NETWORKING,
    Role.MANAGER: None,
}

# Keywords in the organisation's focus areas and the exam they point to.
_FOCUS_KEYWORDS: list[tuple[tuple[str, ...], str, str]] = [
    (
        ("security", "compliance", "iam", "encryption"),
        "security-specialty",
        "Your organisation focuses on {area}: the Security specialty carries immediate value.",
    ),
    (
        ("network", "hybrid", "direct connect", "vpn"),
        "advanced-networking-specialty",
        "Your organisation's {area} work makes Advanced Networking directly useful.",
    ),
    (
        ("data", "analytics", "etl", "lake"),
        "data-engineer-associate",
        "Your organisation relies on {area}: Data Engineer – Associate matches that stack.",
    ),
    (
        ("ml", "machine learning", "sagemaker"),
        "machine-learning-engineer-associate",
        "Your organisation runs {area} workloads: Machine Learning Engineer – Associate fits.",
    ),
    (
        ("genai", "generative", "bedrock", "llm"),
        "generative-ai-developer-professional",
        "Your organisation builds with {area}: Generative AI Developer – Professional "
        "validates exactly that.",
    ),
    (
        ("serverless", "lambda", "api"),
        "developer-associate",
        "Your organisation's {area} stack is Developer – Associate's core material.",
    ),
]

# Where each direction leads after the first Associate exam.
_DIRECTION_STEPS: dict[Direction, list[tuple[str, str]]] = {
    Direction.ARCHITECTURE: [
        (
            "solutions-architect-associate",
            "Heading for architecture: Solutions Architect – Associate explains why services "
            "are combined the way they are.",
        ),
        (
            "solutions-architect-professional",
            "Solutions Architect – Professional is the goal for architects who own "
            "infrastructure decisions; its scope is broad, so it comes last.",
        ),
    ],
    Direction.DEVOPS: [
        (
            "solutions-architect-associate",
            "Solutions Architect – Associate adds the architectural context that "
            "DevOps – Professional scenarios assume.",
        ),
        (
            "devops-engineer-professional",
            "Heading for DevOps: DevOps Engineer – Professional validates delivery pipelines, "
            "automation and incident response.",
        ),
    ],
    Direction.SECURITY: [
        (
            "solutions-architect-associate",
            "Security reviews need to know how architectures fit together: Solutions "
            "Architect – Associate gives that context.",
        ),
        (
            "security-specialty",
            "Heading for security: the Security specialty covers identity, encryption, "
            "incident response and compliance.",
        ),
    ],
    Direction.DATA: [
        (
            "data-engineer-associate",
            "Heading for data engineering: Data Engineer – Associate is the current data "
            "credential (Data Analytics – Specialty is retired).",
        ),
    ],
    Direction.ML: [
        (
            "machine-learning-engineer-associate",
            "Heading for ML: Machine Learning Engineer – Associate is the current ML "
            "credential (Machine Learning – Specialty is retired).",
        ),
        (
            "generative-ai-developer-professional",
            "Generative AI Developer – Professional builds on the ML Associate for "
            "generative AI work.",
        ),
    ],
    Direction.NETWORKING: [
        (
            "solutions-architect-associate",
            "Advanced Networking assumes architecture knowledge: Solutions Architect – "
            "Associate first.",
        ),
        (
            "advanced-networking-specialty",
            "Heading for networking: Advanced Networking covers hybrid connectivity and "
            "complex network designs.",
        ),
    ],
}

LOW_WEEKLY_HOURS = 5.0
MAX_EXAMS_AT_LOW_HOURS = 2
MAX_EXAMS = 4


@dataclass(frozen=True)
class SuggestedEntry:
    certification_id: str
    reason: str


@dataclass
class Suggestion:
    plan: StudyPlan
    reasons: list[SuggestedEntry]
    remarks: list[str] = field(default_factory=list)


def suggest_plan(
    catalog: Catalog,
    profile: LearnerProfile,
    weekly_hours: float,
    start: date,
    name: str | None = None,
) -> Suggestion:
    """Build an ordered starter plan with a reason for each exam.

    Only active or retiring certifications are suggested; the plan's entries carry the reason
    in their notes so it stays visible after saving.
    """
    picks: list[SuggestedEntry] = []
    remarks: list[str] = []

    def add(cert_id: str, reason: str) -> None:
        if cert_id not in catalog or catalog.get(cert_id).is_retired:
            return
        if any(p.certification_id == cert_id for p in picks):
            return
        picks.append(SuggestedEntry(cert_id, reason))

    role = profile.role
    new_to_aws = profile.experience_years < 0.5
    if role is Role.MANAGER:
        add(
            "cloud-practitioner",
            "You work around cloud projects rather than building them: Cloud Practitioner "
            "covers concepts, pricing and shared responsibility without hands-on depth.",
        )
        if profile.direction is Direction.ML or _mentions(profile, ("ml", "ai", "genai")):
            add(
                "ai-practitioner",
                "AI Practitioner adds the AI and generative AI vocabulary your teams use.",
            )
    elif new_to_aws:
        add(
            "cloud-practitioner",
            "You are new to AWS: Cloud Practitioner builds the vocabulary the Associate exams "
            "take for granted.",
        )
    if role in _ROLE_START:
        add(*_ROLE_START[role])

    direction = profile.direction or _DEFAULT_DIRECTION[role]
    focus_picks: list[SuggestedEntry] = []
    for area in profile.focus_areas:
        lowered = area.lower()
        for keywords, cert_id, template in _FOCUS_KEYWORDS:
            if any(k in lowered for k in keywords):
                focus_picks.append(SuggestedEntry(cert_id, template.format(area=area)))
                break
        else:
            if "sap" in lowered:
                remarks.append(
                    "SAP on AWS – Specialty is retired, so it is not suggested; "
                    "Solutions Architect – Professional covers SAP migrations in part."
                )

    if direction is not None and (role is not Role.MANAGER or profile.direction is not None):
        steps = _DIRECTION_STEPS[direction]
        # Associate-level steps of the direction come before focus-area picks, the rest after.
        for cert_id, reason in steps[:-1]:
            add(cert_id, reason)
        for pick in focus_picks:
            if catalog.get(pick.certification_id).tier is Tier.ASSOCIATE:
                add(pick.certification_id, pick.reason)
        add(*steps[-1])
    for pick in focus_picks:
        add(pick.certification_id, pick.reason)

    limit = MAX_EXAMS_AT_LOW_HOURS if weekly_hours < LOW_WEEKLY_HOURS else MAX_EXAMS
    if len(picks) > limit:
        dropped = ", ".join(catalog.get(p.certification_id).name for p in picks[limit:])
        remarks.append(
            f"With {weekly_hours:g} hours a week the plan keeps the first {limit} exams; "
            f"add {dropped} later or raise the weekly hours."
        )
        picks = picks[:limit]

    entries = [PlanEntry(certification_id=p.certification_id, notes=p.reason) for p in picks]
    plan = StudyPlan(
        name=name or f"{role.label} path",
        start_date=start,
        profile=profile,
        availability=WeeklyAvailability.spread(weekly_hours),
        entries=entries,
    )
    return Suggestion(plan=plan, reasons=picks, remarks=remarks)


def _mentions(profile: LearnerProfile, words: tuple[str, ...]) -> bool:
    return any(w in area.lower().split() for area in profile.focus_areas for w in words)
