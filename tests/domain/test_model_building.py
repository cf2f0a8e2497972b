"""What the models cost a start (issue 22): a validator is built when a model is first used,
so importing the domain builds none, reading a catalog or a plan builds one for all of it, and
no field's default makes pydantic read a built-in's signature. Counts, not milliseconds."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from pydantic import BaseModel

from studyplanner.domain import catalog, plan, team
from studyplanner.storage import settings

MODULES = (catalog, plan, team, settings)

BUILT_AFTER = """
import json, sys
from datetime import date
from pydantic import BaseModel
from studyplanner.domain import catalog, plan, team
from studyplanner.storage import settings

def built():
    return sorted(
        f"{module.__name__.rsplit('.', 1)[1]}.{name}"
        for module in (catalog, plan, team, settings)
        for name, value in vars(module).items()
        if isinstance(value, type) and issubclass(value, BaseModel)
        and value.__module__ == module.__name__ and value.__pydantic_complete__
    )

at_import = built()
from studyplanner.storage.catalog_source import bundled_catalog
cat = bundled_catalog()
document = plan.StudyPlan(
    name="x", start_date=date(2027, 1, 4),
    profile={}, availability={"hours_per_weekday": [1] * 7},
    entries=[{"certification_id": cat.certifications[0].id}],
).model_dump(mode="json")
plan.StudyPlan.model_validate(document)
print(json.dumps({"import": at_import, "read": built()}))
"""


def test_importing_builds_no_validator_and_reading_builds_one_per_document() -> None:
    done = subprocess.run(
        [sys.executable, "-c", BUILT_AFTER], capture_output=True, text=True, check=True
    )
    built = json.loads(done.stdout)
    assert built["import"] == []
    # the catalog and the plan each get one validator covering their parts; a part gets its
    # own only when it is validated by itself (an edit of the profile, a typed session)
    assert built["read"] == ["catalog.Catalog", "plan.StudyPlan"]


def _models() -> list[type[BaseModel]]:
    return [
        value
        for module in MODULES
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, BaseModel)
        and value.__module__ == module.__name__
    ]


@pytest.mark.parametrize("model", _models(), ids=lambda model: model.__name__)
def test_no_field_defaults_through_a_built_in(model: type[BaseModel]) -> None:
    """pydantic reads a default factory's signature; for a built-in (``list``, ``dict``)
    that means tokenizing its text, milliseconds of a start: use ``empty_list`` and the like."""
    built_ins = {
        name
        for name, field in model.model_fields.items()
        if field.default_factory is list or field.default_factory is set
    }
    assert built_ins == set()


def test_a_part_validated_by_itself_still_checks_everything() -> None:
    with pytest.raises(ValueError, match="low <= typical <= high"):
        catalog.StudyHours(low=10, typical=5, high=20)
    with pytest.raises(ValueError, match="at most 24 hours"):
        plan.StudySession(on="2027-01-04", hours=25)
