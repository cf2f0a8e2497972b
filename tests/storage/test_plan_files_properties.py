"""Whatever is in a plan file, loading it gives a plan or a PlanFileError, nothing else."""

from __future__ import annotations

import contextlib
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import StudyPlan
from studyplanner.domain.schedule import ScheduleError, schedule_plan
from studyplanner.storage.catalog_source import bundled_catalog
from studyplanner.storage.plan_files import PlanFileError, load_plan, plan_to_json
from tests.storage.conftest import full_plan

CATALOG: Catalog = bundled_catalog()
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and Infinity included: Python's json writes and reads them
    | st.text(max_size=20)
    | st.sampled_from(
        ["2026-01-05", "0001-01-01", "9999-12-31", "cloud-practitioner", "passed", "a" * 32]
    )
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=25,
)

PLAN_DOCUMENT: dict[str, Any] = json.loads(plan_to_json(full_plan()))


def paths_in(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path inside a JSON document, so a fuzzer can replace any one of them."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += paths_in(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += paths_in(child, (*prefix, index))
    return found


DOCUMENT_PATHS = paths_in(PLAN_DOCUMENT)

# The same plan as StudyPlanner's format 1 wrote it: one weekly total, entries without ids.
OLD_DOCUMENT: dict[str, Any] = {
    **PLAN_DOCUMENT,
    "schema_version": 1,
    "availability": {"weekly_hours": 8, "blackouts": PLAN_DOCUMENT["availability"]["blackouts"]},
    "entries": [{k: v for k, v in e.items() if k != "id"} for e in PLAN_DOCUMENT["entries"]],
}
OLD_DOCUMENT_PATHS = [p for p in paths_in(OLD_DOCUMENT) if p != ("schema_version",)]


def replaced(document: Any, where: tuple[Any, ...], value: Any) -> Any:
    copy = json.loads(json.dumps(document))
    target = copy
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    return copy


def load_bytes(data: bytes) -> StudyPlan | None:
    """Load ``data`` from a real file; None when it was refused with a PlanFileError."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed.json"
        path.write_bytes(data)
        try:
            plan = load_plan(path, CATALOG)
        except PlanFileError as error:
            assert error.path == path
            assert "\n" not in str(error)
            return None
    # Whatever loads can be scheduled, or is refused with a clear ScheduleError.
    with contextlib.suppress(ScheduleError):
        schedule_plan(plan, CATALOG)
    return plan


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_load_or_raise_plan_file_error(data: bytes) -> None:
    load_bytes(data)


@FUZZ
@given(json_values)
def test_arbitrary_json_values_load_or_raise_plan_file_error(value: Any) -> None:
    load_bytes(json.dumps(value).encode("utf-8"))


@FUZZ
@given(st.sampled_from(DOCUMENT_PATHS), json_values)
def test_a_plan_with_any_one_field_replaced_loads_or_raises_plan_file_error(
    where: tuple[Any, ...], value: Any
) -> None:
    load_bytes(json.dumps(replaced(PLAN_DOCUMENT, where, value)).encode("utf-8"))


@FUZZ
@given(st.sampled_from(OLD_DOCUMENT_PATHS), json_values)
def test_an_old_format_plan_with_any_field_replaced_loads_or_raises_plan_file_error(
    where: tuple[Any, ...], value: Any
) -> None:
    load_bytes(json.dumps(replaced(OLD_DOCUMENT, where, value)).encode("utf-8"))


def test_the_old_format_document_itself_loads() -> None:
    plan = load_bytes(json.dumps(OLD_DOCUMENT).encode("utf-8"))
    assert plan is not None and plan.availability.weekly_hours == 8


@FUZZ
@given(st.integers(min_value=0, max_value=len(plan_to_json(full_plan()).rstrip()) - 1))
def test_a_file_cut_anywhere_is_refused_cleanly(cut: int) -> None:
    assert load_bytes(plan_to_json(full_plan()).encode("utf-8")[:cut]) is None
