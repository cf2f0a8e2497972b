"""Shared fixtures for the domain tests: the real bundled catalog, loaded once."""

from __future__ import annotations

import pytest

from studyplanner.domain.catalog import Catalog
from studyplanner.storage.catalog_source import bundled_catalog


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return bundled_catalog()
