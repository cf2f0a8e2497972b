"""The plan-file commands as a person meets them, driven through fake prompts: no window, no
message box patched. Each test names what the person does and what they must find."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import PlanEntry, StudyPlan
from studyplanner.storage import paths
from studyplanner.storage.plan_files import list_backups, load_plan, save_plan
from studyplanner.storage.settings import load_settings, save_settings
from studyplanner.ui.document.plan_session import PlanSession
from tests.ui.fake_prompts import FakePrompts

TODAY = date(2026, 11, 29)


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


def session_for(catalog: Catalog, prompts: FakePrompts) -> PlanSession:
    return PlanSession(catalog, prompts, today=lambda: TODAY)


def saved_plan(realistic_plan: StudyPlan, name: str = "road") -> Path:
    path = paths.plans_dir() / f"{name}.json"
    save_plan(realistic_plan, path)
    return path


def test_first_start_shows_a_new_plan_starting_today(
    qapp: object, catalog: Catalog, prompts: FakePrompts
) -> None:
    session = session_for(catalog, prompts)
    session.open_initial(None)
    assert session.document.plan.entries == []
    assert session.document.plan.start_date == TODAY
    assert session.path is not None and session.path.parent == paths.plans_dir()
    assert not session.read_only
    assert prompts.asked == []


def test_reopens_the_last_plan(
    qapp: object, catalog: Catalog, prompts: FakePrompts, realistic_plan: StudyPlan
) -> None:
    path = saved_plan(realistic_plan)
    first = session_for(catalog, prompts)
    first.open_initial(path)
    assert first.close()
    again = session_for(catalog, prompts)
    again.open_initial(None)
    assert again.path == path
    assert again.document.plan == realistic_plan


def test_damaged_plan_offers_its_backups_by_date(
    qapp: object, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    path = paths.plans_dir() / "road.json"
    older = realistic_plan.model_copy(update={"name": "Older"})
    save_plan(older, path)
    save_plan(realistic_plan, path, first_save_in_session=True, now=datetime(2026, 11, 28, 9, 5))
    save_plan(realistic_plan, path, first_save_in_session=True, now=datetime(2026, 11, 29, 14, 5))
    path.write_text('{"schema_version": 3, "name": "Road', encoding="utf-8")
    damaged = path.read_bytes()

    prompts = FakePrompts(choice=1)  # the older of the two backups
    session = session_for(catalog, prompts)
    assert session.open(path)
    (question,) = [a for a in prompts.asked if a.kind == "choose"]
    assert question.text.startswith("road.json cannot be opened")  # the file first
    assert "truncated" in question.text or "not valid" in question.text
    assert "The newest backup is the version before the last save" in question.text
    # the same words as Restore Earlier Version: when, name, exams, size (issue 21)
    newest, older_one = question.choices
    assert newest.startswith("Saved today at 14:05 — Road to DevOps Pro, 3 exams, ")
    assert older_one.startswith("Saved yesterday at 09:05 — Older, 3 exams, ")
    assert newest.endswith(" KB") and older_one.endswith(" KB")
    assert session.document.plan.name == "Older"
    assert path.read_bytes() == damaged  # untouched until the plan is saved again
    assert session.flush()
    assert load_plan(path, catalog).name == "Older"


def test_damaged_plan_without_backups_is_left_alone(
    qapp: object, catalog: Catalog, prompts: FakePrompts
) -> None:
    path = paths.plans_dir() / "broken.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00\x01 not a plan")
    session = session_for(catalog, prompts)
    session.open_initial(path)
    assert any("broken.json" in text for text in prompts.texts("warn"))
    assert session.path != path
    assert path.read_bytes() == b"\x00\x01 not a plan"


def _broken_last_plan(name: str = "road") -> Path:
    """A last plan cut off mid-write, with no backup: settings name it as the last plan."""
    path = paths.plans_dir() / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"schema_version": 6, "name": "Ro', encoding="utf-8")
    settings = load_settings()
    settings.remember(path.resolve())
    save_settings(settings)
    return path


def test_unreadable_last_plan_opens_the_most_recent_good_plan_instead(
    qapp: object, catalog: Catalog, prompts: FakePrompts, realistic_plan: StudyPlan
) -> None:
    older = saved_plan(realistic_plan.model_copy(update={"name": "Older plan"}), "older")
    good = saved_plan(realistic_plan, "good")
    os.utime(older, (1_000_000, 1_000_000))
    broken = _broken_last_plan()
    session = session_for(catalog, prompts)
    session.open_initial(None)
    assert session.path == good.resolve()
    assert session.document.plan.name == realistic_plan.name
    (warning,) = prompts.texts("warn")
    assert "road.json cannot be opened" in warning
    assert (
        "opens “Road to DevOps Pro” (good.json), the most recently changed plan that can be "
        "read, instead" in warning
    )
    stored = load_settings()
    assert stored.last_plan == str(good.resolve())
    assert str(broken.resolve()) not in stored.recent_plans
    assert broken.read_text(encoding="utf-8").endswith('"Ro')  # left as it was


def test_unreadable_last_plan_and_no_other_says_so_and_names_no_missing_file(
    qapp: object, catalog: Catalog, prompts: FakePrompts
) -> None:
    broken = _broken_last_plan()
    session = session_for(catalog, prompts)
    session.open_initial(None)
    (warning,) = prompts.texts("warn")
    assert "No other plan in" in warning and "starts a new plan" in warning
    assert session.path is not None and session.path != broken.resolve()
    assert session.document.plan.entries == []
    stored = load_settings()
    assert stored.last_plan is None  # neither the broken file nor the unwritten new one
    assert stored.recent_plans == []
    session.document.update_plan("Rename", name="Fresh start")
    assert session.flush()
    assert load_settings().last_plan == str(session.path)  # remembered once it exists


def test_a_declined_backup_of_the_last_plan_says_what_opens_instead(
    qapp: object, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    path = saved_plan(realistic_plan, "road")
    save_plan(realistic_plan, path, first_save_in_session=True)  # one backup
    path.write_text('{"schema_version": 6, "name": "Ro', encoding="utf-8")
    settings = load_settings()
    settings.remember(path.resolve())
    save_settings(settings)
    prompts = FakePrompts(confirm=False)  # no, thanks: not the backup
    session = session_for(catalog, prompts)
    session.open_initial(None)
    assert any("Open Backup" in text for text in prompts.texts("confirm"))
    (said,) = prompts.texts("inform")
    assert "No other plan in" in said and "starts a new plan" in said
    assert session.path != path.resolve()
    assert load_settings().last_plan is None


def test_newer_format_says_left_untouched_once(
    qapp: object, catalog: Catalog, prompts: FakePrompts
) -> None:
    path = paths.plans_dir() / "future.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"schema_version": 999, "name": "Future"}', encoding="utf-8")
    session = session_for(catalog, prompts)
    assert not session.open(path)
    (warning,) = prompts.texts("warn")
    assert "newer StudyPlanner" in warning
    assert warning.count("untouched") == 1


def test_first_save_after_opening_keeps_the_plan_as_it_was(
    qapp: object, catalog: Catalog, prompts: FakePrompts, realistic_plan: StudyPlan
) -> None:
    path = saved_plan(realistic_plan)
    session = session_for(catalog, prompts)
    assert session.open(path)
    for step in range(12):  # a dozen small edits, each saved at once
        session.document.update_plan(f"Rename {step}", name=f"Plan {step}")
        assert session.flush()
    names = [load_plan(b.path, catalog).name for b in list_backups(path)]
    assert realistic_plan.name in names  # the version from before the session survives


def test_restore_earlier_version_is_one_undoable_step(
    qapp: object, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    path = saved_plan(realistic_plan)
    prompts = FakePrompts(choice=0)
    session = session_for(catalog, prompts)
    session.open(path)
    session.document.update_plan("Rename", name="Changed my mind")
    assert session.flush()
    assert session.restore_version()
    (question,) = [a for a in prompts.asked if a.kind == "choose"]
    assert question.choices[0].startswith("Saved ")
    assert "— Road to DevOps Pro, 3 exams, " in question.choices[0]
    assert session.document.plan.name == realistic_plan.name
    session.document.undo_stack.undo()
    assert session.document.plan.name == "Changed my mind"


def test_save_as_without_suffix_asks_before_replacing(
    qapp: object, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    spring = saved_plan(realistic_plan, "spring")
    original = spring.read_bytes()
    prompts = FakePrompts(confirm=False, save_path=paths.plans_dir() / "spring")
    session = session_for(catalog, prompts)
    assert session.new()
    assert not session.save_as()
    assert any("spring.json already exists" in t for t in prompts.texts("confirm"))
    assert spring.read_bytes() == original

    prompts.answer_confirm = True
    assert session.save_as()
    assert session.path == spring
    assert any(load_plan(b.path, catalog) == realistic_plan for b in list_backups(spring))


def test_duplicate_gets_new_calendar_ids_and_its_own_file(
    qapp: object, catalog: Catalog, prompts: FakePrompts, realistic_plan: StudyPlan
) -> None:
    path = saved_plan(realistic_plan)
    session = session_for(catalog, prompts)
    session.open(path)
    assert session.duplicate()
    copy = session.document.plan
    assert session.path != path and session.path is not None and session.path.exists()
    assert copy.name == "Road to DevOps Pro (copy)"
    assert not {e.id for e in copy.entries} & {e.id for e in realistic_plan.entries}


def test_rename_keeps_one_line_and_explains_a_long_name(
    qapp: object, catalog: Catalog, prompts: FakePrompts
) -> None:
    session = session_for(catalog, prompts)
    session.open_initial(None)
    prompts.answer_text = "  Before\nsummer  "
    assert session.rename()
    assert session.document.plan.name == "Before summer"
    prompts.answer_text = "x" * 300
    assert not session.rename()
    assert session.document.plan.name == "Before summer"
    assert any("at most 200 characters" in t for t in prompts.texts("warn"))


def test_delete_then_restore_lists_when_it_was_deleted(
    qapp: object, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    path = saved_plan(realistic_plan)
    prompts = FakePrompts(confirm=True, choice=0)
    session = session_for(catalog, prompts)
    session.open(path)
    assert session.delete()
    assert not path.exists() and session.path != path
    assert session.restore_deleted()
    (question,) = [a for a in prompts.asked if a.kind == "choose"]
    assert question.choices[0].startswith("Road to DevOps Pro — deleted ")
    assert session.document.plan == realistic_plan


def test_a_failed_save_is_not_dropped_by_opening_another_plan(
    qapp: object,
    catalog: Catalog,
    realistic_plan: StudyPlan,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from studyplanner.storage.messages import PlanProblem
    from studyplanner.storage.plan_files import PlanFileError
    from studyplanner.ui.document import autosave

    other = saved_plan(realistic_plan, "other")
    prompts = FakePrompts(confirm=False)
    session = session_for(catalog, prompts)
    assert session.new()

    def refuse(plan: StudyPlan, path: Path, **_kwargs: object) -> None:
        raise PlanFileError(path, PlanProblem.NOT_SAVED, reason="input/output error")

    monkeypatch.setattr(autosave, "save_plan", refuse)
    session.document.insert_certification("developer-associate")
    assert not session.open(other)
    assert any("could not be saved" in t for t in prompts.texts("warn"))
    assert any("Discard" in t for t in prompts.texts("confirm"))
    assert [e.certification_id for e in session.document.plan.entries] == ["developer-associate"]


def test_second_session_on_the_same_plan_is_read_only(
    qapp: object, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    path = saved_plan(realistic_plan)
    first = session_for(catalog, FakePrompts())
    first.open(path)
    prompts = FakePrompts()
    second = session_for(catalog, prompts)
    second.open(path)
    assert second.read_only and not first.read_only
    assert any("open in another StudyPlanner window" in t for t in prompts.texts("inform"))
    assert not second.document.update_plan("Rename", name="Mine now")
    first.close()


def test_recent_plans_put_the_last_opened_first(
    qapp: object, catalog: Catalog, prompts: FakePrompts, realistic_plan: StudyPlan
) -> None:
    a = saved_plan(realistic_plan, "a")
    b = saved_plan(
        realistic_plan.model_copy(
            update={"entries": [PlanEntry(certification_id="cloud-practitioner")]}
        ),
        "b",
    )
    session = session_for(catalog, prompts)
    session.open(a)
    session.open(b)
    session.open(a)
    assert [path for path, _ in session.recent_plans()[:2]] == [a, b]


def test_leaving_lets_the_window_commit_typing_first(
    qtbot: QtBot, catalog: Catalog, prompts: FakePrompts
) -> None:
    session = session_for(catalog, prompts)
    session.open_initial(None)
    with qtbot.wait_signal(session.leaving, timeout=100):
        session.flush()
