"""What a catalog update would change, and what that means for a plan, worked out before
anything changes: the user reviews this, then applies the update or not.

Pure functions of two catalogs (and a plan, its schedule and "today"): the command line's
``catalog diff`` and the *Update Catalog* dialog show the same result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from studyplanner.domain.catalog import Catalog, Certification, LifecycleStatus
from studyplanner.domain.plan import EntryStatus, StudyPlan
from studyplanner.domain.schedule import Schedule, schedule_plan
from studyplanner.domain.wording import format_day, format_fee
from studyplanner.domain.wording_languages import languages_text
from studyplanner.i18n import N_, _


class ChangeKind(StrEnum):
    """The groups a diff is shown in, in the order they are shown."""

    ADDED = "added"
    RETIRED = "retired"
    REMOVED = "removed"
    NEW_VERSION = "new_version"
    EXAM_FACTS = "exam_facts"
    DOMAINS = "domains"
    LANGUAGES = "languages"
    RENEWAL = "renewal"
    HOURS = "hours"
    WORDING = "wording"

    @property
    def heading(self) -> str:
        return _(_HEADINGS[self])


_HEADINGS = {
    ChangeKind.ADDED: N_("Exams added"),
    ChangeKind.RETIRED: N_("Exams retired or replaced"),
    ChangeKind.REMOVED: N_("No longer in the catalog"),
    ChangeKind.NEW_VERSION: N_("New exam versions"),
    ChangeKind.EXAM_FACTS: N_("Exam facts changed"),
    ChangeKind.DOMAINS: N_("Exam domains changed"),
    ChangeKind.LANGUAGES: N_("Exam languages changed"),
    ChangeKind.RENEWAL: N_("Renewal rules changed"),
    ChangeKind.HOURS: N_("Hour estimates changed"),
    ChangeKind.WORDING: N_("Wording only"),
}


@dataclass(frozen=True)
class CatalogChange:
    """One fact an update changes: ``old`` and ``new`` are plain JSON values. An exam domain's
    change has the field ``domains`` and the domain before and after (``{number, name,
    weight}``, ``None`` where it was added or removed)."""

    kind: ChangeKind
    id: str
    code: str
    field: str | None = None
    old: Any = None
    new: Any = None

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "id": self.id,
            "code": self.code,
            "field": self.field,
            "old": self.old,
            "new": self.new,
        }


# Which group a changed field belongs to; any field not named here is wording.
_EXAM_FACTS = (
    "exam.fee_usd",
    "exam.minutes",
    "exam.questions",
    "exam.passing_score",
    "exam.question_types",
    "recommended_experience",
    "expected_aws_years",
    "expected_field_years",
    "recommended_prior",
)
_RENEWAL = ("validity_years", "renewal_options", "renewal_list_assumed")
_HOURS = ("hours.low", "hours.typical", "hours.high")
_LANGUAGES = (
    "exam_languages",
    "exam_languages_source",
    "exam_languages_as_of",
    "exam_languages_assumed",
)
_SEEN_ELSEWHERE = ("id", "code", "previous_codes", "lifecycle", "exam", "hours", "domains")


def _plain(cert: Certification) -> dict[str, Any]:
    data: dict[str, Any] = cert.model_dump(mode="json")
    for group in ("exam", "hours"):
        for key, value in data.pop(group).items():
            data[f"{group}.{key}"] = value
    return data


def diff_catalogs(old: Catalog, new: Catalog) -> list[CatalogChange]:
    """Every change from ``old`` to ``new``, grouped by kind (in ``ChangeKind`` order), then in
    the new catalog's order of certifications, then by field."""
    changes: list[CatalogChange] = []
    for cert in new.known:
        if cert.id not in old or old.is_unknown(cert.id):
            changes.append(CatalogChange(ChangeKind.ADDED, cert.id, cert.code, new=cert.name))
            continue
        before = old.get(cert.id)
        changes.extend(_lifecycle_changes(before, cert))
        if before.code != cert.code:
            changes.append(
                CatalogChange(
                    ChangeKind.NEW_VERSION, cert.id, cert.code, "code", before.code, cert.code
                )
            )
        elif before.previous_codes != cert.previous_codes:
            changes.append(
                CatalogChange(
                    ChangeKind.NEW_VERSION,
                    cert.id,
                    cert.code,
                    "previous_codes",
                    before.previous_codes,
                    cert.previous_codes,
                )
            )
        changes.extend(_domain_changes(before, cert))
        old_fields, new_fields = _plain(before), _plain(cert)
        for name in sorted(set(old_fields) | set(new_fields)):
            if name in _SEEN_ELSEWHERE or old_fields.get(name) == new_fields.get(name):
                continue
            changes.append(
                CatalogChange(
                    _kind_of_field(name),
                    cert.id,
                    cert.code,
                    name,
                    old_fields.get(name),
                    new_fields.get(name),
                )
            )
    for cert in old.known:
        if cert.id not in new or new.is_unknown(cert.id):
            changes.append(CatalogChange(ChangeKind.REMOVED, cert.id, cert.code, old=cert.name))
    order = list(ChangeKind)
    return sorted(changes, key=lambda change: order.index(change.kind))  # stable within a kind


def _domain_changes(before: Certification, after: Certification) -> list[CatalogChange]:
    """The exam guide's domains, one change per domain: the same domain (by name) with a new
    weight or number, a domain renamed (same number, a name the old guide lacks), added or
    dropped. In the new guide's order, then the dropped ones."""
    old = [d.model_dump(mode="json") for d in before.domains]
    new = [d.model_dump(mode="json") for d in after.domains]
    if old == new:
        return []

    def key(domain: dict[str, Any]) -> str:
        return str(domain["name"]).strip().casefold()

    old_by_name = {key(d): d for d in old}
    new_names = {key(d) for d in new}
    unmatched_old = {d["number"]: d for d in old if key(d) not in new_names}
    changes = []
    for domain in new:
        was = old_by_name.get(key(domain)) or unmatched_old.pop(domain["number"], None)
        if was != domain:
            changes.append(
                CatalogChange(ChangeKind.DOMAINS, after.id, after.code, "domains", was, domain)
            )
    for was in unmatched_old.values():
        changes.append(CatalogChange(ChangeKind.DOMAINS, after.id, after.code, "domains", was))
    return changes


def _kind_of_field(name: str) -> ChangeKind:
    if name in _EXAM_FACTS:
        return ChangeKind.EXAM_FACTS
    if name in _RENEWAL:
        return ChangeKind.RENEWAL
    if name in _HOURS:
        return ChangeKind.HOURS
    if name in _LANGUAGES:
        return ChangeKind.LANGUAGES
    return ChangeKind.WORDING


def _lifecycle_changes(before: Certification, after: Certification) -> list[CatalogChange]:
    old, new = before.lifecycle, after.lifecycle
    if old == new:
        return []
    if new.status is not LifecycleStatus.ACTIVE and (
        old.status is not new.status or old.ends_on != new.ends_on
    ):
        return [
            CatalogChange(
                ChangeKind.RETIRED,
                after.id,
                after.code,
                "lifecycle",
                old.model_dump(mode="json"),
                new.model_dump(mode="json"),
            )
        ]
    before_fields, after_fields = old.model_dump(mode="json"), new.model_dump(mode="json")
    changes = []
    for name in sorted(after_fields):
        if before_fields[name] == after_fields[name]:
            continue
        if name == "since" and before.code != after.code:
            continue  # the first day of the new version: said with the new version
        changes.append(
            CatalogChange(
                ChangeKind.WORDING,
                after.id,
                after.code,
                f"lifecycle.{name}",
                before_fields[name],
                after_fields[name],
            )
        )
    return changes


def describe_change(change: CatalogChange, new: Catalog) -> str:
    """One line for a person: what changed, in the words of the group it is shown under."""
    kind = change.kind
    if kind is ChangeKind.ADDED:
        return _("{code} {name}: new").format(code=change.code, name=change.new)
    if kind is ChangeKind.REMOVED:
        return _("{code} {name}: no longer listed; plans naming it show it as unknown").format(
            code=change.code, name=change.old
        )
    if kind is ChangeKind.RETIRED:
        life = new.get(change.id).lifecycle
        successor = life.replaced_by
        text = (
            _("{code}: retiring, last day {day}")
            if life.status is LifecycleStatus.RETIRING
            else _("{code}: retired on {day}")
        ).format(code=change.code, day=format_day(life.ends_on) if life.ends_on else "?")
        if successor and successor in new:
            text += "; " + _("replaced by {code}").format(code=new.get(successor).code)
        return text
    if kind is ChangeKind.NEW_VERSION:
        if change.field == "code":
            since = new.get(change.id).lifecycle.since
            if since is not None:
                return _("{old} becomes {new} from {day}").format(
                    old=change.old, new=change.new, day=format_day(since)
                )
            return _("{old} becomes {new}").format(old=change.old, new=change.new)
        return _("{code}: earlier codes now {codes}").format(
            code=change.code, codes=", ".join(change.new) or "–"
        )
    if change.field == "exam.fee_usd":
        return _("{code}: fee {old} → {new}").format(
            code=change.code, old=format_fee(change.old), new=format_fee(change.new)
        )
    if kind is ChangeKind.DOMAINS:
        return _describe_domain(change)
    if change.field == "domains_source":
        return _("{code}: where the domains were read: {old} → {new}").format(
            code=change.code, old=_short(change.old), new=_short(change.new)
        )
    if change.field == "domains_as_of":
        return _("{code}: domains read on {old} → {new}").format(
            code=change.code, old=_day_or_dash(change.old), new=_day_or_dash(change.new)
        )
    if change.field == "domains_assumed":
        return (
            _("{code}: domains now assumed, not read in this exam's own guide")
            if change.new
            else _("{code}: domains now read in this exam's own guide")
        ).format(code=change.code)
    if kind is ChangeKind.LANGUAGES:
        return _describe_languages(change)
    if change.field == "renewal_options":
        return _("{code}: {field} changed").format(code=change.code, field=change.field)
    return _("{code}: {field} {old} → {new}").format(
        code=change.code, field=change.field, old=_short(change.old), new=_short(change.new)
    )


def _describe_languages(change: CatalogChange) -> str:
    """An exam's languages: the ones added and dropped by name, or where and when they were
    read, or whether they are assumed."""
    if change.field == "exam_languages":
        old, new = list(change.old or []), list(change.new or [])
        added = [code for code in new if code not in old]
        dropped = [code for code in old if code not in new]
        parts = []
        if added:
            parts.append(_("now also in {languages}").format(languages=languages_text(added)))
        if dropped:
            parts.append(_("no longer in {languages}").format(languages=languages_text(dropped)))
        if not parts:  # the same languages, listed in another order
            parts.append(_("the same languages, listed in another order"))
        return _("{code}: {what}").format(code=change.code, what="; ".join(parts))
    if change.field == "exam_languages_source":
        return _("{code}: where the languages were read: {old} → {new}").format(
            code=change.code, old=_short(change.old), new=_short(change.new)
        )
    if change.field == "exam_languages_as_of":
        return _("{code}: languages read on {old} → {new}").format(
            code=change.code, old=_day_or_dash(change.old), new=_day_or_dash(change.new)
        )
    return (
        _("{code}: languages now assumed, not read on AWS's own page")
        if change.new
        else _("{code}: languages now read on AWS's own page")
    ).format(code=change.code)


def _describe_domain(change: CatalogChange) -> str:
    """'SAA-C03: domain 2 Design Resilient Architectures 26 % → 28 %', and the like for a
    domain renamed, renumbered, added or dropped."""
    old, new = change.old, change.new
    if old is None:
        return _("{code}: domain {number} {name} ({weight} %) added").format(
            code=change.code, number=new["number"], name=new["name"], weight=new["weight"]
        )
    if new is None:
        return _("{code}: domain {number} {name} ({weight} %) dropped").format(
            code=change.code, number=old["number"], name=old["name"], weight=old["weight"]
        )
    weight = _("{old} % → {new} %").format(old=old["weight"], new=new["weight"])
    if old["name"] == new["name"] and old["number"] == new["number"]:
        return _("{code}: domain {number} {name} {weight}").format(
            code=change.code, number=old["number"], name=old["name"], weight=weight
        )
    if old["name"] != new["name"]:
        text = _("{code}: domain {number} {old} renamed {new}").format(
            code=change.code, number=old["number"], old=old["name"], new=new["name"]
        )
    else:
        text = _("{code}: domain {number} {name}").format(
            code=change.code, number=old["number"], name=old["name"]
        )
    if old["number"] != new["number"]:
        text += ", " + _("now domain {number}").format(number=new["number"])
    if old["weight"] != new["weight"]:
        text += ", " + weight
    return text


def _day_or_dash(value: Any) -> str:
    return format_day(date.fromisoformat(value)) if value else "–"


def _short(value: Any) -> str:
    if value is None or value == "":
        return "–"
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


class ImpactKind(StrEnum):
    RETIRED_BEFORE_EXAM = "retired_before_exam"
    NEW_VERSION_BEFORE_EXAM = "new_version_before_exam"
    FEE = "fee"
    VALIDITY = "validity"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PlanImpact:
    """How an update touches one exam of one plan."""

    plan: str
    certification_id: str
    kind: ImpactKind
    message: str
    replacement: str | None = None
    """For an exam retired before its date: the certification to plan instead."""

    def as_json(self) -> dict[str, Any]:
        return {
            "plan": self.plan,
            "id": self.certification_id,
            "kind": self.kind.value,
            "message": self.message,
            "replacement": self.replacement,
        }


def impacts_on(plan: StudyPlan, old: Catalog, new: Catalog, today: date) -> list[PlanImpact]:
    """What applying ``new`` in place of ``old`` does to ``plan``, scheduled with ``old`` as of
    ``today`` (see ``plan_impacts``). Raises ``ScheduleError`` for a plan that cannot be
    scheduled, and ``KeyError`` for one naming a certification ``old`` lacks."""
    return plan_impacts(plan.name, schedule_plan(plan, old, today=today), old, new, today)


def plan_impacts(
    plan_name: str, schedule: Schedule, old: Catalog, new: Catalog, today: date
) -> list[PlanImpact]:
    """What applying ``new`` in place of ``old`` does to the plan ``schedule`` was worked out
    for (with ``old``): exams retired before their date, new exam versions before the exam,
    fees in the budget, validities of what is held. ``today`` decides what is still ahead."""
    impacts: list[PlanImpact] = []
    for item in schedule.entries:
        cert_id = item.entry.certification_id
        if cert_id not in new or new.is_unknown(cert_id):
            if not old.is_unknown(cert_id):
                impacts.append(_unknown(plan_name, cert_id))
            continue
        before, after = old.get(cert_id), new.get(cert_id)
        passed = item.entry.status is EntryStatus.PASSED
        exam_day = item.entry.pinned_exam_date or item.exam_date
        if passed:
            impact = _validity(plan_name, before, after)
            if impact:
                impacts.append(impact)
            continue
        if exam_day is not None and exam_day >= today:
            if after.retired_by(exam_day) and not before.retired_by(exam_day):
                successor = after.lifecycle.replaced_by
                successor_code = new.get(successor).code if successor and successor in new else None
                message = _("{code} retires before your exam on {day}").format(
                    code=after.code, day=format_day(exam_day)
                )
                if successor_code:
                    message += "; " + _("plan {code} instead").format(code=successor_code)
                impacts.append(
                    PlanImpact(
                        plan_name,
                        cert_id,
                        ImpactKind.RETIRED_BEFORE_EXAM,
                        message,
                        successor if successor and successor in new else None,
                    )
                )
            if before.code != after.code:
                starts = after.lifecycle.since
                if starts is None or starts <= exam_day:
                    message = _("your exam on {day} will be {code}").format(
                        day=format_day(exam_day), code=after.code
                    )
                else:
                    message = _(
                        "your exam on {day} is still {old}; {new} starts on {start}"
                    ).format(
                        day=format_day(exam_day),
                        old=before.code,
                        new=after.code,
                        start=format_day(starts),
                    )
                impacts.append(
                    PlanImpact(plan_name, cert_id, ImpactKind.NEW_VERSION_BEFORE_EXAM, message)
                )
        own = item.entry.own_fee
        if before.exam.fee_usd != after.exam.fee_usd and not item.entry.paid_by_other:
            if own is None:
                message = _("{code}: the budget's fee goes from {old} to {new}").format(
                    code=after.code,
                    old=format_fee(before.exam.fee_usd),
                    new=format_fee(after.exam.fee_usd),
                )
            else:
                message = _(
                    "{code}: list price {old} → {new}; the budget keeps your fee, {own}"
                ).format(
                    code=after.code,
                    old=format_fee(before.exam.fee_usd),
                    new=format_fee(after.exam.fee_usd),
                    own=format_fee(own.amount, own.currency),
                )
            impacts.append(PlanImpact(plan_name, cert_id, ImpactKind.FEE, message))
    for held in schedule.plan.held:
        if held.certification_id not in new:
            if not old.is_unknown(held.certification_id):
                impacts.append(_unknown(plan_name, held.certification_id))
        elif held.certification_id in old:
            impact = _validity(
                plan_name, old.get(held.certification_id), new.get(held.certification_id)
            )
            if impact:
                impacts.append(impact)
    return impacts


def _unknown(plan_name: str, cert_id: str) -> PlanImpact:
    return PlanImpact(
        plan_name,
        cert_id,
        ImpactKind.UNKNOWN,
        _("{id} is not in the update: the plan keeps it, shown as unknown").format(id=cert_id),
    )


def _validity(plan_name: str, before: Certification, after: Certification) -> PlanImpact | None:
    if before.validity_years != after.validity_years:
        message = _("{code}: valid for {new} years instead of {old}").format(
            code=after.code, old=before.validity_years, new=after.validity_years
        )
    elif before.renewal_options != after.renewal_options:
        message = _("{code}: the ways to renew it change").format(code=after.code)
    else:
        return None
    return PlanImpact(plan_name, after.id, ImpactKind.VALIDITY, message)
