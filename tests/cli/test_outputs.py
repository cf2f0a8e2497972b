"""Finding 8 of issue 10: where `print`, `export-ics` and `suggest` may write their output.

An output that is a folder, a device, a pipe, read-only, or on a full disk is bad input: exit
2, one line on stderr naming the file, nothing replaced and no temporary file left behind.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest

from studyplanner.cli import main
from studyplanner.storage import atomic
from studyplanner.storage.plan_files import save_plan
from tests.export.plans import small_plan

TODAY = "2026-11-29"
WRITERS = {
    "print": "report.pdf",
    "export-ics": "plan.ics",
    "suggest": "suggested.json",
}


@pytest.fixture(autouse=True)
def _application(qapp: Any) -> None:
    """`print` renders with Qt: the suite's QApplication must exist before the command's own."""


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    path = folder / "plan.json"
    save_plan(small_plan(), path)
    return path


def argv(command: str, plan: Path, output: Path) -> list[str]:
    if command == "suggest":
        return [
            "--today", TODAY, "suggest", "--role", "developer", "--experience-years", "2",
            "--hours-per-week", "8", "-o", str(output),
        ]  # fmt: skip
    return ["--today", TODAY, command, str(plan), "-o", str(output)]


def run(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(code: int, out: str, err: str, output: Path, reason: str) -> None:
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("studyplanner: ")
    assert str(output) in err and reason in err


def leftovers(folder: Path, *expected: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p not in expected)


@pytest.mark.posix
@pytest.mark.parametrize("command", WRITERS)
def test_finding_8_an_output_that_links_to_a_character_device_is_refused_and_left_alone(
    command: str, plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A link to /dev/null stands for the device itself: whatever happens to the link, the
    # system's /dev/null is never the path written to.
    output = tmp_path / WRITERS[command]
    output.symlink_to(os.devnull)

    code, out, err = run(capsys, argv(command, plan_file, output))

    assert_refused(code, out, err, output, "not a regular file")
    assert output.is_symlink() and os.readlink(output) == os.devnull
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert leftovers(tmp_path, output, plan_file.parent, tmp_path / "data") == []


@pytest.mark.posix
@pytest.mark.parametrize("command", WRITERS)
def test_finding_8_an_output_that_is_a_pipe_is_refused_without_waiting_for_a_reader(
    command: str, plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / WRITERS[command]
    os.mkfifo(output)

    code, out, err = run(capsys, argv(command, plan_file, output))

    assert_refused(code, out, err, output, "not a regular file")
    assert stat.S_ISFIFO(output.lstat().st_mode)


@pytest.mark.parametrize("command", WRITERS)
def test_finding_8_an_output_that_is_a_folder_exits_2_naming_it(
    command: str, plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "exports"
    output.mkdir()
    (output / "keep.txt").write_text("mine", encoding="utf-8")

    code, out, err = run(capsys, argv(command, plan_file, output))

    assert_refused(code, out, err, output, "is a folder")
    assert leftovers(output) == ["keep.txt"]


@pytest.mark.parametrize("command", WRITERS)
def test_issue_13_an_output_in_a_folder_that_does_not_exist_exits_2_and_creates_nothing(
    command: str, plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A mistyped folder name must not become a new folder (the atomic writers create one).
    output = tmp_path / "exprots" / "2027" / WRITERS[command]
    before = leftovers(tmp_path)

    code, out, err = run(capsys, argv(command, plan_file, output))

    assert_refused(code, out, err, output, f"no folder {output.parent}")
    assert leftovers(tmp_path) == before
    assert leftovers(plan_file.parent) == [plan_file.name]


@pytest.mark.posix
@pytest.mark.parametrize("command", WRITERS)
def test_finding_8_a_read_only_output_file_exits_2_naming_it_and_keeps_it(
    command: str, plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / WRITERS[command]
    output.write_bytes(b"the user's own file")
    output.chmod(0o444)

    code, out, err = run(capsys, argv(command, plan_file, output))

    assert_refused(code, out, err, output, "read-only")
    assert output.read_bytes() == b"the user's own file"


@pytest.mark.parametrize("command", ["print", "export-ics"])
@pytest.mark.parametrize(
    "code",
    [errno.EACCES, errno.EROFS],
    ids=["read-only-folder", "read-only-mount"],
)
def test_finding_8_a_folder_that_cannot_be_written_exits_2_naming_the_file(
    command: str,
    code: int,
    plan_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The tests may run as root, who can write into a folder without write permission: the
    # operating system's refusal is simulated where the temporary file is created.
    def refuse(*_args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(code, os.strerror(code), str(kwargs.get("dir", "")))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    (tmp_path / "exports").mkdir()
    output = tmp_path / "exports" / WRITERS[command]

    exit_code, out, err = run(capsys, argv(command, plan_file, output))

    assert_refused(exit_code, out, err, output, os.strerror(code))


@pytest.mark.parametrize("command", ["print", "export-ics"])
def test_finding_8_a_full_disk_exits_2_naming_the_file_and_leaves_no_temporary_file(
    command: str,
    plan_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    output = exports / WRITERS[command]
    output.write_bytes(b"last week's export")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)

    code, out, err = run(capsys, argv(command, plan_file, output))

    assert_refused(code, out, err, output, os.strerror(errno.ENOSPC))  # in the user's language
    assert output.read_bytes() == b"last week's export"
    assert leftovers(exports) == [output.name]
    assert leftovers(plan_file.parent) == [plan_file.name]


@pytest.mark.parametrize("command", ["print", "export-ics"])
def test_finding_8_the_output_may_not_be_the_plan_itself(
    command: str, plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = plan_file.read_bytes()

    code, out, err = run(capsys, argv(command, plan_file, plan_file))

    assert_refused(code, out, err, plan_file, "is the plan itself")
    assert plan_file.read_bytes() == before
