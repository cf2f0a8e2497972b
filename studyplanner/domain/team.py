"""A team's roll-up from its members' plans (issue 25): who holds what and until when, who
plans which exam on which day and how they are doing, what each quarter costs and when
certifications lapse, and whether the team's targets will be met.

Every fact about one plan comes from its ``analyse()`` (never the scheduler directly), so the
team view says of each person what their own window says. Qt-free, and nothing here touches the
disk: ``storage.team_folder`` reads the folder and ``team.json``.

A target counts certifications (person x certification) active on its date: held and not
expired by then, or planned with an exam on or before it (assumed passed on that day).
``planned_count`` trusts every planned exam; ``safe_count`` leaves out the exams at risk: behind
by more than a week of the person's own study, or not ready (two practice scores at the plan's
target) once the exam is 14 days away or nearer. A renewal at risk does not extend what it
renews, in the safe count.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from studyplanner.domain.analysis import PlanAnalysis, analyse
from studyplanner.domain.budget import Amounts, Price
from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.lifecycle import Validity
from studyplanner.domain.plan import EARLIEST_DATE, LATEST_DATE, EntryStatus, StudyPlan
from studyplanner.domain.progress import Readiness
from studyplanner.i18n import _

__all__ = [
    "BEHIND_LIMIT_WEEKS",
    "MAX_TARGETS",
    "MAX_TEAM_NAME",
    "READY_WITHIN",
    "Contribution",
    "HeldCertification",
    "PaceState",
    "PersonSummary",
    "PlannedExam",
    "QuarterExam",
    "QuarterExpiry",
    "QuarterSummary",
    "Risk",
    "TargetForecast",
    "TargetStatus",
    "TeamMember",
    "TeamRollUp",
    "TeamSettings",
    "TeamTarget",
    "quarter_of",
    "roll_up",
    "with_settings",
]

BEHIND_LIMIT_WEEKS = 1.0
"""An exam behind by more than this many weeks of the person's study is at risk."""
READY_WITHIN = timedelta(days=14)
"""An exam this close (or closer) without readiness from practice scores is at risk."""
MAX_TARGETS = 100
MAX_TEAM_NAME = 200
MAX_TARGET_COUNT = 100_000

TargetDate = Annotated[date, Field(ge=EARLIEST_DATE, le=LATEST_DATE)]


# --- team.json ----------------------------------------------------------------------------


class _Strict(BaseModel):
    # Validators are built when first used: a team's targets are read when a team folder
    # is opened, not at every start.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, defer_build=True)


class TeamTarget(_Strict):
    """'Four Associates by the end of 2027': a count of a tier, or of one certification, by
    a day. Exactly one of ``tier`` and ``certification`` is given."""

    by: TargetDate
    count: int = Field(ge=1, le=MAX_TARGET_COUNT)
    tier: Tier | None = None
    certification: str | None = Field(default=None, min_length=1, max_length=64)

    @model_validator(mode="after")
    def _one_kind(self) -> Self:
        if (self.tier is None) == (self.certification is None):
            raise ValueError(_("a target names either a tier or a certification, not both"))
        return self

    def counts(self, certification_id: str, catalog: Catalog) -> bool:
        """Whether a certification counts towards this target."""
        if self.certification is not None:
            return certification_id == self.certification
        return catalog.get(certification_id).tier is self.tier


class TeamSettings(_Strict):
    """``team.json``: the team's name and targets, the one file the team view writes."""

    name: str = Field(default="", max_length=MAX_TEAM_NAME)
    targets: tuple[TeamTarget, ...] = Field(default=(), max_length=MAX_TARGETS)

    @field_validator("name")
    @classmethod
    def _one_line(cls, name: str) -> str:
        """The team's name heads the report and the view: one line, no control characters."""
        if any(not character.isprintable() for character in name):
            raise ValueError(_("a team's name cannot hold control characters"))
        return " ".join(name.split())


# --- the input: one member's plan ---------------------------------------------------------


@dataclass(frozen=True)
class TeamMember:
    """One plan of the team, as read from the folder."""

    source: str
    """Where it came from, relative to the team folder ('platform/ben.json'): unique, and
    how a plan without an owner is named."""
    plan: StudyPlan

    @property
    def name(self) -> str:
        """The owner's name, or the file's name without '.json' for a plan without one."""
        if self.plan.owner is not None:
            return self.plan.owner.name
        stem = self.source.rsplit("/", 1)[-1]
        return stem[:-5] if stem.lower().endswith(".json") else stem

    @property
    def team(self) -> str | None:
        return self.plan.owner.team if self.plan.owner is not None else None


# --- the result ---------------------------------------------------------------------------


class Risk(StrEnum):
    """Why a planned exam is left out of a target's safe count."""

    BEHIND = "behind"
    NOT_READY = "not-ready"


class PaceState(StrEnum):
    """A person's pace against their own plan, in words the team view shows."""

    BEHIND = "behind"
    ON_PACE = "on-pace"
    AHEAD = "ahead"
    NOT_STARTED = "not-started"
    """Nothing planned before today yet, nothing logged."""
    NONE = "none"
    """Nothing left to study, or the plan cannot be laid out."""


@dataclass(frozen=True)
class HeldCertification:
    """A certification a person has (held from before the plan, or passed in it)."""

    certification_id: str
    earned_on: date
    expires_on: date
    """Without the renewals still to come: the day it lapses if nothing more is passed."""
    renewed_until: date
    """After the renewals planned (assumed passed): what the plan expects."""
    renewal_assumed: bool = False
    """AWS text read for the catalog does not confirm that a renewal planned renews it."""


@dataclass(frozen=True)
class PlannedExam:
    """An exam a person still has to sit, with what the team view says about it."""

    entry_id: str
    certification_id: str
    exam_date: date | None
    """None when the plan cannot be laid out."""
    status: EntryStatus
    behind_weeks: float | None
    """Weeks of the person's study behind (negative: ahead); None without pace."""
    readiness: Readiness
    risks: tuple[Risk, ...]
    """Empty when the exam counts as safe."""
    fee: Price | None
    """One attempt at the fee the plan counts (own fee or list price); None without a
    schedule."""
    paid: Price | None
    """What the person's plan pays after vouchers (nothing when the company pays)."""
    paid_by_other: bool
    renews: tuple[str, ...] = ()
    """Certification ids whose validity this exam extends."""
    renewal_assumed: bool = False
    """AWS text read for the catalog does not confirm one of those renewals."""

    @property
    def safe(self) -> bool:
        return not self.risks


@dataclass(frozen=True)
class PersonSummary:
    """One person's row in the roll-up."""

    source: str
    name: str
    team: str | None
    named_by_file: bool
    """No owner in the plan: ``name`` is the file's."""
    held: tuple[HeldCertification, ...]
    planned: tuple[PlannedExam, ...]
    pace: PaceState
    behind_weeks: float | None
    """Over the whole plan, in weeks of the person's study (negative: ahead)."""
    weekly_hours: float
    schedule_error: str | None

    def exam(self, entry_id: str) -> PlannedExam | None:
        return next((e for e in self.planned if e.entry_id == entry_id), None)


@dataclass(frozen=True)
class Contribution:
    """One person x certification counted towards a target."""

    source: str
    name: str
    certification_id: str
    exam_date: date | None
    """The planned exam that earns it; None when it is already held."""
    entry_id: str | None
    risks: tuple[Risk, ...] = ()
    behind_weeks: float | None = None


class TargetStatus(StrEnum):
    MET = "met"
    AT_RISK = "at-risk"
    MISSED = "missed"


@dataclass(frozen=True)
class TargetForecast:
    """A target and what the plans say of it."""

    target: TeamTarget
    planned: tuple[Contribution, ...]
    """Every certification active on the target's day if every planned exam passes."""
    safe: tuple[Contribution, ...]
    """Those of ``planned`` that are held, or planned and not at risk."""
    status: TargetStatus
    closing: tuple[Contribution, ...]
    """At-risk exams that, on time and ready, would bring the safe count to the target
    (fewest needed, least behind first); empty when met, or when not enough are planned."""
    short_by: int
    """Certifications still to plan for the target (0 unless missed)."""

    @property
    def planned_count(self) -> int:
        return len(self.planned)

    @property
    def safe_count(self) -> int:
        return len(self.safe)

    @property
    def at_risk(self) -> tuple[Contribution, ...]:
        return tuple(c for c in self.planned if c.risks)


@dataclass(frozen=True)
class QuarterExam:
    """One exam of a quarter: whose, when, and what it costs the team."""

    source: str
    name: str
    certification_id: str
    exam_date: date
    fee: Price
    paid: Price
    paid_by_other: bool
    renews: tuple[str, ...] = ()
    renewal_assumed: bool = False


@dataclass(frozen=True)
class QuarterExpiry:
    """One certification of a quarter that lapses: whose, and on which day."""

    source: str
    name: str
    certification_id: str
    expires_on: date


@dataclass(frozen=True)
class QuarterSummary:
    """One calendar quarter from today's on: exams, their fees, and what lapses."""

    year: int
    quarter: int
    """1 to 4."""
    exams: tuple[QuarterExam, ...]
    expiries: tuple[QuarterExpiry, ...]
    """Certifications that lapse in the quarter with no renewal planned."""
    list_price: Amounts
    """Every exam at its fee (own fee or list price), whoever pays."""
    with_vouchers: Amounts
    """What the members' plans pay: after vouchers, nothing for exams the company pays."""
    paid_by_company: Amounts
    """The fees of the exams someone else (the company) pays."""

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.quarter - 2, 1)

    @property
    def renewals(self) -> tuple[QuarterExam, ...]:
        """Exams in the quarter that renew a certification already held or planned."""
        return tuple(e for e in self.exams if e.renews)


@dataclass(frozen=True)
class TeamRollUp:
    """The whole team on one day."""

    today: date
    name: str
    people: tuple[PersonSummary, ...]
    """By name, then source."""
    targets: tuple[TargetForecast, ...]
    """In ``team.json``'s order."""
    quarters: tuple[QuarterSummary, ...]
    """From today's quarter on, those with an exam or an expiry."""
    analyses: dict[str, PlanAnalysis] = field(repr=False, compare=False, default_factory=dict)
    """Each member's analysis by source (for views that show one plan in full)."""

    def person(self, source: str) -> PersonSummary:
        for person in self.people:
            if person.source == source:
                return person
        raise KeyError(source)


# --- the work -----------------------------------------------------------------------------


def quarter_of(day: date) -> tuple[int, int]:
    """(year, quarter) of ``day``: 14 May 2027 is (2027, 2)."""
    return day.year, (day.month - 1) // 3 + 1


def _pace_state(analysis: PlanAnalysis) -> tuple[PaceState, float | None]:
    pace = analysis.pace
    weekly = analysis.plan.availability.weekly_hours
    if pace is None:
        return PaceState.NONE, None
    if not pace.started:
        return PaceState.NOT_STARTED, 0.0
    weeks = pace.behind_hours / weekly if weekly > 0 else 0.0
    if weeks > BEHIND_LIMIT_WEEKS:
        return PaceState.BEHIND, weeks
    if weeks < -BEHIND_LIMIT_WEEKS:
        return PaceState.AHEAD, weeks
    return PaceState.ON_PACE, weeks


def _risks(
    exam_date: date, behind: float | None, ready: Readiness, today: date
) -> tuple[Risk, ...]:
    risks: list[Risk] = []
    if behind is not None and behind > BEHIND_LIMIT_WEEKS:
        risks.append(Risk.BEHIND)
    if exam_date - today <= READY_WITHIN and ready is not Readiness.READY:
        risks.append(Risk.NOT_READY)
    return tuple(risks)


def _planned_exams(analysis: PlanAnalysis) -> tuple[PlannedExam, ...]:
    plan = analysis.plan
    weekly = plan.availability.weekly_hours
    renewing: dict[str, list[str]] = {}
    assumed: set[str] = set()
    for validity in analysis.validities:
        for renewal in validity.renewals:
            renewing.setdefault(renewal.entry_id, []).append(validity.certification_id)
            if renewal.assumed:
                assumed.add(renewal.entry_id)
    found = []
    for entry in plan.entries:
        if entry.status is EntryStatus.PASSED:
            continue
        row = analysis.schedule.for_entry(entry.id) if analysis.schedule is not None else None
        exam_date = row.exam_date if row is not None else None
        pace = analysis.pace.for_entry(entry.id) if analysis.pace is not None else None
        behind = pace.behind_weeks(weekly) if pace is not None else None
        ready = analysis.readiness_of(entry.id)
        cost = analysis.budget.for_entry(entry.id) if analysis.budget is not None else None
        found.append(
            PlannedExam(
                entry_id=entry.id,
                certification_id=entry.certification_id,
                exam_date=exam_date,
                status=entry.status,
                behind_weeks=behind,
                readiness=ready,
                risks=_risks(exam_date, behind, ready, analysis.today) if exam_date else (),
                fee=cost.fee if cost is not None else None,
                paid=cost.paid if cost is not None else None,
                paid_by_other=entry.paid_by_other,
                renews=tuple(renewing.get(entry.id, ())),
                renewal_assumed=entry.id in assumed,
            )
        )
    return tuple(found)


def _held(analysis: PlanAnalysis) -> tuple[HeldCertification, ...]:
    return tuple(
        HeldCertification(
            certification_id=v.certification_id,
            earned_on=v.earned_on,
            expires_on=_expiry_with(v, lambda _entry: False),
            renewed_until=v.expires_on,
            renewal_assumed=any(r.assumed for r in v.renewals),
        )
        for v in analysis.validities
        if v.held
    )


def _expiry_with(validity: Validity, trusted: Callable[[str], bool]) -> date:
    """``validity``'s expiry counting only the renewals whose exam ``trusted`` says will
    happen (in date order: a renewal missed lets the certification lapse)."""
    expires = validity.first_expiry
    for renewal in validity.renewals:
        if renewal.on > expires or not trusted(renewal.entry_id):
            break
        expires = max(expires, renewal.expires_on)
    return expires


def _summarise(member: TeamMember, analysis: PlanAnalysis) -> PersonSummary:
    pace, behind = _pace_state(analysis)
    return PersonSummary(
        source=member.source,
        name=member.name,
        team=member.team,
        named_by_file=member.plan.owner is None,
        held=_held(analysis),
        planned=_planned_exams(analysis),
        pace=pace,
        behind_weeks=behind,
        weekly_hours=member.plan.availability.weekly_hours,
        schedule_error=analysis.schedule_error,
    )


def _contributions(
    person: PersonSummary, analysis: PlanAnalysis, target: TeamTarget, catalog: Catalog
) -> tuple[list[Contribution], list[Contribution]]:
    """What ``person`` adds to ``target``: (planned, safe), one per certification. Where a
    certification counts only if every planned exam passes, its contribution names the exam
    at risk (the one that earns it, or the renewal that keeps it)."""
    day = target.by
    passed = {e.id for e in analysis.plan.entries if e.status is EntryStatus.PASSED}

    def safe_exam(entry_id: str) -> bool:
        if entry_id in passed:
            return True
        exam = person.exam(entry_id)
        return exam is not None and exam.safe

    planned: dict[str, Contribution] = {}
    safe: dict[str, Contribution] = {}
    for validity in analysis.validities:
        cert = validity.certification_id
        if cert not in catalog or not target.counts(cert, catalog) or validity.earned_on > day:
            continue
        if validity.expires_on < day:
            continue
        earner = None if validity.entry_id is None else person.exam(validity.entry_id)
        is_safe = (earner is None or earner.safe) and _expiry_with(validity, safe_exam) >= day
        at_risk = earner if earner is not None and not earner.safe else None
        if at_risk is None and not is_safe:  # a renewal it needs is at risk
            at_risk = next(
                (
                    person.exam(r.entry_id)
                    for r in validity.renewals
                    if not safe_exam(r.entry_id) and person.exam(r.entry_id) is not None
                ),
                None,
            )
        shown = at_risk or earner
        contribution = Contribution(
            source=person.source,
            name=person.name,
            certification_id=cert,
            exam_date=shown.exam_date if shown is not None else None,
            entry_id=shown.entry_id if shown is not None else None,
            risks=at_risk.risks if at_risk is not None else (),
            behind_weeks=shown.behind_weeks if shown is not None else None,
        )
        known = planned.get(cert)
        if known is None or (known.risks and not contribution.risks):
            planned[cert] = contribution
        if is_safe:
            safe.setdefault(cert, contribution)
    return list(planned.values()), list(safe.values())


def _forecast(
    target: TeamTarget,
    people: Sequence[PersonSummary],
    analyses: dict[str, PlanAnalysis],
    catalog: Catalog,
) -> TargetForecast:
    planned: list[Contribution] = []
    safe: list[Contribution] = []
    for person in people:
        adds, sure = _contributions(person, analyses[person.source], target, catalog)
        planned.extend(adds)
        safe.extend(sure)
    if len(safe) >= target.count:
        status = TargetStatus.MET
    elif len(planned) >= target.count:
        status = TargetStatus.AT_RISK
    else:
        status = TargetStatus.MISSED
    closing: tuple[Contribution, ...] = ()
    if status is TargetStatus.AT_RISK:
        counted = {(c.source, c.certification_id) for c in safe}
        candidates = sorted(
            (c for c in planned if c.risks and (c.source, c.certification_id) not in counted),
            key=lambda c: (len(c.risks), c.behind_weeks or 0.0, c.name, c.certification_id),
        )
        closing = tuple(candidates[: target.count - len(safe)])
    return TargetForecast(
        target=target,
        planned=tuple(planned),
        safe=tuple(safe),
        status=status,
        closing=closing,
        short_by=max(0, target.count - len(planned)),
    )


def _quarters(
    people: Sequence[PersonSummary], analyses: dict[str, PlanAnalysis], today: date
) -> tuple[QuarterSummary, ...]:
    exams: dict[tuple[int, int], list[QuarterExam]] = {}
    expiries: dict[tuple[int, int], list[QuarterExpiry]] = {}
    for person in people:
        for exam in person.planned:
            if exam.exam_date is None or exam.fee is None or exam.paid is None:
                continue
            exams.setdefault(quarter_of(exam.exam_date), []).append(
                QuarterExam(
                    source=person.source,
                    name=person.name,
                    certification_id=exam.certification_id,
                    exam_date=exam.exam_date,
                    fee=exam.fee,
                    paid=exam.paid,
                    paid_by_other=exam.paid_by_other,
                    renews=exam.renews,
                    renewal_assumed=exam.renewal_assumed,
                )
            )
        for validity in analyses[person.source].validities:
            if validity.expires_on < today:
                continue
            expiries.setdefault(quarter_of(validity.expires_on), []).append(
                QuarterExpiry(
                    person.source, person.name, validity.certification_id, validity.expires_on
                )
            )
    found = []
    for year, quarter in sorted(set(exams) | set(expiries)):
        these = sorted(exams.get((year, quarter), []), key=lambda e: (e.exam_date, e.name))
        lapses = sorted(expiries.get((year, quarter), []), key=lambda e: (e.expires_on, e.name))
        found.append(
            QuarterSummary(
                year=year,
                quarter=quarter,
                exams=tuple(these),
                expiries=tuple(lapses),
                list_price=Amounts.of(e.fee for e in these),
                with_vouchers=Amounts.of(e.paid for e in these),
                paid_by_company=Amounts.of(e.fee for e in these if e.paid_by_other),
            )
        )
    return tuple(found)


def roll_up(
    members: Iterable[TeamMember],
    catalog: Catalog,
    today: date,
    settings: TeamSettings | None = None,
) -> TeamRollUp:
    """The team's roll-up as of ``today``: each member's plan analysed once, then summed.

    Targets naming a certification the catalog does not know count nothing (the team file's
    reader refuses them; a newer catalog may know them)."""
    analyses: dict[str, PlanAnalysis] = {}
    people: list[PersonSummary] = []
    for member in members:
        analysis = analyse(member.plan, catalog, today)
        analyses[member.source] = analysis
        people.append(_summarise(member, analysis))
    people.sort(key=lambda p: (p.name.casefold(), p.source))
    settings = settings or TeamSettings()
    targets = tuple(
        _forecast(target, people, analyses, catalog)
        for target in settings.targets
        if target.certification is None or target.certification in catalog
    )
    return TeamRollUp(
        today=today,
        name=settings.name,
        people=tuple(people),
        targets=targets,
        quarters=_quarters(people, analyses, today),
        analyses=analyses,
    )


def with_settings(team: TeamRollUp, settings: TeamSettings, catalog: Catalog) -> TeamRollUp:
    """``team`` with another name and targets, without analysing any plan again: the team
    view's target edits stay instant on a folder of a thousand plans. The same as
    ``roll_up`` of the same members with ``settings``."""
    targets = tuple(
        _forecast(target, team.people, team.analyses, catalog)
        for target in settings.targets
        if target.certification is None or target.certification in catalog
    )
    return replace(team, name=settings.name, targets=targets)
