"""Each make target installs what it needs (issue 21): ``make run`` only what running the app
takes, ``make test`` adds the dev tools, ``make package`` PyInstaller."""

from __future__ import annotations

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
    assert [line.split()[-1] for line in installs(commands)] == ["."]
    assert "-m studyplanner" in commands


def test_make_test_adds_the_dev_tools_and_make_package_pyinstaller(tmp_path: Path) -> None:
    test = installs(planned("test", tmp_path / "venv"))
    assert [line.split()[-1] for line in test] == [".", "'.[dev]'"]
    package = installs(planned("package", tmp_path / "venv"))
    assert [line.split()[-1] for line in package] == [".", "'.[package]'"]
