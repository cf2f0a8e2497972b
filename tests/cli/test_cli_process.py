"""The installed ``studyplanner`` command as a user runs it: real processes, real exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from studyplanner import __version__
from studyplanner.storage import paths
from studyplanner.storage.plan_files import save_plan
from tests.export.plans import small_plan

COMMAND = Path(sys.executable).with_name("studyplanner")


def studyplanner(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, paths.ENV_VAR: str(data_dir)}
    return subprocess.run(
        [str(COMMAND), *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_suggest_then_show_through_the_console_script(tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.json"
    made = studyplanner(
        tmp_path / "data",
        "suggest", "--role", "manager", "--experience-years", "0", "--hours-per-week", "3",
        "--start", "2026-03-02", "--name", "Sales team", "-o", str(plan_file),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert made.stderr == ""
    again = studyplanner(
        tmp_path / "data",
        "suggest", "--role", "manager", "--experience-years", "0", "--hours-per-week", "3",
        "--start", "2026-03-02", "--name", "Sales team", "-o", str(plan_file),
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    # The overwritten version went to the backups in STUDYPLANNER_DATA_DIR.
    (folder,) = (tmp_path / "data" / "backups").iterdir()
    assert folder.name.startswith("plan-") and len(list(folder.iterdir())) == 1

    shown = studyplanner(
        tmp_path / "data", "--today", "2026-03-02", "show", str(plan_file), "--json"
    )
    assert shown.returncode == 0, shown.stderr
    schedule = json.loads(shown.stdout)
    assert schedule["name"] == "Sales team"
    assert [e["code"] for e in schedule["entries"]] == ["CLF-C02"]
    assert schedule["entries"][0]["study_start"] == "2026-03-02"


def test_version_and_bad_input_through_the_console_script(tmp_path: Path) -> None:
    version = studyplanner(tmp_path / "data", "--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"StudyPlanner {__version__}")

    broken = tmp_path / "broken.json"
    broken.write_bytes(b"\x00\xff not a plan")
    bad = studyplanner(tmp_path / "data", "show", str(broken))
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert bad.stderr.count("\n") == 1
    assert str(broken) in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize(
    "args",
    [["show", "{plan}"], ["show", "{plan}", "--json"], ["schema"]],
    ids=["show", "show-json", "schema-larger-than-the-buffer"],
)
def test_output_into_a_pipe_whose_reader_has_gone_ends_quietly(
    args: list[str], tmp_path: Path
) -> None:
    """`studyplanner show PLAN | head`: once head has read enough it closes the pipe; the
    command then stops without a "Broken pipe" message or a traceback, with 0: the README
    keeps 1 for bugs, and the reader chose to stop (issue 20)."""
    plan_file = tmp_path / "plan.json"
    save_plan(small_plan(), plan_file)
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before the first byte: no race, every write fails
    try:
        env = {**os.environ, paths.ENV_VAR: str(tmp_path / "data")}
        done = subprocess.run(
            [str(COMMAND), "--today", "2026-11-02", *(a.format(plan=plan_file) for a in args)],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
    finally:
        os.close(writer)
    assert done.stderr == ""
    assert done.returncode == 0
