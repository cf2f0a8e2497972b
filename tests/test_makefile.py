"""Each make target installs what it needs (issue 21): ``make run`` only what running the app
takes (with polib, which compiles the translations), ``make test`` adds the dev tools,
``make package`` PyInstaller."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.conftest import REPO_ROOT


def planned(target: str, venv: Path) -> str:
    """What ``make TARGET`` would run for a fresh ``venv`` (``make -n``: nothing is run)."""
    result = subprocess.run(
        ["make", "-n", target, f"VENV={venv}"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def installs(commands: str) -> list[str]:
    return [line for line in commands.splitlines() if "pip install" in line]


def test_make_run_installs_only_what_running_needs(tmp_path: Path) -> None:
    commands = planned("run", tmp_path / "venv")
    assert [line.split()[-1] for line in installs(commands)] == ["'.[i18n]'"]
    assert "-m studyplanner" in commands


def test_make_test_adds_the_dev_tools_and_make_package_pyinstaller(tmp_path: Path) -> None:
    test = installs(planned("test", tmp_path / "venv"))
    assert [line.split()[-1] for line in test] == ["'.[i18n]'", "'.[dev]'"]
    package = installs(planned("package", tmp_path / "venv"))
    assert [line.split()[-1] for line in package] == ["'.[i18n]'", "'.[package]'"]


def test_make_run_compiles_each_translation_before_the_app_starts(tmp_path: Path) -> None:
    """A fresh clone has the .po files only (.mo is build output): `make run` compiles them
    first, so that the app speaks the user's language from its first start."""
    locale = REPO_ROOT / "studyplanner" / "locale"
    shipped = sorted(locale.glob("*/LC_MESSAGES/studyplanner.po"))
    stale = []
    for po in shipped:  # make -n plans only what is out of date: make them all so
        mo = po.with_suffix(".mo")
        if mo.exists():
            stale.append((mo, mo.stat().st_mtime))
            os.utime(mo, (0, 0))
    try:
        commands = planned("run", tmp_path / "venv")
    finally:
        for mo, mtime in stale:
            os.utime(mo, (mtime, mtime))
    compiles = [line for line in commands.splitlines() if "compile_catalogs.py" in line]
    assert [line.split()[-1] for line in compiles] == [
        po.relative_to(REPO_ROOT).as_posix() for po in shipped
    ]
    assert commands.index("compile_catalogs.py") < commands.index("-m studyplanner")
