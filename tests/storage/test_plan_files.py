"""Plan files: round trips, backups, refusing bad or newer files, migrating old ones."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    PLAN_SCHEMA_VERSION,
    HeldCertification,
    StudyPlan,
    StudySession,
)
from studyplanner.domain.schedule import schedule_plan
from studyplanner.storage import paths
from studyplanner.storage.plan_files import (
    KEEP_BACKUPS,
    LOGGED_BEFORE_SESSIONS,
    MAX_PLAN_BYTES,
    MIGRATIONS,
    PlanFileError,
    backup_folder,
    latest_good_backup,
    list_backups,
    list_plans,
    load_plan,
    migrate,
    new_plan_path,
    plan_json_schema,
    plan_to_json,
    save_plan,
)
from tests.storage.conftest import full_plan


def plan_path(name: str = "career.json") -> Path:
    return paths.plans_dir() / name


def saved_document(plan: StudyPlan | None = None) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(plan_to_json(plan or full_plan()))
    return document


def write(path: Path, content: bytes | str | object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_text(json.dumps(content), encoding="utf-8")
    return path


# --- round trip and atomic save ---------------------------------------------------------


def test_save_then_load_gives_the_same_plan(catalog: Catalog) -> None:
    plan = full_plan()
    path = plan_path()
    save_plan(plan, path)
    assert load_plan(path, catalog) == plan
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == PLAN_SCHEMA_VERSION


def test_a_failed_save_keeps_the_previous_file(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = plan_path()
    moment = datetime(2026, 3, 14, 9, 0)
    save_plan(full_plan("Before"), path, now=moment)
    save_plan(full_plan("Before"), path, now=moment)  # backed up, so the next save only writes
    before = path.read_bytes()

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(PlanFileError, match="could not be saved") as caught:
        save_plan(full_plan("After"), path, now=moment + timedelta(minutes=1))
    monkeypatch.undo()

    assert str(path) in str(caught.value)
    assert path.read_bytes() == before
    assert sorted(os.listdir(path.parent)) == ["career.json"]  # no temp file left behind
    assert load_plan(path, catalog).name == "Before"


# --- backups ------------------------------------------------------------------------------


def test_each_overwrite_keeps_the_previous_version_as_a_backup() -> None:
    path = plan_path()
    save_plan(full_plan("v1"), path)
    assert list_backups(path) == []  # nothing was overwritten yet
    first = path.read_bytes()
    save_plan(full_plan("v2"), path)
    backups = list_backups(path)
    assert len(backups) == 1
    assert backups[0].path.read_bytes() == first
    assert not backups[0].path.is_relative_to(paths.plans_dir())  # not listed as plans


def test_the_last_ten_versions_of_one_day_are_kept(catalog: Catalog) -> None:
    path = plan_path()
    morning = datetime(2026, 3, 14, 8, 0)
    for version in range(1, 15):  # a session every 11 minutes
        save_plan(full_plan(f"v{version}"), path, now=morning + timedelta(minutes=11 * version))
    backups = list_backups(path)
    assert len(backups) == KEEP_BACKUPS == 10
    names = [json.loads(b.path.read_text(encoding="utf-8"))["name"] for b in backups]
    assert names == [f"v{v}" for v in range(13, 3, -1)]  # newest first, v14 is the file itself
    assert load_plan(path, catalog).name == "v14"


def test_backups_of_a_plan_with_glob_characters_in_its_name(catalog: Catalog) -> None:
    path = plan_path("team [2026] *draft*?.json")
    for version in range(1, 13):
        save_plan(full_plan(f"v{version}"), path, first_save_in_session=True)
    assert len(list_backups(path)) == KEEP_BACKUPS
    found = latest_good_backup(path, catalog)
    assert found is not None and found[1].name == "v11"


def test_latest_good_backup_skips_damaged_backups(catalog: Catalog) -> None:
    path = plan_path()
    for version in ("v1", "v2", "v3"):
        save_plan(full_plan(version), path, first_save_in_session=True)
    newest = list_backups(path)[0].path
    newest.write_bytes(newest.read_bytes()[:100])  # v2's backup is damaged
    found = latest_good_backup(path, catalog)
    assert found is not None
    backup, plan = found
    assert plan.name == "v1"
    assert backup == list_backups(path)[1]


def test_latest_good_backup_without_backups_is_none(catalog: Catalog) -> None:
    path = plan_path()
    assert latest_good_backup(path, catalog) is None
    save_plan(full_plan(), path)
    assert latest_good_backup(path, catalog) is None


# --- files that cannot be loaded ---------------------------------------------------------


def _truncated() -> bytes:
    text = plan_to_json(full_plan())
    return text[: len(text) // 2].encode("utf-8")


def _with(**changes: Any) -> bytes:
    document = saved_document()
    document.update(changes)
    return json.dumps(document).encode("utf-8")


def _with_entry(index: int, **changes: Any) -> bytes:
    document = saved_document()
    document["entries"][index].update(changes)
    return json.dumps(document).encode("utf-8")


BAD_FILES = {
    "truncated": (_truncated(), "truncated"),
    "not-json": (b"Plan: learn AWS\n", "not valid JSON"),
    "empty": (b"", "not valid JSON"),
    "entries-is-a-number": (_with(entries=5), "field 'entries'"),
    "entries-is-null": (_with(entries=None), "field 'entries'"),
    "name-is-a-list": (_with(name=["a"]), "field 'name'"),
    "bad-start-date": (_with(start_date="next Tuesday"), "field 'start_date'"),
    "hours-over-24": (
        _with(availability={"hours_per_weekday": [25, 1, 1, 1, 1, 1, 1], "blackouts": []}),
        "field 'availability.hours_per_weekday.0'",
    ),
    "unknown-certification": (
        _with_entry(1, certification_id="quantum-associate"),
        "field 'entries.1.certification_id': unknown certification 'quantum-associate'",
    ),
    "unknown-held-certification": (
        _with(held=[{"certification_id": "quantum-associate", "earned_on": "2025-01-10"}]),
        "field 'held.0.certification_id': unknown certification 'quantum-associate'",
    ),
    "negative-session-hours": (
        _with_entry(2, sessions=[{"on": "2026-03-02", "hours": -4}]),
        "field 'entries.2.sessions.0.hours'",
    ),
    "hours-logged-is-no-longer-a-field": (
        _with_entry(2, hours_logged=4),
        "field 'entries.2.hours_logged'",
    ),
    "version-4-hours-logged-is-text": (
        _with(
            schema_version=4,
            entries=[{"certification_id": "cloud-practitioner", "hours_logged": "lots"}],
        ),
        "cannot be upgraded from format 4: field 'entries.0.hours_logged' must be a number",
    ),
    "unknown-field": (_with(colour="blue"), "field 'colour'"),
    "unknown-field-with-a-line-break": (_with(**{"a\nb": 1}), "field 'a\\nb'"),
    "not-utf8": ("plan «é»".encode("latin-1"), "not UTF-8"),
    "a-json-list": (b"[1, 2, 3]", "expected a JSON object"),
    "a-json-string": (b'"plan"', "expected a JSON object"),
    "no-schema-version": (
        json.dumps({k: v for k, v in saved_document().items() if k != "schema_version"}).encode(),
        "field 'schema_version'",
    ),
    "schema-version-text": (_with(schema_version="2"), "field 'schema_version'"),
    "schema-version-zero": (_with(schema_version=0), "field 'schema_version'"),
    "schema-version-true": (_with(schema_version=True), "field 'schema_version'"),
    "deeply-nested": (b"[" * 100_000 + b"]" * 100_000, "plan"),
    "a-number-too-long": (
        b'{"schema_version": 2, "name": ' + b"7" * 5000 + b"}",
        "number",
    ),
    "v1-infinite-hours": (
        b'{"schema_version": 1, "availability": {"weekly_hours": Infinity}}',
        "weekly_hours",
    ),
    "v1-negative-hours": (
        b'{"schema_version": 1, "availability": {"weekly_hours": -3}}',
        "weekly_hours",
    ),
    "v1-entries-not-objects": (
        b'{"schema_version": 1, "start_date": "2025-09-01", "entries": [5]}',
        "field 'entries.0'",
    ),
}


@pytest.mark.parametrize(("content", "expected"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_gives_one_clear_message(
    catalog: Catalog, content: bytes, expected: str
) -> None:
    path = write(plan_path(), content)
    with pytest.raises(PlanFileError) as caught:
        load_plan(path, catalog)
    error = caught.value
    assert error.path == path
    assert str(error).startswith(f"{path}: ")
    assert expected in error.message
    assert "\n" not in str(error), "the message must fit on one line"
    assert not error.newer
    assert path.read_bytes() == content, "a file that cannot be loaded is left untouched"


def test_a_plan_saved_by_an_editor_with_a_byte_order_mark_loads(catalog: Catalog) -> None:
    plan = full_plan()
    path = write(plan_path(), b"\xef\xbb\xbf" + plan_to_json(plan).encode("utf-8"))
    assert load_plan(path, catalog) == plan


def test_an_oversized_file_is_refused_before_reading_it(catalog: Catalog) -> None:
    path = write(plan_path(), plan_to_json(full_plan()))
    with path.open("r+b") as handle:
        handle.truncate(MAX_PLAN_BYTES + 1)  # sparse: only its size says it is too large
    megabytes = (MAX_PLAN_BYTES + 1) / 1e6
    limit = MAX_PLAN_BYTES // 2**20
    with pytest.raises(
        PlanFileError, match=rf"is {megabytes:.1f} MB; plan files are at most {limit} MB"
    ) as caught:
        load_plan(path, catalog)
    assert str(path) in str(caught.value)


def test_a_file_of_exactly_the_limit_still_loads(catalog: Catalog) -> None:
    plan = full_plan()
    text = plan_to_json(plan)
    path = write(plan_path(), text + " " * (MAX_PLAN_BYTES - len(text.encode("utf-8"))))
    assert path.stat().st_size == MAX_PLAN_BYTES
    assert load_plan(path, catalog) == plan


def test_a_missing_file_or_a_folder_is_a_plan_file_error(catalog: Catalog) -> None:
    with pytest.raises(PlanFileError, match="does not exist"):
        load_plan(plan_path("gone.json"), catalog)
    folder = plan_path("folder.json")
    folder.mkdir(parents=True)
    with pytest.raises(PlanFileError, match="is a folder"):
        load_plan(folder, catalog)


def test_saving_over_a_folder_is_a_plan_file_error() -> None:
    folder = plan_path("folder.json")
    folder.mkdir(parents=True)
    with pytest.raises(PlanFileError) as caught:
        save_plan(full_plan(), folder)
    assert str(folder) in str(caught.value)
    assert folder.is_dir()


# --- newer files --------------------------------------------------------------------------


def newer_file() -> Path:
    document = saved_document()
    document["schema_version"] = PLAN_SCHEMA_VERSION + 1
    document["future_feature"] = {"anything": True}
    return write(plan_path(), document)


def test_a_newer_file_is_refused_for_loading(catalog: Catalog) -> None:
    path = newer_file()
    with pytest.raises(PlanFileError, match="newer StudyPlanner") as caught:
        load_plan(path, catalog)
    assert caught.value.newer


def test_a_newer_file_is_never_overwritten() -> None:
    path = newer_file()
    before = path.read_bytes()
    with pytest.raises(PlanFileError, match="refusing to overwrite") as caught:
        save_plan(full_plan(), path)
    assert caught.value.newer
    assert path.read_bytes() == before
    assert os.listdir(path.parent) == [path.name]


# --- migration from version 1 -------------------------------------------------------------

VERSION_1: dict[str, Any] = {
    "schema_version": 1,
    "name": "Old plan",
    "start_date": "2025-09-01",
    "profile": {"role": "operations", "experience_years": 3, "focus_areas": ["hybrid network"]},
    "availability": {
        "weekly_hours": 8,
        "blackouts": [{"start": "2025-12-22", "end": "2026-01-02", "label": "Holidays"}],
    },
    "entries": [
        {"certification_id": "cloudops-engineer-associate", "hours_logged": 12.5},
        {"certification_id": "advanced-networking-specialty", "notes": "after SOA"},
    ],
}


def test_the_one_to_two_step_on_its_own() -> None:
    original = json.loads(json.dumps(VERSION_1))
    upgraded = MIGRATIONS[1](original)

    assert original == VERSION_1, "the step must not change its input"
    assert upgraded["schema_version"] == 2
    week = upgraded["availability"]["hours_per_weekday"]
    assert len(week) == 7 and sum(week) == 8
    assert upgraded["availability"]["blackouts"] == VERSION_1["availability"]["blackouts"]
    ids = [e["id"] for e in upgraded["entries"]]
    assert len(set(ids)) == 2 and all(len(i) == 32 for i in ids)
    assert upgraded["entries"][0]["hours_logged"] == 12.5
    assert upgraded["entries"][1]["notes"] == "after SOA"
    assert StudyPlan.model_validate(migrate(upgraded)).availability.weekly_hours == 8


def test_the_one_to_two_step_keeps_existing_entry_ids() -> None:
    document = json.loads(json.dumps(VERSION_1))
    document["entries"][0]["id"] = "a" * 32
    assert MIGRATIONS[1](document)["entries"][0]["id"] == "a" * 32


def test_there_is_a_step_for_every_older_version() -> None:
    assert sorted(MIGRATIONS) == list(range(1, PLAN_SCHEMA_VERSION))
    assert migrate(json.loads(json.dumps(VERSION_1)))["schema_version"] == PLAN_SCHEMA_VERSION


def test_a_version_1_file_is_upgraded_when_saved_after_a_backup(catalog: Catalog) -> None:
    path = write(plan_path(), VERSION_1)
    old_bytes = path.read_bytes()

    plan = load_plan(path, catalog)
    assert path.read_bytes() == old_bytes, "opening a plan never writes"
    assert list_backups(path) == []
    save_plan(plan, path, first_save_in_session=True)

    assert plan.schema_version == PLAN_SCHEMA_VERSION
    assert plan.name == "Old plan"
    assert plan.availability.weekly_hours == 8
    assert [e.certification_id for e in plan.entries] == [
        "cloudops-engineer-associate",
        "advanced-networking-specialty",
    ]
    backups = list_backups(path)
    assert len(backups) == 1
    assert backups[0].path.read_bytes() == old_bytes
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == PLAN_SCHEMA_VERSION
    # Reloading gives the same plan, entry ids included: the upgrade happened once.
    assert load_plan(path, catalog) == plan
    assert len(list_backups(path)) == 1


def test_a_version_1_file_in_a_folder_that_cannot_be_written_still_loads(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(plan_path(), VERSION_1)
    old_bytes = path.read_bytes()

    def read_only(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", read_only)
    plan = load_plan(path, catalog)
    with pytest.raises(PlanFileError, match="could not be"):
        save_plan(plan, path, first_save_in_session=True)
    monkeypatch.undo()

    assert plan.availability.weekly_hours == 8
    assert path.read_bytes() == old_bytes


# --- migration from version 2 -------------------------------------------------------------

VERSION_2: dict[str, Any] = {
    "schema_version": 2,
    "name": "Plan from before field years",
    "start_date": "2026-03-02",
    "profile": {"role": "security", "experience_years": 2, "direction": "security"},
    "availability": {"hours_per_weekday": [1, 1, 1, 1, 1, 2, 2], "blackouts": []},
    "entries": [
        {"id": "b" * 32, "certification_id": "solutions-architect-associate", "notes": "first"},
        {"id": "c" * 32, "certification_id": "security-specialty", "hours_override": 150},
    ],
}


def test_the_two_to_three_step_on_its_own() -> None:
    original = json.loads(json.dumps(VERSION_2))
    upgraded = MIGRATIONS[2](original)

    assert original == VERSION_2, "the step must not change its input"
    assert upgraded == {**VERSION_2, "schema_version": 3}
    plan = StudyPlan.model_validate(upgraded)
    assert plan.profile.field_years is None  # unknown until the learner says
    assert plan.notes == ""


def test_a_version_1_file_goes_through_every_step_to_the_current_format() -> None:
    upgraded = migrate(json.loads(json.dumps(VERSION_1)))
    plan = StudyPlan.model_validate(upgraded)
    assert plan.schema_version == PLAN_SCHEMA_VERSION
    assert plan.profile.field_years is None and plan.notes == ""
    assert plan.held == [] and plan.voucher_valid_months is None
    assert plan.entries[0].hours_logged == 12.5
    assert [s.on for s in plan.entries[0].sessions] == [date(2025, 9, 1)]


def test_a_version_2_file_is_upgraded_when_saved_after_a_backup(catalog: Catalog) -> None:
    path = write(plan_path(), VERSION_2)
    old_bytes = path.read_bytes()

    plan = load_plan(path, catalog)
    assert path.read_bytes() == old_bytes, "opening a plan never writes"
    save_plan(plan, path, first_save_in_session=True)

    assert [(e.id, e.certification_id) for e in plan.entries] == [
        ("b" * 32, "solutions-architect-associate"),
        ("c" * 32, "security-specialty"),
    ]
    assert plan.entries[1].hours_override == 150 and plan.entries[0].notes == "first"
    (backup,) = list_backups(path)
    assert backup.path.read_bytes() == old_bytes
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == PLAN_SCHEMA_VERSION
    assert on_disk["profile"]["field_years"] is None and on_disk["notes"] == ""


def test_a_plan_keeps_field_years_and_notes(catalog: Catalog) -> None:
    plan = StudyPlan.model_validate({**VERSION_2, "schema_version": PLAN_SCHEMA_VERSION})
    plan.profile.field_years = 4.5
    plan.notes = "Add Security – Specialty once you have about 3 years of security work."
    path = plan_path()
    save_plan(plan, path)
    assert load_plan(path, catalog) == plan


# --- migration from version 3 -------------------------------------------------------------

VERSION_3: dict[str, Any] = {
    "schema_version": 3,
    "name": "Plan from before held certifications",
    "start_date": "2026-01-05",
    "profile": {"role": "developer", "experience_years": 2, "field_years": 4},
    "availability": {"hours_per_weekday": [1, 1, 1, 1, 1, 2, 2], "blackouts": []},
    "entries": [
        {
            "id": "d" * 32,
            "certification_id": "cloud-practitioner",
            "status": "passed",
            "passed_on": "2025-06-02",
        },
        {
            "id": "e" * 32,
            "certification_id": "developer-associate",
            "pinned_exam_date": "2026-05-04",
        },
    ],
    "notes": "Developer first.",
}


def test_the_three_to_four_step_on_its_own() -> None:
    original = json.loads(json.dumps(VERSION_3))
    upgraded = MIGRATIONS[3](original)

    assert original == VERSION_3, "the step must not change its input"
    assert upgraded == {**VERSION_3, "schema_version": 4}
    plan = StudyPlan.model_validate(upgraded)
    # Same meaning as before: nothing held besides the passed entry, the plan pays every
    # exam, no deadlines, and no voucher limit assumed.
    assert plan.held == [] and plan.voucher_valid_months is None
    assert [(e.paid_by_other, e.deadline) for e in plan.entries] == [(False, None), (False, None)]


def test_a_version_3_file_is_upgraded_when_saved_after_a_backup(catalog: Catalog) -> None:
    path = write(plan_path(), VERSION_3)
    old_bytes = path.read_bytes()

    plan = load_plan(path, catalog)
    assert path.read_bytes() == old_bytes, "opening a plan never writes"
    assert list_backups(path) == []
    save_plan(plan, path, first_save_in_session=True)

    assert plan.entries[0].status == "passed"
    assert str(plan.entries[0].passed_on) == "2025-06-02"
    assert str(plan.entries[1].pinned_exam_date) == "2026-05-04"
    assert plan.profile.field_years == 4 and plan.notes == "Developer first."
    (backup,) = list_backups(path)
    assert backup.path.read_bytes() == old_bytes
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == PLAN_SCHEMA_VERSION
    assert on_disk["held"] == [] and on_disk["voucher_valid_months"] is None
    assert on_disk["entries"][1]["paid_by_other"] is False
    assert on_disk["entries"][1]["deadline"] is None
    assert load_plan(path, catalog) == plan


def test_held_certifications_vouchers_and_deadlines_survive_a_save(catalog: Catalog) -> None:
    plan = StudyPlan.model_validate({**VERSION_3, "schema_version": PLAN_SCHEMA_VERSION})
    plan.held = [
        HeldCertification(certification_id="cloud-practitioner", earned_on=date(2024, 1, 10))
    ]
    plan.voucher_valid_months = 12
    plan.entries[1].paid_by_other = True
    plan.entries[1].deadline = date(2026, 6, 30)
    path = plan_path()
    save_plan(plan, path)
    assert load_plan(path, catalog) == plan


# --- migration from version 4 -------------------------------------------------------------

VERSION_4: dict[str, Any] = {
    "schema_version": 4,
    "name": "Plan from before the study log",
    "start_date": "2026-01-05",
    "profile": {"role": "developer", "experience_years": 2},
    "availability": {"hours_per_weekday": [1, 1, 1, 1, 1, 2.5, 2.5], "blackouts": []},
    "entries": [
        {
            "id": "d" * 32,
            "certification_id": "developer-associate",
            "status": "studying",
            "hours_logged": 20,
            "hours_override": 60,
        },
        {"id": "e" * 32, "certification_id": "solutions-architect-associate", "hours_logged": 0},
        {"id": "a" * 32, "certification_id": "cloud-practitioner", "hours_logged": 50.5},
    ],
    "held": [],
    "voucher_valid_months": None,
}


def test_the_four_to_five_step_on_its_own() -> None:
    original = json.loads(json.dumps(VERSION_4))
    upgraded = MIGRATIONS[4](original)

    assert original == VERSION_4, "the step must not change its input"
    assert upgraded["schema_version"] == 5
    assert all("hours_logged" not in e for e in upgraded["entries"])
    plan = StudyPlan.model_validate(upgraded)
    studying, untouched, long_one = plan.entries
    assert studying.sessions == [
        StudySession(on=date(2026, 1, 5), hours=20, note=LOGGED_BEFORE_SESSIONS)
    ]
    assert untouched.sessions == []
    # A lump sum stays one session, whole (issue 20: 24 + 24 + 2.5 broke the session caps
    # for large plans and turned 5e-324 h into 24 h): days nobody recorded are not invented.
    assert [(s.on, s.hours, s.note) for s in long_one.sessions] == [
        (date(2026, 1, 5), 50.5, LOGGED_BEFORE_SESSIONS)
    ]
    assert long_one.sessions[0].is_lump_sum
    assert [e.hours_logged for e in plan.entries] == [20, 0, 50.5]
    # Nothing new is assumed: no scores, the default target, no baseline yet.
    assert all(e.scores == [] for e in plan.entries)
    assert plan.readiness_target == 80 and plan.baseline is None


def test_the_four_to_five_step_keeps_what_the_plan_meant(catalog: Catalog) -> None:
    before = StudyPlan.model_validate(
        {
            **VERSION_4,
            "schema_version": 5,
            "entries": [
                {k: v for k, v in e.items() if k != "hours_logged"} for e in VERSION_4["entries"]
            ],
        }
    )
    upgraded = StudyPlan.model_validate(MIGRATIONS[4](json.loads(json.dumps(VERSION_4))))
    # The dates a version-4 StudyPlanner showed: estimate minus the logged number, from the
    # start date. The upgraded plan schedules exactly so (and so from a day before today).
    old_remaining = [max(0.0, 60 - 20)]
    after = schedule_plan(upgraded, catalog)
    assert after.entries[0].remaining_hours == old_remaining[0]
    assert [i.exam_date for i in after.entries] == [
        i.exam_date for i in schedule_plan(upgraded, catalog, date(2026, 1, 5)).entries
    ]
    unlogged = schedule_plan(before, catalog)
    assert after.entries[0].exam_date is not None and unlogged.entries[0].exam_date is not None
    assert after.entries[0].exam_date < unlogged.entries[0].exam_date


@pytest.mark.parametrize("hours_logged", [-1, 5000.5, "20", True, None, float("nan")], ids=repr)
def test_the_four_to_five_step_refuses_a_number_it_cannot_keep(hours_logged: object) -> None:
    document = json.loads(json.dumps(VERSION_4))
    document["entries"][0]["hours_logged"] = hours_logged
    with pytest.raises(ValueError, match=r"'entries\.0\.hours_logged' must be a number"):
        MIGRATIONS[4](document)


def test_a_version_4_file_is_upgraded_when_saved_after_a_backup(catalog: Catalog) -> None:
    path = write(plan_path(), VERSION_4)
    old_bytes = path.read_bytes()

    plan = load_plan(path, catalog)
    assert path.read_bytes() == old_bytes, "opening a plan never writes"
    assert list_backups(path) == []
    assert plan.entries[0].hours_logged == 20
    assert [(s.on, s.hours) for s in plan.entries[0].sessions] == [(date(2026, 1, 5), 20)]
    save_plan(plan, path, first_save_in_session=True)

    (backup,) = list_backups(path)
    assert backup.path.read_bytes() == old_bytes
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == PLAN_SCHEMA_VERSION
    assert "hours_logged" not in on_disk["entries"][0]
    assert on_disk["entries"][0]["sessions"] == [
        {"on": "2026-01-05", "hours": 20.0, "note": LOGGED_BEFORE_SESSIONS, "domain": None}
    ]
    assert load_plan(path, catalog) == plan


def test_a_version_4_file_without_a_start_date_but_with_hours_is_explained(
    catalog: Catalog,
) -> None:
    document = {k: v for k, v in VERSION_4.items() if k != "start_date"}
    path = write(plan_path(), document)
    with pytest.raises(PlanFileError, match=r"cannot be upgraded from format 4: .*'start_date'"):
        load_plan(path, catalog)


def test_sessions_scores_target_and_baseline_survive_a_save(catalog: Catalog) -> None:
    plan = full_plan()
    path = plan_path()
    save_plan(plan, path)
    again = load_plan(path, catalog)
    assert again == plan
    studied = again.entry("f" * 32)
    assert studied.hours_logged == 22.5 and studied.scores[0].source == "official set"
    assert again.readiness_target == 85
    assert again.baseline is not None and again.baseline.finish == date(2026, 12, 15)


# --- plan folder and schema ---------------------------------------------------------------


def test_new_plan_paths_are_unique_slugs() -> None:
    first = new_plan_path("My AWS Plan: 2026!")
    assert first == paths.plans_dir() / "my-aws-plan-2026.json"
    save_plan(full_plan(), first)
    second = new_plan_path("My AWS Plan: 2026!")
    assert second.name == "my-aws-plan-2026-2.json"
    assert new_plan_path("☁☁").name == "plan.json"


def test_list_plans_shows_plan_files_only(tmp_path: Path) -> None:
    assert list_plans() == []
    save_plan(full_plan(), plan_path("a.json"))
    save_plan(full_plan(), plan_path("a.json"))  # makes a backup, which is not a plan
    write(plan_path("notes.txt"), b"hello")
    assert [p.name for p in list_plans()] == ["a.json"]


def test_the_json_schema_describes_the_plan_format() -> None:
    schema = plan_json_schema()
    json.dumps(schema)  # serialisable as it is
    assert schema["type"] == "object"
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert set(schema["properties"]) == set(StudyPlan.model_fields)
    assert {"schema_version", "name", "start_date", "profile", "availability", "entries"} <= set(
        schema["properties"]
    )
    entry_schema = schema["$defs"]["PlanEntry"]
    assert {"certification_id", "hours_override", "pinned_exam_date", "status"} <= set(
        entry_schema["properties"]
    )
    assert schema["additionalProperties"] is False


def test_damaged_file_from_a_newer_version_is_not_overwritten(
    tmp_path: Path, catalog: Catalog
) -> None:
    path = tmp_path / "future.json"
    original = b'{"schema_version": 99, "name": "From the future", "entries": [' + b"1," * 10
    path.write_bytes(original)
    with pytest.raises(PlanFileError) as info:
        save_plan(StudyPlan(start_date=date(2026, 1, 5)), path)
    assert info.value.newer
    assert path.read_bytes() == original


def test_large_file_from_a_newer_version_is_not_overwritten(tmp_path: Path) -> None:
    import json

    path = tmp_path / "big-future.json"
    original = json.dumps({"schema_version": 99, "padding": "x" * (6 * 1024 * 1024)}).encode()
    path.write_bytes(original)
    with pytest.raises(PlanFileError):
        save_plan(StudyPlan(start_date=date(2026, 1, 5)), path)
    assert path.read_bytes() == original


def test_same_file_name_in_two_folders_keeps_separate_backups(
    tmp_path: Path, catalog: Catalog
) -> None:
    home, work = tmp_path / "home" / "plan.json", tmp_path / "work" / "plan.json"
    for path, name in ((home, "Home plan"), (work, "Work plan")):
        save_plan(full_plan(name), path)
        save_plan(full_plan(name), path)
    assert backup_folder(home) != backup_folder(work)
    home.write_text("{", encoding="utf-8")
    recovered = latest_good_backup(home, catalog)
    assert recovered is not None and recovered[1].name == "Home plan"


def test_plans_in_the_plans_folder_back_up_under_their_own_name() -> None:
    path = paths.plans_dir() / "before-summer.json"
    assert backup_folder(path) == paths.backups_dir() / "before-summer"
