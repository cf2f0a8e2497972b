"""Format 8: exam domains in the plan (issue 24): a rating per domain on each entry, results by
domain on practice scores, a domain on study sessions. A version-7 plan has none, which is
what no field means, so the step changes only the version, the old plan's hours split by the
domains' weights, and the file is backed up before it is rewritten."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from studyplanner.domain.analysis import analyse
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    PLAN_SCHEMA_VERSION,
    DomainRating,
    DomainVerdict,
    PracticeScore,
    StudyPlan,
    StudySession,
)
from studyplanner.storage.plan_files import MIGRATIONS, list_backups, load_plan, save_plan

VERSION_7: dict[str, Any] = {
    "schema_version": 7,
    "name": "Architect",
    "start_date": "2026-06-01",
    "entries": [
        {
            "id": "b" * 32,
            "certification_id": "solutions-architect-associate",
            "hours_override": 100,
            "own_fee": {"amount": 350, "currency": "EUR"},
            "sessions": [{"on": "2026-06-02", "hours": 10.0, "note": "VPC"}],
            "scores": [{"on": "2026-06-03", "percent": 60}],
        },
    ],
}


def test_the_seven_to_eight_step_changes_only_the_version() -> None:
    original = json.loads(json.dumps(VERSION_7))
    upgraded = MIGRATIONS[7](original)
    assert original == VERSION_7, "the step must not change its input"
    assert upgraded == {**VERSION_7, "schema_version": 8}
    (entry,) = StudyPlan.model_validate(upgraded).entries
    assert entry.domain_ratings == {}
    assert [s.domain for s in entry.sessions] == [None]
    assert [s.domains for s in entry.scores] == [{}]


def test_an_old_plan_gets_the_weight_split(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(VERSION_7), encoding="utf-8")
    plan = load_plan(path, catalog)
    split = analyse(plan, catalog, date(2026, 6, 4)).domains_of("b" * 32)
    assert split is not None
    # 100 h, 10 h logged for the whole exam (3, 2.6, 2.4, 2 by weight): 30/26/24/20.
    assert [round(s.hours, 9) for s in split.shares] == [30, 26, 24, 20]
    assert [s.logged for s in split.shares] == pytest.approx([3, 2.6, 2.4, 2])


def test_a_version_7_file_is_backed_up_then_saved_in_the_current_format(
    tmp_path: Path, catalog: Catalog
) -> None:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(VERSION_7), encoding="utf-8")
    old_bytes = path.read_bytes()

    plan = load_plan(path, catalog)
    assert path.read_bytes() == old_bytes, "opening a plan never writes"
    entry = plan.entries[0]
    entry.domain_ratings = {2: DomainRating.NEW}
    entry.log_session(StudySession(on=date(2026, 6, 4), hours=2, domain=2))
    entry.scores = [
        *entry.scores,
        PracticeScore(
            on=date(2026, 6, 5),
            percent=70,
            domains={1: 72.5, 2: DomainVerdict.NEEDS_IMPROVEMENT, 3: DomainVerdict.MEETS},
        ),
    ]
    save_plan(plan, path, first_save_in_session=True)

    (backup,) = list_backups(path)
    assert backup.path.read_bytes() == old_bytes
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == PLAN_SCHEMA_VERSION == 9  # 8, then 9 (owner)
    saved = on_disk["entries"][0]
    assert saved["domain_ratings"] == {"2": "new"}
    assert [s["domain"] for s in saved["sessions"]] == [None, 2]
    assert saved["scores"][1]["domains"] == {"1": 72.5, "2": "needs-improvement", "3": "meets"}
    assert load_plan(path, catalog) == plan


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("domain_ratings", {"0": "new"}),
        ("domain_ratings", {"21": "new"}),
        ("domain_ratings", {"1": "expert"}),
        ("domain_ratings", {"one": "new"}),
        ("sessions", [{"on": "2026-06-02", "hours": 1, "domain": 0}]),
        ("sessions", [{"on": "2026-06-02", "hours": 1, "domain": 21}]),
        ("sessions", [{"on": "2026-06-02", "hours": 1, "domain": "2"}]),
        ("scores", [{"on": "2026-06-02", "percent": 50, "domains": {"1": 101}}]),
        ("scores", [{"on": "2026-06-02", "percent": 50, "domains": {"1": -1}}]),
        ("scores", [{"on": "2026-06-02", "percent": 50, "domains": {"1": True}}]),
        ("scores", [{"on": "2026-06-02", "percent": 50, "domains": {"1": "55"}}]),
        ("scores", [{"on": "2026-06-02", "percent": 50, "domains": {"1": "good"}}]),
        ("scores", [{"on": "2026-06-02", "percent": 50, "domains": {"25": 50}}]),
    ],
)
def test_domain_fields_that_cannot_be_are_refused(field: str, value: object) -> None:
    entry = {"certification_id": "developer-associate", field: value}
    with pytest.raises(ValidationError):
        StudyPlan.model_validate_json(json.dumps({"start_date": "2026-06-01", "entries": [entry]}))
