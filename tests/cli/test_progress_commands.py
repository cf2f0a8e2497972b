"""Issue 12 on the command line: `log` and `score` write the plan safely, `show` re-plans from
`--today` and says how the learner is doing (pace, readiness, the finish against the
baseline), `suggest` keeps the new plan's dates as its baseline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from studyplanner.cli import main
from studyplanner.domain.plan import (
    PLAN_SCHEMA_VERSION,
    Baseline,
    EntryStatus,
    PlanEntry,
    PracticeScore,
    StudyPlan,
    StudySession,
    WeeklyAvailability,
)
from studyplanner.storage import paths
from studyplanner.storage.locks import PlanLock
from studyplanner.storage.plan_files import backup_folder, save_plan

TODAY = "2026-12-01"
TWO_HOURS_A_DAY = WeeklyAvailability(hours_per_weekday=[2.0] * 7)
"""14 h a week, 2 h every day: dates can be worked out by hand (N hours take N / 2 days)."""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args) if "--today" in args else ["--today", TODAY, *args])
    out, err = capsys.readouterr()
    return code, out, err


def two_exams(**first: Any) -> StudyPlan:
    """Developer (100 h) then Solutions Architect (60 h), both Associate, from 1 Dec 2026."""
    return StudyPlan(
        name="Two associates",
        start_date=date(2026, 12, 1),
        availability=TWO_HOURS_A_DAY,
        entries=[
            PlanEntry(certification_id="developer-associate", hours_override=100, **first),
            PlanEntry(certification_id="solutions-architect-associate", hours_override=60),
        ],
    )


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "two.json"
    path.parent.mkdir()
    save_plan(two_exams(), path)
    return path


def shown(capsys: pytest.CaptureFixture[str], plan: Path, *today: str) -> dict[str, Any]:
    code, out, err = run(capsys, *today, "show", str(plan), "--json")
    assert (code, err) == (0, ""), err
    document: dict[str, Any] = json.loads(out)
    return document


def saved(plan: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(plan.read_text(encoding="utf-8"))
    return document


# --- log -----------------------------------------------------------------------------------


def test_logging_20_hours_moves_both_exams_10_days_earlier(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """100 h at 2 h a day from 1 Dec: study 1-19 Dec... worked by hand. 100 h take 50 days
    (1 Dec - 19 Jan, exam 20 Jan); with 20 h logged the 80 h left take 40 days (exam 10 Jan).
    The second exam follows: 60 h, 30 days from the day after the first exam."""
    before = shown(capsys, plan_file)["entries"]
    assert [e["exam_date"] for e in before] == ["2027-01-20", "2027-02-20"]

    code, out, err = run(
        capsys,
        "log", str(plan_file), "--exam", "DVA-C02", "--hours", "20", "--date", "2026-11-30",
        "--note", "Weekend bootcamp",
    )  # fmt: skip

    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Logged 20 h for DVA-C02 on 30 Nov 2026"
    assert "DVA-C02: 20 h of 100 h studied, exam 10 Jan 2027" in out
    entry = saved(plan_file)["entries"][0]
    assert entry["sessions"] == [{"on": "2026-11-30", "hours": 20.0, "note": "Weekend bootcamp"}]
    after = shown(capsys, plan_file)["entries"]
    assert [e["exam_date"] for e in after] == ["2027-01-10", "2027-02-10"]
    assert after[0]["hours_logged"] == 20 and after[0]["remaining_hours"] == 80
    # The bar starts where study began; the rest of the study is laid out from today.
    assert after[0]["study_start"] == "2026-11-30"


def test_a_logged_session_makes_the_exam_studying_and_keeps_the_log_in_date_order(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 21: the window's rule (planned becomes studying, sessions by date) on the
    command line too, from the one rule in the domain."""
    assert shown(capsys, plan_file)["entries"][0]["status"] == "planned"
    for day in ("2026-11-30", "2026-11-20"):
        code, _, err = run(
            capsys, "log", str(plan_file), "--exam", "DVA-C02", "--hours", "1", "--date", day
        )
        assert (code, err) == (0, "")
    first, second = shown(capsys, plan_file)["entries"]
    assert first["status"] == "studying"
    assert second["status"] == "planned"  # only the exam that was studied
    assert [s["on"] for s in saved(plan_file)["entries"][0]["sessions"]] == [
        "2026-11-20",
        "2026-11-30",
    ]


def test_log_keeps_a_passed_exam_passed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "passed.json"
    save_plan(two_exams(status=EntryStatus.PASSED, passed_on=date(2026, 11, 30)), path)
    code, _, err = run(capsys, "log", str(path), "--exam", "DVA-C02", "--hours", "1")
    assert (code, err) == (0, "")
    assert saved(path)["entries"][0]["status"] == "passed"


def test_log_dates_the_session_today_and_backs_the_old_file_up(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = plan_file.read_bytes()
    code, _, err = run(capsys, "log", str(plan_file), "--exam", "dva-c02", "--hours", "1.5")
    assert (code, err) == (0, "")
    assert saved(plan_file)["entries"][0]["sessions"] == [{"on": TODAY, "hours": 1.5, "note": ""}]
    (backup,) = backup_folder(plan_file).iterdir()
    assert backup.read_bytes() == old
    assert [p.name for p in plan_file.parent.iterdir()] == ["two.json"]  # no lock, no temp


def test_log_upgrades_an_older_plan_and_keeps_its_hours_logged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A format-4 plan with 'hours_logged': 20 gets a session for those hours, then the new one;
    the backup is the old file, byte for byte."""
    path = tmp_path / "old.json"
    document = json.loads(two_exams().model_dump_json())
    document["schema_version"] = 4
    del document["readiness_target"], document["baseline"]
    for entry in document["entries"]:
        del entry["sessions"], entry["scores"]
        entry["hours_logged"] = 0.0
    document["entries"][0]["hours_logged"] = 20.0
    path.write_text(json.dumps(document), encoding="utf-8")
    old = path.read_bytes()

    code, _, err = run(capsys, "log", str(path), "--exam", "DVA-C02", "--hours", "2")

    assert (code, err) == (0, "")
    upgraded = saved(path)
    assert upgraded["schema_version"] == PLAN_SCHEMA_VERSION
    assert [s["hours"] for s in upgraded["entries"][0]["sessions"]] == [20.0, 2.0]
    (backup,) = backup_folder(path).iterdir()
    assert backup.read_bytes() == old
    assert shown(capsys, path)["entries"][0]["hours_logged"] == 22


def test_an_exam_in_the_plan_twice_means_the_one_not_passed_yet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = two_exams(status=EntryStatus.PASSED, passed_on=date(2026, 11, 20))
    plan.entries.append(PlanEntry(certification_id="developer-associate", hours_override=50))
    path = tmp_path / "retake.json"
    save_plan(plan, path)

    assert run(capsys, "log", str(path), "--exam", "DVA-C02", "--hours", "2")[0] == 0
    entries = saved(path)["entries"]
    assert [len(e["sessions"]) for e in entries] == [0, 0, 1]


def test_two_open_attempts_at_one_exam_are_told_apart_by_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = two_exams()
    plan.entries.append(PlanEntry(certification_id="developer-associate", hours_override=50))
    path = tmp_path / "twice.json"
    save_plan(plan, path)
    before = path.read_bytes()

    code, out, err = run(capsys, "log", str(path), "--exam", "DVA-C02", "--hours", "2")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "2 times" in err and "(1 or 3)" in err
    assert path.read_bytes() == before

    assert run(capsys, "log", str(path), "--exam", "3", "--hours", "2")[0] == 0
    assert [len(e["sessions"]) for e in saved(path)["entries"]] == [0, 0, 1]


REFUSED = {
    "unknown-exam": (["log", "--exam", "SAP-C02", "--hours", "1"],
                     "--exam SAP-C02: not in this plan (its exams: DVA-C02, SAA-C03)"),
    "zero-hours": (["log", "--exam", "DVA-C02", "--hours", "0"], "from 0.01 to 24"),
    "a-day-too-long": (["log", "--exam", "DVA-C02", "--hours", "25"], "from 0.01 to 24"),
    "future-day": (["log", "--exam", "DVA-C02", "--hours", "1", "--date", "2026-12-02"],
                   "--date: 2026-12-02 is after today (2026-12-01)"),
    "note-too-long": (["log", "--exam", "DVA-C02", "--hours", "1", "--note", "n" * 501],
                      "--note: String should have at most 500 characters"),
    "score-over-100": (["score", "--exam", "DVA-C02", "--percent", "101"], "0 to 100"),
    "score-not-a-number": (["score", "--exam", "DVA-C02", "--percent", "high"], "not a number"),
    "source-too-long": (["score", "--exam", "DVA-C02", "--percent", "80", "--source", "s" * 201],
                        "--source: String should have at most 200 characters"),
    "score-unknown-exam": (["score", "--exam", "", "--percent", "80"], "not in this plan"),
}  # fmt: skip


@pytest.mark.parametrize(("args", "expected"), REFUSED.values(), ids=REFUSED.keys())
def test_bad_log_and_score_input_exits_2_and_leaves_the_plan_alone(
    plan_file: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    before = plan_file.read_bytes()
    code, out, err = run(capsys, args[0], str(plan_file), *args[1:])
    assert (code, out) == (2, "")
    assert err.startswith("studyplanner: ") and err.count("\n") == 1, err
    assert expected in err
    assert plan_file.read_bytes() == before
    assert not backup_folder(plan_file).exists()
    assert [p.name for p in plan_file.parent.iterdir()] == ["two.json"]


def test_log_on_a_missing_plan_names_it_and_creates_no_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere" / "plan.json"
    code, _, err = run(capsys, "log", str(missing), "--exam", "DVA-C02", "--hours", "1")
    assert code == 2 and "plan.json: does not exist" in err
    assert not missing.parent.exists()


def test_a_plan_open_in_a_window_of_this_process_is_refused(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = plan_file.read_bytes()
    window = PlanLock(plan_file)
    assert window.acquire()
    try:
        code, out, err = run(
            capsys, "score", str(plan_file), "--exam", "DVA-C02", "--percent", "80"
        )
    finally:
        window.release()
    assert (code, out) == (2, "")
    assert err == (
        f"studyplanner: {plan_file}: is open in a StudyPlanner window; add it there, or close "
        "the plan first\n"
    )
    assert plan_file.read_bytes() == before


def test_a_plan_open_in_another_studyplanner_is_refused_by_the_real_command(
    plan_file: Path, tmp_path: Path
) -> None:
    """Another process holds the plan's lock (as an open window does); the installed command
    exits 2 with one line and leaves the file as it was."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; "
            "from studyplanner.storage.locks import PlanLock; "
            "lock = PlanLock(Path(sys.argv[1])); assert lock.acquire(); "
            "print('held', flush=True); sys.stdin.read()",
            str(plan_file),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        before = plan_file.read_bytes()
        done = subprocess.run(
            [str(Path(sys.executable).with_name("studyplanner")), "--today", TODAY,
             "log", str(plan_file), "--exam", "DVA-C02", "--hours", "1"],
            capture_output=True, text=True, timeout=120, check=False,
            env={**os.environ, paths.ENV_VAR: str(tmp_path / "data")},
        )  # fmt: skip
    finally:
        holder.communicate("", timeout=30)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.count("\n") == 1 and "is open in a StudyPlanner window" in done.stderr
    assert plan_file.read_bytes() == before


# --- score and readiness ---------------------------------------------------------------------


def test_scores_make_an_exam_ready_when_the_last_two_reach_the_target(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert shown(capsys, plan_file)["entries"][0]["readiness"] == "unknown"

    code, out, _ = run(
        capsys, "score", str(plan_file), "--exam", "DVA-C02", "--percent", "72",
        "--date", "2026-11-20", "--source", "official practice set",
    )  # fmt: skip
    assert code == 0
    assert out.startswith("Recorded 72 % for DVA-C02 on 20 Nov 2026 (not ready: one practice")
    assert shown(capsys, plan_file)["entries"][0]["readiness"] == "not-ready"

    run(capsys, "score", str(plan_file), "--exam", "DVA-C02", "--percent", "84%")
    run(capsys, "score", str(plan_file), "--exam", "DVA-C02", "--percent", "81.5")
    document = shown(capsys, plan_file)
    first = document["entries"][0]
    assert first["readiness"] == "ready"
    assert [s["percent"] for s in first["scores"]] == [72, 84, 81.5]
    assert first["scores"][0] == {
        "on": "2026-11-20",
        "percent": 72,
        "source": "official practice set",
    }
    assert document["entries"][1]["readiness"] == "unknown"
    assert document["readiness_target"] == 80

    code, out, _ = run(capsys, "show", str(plan_file))
    assert "Readiness: DVA-C02 ready: last two practice scores 84 % and 81.5 % (target 80 %)" in out


# --- show: re-planning, pace and the baseline ---------------------------------------------------


def test_a_plan_started_months_ago_is_replanned_from_today(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing logged since 1 Dec 2026; on 1 Mar 2027 the 100 h start that day (50 days,
    exam 20 Apr) instead of showing exam dates that have already passed."""
    document = shown(capsys, plan_file, "--today", "2027-03-01")
    first = document["entries"][0]
    assert document["today"] == "2027-03-01"
    assert (first["study_start"], first["exam_date"]) == ("2027-03-01", "2027-04-20")


def test_show_json_says_today_and_how_far_behind_the_exam_being_studied_is(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = shown(capsys, plan_file)
    assert document["today"] == TODAY
    assert document["behind_hours"] == 0
    assert all(e["hours_logged"] == 0 for e in document["entries"])


def test_show_says_how_far_the_finish_moved_from_the_baseline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One exam of 40 h at 2 h a day from 1 Dec: exam on 21 Dec. The baseline said 30 Nov:
    21 days, three weeks later."""
    plan = StudyPlan(
        name="Slipped",
        start_date=date(2026, 12, 1),
        availability=TWO_HOURS_A_DAY,
        entries=[PlanEntry(id="a" * 32, certification_id="cloud-practitioner", hours_override=40)],
        baseline=Baseline(
            taken_on=date(2026, 10, 5),
            exam_dates={"a" * 32: date(2026, 11, 30)},
            finish=date(2026, 11, 30),
        ),
    )
    path = tmp_path / "slipped.json"
    save_plan(plan, path)

    document = shown(capsys, path)
    assert document["finish_date"] == "2026-12-21"
    assert document["baseline"] == {
        "taken_on": "2026-10-05",
        "finish": "2026-11-30",
        "finish_shift_days": 21,
    }
    code, out, _ = run(capsys, "show", str(path))
    assert code == 0
    assert "  Baseline: finish 3 weeks later than planned on 30 Nov 2026 (set 5 Oct 2026)\n" in out


def test_suggest_keeps_the_new_plans_dates_as_its_baseline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.json"
    code, _, _ = run(
        capsys, "suggest", "--role", "developer", "--experience-years", "2",
        "--hours-per-week", "8", "-o", str(path),
    )  # fmt: skip
    assert code == 0
    baseline = saved(path)["baseline"]
    document = shown(capsys, path)
    assert baseline["taken_on"] == TODAY
    assert baseline["finish"] == document["finish_date"]
    assert baseline["exam_dates"] == {e["entry_id"]: e["exam_date"] for e in document["entries"]}
    assert document["baseline"]["finish_shift_days"] == 0
    code, out, _ = run(capsys, "show", str(path))
    finish = date.fromisoformat(document["finish_date"])
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    written = f"{finish.day} {months[finish.month - 1]} {finish.year}"
    assert f"Baseline: finish as planned on {written} (set 1 Dec 2026)" in out


def test_scores_and_sessions_of_a_passed_exam_are_history_not_advice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = two_exams(
        status=EntryStatus.PASSED,
        passed_on=date(2026, 11, 20),
        sessions=[StudySession(on=date(2026, 11, 2), hours=3)],
        scores=[PracticeScore(on=date(2026, 11, 10), percent=60)],
    )
    path = tmp_path / "passed.json"
    save_plan(plan, path)
    code, out, _ = run(capsys, "show", str(path))
    assert code == 0
    assert "Readiness:" not in out
    assert "(passed, 3 h logged)" in out


def test_pace_against_the_plan_from_its_start_in_show_and_show_json(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The plan starts on Tue 1 Dec at 2 h a day; on Tue 8 Dec the seven days before it gave
    14 h to DVA. 7 h were logged on 2 Dec: 7 h behind, half of the 14 h week."""
    today = ("--today", "2026-12-08")
    run(
        capsys,
        *today,
        "log",
        str(plan_file),
        "--exam",
        "DVA-C02",
        "--hours",
        "7",
        "--date",
        "2026-12-02",
    )

    document = shown(capsys, plan_file, *today)
    assert document["behind_hours"] == 7
    assert document["pace"] == {
        "reference": "plan-start",
        "reference_date": "2026-12-01",
        "planned_by_today": 14,
        "logged": 7,
        "behind_hours": 7,
    }
    assert [e["behind_hours"] for e in document["entries"]] == [7, 0]
    code, out, _ = run(capsys, *today, "show", str(plan_file))
    assert code == 0
    assert (
        "  Pace: 7 h behind the plan from its start on 1 Dec 2026 (about half a week at your "
        "pace)\n" in out
    )
    assert "(studying, 7 h logged)" in out  # a logged exam is being studied (issue 21)


def test_a_month_away_from_study_is_behind_though_the_dates_re_plan(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing logged by Fri 1 Jan 2027: the 31 days since 1 Dec gave 62 h to DVA, so the
    learner is 62 h behind and warned, while the dates re-plan from 1 Jan. Logging 20 h takes
    exactly 20 h off."""
    today = ("--today", "2027-01-01")
    document = shown(capsys, plan_file, *today)
    assert document["entries"][0]["study_start"] == "2027-01-01"
    assert document["behind_hours"] == 62
    assert [w["code"] for w in document["warnings"]].count("behind-schedule") == 1
    run(capsys, *today, "log", str(plan_file), "--exam", "DVA-C02", "--hours", "20")
    assert shown(capsys, plan_file, *today)["behind_hours"] == 42


def test_ahead_of_pace_is_said_and_is_negative_behind(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """20 h on Wed 2 Dec, the only day of study so far (2 h planned, 1 Dec): 18 h ahead."""
    today = ("--today", "2026-12-02")
    run(capsys, *today, "log", str(plan_file), "--exam", "DVA-C02", "--hours", "20")
    assert shown(capsys, plan_file, *today)["behind_hours"] == -18
    code, out, _ = run(capsys, *today, "show", str(plan_file))
    assert code == 0
    assert (
        "  Pace: 18 h ahead of the plan from its start on 1 Dec 2026 (about a week at your "
        "pace)\n" in out
    )


def test_a_study_log_that_would_outgrow_the_plan_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plan keeps at most 5,000 sessions in all (each exam at most 2,000), so that it always
    fits a plan file and opens again."""
    day = date(2026, 11, 1)
    plan = two_exams(sessions=[StudySession(on=day, hours=0.5)] * 2000)
    plan.entries[1].sessions = [StudySession(on=day, hours=0.5)] * 2000
    plan.entries.append(
        PlanEntry(
            certification_id="cloud-practitioner",
            sessions=[StudySession(on=day, hours=0.5)] * 1000,
        )
    )
    path = tmp_path / "full.json"
    save_plan(plan, path)
    before = path.read_bytes()

    code, _, err = run(capsys, "log", str(path), "--exam", "CLF-C02", "--hours", "1")
    assert code == 2
    assert err == (
        "studyplanner: --exam CLF-C02: the plan's study log is full: a plan keeps at most "
        "5,000 study sessions\n"
    )
    code, _, err = run(capsys, "log", str(path), "--exam", "DVA-C02", "--hours", "1")
    assert code == 2 and err.startswith(
        "studyplanner: --exam DVA-C02: this exam's study log is full: an exam keeps at most 2,000"
    )
    assert path.read_bytes() == before
