"""The maintainers' release tool: the bundled catalog passes the checks an update must pass,
and a stamped release is one users can import."""

from __future__ import annotations

import importlib.util
import shutil
from datetime import date
from pathlib import Path

import pytest

from studyplanner.bundled import bundled_path
from studyplanner.domain.catalog_release import parse_update

EXAMPLE = Path(__file__).parent.parent / "data" / "catalog-update-example.json"
TOOL = Path(__file__).resolve().parent.parent.parent / "tools" / "stamp_catalog.py"

# tools/ is not a package: the script is loaded from its file
_spec = importlib.util.spec_from_file_location("stamp_catalog", TOOL)
assert _spec is not None and _spec.loader is not None
stamp_catalog = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(stamp_catalog)
main, next_version = stamp_catalog.main, stamp_catalog.next_version


def test_the_bundled_catalog_is_a_valid_release() -> None:
    path = bundled_path("catalog", "certifications.json")
    catalog = parse_update(path.read_text("utf-8"), path, today=date(2026, 12, 7))
    assert (catalog.catalog_version, catalog.published) == ("2026.12.07", date(2026, 12, 7))
    assert main([str(path), "--check"]) == 0


def test_the_next_version_is_the_day_numbered_within_a_day() -> None:
    assert next_version("2026.12.07", date(2027, 3, 1)) == "2027.03.01"
    assert next_version("2026.12.07", date(2026, 12, 7)) == "2026.12.07.1"
    assert next_version("2026.12.07.1", date(2026, 12, 7)) == "2026.12.07.2"
    assert next_version(None, date(2026, 12, 7)) == "2026.12.07"


def test_stamping_writes_an_importable_release(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "certifications.json"
    shutil.copy(EXAMPLE, target)
    assert main([str(target), "--published", "2027-03-01"]) == 0
    release = parse_update(target.read_text("utf-8"), target, today=date(2027, 3, 1))
    assert (release.catalog_version, release.published) == ("2027.03.01", date(2027, 3, 1))
    assert capsys.readouterr().out.startswith("2027.03.01 (published 2027-03-01)")


def test_a_catalog_users_could_not_import_is_not_stamped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "certifications.json"
    target.write_text(
        EXAMPLE.read_text("utf-8").replace('"code": "PEA-C01"', '"code": "SAA-C03"'), "utf-8"
    )
    before = target.read_bytes()
    assert main([str(target), "--published", "2027-03-01"]) == 1
    assert "SAA-C03 belongs to both" in capsys.readouterr().err
    assert target.read_bytes() == before
