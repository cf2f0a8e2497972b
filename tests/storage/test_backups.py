"""Backups protect a session: the plan as it was when opened survives any number of autosaves,
later saves are backed up every ten minutes at most, and a month of days stays recoverable."""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from studyplanner.domain.catalog import Catalog
from studyplanner.storage import paths, plan_files
from studyplanner.storage.plan_files import (
    BACKUP_INTERVAL,
    KEEP_BACKUPS,
    KEEP_DAILY_BACKUPS_FOR,
    Backup,
    PlanFileError,
    backup_folder,
    latest_good_backup,
    list_backups,
    save_plan,
)
from tests.storage.conftest import full_plan

OPENED = datetime(2026, 3, 14, 9, 0)  # when the user opened the plan


def plan_path() -> Path:
    return paths.plans_dir() / "career.json"


def names(backups: list[Backup]) -> list[str]:
    return [json.loads(b.path.read_text(encoding="utf-8"))["name"] for b in backups]


def minutes(count: float) -> timedelta:
    return timedelta(minutes=count)


def test_the_constants_say_what_the_policy_is() -> None:
    assert KEEP_BACKUPS == 10
    assert minutes(10) == BACKUP_INTERVAL
    assert timedelta(days=30) == KEEP_DAILY_BACKUPS_FOR


def test_the_first_save_of_a_session_always_backs_up() -> None:
    path = plan_path()
    save_plan(full_plan("Yesterday"), path, now=OPENED - minutes(2))
    save_plan(full_plan("Last edit"), path, now=OPENED - minutes(1))  # backs up "Yesterday"
    save_plan(full_plan("Session"), path, first_save_in_session=True, now=OPENED)
    assert names(list_backups(path)) == ["Last edit", "Yesterday"]
    assert list_backups(path)[0].taken_at == OPENED


def test_a_dozen_quick_autosaves_keep_the_version_from_before_the_session(
    catalog: Catalog,
) -> None:
    path = plan_path()
    save_plan(full_plan("Before the session"), path, now=OPENED - timedelta(days=1))
    save_plan(full_plan("Edit 0"), path, first_save_in_session=True, now=OPENED)
    for edit in range(1, 13):
        save_plan(full_plan(f"Edit {edit}"), path, now=OPENED + timedelta(seconds=20 * edit))
    assert names(list_backups(path)) == ["Before the session"]
    found = latest_good_backup(path, catalog)
    assert found is not None and found[1].name == "Before the session"


def test_later_saves_are_backed_up_every_ten_minutes_at_most() -> None:
    path = plan_path()
    save_plan(full_plan("Opened"), path, now=OPENED - timedelta(days=1))
    for minute in range(36):  # an autosave every minute for 35 minutes
        save_plan(
            full_plan(f"Minute {minute}"),
            path,
            first_save_in_session=minute == 0,
            now=OPENED + minutes(minute),
        )
    taken = [b.taken_at for b in list_backups(path)]
    assert taken == [OPENED + minutes(m) for m in (33, 22, 11, 0)]
    assert names(list_backups(path)) == ["Minute 32", "Minute 21", "Minute 10", "Opened"]


def test_a_backup_stamped_later_than_now_does_not_stop_backups() -> None:
    """The clock was put back (travel, a wrong clock corrected): saves are still backed up."""
    path = plan_path()
    save_plan(full_plan("v1"), path, now=OPENED + timedelta(hours=3))
    save_plan(full_plan("v2"), path, now=OPENED + timedelta(hours=3))
    save_plan(full_plan("v3"), path, now=OPENED)
    assert names(list_backups(path)) == ["v1", "v2"]  # newest stamp first


def test_one_backup_a_day_is_kept_for_thirty_days() -> None:
    path = plan_path()
    today = OPENED.date()
    first_day = today - timedelta(days=39)
    save_plan(full_plan("Start"), path, now=datetime.combine(first_day, datetime.min.time()))
    for day in range(40):  # a morning and an evening session every day, 15 sessions today
        when = datetime.combine(first_day + timedelta(days=day), datetime.min.time())
        sessions = [when.replace(hour=8), when.replace(hour=20)]
        if day == 39:
            sessions = [when.replace(hour=8, minute=m) for m in range(15)]
        for session in sessions:
            save_plan(
                full_plan(f"{session:%m-%d %H:%M}"), path, first_save_in_session=True, now=session
            )

    taken = [b.taken_at for b in list_backups(path)]
    newest_ten = [
        datetime.combine(today, datetime.min.time()).replace(hour=8, minute=m)
        for m in range(14, 4, -1)
    ]
    assert taken[:KEEP_BACKUPS] == newest_ten
    earlier_days = [today - timedelta(days=d) for d in range(1, 30)]
    assert taken[KEEP_BACKUPS:] == [
        datetime.combine(d, datetime.min.time()).replace(hour=20) for d in earlier_days
    ]
    assert min(t.date() for t in taken) == today - timedelta(days=29)


def junk(path: Path, when: datetime) -> Path:
    """An empty file named like a backup (a full disk, a copy cut short by an older version)."""
    folder = backup_folder(path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{path.stem}.{when:%Y%m%dT%H%M%S%f}{path.suffix}"
    target.write_bytes(b"")
    return target


def test_empty_backups_never_push_real_versions_out() -> None:
    path = plan_path()
    for version in range(1, 5):
        save_plan(
            full_plan(f"v{version}"),
            path,
            first_save_in_session=True,
            now=OPENED + minutes(version),
        )
    leftovers = [junk(path, OPENED + minutes(5) + timedelta(seconds=s)) for s in range(12)]
    assert names(list_backups(path)) == ["v3", "v2", "v1"]  # junk is never offered

    save_plan(full_plan("v5"), path, first_save_in_session=True, now=OPENED + minutes(6))

    assert names(list_backups(path)) == ["v4", "v3", "v2", "v1"]
    assert not any(leftover.exists() for leftover in leftovers)


def test_an_empty_newest_backup_does_not_count_as_recent() -> None:
    path = plan_path()
    save_plan(full_plan("v1"), path, now=OPENED - minutes(30))
    save_plan(full_plan("v2"), path, now=OPENED - minutes(30))  # backs up v1
    junk(path, OPENED - minutes(1))
    save_plan(full_plan("v3"), path, now=OPENED)  # the last real backup is 30 minutes old
    assert names(list_backups(path)) == ["v2", "v1"]


def test_backups_named_by_earlier_versions_are_listed() -> None:
    path = plan_path()
    save_plan(full_plan("Current"), path)
    folder = backup_folder(path)
    folder.mkdir(parents=True)
    (folder / "career.20251231T235959123456.json").write_text(
        (path.read_text(encoding="utf-8")), encoding="utf-8"
    )
    (folder / "career.notes.json").write_text("not a backup", encoding="utf-8")
    (backup,) = list_backups(path)
    assert backup.taken_at == datetime(2025, 12, 31, 23, 59, 59, 123456)
    assert backup.path.parent == folder


def test_a_backup_that_cannot_be_written_stops_the_save_and_prunes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = plan_path()
    for version in range(1, 13):
        save_plan(
            full_plan(f"v{version}"),
            path,
            first_save_in_session=True,
            now=OPENED + minutes(version),
        )
    before, kept = path.read_bytes(), list_backups(path)

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(plan_files, "atomic_copy", disk_full)
    with pytest.raises(PlanFileError, match="could not be backed up"):
        save_plan(full_plan("v13"), path, first_save_in_session=True, now=OPENED + minutes(20))
    assert path.read_bytes() == before
    assert list_backups(path) == kept


def test_a_backup_is_complete_or_absent(monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy cut short leaves no file that looks like a backup."""
    path = plan_path()
    save_plan(full_plan("v1"), path, now=OPENED)

    def cut_short(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(os, "fsync", cut_short)
        with pytest.raises(PlanFileError, match="could not be backed up"):
            save_plan(full_plan("v2"), path, now=OPENED + minutes(1))
    assert list_backups(path) == []
    assert sorted(os.listdir(backup_folder(path))) == []


def test_an_old_backup_that_cannot_be_removed_is_logged_and_the_save_goes_on(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    path = plan_path()
    for version in range(1, 12):
        save_plan(
            full_plan(f"v{version}"),
            path,
            first_save_in_session=True,
            now=OPENED + minutes(version),
        )
    oldest = list_backups(path)[-1].path
    real_unlink = Path.unlink

    def locked(self: Path, missing_ok: bool = False) -> None:
        if self == oldest:
            raise PermissionError(13, "Permission denied")
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", locked)
    with caplog.at_level(logging.WARNING, logger="studyplanner.storage.plan_files"):
        save_plan(full_plan("v12"), path, first_save_in_session=True, now=OPENED + minutes(20))
    assert json.loads(path.read_text(encoding="utf-8"))["name"] == "v12"
    assert oldest.exists()
    assert any(str(oldest) in r.getMessage() for r in caplog.records)
