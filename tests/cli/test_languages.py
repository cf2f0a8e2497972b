"""Choosing a language (issue 26): ``--lang CODE`` for every command and the app, the system's
language by default, English with one warning line for a language StudyPlanner does not ship.
The commands speak it throughout: ``show``, the printed PDF (with glyphs: a Japanese font is
embedded), the calendar's events. Driven by the real catalog where it ships, else by a
pseudo-translation made from the template (tests/pseudo.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from studyplanner import i18n
from studyplanner.cli import main
from studyplanner.storage.plan_files import save_plan
from tests.pseudo import catalog_dir
from tests.ui.conftest import sunday_evening_plan

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
"""Kana and kanji: what a Japanese catalog, real or pseudo, puts in every sentence."""
TODAY = ["--today", "2026-12-07"]


@pytest.fixture
def locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Japanese, German and Brazilian Portuguese catalogs where the app looks for them."""
    folder = tmp_path / "locale"
    for language in ("ja", "de", "pt_BR"):
        catalog_dir(language, folder)
    monkeypatch.setattr(i18n, "LOCALE_DIR", str(folder))
    yield folder
    i18n.install(i18n.SOURCE_LANGUAGE)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    save_plan(sunday_evening_plan(), path)
    return path


@pytest.mark.usefixtures("locale")
def test_show_speaks_the_language_asked_for(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "ja", *TODAY, "show", str(plan)]) == 0
    out = capsys.readouterr().out
    assert JAPANESE.search(out)
    assert "DVA-C02" in out  # codes stay as AWS writes them


@pytest.mark.usefixtures("locale")
def test_an_unknown_language_gives_english_and_one_warning_line(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "xx", *TODAY, "show", str(plan)]) == 0
    done = capsys.readouterr()
    assert done.err == (
        "studyplanner: no translation for 'xx', using English (available: de, en, ja, pt_BR)\n"
    )
    assert not JAPANESE.search(done.out)
    assert "Road to DevOps Pro" in done.out


@pytest.mark.usefixtures("locale")
@pytest.mark.parametrize("code", ["pt-BR", "pt_BR.UTF-8", "--lang=pt_BR"])
def test_a_language_code_is_read_as_people_write_it(
    code: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [code] if code.startswith("--") else ["--lang", code]
    with pytest.raises(SystemExit):
        main([*args, "--help"])
    assert i18n.language() == "pt_BR"
    assert capsys.readouterr().err == ""


@pytest.mark.usefixtures("locale")
def test_the_environment_alone_picks_german(
    plan: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")

    assert main([*TODAY, "show", str(plan)]) == 0
    assert i18n.language() == "de"
    capsys.readouterr()


@pytest.mark.usefixtures("locale", "qapp")  # the suite's QApplication before the command's
def test_the_printed_report_has_japanese_text_and_a_font_with_its_glyphs(
    plan: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "plan.pdf"
    assert main(["--lang", "ja", *TODAY, "print", str(plan), "-o", str(pdf)]) == 0

    reader = pypdf.PdfReader(pdf)
    text = "".join(page.extract_text() for page in reader.pages)
    assert len(JAPANESE.findall(text)) > 100  # read back from the glyphs: no empty boxes
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    # the Japanese glyphs come from a font that has them (IPAGothic, Noto Sans CJK, Yu Gothic…)
    assert any(not name.startswith("/DejaVu") for name in fonts), fonts


@pytest.mark.usefixtures("locale")
def test_the_calendars_events_are_in_the_language(plan: Path, tmp_path: Path) -> None:
    ics = tmp_path / "plan.ics"
    assert main(["--lang", "ja", *TODAY, "export-ics", str(plan), "-o", str(ics)]) == 0

    summaries = [
        line for line in ics.read_text(encoding="utf-8").splitlines() if line.startswith("SUMMARY")
    ]
    assert summaries and all(JAPANESE.search(line) for line in summaries)


def test_the_app_starts_in_japanese(locale: Path, tmp_path: Path) -> None:
    """``--lang ja --smoke``: the whole app, in Japanese, paints and exits 0."""
    screenshot = tmp_path / "window.png"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "studyplanner",
            "--lang",
            "ja",
            "--smoke",
            "--screenshot",
            str(screenshot),
        ],
        env={**os.environ, i18n.LOCALE_ENV_VAR: str(locale), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("first paint after")
    assert done.stderr == ""
    assert screenshot.stat().st_size > 0
