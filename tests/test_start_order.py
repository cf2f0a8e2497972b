"""What the app loads at start, and in which order (issue 14): the cheap order is a behaviour
worth keeping, since a stray import quietly costs every start milliseconds."""

from __future__ import annotations

import argparse
import gc
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from studyplanner import bootstrap
from studyplanner.cli import main


def test_the_window_imports_the_qt_free_half_before_pyside(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "studyplanner", "--smoke",
         "--data-dir", str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=120, check=True,
    )  # fmt: skip
    order = re.findall(r"^import time:.*\|\s*(\S+)$", done.stderr, re.MULTILINE)
    first_qt = next(i for i, name in enumerate(order) if name.startswith(("PySide6", "shiboken")))
    late = [
        name
        for name in order[first_qt:]
        if name.startswith(("studyplanner.domain", "studyplanner.storage", "pydantic"))
    ]
    assert late == []
    assert set(bootstrap.QT_FREE_MODULES) <= set(order[:first_qt])
    assert "studyplanner.storage.locks" in order[:first_qt]  # the packages' modules, walked


def test_a_commands_work_runs_with_garbage_collection_on(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from studyplanner.cli import commands

    seen: list[bool] = []
    real = commands.COMMANDS["catalog"]

    def catalog(args: argparse.Namespace) -> int:
        seen.append(gc.isenabled())
        return real(args)

    monkeypatch.setitem(commands.COMMANDS, "catalog", catalog)
    assert main(["catalog"]) == 0
    assert seen == [True]
    assert gc.isenabled()


def test_collection_is_back_on_after_a_refused_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "/nonexistent/plan.json"]) == 2
    assert gc.isenabled()


def test_once_the_window_is_up_start_up_objects_are_set_aside() -> None:
    threshold = gc.get_threshold()
    gc.disable()
    try:
        bootstrap.window_shown()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
        # and the youngest objects are collected less often from then on
        assert gc.get_threshold() == (bootstrap.YOUNG_OBJECTS_PER_COLLECTION, *threshold[1:])
    finally:
        gc.unfreeze()
        gc.enable()
        gc.set_threshold(*threshold)
