"""Deleting a plan is recoverable: it waits in the trash until restored."""

from __future__ import annotations

import pytest

from studyplanner.domain.catalog import Catalog
from studyplanner.storage import paths
from studyplanner.storage.plan_files import (
    PlanFileError,
    list_plans,
    list_trash,
    load_plan,
    move_to_trash,
    restore_from_trash,
    save_plan,
)
from tests.storage.conftest import full_plan


def test_delete_then_restore_gives_back_the_same_plan(catalog: Catalog) -> None:
    plan = full_plan("Before summer")
    path = paths.plans_dir() / "before-summer.json"
    save_plan(plan, path)
    move_to_trash(path)
    assert not path.exists() and list_plans() == []
    (deleted,) = list_trash(catalog)
    assert deleted.name == "Before summer"
    restored = restore_from_trash(deleted, catalog)
    assert load_plan(restored, catalog) == plan
    assert list_trash(catalog) == []


def test_restore_never_overwrites_a_plan_with_the_same_name(catalog: Catalog) -> None:
    path = paths.plans_dir() / "before-summer.json"
    save_plan(full_plan("Before summer"), path)
    move_to_trash(path)
    newer = full_plan("Before summer")
    newer.entries = newer.entries[:1]
    save_plan(newer, path)
    (deleted,) = list_trash(catalog)
    restored = restore_from_trash(deleted, catalog)
    assert restored != path
    assert load_plan(path, catalog) == newer
    assert len(load_plan(restored, catalog).entries) > 1


def test_trash_lists_newest_first_and_skips_unreadable(catalog: Catalog) -> None:
    for name in ("First", "Second"):
        path = paths.plans_dir() / f"{name.lower()}.json"
        save_plan(full_plan(name), path)
        move_to_trash(path)
    (paths.trash_dir() / "junk.20260101T000000000000.json").write_text("{")
    assert [d.name for d in list_trash(catalog)] == ["Second", "First"]


def test_deleting_a_missing_file_is_a_clear_error() -> None:
    with pytest.raises(PlanFileError, match="could not be deleted"):
        move_to_trash(paths.plans_dir() / "gone.json")
