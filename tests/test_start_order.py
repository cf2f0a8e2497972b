"""What the app loads at start (issues 14 and 22): only what the first paint shows, since a
stray import quietly costs every start milliseconds; and garbage collection around it."""

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

NOT_FOR_THE_FIRST_PAINT = (
    "studyplanner.domain.team",  # File › Open Team Folder…
    "studyplanner.domain.wording_team",
    "studyplanner.storage.team_folder",
    "studyplanner.ui.team",
    "studyplanner.domain.suggest",  # New Plan from Profile…
    "studyplanner.domain.week",  # this week's sessions, on the Progress tab
    "studyplanner.export",  # printing, PDF, calendar
    "studyplanner.ui.dialogs.",  # each when it opens (crash_reporter only asks for one)
)
"""Modules of features the window shows only when asked: its first paint loads none of them."""


def test_the_first_paint_loads_only_what_it_shows(tmp_path: Path) -> None:
    from benchmarks.bench_start import twelve_exam_data_dir

    twelve_exam_data_dir(tmp_path)  # a plan, so every pane the start shows has content
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "studyplanner", "--smoke",
         "--data-dir", str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=120, check=True,
    )  # fmt: skip
    loaded = re.findall(r"^import time:.*\|\s*(\S+)$", done.stderr, re.MULTILINE)
    assert "studyplanner.ui.window.main_window" in loaded  # the window, and all it imports
    assert "studyplanner.ui.dialogs.crash_reporter" in loaded  # a crash still shows the dialog
    needless = [
        name
        for name in loaded
        if name.startswith(NOT_FOR_THE_FIRST_PAINT)
        and name != "studyplanner.ui.dialogs.crash_reporter"
    ]
    assert needless == []


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
