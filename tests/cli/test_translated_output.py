"""The command line speaks the system's language where StudyPlanner ships a catalog for it:
its help, its errors and what `show` prints."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from studyplanner import i18n
from studyplanner.cli import main
from studyplanner.storage.plan_files import save_plan
from tests.export.plans import small_plan
from tests.german import set_up_german_system

GERMAN: dict[str, str | list[str]] = {
    "": "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n",
    "list the certifications by tier": "die Zertifizierungen nach Stufe auflisten",
    "machine-readable list": "maschinenlesbare Liste",
    "not a number: {text}": "keine Zahl: {text}",
    "study from {day}": "Lernen ab {day}",
    "exam {day}": "Prüfung {day}",
    "studying": "in Arbeit",
    "{hours} logged": "{hours} erfasst",
}


@pytest.fixture
def german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A German catalog where the app looks for its catalogs, and a German system."""
    set_up_german_system(GERMAN, tmp_path, monkeypatch)
    yield
    i18n.install("en")


@pytest.mark.usefixtures("german")
def test_help_is_in_the_systems_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    assert "die Zertifizierungen nach Stufe auflisten" in capsys.readouterr().out

    with pytest.raises(SystemExit):
        main(["catalog", "--help"])
    assert "maschinenlesbare Liste" in capsys.readouterr().out


@pytest.mark.usefixtures("german")
def test_a_bad_value_is_refused_in_the_systems_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.json"
    save_plan(small_plan(), plan)

    code = main(["log", str(plan), "--exam", "DVA-C02", "--hours", "lots"])

    assert code == 2
    assert capsys.readouterr().err == ("studyplanner: argument --hours: keine Zahl: 'lots'\n")


@pytest.mark.usefixtures("german")
def test_show_rows_are_in_the_systems_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.json"
    save_plan(small_plan(), plan)

    assert main(["--today", "2026-11-02", "show", str(plan)]) == 0

    row = next(line for line in capsys.readouterr().out.splitlines() if "DVA-C02" in line)
    assert "Lernen ab 2026-" in row
    assert "Prüfung 2027-" in row
    assert row.endswith("(in Arbeit, 20 h erfasst)")


def test_without_a_catalog_show_stays_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.json"
    save_plan(small_plan(), plan)

    assert main(["--today", "2026-11-02", "show", str(plan)]) == 0

    row = next(line for line in capsys.readouterr().out.splitlines() if "DVA-C02" in line)
    assert "study from 2026-" in row
    assert row.endswith("(studying, 20 h logged)")
