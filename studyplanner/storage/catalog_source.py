"""Which catalog the app uses: the user's updated copy if it is valid, else the bundled one."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from studyplanner.bundled import bundled_path
from studyplanner.domain.catalog import Catalog, CatalogError, load_catalog
from studyplanner.storage import paths

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadedCatalog:
    catalog: Catalog
    origin: str
    problem: str | None = None


def bundled_catalog() -> Catalog:
    return load_catalog(bundled_path("catalog", "certifications.json"))


def load_app_catalog() -> LoadedCatalog:
    """The user's ``catalog.json`` in the data directory takes precedence when it validates;
    when it does not, the bundled catalog is used and ``problem`` says why."""
    user_path = paths.user_catalog_path()
    if user_path.exists():
        try:
            return LoadedCatalog(load_catalog(user_path), origin=str(user_path))
        except CatalogError as exc:
            problem = f"Your updated catalog was not used: {exc}"
            # info, not warning: every caller shows ``problem`` itself (dialog, CLI warning)
            _log.info("Bundled catalog used instead of %s: %s", user_path, exc)
            return LoadedCatalog(bundled_catalog(), origin="bundled", problem=problem)
    return LoadedCatalog(bundled_catalog(), origin="bundled")
