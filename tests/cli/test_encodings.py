"""Finding 9 of issue 10: the command line on an output that cannot show every character.

Redirected output on Windows is cp1252 by default; a plan named in Japanese must still print
(as escapes), and `--json` must stay a valid document that reads back to the same name.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from studyplanner.storage import paths
from studyplanner.storage.plan_files import save_plan
from tests.export.plans import small_plan

JAPANESE_NAME = "日本語の学習計画 – AWS"


def run_cp1252(data_dir: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, paths.ENV_VAR: str(data_dir), "PYTHONIOENCODING": "cp1252"}
    env.pop("PYTHONUTF8", None)
    return subprocess.run(
        [sys.executable, "-m", "studyplanner", "--today", "2026-11-29", *args],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


def japanese_plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    save_plan(small_plan().model_copy(update={"name": JAPANESE_NAME}), path)
    return path


def test_finding_9_show_of_a_japanese_plan_on_a_cp1252_stream(tmp_path: Path) -> None:
    plan = japanese_plan(tmp_path)

    done = run_cp1252(tmp_path / "data", "show", str(plan))

    assert (done.returncode, done.stderr) == (0, b"")
    text = done.stdout.decode("cp1252")
    first = text.splitlines()[0]
    # What cp1252 has (the en dash) is written as is; the rest as Python escapes.
    assert first.startswith("\\u65e5\\u672c\\u8a9e\\u306e\\u5b66\\u7fd2\\u8a08\\u753b – AWS  ")
    assert "CLF-C02" in text and "Total" in text


def test_finding_9_show_json_on_a_cp1252_stream_reads_back_to_the_same_name(
    tmp_path: Path,
) -> None:
    plan = japanese_plan(tmp_path)

    done = run_cp1252(tmp_path / "data", "show", str(plan), "--json")

    assert (done.returncode, done.stderr) == (0, b"")
    shown = json.loads(done.stdout.decode("cp1252"))
    assert shown["name"] == JAPANESE_NAME
    assert [e["code"] for e in shown["entries"]][:2] == ["CLF-C02", "SAA-C03"]


def test_finding_9_an_error_naming_a_japanese_file_on_a_cp1252_stream_is_one_line(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "計画.json"

    done = run_cp1252(tmp_path / "data", "show", str(missing))

    assert done.returncode == 2 and done.stdout == b""
    err = done.stderr.decode("cp1252")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "\\u8a08\\u753b.json" in err and "does not exist" in err
