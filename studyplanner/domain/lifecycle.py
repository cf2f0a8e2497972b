"""When each certification in a plan is valid: earned, renewed by later exams, expired.

The rules follow AWS's recertification policy as the catalog records it (``renewed_by``):
a certification is valid for ``validity_years`` from the day it is earned; passing its own
current exam, or an exam listed in its ``renewed_by``, while it is still valid starts a new
validity period from that exam's date. An expired certification cannot be renewed: passing
its exam again earns it anew.

Conventions (documented in the README):
- A certification is valid up to and including its expiry date, so an exam on that day
  still renews it.
- A held certification's ``earned_on`` is the start of its current validity (the date it was
  earned or last renewed); held certifications do not renew one another, because AWS has
  already counted that in the dates it shows.
- Planned exams are assumed passed on their computed exam date.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from studyplanner.domain.catalog import Catalog, Certification, RenewalKind
from studyplanner.domain.months import add_years
from studyplanner.domain.plan import LATEST_DATE, EntryStatus, PlanEntry, StudyPlan
from studyplanner.domain.schedule import Schedule, schedule_plan
from studyplanner.domain.wording import assumed_text, format_day, format_fee
from studyplanner.i18n import _


@dataclass(frozen=True)
class Renewal:
    """A later exam in the plan that renews a certification while it is still valid."""

    on: date
    """The renewing exam's date."""
    entry_id: str
    """The plan entry whose exam renews it."""
    certification_id: str
    """The certification that entry's exam is for."""
    expires_on: date
    """The new expiry after this renewal."""
    assumed: bool = False
    """AWS text read for the catalog does not confirm that this exam renews it."""


@dataclass(frozen=True)
class Validity:
    """One stretch of a certification being valid: earned once, then renewed in time."""

    certification_id: str
    entry_id: str | None
    """The plan entry that earns it (passed or planned); None for a held certification."""
    earned_on: date
    first_expiry: date
    """``earned_on`` plus the catalog's validity years."""
    renewals: tuple[Renewal, ...]
    """In date order; each came while the certification was still valid."""
    expires_on: date
    """After every renewal in the plan."""
    renewable_by: tuple[str, ...]
    """Certification ids whose exam can still renew it (itself first), active exams only."""
    held: bool
    """Already the learner's: held outside the plan, or a passed entry."""

    @property
    def last_renewal(self) -> Renewal | None:
        return self.renewals[-1] if self.renewals else None

    def valid_on(self, day: date) -> bool:
        """True if the certification is valid on ``day`` (earned by then and not expired)."""
        return self.earned_on <= day <= self.expires_on


def renewable_by(certification: Certification, catalog: Catalog) -> tuple[str, ...]:
    """The certifications whose exam can renew ``certification``: itself first, then its
    ``renewed_by`` list; only exams that are not retired (a retired exam can no longer be
    taken) and that the catalog knows."""
    candidates = [certification.id, *certification.renewed_by]
    result: list[str] = []
    for cert_id in candidates:
        if cert_id in catalog and not catalog.get(cert_id).is_retired and cert_id not in result:
            result.append(cert_id)
    return tuple(result)


def _renamed_into(old: Certification, new: Certification) -> bool:
    """Whether ``new`` is ``old`` under a new name (SysOps -> CloudOps)."""
    return old.lifecycle.renamed and old.lifecycle.replaced_by == new.id


def renewers_of(certification: Certification) -> frozenset[str]:
    """The certifications whose pass renews ``certification`` (while it is still valid):
    itself and its ``renewed_by``."""
    return frozenset((certification.id, *certification.renewed_by))


@dataclass
class _Open:
    """A validity being built while the plan's exams are walked in date order."""

    certification: Certification
    entry_id: str | None
    earned_on: date
    held: bool
    renewals: list[Renewal] = field(default_factory=list)

    @property
    def first_expiry(self) -> date:
        return add_years(self.earned_on, self.certification.validity_years)

    @property
    def expires_on(self) -> date:
        return self.renewals[-1].expires_on if self.renewals else self.first_expiry


@dataclass(frozen=True)
class _Exam:
    """One dated pass, held or expected, in the order passes renew one another."""

    on: date
    order: tuple[int, int]
    certification: Certification
    entry_id: str | None
    held: bool


def _exams(schedule: Schedule, catalog: Catalog) -> list[_Exam]:
    """Every dated pass the plan knows of or expects, oldest first (held ones first on a tie,
    then plan order)."""
    found: list[_Exam] = []
    latest_held: dict[str, date] = {}
    for held in schedule.plan.held:
        known = latest_held.get(held.certification_id)
        if known is None or held.earned_on > known:
            latest_held[held.certification_id] = held.earned_on
    for index, (cert_id, earned) in enumerate(latest_held.items()):
        if cert_id in catalog:  # a user's catalog may lack it: nothing to say about it then
            found.append(_Exam(earned, (0, index), catalog.get(cert_id), None, True))
    for index, item in enumerate(schedule.entries):
        if item.exam_date is None:
            continue
        passed = item.entry.status is EntryStatus.PASSED
        found.append(_Exam(item.exam_date, (1, index), item.certification, item.entry.id, passed))
    found.sort(key=lambda e: (e.on, e.order))
    return found


def lifecycle(schedule: Schedule, catalog: Catalog) -> list[Validity]:
    """One validity per held certification, passed entry and planned entry with an exam
    date, in order of the day earned. A later pass of a certification that is still valid
    renews it instead of earning it again; so does a pass of an exam in its ``renewed_by``.
    Passing the exam of an expired certification earns it anew (a second validity)."""
    opened: list[_Open] = []
    current: dict[str, _Open] = {}
    # The validities each certification's pass would renew, in the order they were opened:
    # an exam looks at those only, not at every validity opened so far (a 100-exam plan
    # would look some 1,100 times).
    renewable: dict[str, list[_Open]] = {}
    for exam in _exams(schedule, catalog):
        carried = False  # renewed a renamed credential: the same credential, not a new one
        if exam.entry_id is not None:
            for validity in renewable.get(exam.certification.id, ()):
                if validity.earned_on < exam.on <= validity.expires_on:
                    expires = add_years(exam.on, validity.certification.validity_years)
                    if expires > validity.expires_on:
                        assumed = validity.certification.renewal_assumed_by(exam.certification.id)
                        validity.renewals.append(
                            Renewal(exam.on, exam.entry_id, exam.certification.id, expires, assumed)
                        )
                    carried = carried or _renamed_into(validity.certification, exam.certification)
        same = current.get(exam.certification.id)
        if same is not None and same.earned_on <= exam.on <= same.expires_on:
            continue  # renewed above (or the same day): not earned a second time
        if carried:
            continue  # one credential under its new name: its validity is the renewed one
        validity = _Open(exam.certification, exam.entry_id, exam.on, exam.held)
        opened.append(validity)
        for renewer in renewers_of(exam.certification):
            renewable.setdefault(renewer, []).append(validity)
        current[exam.certification.id] = validity
    return [
        Validity(
            certification_id=v.certification.id,
            entry_id=v.entry_id,
            earned_on=v.earned_on,
            first_expiry=v.first_expiry,
            renewals=tuple(v.renewals),
            expires_on=v.expires_on,
            renewable_by=renewable_by(v.certification, catalog),
            held=v.held,
        )
        for v in opened
    ]


@dataclass(frozen=True)
class RenewalPath:
    """One way to renew a certification, priced: an exam, a course, or a one-year maintain."""

    kind: RenewalKind
    certification_id: str | None
    """For an exam: the certification whose exam it is."""
    code: str | None
    """For an exam: its code."""
    name: str
    cost_usd: int | None
    """None: AWS publishes no price."""
    hours: float | None
    """Typical effort; None: unknown."""
    hours_assumed: bool
    """The hours are StudyPlanner's estimate (a course AWS gives no duration for)."""
    extends_years: int
    assumed: bool
    """AWS text read for the catalog does not confirm that it renews the certification."""


def renewal_paths(certification: Certification, catalog: Catalog) -> list[RenewalPath]:
    """Every way ``certification`` can still be renewed, cheapest first: known costs before
    unknown ones, then confirmed before assumed, then fewer hours. An exam costs its fee and
    its catalog hours; exams that are retired or that the catalog lacks are left out."""
    found: list[RenewalPath] = []

    def exam(cert_id: str, assumed: bool, years: int) -> None:
        if cert_id not in catalog or catalog.get(cert_id).is_retired:
            return
        if any(path.certification_id == cert_id for path in found):
            return
        cert = catalog.get(cert_id)
        found.append(
            RenewalPath(
                RenewalKind.EXAM,
                cert_id,
                cert.code,
                cert.name,
                cert.exam.fee_usd,
                float(cert.hours.typical),
                False,
                years,
                assumed,
            )
        )

    exam(certification.id, False, certification.validity_years)
    for option in certification.renewal_options:
        if option.kind is RenewalKind.EXAM and option.certification is not None:
            exam(option.certification, option.assumed, option.extends_years)
        elif option.name is not None and not certification.is_retired:
            found.append(
                RenewalPath(
                    option.kind,
                    None,
                    None,
                    option.name,
                    option.cost_usd,
                    option.hours,
                    option.hours_assumed,
                    option.extends_years,
                    option.assumed,
                )
            )
    return sorted(
        found,
        key=lambda p: (
            p.cost_usd is None,
            p.cost_usd or 0,
            p.assumed,
            p.hours is None,
            p.hours or 0.0,
            p.certification_id != certification.id,
        ),
    )


def renewal_choice(validity: Validity, catalog: Catalog) -> str:
    """The certification whose exam is the cheapest exam path to renew ``validity`` (see
    ``renewal_paths``): what the one-click fix plans, since a plan schedules exams. Raises
    ``ValueError`` when no exam can renew it any more (a retired Specialty, say)."""
    for path in renewal_paths(catalog.get(validity.certification_id), catalog):
        if path.kind is RenewalKind.EXAM and path.certification_id is not None:
            return path.certification_id
    raise ValueError(f"no exam renews {validity.certification_id!r} any more")


def add_renewal(
    plan: StudyPlan, schedule: Schedule, certification_id: str, before: date
) -> StudyPlan:
    """A copy of ``plan`` with a planned exam for ``certification_id`` that falls on or
    before ``before`` (the expiry it must beat), which also becomes the entry's deadline.

    It goes at the latest position that is still in time, so that the fewest planned exams
    move; if no position is in time, it goes first. ``schedule`` must come from
    ``schedule_plan`` (it carries the catalog the plan is scheduled with, and the day it was
    re-planned from).
    """
    catalog = schedule.catalog
    if catalog is None:
        raise ValueError("the schedule does not say which catalog it was computed with")
    catalog.get(certification_id)  # KeyError for a certification the catalog lacks
    entry = PlanEntry(
        certification_id=certification_id,
        deadline=min(before, LATEST_DATE),  # an expiry may lie past what a plan date holds
        notes=_(
            "Added as a renewal: to pass by {date}, when the certification it renews expires."
        ).format(date=format_day(before)),
    )

    def with_entry_at(position: int) -> StudyPlan:
        copy = plan.model_copy(deep=True)
        copy.entries.insert(position, entry.model_copy())
        return copy

    def in_time(position: int) -> bool:
        candidate = with_entry_at(position)
        exam = schedule_plan(candidate, catalog, schedule.today).entries[position].exam_date
        return exam is not None and exam <= before

    # The new exam's date only grows as it moves down the plan, so the last position in
    # time is found by bisection instead of scheduling every position.
    positions = list(range(len(plan.entries) + 1))
    late = bisect_right(positions, False, key=lambda p: not in_time(p))
    return with_entry_at(max(late - 1, 0))


def path_text(path: RenewalPath) -> str:
    """One renewal path as a sentence names it: 'DVA-C02', 'assumed: DOP-C02', 'AWS Cloud
    Quest: Recertify Cloud Practitioner (free, no exam)', 'Maintain for 1 more year (AWS Skill
    Builder; price not published)'."""
    if path.kind is RenewalKind.EXAM:
        text = path.code or path.name
    elif path.cost_usd == 0:
        text = _("{name} (free, no exam)").format(name=path.name)
    elif path.cost_usd is None:
        text = _("{name} (price not published)").format(name=path.name)
    else:
        text = _("{name} ({fee})").format(name=path.name, fee=format_fee(path.cost_usd))
    return assumed_text(text, path.assumed)
