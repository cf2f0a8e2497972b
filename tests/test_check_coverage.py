"""The per-file coverage floors of domain/ and storage/ (tools/check_coverage.py, issue 22):
a file that drops, a new file nobody listed and a listed file that is gone all fail the check."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "check_coverage", ROOT / "tools" / "check_coverage.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


check_coverage = _tool()

A = "studyplanner/domain/a.py"
B = "studyplanner/storage/b.py"


def test_every_module_of_domain_and_storage_has_a_floor() -> None:
    assert sorted(check_coverage.on_disk() - set(check_coverage.FLOORS)) == []
    assert sorted(set(check_coverage.FLOORS) - check_coverage.on_disk()) == []


def test_files_at_their_floors_pass() -> None:
    failures, notes = check_coverage.problems({A: 95.0, B: 100.0}, {A: 95, B: 99}, {A, B})
    assert failures == []
    assert notes == []


def test_a_file_below_its_floor_fails() -> None:
    failures, _ = check_coverage.problems({A: 94.9, B: 100.0}, {A: 95, B: 99}, {A, B})
    assert failures == [f"{A}: covered 94.9 %, below its floor of 95 %"]


def test_a_new_file_must_be_listed() -> None:
    failures, _ = check_coverage.problems({A: 95.0, B: 80.0}, {A: 95}, {A, B})
    assert len(failures) == 1
    assert failures[0].startswith(f"{B}: not listed")


def test_a_file_that_is_gone_must_leave_the_list() -> None:
    failures, _ = check_coverage.problems({A: 95.0}, {A: 95, B: 99}, {A})
    assert failures == [f"{B}: listed in FLOORS but no longer exists (remove its line)"]


def test_a_file_well_above_its_floor_is_mentioned() -> None:
    failures, notes = check_coverage.problems({A: 99.5}, {A: 95}, {A})
    assert failures == []
    assert notes == [f"{A}: covered 99.5 %; its floor (95 %) can go up"]


def test_it_reads_coverage_json_and_fails_ci(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = {
        "files": {
            str(ROOT / path): {"summary": {"percent_covered": 0.0 if i == 0 else 100.0}}
            for i, path in enumerate(sorted(check_coverage.FLOORS))
        }
    }
    data = tmp_path / "coverage.json"
    data.write_text(json.dumps(report), "utf-8")
    assert check_coverage.main([str(data)]) == 1
    first = sorted(check_coverage.FLOORS)[0]
    assert f"{first}: covered 0.0 %, below its floor" in capsys.readouterr().err
    assert check_coverage.main([str(tmp_path / "missing.json")]) == 2
