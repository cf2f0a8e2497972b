"""Atomic writes: the file holds the old content or the new, and no temp files are left."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from studyplanner.storage.atomic import (
    atomic_open,
    atomic_write_bytes,
    atomic_write_text,
    remove_stale_temp_files,
)


def test_writes_and_replaces_whole_files(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "folder" / "file.json"
    atomic_write_text(target, "first")
    atomic_write_text(target, "second ✓")
    assert target.read_text(encoding="utf-8") == "second ✓"
    assert os.listdir(target.parent) == ["file.json"]


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failed_write_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "file.json"
    target.write_bytes(b"old")

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, broken)
    with pytest.raises(OSError, match="No space"):
        atomic_write_bytes(target, b"new" * 1000)
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["file.json"]


def test_an_interrupted_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "file.json"
    target.write_bytes(b"old")

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["file.json"]


def test_new_file_follows_the_umask_not_owner_only(tmp_path: Path) -> None:
    import os
    import stat

    umask = os.umask(0o022)
    try:
        target = tmp_path / "export.pdf"
        atomic_write_bytes(target, b"%PDF-1.4")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


@pytest.mark.posix
def test_overwrite_keeps_the_files_permissions(tmp_path: Path) -> None:
    import stat

    target = tmp_path / "plan.json"
    target.write_text("{}")
    target.chmod(0o600)
    atomic_write_bytes(target, b"{ }")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == b"{ }"


def test_a_leftover_temp_file_is_removed_at_once_but_a_save_in_progress_is_not(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    leftover = tmp_path / ".plan.json.abc123.tmp"  # nobody holds it: a killed save's
    plan = tmp_path / "plan.json"
    for path in (leftover, plan):
        path.write_text("x")
    with atomic_open(tmp_path / "other.json") as handle:
        handle.write(b"a save in progress")
        with caplog.at_level(logging.INFO, logger="studyplanner.storage.atomic"):
            assert remove_stale_temp_files(tmp_path) == 1
        assert len(list(tmp_path.glob(".other.json.*.tmp"))) == 1
    assert not leftover.exists() and plan.exists()
    assert (tmp_path / "other.json").read_bytes() == b"a save in progress"
    assert sorted(os.listdir(tmp_path)) == ["other.json", "plan.json"]
    (record,) = caplog.records
    assert str(leftover) in record.getMessage()


@pytest.mark.posix
def test_only_our_own_temp_files_are_cleaned_up(tmp_path: Path) -> None:
    """A folder or a link named like a temporary file is never removed (nor followed)."""
    (tmp_path / ".plan.json.folder.tmp").mkdir()
    target = tmp_path / "precious"
    target.write_text("keep")
    (tmp_path / ".plan.json.link.tmp").symlink_to(target)
    assert remove_stale_temp_files(tmp_path) == 0
    assert sorted(os.listdir(tmp_path)) == [
        ".plan.json.folder.tmp",
        ".plan.json.link.tmp",
        "precious",
    ]


def test_without_file_locks_only_hour_old_leftovers_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import fcntl
    import time

    def no_locks(_fd: int, _operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    old, fresh = tmp_path / ".plan.json.old.tmp", tmp_path / ".plan.json.new.tmp"
    for path in (old, fresh):
        path.write_text("x")
    hours_ago = time.time() - 7200
    os.utime(old, (hours_ago, hours_ago))
    assert remove_stale_temp_files(tmp_path) == 1
    assert fresh.exists() and not old.exists()
    atomic_write_bytes(tmp_path / "plan.json", b"saved without a lock")  # best effort
    assert (tmp_path / "plan.json").read_bytes() == b"saved without a lock"


def test_a_temp_file_cleaned_up_before_it_was_locked_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another StudyPlanner's clean-up may remove a temporary file in the instant between
    its creation and its lock; the save makes another and goes on."""
    from studyplanner.storage import atomic

    real_hold = atomic._hold
    taken: list[int] = []

    def cleaned_up_first(fd: int) -> None:
        if not taken:
            taken.append(fd)
            for leftover in tmp_path.glob(".*.tmp"):
                leftover.unlink()
        real_hold(fd)

    monkeypatch.setattr(atomic, "_hold", cleaned_up_first)
    atomic_write_bytes(tmp_path / "plan.json", b"saved")
    assert (tmp_path / "plan.json").read_bytes() == b"saved"
    assert os.listdir(tmp_path) == ["plan.json"]


def test_a_file_that_says_it_is_empty_is_still_read_within_the_limit() -> None:
    """/proc files report size 0; what counts is what is read."""
    from studyplanner.storage.reading import FileTooLargeError, read_regular_file

    assert b"Name:" in read_regular_file(Path("/proc/self/status"), 1_000_000)
    with pytest.raises(FileTooLargeError):
        read_regular_file(Path("/proc/self/status"), 10)
