"""Issue 20 on the command line: numbers and dates are read as documented (or refused with
exit 2 and one line naming the form), a day holds at most 24 hours, the limits are refusals,
output that cannot be written is not a failure after the fact, and refusals name the cause."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from studyplanner.domain.plan import (
    MAX_PLAN_SESSIONS,
    MAX_SESSIONS,
    PlanEntry,
    StudySession,
)
from studyplanner.storage import paths
from studyplanner.storage.locks import LockHolder, PlanLock
from studyplanner.storage.plan_files import backup_folder, save_plan
from tests.cli.test_progress_commands import TODAY, run, saved, two_exams

COMMAND = Path(sys.executable).with_name("studyplanner")


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "two.json"
    path.parent.mkdir()
    save_plan(two_exams(), path)
    return path


def refused(
    capsys: pytest.CaptureFixture[str], plan_file: Path, *args: str, today: str = TODAY
) -> str:
    """Run a command that must be refused: exit 2, one line, the plan untouched."""
    before = plan_file.read_bytes()
    code, out, err = run(capsys, "--today", today, *args)
    assert (code, out) == (2, ""), err
    assert err.startswith("studyplanner: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    assert plan_file.read_bytes() == before
    return err


@pytest.mark.parametrize(
    "hours", ["1_0", "١٠", "٣", "1e-320", "1e1", "1E1", "inf", "nan", "0x10", "1.", "", " "]
)
def test_hours_are_a_plain_decimal_only(
    plan_file: Path, capsys: pytest.CaptureFixture[str], hours: str
) -> None:
    if hours == "1.":  # "1." is a plain decimal: one hour
        assert run(capsys, "log", str(plan_file), "--exam", "1", "--hours", hours)[0] == 0
        return
    err = refused(capsys, plan_file, "log", str(plan_file), "--exam", "1", "--hours", hours)
    assert "--hours: not a number" in err


@pytest.mark.parametrize("hours", ["0.001", "0.0000000001", "0.00"])
def test_hours_that_would_show_as_nothing_are_refused(
    plan_file: Path, capsys: pytest.CaptureFixture[str], hours: str
) -> None:
    err = refused(capsys, plan_file, "log", str(plan_file), "--exam", "1", "--hours", hours)
    assert "from 0.01 to 24" in err


def test_hours_are_kept_exactly_as_typed(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "log", str(plan_file), "--exam", "1", "--hours", "10")[0] == 0
    assert saved(plan_file)["entries"][0]["sessions"][0]["hours"] == 10


@pytest.mark.parametrize(
    "day", ["20261130", "2026-W49-1", "2026-11-3", "٢٠٢٦-١١-٣٠", "2026-11-30T00"]
)
def test_dates_are_yyyy_mm_dd_only(
    plan_file: Path, capsys: pytest.CaptureFixture[str], day: str
) -> None:
    err = refused(
        capsys, plan_file, "log", str(plan_file), "--exam", "1", "--hours", "1", "--date", day
    )
    assert "--date: not a date in YYYY-MM-DD form" in err
    err = refused(capsys, plan_file, "show", str(plan_file), today=day)
    assert "--today: not a date in YYYY-MM-DD form" in err


@pytest.mark.parametrize("day", ["9999-12-30", "1899-12-31", "2200-01-01"])
def test_a_today_beyond_what_the_app_can_plan_says_so(
    plan_file: Path, capsys: pytest.CaptureFixture[str], day: str
) -> None:
    err = refused(capsys, plan_file, "show", str(plan_file), today=day)
    assert f"{day} is beyond what StudyPlanner can plan" in err
    assert "60 years" not in err


@pytest.mark.parametrize("exam", ["²", "9" * 5000, "١", "1" * 7, "0", "-1"])
def test_exam_numbers_that_are_not_plain_are_refused_not_crashed(
    plan_file: Path, capsys: pytest.CaptureFixture[str], exam: str
) -> None:
    err = refused(capsys, plan_file, "log", str(plan_file), "--exam", exam, "--hours", "1")
    assert "not in this plan" in err


def test_a_day_holds_at_most_24_hours_over_all_exams(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "log", str(plan_file), "--exam", "1", "--hours", "20")[0] == 0
    assert run(capsys, "log", str(plan_file), "--exam", "2", "--hours", "4")[0] == 0
    err = refused(capsys, plan_file, "log", str(plan_file), "--exam", "2", "--hours", "0.5")
    assert "2026-12-01 already has 24 h of study logged; a day holds at most 24 h" in err
    # another day is free
    code = run(
        capsys, "log", str(plan_file), "--exam", "2", "--hours", "24", "--date", "2026-11-30"
    )[0]
    assert code == 0


def test_a_lump_sum_from_an_older_plan_does_not_fill_its_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = two_exams()
    plan.entries[0].sessions = [
        StudySession(on=date(2026, 12, 1), hours=300, note="Hours logged before sessions were kept")
    ]
    path = tmp_path / "lump.json"
    save_plan(plan, path)
    assert run(capsys, "log", str(path), "--exam", "1", "--hours", "2")[0] == 0


def full_log(count: int, day: date) -> list[StudySession]:
    return [StudySession(on=day - timedelta(days=n), hours=0.5) for n in range(count)]


def test_logging_past_an_exams_session_limit_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = two_exams()
    plan.entries[0].sessions = full_log(MAX_SESSIONS, date(2026, 11, 30))
    path = tmp_path / "full.json"
    save_plan(plan, path)
    err = refused(capsys, path, "log", str(path), "--exam", "1", "--hours", "1")
    assert f"an exam keeps at most {MAX_SESSIONS:,} study sessions" in err


def test_logging_past_the_plans_session_limit_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = two_exams()
    per_entry = MAX_PLAN_SESSIONS // 5
    plan.entries = [
        PlanEntry(
            certification_id="developer-associate",
            sessions=full_log(per_entry, date(2026, 11, 30) - timedelta(days=per_entry * n)),
        )
        for n in range(5)
    ]
    path = tmp_path / "full.json"
    save_plan(plan, path)
    err = refused(capsys, path, "log", str(path), "--exam", "2", "--hours", "1")
    assert f"a plan keeps at most {MAX_PLAN_SESSIONS:,} study sessions" in err


def test_a_plan_held_by_another_log_names_that_as_the_cause(
    plan_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("studyplanner.cli.edit.COMMAND_LOCK_WAIT_S", 0.2)
    other = PlanLock(plan_file, holder=LockHolder.COMMAND)
    assert other.acquire()
    try:
        err = refused(capsys, plan_file, "log", str(plan_file), "--exam", "1", "--hours", "1")
    finally:
        other.release()
    assert "another studyplanner command (log, score or fee) is changing it" in err
    assert "open in" not in err


def test_a_plan_held_by_an_older_studyplanner_names_another_process(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = PlanLock(plan_file)
    assert other.acquire()
    try:
        other.path.write_text("12345 somehost\n", encoding="ascii")  # what older versions wrote
        err = refused(capsys, plan_file, "log", str(plan_file), "--exam", "1", "--hours", "1")
    finally:
        other.release()
    assert "another StudyPlanner process holds it" in err


def test_a_log_waits_for_another_logs_edit_to_end(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import threading

    other = PlanLock(plan_file, holder=LockHolder.COMMAND)
    assert other.acquire()
    threading.Timer(0.3, other.release).start()
    assert run(capsys, "log", str(plan_file), "--exam", "1", "--hours", "1")[0] == 0
    assert len(saved(plan_file)["entries"][0]["sessions"]) == 1


# --- output that cannot be written, as real processes ----------------------------------------


def command(args: list[str], tmp_path: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, paths.ENV_VAR: str(tmp_path / "data")}
    return subprocess.run(
        [str(COMMAND), *args],
        env=env,
        text=True,
        timeout=120,
        check=False,
        **kwargs,  # type: ignore[call-overload]
    )


def test_version_with_stdout_closed_exits_0_quietly(tmp_path: Path) -> None:
    done = subprocess.run(
        f"'{COMMAND}' --version >&-", shell=True, capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stderr) == (0, "")


def test_log_with_stdout_closed_saves_once_and_exits_0(plan_file: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        f"'{COMMAND}' --today {TODAY} log '{plan_file}' --exam 1 --hours 1.5 >&-",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, paths.ENV_VAR: str(tmp_path / "data")},
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert [s["hours"] for s in saved(plan_file)["entries"][0]["sessions"]] == [1.5]
    assert backup_folder(plan_file).exists()


@pytest.mark.posix
def test_log_into_a_full_disk_saves_once_and_exits_0(plan_file: Path, tmp_path: Path) -> None:
    with open(os.devnull if not Path("/dev/full").exists() else "/dev/full", "w") as full:
        done = command(
            ["--today", TODAY, "log", str(plan_file), "--exam", "1", "--hours", "2"],
            tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
        )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert [s["hours"] for s in saved(plan_file)["entries"][0]["sessions"]] == [2]


@pytest.mark.posix
def test_show_into_a_full_disk_is_refused_with_one_line(plan_file: Path, tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        done = command(
            ["--today", TODAY, "show", str(plan_file)],
            tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
        )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "standard output cannot be written" in done.stderr


def test_catalog_into_head_exits_0(tmp_path: Path) -> None:
    done = subprocess.run(
        f"'{COMMAND}' catalog | head -c 10; exit ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, paths.ENV_VAR: str(tmp_path / "data")},
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout) == 10
    assert done.stderr == ""


def test_a_today_past_the_plans_horizon_says_so(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = refused(capsys, plan_file, "show", str(plan_file), today="2150-12-30")
    assert "2150-12-30 is beyond what StudyPlanner can plan for this plan" in err
    assert "60 years from the plan's start (2026-12-01)" in err
