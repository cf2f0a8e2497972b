"""What a start sets up lives in ``studyplanner.bootstrap`` and nowhere else (issue 22):
importing the domain changes nothing outside it, and each measure does what it says."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from studyplanner import bootstrap

WHAT_AN_IMPORT_CHANGES = """
import json, os, sys
before_env = dict(os.environ)
before_modules = set(sys.modules)
import {module}
real = {{
    name for name in set(sys.modules) - before_modules
    if getattr(sys.modules[name], "__spec__", None) is not None
}}
print(json.dumps({{
    "environment": {{k: v for k, v in os.environ.items() if before_env.get(k) != v}},
    "without_a_file_or_spec": sorted(set(sys.modules) - before_modules - real),
    "loaded": sorted(real),
}}))
"""


def _import_in_a_fresh_interpreter(module: str) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    done = subprocess.run(
        [sys.executable, "-c", WHAT_AN_IMPORT_CHANGES.format(module=module)],
        capture_output=True, text=True, env=env, check=True, timeout=60,
    )  # fmt: skip
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize(
    "module", ["studyplanner.domain", "studyplanner.domain.plan", "studyplanner.storage.plan_files"]
)
def test_importing_the_domain_or_storage_changes_nothing_outside_them(module: str) -> None:
    changed = _import_in_a_fresh_interpreter(module)
    assert changed["environment"] == {}
    # every module loaded is a real import (found by the import system), no planted stub;
    # typing registers its two aliases typing.io and typing.re itself
    assert set(changed["without_a_file_or_spec"]) <= {"typing.io", "typing.re"}


def test_importing_the_domain_loads_neither_pyside_nor_the_bootstrap() -> None:
    loaded = _import_in_a_fresh_interpreter("studyplanner.domain.schedule")["loaded"]
    assert isinstance(loaded, list)
    assert [name for name in loaded if name.startswith(("PySide6", "shiboken"))] == []
    assert "studyplanner.bootstrap" not in loaded


def test_a_start_builds_models_without_looking_for_pydantic_plugins() -> None:
    script = (
        "import sys\n"
        "from datetime import date\n"
        "from studyplanner import bootstrap\n"
        "bootstrap.at_start()\n"
        "from studyplanner.domain.plan import StudyPlan\n"
        "plan = StudyPlan(name='x', start_date=date(2027, 1, 4))\n"
        "print(plan.name, 'importlib.metadata' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.split() == ["x", "False"]


def test_named_plugins_still_go_through_pydantics_own_loader() -> None:
    script = (
        "import sys\n"
        "from studyplanner import bootstrap\n"
        "bootstrap.at_start()\n"
        "from datetime import date\n"
        "from studyplanner.domain.plan import StudyPlan\n"
        "StudyPlan(name='x', start_date=date(2027, 1, 4))  # its validator is built here\n"
        "print(sys.modules['pydantic.plugin._loader'].__file__ is not None)\n"
    )
    env = dict(os.environ, PYDANTIC_DISABLE_PLUGINS="some-plugin")
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "True"


VARIABLE = "QT_NO_GUI_THREADPOOL"


@pytest.mark.parametrize(("cores", "expected"), [(1, "1"), (2, "1"), (8, None), (None, "1")])
def test_qts_painting_pool_is_off_only_on_small_machines(
    monkeypatch: pytest.MonkeyPatch, cores: int | None, expected: str | None
) -> None:
    monkeypatch.delenv(VARIABLE, raising=False)
    monkeypatch.setattr(bootstrap.os, "cpu_count", lambda: cores)
    bootstrap.paint_on_one_thread_on_small_machines()
    assert os.environ.get(VARIABLE) == expected


def test_a_setting_of_the_persons_own_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(VARIABLE, "")
    monkeypatch.setattr(bootstrap.os, "cpu_count", lambda: 2)
    bootstrap.paint_on_one_thread_on_small_machines()
    assert os.environ[VARIABLE] == ""
