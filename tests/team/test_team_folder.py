"""Reading a team folder never changes it: every file byte-for-byte and time-stamp the same,
no file added (no lock, no backup, no temporary file), whatever the folder holds. Files that
cannot be used are listed with a reason and never stop the others; the walk is bounded; the
reading reports progress and can be cancelled; ``team.json`` is read strictly and written
atomically."""

from __future__ import annotations

import errno
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.team import TeamSettings, TeamTarget
from studyplanner.storage import team_folder
from studyplanner.storage.plan_files import plan_to_json
from studyplanner.storage.team_folder import (
    TEAM_FILE,
    Cancelled,
    SkipReason,
    TeamFileChangedError,
    TeamFileError,
    TeamFolderError,
    folder_stamps,
    read_team_file,
    read_team_folder,
    team_file_stamp,
    write_team_file,
)
from tests.team.folder import TARGETS, TODAY, ana, ben, snapshot, write_team_folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_team_folder(tmp_path / "team")


def test_the_five_files_three_plans_two_skipped_and_nothing_changed(
    folder: Path, catalog: Catalog
) -> None:
    # An older plan (format 1 has no owner) is read and migrated in memory only.
    old = json.loads(plan_to_json(ben()))
    (folder / "older.json").write_text(
        json.dumps({"schema_version": 1, "name": "Old", "start_date": "2026-01-05"}),
        encoding="utf-8",
    )
    before = snapshot(folder)
    read = read_team_folder(folder, catalog, TODAY)
    assert snapshot(folder) == before, "reading a team folder never changes or adds a file"
    assert [m.source for m in read.members] == [
        "ben.json",
        "cy.json",
        "older.json",
        "platform/ana.json",
    ]
    assert [(s.source, s.reason) for s in read.skipped] == [
        ("future.json", SkipReason.NEWER),
        ("old/broken.json", SkipReason.DAMAGED),
    ]
    future, broken = read.skipped
    assert future.message.startswith("was written by a newer StudyPlanner (plan format 99")
    assert future.reason_text == "written by a newer StudyPlanner"
    assert "(the file looks truncated)" in broken.message
    assert read.settings.name == "Platform team" and len(read.settings.targets) == 3
    assert read.settings_problem is None
    assert old["schema_version"] > 1


def test_hidden_lock_and_temporary_files_and_non_plans_are_not_plans(
    folder: Path, catalog: Catalog
) -> None:
    (folder / ".ben.json.lock").write_text("studyplanner-window", encoding="utf-8")
    (folder / ".ben.json.abc123.tmp").write_text("{", encoding="utf-8")
    (folder / ".hidden.json").write_text("{", encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "config.json").write_text("{", encoding="utf-8")
    (folder / "notes.txt").write_text("hello", encoding="utf-8")
    (folder / "package.json").write_text('{"name": "x"}', encoding="utf-8")
    (folder / "list.json").write_text("[1, 2]", encoding="utf-8")
    read = read_team_folder(folder, catalog, TODAY)
    not_plans = [(s.source, s.reason) for s in read.skipped if s.reason is SkipReason.NOT_A_PLAN]
    assert not_plans == [
        ("list.json", SkipReason.NOT_A_PLAN),
        ("package.json", SkipReason.NOT_A_PLAN),
    ]
    assert all(not s.source.startswith(".") for s in read.skipped)
    assert len(read.members) == 3


def test_unreadable_locked_too_large_and_unknown_files_are_skipped_with_a_reason(
    folder: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = team_folder.read_regular_file

    def guarded(path: Path, limit: int) -> bytes:
        if path.name == "locked.json":
            raise OSError(errno.EBUSY, "Device or resource busy")
        if path.name == "secret.json":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(path, limit)

    for name in ("locked.json", "secret.json"):
        (folder / name).write_text(plan_to_json(ana()), encoding="utf-8")
    unknown = json.loads(plan_to_json(ana()))
    unknown["entries"][0]["certification_id"] = "quantum-specialty"
    (folder / "unknown.json").write_text(json.dumps(unknown), encoding="utf-8")
    monkeypatch.setattr(team_folder, "read_regular_file", guarded)
    monkeypatch.setattr(team_folder, "MAX_PLAN_BYTES", 3000)
    (folder / "huge.json").write_text(plan_to_json(ben()) + " " * 3000, encoding="utf-8")
    read = read_team_folder(folder, catalog, TODAY)
    reasons = {s.source: (s.reason, s.message) for s in read.skipped}
    assert reasons["locked.json"] == (SkipReason.LOCKED, "Device or resource busy")
    assert reasons["secret.json"] == (SkipReason.UNREADABLE, "Permission denied")
    assert reasons["unknown.json"][0] is SkipReason.UNKNOWN_CERTIFICATION
    assert "'quantum-specialty'" in reasons["unknown.json"][1]
    assert reasons["huge.json"][0] is SkipReason.TOO_LARGE
    assert "plan files are at most" in reasons["huge.json"][1]
    assert len(read.members) == 3, "the others are read all the same"


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symbolic links are POSIX here")
def test_a_pipe_is_never_opened_and_a_loop_of_links_is_walked_once(
    folder: Path, catalog: Catalog
) -> None:
    os.mkfifo(folder / "pipe.json")  # opening it to read would block for ever
    (folder / "platform" / "back").symlink_to(folder)  # a loop
    (folder / "again.json").symlink_to(folder / "ben.json")  # the same plan twice
    before = snapshot(folder)
    read = read_team_folder(folder, catalog, TODAY)
    assert [(s.source, s.reason) for s in read.skipped if s.reason is SkipReason.NOT_A_FILE] == [
        ("pipe.json", SkipReason.NOT_A_FILE)
    ]
    assert [m.source for m in read.members] == ["ben.json", "cy.json", "platform/ana.json"]
    assert snapshot(folder) == before


def test_the_walk_is_bounded_in_depth_and_in_files(
    folder: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = folder
    for level in range(team_folder.MAX_DEPTH + 1):
        deep = deep / f"level{level}"
    deep.mkdir(parents=True)
    (deep / "too-deep.json").write_text(plan_to_json(ana()), encoding="utf-8")
    (deep.parent / "deep-enough.json").write_text(plan_to_json(ana()), encoding="utf-8")
    read = read_team_folder(folder, catalog, TODAY)
    sources = [m.source for m in read.members]
    assert any(s.endswith("deep-enough.json") for s in sources)
    assert not any(s.endswith("too-deep.json") for s in sources)

    monkeypatch.setattr(team_folder, "MAX_FILES", 2)
    read = read_team_folder(folder, catalog, TODAY)
    assert (
        len(read.members) + len([s for s in read.skipped if s.reason is not SkipReason.TOO_MANY])
        == 2
    )
    too_many = [s for s in read.skipped if s.reason is SkipReason.TOO_MANY]
    assert len(too_many) == 4
    assert too_many[0].message == "beyond the 2 files a team folder is read for"


def test_progress_after_each_file_and_cancel_before_the_next(
    folder: Path, catalog: Catalog
) -> None:
    seen: list[tuple[int, int]] = []
    read_team_folder(
        folder, catalog, TODAY, progress=lambda done, total: seen.append((done, total))
    )
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]

    asked: list[int] = []

    def cancel_at_the_third() -> bool:
        asked.append(1)
        return len(asked) == 3

    with pytest.raises(Cancelled):
        read_team_folder(folder, catalog, TODAY, cancelled=cancel_at_the_third)
    assert len(asked) == 3


def test_stamps_change_when_a_member_saves(folder: Path, catalog: Catalog) -> None:
    read = read_team_folder(folder, catalog, TODAY)
    assert folder_stamps(folder) == read.stamps
    assert set(read.stamps) == {
        "ben.json",
        "cy.json",
        "future.json",
        "old/broken.json",
        "platform/ana.json",
    }
    path = folder / "ben.json"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert folder_stamps(folder) != read.stamps


def test_a_folder_that_cannot_be_read(tmp_path: Path, catalog: Catalog) -> None:
    with pytest.raises(TeamFolderError, match="cannot be read"):
        read_team_folder(tmp_path / "missing", catalog, TODAY)
    (tmp_path / "plan.json").write_text("{}", encoding="utf-8")
    with pytest.raises(TeamFolderError, match="is not a folder"):
        read_team_folder(tmp_path / "plan.json", catalog, TODAY)


# --- team.json ------------------------------------------------------------------------------


def test_no_team_file_means_no_name_and_no_targets(tmp_path: Path) -> None:
    assert read_team_file(tmp_path) == TeamSettings()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{", "is not valid JSON at line 1, column 2"),
        (b"\xff\xfe", "is not UTF-8 text"),
        (b"[]", "expected a JSON object"),
        (b'{"name": "T", "owner": "x"}', "field 'owner': Extra inputs are not permitted"),
        (b'{"targets": [{"by": "2027-13-01", "count": 1, "tier": "associate"}]}', "targets.0.by"),
        (
            b'{"targets": [{"by": "2027-12-01", "count": 0, "tier": "associate"}]}',
            "targets.0.count",
        ),
        (b'{"targets": [{"by": "2027-12-01", "count": 1, "tier": "expert"}]}', "targets.0.tier"),
        (
            b'{"targets": [{"by": "2027-12-01", "count": 1, "tier": "associate", '
            b'"certification": "security-specialty"}]}',
            "either a tier or a certification, not both",
        ),
        (b'{"targets": [{"by": "2027-12-01", "count": 1}]}', "either a tier or a certification"),
        (b'{"name": "Platform\\nteam"}', "field 'name': a team's name cannot hold"),
        (
            b'{"targets": [{"by": "2027-12-01", "count": 1, "certification": "quantum"}]}',
            "field 'targets.0.certification': unknown certification 'quantum'",
        ),
    ],
)
def test_a_team_file_is_read_strictly(
    tmp_path: Path, catalog: Catalog, content: bytes, message: str
) -> None:
    (tmp_path / TEAM_FILE).write_bytes(content)
    with pytest.raises(TeamFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_team_file(tmp_path, catalog)


def test_a_bad_team_file_never_stops_the_roll_up(folder: Path, catalog: Catalog) -> None:
    (folder / TEAM_FILE).write_text('{"targets": 3}', encoding="utf-8")
    read = read_team_folder(folder, catalog, TODAY)
    assert read.settings == TeamSettings() and len(read.members) == 3
    assert read.settings_problem is not None and "field 'targets'" in read.settings_problem


def test_the_team_file_round_trips_and_is_written_atomically(
    tmp_path: Path, catalog: Catalog
) -> None:
    settings = TeamSettings.model_validate(TARGETS)
    write_team_file(tmp_path, settings)
    assert read_team_file(tmp_path, catalog) == settings
    assert json.loads((tmp_path / TEAM_FILE).read_text(encoding="utf-8")) == TARGETS
    assert [p.name for p in tmp_path.iterdir()] == [TEAM_FILE], "no temporary file is left"
    changed = TeamSettings(
        name="Platform", targets=(TeamTarget(by=date(2028, 1, 1), count=5, tier="associate"),)
    )
    write_team_file(tmp_path, changed)
    assert read_team_file(tmp_path) == changed


def test_a_team_file_that_cannot_be_written(tmp_path: Path) -> None:
    (tmp_path / TEAM_FILE).mkdir()
    with pytest.raises(TeamFileError, match="is not a regular file; nothing was written"):
        write_team_file(tmp_path, TeamSettings())
    with pytest.raises(TeamFileError, match="could not be saved"):
        write_team_file(tmp_path / "missing", TeamSettings())


def test_a_team_file_someone_else_saved_since_it_was_read_is_not_overwritten(
    folder: Path, catalog: Catalog
) -> None:
    read = read_team_folder(folder, catalog, TODAY)
    assert read.team_stamp == team_file_stamp(folder) is not None
    theirs = {"name": "Their team", "targets": []}
    (folder / TEAM_FILE).write_text(json.dumps(theirs), encoding="utf-8")  # another manager
    mine = TeamSettings(name="My team")
    with pytest.raises(TeamFileChangedError, match="changed by someone else"):
        write_team_file(folder, mine, unchanged_since=read.team_stamp)
    assert read_team_file(folder, catalog).name == "Their team"
    stamp = write_team_file(folder, mine, unchanged_since=team_file_stamp(folder))
    assert stamp == team_file_stamp(folder) and read_team_file(folder, catalog) == mine
    (folder / TEAM_FILE).unlink()  # a file that appeared since "there was none" is no change
    assert write_team_file(folder, mine, unchanged_since=None) == team_file_stamp(folder)
    with pytest.raises(TeamFileChangedError):
        write_team_file(folder, mine, unchanged_since=None)


def test_a_sub_folder_that_cannot_be_listed_hides_only_its_own_files(
    folder: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.scandir

    def refusing(path: Any) -> Any:
        if Path(path).name == "platform":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(path)

    monkeypatch.setattr(team_folder.os, "scandir", refusing)
    read = read_team_folder(folder, catalog, TODAY)
    assert [m.source for m in read.members] == ["ben.json", "cy.json"]

    def refusing_all(path: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(team_folder.os, "scandir", refusing_all)
    with pytest.raises(TeamFolderError, match=r"cannot be read \(Permission denied\)"):
        read_team_folder(folder, catalog, TODAY)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"name": ' + b"1" * 5000 + b"}", "is not valid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "is not valid JSON"),
    ],
)
def test_a_team_file_python_cannot_parse(tmp_path: Path, content: bytes, message: str) -> None:
    (tmp_path / TEAM_FILE).write_bytes(content)
    with pytest.raises(TeamFileError, match=message):
        read_team_file(tmp_path)


def test_a_team_file_that_cannot_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / TEAM_FILE).mkdir()
    with pytest.raises(TeamFileError, match=r"team\.json: is not a regular file"):
        read_team_file(tmp_path)
    (tmp_path / TEAM_FILE).rmdir()
    (tmp_path / TEAM_FILE).write_bytes(b" " * (team_folder.MAX_TEAM_FILE_BYTES + 1))
    with pytest.raises(TeamFileError, match="is too large for a team file"):
        read_team_file(tmp_path)

    def refusing(path: Path, limit: int) -> bytes:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(team_folder, "read_regular_file", refusing)
    with pytest.raises(TeamFileError, match=r"cannot be read \(Permission denied\)"):
        read_team_file(tmp_path)


def test_a_full_disk_while_writing_the_team_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / TEAM_FILE).write_text('{"name": "kept"}', encoding="utf-8")

    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(team_folder, "atomic_write_bytes", full)
    with pytest.raises(TeamFileError, match=r"could not be saved \(No space left on device\)"):
        write_team_file(tmp_path, TeamSettings(name="new"))
    assert read_team_file(tmp_path).name == "kept"
