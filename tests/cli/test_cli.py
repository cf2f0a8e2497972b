"""The command line, run in-process: output formats, plan files, and one-line errors."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from studyplanner import __version__
from studyplanner.bundled import bundled_path
from studyplanner.cli import main
from studyplanner.domain.plan import (
    Direction,
    LearnerProfile,
    PlanEntry,
    Role,
    StudyPlan,
    WeeklyAvailability,
)
from studyplanner.storage import paths
from studyplanner.storage.plan_files import backup_folder, plan_to_json, save_plan

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


TODAY = "2026-11-29"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the command line as of ``TODAY`` unless the arguments say otherwise."""
    code = main(list(args) if "--today" in args else ["--today", TODAY, *args])
    out, err = capsys.readouterr()
    return code, out, err


def suggest_args(output: Path, *extra: str) -> list[str]:
    return [
        "suggest",
        "--role",
        "developer",
        "--experience-years",
        "2",
        "--hours-per-week",
        "8",
        "--start",
        "2026-02-02",
        "-o",
        str(output),
        *extra,
    ]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"StudyPlanner {__version__}"


def test_version_after_other_options_says_the_same(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--today", "2026-11-29", "--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"StudyPlanner {__version__}"


def test_catalog_lists_certifications_by_tier(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "catalog")
    assert code == 0 and err == ""
    headings = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert headings == ["Foundational", "Associate", "Professional", "Specialty"]
    assert "DVA-C02" in out and "Developer – Associate" in out
    assert re.search(r"DBS-C01 .*\[retired 2024-04-29\]", out)


def test_catalog_json_has_the_documented_fields(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "catalog", "--json")
    assert code == 0 and err == ""
    rows = json.loads(out)
    assert len(rows) == 17
    for row in rows:
        assert {"id", "code", "name", "tier", "status", "hours"} <= set(row)
        assert row["tier"] in {"foundational", "associate", "professional", "specialty"}
        assert row["status"] in {"active", "retiring", "retired"}
        assert isinstance(row["hours"], int) and row["hours"] > 0
    developer = next(r for r in rows if r["id"] == "developer-associate")
    assert (developer["code"], developer["tier"], developer["status"], developer["hours"]) == (
        "DVA-C02",
        "associate",
        "active",
        110,
    )
    retired = {r["code"] for r in rows if r["status"] == "retired"}
    assert retired == {"SOA-C02", "MLS-C01", "DBS-C01", "DAS-C01", "PAS-C01"}


def test_suggest_writes_a_plan_that_show_json_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = tmp_path / "dev.json"
    code, out, err = run(capsys, *suggest_args(plan_file, "--direction", "devops"))
    assert code == 0 and err == ""
    assert "DVA-C02" in out and plan_file.is_file()

    # as of the plan's first day (from a later day on it is re-planned from that day)
    code, out, err = run(capsys, "--today", "2026-02-02", "show", str(plan_file), "--json")
    assert code == 0 and err == ""
    shown: dict[str, Any] = json.loads(out)
    assert {"name", "entries", "total_hours", "warnings"} <= set(shown)
    assert shown["name"] == "Developer path"
    assert [e["id"] for e in shown["entries"]] == [
        "developer-associate",
        "solutions-architect-associate",
        "devops-engineer-professional",
    ]
    for item in shown["entries"]:
        assert {"id", "code", "name", "tier", "hours", "study_start", "exam_date"} <= set(item)
        assert ISO_DATE.match(item["study_start"]) and ISO_DATE.match(item["exam_date"])
        assert item["study_start"] < item["exam_date"]
    assert shown["entries"][0]["study_start"] == "2026-02-02"
    assert shown["total_hours"] == sum(e["hours"] for e in shown["entries"])
    assert [w for w in shown["warnings"] if w["severity"] == "warning"] == []
    # DevOps Professional renews the Developer Associate passed before it: good news, no warning
    assert [(w["code"], w["entry"]) for w in shown["warnings"]] == [
        ("renewed-by", "developer-associate")
    ]


def test_show_json_lists_warnings_with_their_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = tmp_path / "odd.json"
    veteran = StudyPlan(
        start_date=date.fromisoformat(TODAY), profile=LearnerProfile(experience_years=6)
    )
    document = json.loads(plan_to_json(veteran))
    document["entries"] = [
        {"certification_id": "solutions-architect-professional"},
        {"certification_id": "cloud-practitioner"},
        {"certification_id": "cloud-practitioner"},
    ]
    plan_file.write_text(json.dumps(document), encoding="utf-8")

    code, out, _ = run(capsys, "show", str(plan_file), "--json")
    assert code == 0
    warnings = [w for w in json.loads(out)["warnings"] if w["severity"] == "warning"]
    assert [(w["code"], w["entry"]) for w in warnings] == [
        ("professional-without-associate", "solutions-architect-professional"),
        ("duplicate", "cloud-practitioner"),
    ]
    assert all(isinstance(w["message"], str) and w["message"] for w in warnings)


def test_show_prints_the_schedule_and_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = tmp_path / "p.json"
    save_plan(
        StudyPlan.model_validate(
            {
                "name": "Text view",
                "start_date": "2026-01-05",
                "entries": [{"certification_id": "security-specialty"}],
            }
        ),
        plan_file,
    )
    code, out, err = run(capsys, "--today", "2026-01-05", "show", str(plan_file))
    assert code == 0 and err == ""
    assert out.startswith("Text view  (from 2026-01-05")
    assert "SCS-C03" in out and "study from 2026-01-05" in out
    assert "warning:" in out and "before any Associate" in out


def test_schema_prints_the_plan_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "schema")
    assert code == 0 and err == ""
    schema = json.loads(out)
    assert "entries" in schema["properties"] and "schema_version" in schema["properties"]


def test_help_lists_roles_and_directions(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["suggest", "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    for choice in [*Role, *Direction]:
        assert choice.value in text


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_every_role_is_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], role: str
) -> None:
    plan_file = tmp_path / f"{role}.json"
    args = suggest_args(plan_file)
    args[args.index("developer")] = role
    code, _, err = run(capsys, *args)
    assert code == 0 and err == ""
    assert json.loads(plan_file.read_text(encoding="utf-8"))["profile"]["role"] == role


def test_data_dir_option_is_where_suggest_backs_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chosen = tmp_path / "chosen"
    plan_file = tmp_path / "p.json"
    assert run(capsys, "--data-dir", str(chosen), *suggest_args(plan_file))[0] == 0
    assert run(capsys, "--data-dir", str(chosen), *suggest_args(plan_file))[0] == 0
    assert paths.data_dir() == chosen
    assert len(list(backup_folder(plan_file).iterdir())) == 1
    assert backup_folder(plan_file).parent == chosen / "backups"


def test_a_plan_path_alone_opens_the_app_even_after_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studyplanner.ui import app

    opened: list[Path | None] = []

    def fake_run_app(
        plan: Path | None,
        *,
        smoke: bool,
        screenshot: Path | None,
        theme: str | None,
        today: object = None,
        language: str | None = None,
    ) -> int:
        opened.append(plan)
        return 0

    monkeypatch.setattr(app, "run_app", fake_run_app)
    assert main(["mine.json"]) == 0
    assert main(["--data-dir", str(tmp_path / "d"), "mine.json"]) == 0
    assert main(["--data-dir", str(tmp_path / "d")]) == 0
    assert opened == [Path("mine.json"), Path("mine.json"), None]
    assert paths.data_dir() == tmp_path / "d"


# --- bad input: exit 2, one line on stderr, no traceback ----------------------------------


def zero_hours_plan(folder: Path) -> Path:
    path = folder / "zero.json"
    document = json.loads(plan_to_json(StudyPlan(start_date=date(2026, 1, 5))))
    document["availability"]["hours_per_weekday"] = [0] * 7
    document["entries"] = [{"certification_id": "cloud-practitioner"}]
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def corrupt_plan(folder: Path) -> Path:
    path = folder / "corrupt.json"
    path.write_text('{"schema_version": 2, "name": "half a pl', encoding="utf-8")
    return path


def newer_plan(folder: Path) -> Path:
    path = folder / "newer.json"
    path.write_text('{"schema_version": 99}', encoding="utf-8")
    return path


BAD_INPUT: dict[str, tuple[list[str], str]] = {
    "unknown-role": (["suggest", "--role", "pilot", "--experience-years", "1",
                      "--hours-per-week", "8", "-o", "{tmp}/x.json"], "invalid choice: 'pilot'"),
    "unknown-direction": (["suggest", "--role", "data", "--experience-years", "1",
                           "--hours-per-week", "8", "--direction", "sideways", "-o",
                           "{tmp}/x.json"], "'sideways'"),
    "bad-date": (["suggest", "--role", "data", "--experience-years", "1", "--hours-per-week",
                  "8", "--start", "2026-02-30", "-o", "{tmp}/x.json"], "2026-02-30"),
    "zero-hours-per-week": (["suggest", "--role", "data", "--experience-years", "1",
                             "--hours-per-week", "0", "-o", "{tmp}/x.json"], "hours per week"),
    "nan-hours-per-week": (["suggest", "--role", "data", "--experience-years", "1",
                            "--hours-per-week", "nan", "-o", "{tmp}/x.json"], "not a number"),
    "negative-years": (["suggest", "--role", "data", "--experience-years", "-1",
                        "--hours-per-week", "8", "-o", "{tmp}/x.json"], "experience years"),
    "missing-output": (["suggest", "--role", "data", "--experience-years", "1",
                        "--hours-per-week", "8"], "required"),
    "missing-file": (["show", "{tmp}/nowhere.json"], "nowhere.json: does not exist"),
    "corrupt-plan": (["show", "{tmp}/corrupt.json"], "corrupt.json: is not valid JSON"),
    "line-break-in-name": (["show", "{tmp}/two\nlines.json"], "two\\nlines.json: does not"),
    "zero-hours-plan": (["show", "{tmp}/zero.json"], "zero.json: weekly availability is zero"),
    "newer-plan": (["show", "{tmp}/newer.json"], "newer StudyPlanner"),
    "overwrite-newer": (["suggest", "--role", "data", "--experience-years", "1",
                         "--hours-per-week", "8", "-o", "{tmp}/newer.json"], "refusing"),
    "output-is-a-folder": (["suggest", "--role", "data", "--experience-years", "1",
                            "--hours-per-week", "8", "-o", "{tmp}"], "is a folder"),
    "name-too-long": (["suggest", "--role", "data", "--experience-years", "1",
                       "--hours-per-week", "8", "--name", "n" * 201, "-o", "{tmp}/x.json"],
                      "--name: String should have at most 200 characters"),
    "focus-too-long": (["suggest", "--role", "data", "--experience-years", "1",
                        "--hours-per-week", "8", "--focus", "f" * 61, "-o", "{tmp}/x.json"],
                       "--focus: String should have at most 60 characters"),
    "unknown-command": (["bogus"], "invalid choice: 'bogus'"),
    "unknown-option": (["catalog", "--jsn"], "unrecognized arguments: --jsn"),
    "screenshot-without-smoke": (["--screenshot", "{tmp}/a.png"], "--smoke"),
}  # fmt: skip


@pytest.mark.parametrize(("args", "expected"), BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    zero_hours_plan(tmp_path)
    corrupt_plan(tmp_path)
    newer = newer_plan(tmp_path)
    newer_before = newer.read_bytes()

    code, out, err = run(capsys, *[a.replace("{tmp}", str(tmp_path)) for a in args])

    assert code == 2
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, f"not one line: {err!r}"
    assert err.startswith("studyplanner: ")
    assert expected in err
    assert "Traceback" not in err
    assert newer.read_bytes() == newer_before


def test_a_broken_user_catalog_is_a_warning_not_a_failure(
    capsys: pytest.CaptureFixture[str],
) -> None:
    user_catalog = paths.user_catalog_path()
    user_catalog.parent.mkdir(parents=True, exist_ok=True)
    user_catalog.write_text("{}", encoding="utf-8")
    code, out, err = run(capsys, "catalog", "--json")
    assert code == 0
    assert len(json.loads(out)) == 17
    assert err.count("\n") == 1 and err.startswith("warning: ") and str(user_catalog) in err


def test_a_professional_exam_too_early_is_flagged_in_show_and_show_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's case: a developer new to AWS with DevOps – Professional ten months in."""
    novice = StudyPlan(
        start_date=date(2026, 12, 1),
        profile=LearnerProfile(role=Role.DEVELOPER, experience_years=0),
        availability=WeeklyAvailability.spread(15),
        entries=[
            PlanEntry(certification_id="cloud-practitioner"),
            PlanEntry(certification_id="developer-associate"),
            PlanEntry(certification_id="solutions-architect-associate"),
            PlanEntry(certification_id="devops-engineer-professional"),
        ],
    )
    plan_file = tmp_path / "novice.json"
    plan_file.write_text(plan_to_json(novice), encoding="utf-8")

    code, out, _ = run(capsys, "show", str(plan_file), "--json")
    assert code == 0
    (warning,) = [w for w in json.loads(out)["warnings"] if w["code"] == "experience-below-tier"]
    assert warning["entry"] == "devops-engineer-professional"
    assert warning["severity"] == "warning"
    assert "2 years on AWS" in warning["message"] and "1 Dec 2028" in warning["message"]

    code, out, _ = run(capsys, "show", str(plan_file))
    assert code == 0
    assert "warning: DOP-C02 DevOps Engineer – Professional on" in out
    assert "months before you have the 2 years on AWS" in out


def test_show_names_the_successor_of_a_retired_exam(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = StudyPlan(
        start_date=date(2026, 12, 1),
        entries=[PlanEntry(certification_id="machine-learning-specialty")],
    )
    plan_file = tmp_path / "old.json"
    plan_file.write_text(plan_to_json(plan), encoding="utf-8")
    code, out, _ = run(capsys, "show", str(plan_file), "--json")
    (warning,) = [w for w in json.loads(out)["warnings"] if w["code"] == "after-retirement"]
    assert warning["replace_with"] == "machine-learning-engineer-associate"
    code, out, _ = run(capsys, "show", str(plan_file))
    assert code == 0
    assert "consider MLA-C01 Machine Learning Engineer – Associate instead" in out


def test_exam_version_risk_is_measured_from_the_today_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = StudyPlan(
        start_date=date(2026, 12, 1),
        profile=LearnerProfile(experience_years=6),
        entries=[
            PlanEntry(certification_id="developer-associate", pinned_exam_date=date(2029, 3, 1))
        ],
    )
    plan_file = tmp_path / "far.json"
    plan_file.write_text(plan_to_json(plan), encoding="utf-8")

    def codes(today: str) -> list[str]:
        code, out, _ = run(capsys, "--today", today, "show", str(plan_file), "--json")
        assert code == 0
        return [w["code"] for w in json.loads(out)["warnings"]]

    assert codes("2026-12-01") == ["exam-version-risk"]
    # Six months on, the exam is less than 2 years away (and, nothing logged, the learner is
    # behind the plan they made).
    assert codes("2027-06-01") == ["behind-schedule"]
    code, _, err = run(capsys, "--today", "yesterday", "show", str(plan_file))
    assert code == 2 and "YYYY-MM-DD" in err


def test_suggest_prints_remarks_and_keeps_them_in_the_plans_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "novice.json"
    code, out, _ = run(
        capsys,
        "suggest",
        "--role",
        "developer",
        "--experience-years",
        "0",
        "--hours-per-week",
        "15",
        "--start",
        "2026-12-01",
        "-o",
        str(out_file),
    )
    assert code == 0
    assert "DOP-C02" not in out.split("note:")[0]  # not among the exams
    assert "note: Add DevOps Engineer – Professional (DOP-C02) once you have about 2 years" in out
    assert "around Dec 2028" in out
    saved = json.loads(out_file.read_text(encoding="utf-8"))
    assert "DevOps Engineer – Professional" in saved["notes"]
    assert [e["certification_id"] for e in saved["entries"]][-1] != "devops-engineer-professional"


def test_suggest_takes_years_in_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "net.json"
    args = ["suggest", "--role", "networking", "--experience-years", "2", "--hours-per-week", "15"]
    code, out, _ = run(capsys, *args, "--field-years", "8", "-o", str(out_file))
    assert code == 0 and "ANS-C01" in out
    assert json.loads(out_file.read_text(encoding="utf-8"))["profile"]["field_years"] == 8
    code, out, _ = run(capsys, *args, "-o", str(out_file))
    assert code == 0 and "ANS-C01 " not in out.split("note:")[0]


def test_a_user_catalog_without_a_suggested_exam_gives_a_note_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(bundled_path("catalog", "certifications.json").read_text("utf-8"))
    document["certifications"] = [
        c for c in document["certifications"] if c["id"] != "security-specialty"
    ]
    for cert in document["certifications"]:
        cert["next_steps"] = [s for s in cert["next_steps"] if s != "security-specialty"]
    user_catalog = paths.user_catalog_path()
    user_catalog.parent.mkdir(parents=True, exist_ok=True)
    user_catalog.write_text(json.dumps(document), encoding="utf-8")
    out_file = tmp_path / "security.json"
    args = ["suggest", "--role", "security", "--experience-years", "6", "--hours-per-week", "10"]

    code, out, err = run(capsys, *args, "-o", str(out_file))

    assert code == 0, err
    assert "Traceback" not in err
    assert "note: 'security-specialty' is not in the certification catalog in use" in out
    assert "SAA-C03" in out


def test_suggest_takes_years_in_other_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A developer heading for networking: without networking years ANS-C01 is a note; with
    six given it is planned, and the years are kept in the plan's profile."""

    def suggest(*extra: str) -> tuple[str, dict[str, Any]]:
        out_file = tmp_path / "dev.json"
        code, out, err = run(
            capsys,
            "suggest",
            "--role",
            "developer",
            "--experience-years",
            "4",
            "--direction",
            "networking",
            "--hours-per-week",
            "12",
            *extra,
            "-o",
            str(out_file),
        )
        assert (code, err) == (0, "")
        saved: dict[str, Any] = json.loads(out_file.read_text(encoding="utf-8"))
        out_file.unlink()
        return out, saved

    out, saved = suggest()
    assert "advanced-networking-specialty" not in [e["certification_id"] for e in saved["entries"]]
    assert "you gave no years of networking work, so they count as 0" in out
    out, saved = suggest("--other-field-years", "networking=6")
    assert "advanced-networking-specialty" in [e["certification_id"] for e in saved["entries"]]
    assert saved["profile"]["other_field_years"] == {"networking": 6.0}

    code, _, err = run(
        capsys,
        "suggest",
        "--role",
        "developer",
        "--experience-years",
        "1",
        "--hours-per-week",
        "8",
        "--other-field-years",
        "plumbing=3",
        "-o",
        str(tmp_path / "x.json"),
    )
    assert code == 2 and "expected FIELD=YEARS with FIELD one of: software, " in err
