"""Storage errors are codes with parameters, worded once in the user's language (issue 22):
the command line and the window show the same sentence, translated where a catalog ships."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from studyplanner import i18n
from studyplanner.cli import main
from studyplanner.domain.catalog import Catalog
from studyplanner.storage.messages import FileKind, PlanProblem, ReadProblem, worded
from studyplanner.storage.plan_files import MAX_PLAN_BYTES, PlanFileError, load_plan
from studyplanner.storage.reading import NotARegularFileError, read_regular_file
from tests.german import set_up_german_system

EXAMPLE_PARAMS: dict[str, object] = {
    "kind": FileKind.FOLDER,
    "reason": "Permission denied",
    "size": MAX_PLAN_BYTES + 1,
    "limit": MAX_PLAN_BYTES,
    "byte": 3,
    "line": 1,
    "column": 2,
    "version": 99,
    "supported": 6,
    "field": "name",
    "certification": "xyz",
    "folder": "/tmp",
}


@pytest.mark.parametrize("problem", [*PlanProblem, *ReadProblem])
def test_every_problem_has_its_sentence(problem: PlanProblem | ReadProblem) -> None:
    sentence = worded(problem, EXAMPLE_PARAMS)
    assert sentence
    assert "{" not in sentence


def test_the_sentence_is_made_from_the_code_and_its_parameters(tmp_path: Path) -> None:
    error = PlanFileError(tmp_path / "plan.json", PlanProblem.NEWER, version=9, supported=6)
    assert error.problem is PlanProblem.NEWER
    assert error.params == {"version": 9, "supported": 6}
    assert error.newer
    assert str(error) == (
        f"{tmp_path / 'plan.json'}: was written by a newer StudyPlanner (plan format 9, this "
        "version reads up to 6); it is left untouched"
    )
    assert not PlanFileError(tmp_path / "plan.json", PlanProblem.DOES_NOT_EXIST).newer


def test_a_folder_is_named_a_folder(tmp_path: Path) -> None:
    with pytest.raises(NotARegularFileError) as caught:
        read_regular_file(tmp_path, 10)
    assert caught.value.kind is FileKind.FOLDER
    assert caught.value.kind == "a folder"  # the words logs and older code compared with
    assert caught.value.strerror == "is a folder, not a regular file"


GERMAN: dict[str, str | list[str]] = {
    "": "Content-Type: text/plain; charset=UTF-8\n",
    "does not exist": "existiert nicht",
    "is {kind}, not a plan file": "ist {kind}, keine Plandatei",
    "a folder": "ein Ordner",
}


@pytest.fixture
def german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A German catalog where the app looks for its catalogs, a German system, German now."""
    set_up_german_system(GERMAN, tmp_path, monkeypatch)
    i18n.install("de")
    yield
    i18n.install("en")  # no catalog: the source English


@pytest.mark.usefixtures("german")
def test_a_plan_error_speaks_the_users_language(tmp_path: Path, catalog: Catalog) -> None:
    with pytest.raises(PlanFileError) as caught:
        load_plan(tmp_path / "missing.json", catalog)
    assert caught.value.message == "existiert nicht"
    with pytest.raises(PlanFileError) as caught:
        load_plan(tmp_path, catalog)
    assert str(caught.value) == f"{tmp_path}: ist ein Ordner, keine Plandatei"


@pytest.mark.usefixtures("german")
def test_the_command_line_shows_it_translated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(tmp_path / "missing.json")]) == 2
    assert f"{tmp_path / 'missing.json'}: existiert nicht" in capsys.readouterr().err
