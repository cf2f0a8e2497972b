"""The format that names a plan's owner (issue 25). An older plan names none, which is what no
field means (a team's roll-up shows it by its file name), so the step changes only the version;
an owner's name and team are one clean line each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import MAX_OWNER_NAME, PLAN_SCHEMA_VERSION, Owner, StudyPlan
from studyplanner.storage.plan_files import MIGRATIONS, list_backups, load_plan, save_plan

OWNER_FORMAT = max(MIGRATIONS) + 1
"""The format that added the owner: the newest step's result (renumbered at merges)."""
BEFORE_OWNER: dict[str, Any] = {
    "schema_version": OWNER_FORMAT - 1,
    "name": "Ben's plan",
    "start_date": "2026-06-01",
    "entries": [{"id": "b" * 32, "certification_id": "solutions-architect-associate"}],
}


def test_the_owner_step_changes_only_the_version() -> None:
    original = json.loads(json.dumps(BEFORE_OWNER))
    upgraded = MIGRATIONS[OWNER_FORMAT - 1](original)
    assert original == BEFORE_OWNER, "the step must not change its input"
    assert upgraded == {**BEFORE_OWNER, "schema_version": OWNER_FORMAT}
    assert OWNER_FORMAT == PLAN_SCHEMA_VERSION
    assert StudyPlan.model_validate(upgraded).owner is None, "old plans have no owner"


def test_an_old_file_is_read_without_writing_and_saved_with_its_owner(
    tmp_path: Path, catalog: Catalog
) -> None:
    path = tmp_path / "ben.json"
    path.write_text(json.dumps(BEFORE_OWNER), encoding="utf-8")
    old_bytes = path.read_bytes()

    plan = load_plan(path, catalog)
    assert path.read_bytes() == old_bytes, "opening a plan never writes"
    plan.owner = Owner(name="Ben Okafor", team="Platform")
    save_plan(plan, path, first_save_in_session=True)

    (backup,) = list_backups(path)
    assert backup.path.read_bytes() == old_bytes
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == PLAN_SCHEMA_VERSION
    assert on_disk["owner"] == {"name": "Ben Okafor", "team": "Platform"}
    assert load_plan(path, catalog).owner == Owner(name="Ben Okafor", team="Platform")


def test_an_owner_is_kept_as_one_clean_line() -> None:
    assert Owner(name="  Ben   Okafor ").name == "Ben Okafor"
    assert Owner(name="Ben", team=" Platform ").team == "Platform"
    assert Owner(name="x" * MAX_OWNER_NAME).name == "x" * MAX_OWNER_NAME


@pytest.mark.parametrize(
    "owner",
    [
        {"name": ""},
        {"name": "   "},
        {"name": "Ben\nOkafor"},
        {"name": "Ben\tOkafor"},
        {"name": "Ben\x00"},
        {"name": "x" * (MAX_OWNER_NAME + 1)},
        {"name": "Ben", "team": ""},
        {"name": "Ben", "team": "Plat\x1bform"},
        {"name": "Ben", "email": "ben@example.com"},
        {"team": "Platform"},
    ],
)
def test_an_owner_that_cannot_be_is_refused(owner: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        StudyPlan.model_validate({"start_date": "2026-06-01", "owner": owner})
