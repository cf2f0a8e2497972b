"""Advice about a plan, as data: the UI lists it, the CLI prints it, the report includes it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.plan import EntryStatus
from studyplanner.domain.schedule import Schedule
from studyplanner.domain.wording import format_day

MAX_SENSIBLE_WEEKLY_HOURS = 40.0


class AdviceCode(StrEnum):
    PROFESSIONAL_WITHOUT_ASSOCIATE = "professional-without-associate"
    SPECIALTY_BEFORE_ASSOCIATE = "specialty-before-associate"
    AFTER_RETIREMENT = "after-retirement"
    PINNED_DATE_UNREACHABLE = "pinned-date-unreachable"
    DUPLICATE = "duplicate"
    UNREALISTIC_AVAILABILITY = "unrealistic-availability"


class Severity(StrEnum):
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Advice:
    code: AdviceCode
    message: str
    entry_id: str | None = None
    severity: Severity = Severity.WARNING


def advise(schedule: Schedule, catalog: Catalog) -> list[Advice]:
    """Everything worth telling the learner about ``schedule``, in plan order."""
    plan = schedule.plan
    found: list[Advice] = []
    weekly = plan.availability.weekly_hours
    if weekly > MAX_SENSIBLE_WEEKLY_HOURS:
        found.append(
            Advice(
                AdviceCode.UNREALISTIC_AVAILABILITY,
                f"{weekly:g} study hours a week is more than a full-time job; "
                f"plans above {MAX_SENSIBLE_WEEKLY_HOURS:g} h rarely hold",
            )
        )
    # An Associate already passed counts wherever the learner listed it.
    associate_seen = any(
        item.certification.tier is Tier.ASSOCIATE and item.entry.status is EntryStatus.PASSED
        for item in schedule.entries
    )
    seen: dict[str, str] = {}
    for item in schedule.entries:
        cert = item.certification
        entry = item.entry
        label = f"{cert.code} {cert.name}"
        if cert.id in seen:
            found.append(
                Advice(
                    AdviceCode.DUPLICATE,
                    f"{label} is in the plan more than once",
                    entry.id,
                )
            )
        seen.setdefault(cert.id, entry.id)
        if cert.tier is Tier.PROFESSIONAL and not associate_seen:
            found.append(
                Advice(
                    AdviceCode.PROFESSIONAL_WITHOUT_ASSOCIATE,
                    f"{label} comes before any Associate exam; Professional exams assume "
                    "Associate-level knowledge and 2+ years on AWS",
                    entry.id,
                )
            )
        if cert.tier is Tier.SPECIALTY and not associate_seen:
            found.append(
                Advice(
                    AdviceCode.SPECIALTY_BEFORE_ASSOCIATE,
                    f"{label} comes before any Associate exam; AWS recommends Associate-level "
                    "knowledge first",
                    entry.id,
                )
            )
        if (
            item.exam_date is not None
            and entry.status is not EntryStatus.PASSED
            and cert.retired_by(item.exam_date)
        ):
            end = cert.lifecycle.ends_on
            replacement = cert.lifecycle.replaced_by
            hint = ""
            if replacement and replacement in catalog:
                successor = catalog.get(replacement)
                hint = f"; consider {successor.code} {successor.name} instead"
            found.append(
                Advice(
                    AdviceCode.AFTER_RETIREMENT,
                    f"{label} is retired as of {format_day(end)}, before the planned exam on "
                    f"{format_day(item.exam_date)}{hint}",
                    entry.id,
                )
            )
        if item.pinned_unreachable:
            found.append(
                Advice(
                    AdviceCode.PINNED_DATE_UNREACHABLE,
                    f"{label}: the pinned exam date {format_day(entry.pinned_exam_date)} cannot be "
                    "reached with the available hours; the earliest is "
                    f"{format_day(item.reachable_exam_date)}",
                    entry.id,
                )
            )
        if cert.tier is Tier.ASSOCIATE:
            associate_seen = True
    return found
