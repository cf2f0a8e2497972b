"""Mutated settings files (issue 20): one changed byte of a real ``settings.json`` must never
stop the app. Shared by ``tests/ui/test_settings_mutations.py`` and ``tools/hostile_run.py``."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

SMOKE_TIMEOUT_S = 60


def real_settings(data_dir: Path) -> bytes:
    """The settings file a real start and quit of the app leaves (with its window layout)."""
    result = smoke(data_dir)
    if result.returncode != 0:
        raise RuntimeError(f"the app did not start: {result.stderr[-2000:]}")
    return (data_dir / "settings.json").read_bytes()


def mutate_one_byte(data: bytes, rng: random.Random) -> tuple[int, bytes]:
    """``data`` with one byte, at a random place, replaced by another value."""
    where = rng.randrange(len(data))
    value = rng.choice([b for b in range(256) if b != data[where]])
    return where, data[:where] + bytes([value]) + data[where + 1 :]


def every_byte_changed(data: bytes, start: int, end: int) -> list[tuple[int, bytes]]:
    """Each byte in ``data[start:end]`` changed in turn: to a digit, a quote or a brace when
    it was something else, and to a letter otherwise."""
    cases = []
    for where in range(start, end):
        for value in b"9", b'"', b"}", b"x", b"-":
            if data[where : where + 1] != value:
                cases.append((where, data[:where] + value + data[where + 1 :]))
                break
    return cases


def smoke(data_dir: Path) -> subprocess.CompletedProcess[str]:
    """``studyplanner --smoke`` as a real process on ``data_dir``, with a deadline."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STUDYPLANNER_DATA_DIR=str(data_dir))
    return subprocess.run(
        [sys.executable, "-m", "studyplanner", "--smoke"],
        env=env,
        capture_output=True,
        text=True,
        timeout=SMOKE_TIMEOUT_S,
        check=False,
    )


def starts_with(data_dir: Path, settings: bytes) -> str | None:
    """None when the app starts (exit 0, first paint, no traceback) with ``settings`` as its
    settings file; else what went wrong."""
    (data_dir / "settings.json").write_bytes(settings)
    try:
        result = smoke(data_dir)
    except subprocess.TimeoutExpired:
        return "no first paint within the deadline"
    if result.returncode != 0:
        return f"exit {result.returncode}: {result.stderr[-300:]!r}"
    if "first paint after" not in result.stdout or "Traceback" in result.stderr:
        return f"no clean start: {result.stderr[-300:]!r}"
    return None
