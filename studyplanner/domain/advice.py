"""Advice about a plan, as data: the UI lists it, the CLI prints it, the report includes it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.experience import experience_gaps, where_to_give_years
from studyplanner.domain.lifecycle import (
    Validity,
    path_text,
    renewal_choice,
    renewal_paths,
)
from studyplanner.domain.plan import EntryStatus
from studyplanner.domain.progress import (
    RETAKE_WAIT,
    PaceReference,
    PlanPace,
    Readiness,
    readiness,
)
from studyplanner.domain.roles import ExperienceField
from studyplanner.domain.schedule import Schedule, ScheduledEntry
from studyplanner.domain.wording import (
    assumed_text,
    format_day,
    format_hours,
    format_month,
    format_weekly_hours,
)
from studyplanner.domain.wording_languages import exam_language_for_app, not_offered_text
from studyplanner.i18n import _, language, ngettext

MAX_SENSIBLE_WEEKLY_HOURS = 40.0
LONG_STUDY_WINDOW = timedelta(days=183)
"""Study for one exam spread over more than about 6 months: early material fades."""
EXAM_VERSION_HORIZON = timedelta(days=731)
"""Exam dates more than 2 years from today may meet a new exam version."""
EXPIRES_SOON_WINDOW = timedelta(days=180)
"""A held certification expiring within this much of today needs its renewal booked now."""
NOT_READY_WINDOW = timedelta(days=14)
"""An exam this close with practice scores short of the target needs attention now."""


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
    EXPIRES_DURING_PLAN = "expires-during-plan"
    EXPIRES_SOON = "expires-soon"
    RENEWED_BY = "renewed-by"
    NO_RETAKE_ROOM = "no-retake-room"
    EXAM_DATE_PASSED = "exam-date-passed"
    BEHIND_SCHEDULE = "behind-schedule"
    NOT_READY = "not-ready"
    UNKNOWN_DOMAIN = "unknown-domain"
    EXAM_LANGUAGE = "exam-language"


class Severity(StrEnum):
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Advice:
    """One warning or tip about a plan, in the user's words, with the fix it offers."""

    code: AdviceCode
    message: str
    entry_id: str | None = None
    severity: Severity = Severity.WARNING
    replace_with: str | None = None
    """A certification id that can take the entry's place (the one-click fix), if any."""
    renew_with: str | None = None
    """The cheapest certification whose exam renews the one concerned (the one-click fix:
    ``lifecycle.add_renewal``), if any exam can still renew it."""
    renew_before: date | None = None
    """The expiry that renewal must beat."""


def advise(
    schedule: Schedule,
    catalog: Catalog,
    today: date,
    *,
    pace: PlanPace | None,
    validities: Sequence[Validity],
) -> list[Advice]:
    """Everything worth telling the learner about ``schedule`` as of ``today``, in plan
    order. ``pace`` (``plan_pace`` of the same schedule and day) and ``validities``
    (``lifecycle`` of the same schedule) come from the caller, ``analysis.analyse``, which
    works each out once for every surface."""
    plan = schedule.plan
    found: list[Advice] = []
    weekly = plan.availability.weekly_hours
    if weekly > MAX_SENSIBLE_WEEKLY_HOURS:
        found.append(
            Advice(
                AdviceCode.UNREALISTIC_AVAILABILITY,
                _(
                    "{hours} study hours a week is more than a full-time job; "
                    "plans above {limit} h rarely hold"
                ).format(hours=f"{weekly:g}", limit=f"{MAX_SENSIBLE_WEEKLY_HOURS:g}"),
            )
        )
    # An Associate already passed counts wherever the learner listed it.
    associate_seen = any(
        item.certification.tier is Tier.ASSOCIATE and item.entry.status is EntryStatus.PASSED
        for item in schedule.entries
    )
    seen: dict[str, str] = {}
    exam_language = plan.profile.exam_language or exam_language_for_app(language())
    for item in schedule.entries:
        cert = item.certification
        entry = item.entry
        label = f"{cert.code} {cert.name}"
        if cert.id in seen:
            found.append(
                Advice(
                    AdviceCode.DUPLICATE,
                    _("{label} is in the plan more than once").format(label=label),
                    entry.id,
                )
            )
        seen.setdefault(cert.id, entry.id)
        if cert.tier is Tier.PROFESSIONAL and not associate_seen:
            found.append(
                Advice(
                    AdviceCode.PROFESSIONAL_WITHOUT_ASSOCIATE,
                    _(
                        "{label} comes before any Associate exam; Professional exams assume "
                        "Associate-level knowledge and 2+ years on AWS"
                    ).format(label=label),
                    entry.id,
                )
            )
        if cert.tier is Tier.SPECIALTY and not associate_seen:
            found.append(
                Advice(
                    AdviceCode.SPECIALTY_BEFORE_ASSOCIATE,
                    _(
                        "{label} comes before any Associate exam; AWS recommends Associate-level "
                        "knowledge first"
                    ).format(label=label),
                    entry.id,
                )
            )
        if (
            item.exam_date is not None
            and entry.status is not EntryStatus.PASSED
            and cert.retired_by(item.exam_date)
        ):
            replacement = cert.lifecycle.replaced_by
            dates = {
                "label": label,
                "end": format_day(cert.lifecycle.ends_on),
                "exam": format_day(item.exam_date),
            }
            message = _("{label} is retired as of {end}, before the planned exam on {exam}")
            replace_with = None
            if replacement and replacement in catalog:
                successor = catalog.get(replacement)
                message = _(
                    "{label} is retired as of {end}, before the planned exam on {exam}; "
                    "consider {successor} instead"
                )
                dates["successor"] = f"{successor.code} {successor.name}"
                if not successor.retired_by(item.exam_date):
                    replace_with = successor.id
            found.append(
                Advice(
                    AdviceCode.AFTER_RETIREMENT,
                    message.format(**dates),
                    entry.id,
                    replace_with=replace_with,
                )
            )
        pinned_passed = (
            entry.pinned_exam_date is not None
            and entry.pinned_exam_date < today
            and entry.status is not EntryStatus.PASSED
        )
        if item.pinned_unreachable and not pinned_passed:  # a date gone by: exam-date-passed
            found.append(
                Advice(
                    AdviceCode.PINNED_DATE_UNREACHABLE,
                    _(
                        "{label}: the pinned exam date {pinned} cannot be reached with the "
                        "available hours; the earliest is {earliest}"
                    ).format(
                        label=label,
                        pinned=format_day(entry.pinned_exam_date),
                        earliest=format_day(item.reachable_exam_date),
                    ),
                    entry.id,
                )
            )
        if entry.status is not EntryStatus.PASSED:
            found.extend(_language_advice(item, exam_language))
            found.extend(_progress_advice(item, schedule, today, pace))
            found.extend(_timing_advice(item, schedule, today))
            found.extend(_retake_advice(item))
        if cert.tier is Tier.ASSOCIATE:
            associate_seen = True
    found.extend(_expiry_advice(schedule, catalog, today, validities))
    return found


def _language_advice(item: ScheduledEntry, exam_language: str) -> list[Advice]:
    """A note when the exam is not offered in the language the learner will sit it in (the
    profile's, else the app's); none where the catalog does not list the exam's languages."""
    cert = item.certification
    if not cert.exam_languages or exam_language in cert.exam_languages:
        return []
    message = not_offered_text(
        cert.code, cert.exam_languages, exam_language, cert.exam_languages_assumed
    )
    return [Advice(AdviceCode.EXAM_LANGUAGE, message, item.entry.id, Severity.INFO)]


def _progress_advice(
    item: ScheduledEntry, schedule: Schedule, today: date, current_pace: PlanPace | None
) -> list[Advice]:
    """An unfinished exam whose date has gone by, study behind the plan the learner made by
    more than a week of their hours (said once, at the exam furthest behind), and an exam
    close at hand that practice scores do not back."""
    cert = item.certification
    entry = item.entry
    label = f"{cert.code} {cert.name}"
    found: list[Advice] = []
    gone = [d for d in (entry.pinned_exam_date, item.exam_date) if d is not None and d < today]
    if gone:
        found.append(
            Advice(
                AdviceCode.EXAM_DATE_PASSED,
                _(
                    "{label}: the exam date {date} has passed; mark it passed, plan a retake "
                    "if it was failed, or move it"
                ).format(label=label, date=format_day(min(gone))),
                entry.id,
            )
        )
    weekly = schedule.plan.availability.weekly_hours
    if (
        current_pace is not None
        and current_pace.behind_hours > weekly + 1e-9
        and current_pace.furthest_behind == entry.id
    ):
        if current_pace.reference is PaceReference.BASELINE:
            message = _(
                "{hours} behind the baseline of {day}, more than a week of study at "
                "{weekly}; {label} is furthest behind ({behind}), and the exams move later "
                "unless you catch up or set a new baseline"
            )
        else:
            message = _(
                "{hours} behind the plan from its start on {day}, more than a week of study "
                "at {weekly}; {label} is furthest behind ({behind}), and the exams move later "
                "unless you catch up or set a baseline"
            )
        share = current_pace.for_entry(entry.id)
        found.append(
            Advice(
                AdviceCode.BEHIND_SCHEDULE,
                message.format(
                    label=label,
                    hours=format_hours(current_pace.behind_hours),
                    day=format_day(current_pace.reference_date),
                    weekly=format_weekly_hours(weekly),
                    behind=format_hours(share.behind_hours if share is not None else 0.0),
                ),
                entry.id,
            )
        )
    exam = item.exam_date
    if exam is not None and today <= exam <= today + NOT_READY_WINDOW:
        target = schedule.plan.readiness_target
        state = readiness(entry, target)
        if state is not Readiness.READY:
            days = (exam - today).days
            found.append(
                Advice(
                    AdviceCode.NOT_READY,
                    _not_ready_text(days, state is Readiness.UNKNOWN).format(
                        label=label, date=format_day(exam), count=days, target=f"{target:g}"
                    ),
                    entry.id,
                )
            )
    return found


def _not_ready_text(days: int, no_scores: bool) -> str:
    """The not-ready sentence for an exam ``days`` away, as a template with ``{label}``,
    ``{date}``, ``{count}`` (the days) and ``{target}``, whole so a translator sees all of it."""
    if days == 0:
        if no_scores:
            return _(
                "{label} is today ({date}), and no practice exam score is logged yet; take a "
                "practice exam, or move the exam"
            )
        return _(
            "{label} is today ({date}), and the last two practice scores do not both reach "
            "{target} %; take a practice exam, or move the exam"
        )
    if no_scores:
        return ngettext(
            "{label} is in {count} day ({date}), and no practice exam score is logged yet; "
            "take a practice exam, or move the exam",
            "{label} is in {count} days ({date}), and no practice exam score is logged yet; "
            "take a practice exam, or move the exam",
            days,
        )
    return ngettext(
        "{label} is in {count} day ({date}), and the last two practice scores do not both "
        "reach {target} %; take a practice exam, or move the exam",
        "{label} is in {count} days ({date}), and the last two practice scores do not both "
        "reach {target} %; take a practice exam, or move the exam",
        days,
    )


def _retake_advice(item: ScheduledEntry) -> list[Advice]:
    """A deadline that a failed first attempt, the 14-day wait and a retake would miss."""
    deadline = item.entry.deadline
    exam = item.exam_date
    if deadline is None or exam is None or exam + RETAKE_WAIT <= deadline:
        return []
    cert = item.certification
    label = f"{cert.code} {cert.name}"
    if exam > deadline:
        message = _(
            "{label} is needed by {deadline}, but the exam on {exam} is already after the "
            "deadline; plan it by {by} to leave room for a retake"
        )
    else:
        message = _(
            "{label} is needed by {deadline}, but if the exam on {exam} is failed, the 14-day "
            "wait puts the retake on {retake} at the earliest; plan it by {by} to leave room "
            "for a retake"
        )
    return [
        Advice(
            AdviceCode.NO_RETAKE_ROOM,
            message.format(
                label=label,
                deadline=format_day(deadline),
                exam=format_day(exam),
                retake=format_day(exam + RETAKE_WAIT),
                by=format_day(deadline - RETAKE_WAIT),
            ),
            item.entry.id,
        )
    ]


def _expiry_advice(
    schedule: Schedule, catalog: Catalog, today: date, validities: Sequence[Validity]
) -> list[Advice]:
    """Which certifications expire before the plan needs them, soon, or are renewed by it."""
    found: list[Advice] = []
    last_exam = schedule.finish_date
    for validity in validities:
        cert = catalog.get(validity.certification_id)
        label = f"{cert.name} ({cert.code})"
        if validity.renewals:
            found.append(_renewed_advice(validity, catalog))
        expiry = validity.expires_on
        if expiry < today:
            continue  # already expired: nothing can renew it, only passing it again
        soon = validity.held and expiry - today <= EXPIRES_SOON_WINDOW
        during = last_exam is not None and expiry < last_exam
        if not soon and not during:
            continue
        renew_with = _renew_with(validity, catalog)
        late = _too_late(validity, schedule, catalog)
        tail = _renewal_tail(validity, catalog, expiry)
        messages: list[tuple[AdviceCode, str]] = []
        if soon:
            days = (expiry - today).days
            if days == 0:
                message = _("{label} expires on {expiry}, today")
            else:
                message = ngettext(
                    "{label} expires on {expiry}, in {count} day",
                    "{label} expires on {expiry}, in {count} days",
                    days,
                )
            messages.append(
                (
                    AdviceCode.EXPIRES_SOON,
                    message.format(label=label, expiry=format_day(expiry), count=days),
                )
            )
        if during and last_exam is not None:
            messages.append(
                (
                    AdviceCode.EXPIRES_DURING_PLAN,
                    _(
                        "{label} expires on {expiry}, before the plan's last exam on {last}, "
                        "and nothing in the plan renews it in time"
                    ).format(label=label, expiry=format_day(expiry), last=format_day(last_exam)),
                )
            )
        for code, message in messages:
            if late:
                message = _(
                    "{message} ({late} comes too late: an expired certification cannot be renewed)"
                ).format(message=message, late=late)
            found.append(
                Advice(
                    code,
                    _("{message}; {renewal}").format(message=message, renewal=tail),
                    validity.entry_id,
                    renew_with=renew_with,
                    renew_before=expiry if renew_with is not None else None,
                )
            )
    return found


NAMED_PATHS = 3
"""How many renewal paths an expiry warning names before it counts the rest."""


def _renewal_tail(validity: Validity, catalog: Catalog, expiry: date) -> str:
    """'renew it by 1 Mar 2027, cheapest first: AWS Cloud Quest: … (free, no exam), CLF-C02,
    DVA-C02 or 10 other ways' (each assumed path marked), or why nothing can renew it."""
    cert = catalog.get(validity.certification_id)
    paths = [path_text(p) for p in renewal_paths(cert, catalog)]
    if not paths:
        return _("its exam is retired, so nothing renews it any more")
    if len(paths) > NAMED_PATHS + 1:
        more = len(paths) - NAMED_PATHS
        named = ngettext(
            "{paths} or {count} other way", "{paths} or {count} other ways", more
        ).format(paths=", ".join(paths[:NAMED_PATHS]), count=more)
    elif len(paths) > 1:
        named = _("{paths} or {last}").format(paths=", ".join(paths[:-1]), last=paths[-1])
    else:
        named = paths[0]
    text = _("renew it by {expiry}, cheapest first: {paths}").format(
        expiry=format_day(expiry), paths=named
    )
    if cert.renewal_list_assumed:
        text = _(
            "{text} (assumed: AWS's list for it could not be read, and no other way is known)"
        ).format(text=text)
    return text


def _renewed_advice(validity: Validity, catalog: Catalog) -> Advice:
    """One note per renewed certification: which exams renew it, when, and until when; a
    renewal the catalog only assumes says so."""
    cert = catalog.get(validity.certification_id)
    renewals = validity.renewals
    until = format_day(validity.expires_on)
    if len(renewals) == 1:
        (only,) = renewals
        text = _("{code} renews {name} on {date} (valid until {until})").format(
            code=catalog.get(only.certification_id).code,
            name=cert.name,
            date=format_day(only.on),
            until=until,
        )
    else:
        exams = [_exam_on(catalog.get(r.certification_id).code, r.on) for r in renewals]
        text = _("{exams} and {last} renew {name} (valid until {until})").format(
            exams=", ".join(exams[:-1]), last=exams[-1], name=cert.name, until=until
        )
    return Advice(
        AdviceCode.RENEWED_BY,
        assumed_text(text, any(r.assumed for r in renewals)),
        validity.entry_id,
        Severity.INFO,
    )


def _exam_on(code: str, day: date) -> str:
    """'SAA-C03 on 28 Mar 2027'."""
    return _("{code} on {date}").format(code=code, date=format_day(day))


def _renew_with(validity: Validity, catalog: Catalog) -> str | None:
    try:
        return renewal_choice(validity, catalog)
    except ValueError:
        return None


def _too_late(validity: Validity, schedule: Schedule, catalog: Catalog) -> str:
    """The first planned exam after the expiry that would have renewed it, as 'SAA-C03 on
    28 Mar 2027', or '' if there is none."""
    for item in sorted(
        (i for i in schedule.entries if i.exam_date is not None),
        key=lambda i: i.exam_date or date.min,
    ):
        if (
            item.exam_date is not None
            and item.exam_date > validity.expires_on
            and item.entry.status is not EntryStatus.PASSED
            and item.certification.id in validity.renewable_by
        ):
            return _exam_on(item.certification.code, item.exam_date)
    return ""


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
    unknown = [g for g in gaps if g.field is not None and g.not_given]
    if unknown:
        found.append(
            Advice(
                AdviceCode.EXPERIENCE_BELOW_TIER,
                _("{label} on {date}: its exam guide recommends {recommended}; {where}").format(
                    label=label,
                    date=format_day(exam),
                    recommended=_and([g.recommended_text for g in gaps]),
                    where=where_to_give_years(unknown[0].field or ExperienceField.SOFTWARE),
                ),
                item.entry.id,
            )
        )
    elif gaps:
        latest = max(gaps, key=lambda g: (g.ready_on or exam, g.months_short))
        recommended = _and([g.recommended_text for g in gaps])
        months = latest.months_short
        if len(gaps) > 1 or latest.recommended_years != 1:
            message = ngettext(
                "{label} on {date} comes {count} month before you have the {recommended} it "
                "recommends; you would have them around {ready}",
                "{label} on {date} comes {count} months before you have the {recommended} it "
                "recommends; you would have them around {ready}",
                months,
            )
        else:
            message = ngettext(
                "{label} on {date} comes {count} month before you have the {recommended} it "
                "recommends; you would have it around {ready}",
                "{label} on {date} comes {count} months before you have the {recommended} it "
                "recommends; you would have it around {ready}",
                months,
            )
        found.append(
            Advice(
                AdviceCode.EXPERIENCE_BELOW_TIER,
                message.format(
                    label=label,
                    date=format_day(exam),
                    count=months,
                    recommended=recommended,
                    ready=format_day(latest.ready_on),
                ),
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
                ngettext(
                    "{label}: study stretches over about {count} month ({start} to {end}); "
                    "what is learnt early fades by the exam, so add weekly hours or keep "
                    "fewer exams",
                    "{label}: study stretches over about {count} months ({start} to {end}); "
                    "what is learnt early fades by the exam, so add weekly hours or keep "
                    "fewer exams",
                    months,
                ).format(
                    label=label,
                    count=months,
                    start=format_month(item.study_start),
                    end=format_month(item.study_end),
                ),
                item.entry.id,
                Severity.INFO,
            )
        )
    if exam - today > EXAM_VERSION_HORIZON:
        found.append(
            Advice(
                AdviceCode.EXAM_VERSION_RISK,
                _(
                    "{label} is planned for {date}, more than 2 years away; AWS replaces exam "
                    "versions (SOA-C02 and SCS-C02 were replaced in 2025), so check the current "
                    "exam guide before you start studying for it"
                ).format(label=label, date=format_day(exam)),
                item.entry.id,
                Severity.INFO,
            )
        )
    return found


def _and(items: list[str]) -> str:
    """'A', or 'A and B': the experience an exam recommends (years on AWS, in a field)."""
    if len(items) == 1:
        return items[0]
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])
