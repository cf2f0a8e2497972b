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
    model_validator,
)

from studyplanner.domain.roles import ExperienceField
from studyplanner.i18n import N_, _

CATALOG_SCHEMA_VERSION = 1

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
    model_config = ConfigDict(extra="forbid", frozen=True)


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

    @model_validator(mode="after")
    def _end_date_when_not_active(self) -> Self:
        if self.status is not LifecycleStatus.ACTIVE and self.ends_on is None:
            raise ValueError(f"a {self.status.value} certification needs 'ends_on'")
        return self


class FieldExperience(_Strict):
    """Years in a line of work an exam guide recommends, besides the years on AWS."""

    field: ExperienceField
    years: float = Field(gt=0, le=20)


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
        default_factory=list, description="Codes of earlier versions of the same exam"
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
        default_factory=list, description="Certifications recommended before this one"
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
        default_factory=list, description="Where the recommended path leads (ladder arrows)"
    )
    lifecycle: Lifecycle = Field(default_factory=Lifecycle)
    validity_years: int = Field(default=3, ge=1, le=10)
    renewed_by: list[Slug] = Field(
        default_factory=list,
        description="Other certifications whose exam, when passed, renews this one while it is "
        "still valid (this certification's own current exam always does)",
    )
    renewal_source: str = Field(
        default="", description="Where the renewal rule comes from, and when it was read"
    )
    source: str = Field(min_length=3)
    as_of: date

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
    certifications: list[Certification] = Field(min_length=1)
    _by_id: dict[str, Certification] = PrivateAttr(default_factory=dict)
    """Lookups by id: every pane asks for certifications on every edit, many per plan row."""

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
