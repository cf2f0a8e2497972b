"""Format 7: an exam entry can carry the learner's own fee (local currency, tax included). A
version-6 plan set none, which is what no field means, so the step changes only the version,
and the file is backed up before it is rewritten."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import PLAN_SCHEMA_VERSION, OwnFee, StudyPlan
from studyplanner.storage.plan_files import MIGRATIONS, list_backups, load_plan, save_plan

VERSION_6: dict[str, Any] = {
    "schema_version": 6,
    "name": "Architect in euros",
    "start_date": "2026-06-01",
    "profile": {"role": "architect", "experience_years": 2, "other_field_years": {"data": 1}},
    "entries": [
        {
            "id": "b" * 32,
            "certification_id": "solutions-architect-associate",
            "paid_by_other": True,
            "sessions": [{"on": "2026-06-02", "hours": 2.0, "note": "VPC"}],
        },
        {"id": "c" * 32, "certification_id": "solutions-architect-professional"},
    ],
}


def test_the_six_to_seven_step_changes_only_the_version() -> None:
    original = json.loads(json.dumps(VERSION_6))
    upgraded = MIGRATIONS[6](original)
    assert original == VERSION_6, "the step must not change its input"
    assert upgraded == {**VERSION_6, "schema_version": 7}
    plan = StudyPlan.model_validate(upgraded)
    assert [e.own_fee for e in plan.entries] == [None, None], "old plans get no own fee"
    assert plan.entries[0].paid_by_other and plan.entries[0].hours_logged == 2.0


def test_a_version_6_file_is_backed_up_then_saved_as_version_7(
    tmp_path: Path, catalog: Catalog
) -> None:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(VERSION_6), encoding="utf-8")
    old_bytes = path.read_bytes()

    plan = load_plan(path, catalog)
    assert path.read_bytes() == old_bytes, "opening a plan never writes"
    plan.entries[1].own_fee = OwnFee(amount=350, currency="EUR")
    save_plan(plan, path, first_save_in_session=True)

    (backup,) = list_backups(path)
    assert backup.path.read_bytes() == old_bytes
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == PLAN_SCHEMA_VERSION
    assert on_disk["entries"][1]["own_fee"] == {"amount": 350.0, "currency": "EUR"}
    assert on_disk["entries"][0]["own_fee"] is None
    assert load_plan(path, catalog).entries[1].own_fee == OwnFee(amount=350, currency="EUR")


@pytest.mark.parametrize(
    "fee",
    [
        {"amount": 0, "currency": "EUR"},
        {"amount": -5, "currency": "EUR"},
        {"amount": 350.001, "currency": "EUR"},
        {"amount": 1e9, "currency": "EUR"},
        {"amount": 350, "currency": "eur"},
        {"amount": 350, "currency": "EURO"},
        {"amount": 350},
    ],
)
def test_an_own_fee_that_cannot_be_is_refused(fee: dict[str, Any]) -> None:
    entry = {"certification_id": "developer-associate", "own_fee": fee}
    with pytest.raises(ValidationError):
        StudyPlan.model_validate({"start_date": "2026-06-01", "entries": [entry]})
