"""Exam domains on the command line (issue 24): `log --domain`, `score --domain`, the split in
`show` and `show --json`, and `week`. Bad domain numbers: exit 2 and one clear line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from studyplanner.cli import main
from studyplanner.domain.plan import PlanEntry, StudyPlan, WeeklyAvailability
from studyplanner.storage.plan_files import save_plan

TODAY = "2026-06-03"  # a Wednesday
WEEK = [2.0, 2.0, 2.0, 2.0, 2.0, 4.0, 4.0]  # 18 h a week


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--today", TODAY, *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    """SAA-C03 (100 h) then DVA-C02, from Monday 1 Jun 2026."""
    path = tmp_path / "plans" / "architect.json"
    path.parent.mkdir()
    plan = StudyPlan(
        name="Architect",
        start_date=date(2026, 6, 1),
        availability=WeeklyAvailability(hours_per_weekday=WEEK),
        entries=[
            PlanEntry(certification_id="solutions-architect-associate", hours_override=100),
            PlanEntry(certification_id="developer-associate"),
        ],
    )
    save_plan(plan, path)
    return path


def shown(capsys: pytest.CaptureFixture[str], plan: Path) -> dict[str, Any]:
    code, out, err = run(capsys, "show", str(plan), "--json")
    assert (code, err) == (0, ""), err
    document: dict[str, Any] = json.loads(out)
    return document


def test_show_json_splits_each_exam_by_domain_adding_up_to_its_hours(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entries = shown(capsys, plan_file)["entries"]
    first = entries[0]
    assert [(d["number"], d["weight"], d["hours"]) for d in first["domains"]] == [
        (1, 30, 30),
        (2, 26, 26),
        (3, 24, 24),
        (4, 20, 20),
    ]
    assert first["domains"][0] == {
        "number": 1,
        "name": "Design Secure Architectures",
        "weight": 30,
        "hours": 30,
        "logged": 0,
        "remaining": 30,
        "study": 27,
        "review": 3,
        "result": None,
        "result_on": None,
        "weak": False,
        "rating": None,
    }
    for entry in entries:
        assert sum(d["hours"] for d in entry["domains"]) == pytest.approx(entry["hours"])


def test_logging_and_scoring_by_domain_move_the_split(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "log", str(plan_file), "--exam", "SAA-C03", "--hours", "2", "--domain", "1",
        "--date", "2026-06-01",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        "Logged 2 h for SAA-C03, Domain 1, Design Secure Architectures, on 1 Jun 2026"
    )
    code, out, err = run(
        capsys, "score", str(plan_file), "--exam", "saa-c03", "--percent", "70",
        "--domain", "2=55", "--domain", "3=meets", "--domain", "4=Needs-Improvement",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        "Recorded 70 % for SAA-C03 on 3 Jun 2026 (not ready: Domain 4, Design Cost-Optimized "
        "Architectures, needs improvement; Domain 2, Design Resilient Architectures, 55 %; one "
        "practice score, 70 % (two at 80 % or more make it ready))"
    )
    saved = json.loads(plan_file.read_text(encoding="utf-8"))["entries"][0]
    assert saved["sessions"][0]["domain"] == 1
    assert saved["scores"][0]["domains"] == {"2": 55.0, "3": "meets", "4": "needs-improvement"}

    document = shown(capsys, plan_file)
    first = document["entries"][0]
    assert first["scores"][0]["domains"] == {"2": 55.0, "3": "meets", "4": "needs-improvement"}
    domains = {d["number"]: d for d in first["domains"]}
    assert domains[1]["logged"] == 2
    assert [domains[n]["result"] for n in (1, 2, 3, 4)] == [None, 55, "meets", "needs-improvement"]
    # Factors 1, 1.5, 0.8, 1.5: weighted 0.30, 0.39, 0.192, 0.30 (1.182) of the 90 h before
    # review; domain 2's target is 29.7 h, well above its 23.4 h by weight.
    assert domains[2]["study"] == pytest.approx(29.7)
    assert sum(d["hours"] for d in first["domains"]) == pytest.approx(100)
    assert [w["code"] for w in document["warnings"]] == []


def test_show_prints_the_split_of_the_exam_being_studied(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "show", str(plan_file))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    at = lines.index("  Domains of SAA-C03, studied now (weakest first: 1, 2, 3, 4):")
    assert lines[at + 1] == (
        "    Domain 1, Design Secure Architectures (30 %): 30 h, 0 h logged, 30 h to go "
        "(3 h of them review)"
    )
    assert len([line for line in lines if line.startswith("    Domain ")]) == 4


def test_week_prints_the_days_and_adds_up(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "week", str(plan_file), "--json", "--date", "2026-06-10")
    assert (code, err) == (0, "")
    week = json.loads(out)
    assert week["week_start"] == "2026-06-08"
    assert sum(item["hours"] for item in week["items"]) == pytest.approx(18)
    assert {tuple(sorted(item)) for item in week["items"]} == {
        ("code", "date", "domain", "domain_name", "entry_id", "hours", "kind")
    }
    # Study is planned from today, Wednesday 3 Jun: domain 1's 27 h take 14 h that week,
    # 10 h Monday to Friday, then 3 of Saturday's 4 h.
    saturday = [(i["domain"], i["hours"]) for i in week["items"] if i["date"] == "2026-06-13"]
    assert saturday == [(1, 3.0), (2, 1.0)]

    code, out, err = run(capsys, "week", str(plan_file))
    assert (code, err) == (0, "")
    assert out.splitlines()[:4] == [
        "Week of 1 Jun 2026 (Monday to 7 Jun 2026)",
        "  Mon 1 Jun 2026   —",
        "  Tue 2 Jun 2026   —",
        "  Wed 3 Jun 2026   SAA-C03      2 h  Domain 1, Design Secure Architectures",
    ]
    assert out.splitlines()[-1] == "  Total 14 h"


def test_week_shows_the_exam_day_and_the_review(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exam = shown(capsys, plan_file)["entries"][0]["exam_date"]
    code, out, err = run(capsys, "week", str(plan_file), "--date", exam)
    assert (code, err) == (0, "")
    assert any(line.endswith("exam SAA-C03") for line in out.splitlines())
    assert "review: Domain" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["log", "--hours", "1", "--domain", "5"],
            "--domain 5: SAA-C03 has domains 1 to 4 (see `studyplanner show`)",
        ),
        (["log", "--hours", "1", "--domain", "0"], "a domain is its number in the exam guide"),
        (["log", "--hours", "1", "--domain", "x"], "a domain is its number in the exam guide"),
        (
            ["score", "--percent", "70", "--domain", "9=50"],
            "--domain 9: SAA-C03 has domains 1 to 4",
        ),
        (["score", "--percent", "70", "--domain", "2"], "expected N=PERCENT, N=meets"),
        (["score", "--percent", "70", "--domain", "2=great"], "not a number: 'great'"),
        (["score", "--percent", "70", "--domain", "2=101"], "a score is a percentage"),
        (
            ["score", "--percent", "70", "--domain", "2=50", "--domain", "2=meets"],
            "--domain 2: given twice",
        ),
    ],
)
def test_bad_domains_are_refused_in_one_line_and_nothing_changes(
    plan_file: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = plan_file.read_bytes()
    command, *rest = args
    code, out, err = run(capsys, command, str(plan_file), "--exam", "SAA-C03", *rest)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
    assert plan_file.read_bytes() == before


def test_an_exam_without_domains_refuses_any_domain(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "retired.json"
    plan = StudyPlan(
        start_date=date(2026, 6, 1),
        availability=WeeklyAvailability(hours_per_weekday=WEEK),
        entries=[PlanEntry(certification_id="database-specialty", hours_override=40)],
    )
    save_plan(plan, path)
    code, out, err = run(
        capsys, "score", str(path), "--exam", "DBS-C01", "--percent", "60", "--domain", "1=50"
    )
    assert (code, out) == (2, "")
    assert err == "studyplanner: --domain 1: DBS-C01 lists no exam domains\n"
    # Without domains the exam is one block: `week` names no domain, `show` prints no split.
    code, out, err = run(capsys, "week", str(path), "--json")
    assert {(i["code"], i["domain"]) for i in json.loads(out)["items"]} == {("DBS-C01", None)}
    assert shown(capsys, path)["entries"][0]["domains"] == []
    code, out, err = run(capsys, "show", str(path))
    assert "Domains of" not in out
