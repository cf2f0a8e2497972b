"""Catalog updates in the data folder: importing one, going back to the previous catalog, and
going back to the one the app was built with.

The active update is ``catalog.json`` in the data folder (see ``catalog_source``). Whatever
it replaces is kept first in ``catalog-history/``: a copy of the update it replaced, or an
empty ``.bundled`` marker when the app was on its bundled catalog, so that *Revert* can always
put back exactly what was in use before. Every switch is one atomic replace (or removal) of
``catalog.json``: a crash leaves the old catalog or the new one, never half of either.
Plans are never rewritten: they are checked against the active catalog when shown.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studyplanner.bundled import bundled_path
from studyplanner.domain.catalog import Catalog, CatalogError, Certification
from studyplanner.domain.catalog_release import (
    MAX_UPDATE_BYTES,
    parse_update,
    update_problem,
    version_label,
)
from studyplanner.domain.plan import StudyPlan
from studyplanner.storage import paths
from studyplanner.storage.atomic import atomic_copy, atomic_write_bytes
from studyplanner.storage.catalog_source import (
    LoadedCatalog,
    active_catalog,
    bundled_catalog,
    load_user_catalog,
)
from studyplanner.storage.plan_files import PlanFileError, list_plans, load_plan
from studyplanner.storage.reading import (
    FileTooLargeError,
    NotARegularFileError,
    megabytes,
    read_regular_file,
)

if TYPE_CHECKING:
    from studyplanner.domain.catalog_diff import CatalogChange, PlanImpact

HISTORY_KEPT = 10
"""Catalogs kept for *Revert*: more than anyone steps back through, few enough to stay small."""

STALE_AFTER_DAYS = 365
"""A catalog this much older than today may well be wrong about fees, dates and versions."""

_log = logging.getLogger(__name__)


def history_dir() -> Path:
    return paths.data_dir() / "catalog-history"


def dropped_dir() -> Path:
    """Updates left by *Revert*: never used again, only read for the certifications they
    held, so that a plan naming one of those still opens."""
    return history_dir() / "reverted"


def _kept_catalogs(folder: Path) -> list[Path]:
    try:
        names = sorted(
            entry.name
            for entry in os.scandir(folder)
            if entry.name[:4].isdigit() and entry.name.endswith(".json")
        )
    except OSError:
        return []
    return [folder / name for name in names]


def load_app_catalog() -> LoadedCatalog:
    """The catalog in use (see ``catalog_source.active_catalog``), with placeholders for
    certifications an earlier catalog had and this one lacks, so that plans naming them still
    open."""
    return with_last_known(active_catalog())


def with_last_known(loaded: LoadedCatalog) -> LoadedCatalog:
    """``loaded`` with a placeholder for every certification the bundled catalog or a kept
    one has and the catalog in use lacks (see ``Catalog.with_unknown``), once the user has
    imported an update."""
    sources = [*_kept_catalogs(history_dir()), *_kept_catalogs(dropped_dir())]
    imported = bool(sources or _history())
    if not imported:
        # the usual start; or a catalog.json placed by hand, which is taken as it is
        return loaded
    last_known: dict[str, Certification] = {}
    catalogs: list[Catalog] = [] if loaded.origin == "bundled" else [bundled_catalog()]
    for path in sources:
        try:
            catalogs.append(load_user_catalog(path))
        except CatalogError as exc:
            _log.info("Kept catalog %s not read: %s", path, exc)
    for catalog in catalogs:
        for cert in catalog.known:
            if cert.id not in loaded.catalog:
                last_known[cert.id] = cert
    if not last_known:
        return loaded
    return replace(loaded, catalog=loaded.catalog.with_unknown(list(last_known.values())))


@dataclass(frozen=True)
class CatalogInfo:
    """Which catalog is in use: what ``catalog info`` prints and the About box says."""

    catalog_version: str | None
    published: date | None
    source: str
    """``"bundled"`` or ``"update"``."""
    path: Path

    def as_json(self) -> dict[str, Any]:
        return {
            "catalog_version": self.catalog_version,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "path": str(self.path),
        }

    def is_stale(self, today: date) -> bool:
        """More than 12 months older than ``today`` (by its publication date)."""
        return self.published is not None and (today - self.published).days > STALE_AFTER_DAYS


def catalog_info(loaded: LoadedCatalog) -> CatalogInfo:
    catalog = loaded.catalog
    bundled = loaded.origin == "bundled"
    return CatalogInfo(
        catalog_version=catalog.catalog_version,
        published=catalog.published,
        source="bundled" if bundled else "update",
        path=bundled_path("catalog", "certifications.json") if bundled else Path(loaded.origin),
    )


def read_update(path: Path, *, today: date) -> tuple[Catalog, bytes]:
    """An update file, read safely (a regular file of at most 5 MB, UTF-8, strict JSON) and
    checked (see ``catalog_release``): the catalog and the exact bytes to keep. Raises
    ``CatalogError`` with one line saying why it cannot be used."""
    try:
        data = read_regular_file(path, MAX_UPDATE_BYTES)
    except FileNotFoundError as exc:
        raise CatalogError(path, "does not exist") from exc
    except NotARegularFileError as exc:
        raise CatalogError(path, f"is {exc.kind}, not a catalog file") from exc
    except FileTooLargeError as exc:
        raise CatalogError(
            path,
            f"is {megabytes(exc.size)}, more than a catalog update may be "
            f"({megabytes(MAX_UPDATE_BYTES)})",
        ) from exc
    except OSError as exc:
        raise CatalogError(path, f"cannot be read ({exc.strerror or exc})") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogError(path, f"is not UTF-8 text (byte {exc.start})") from exc
    return parse_update(text, path, today=today), data


def check_update(path: Path, active: Catalog, *, today: date) -> tuple[Catalog, bytes]:
    """``read_update``, and refused unless it is newer than ``active``."""
    update, data = read_update(path, today=today)
    problem = update_problem(update, active)
    if problem:
        raise CatalogError(path, problem)
    return update, data


def _history() -> list[Path]:
    folder = history_dir()
    try:
        names = sorted(
            entry.name
            for entry in os.scandir(folder)
            if entry.name[:4].isdigit() and entry.name.endswith((".json", ".bundled"))
        )
    except OSError:
        return []
    return [folder / name for name in names]


def _push_current(loaded: LoadedCatalog) -> None:
    """Keep what is in use now, so *Revert* can bring it back."""
    folder = history_dir()
    kept = _history()
    number = int(kept[-1].name[:4]) + 1 if kept else 1
    if number > 9999:  # renumber from 1: only the order matters
        for index, old in enumerate(kept, start=1):
            os.replace(old, folder / f"{index:04d}{old.suffix}")
        kept = _history()
        number = len(kept) + 1
    if loaded.origin == "bundled":
        atomic_write_bytes(folder / f"{number:04d}.bundled", b"")
    else:
        atomic_copy(Path(loaded.origin), folder / f"{number:04d}.json")
    for old in _history()[:-HISTORY_KEPT]:
        old.unlink(missing_ok=True)


def import_update(path: Path, *, today: date) -> tuple[Catalog, Catalog]:
    """Make the update in ``path`` the active catalog, keeping the one it replaces. Returns
    (the catalog replaced, the update). Raises ``CatalogError`` and changes nothing for a file
    that cannot be used or is not newer; ``OSError`` when the data folder cannot be written."""
    loaded = load_app_catalog()
    update, data = check_update(path, loaded.catalog, today=today)
    _push_current(loaded)
    atomic_write_bytes(paths.user_catalog_path(), data)
    _log.info(
        "Catalog %s imported from %s (was %s)",
        version_label(update),
        path,
        version_label(loaded.catalog),
    )
    return loaded.catalog, update


def _drop_current() -> None:
    """Keep the update *Revert* leaves, for the certifications it held (see ``dropped_dir``)."""
    current = paths.user_catalog_path()
    if not current.is_file():
        return
    folder = dropped_dir()
    kept = _kept_catalogs(folder)
    number = int(kept[-1].name[:4]) + 1 if kept else 1
    if number > 9999:
        for old in kept:
            old.unlink(missing_ok=True)
        number = 1
    try:
        atomic_copy(current, folder / f"{number:04d}.json")
    except OSError as exc:  # only a convenience: the revert goes ahead
        _log.info("Reverted update not kept: %s", exc)
    for old in _kept_catalogs(folder)[:-HISTORY_KEPT]:
        old.unlink(missing_ok=True)


class NothingToRevert(Exception):
    """No catalog was kept to go back to."""


def revert() -> LoadedCatalog:
    """Go back to the catalog in use before the last import (or reset); the newest kept one
    that still reads. Raises ``NothingToRevert`` when none was kept."""
    for kept in reversed(_history()):
        if kept.suffix == ".bundled":
            _drop_current()
            paths.user_catalog_path().unlink(missing_ok=True)
            kept.unlink(missing_ok=True)
            _log.info("Catalog reverted to the bundled one")
            return load_app_catalog()
        try:
            load_user_catalog(kept)
        except CatalogError as exc:
            _log.info("Kept catalog %s skipped: %s", kept, exc)
            kept.unlink(missing_ok=True)
            continue
        _drop_current()
        atomic_copy(kept, paths.user_catalog_path())
        kept.unlink(missing_ok=True)
        _log.info("Catalog reverted to %s", kept)
        return load_app_catalog()
    raise NothingToRevert


def reset() -> bool:
    """Use the bundled catalog again, keeping the update for *Revert*. False when the bundled
    one is already in use (and no update file is there)."""
    user = paths.user_catalog_path()
    if not os.path.lexists(user):
        return False
    loaded = load_app_catalog()
    if loaded.origin != "bundled":
        _push_current(loaded)
    user.unlink()
    _log.info("Catalog reset to the bundled one")
    return True


def can_revert() -> bool:
    return bool(_history())


@dataclass(frozen=True)
class PlanReview:
    """What an update does to one plan file (or the plan open in the window)."""

    path: Path | None
    name: str
    impacts: tuple[PlanImpact, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path) if self.path else None,
            "name": self.name,
            "impacts": [impact.as_json() for impact in self.impacts],
        }


@dataclass(frozen=True)
class UpdateReview:
    """Everything shown before an update is applied: the same for ``catalog diff`` and the
    *Update Catalog* dialog."""

    active: Catalog
    update: Catalog
    changes: tuple[CatalogChange, ...]
    plans: tuple[PlanReview, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "from": self.active.catalog_version,
            "to": self.update.catalog_version,
            "changes": [change.as_json() for change in self.changes],
            "plans": [plan.as_json() for plan in self.plans],
        }


def review_update(
    active: Catalog,
    update: Catalog,
    *,
    today: date,
    plans: list[tuple[Path | None, StudyPlan]] | None = None,
) -> UpdateReview:
    """The update's changes, and every plan it affects: those in the data folder, and the
    ``plans`` given (the one open in the window, one named on the command line). A plan file
    that cannot be read with the active catalog is left out: it is affected by nothing new."""
    # Only a review compares catalogs: a start, which reads the catalog in use, needs none of it.
    from studyplanner.domain.catalog_diff import diff_catalogs, impacts_on
    from studyplanner.domain.schedule import ScheduleError

    candidates: list[tuple[Path | None, StudyPlan]] = list(plans or [])
    given = {os.path.normcase(os.path.abspath(p)) for p, _plan in candidates if p is not None}
    for found in list_plans():
        if os.path.normcase(os.path.abspath(found)) in given:
            continue
        try:
            candidates.append((found, load_plan(found, active, today=today)))
        except PlanFileError as exc:
            _log.info("Plan %s left out of the catalog review: %s", found, exc)
    reviews: list[PlanReview] = []
    for path, plan in candidates:
        try:
            impacts = impacts_on(plan, active, update, today)
        except (ScheduleError, KeyError) as exc:
            _log.info("Plan %s left out of the catalog review: %s", path or plan.name, exc)
            continue
        if impacts:
            reviews.append(PlanReview(path, plan.name, tuple(impacts)))
    return UpdateReview(active, update, tuple(diff_catalogs(active, update)), tuple(reviews))
