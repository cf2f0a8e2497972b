"""`catalog` names the languages each exam is offered in and AWS's extension for non-native
English speakers, saying 'assumed' as the catalog does; `show` prints the note for a planned
exam not offered in the learner's exam language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studyplanner.domain.plan import StudyPlan
from studyplanner.storage.plan_files import save_plan
from tests.cli.test_cli import run


def test_catalog_json_lists_each_exams_languages(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "catalog", "--json")
    assert code == 0 and err == ""
    rows = {row["id"]: row for row in json.loads(out)}
    security = rows["security-specialty"]
    assert security["exam_languages"] == ["en", "ja", "ko", "zh-Hans"]
    assert security["exam_languages_assumed"] is True
    assert (security["esl_extra_minutes"], security["esl_assumed"]) == (30, True)
    retired = rows["database-specialty"]
    assert (retired["exam_languages"], retired["esl_extra_minutes"]) == ([], None)


def test_catalog_text_names_the_languages_and_the_extension(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "catalog")
    assert code == 0 and err == ""
    lines = out.splitlines()
    scs = next(i for i, line in enumerate(lines) if "SCS-C03" in line)
    assert lines[scs + 1].strip() == (
        "languages: assumed: English, Japanese, Korean and Simplified Chinese"
    )
    assert lines[-1].strip() == (
        "Assumed: 30 extra minutes in English for a non-native speaker who asks AWS first (ESL +30)"
    )


def test_show_notes_an_exam_not_offered_in_the_learners_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = tmp_path / "p.json"
    save_plan(
        StudyPlan.model_validate(
            {
                "name": "Em português",
                "start_date": "2026-01-05",
                "profile": {"exam_language": "pt-BR"},
                "entries": [{"certification_id": "security-specialty"}],
            }
        ),
        plan_file,
    )
    code, out, err = run(capsys, "--today", "2026-01-05", "show", str(plan_file))
    assert code == 0 and err == ""
    assert (
        "info: assumed: SCS-C03 is offered in English, Japanese, Korean and Simplified Chinese, "
        "not in Portuguese (Brazil); assumed: taken in English"
    ) in out
