"""Which catalog the app uses: a valid user copy in the data dir wins, a broken one does not."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from studyplanner.bundled import bundled_path
from studyplanner.storage import paths
from studyplanner.storage.catalog_updates import load_app_catalog
from tests.domain.plans import catalog_document


def place_user_catalog(document: object) -> Path:
    path = paths.user_catalog_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_without_a_user_catalog_the_bundled_one_is_used() -> None:
    loaded = load_app_catalog()
    assert loaded.origin == "bundled"
    assert loaded.problem is None
    assert len(loaded.catalog) == 17


def test_the_bundled_catalog_is_found_from_the_checkout() -> None:
    path = bundled_path("catalog", "certifications.json")
    assert path.is_file()


def test_a_valid_user_catalog_takes_precedence() -> None:
    document = catalog_document()
    document["certifications"][0]["exam"]["fee_usd"] = 99
    document["certifications"][0]["code"] = "CLF-C03"
    path = place_user_catalog(document)

    loaded = load_app_catalog()

    assert loaded.origin == str(path)
    assert loaded.problem is None
    updated = loaded.catalog.get("cloud-practitioner")
    assert (updated.code, updated.exam.fee_usd) == ("CLF-C03", 99)


def test_an_invalid_user_catalog_falls_back_to_the_bundled_one_and_says_why() -> None:
    document = catalog_document()
    document["certifications"][2]["hours"]["typical"] = -1
    broken_id = document["certifications"][2]["id"]
    path = place_user_catalog(document)

    loaded = load_app_catalog()

    assert loaded.origin == "bundled"
    assert len(loaded.catalog) == 17
    assert loaded.problem is not None
    assert str(path) in loaded.problem
    assert broken_id in loaded.problem
    assert "hours.typical" in loaded.problem


def test_a_user_catalog_that_is_not_json_falls_back(caplog: pytest.LogCaptureFixture) -> None:
    path = paths.user_catalog_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00\x01 definitely not a catalog")
    with caplog.at_level(logging.INFO, logger="studyplanner.storage.catalog_source"):
        loaded = load_app_catalog()
    assert loaded.origin == "bundled"
    assert loaded.problem is not None and str(path) in loaded.problem
    (record,) = caplog.records
    assert str(path) in record.getMessage()


def test_a_user_catalog_from_a_newer_app_falls_back() -> None:
    document = catalog_document()
    document["schema_version"] = 7
    place_user_catalog(document)
    loaded = load_app_catalog()
    assert loaded.origin == "bundled"
    assert loaded.problem is not None and "newer" in loaded.problem
