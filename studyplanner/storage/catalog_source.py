"""Which catalog the app uses: the user's updated copy if it is valid, else the bundled one."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from studyplanner.bundled import bundled_path
from studyplanner.domain.catalog import Catalog, CatalogError, load_catalog, parse_catalog
from studyplanner.domain.catalog_release import is_newer
from studyplanner.storage import paths
from studyplanner.storage.messages import PlanProblem, worded
from studyplanner.storage.reading import read_regular_file

# The bundled catalog is about 20 KB; a file many times that size is not a catalog.
MAX_CATALOG_BYTES = 8 * 1024 * 1024

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadedCatalog:
    """The catalog in use, where it comes from (``"bundled"`` or the update's path), and
    why an update was not used, if it was not."""

    catalog: Catalog
    origin: str
    problem: str | None = None


def bundled_catalog() -> Catalog:
    return load_catalog(bundled_path("catalog", "certifications.json"))


def load_user_catalog(path: Path) -> Catalog:
    """The catalog in ``path``, read safely: only a regular file, at most
    ``MAX_CATALOG_BYTES``. Raises ``CatalogError`` for anything unusable."""
    try:
        data = read_regular_file(path, MAX_CATALOG_BYTES)
    except OSError as exc:
        reason = exc.strerror or exc
        raise CatalogError(path, worded(PlanProblem.UNREADABLE, {"reason": reason})) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogError(path, worded(PlanProblem.NOT_UTF8, {"byte": exc.start})) from exc
    return parse_catalog(text, path)


def active_catalog() -> LoadedCatalog:
    """The user's ``catalog.json`` in the data directory takes precedence when it validates;
    when it does not (damaged, hostile, not a file at all), the bundled catalog is used and
    ``problem`` says why."""
    user_path = paths.user_catalog_path()
    if os.path.lexists(user_path):
        try:
            user = load_user_catalog(user_path)
        except CatalogError as exc:
            problem = f"Your updated catalog was not used: {exc}"
            # info, not warning: every caller shows ``problem`` itself (dialog, CLI warning)
            _log.info("Bundled catalog used instead of %s: %s", user_path, exc)
            return LoadedCatalog(bundled_catalog(), origin="bundled", problem=problem)
        bundled = bundled_catalog()
        if user.catalog_version is not None and is_newer(bundled, user):
            # the app was upgraded past the update: its own facts are the newer ones
            _log.info("Bundled catalog used: it is newer than the update in %s", user_path)
            return LoadedCatalog(bundled, origin="bundled")
        return LoadedCatalog(user, origin=str(user_path))
    return LoadedCatalog(bundled_catalog(), origin="bundled")
