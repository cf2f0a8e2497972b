"""`studyplanner print`: the same report from the command line, with no window and no display."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from studyplanner.domain.plan import StudyPlan
from tests.export.plans import small_plan
from tests.export.reading import (
    TODAY,
    assert_in_order,
    pdf_pages,
    run_cli,
    show_json,
    table_row,
)

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("options", "size"),
    [
        ([], (595, 842)),
        (["--landscape"], (842, 595)),
        (["--paper", "letter"], (612, 792)),
        (["--paper", "letter", "--landscape"], (792, 612)),
    ],
)
def test_print_writes_the_paper_asked_for(
    save: Callable[[StudyPlan], Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    options: list[str],
    size: tuple[int, int],
) -> None:
    plan_path = save(small_plan())
    (tmp_path / "out").mkdir()  # a folder that does not exist is refused (issue 13)
    out = tmp_path / "out" / "plan.pdf"

    assert run_cli("print", str(plan_path), "-o", str(out), *options) == 0

    reader = PdfReader(out)
    pages = len(reader.pages)
    assert capsys.readouterr().out == f"Wrote {out} ({pages} page{'s' if pages > 1 else ''})\n"
    for page in reader.pages:
        assert (round(page.mediabox.width), round(page.mediabox.height)) == size


def test_print_refuses_an_unknown_paper(
    save: Callable[[StudyPlan], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_path = save(small_plan())
    out = tmp_path / "plan.pdf"

    assert run_cli("print", str(plan_path), "-o", str(out), "--paper", "a3") == 2

    assert "invalid choice: 'a3'" in capsys.readouterr().err
    assert not out.exists()


def test_print_runs_headless_in_a_fresh_process_without_a_display(
    save: Callable[[StudyPlan], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM: as over SSH or in cron."""
    plan_path = save(small_plan())
    shown = show_json(plan_path, capsys)
    out = tmp_path / "headless.pdf"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE"}
    }

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "studyplanner",
            "--data-dir",
            str(tmp_path / "data"),
            "--today",
            TODAY,
            "print",
            str(plan_path),
            "-o",
            str(out),
        ],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.startswith(f"Wrote {out} (")
    rows = [table_row(n, row) for n, row in enumerate(shown["entries"], 1)]
    assert_in_order(" ".join(pdf_pages(out)), rows)
