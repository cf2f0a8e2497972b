"""Each make target installs what it needs (issue 21): ``make run`` only what running the app
takes (with polib, which compiles the translations), ``make test`` adds the dev tools,
``make package`` PyInstaller."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.conftest import REPO_ROOT


def planned(target: str, venv: Path, *variables: str) -> str:
    """What ``make TARGET`` would run for a fresh ``venv`` (``make -n``: nothing is run)."""
    result = subprocess.run(
        ["make", "-n", target, f"VENV={venv}", *variables],
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
    """A fresh clone has the .po files only (.mo is build output): `make run` compiles each
    first, so that the app speaks the user's language from its first start."""
    locale = tmp_path / "locale"
    catalogs = [locale / code / "LC_MESSAGES" / "studyplanner.po" for code in ("de", "ja")]
    for po in catalogs:
        po.parent.mkdir(parents=True)
        po.write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    (catalogs[1].with_suffix(".mo")).write_bytes(b"")  # older than its .po: compiled again
    os.utime(catalogs[1].with_suffix(".mo"), (0, 0))

    commands = planned("run", tmp_path / "venv", f"LOCALE={locale}")

    compiles = [line for line in commands.splitlines() if "compile_catalogs.py" in line]
    assert [line.split()[-1] for line in compiles] == [str(po) for po in catalogs]
    assert commands.index("compile_catalogs.py") < commands.index("-m studyplanner")


def test_an_up_to_date_translation_is_not_compiled_again(tmp_path: Path) -> None:
    po = tmp_path / "locale" / "de" / "LC_MESSAGES" / "studyplanner.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    po.with_suffix(".mo").write_bytes(b"")

    commands = planned("run", tmp_path / "venv", f"LOCALE={tmp_path / 'locale'}")

    assert "compile_catalogs.py" not in commands
