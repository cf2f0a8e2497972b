"""Advice about a plan, as data: the UI lists it, the CLI prints it, the report includes it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.experience import experience_gaps
from studyplanner.domain.plan import EntryStatus
from studyplanner.domain.schedule import Schedule, ScheduledEntry
from studyplanner.domain.wording import format_day, format_month, plural

MAX_SENSIBLE_WEEKLY_HOURS = 40.0
LONG_STUDY_WINDOW = timedelta(days=183)
"""Study for one exam spread over more than about 6 months: early material fades."""
EXAM_VERSION_HORIZON = timedelta(days=731)
"""Exam dates more than 2 years from today may meet a new exam version."""


class AdviceCode(StrEnum):
    PROFESSIONAL_WITHOUT_ASSOCIATE = "professional-without-associate"
    SPECIALTY_BEFORE_ASSOCIATE = "specialty-before-associate"
    AFTER_RETIREMENT = "after-retirement"
    PINNED_DATE_UNREACHABLE = "pinned-date-unreachable"
    DUPLICATE = "duplicate"
    UNREALISTIC_AVAILABILITY = "unrealistic-availability"
    EXPERIENCE_BELOW_TIER = "experience-below-tier"
    LONG_STUDY_WINDOW = "long-study-window"
    EXAM_VERSION_RISK = "exam-version-risk"


class Severity(StrEnum):
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Advice:
    code: AdviceCode
    message: str
    entry_id: str | None = None
    severity: Severity = Severity.WARNING
    replace_with: str | None = None
    """A certification id that can take the entry's place (the one-click fix), if any."""


def advise(schedule: Schedule, catalog: Catalog, today: date) -> list[Advice]:
    """Everything worth telling the learner about ``schedule`` as of ``today``, in plan
    order."""
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
            replace_with = None
            if replacement and replacement in catalog:
                successor = catalog.get(replacement)
                hint = f"; consider {successor.code} {successor.name} instead"
                if not successor.retired_by(item.exam_date):
                    replace_with = successor.id
            found.append(
                Advice(
                    AdviceCode.AFTER_RETIREMENT,
                    f"{label} is retired as of {format_day(end)}, before the planned exam on "
                    f"{format_day(item.exam_date)}{hint}",
                    entry.id,
                    replace_with=replace_with,
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
        if entry.status is not EntryStatus.PASSED:
            found.extend(_timing_advice(item, schedule, today))
        if cert.tier is Tier.ASSOCIATE:
            associate_seen = True
    return found


def _timing_advice(item: ScheduledEntry, schedule: Schedule, today: date) -> list[Advice]:
    """Advice about when an exam falls: before the learner has the experience it recommends,
    after a long study stretch, or so far ahead that the exam may change."""
    plan = schedule.plan
    cert = item.certification
    label = f"{cert.code} {cert.name}"
    exam = item.exam_date
    found: list[Advice] = []
    if exam is None:
        return found
    gaps = experience_gaps(cert, plan.profile, plan.start_date, exam)
    if gaps:
        latest = max(gaps, key=lambda g: (g.ready_on, g.months_short))
        recommended = " and ".join(
            f"{g.recommended_years:g} {plural(g.recommended_years, 'year')} {g.what}" for g in gaps
        )
        found.append(
            Advice(
                AdviceCode.EXPERIENCE_BELOW_TIER,
                f"{label} on {format_day(exam)} comes "
                f"{plural(latest.months_short, 'month', True)} before you have the "
                f"{recommended} it recommends; you would have "
                f"{'them' if len(gaps) > 1 or latest.recommended_years != 1 else 'it'} "
                f"around {format_day(latest.ready_on)}",
                item.entry.id,
            )
        )
    if (
        item.study_start is not None
        and item.study_end is not None
        and item.study_end - item.study_start > LONG_STUDY_WINDOW
    ):
        months = round((item.study_end - item.study_start).days / 30.44)
        found.append(
            Advice(
                AdviceCode.LONG_STUDY_WINDOW,
                f"{label}: study stretches over about {months} months "
                f"({format_month(item.study_start)} to {format_month(item.study_end)}); what is "
                "learnt early fades by the exam, so add weekly hours or keep fewer exams",
                item.entry.id,
                Severity.INFO,
            )
        )
    if exam - today > EXAM_VERSION_HORIZON:
        found.append(
            Advice(
                AdviceCode.EXAM_VERSION_RISK,
                f"{label} is planned for {format_day(exam)}, more than 2 years away; AWS "
                "replaces exam versions (SOA-C02 and SCS-C02 were replaced in 2025), so check "
                "the current exam guide before you start studying for it",
                item.entry.id,
                Severity.INFO,
            )
        )
    return found
