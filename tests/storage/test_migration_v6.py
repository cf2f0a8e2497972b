"""Format 6: the profile's years in other fields of work. A version-5 plan means "none given",
so the step changes only the version, and the file is backed up before it is rewritten."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import PLAN_SCHEMA_VERSION, StudyPlan
from studyplanner.domain.roles import ExperienceField
from studyplanner.storage.plan_files import MIGRATIONS, list_backups, load_plan, save_plan

VERSION_5: dict[str, Any] = {
    "schema_version": 5,
    "name": "Networking later",
    "start_date": "2026-06-01",
    "profile": {"role": "developer", "experience_years": 2, "field_years": 4},
    "entries": [
        {
            "id": "a" * 32,
            "certification_id": "developer-associate",
            "sessions": [{"on": "2026-06-02", "hours": 1.5, "note": "lambda"}],
        }
    ],
}


def test_the_five_to_six_step_changes_only_the_version() -> None:
    original = json.loads(json.dumps(VERSION_5))
    upgraded = MIGRATIONS[5](original)
    assert original == VERSION_5, "the step must not change its input"
    assert upgraded == {**VERSION_5, "schema_version": 6}
    plan = StudyPlan.model_validate(upgraded)
    assert plan.profile.other_field_years == {}
    assert plan.profile.field_years == 4 and plan.entries[0].hours_logged == 1.5


def test_a_version_5_file_is_backed_up_then_saved_as_version_6(
    tmp_path: Path, catalog: Catalog
) -> None:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(VERSION_5), encoding="utf-8")
    old_bytes = path.read_bytes()

    plan = load_plan(path, catalog)
    assert path.read_bytes() == old_bytes, "opening a plan never writes"
    plan.profile.other_field_years = {ExperienceField.NETWORKING: 3}
    save_plan(plan, path, first_save_in_session=True)

    (backup,) = list_backups(path)
    assert backup.path.read_bytes() == old_bytes
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == PLAN_SCHEMA_VERSION
    assert on_disk["profile"]["other_field_years"] == {"networking": 3}
    assert load_plan(path, catalog).profile.other_field_years == {ExperienceField.NETWORKING: 3}
    assert load_plan(path, catalog).start_date == date(2026, 6, 1)
