"""What holds in every language the app speaks. Under the suite's English these run as any
test does; ``.ci/run`` runs them again with STUDYPLANNER_TEST_LANGUAGE=ja, the app (and the
commands these tests start) speaking Japanese from the real catalog."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest
from pytestqt.qtbot import QtBot

from studyplanner import i18n
from studyplanner.cli import main
from studyplanner.domain.wording import format_day, parse_day
from studyplanner.storage.plan_files import save_plan
from tests.ui.conftest import sunday_evening_plan
from tests.ui.test_layouts_in_languages import clipped, open_window

pytestmark = pytest.mark.any_language


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    save_plan(sunday_evening_plan(), path)
    return path


def test_every_day_of_a_year_reads_back_as_written() -> None:
    day = date(2026, 1, 1)
    while day.year == 2026:
        assert parse_day(format_day(day)) == day, format_day(day)
        day += timedelta(days=1)


@pytest.mark.usefixtures("qapp")  # the suite's QApplication, before the command's own
def test_the_report_prints_its_dates_in_the_language(plan: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    assert main(["--today", "2026-12-07", "print", str(plan), "-o", str(pdf)]) == 0

    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    compact = "".join(text.split())  # pypdf puts tabs and breaks between words and glyphs
    assert "RoadtoDevOpsPro" in compact
    assert "".join(format_day(date(2026, 12, 7)).split()) in compact
    assert "".join(format_day(date(2027, 11, 12)).split()) in compact


def test_show_answers(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--today", "2026-12-07", "show", str(plan)]) == 0
    out = capsys.readouterr().out
    assert "DVA-C02" in out
    assert format_day(date(2027, 11, 12)) in out


def test_nothing_in_the_window_is_clipped(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path)
    assert clipped(window) == [], i18n.language()


def test_the_app_starts_and_paints(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "studyplanner", "--data-dir", str(tmp_path / "d"), "--smoke"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("first paint after")
