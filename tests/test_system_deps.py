"""``make test`` sets up what the suite needs from the system (issue 21): as root on Debian or
Ubuntu it installs what is missing; as anyone else it stops at once with the exact command.
Here the system is faked (dpkg-query, id, locale on PATH), so nothing is installed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.conftest import REPO_ROOT

SCRIPT = REPO_ROOT / "tools" / "system_deps.sh"


def fake_system(folder: Path, *, installed: bool, uid: int) -> dict[str, str]:
    folder.mkdir()
    status = "install ok installed" if installed else ""
    locales = "C.utf8\\nde_DE.utf8" if installed else "C.utf8"
    for name, body in {
        "dpkg-query": f'printf "%s" "{status}"',
        "id": f"echo {uid}",
        "locale": f'printf "{locales}\\n"',
        "apt-get": "echo apt-get must not run here >&2; exit 99",
        "locale-gen": "echo locale-gen must not run here >&2; exit 99",
    }.items():
        tool = folder / name
        tool.write_text(f"#!/bin/sh\n{body}\n")
        tool.chmod(0o755)
    return dict(os.environ, PATH=f"{folder}{os.pathsep}{os.environ['PATH']}")


def test_a_user_is_told_the_exact_command_and_nothing_is_installed(tmp_path: Path) -> None:
    env = fake_system(tmp_path / "bin", installed=False, uid=1000)
    result = subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True)
    assert result.returncode == 2
    assert "sudo apt-get install -y --no-install-recommends xvfb xdotool" in result.stderr
    assert "poppler-utils" in result.stderr
    assert "locale-gen" in result.stderr
    assert "must not run" not in result.stderr


def test_nothing_happens_when_everything_is_there(tmp_path: Path) -> None:
    env = fake_system(tmp_path / "bin", installed=True, uid=0)
    result = subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_make_test_and_ci_run_begin_with_it() -> None:
    makefile = (REPO_ROOT / "Makefile").read_text()
    assert "\ntest: system-deps lint typecheck pytest\n" in makefile
    ci = (REPO_ROOT / ".ci" / "run").read_text()
    assert "apt-get" not in ci and "make system-deps" in ci
