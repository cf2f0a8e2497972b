"""Catalog releases: which of two catalogs is newer, and the stricter checks an update file
must pass before it may replace the facts the app plans with.

A catalog the app ships was checked by its makers; an update comes from anywhere (a mail, a
download, a copy on a stick), so it is read as strict JSON and checked for everything that
would make the app's advice wrong rather than merely odd: duplicate ids or exam codes, names of
certifications it does not hold, dates that cannot be, a version that is not newer.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from studyplanner.domain.catalog import (
    CATALOG_SCHEMA_VERSION,
    Catalog,
    CatalogError,
    _describe_location,
)

MAX_UPDATE_BYTES = 5 * 1024 * 1024
"""The bundled catalog is about 60 KB; an update many times that size is not a catalog."""

_VERSION = r"^(\d{4})\.(\d{2})\.(\d{2})(?:\.(\d{1,3}))?$"
"""A release number: compiled when first compared (re keeps it), not at every start."""

VersionKey = tuple[int, int, int, int]


def version_key(version: str) -> VersionKey:
    """``2026.12.07`` as ``(2026, 12, 7, 0)`` and ``2026.12.07.2`` as ``(2026, 12, 7, 2)``,
    so that releases compare in the order they were made. Raises ``ValueError`` for text that
    is not a release of a real day."""
    match = re.match(_VERSION, version)
    if match is None:
        raise ValueError(f"catalog_version {version!r} is not in YYYY.MM.DD or YYYY.MM.DD.N form")
    year, month, day, number = match.groups()
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(f"catalog_version {version!r} names no real day") from None
    return int(year), int(month), int(day), int(number or 0)


def is_newer(candidate: Catalog, than: Catalog) -> bool:
    """Whether ``candidate`` is a later release than ``than``; a catalog without a version
    (a copy made by hand before releases were numbered) is older than any release."""
    try:
        mine = version_key(candidate.catalog_version) if candidate.catalog_version else None
    except ValueError:
        mine = None
    try:
        theirs = version_key(than.catalog_version) if than.catalog_version else None
    except ValueError:
        theirs = None
    if mine is None:
        return False
    return theirs is None or mine > theirs


def version_label(catalog: Catalog) -> str:
    """The release as the user sees it, or a word for a catalog that has none."""
    return catalog.catalog_version or "unversioned"


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"the key {key!r} appears twice in one object")
        seen[key] = value
    return seen


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_update(text: str, path: Path, *, today: date) -> Catalog:
    """An update file's text as a catalog, or ``CatalogError`` with one line saying what is
    wrong (and where). Stricter than the bundled catalog's loading: see the module's text."""
    try:
        raw = json.loads(
            text, object_pairs_hook=_refuse_duplicate_keys, parse_constant=_refuse_constant
        )
    except json.JSONDecodeError as exc:
        truncated = exc.msg.startswith("Unterminated") or exc.pos >= len(text.rstrip())
        hint = " (the file looks truncated)" if truncated else ""
        raise CatalogError(
            path, f"not valid JSON (line {exc.lineno}, column {exc.colno}){hint}"
        ) from exc
    except RecursionError as exc:
        raise CatalogError(path, "nested too deeply to be a catalog") from exc
    except MemoryError as exc:
        raise CatalogError(path, "too large to read into memory") from exc
    except ValueError as exc:  # a repeated key, NaN, or a number too long to convert
        raise CatalogError(path, f"not strict JSON: {exc}") from exc
    if not isinstance(raw, dict):
        raise CatalogError(path, "does not hold a catalog (expected a JSON object)")
    version = raw.get("schema_version")
    if (
        isinstance(version, int)
        and not isinstance(version, bool)
        and version > CATALOG_SCHEMA_VERSION
    ):
        raise CatalogError(
            path,
            f"catalog schema_version {version} is newer than this app understands "
            f"({CATALOG_SCHEMA_VERSION}); update StudyPlanner",
        )
    try:
        catalog = Catalog.model_validate(raw, strict=False)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _describe_location(raw, tuple(first["loc"]))
        raise CatalogError(path, f"{where}: {first['msg']}") from exc
    except RecursionError as exc:
        raise CatalogError(path, "nested too deeply to be a catalog") from exc
    _refuse_numbers_that_are_not(raw, path)
    problem = release_problem(catalog, today=today)
    if problem:
        raise CatalogError(path, problem)
    return catalog


def _refuse_numbers_that_are_not(raw: dict[str, Any], path: Path) -> None:
    """JSON ``true`` or ``"90"`` where a count of minutes belongs: pydantic would take them
    as 1 and 90, an update must say what it means."""
    for index, cert in enumerate(raw.get("certifications") or []):
        exam = cert.get("exam") if isinstance(cert, dict) else None
        hours = cert.get("hours") if isinstance(cert, dict) else None
        for group_name, group in (("exam", exam), ("hours", hours)):
            if not isinstance(group, dict):
                continue
            for key, value in group.items():
                if key == "question_types":
                    continue
                if isinstance(value, bool) or not isinstance(value, int | float):
                    where = _describe_location(raw, ("certifications", index, group_name, key))
                    raise CatalogError(path, f"{where}: not a number")


def release_problem(catalog: Catalog, *, today: date) -> str | None:
    """What makes ``catalog`` unfit to be an update, in one line; None when it is fit."""
    if catalog.catalog_version is None:
        return "has no 'catalog_version', so it cannot be told apart from the catalog in use"
    if catalog.published is None:
        return "has no 'published' date"
    try:
        version_key(catalog.catalog_version)
    except ValueError as exc:
        return str(exc)
    if catalog.published > today + timedelta(days=1):
        return f"says it was published on {catalog.published}, after today ({today})"
    codes: dict[str, str] = {}
    ids = {cert.id for cert in catalog}
    for cert in catalog:
        for code in (cert.code, *cert.previous_codes):
            other = codes.get(code)
            if other is not None and other != cert.id:
                return f"exam code {code} belongs to both {other!r} and {cert.id!r}"
            if other == cert.id and code != cert.code:
                return f"{cert.id!r} lists exam code {code} twice"
            codes[code] = cert.id
        for ref in cert.renewed_by:
            if ref not in ids:
                return f"{cert.id!r} is renewed by unknown certification {ref!r}"
        life = cert.lifecycle
        if life.since and life.ends_on and life.ends_on < life.since:
            return f"{cert.id!r} ends on {life.ends_on}, before it began ({life.since})"
        if cert.as_of > catalog.published:
            return f"{cert.id!r} was checked on {cert.as_of}, after the catalog was published"
    return None


def update_problem(update: Catalog, active: Catalog) -> str | None:
    """Why ``update`` may not replace ``active``: only a later release may."""
    if is_newer(update, active):
        return None
    return (
        f"catalog {version_label(update)} is not newer than the one in use "
        f"({version_label(active)}); nothing was changed"
    )
