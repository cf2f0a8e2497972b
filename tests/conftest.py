"""Test-wide safety: headless Qt, and no test may touch the real user data directory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from studyplanner.domain.catalog import Catalog
from studyplanner.storage import paths
from studyplanner.storage.catalog_source import bundled_catalog

REPO_ROOT = Path(__file__).resolve().parent.parent


def _real_home_forbidden() -> Path:
    raise AssertionError("a test tried to use the real user data directory")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own data directory; reaching for the default one fails the test."""
    folder = tmp_path / "data"
    monkeypatch.setattr(paths, "default_data_dir", _real_home_forbidden)
    monkeypatch.setenv(paths.ENV_VAR, str(folder))
    paths.set_data_dir(None)
    yield folder
    paths.set_data_dir(None)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The catalog the app ships, loaded once for the whole run."""
    return bundled_catalog()
