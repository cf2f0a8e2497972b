"""A starter plan from the seed guide's key variables: role, experience, the organisation's
stack, career direction and time. Every suggested exam comes with the reason it is there."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.experience import GATED_TIERS, experience_gaps, where_to_give_years
from studyplanner.domain.plan import (
    LearnerProfile,
    PlanEntry,
    StudyPlan,
    WeeklyAvailability,
)
from studyplanner.domain.roles import Direction, Role
from studyplanner.domain.schedule import ScheduledEntry, ScheduleError, schedule_plan
from studyplanner.domain.wording import format_month
from studyplanner.domain.words import mentions, mentions_any
from studyplanner.i18n import N_, _

# The first Associate exam for each role, and why.
_ROLE_START: dict[Role, tuple[str, str]] = {
    Role.DEVELOPER: (
        "developer-associate",
        N_(
            "You build software: Developer – Associate covers the services you call from code "
            "(Lambda, API Gateway, DynamoDB, S3, CI/CD), the natural entry point."
        ),
    ),
    Role.ARCHITECT: (
        "solutions-architect-associate",
        N_(
            "You design systems: Solutions Architect – Associate is the broad base for "
            "architecture work and the most common first Associate exam."
        ),
    ),
    Role.OPERATIONS: (
        "cloudops-engineer-associate",
        N_(
            "You run systems: CloudOps Engineer – Associate (SysOps' successor) matches "
            "monitoring, automation and day-to-day operations."
        ),
    ),
    Role.DATA: (
        "data-engineer-associate",
        N_(
            "You work with data: Data Engineer – Associate covers ingestion, pipelines and "
            "analytics storage on AWS."
        ),
    ),
    Role.ML: (
        "machine-learning-engineer-associate",
        N_(
            "You build ML systems: Machine Learning Engineer – Associate covers training and "
            "deploying models with SageMaker."
        ),
    ),
    Role.SECURITY: (
        "solutions-architect-associate",
        N_(
            "Security work on AWS starts from how architectures fit together: Solutions "
            "Architect – Associate gives that base before the Security specialty."
        ),
    ),
    Role.NETWORKING: (
        "solutions-architect-associate",
        N_(
            "Networking on AWS sits inside wider architectures: Solutions Architect – Associate "
            "comes before Advanced Networking."
        ),
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

# Words and phrases in the organisation's focus areas, and the exam they point to. Matched
# as whole words (``words.mentions``), so "HTML" is not "ML" and "capital" is not "API".
_FOCUS_KEYWORDS: list[tuple[tuple[str, ...], str, str]] = [
    (
        ("security", "compliance", "iam", "encryption", "identity"),
        "security-specialty",
        N_("Your organisation focuses on {area}: the Security specialty carries immediate value."),
    ),
    (
        ("network", "networks", "networking", "hybrid", "direct connect", "vpn"),
        "advanced-networking-specialty",
        N_("Your organisation's {area} work makes Advanced Networking directly useful."),
    ),
    (
        ("data", "analytics", "etl", "lake", "lakes", "warehouse", "warehousing"),
        "data-engineer-associate",
        N_("Your organisation relies on {area}: Data Engineer – Associate matches that stack."),
    ),
    (
        ("genai", "gen ai", "generative", "bedrock", "llm", "llms"),
        "generative-ai-developer-professional",
        N_(
            "Your organisation builds with {area}: Generative AI Developer – Professional "
            "validates exactly that."
        ),
    ),
    (
        ("ml", "machine learning", "sagemaker", "mlops", "ai", "deep learning"),
        "machine-learning-engineer-associate",
        N_("Your organisation runs {area} workloads: Machine Learning Engineer – Associate fits."),
    ),
    (
        ("serverless", "lambda", "api", "apis", "microservices"),
        "developer-associate",
        N_("Your organisation's {area} stack is Developer – Associate's core material."),
    ),
]

_AI_WORDS = (
    "ai",
    "ml",
    "machine learning",
    "artificial intelligence",
    "genai",
    "gen ai",
    "generative",
    "bedrock",
    "llm",
    "llms",
    "sagemaker",
)
"""Focus areas for which AI Practitioner is the Foundational exam that fits."""

# Where each direction leads after the first Associate exam: (certification, why, whether the
# step is the direction's own goal). A goal's reason is introduced by the direction when the
# learner chose it, and as the usual path for the role when no direction was chosen.
_DIRECTION_STEPS: dict[Direction, list[tuple[str, str, bool]]] = {
    Direction.ARCHITECTURE: [
        (
            "solutions-architect-associate",
            N_(
                "Solutions Architect – Associate explains why services are combined the way "
                "they are."
            ),
            True,
        ),
        (
            "solutions-architect-professional",
            N_(
                "Solutions Architect – Professional is the goal for architects who own "
                "infrastructure decisions; its scope is broad, so it comes last."
            ),
            False,
        ),
    ],
    Direction.DEVOPS: [
        (
            "solutions-architect-associate",
            N_(
                "Solutions Architect – Associate adds the architectural context that DevOps "
                "work, and DevOps Engineer – Professional later on, takes for granted."
            ),
            False,
        ),
        (
            "devops-engineer-professional",
            N_(
                "DevOps Engineer – Professional validates delivery pipelines, automation and "
                "incident response."
            ),
            True,
        ),
    ],
    Direction.SECURITY: [
        (
            "solutions-architect-associate",
            N_(
                "Security reviews need to know how architectures fit together: Solutions "
                "Architect – Associate gives that context."
            ),
            False,
        ),
        (
            "security-specialty",
            N_(
                "The Security specialty covers identity, encryption, incident response and "
                "compliance."
            ),
            True,
        ),
    ],
    Direction.DATA: [
        (
            "data-engineer-associate",
            N_(
                "Data Engineer – Associate is the current data credential (Data Analytics – "
                "Specialty is retired)."
            ),
            True,
        ),
    ],
    Direction.ML: [
        (
            "machine-learning-engineer-associate",
            N_(
                "Machine Learning Engineer – Associate is the current ML credential (Machine "
                "Learning – Specialty is retired)."
            ),
            True,
        ),
        (
            "generative-ai-developer-professional",
            N_(
                "Generative AI Developer – Professional builds on the ML Associate for "
                "generative AI work."
            ),
            False,
        ),
    ],
    Direction.NETWORKING: [
        (
            "solutions-architect-associate",
            N_(
                "Advanced Networking assumes architecture knowledge: Solutions Architect – "
                "Associate first."
            ),
            False,
        ),
        (
            "advanced-networking-specialty",
            N_("Advanced Networking covers hybrid connectivity and complex network designs."),
            True,
        ),
    ],
}

_HEADING_FOR: dict[Direction, str] = {
    Direction.ARCHITECTURE: N_("Heading for architecture: {reason}"),
    Direction.DEVOPS: N_("Heading for DevOps: {reason}"),
    Direction.SECURITY: N_("Heading for security: {reason}"),
    Direction.DATA: N_("Heading for data engineering: {reason}"),
    Direction.ML: N_("Heading for ML: {reason}"),
    Direction.NETWORKING: N_("Heading for networking: {reason}"),
}
"""How the goal of a direction the learner chose is introduced."""

_USUAL_FOR_ROLE = N_("The usual next step for your role (no direction chosen): {reason}")
"""How the goal of a role's usual direction is introduced: the learner did not choose it."""


LOW_WEEKLY_HOURS = 5.0
MAX_EXAMS_AT_LOW_HOURS = 2
MAX_EXAMS = 4

_CLOUD_PRACTITIONER = "cloud-practitioner"
_AI_PRACTITIONER = "ai-practitioner"


def suggestion_certification_ids() -> set[str]:
    """Every certification id the suggestion rules can name (the bundled catalog has them)."""
    ids = {_CLOUD_PRACTITIONER, _AI_PRACTITIONER}
    ids.update(cert_id for cert_id, _reason in _ROLE_START.values())
    ids.update(cert_id for _keywords, cert_id, _template in _FOCUS_KEYWORDS)
    for steps in _DIRECTION_STEPS.values():
        ids.update(cert_id for cert_id, _reason, _goal in steps)
    return ids


@dataclass(frozen=True)
class SuggestedEntry:
    """One exam of a starter plan and why it is there."""

    certification_id: str
    reason: str


@dataclass
class Suggestion:
    """A starter plan, the reason for each exam, and what else the learner should know."""

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

    Only certifications that can still be taken are suggested, never a Professional or
    Specialty exam without an Associate before it, and never an exam the learner would sit
    before having the experience it recommends (experience grows as the plan runs): those
    become remarks saying when to add them. The entries carry their reason in their notes and
    the plan carries the remarks in its notes, so both stay visible after saving.
    """
    remarks: list[str] = []
    candidates = _candidates(profile, remarks)
    availability = WeeklyAvailability.spread(weekly_hours)
    limit = MAX_EXAMS_AT_LOW_HOURS if weekly_hours < LOW_WEEKLY_HOURS else MAX_EXAMS

    picks: list[SuggestedEntry] = []
    over_limit: list[str] = []
    stopped_at: ScheduledEntry | None = None
    considered: set[str] = set()
    for candidate in candidates:
        cert_id = candidate.certification_id
        if cert_id in considered:
            continue  # picked, or already explained in a remark: never said twice
        considered.add(cert_id)
        if cert_id not in catalog:
            remarks.append(
                _(
                    "'{id}' is not in the certification catalog in use (catalog.json in your "
                    "data folder), so it is left out."
                ).format(id=cert_id)
            )
            continue
        cert = catalog.get(cert_id)
        if cert.is_retired or cert.retired_by(start):
            continue
        if cert.tier in GATED_TIERS and not any(
            catalog.get(p.certification_id).tier is Tier.ASSOCIATE for p in picks
        ):
            remarks.append(
                _(
                    "Add {name} ({code}) after an Associate exam: it assumes Associate-level "
                    "knowledge."
                ).format(name=cert.name, code=cert.code)
            )
            continue
        if len(picks) >= limit:
            over_limit.append(cert.name)
            continue
        trial = [*picks, candidate]
        last = _last_scheduled(catalog, profile, availability, start, trial)
        exam_day = last.exam_date if last is not None else None
        if exam_day is not None and experience_gaps(cert, profile, start, exam_day):
            remarks.append(_too_early_remark(catalog, cert_id, profile, start))
            continue
        too_long = last is not None and _too_long(last, start)
        if too_long and cert.tier in GATED_TIERS and last is not None:
            remarks.append(_later_remark(last, weekly_hours))
            continue
        picks.append(candidate)
        if too_long and last is not None:
            # Too few hours for more: this exam alone runs long, so it is the last one.
            stopped_at = last
            limit = len(picks)

    if stopped_at is not None:
        remarks.append(_one_exam_remark(stopped_at, weekly_hours, over_limit))
    elif over_limit:
        remarks.append(
            _(
                "With {hours} hours a week the plan keeps the first {limit} exams; add {names} "
                "later or raise the weekly hours."
            ).format(hours=f"{weekly_hours:g}", limit=limit, names=", ".join(over_limit))
        )
    entries = [PlanEntry(certification_id=p.certification_id, notes=p.reason) for p in picks]
    plan = StudyPlan(
        name=name or profile.role.plan_title,
        start_date=start,
        profile=profile,
        availability=availability,
        entries=entries,
        notes="\n".join(remarks),
    )
    return Suggestion(plan=plan, reasons=picks, remarks=remarks)


def _candidates(profile: LearnerProfile, remarks: list[str]) -> list[SuggestedEntry]:
    """The exams the profile points to, in the order they should be taken, before checking
    them against the catalog, the learner's experience and the time available."""
    picks: list[SuggestedEntry] = []

    def add(cert_id: str, reason: str) -> None:
        picks.append(SuggestedEntry(cert_id, reason))

    role = profile.role
    focus_text = list(profile.focus_areas)
    wants_ai = profile.direction is Direction.ML or any(
        mentions_any(area, _AI_WORDS) for area in focus_text
    )
    if any(mentions(area, "sap") for area in focus_text):
        remarks.append(
            _(
                "No current AWS exam covers SAP on AWS specifically (SAP on AWS – Specialty was "
                "retired in April 2024); Solutions Architect – Professional covers large "
                "migrations in general."
            )
        )

    if role is Role.MANAGER:
        add(
            _CLOUD_PRACTITIONER,
            _(
                "You work around cloud projects rather than building them: Cloud Practitioner "
                "covers concepts, pricing and shared responsibility without hands-on depth."
            ),
        )
        if wants_ai:
            add(
                _AI_PRACTITIONER,
                _("AI Practitioner adds the AI and generative AI vocabulary your teams use."),
            )
        _manager_remarks(profile, remarks)
        return picks

    new_to_aws = profile.experience_years < 0.5
    if new_to_aws and (role is Role.ML or wants_ai):
        add(
            _AI_PRACTITIONER,
            _(
                "You are new to AWS and heading for ML and AI: AI Practitioner is the "
                "Foundational exam for that path; Machine Learning Engineer – Associate names "
                "no exam before it, but asks for a year with SageMaker that this vocabulary "
                "prepares."
            ),
        )
    elif new_to_aws:
        add(
            _CLOUD_PRACTITIONER,
            _(
                "You are new to AWS: Cloud Practitioner builds the vocabulary the Associate "
                "exams take for granted."
            ),
        )
    first_id, first_reason = _ROLE_START[role]
    add(first_id, _(first_reason))

    focus_picks: list[SuggestedEntry] = []
    for area in focus_text:
        for keywords, cert_id, template in _FOCUS_KEYWORDS:
            if mentions_any(area, keywords):
                focus_picks.append(SuggestedEntry(cert_id, _(template).format(area=area)))
                break

    direction = profile.direction or _DEFAULT_DIRECTION[role]
    if direction is not None:
        introduce = _(_HEADING_FOR[direction] if profile.direction else _USUAL_FOR_ROLE)
        steps = [
            (cert_id, introduce.format(reason=_(reason)) if goal else _(reason))
            for cert_id, reason, goal in _DIRECTION_STEPS[direction]
        ]
        # Associate-level steps of the direction come before focus-area picks, the rest after.
        for cert_id, reason in steps[:-1]:
            add(cert_id, reason)
        for pick in focus_picks:
            if pick.certification_id in _ASSOCIATE_IDS:
                add(pick.certification_id, pick.reason)
        add(*steps[-1])
    picks.extend(focus_picks)
    return picks


_ASSOCIATE_IDS = frozenset(
    {
        "solutions-architect-associate",
        "developer-associate",
        "cloudops-engineer-associate",
        "data-engineer-associate",
        "machine-learning-engineer-associate",
    }
)
"""Associate exams the rules name, so ordering does not depend on a user catalog's tiers."""


def _manager_remarks(profile: LearnerProfile, remarks: list[str]) -> None:
    """Engineering exams a manager's focus or direction points to, as remarks, not picks."""
    named = [
        area
        for area in profile.focus_areas
        if not mentions_any(area, _AI_WORDS)  # AI Practitioner already answers those
        and any(mentions_any(area, keywords) for keywords, _cert_id, _template in _FOCUS_KEYWORDS)
    ]
    if named:
        remarks.append(
            _(
                "Your organisation's {areas} work has engineering exams of its own (Associate, "
                "Professional, Specialty); they assume hands-on work, so they are for the "
                "engineers on your teams rather than for this plan."
            ).format(areas=_listed(named))
        )
    if profile.direction is not None:
        remarks.append(
            _(
                "Heading for {direction}: once you work hands-on on AWS, set your role to match "
                "and ask for a new suggestion; the Associate exams come next."
            ).format(direction=profile.direction.label.lower())
        )


def _last_scheduled(
    catalog: Catalog,
    profile: LearnerProfile,
    availability: WeeklyAvailability,
    start: date,
    picks: list[SuggestedEntry],
) -> ScheduledEntry | None:
    """The last pick as scheduled if the picks were the plan (None if it cannot be said)."""
    plan = StudyPlan(
        start_date=start,
        profile=profile,
        availability=availability,
        entries=[PlanEntry(certification_id=p.certification_id) for p in picks],
    )
    try:
        return schedule_plan(plan, catalog).entries[-1]
    except ScheduleError:
        return None


MAX_SUGGESTED_STUDY = timedelta(days=274)
"""About 9 months: a suggested exam studied longer than this loses its early material, and
``show`` would warn about it (long study, and a new exam version as the date nears 2 years)."""
VERSION_HORIZON = timedelta(days=731)
"""Exam dates more than 2 years after the start may meet a new exam version (as ``advice``)."""


def _too_long(item: ScheduledEntry, start: date) -> bool:
    """Whether a suggested exam's study runs past 9 months or its exam past 2 years."""
    if item.study_start is None or item.study_end is None or item.exam_date is None:
        return False
    return (
        item.study_end - item.study_start > MAX_SUGGESTED_STUDY
        or item.exam_date - start > VERSION_HORIZON
    )


def _study_months(item: ScheduledEntry) -> int:
    if item.study_start is None or item.study_end is None:
        return 0
    return max(1, round((item.study_end - item.study_start).days / 30.44))


def _hours_for(item: ScheduledEntry, weeks: float = 26) -> float:
    """Weekly hours that would study the exam in about six months, rounded up to a half."""
    return math.ceil(item.hours / weeks * 2) / 2


def _later_remark(item: ScheduledEntry, weekly_hours: float) -> str:
    cert = item.certification
    return _(
        "Add {name} ({code}) when you can give it more time: at {hours} hours a week its "
        "{estimate} h would take about {months} months of study, to {end}, and what is learnt "
        "early fades; about {needed} hours a week would cover it in six months."
    ).format(
        name=cert.name,
        code=cert.code,
        hours=f"{weekly_hours:g}",
        estimate=f"{item.hours:g}",
        months=_study_months(item),
        end=format_month(item.study_end or item.study_start or date.min),
        needed=f"{_hours_for(item):g}",
    )


def _one_exam_remark(item: ScheduledEntry, weekly_hours: float, left_out: list[str]) -> str:
    cert = item.certification
    text = _(
        "With {hours} hours a week, {name} ({code}) alone takes about {months} months of "
        "study (exam around {exam}), so the plan stops there; about {needed} hours a week "
        "would cover it in six months and leave room for the next exam."
    ).format(
        hours=f"{weekly_hours:g}",
        name=cert.name,
        code=cert.code,
        months=_study_months(item),
        exam=format_month(item.exam_date or date.min),
        needed=f"{_hours_for(item):g}",
    )
    if left_out:
        text = _("{text} Add {names} later.").format(text=text, names=", ".join(left_out))
    return text


def _too_early_remark(catalog: Catalog, cert_id: str, profile: LearnerProfile, start: date) -> str:
    cert = catalog.get(cert_id)
    gaps = experience_gaps(cert, profile, start, start)
    needs = _listed([_("about {experience}").format(experience=g.recommended_text) for g in gaps])
    unknown = [g.field for g in gaps if g.field is not None and g.ready_on is None]
    if unknown and unknown[0] is not None:
        return _("Add {name} ({code}) once you have {needs}: {where}.").format(
            name=cert.name, code=cert.code, needs=needs, where=where_to_give_years(unknown[0])
        )
    when = format_month(max(g.ready_on for g in gaps if g.ready_on is not None))
    return _("Add {name} ({code}) once you have {needs}, around {when}.").format(
        name=cert.name, code=cert.code, needs=needs, when=when
    )


def _listed(items: list[str]) -> str:
    """'SAP', 'SAP and IAM', 'SAP, IAM and data': items named in a sentence."""
    if len(items) == 1:
        return items[0]
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])
