"""Atomic writes: the file holds the old content or the new, and no temp files are left."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from studyplanner.storage.atomic import atomic_write_bytes, atomic_write_text


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


def test_overwrite_keeps_the_files_permissions(tmp_path: Path) -> None:
    import stat

    target = tmp_path / "plan.json"
    target.write_text("{}")
    target.chmod(0o600)
    atomic_write_bytes(target, b"{ }")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == b"{ }"


def test_only_old_leftover_temp_files_are_removed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import os
    import time

    from studyplanner.storage.atomic import remove_stale_temp_files

    old = tmp_path / ".plan.json.abc123.tmp"
    fresh = tmp_path / ".plan.json.def456.tmp"
    plan = tmp_path / "plan.json"
    for path in (old, fresh, plan):
        path.write_text("x")
    hours_ago = time.time() - 7200
    os.utime(old, (hours_ago, hours_ago))
    os.utime(plan, (hours_ago, hours_ago))
    with caplog.at_level(logging.INFO, logger="studyplanner.storage.atomic"):
        assert remove_stale_temp_files(tmp_path) == 1
    assert not old.exists() and fresh.exists() and plan.exists()
    (record,) = caplog.records
    assert str(old) in record.getMessage()
