"""The benchmarks still run and print every ratio the issue asks for (issue 14). Their numbers
are never asserted: a test only keeps them from rotting."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_start_prints_each_ratio_against_its_goal() -> None:
    env = dict(os.environ, BENCH_RUNS="1")
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_start"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    for line in (
        "--version",
        "--help",
        "show PLAN --json (12 exams)",
        "--smoke, empty data folder: first paint",
        "--smoke, 12-exam last plan: first paint",
        "Peak memory",
    ):
        assert line in done.stdout
    assert done.stdout.count("(goal <=") >= 7


def test_bench_bootstrap_prints_what_each_start_up_measure_buys() -> None:
    from studyplanner import bootstrap

    env = dict(os.environ, BENCH_RUNS="1", BENCH_WITH_EDIT="0")
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_bootstrap"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    measures = [
        name
        for name in vars(bootstrap)
        if callable(getattr(bootstrap, name))
        and not name.startswith("_")
        and getattr(bootstrap, name).__module__ == bootstrap.__name__
        and name
        not in (
            "at_start",
            "command_loaded",
            "before_the_window",
            "window_modules_loaded",
            "window_shown",
            "at_end",
        )
    ]
    for name in measures:  # every measure has its figure (resuming collection: the pause's)
        if name != "resume_garbage_collection":
            assert name in done.stdout, name
    assert "importing typing" in done.stdout
