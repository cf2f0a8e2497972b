"""The storage layer without the POSIX-only calls that Windows lacks: ``os.fchmod`` (before
Python 3.13) and ``os.kill`` as a liveness test (on Windows it stops the process)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from studyplanner.domain.catalog import Catalog
from studyplanner.storage import paths
from studyplanner.storage.atomic import atomic_write_bytes
from studyplanner.storage.locks import PlanLock
from studyplanner.storage.plan_files import (
    latest_good_backup,
    list_backups,
    list_trash,
    load_plan,
    move_to_trash,
    restore_from_trash,
    save_plan,
)
from studyplanner.storage.settings import AppSettings, load_settings, save_settings
from tests.storage.conftest import full_plan


@pytest.fixture
def without_posix_calls(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("fchmod", "kill"):
        if hasattr(os, name):
            monkeypatch.delattr(os, name)


@pytest.mark.usefixtures("without_posix_calls")
def test_a_plan_is_saved_backed_up_locked_and_restored(catalog: Catalog) -> None:
    path = paths.plans_dir() / "road.json"
    first, second = full_plan("First"), full_plan("Second")
    lock = PlanLock(path)
    assert lock.acquire()
    assert PlanLock(path).held_elsewhere()
    save_plan(first, path)
    save_plan(second, path, first_save_in_session=True)
    assert load_plan(path, catalog) == second
    (backup,) = list_backups(path)
    found = latest_good_backup(path, catalog)
    assert found is not None and found == (backup, first)
    lock.release()
    assert not PlanLock(path).held_elsewhere()

    move_to_trash(path)
    (deleted,) = list_trash(catalog)
    assert load_plan(restore_from_trash(deleted, catalog), catalog) == second

    settings = AppSettings()
    settings.remember(path)
    save_settings(settings)
    assert load_settings() == settings


@pytest.mark.usefixtures("without_posix_calls")
def test_permissions_are_kept_without_fchmod(tmp_path: Path) -> None:
    private = tmp_path / "private.json"
    private.write_bytes(b"{}")
    private.chmod(0o600)
    atomic_write_bytes(private, b"{ }")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600

    umask = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.json"
        atomic_write_bytes(fresh, b"{}")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
