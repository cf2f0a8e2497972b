"""The certification catalog: what each AWS exam is, what it costs and how long it takes.

The catalog is data (``catalog/certifications.json``); these models validate it on load so a
broken file is reported by file, certification and field instead of failing somewhere later.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from studyplanner.domain.defaults import empty_list
from studyplanner.domain.roles import ExperienceField
from studyplanner.domain.wording_languages import EXAM_LANGUAGE_NAMES
from studyplanner.i18n import N_, _

CATALOG_SCHEMA_VERSION = 2
"""2: renewal paths as ``renewal_options`` with their certainty (1 had a bare ``renewed_by``
list of certification ids, still read: see ``Certification._from_version_1``)."""

CATALOG_VERSION_PATTERN = r"^\d{4}\.\d{2}\.\d{2}(\.\d{1,3})?$"
"""A catalog release: the day it was made, and a number when one day had more than one."""

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=2, max_length=64)]


class Tier(StrEnum):
    """The AWS proficiency levels; Specialty sits beside the linear path."""

    FOUNDATIONAL = "foundational"
    ASSOCIATE = "associate"
    PROFESSIONAL = "professional"
    SPECIALTY = "specialty"

    @property
    def label(self) -> str:
        return _(_TIER_LABELS[self])


_TIER_LABELS = {
    Tier.FOUNDATIONAL: N_("Foundational"),
    Tier.ASSOCIATE: N_("Associate"),
    Tier.PROFESSIONAL: N_("Professional"),
    Tier.SPECIALTY: N_("Specialty"),
}


class LifecycleStatus(StrEnum):
    ACTIVE = "active"
    RETIRING = "retiring"
    RETIRED = "retired"


class _Strict(BaseModel):
    # Validators are built when first used: reading a catalog builds one for all of it, and
    # the parts (an exam's facts, its domains) never need one of their own at a start.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class ExamFacts(_Strict):
    """Published facts about the exam itself."""

    minutes: int = Field(gt=0, le=600)
    questions: int = Field(gt=0, le=200)
    question_types: list[str] = Field(min_length=1)
    fee_usd: int = Field(ge=0, le=2000)
    passing_score: int = Field(ge=100, le=1000, description="Scaled score out of 1000")


class StudyHours(_Strict):
    """Commonly cited study-hour range for someone with the recommended experience."""

    low: int = Field(gt=0, le=2000)
    typical: int = Field(gt=0, le=2000)
    high: int = Field(gt=0, le=2000)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if not self.low <= self.typical <= self.high:
            raise ValueError("study hours must satisfy low <= typical <= high")
        return self


class Lifecycle(_Strict):
    """Whether the exam can still be booked, and until when."""

    status: LifecycleStatus = LifecycleStatus.ACTIVE
    since: date | None = Field(default=None, description="First day the exam was offered")
    ends_on: date | None = Field(
        default=None, description="Last day (retiring) or the day it was withdrawn (retired)"
    )
    replaced_by: Slug | None = None
    renamed: bool = Field(
        default=False,
        description="The successor is the same credential under a new name (SysOps became "
        "CloudOps): a holder keeps one credential, renewed by the successor's exam",
    )

    @model_validator(mode="after")
    def _end_date_when_not_active(self) -> Self:
        if self.status is not LifecycleStatus.ACTIVE and self.ends_on is None:
            raise ValueError(f"a {self.status.value} certification needs 'ends_on'")
        if self.renamed and self.replaced_by is None:
            raise ValueError("a renamed certification needs 'replaced_by' (its new name)")
        return self


class RenewalKind(StrEnum):
    """How a certification can be kept valid, as AWS's recertification page lists it."""

    EXAM = "exam"
    """Passing an exam (its own latest version, or another that AWS lets renew it)."""
    TRAINING = "training"
    """A course that renews without an exam (AWS Cloud Quest for Cloud Practitioner)."""
    MAINTAIN = "maintain"
    """Skill Builder activities that add one year instead of renewing for three."""


class RenewalOption(_Strict):
    """One way to renew a certification other than its own latest exam (which always does),
    with how sure the catalog is of it and where that comes from."""

    kind: RenewalKind
    certification: Slug | None = Field(
        default=None, description="For an exam: the certification whose exam renews this one"
    )
    name: str | None = Field(
        default=None, min_length=3, max_length=120, description="For training or maintain"
    )
    cost_usd: int | None = Field(
        default=None,
        ge=0,
        le=2000,
        description="What it costs; for an exam None means that exam's fee; otherwise None "
        "means AWS publishes no price",
    )
    hours: float | None = Field(
        default=None,
        gt=0,
        le=2000,
        description="Effort; for an exam None means that exam's study estimate; otherwise "
        "None means unknown",
    )
    hours_assumed: bool = Field(
        default=False, description="The hours are StudyPlanner's estimate, not AWS's figure"
    )
    extends_years: int = Field(default=3, ge=1, le=10)
    assumed: bool = Field(
        default=False,
        description="AWS text read for the catalog does not confirm that this renews it",
    )
    source: str = Field(default="", max_length=600)

    @model_validator(mode="after")
    def _names_what_it_is(self) -> Self:
        if self.kind is RenewalKind.EXAM and self.certification is None:
            raise ValueError("an exam renewal option needs 'certification'")
        if self.kind is not RenewalKind.EXAM and self.name is None:
            raise ValueError(f"a {self.kind.value} renewal option needs 'name'")
        if self.assumed and not self.source:
            raise ValueError("an assumed renewal option needs 'source' (why it is assumed)")
        return self


class FieldExperience(_Strict):
    """Years in a line of work an exam guide recommends, besides the years on AWS."""

    field: ExperienceField
    years: float = Field(gt=0, le=20)


class ExamDomain(_Strict):
    """One content domain of an exam guide (SAA-C03's "Design Secure Architectures", 30 %):
    the part of the exam a learner can study, practise and be scored on by itself."""

    number: int = Field(ge=1, le=20, description="Its number in the exam guide, from 1")
    name: str = Field(
        min_length=1, max_length=120, description="As AWS writes it; data, not translated"
    )
    weight: int = Field(gt=0, le=100, description="Percent of the exam's scored content")

    @field_validator("name")
    @classmethod
    def _has_words(cls, name: str) -> str:
        if not name.strip():
            raise ValueError("a domain needs a name")
        return name


def _check_domains(domains: list[ExamDomain]) -> list[ExamDomain]:
    """An exam's domains read in guide order, numbered 1..n, and share all of the exam."""
    if not domains:
        return domains  # a retired exam, or a user's catalog, may list none
    numbers = [d.number for d in domains]
    if numbers != list(range(1, len(domains) + 1)):
        listed = ", ".join(str(n) for n in numbers)
        raise ValueError(
            f"domains must be numbered 1 to {len(domains)} in exam-guide order, "
            f"each once (they are numbered {listed})"
        )
    names = [d.name.strip().casefold() for d in domains]
    if len(set(names)) != len(names):
        raise ValueError("two domains have the same name")
    total = sum(d.weight for d in domains)
    if total != 100:
        raise ValueError(f"domain weights must add up to 100 %, not {total} %")
    return domains


TIER_AWS_YEARS = {
    Tier.FOUNDATIONAL: 0.0,
    Tier.ASSOCIATE: 1.0,
    Tier.PROFESSIONAL: 2.0,
    Tier.SPECIALTY: 2.0,
}
"""Years on AWS each tier assumes (seed guide; AWS's Professional and Specialty guides ask for
2+ years), used when a catalog entry does not name its own figure."""


class Certification(_Strict):
    """One AWS certification as the catalog describes it."""

    id: Slug = Field(description="Stable id; unlike the exam code it survives new versions")
    code: str = Field(pattern=r"^[A-Z]{3}-C\d{2}$", description="Current exam code")
    previous_codes: list[str] = Field(
        default_factory=empty_list, description="Codes of earlier versions of the same exam"
    )
    name: str = Field(min_length=3, max_length=80)
    short_name: str = Field(min_length=2, max_length=28, description="Fits on a ladder card")
    tier: Tier
    focus: str = Field(min_length=10)
    audience: str = Field(min_length=10, description="Who it is for")
    key_services: list[str] = Field(min_length=1)
    exam: ExamFacts
    hours: StudyHours
    recommended_prior: list[Slug] = Field(
        default_factory=empty_list, description="Certifications recommended before this one"
    )
    recommended_experience: str = Field(min_length=3)
    expected_aws_years: float | None = Field(
        default=None,
        ge=0,
        le=20,
        description="Years of hands-on AWS work the exam guide recommends (default: the tier's)",
    )
    expected_field_years: FieldExperience | None = Field(
        default=None, description="Years in a field of work the exam guide recommends, if any"
    )
    next_steps: list[Slug] = Field(
        default_factory=empty_list, description="Where the recommended path leads (ladder arrows)"
    )
    lifecycle: Lifecycle = Field(default_factory=Lifecycle)
    validity_years: int = Field(default=3, ge=1, le=10)
    renewal_options: list[RenewalOption] = Field(
        default_factory=empty_list,
        description="Every way to renew it besides its own latest exam (which always does), "
        "while it is still valid",
    )
    renewal_list_assumed: bool = Field(
        default=False,
        description="AWS's list of renewal paths for it could not be read: that no other path "
        "exists is an assumption",
    )
    renewal_source: str = Field(
        default="", description="Where the renewal rule comes from, and when it was read"
    )
    source: str = Field(min_length=3)
    as_of: date
    domains: list[ExamDomain] = Field(
        default_factory=empty_list,
        description="The exam guide's content domains in guide order, weights summing to 100 "
        "(none for an exam the catalog has no guide for, such as a retired one)",
    )
    domains_source: str = Field(
        default="", max_length=600, description="The exam guide the domains come from"
    )
    domains_as_of: date | None = Field(default=None, description="When the domains were read")
    domains_assumed: bool = Field(
        default=False,
        description="The weights could not be read in a source: they are StudyPlanner's "
        "best-known figures",
    )
    exam_languages: list[str] = Field(
        default_factory=empty_list,
        max_length=len(EXAM_LANGUAGE_NAMES),
        description="Codes of the languages the exam can be taken in ('en', 'ja', 'pt-BR'); "
        "none when the catalog does not know (a retired exam, a user's catalog)",
    )
    exam_languages_source: str = Field(
        default="", max_length=600, description="Where the languages come from"
    )
    exam_languages_as_of: date | None = Field(
        default=None, description="When the languages were read"
    )
    exam_languages_assumed: bool = Field(
        default=False,
        description="The list is not from AWS's own page for the exam, or sources disagree",
    )

    @field_validator("exam_languages")
    @classmethod
    def _known_languages(cls, codes: list[str]) -> list[str]:
        unknown = [code for code in codes if code not in EXAM_LANGUAGE_NAMES]
        if unknown:
            raise ValueError(
                f"unknown exam language code {unknown[0]!r}; use one of "
                + ", ".join(EXAM_LANGUAGE_NAMES)
            )
        if len(set(codes)) != len(codes):
            raise ValueError("an exam language is listed twice")
        return codes

    @field_validator("domains")
    @classmethod
    def _domains_add_up(cls, domains: list[ExamDomain]) -> list[ExamDomain]:
        return _check_domains(domains)

    @model_validator(mode="after")
    def _domains_say_where_from(self) -> Self:
        if self.domains and (not self.domains_source or self.domains_as_of is None):
            raise ValueError(
                "exam domains need 'domains_source' and 'domains_as_of' (where and when "
                "they were read)"
            )
        if self.exam_languages and (
            not self.exam_languages_source or self.exam_languages_as_of is None
        ):
            raise ValueError(
                "exam languages need 'exam_languages_source' and 'exam_languages_as_of' "
                "(where and when they were read)"
            )
        return self

    @model_validator(mode="before")
    @classmethod
    def _from_version_1(cls, data: Any) -> Any:
        """A version-1 catalog listed other renewing exams as ``renewed_by`` ids with no word
        on certainty; they become exam options, as the catalog's author stated them."""
        if isinstance(data, dict) and "renewed_by" in data and "renewal_options" not in data:
            data = dict(data)
            ids = data.pop("renewed_by")
            if isinstance(ids, list):
                data["renewal_options"] = [{"kind": "exam", "certification": i} for i in ids]
            else:
                data["renewal_options"] = ids  # reported as a bad 'renewal_options'
        return data

    @property
    def renewed_by(self) -> tuple[str, ...]:
        """Other certifications whose exam renews this one while it is still valid."""
        return tuple(
            option.certification
            for option in self.renewal_options
            if option.kind is RenewalKind.EXAM and option.certification is not None
        )

    def exam_option(self, cert_id: str) -> RenewalOption | None:
        """The option by which ``cert_id``'s exam renews this certification (None for its own
        exam, which always does, or an exam that does not)."""
        for option in self.renewal_options:
            if option.kind is RenewalKind.EXAM and option.certification == cert_id:
                return option
        return None

    def renewal_assumed_by(self, cert_id: str) -> bool:
        """Whether it is only assumed that passing ``cert_id``'s exam renews this one."""
        if cert_id == self.id:
            return False  # AWS: the latest version of a certification's own exam renews it
        option = self.exam_option(cert_id)
        return option is None or option.assumed

    @property
    def aws_years(self) -> float:
        """Years on AWS recommended before this exam."""
        if self.expected_aws_years is not None:
            return self.expected_aws_years
        return TIER_AWS_YEARS[self.tier]

    @property
    def is_retired(self) -> bool:
        return self.lifecycle.status is LifecycleStatus.RETIRED

    def retired_by(self, day: date) -> bool:
        """True if the exam can no longer be taken on ``day``."""
        end = self.lifecycle.ends_on
        if self.lifecycle.status is LifecycleStatus.ACTIVE or end is None:
            return False
        if self.lifecycle.status is LifecycleStatus.RETIRED:
            return day >= end
        return day > end


class Catalog(_Strict):
    """All certifications, in display order, with lookups by id."""

    schema_version: int = Field(ge=1)
    catalog_version: str | None = Field(
        default=None,
        pattern=CATALOG_VERSION_PATTERN,
        description="Which release of the facts this is, YYYY.MM.DD or YYYY.MM.DD.N; a copy "
        "made by hand before releases were numbered has none",
    )
    published: date | None = Field(default=None, description="The day this release was made")
    certifications: list[Certification] = Field(min_length=1)
    _by_id: dict[str, Certification] = PrivateAttr(default_factory=dict)
    """Lookups by id: every pane asks for certifications on every edit, many per plan row."""
    _unknown: frozenset[str] = PrivateAttr(default_factory=frozenset)
    """Certifications this catalog does not hold, kept as placeholders (``with_unknown``)."""

    def model_post_init(self, context: Any, /) -> None:
        self._by_id = {cert.id: cert for cert in self.certifications}

    @model_validator(mode="after")
    def _references_resolve(self) -> Self:
        ids = [c.id for c in self.certifications]
        seen: set[str] = set()
        for cert_id in ids:
            if cert_id in seen:
                raise ValueError(f"duplicate certification id {cert_id!r}")
            seen.add(cert_id)
        for cert in self.certifications:
            # 'renewed_by' may name certifications a trimmed user catalog leaves out: such a
            # rule simply never applies, so it is not checked here (a test checks ours).
            refs = [*cert.recommended_prior, *cert.next_steps]
            if cert.id in cert.renewed_by:
                raise ValueError(
                    f"{cert.id!r} lists itself in 'renewed_by'; its own exam always renews it"
                )
            if cert.lifecycle.replaced_by:
                refs.append(cert.lifecycle.replaced_by)
            for ref in refs:
                if ref not in seen:
                    raise ValueError(f"{cert.id!r} refers to unknown certification {ref!r}")
        return self

    def with_unknown(self, last_known: list[Certification]) -> Catalog:
        """This catalog, plus a placeholder for each of ``last_known`` it lacks (certifications
        an earlier catalog had): a plan that names one still opens and loses nothing, and
        shows it as unknown, with its id, and no longer bookable."""
        missing = [cert for cert in last_known if cert.id not in self]
        if not missing:
            return self
        ends = self.published or max(cert.as_of for cert in missing)
        placeholders = [
            cert.model_copy(
                update={
                    "name": _("Unknown certification ({id})").format(id=cert.id)[:80],
                    "short_name": _("Unknown"),
                    "next_steps": [],
                    "recommended_prior": [],
                    "renewal_options": [],
                    "lifecycle": Lifecycle(status=LifecycleStatus.RETIRED, ends_on=ends),
                    "source": _("not in the catalog in use; last known facts"),
                }
            )
            for cert in missing
        ]
        catalog = self.model_copy(update={"certifications": [*self.certifications, *placeholders]})
        catalog.model_post_init(None)
        catalog._unknown = self._unknown | {cert.id for cert in missing}
        return catalog

    def is_unknown(self, cert_id: str) -> bool:
        """Whether ``cert_id`` is only a placeholder here (see ``with_unknown``)."""
        return cert_id in self._unknown

    @property
    def known(self) -> list[Certification]:
        """The certifications this catalog really holds, placeholders left out."""
        return [cert for cert in self.certifications if cert.id not in self._unknown]

    def __iter__(self) -> Iterator[Certification]:  # type: ignore[override]
        return iter(self.certifications)

    def __len__(self) -> int:
        return len(self.certifications)

    def __contains__(self, cert_id: object) -> bool:
        return isinstance(cert_id, str) and cert_id in self._by_id

    def get(self, cert_id: str) -> Certification:
        return self._by_id[cert_id]

    def by_tier(self, tier: Tier, *, include_retired: bool = True) -> list[Certification]:
        return [
            c
            for c in self.certifications
            if c.tier is tier and (include_retired or not c.is_retired)
        ]


class CatalogError(Exception):
    """A catalog file that cannot be used, with where the problem is."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def _describe_location(raw: Any, loc: tuple[int | str, ...]) -> str:
    """Turn a pydantic error location into 'certification X, field a.b'."""
    if len(loc) >= 2 and loc[0] == "certifications" and isinstance(loc[1], int):
        index = loc[1]
        cert_id = None
        with contextlib.suppress(KeyError, IndexError, TypeError, AttributeError):
            cert_id = raw["certifications"][index].get("id")
        who = f"certification {cert_id!r}" if cert_id else f"certification #{index + 1}"
        rest = ".".join(str(p) for p in loc[2:])
        return f"{who}, field {rest!r}" if rest else who
    return "field " + repr(".".join(str(p) for p in loc)) if loc else "top level"


def parse_catalog(text: str, path: Path) -> Catalog:
    """Validate catalog JSON text; errors name ``path``, the certification and the field."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogError(path, f"not valid JSON (line {exc.lineno}, column {exc.colno})") from exc
    except RecursionError as exc:
        raise CatalogError(path, "nested too deeply to be a catalog") from exc
    except ValueError as exc:  # an integer with more digits than Python will convert
        raise CatalogError(path, "holds a number too long to be part of a catalog") from exc
    except MemoryError as exc:
        raise CatalogError(path, "too large to read into memory") from exc
    try:
        catalog = Catalog.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _describe_location(raw, tuple(first["loc"]))
        raise CatalogError(path, f"{where}: {first['msg']}") from exc
    if catalog.schema_version > CATALOG_SCHEMA_VERSION:
        raise CatalogError(
            path,
            f"catalog schema_version {catalog.schema_version} is newer than this app "
            f"understands ({CATALOG_SCHEMA_VERSION}); update StudyPlanner",
        )
    return catalog


def load_catalog(path: Path) -> Catalog:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(path, f"cannot be read ({exc})") from exc
    return parse_catalog(text, path)
