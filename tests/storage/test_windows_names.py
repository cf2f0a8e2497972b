"""File names the app makes are valid on Windows too, checked with Windows' rules from any
system (PureWindowsPath, the reserved device names, a file system that ignores case)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path, PureWindowsPath

import pytest

from studyplanner.storage import paths
from studyplanner.storage.plan_files import (
    backup_file,
    distinct_plan_name,
    new_plan_path,
    save_plan,
)
from tests.export.plans import small_plan

RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10)}
FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def valid_on_windows(name: str) -> bool:
    """A file name Windows accepts: no forbidden character, no trailing dot or space, and
    not a device name (with or without an extension: 'con.json' is the console)."""
    stem = name.split(".")[0].upper()
    return not FORBIDDEN.search(name) and not name.endswith((".", " ")) and stem not in RESERVED


@pytest.mark.parametrize("name", ["CON", "con", "Aux", "nul", "COM1", "lpt9", "prn!"])
def test_a_plan_named_like_a_device_gets_a_file_windows_can_open(name: str) -> None:
    path = new_plan_path(name)

    windows = PureWindowsPath(path.name)
    assert valid_on_windows(windows.name), windows
    assert windows.suffix == ".json"


@pytest.mark.parametrize("name", ["Cloud: plan?", "a/b\\c", "   ", "日本語のプラン", "x" * 300])
def test_any_plan_name_gives_a_valid_windows_file_name(name: str) -> None:
    path = new_plan_path(name)

    assert valid_on_windows(path.name), path.name
    assert len(str(PureWindowsPath(path.name))) <= 70


def test_backup_names_are_valid_on_windows(tmp_path: Path) -> None:
    plan = paths.plans_dir() / "mine.json"
    plan.parent.mkdir(parents=True)
    save_plan(small_plan(), plan)

    backup = backup_file(plan, now=datetime(2026, 12, 7, 23, 59, 59, 999999))

    assert backup is not None
    assert valid_on_windows(backup.name), backup.name  # no ':' from the time of day


def test_two_plans_differing_only_in_case_are_told_apart() -> None:
    """Windows and macOS file systems ignore case: 'Plan' and 'plan' would be one file."""
    assert distinct_plan_name("My Plan", ["my plan"]) == "My Plan 2"
    assert new_plan_path("My Plan").name == new_plan_path("MY PLAN").name == "my-plan.json"
