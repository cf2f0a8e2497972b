"""`studyplanner team` on the shared folder (tests/team/folder.py): text, JSON, CSV and the PDF
report say the hand-worked numbers, and after every command the folder is byte-for-byte and
time-stamp the same, with no file added. `suggest --owner` names the new plan's owner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from studyplanner.cli import main
from studyplanner.storage.plan_files import load_plan
from tests.export.reading import assert_in_order, pdf_pages
from tests.team.folder import TODAY, snapshot, write_team_folder


@pytest.fixture(autouse=True)
def _application(qapp: Any) -> None:
    """The suite shares one QApplication (pytest-qt's): `team --pdf` prints with it, as
    `print` does, instead of making a bare QGuiApplication the window tests cannot use."""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--today", TODAY.isoformat(), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_team_folder(tmp_path / "team")


def roll_up_json(capsys: pytest.CaptureFixture[str], folder: Path) -> dict[str, Any]:
    code, out, err = run(capsys, "team", str(folder), "--json")
    assert (code, err) == (0, "")
    document: dict[str, Any] = json.loads(out)
    return document


def test_every_command_leaves_the_folder_as_it_was(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(folder)
    for extra in ([], ["--json"], ["--csv"], ["--pdf", str(tmp_path / "team.pdf")]):
        code, _out, err = run(capsys, "team", str(folder), *extra)
        assert (code, err) == (0, ""), extra
        assert snapshot(folder) == before, f"team {extra} changed the folder"


def test_json_has_people_targets_quarters_and_skipped(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = roll_up_json(capsys, folder)
    assert list(document) == [
        "team",
        "today",
        "team_file_problem",
        "people",
        "targets",
        "quarters",
        "skipped",
    ]
    assert [(p["name"], p["pace"], p["behind_weeks"]) for p in document["people"]] == [
        ("Ana Silva", "not-started", 0.0),
        ("Ben Okafor", "behind", 5.0),
        ("cy", "not-started", 0.0),
    ]
    assert [
        (t["status"], t["planned_count"], t["safe_count"], t["short_by"])
        for t in document["targets"]
    ] == [("at-risk", 3, 1, 0), ("met", 1, 1, 0), ("missed", 1, 1, 2)]
    assert document["targets"][0]["what_closes_the_gap"] == (
        "cy's DVA-C02 is not ready with the exam 14 days away or less; on time, the target is met"
    )
    q1 = next(q for q in document["quarters"] if q["quarter"] == "2027-Q1")
    assert q1["list"] == [{"amount": 150, "currency": "USD"}, {"amount": 140, "currency": "EUR"}]
    q4 = document["quarters"][0]
    assert (q4["quarter"], q4["paid_by_company"], q4["renewals"]) == (
        "2026-Q4",
        [{"amount": 150, "currency": "USD"}],
        1,
    )
    assert [(s["file"], s["reason"]) for s in document["skipped"]] == [
        ("future.json", "newer"),
        ("old/broken.json", "damaged"),
    ]


def test_csv_one_row_per_person_and_certification(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "team", str(folder), "--csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["person"], r["code"], r["kind"]) for r in rows] == [
        ("Ana Silva", "CLF-C02", "held"),
        ("Ana Silva", "SAA-C03", "planned"),
        ("Ben Okafor", "SAA-C03", "planned"),
        ("Ben Okafor", "SCS-C03", "planned"),
        ("cy", "DVA-C02", "held"),
        ("cy", "DVA-C02", "planned"),
    ]
    ana_saa, ben_saa, ben_scs = rows[1], rows[2], rows[3]
    assert (ana_saa["fee"], ana_saa["paid"], ana_saa["currency"]) == ("140", "140", "EUR")
    assert (ben_saa["behind_weeks"], ben_saa["at_risk"]) == ("5.0", "behind")
    assert (ben_scs["fee"], ben_scs["paid"]) == ("300", "150")
    assert (rows[4]["expires"], rows[4]["renewed_until"]) == ("2027-02-01", "2029-12-15")
    assert rows[5]["paid_by_company"] == "yes"


def test_a_name_that_looks_like_a_formula_stays_text_in_the_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    plan = json.loads((write_team_folder(tmp_path / "x") / "ben.json").read_text())
    plan["owner"] = {"name": '=HYPERLINK("http://example.com","Ben")'}
    (folder / "ben.json").write_text(json.dumps(plan), encoding="utf-8")
    code, out, _err = run(capsys, "team", str(folder), "--csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(row["person"].startswith("'=HYPERLINK") for row in rows)


def test_text_says_targets_people_budget_and_files_not_read(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "team", str(folder))
    assert code == 0
    assert_in_order(
        out,
        [
            "Platform team",
            "As of 7 Dec 2026",
            "2 Associate certifications by 30 Jun 2027: at risk (planned 3, safe 1)",
            "1 SCS-C03 by 31 Dec 2027: met (planned 1, safe 1)",
            "3 Foundational certifications by 31 Dec 2027: missed (planned 1, safe 1)",
            "2 more need an exam planned by 31 Dec 2027",
            "Ben Okafor (5 weeks behind)",
            "plans SAA-C03 15 Feb 2027, at risk: 5 weeks behind",
            "Q1 2027: 2 exams, $150 + 140 EUR list, $150 + 140 EUR with vouchers",
            "future.json: was written by a newer StudyPlanner",
            "old/broken.json: is not valid JSON",
        ],
    )


def test_the_pdf_report_puts_targets_first_then_people_then_the_budget(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "team.pdf"
    code, out, _err = run(capsys, "team", str(folder), "--pdf", str(output))
    assert code == 0 and out.startswith(f"Wrote {output} (")
    text = " ".join(pdf_pages(output))
    assert_in_order(
        text,
        [
            "TEAM REPORT",
            "Platform team",
            "As of 7 Dec 2026 · 3 plans · 4 exams planned · 2 files not read",
            "Targets",
            "2 Associate certifications by 30 Jun 2027 at risk 3 1",
            "on time, the target is met",
            "People",
            "Ben Okafor",
            "Quarterly budget",
            "Q1 2027 2 $150 + 140 EUR $150 + 140 EUR $0 1 0",
            "Files not read",
            "old/broken.json",
        ],
    )


def test_a_bad_team_file_is_a_warning_and_the_roll_up_goes_on(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "team.json").write_text('{"targets": [{"count": 2}]}', encoding="utf-8")
    code, out, err = run(capsys, "team", str(folder), "--json")
    assert code == 0
    assert err.startswith("warning: ") and "team.json: field 'targets.0.by'" in err
    assert json.loads(out)["targets"] == [] and len(json.loads(out)["people"]) == 3


def test_a_folder_that_is_not_there_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "team", str(tmp_path / "missing"))
    assert (code, out) == (2, "")
    assert err.startswith("studyplanner: ") and "cannot be read" in err
    code, _out, err = run(capsys, "team", str(tmp_path), "--json", "--csv")
    assert code == 2 and "not allowed with argument" in err
    code, _out, err = run(capsys, "team", str(tmp_path), "--pdf", str(tmp_path))
    assert code == 2 and "is a folder" in err


def test_suggest_names_the_owner(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], catalog: Any
) -> None:
    output = tmp_path / "ben.json"
    base = ["suggest", "--role", "developer", "--experience-years", "2", "--hours-per-week", "8"]
    code, _out, err = run(
        capsys, *base, "-o", str(output), "--owner", " Ben  Okafor ", "--owner-team", "Platform"
    )
    assert (code, err) == (0, "")
    owner = load_plan(output, catalog).owner
    assert owner is not None and (owner.name, owner.team) == ("Ben Okafor", "Platform")

    code, _out, err = run(capsys, *base, "-o", str(tmp_path / "x.json"), "--owner", "Ben\tO")
    assert code == 2 and err.startswith("studyplanner: --owner: ") and "control" in err
    code, _out, err = run(capsys, *base, "-o", str(tmp_path / "y.json"), "--owner-team", "P")
    assert code == 2 and "--owner-team goes with --owner" in err
    assert not (tmp_path / "x.json").exists() and not (tmp_path / "y.json").exists()


def test_a_big_team_names_the_first_eight_in_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    source = (write_team_folder(tmp_path / "x") / "ben.json").read_text(encoding="utf-8")
    for number in range(10):
        (folder / f"ben-{number}.json").write_text(source, encoding="utf-8")
    (folder / "team.json").write_text(
        '{"targets": [{"by": "2027-12-31", "count": 10, "tier": "associate"}]}', encoding="utf-8"
    )
    output = tmp_path / "big.pdf"
    assert run(capsys, "team", str(folder), "--pdf", str(output))[0] == 0
    text = " ".join(pdf_pages(output))
    assert "Ben Okafor (SAA-C03, at risk) and 2 more" in text
    assert "10 of the 10 exams at risk must be on time, the least behind first:" in text
