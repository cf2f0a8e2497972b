"""The whole window as a person uses it: build a plan by keyboard or by dragging, undo,
autosave, quit, restart and find the plan as it was; damaged files and second instances."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studyplanner.domain.plan import PlanEntry, StudyPlan, WeeklyAvailability
from studyplanner.domain.wording import format_day
from studyplanner.storage import paths
from studyplanner.storage.catalog_updates import load_app_catalog
from studyplanner.storage.messages import PlanProblem
from studyplanner.storage.plan_files import PlanFileError, load_plan, save_plan
from studyplanner.ui.canvas.mime import certification_mime
from studyplanner.ui.canvas.timeline import TimelineView
from studyplanner.ui.document import autosave
from studyplanner.ui.window.main_window import MainWindow
from tests.ui.dnd import drop
from tests.ui.fake_prompts import FakePrompts

THREE_EXAMS = [
    "developer-associate",
    "solutions-architect-associate",
    "devops-engineer-professional",
]


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


def open_window(
    qtbot: QtBot, plan_path: Path | None = None, prompts: FakePrompts | None = None
) -> MainWindow:
    """The window as a person has it: shown, in front and active, so shortcuts work."""
    window = MainWindow(load_app_catalog(), prompts=prompts or FakePrompts())
    qtbot.addWidget(window)
    window.open_initial(plan_path)
    window.resize(1400, 900)
    with qtbot.waitActive(window):  # waits on leaving the block (a bare call does not wait)
        window.show()
        window.activateWindow()
    return window


def plan_ids(window: MainWindow) -> list[str]:
    return [e.certification_id for e in window.document.plan.entries]


def add_by_keyboard(qtbot: QtBot, window: MainWindow, cert_id: str) -> None:
    window.ladder.setFocus()
    window.ladder.select_certification(cert_id)
    qtbot.keyClick(window.ladder, Qt.Key.Key_Return)


def drop_on_timeline(window: MainWindow, data: QMimeData, pos: QPointF) -> tuple[bool, bool]:
    result = drop(window.timeline.viewport(), data, pos)
    return result.enter_accepted, result.move_accepted


def test_keyboard_only_builds_a_three_exam_plan(qtbot: QtBot, prompts: FakePrompts) -> None:
    window = open_window(qtbot, prompts=prompts)
    for cert_id in THREE_EXAMS:
        add_by_keyboard(qtbot, window, cert_id)
    assert plan_ids(window) == THREE_EXAMS
    assert "3 exams" in window.summary.text()

    # the last added exam is selected: move it up, then delete it, then undo both
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert plan_ids(window) == [THREE_EXAMS[0], THREE_EXAMS[2], THREE_EXAMS[1]]
    qtbot.keyClick(window.timeline, Qt.Key.Key_Delete)
    assert plan_ids(window) == [THREE_EXAMS[0], THREE_EXAMS[1]]
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert plan_ids(window) == THREE_EXAMS
    assert prompts.asked == []


def test_drag_path_builds_the_same_plan(qtbot: QtBot, prompts: FakePrompts) -> None:
    window = open_window(qtbot, prompts=prompts)
    viewport = window.timeline.viewport()
    bottom = QPointF(viewport.width() / 2, viewport.height() - 10)
    for cert_id in THREE_EXAMS:
        entered, moved = drop_on_timeline(window, certification_mime(cert_id), bottom)
        assert entered and moved
    assert plan_ids(window) == THREE_EXAMS
    window.undo_action.trigger()
    assert plan_ids(window) == THREE_EXAMS[:2]


def test_dates_move_with_weekly_hours(qtbot: QtBot, prompts: FakePrompts) -> None:
    window = open_window(qtbot, prompts=prompts)
    for cert_id in THREE_EXAMS:
        add_by_keyboard(qtbot, window, cert_id)
    schedule = window.document.schedule
    assert schedule is not None and schedule.finish_date is not None
    before = schedule.finish_date
    window.document.update_plan("Hours a week", availability=WeeklyAvailability.spread(16))
    after = window.document.schedule
    assert after is not None and after.finish_date is not None
    assert after.finish_date < before
    assert format_day(after.finish_date) in window.summary.text()


def test_opening_a_plan_lays_the_timeline_out_once(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, realistic_plan: StudyPlan, tmp_path: Path
) -> None:
    """Issue 22: opening used to lay the timeline out three times (on ``changed``, on
    ``opened`` and on the session's ``installed``) and redraw each pane twice."""
    path = tmp_path / "plan.json"
    save_plan(realistic_plan, path)
    laid_out: list[str] = []
    rebuild = TimelineView._rebuild

    def counted(view: TimelineView) -> None:
        laid_out.append("timeline")
        rebuild(view)

    monkeypatch.setattr(TimelineView, "_rebuild", counted)
    window = open_window(qtbot)
    laid_out.clear()

    assert window.open_plan(path)

    assert laid_out == ["timeline"]
    assert window.timeline.row_count() == len(realistic_plan.entries)
    window.document.update_plan("Hours a week", availability=WeeklyAvailability.spread(16))
    assert laid_out == ["timeline", "timeline"]


def long_plan(count: int) -> StudyPlan:
    """``count`` exams in catalog order (repeating): too many rows for the timeline's height."""
    catalog = load_app_catalog().catalog
    active = [cert.id for cert in catalog if not cert.is_retired]
    return StudyPlan(
        name="Long",
        start_date=date(2027, 1, 4),
        entries=[PlanEntry(certification_id=active[i % len(active)]) for i in range(count)],
    )


@pytest.mark.parametrize(("before", "after"), [(0, 40), (40, 3), (40, 60)])
def test_opening_a_plan_that_scrolls_lays_the_timeline_out_once(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, before: int, after: int
) -> None:
    """Issue 22: opening a plan long enough to scroll laid the timeline out twice: the
    vertical scroll bar that came with it narrowed the view, and the view fitted the plan
    again. The fit now leaves the scroll bar its room (or takes back the room of one that
    goes), so the plan is laid out once, fitted, and needs no sideways scrolling."""
    window = open_window(qtbot)
    if before:
        window.document.set_plan(long_plan(before), None)
        QApplication.processEvents()
    path = tmp_path / "plan.json"
    save_plan(long_plan(after), path)
    laid_out: list[str] = []
    rebuild = TimelineView._rebuild

    def counted(view: TimelineView, afresh: bool = False) -> None:
        laid_out.append("timeline")
        rebuild(view, afresh)

    monkeypatch.setattr(TimelineView, "_rebuild", counted)

    assert window.open_plan(path)
    for _ in range(5):  # the scroll bar comes or goes, and the view is resized for it
        QApplication.processEvents()

    timeline = window.timeline
    assert laid_out == ["timeline"]
    assert timeline.verticalScrollBar().isVisible() == (after > 10)
    assert timeline.horizontalScrollBar().maximum() == 0  # all of it in view
    fitted = timeline.pixels_per_day
    timeline.fit_to_plan()
    assert timeline.pixels_per_day == pytest.approx(fitted)  # as fitted as it can be


def test_opening_a_plan_fits_that_plan_not_the_one_it_replaces(
    qtbot: QtBot, realistic_plan: StudyPlan, tmp_path: Path
) -> None:
    """The zoom an opened plan gets shows all of it: it is worked out from the plan opened
    (it used to be from the layout of the plan on screen before, an empty one here)."""
    path = tmp_path / "plan.json"
    save_plan(realistic_plan, path)
    window = open_window(qtbot)
    empty_zoom = window.timeline.pixels_per_day

    assert window.open_plan(path)
    opened_zoom = window.timeline.pixels_per_day
    window.timeline.fit_to_plan()

    assert opened_zoom != pytest.approx(empty_zoom)
    assert opened_zoom == pytest.approx(window.timeline.pixels_per_day)


def test_autosave_then_restart_finds_the_plan(qtbot: QtBot, prompts: FakePrompts) -> None:
    window = open_window(qtbot, prompts=prompts)
    with qtbot.wait_signal(window.autosaver.saved, timeout=2500):
        add_by_keyboard(qtbot, window, "developer-associate")
        assert window.isWindowModified()
    path = window.document.path
    assert path is not None and path.parent == paths.plans_dir()
    assert load_plan(path, window.catalog) == window.document.plan
    assert not window.isWindowModified()

    add_by_keyboard(qtbot, window, "solutions-architect-associate")
    expected = window.document.plan
    window.close()  # flushes the pending save at once
    assert load_plan(path, window.catalog) == expected

    again = open_window(qtbot)
    assert again.document.path == path
    assert again.document.plan == expected
    assert again.document.undo_stack.count() == 0  # opening is not an edit
    assert expected.name in again.windowTitle()


def test_failed_save_is_shown_and_keeps_the_plan(
    qtbot: QtBot, prompts: FakePrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, prompts=prompts)

    def refuse(plan: StudyPlan, path: Path, **_kwargs: object) -> None:
        raise PlanFileError(path, PlanProblem.NOT_SAVED, reason="disk full")

    monkeypatch.setattr(autosave, "save_plan", refuse)
    with qtbot.wait_signal(window.autosaver.failed, timeout=2500):
        add_by_keyboard(qtbot, window, "developer-associate")
    assert any("disk full" in text for text in prompts.texts("warn"))
    assert plan_ids(window) == ["developer-associate"]
    assert window.autosaver.pending and window.isWindowModified()


def test_damaged_file_offers_latest_good_backup(qtbot: QtBot, realistic_plan: StudyPlan) -> None:
    prompts = FakePrompts(confirm=True)
    path = paths.plans_dir() / "road.json"
    save_plan(realistic_plan, path)
    save_plan(realistic_plan, path)  # the first version is now a backup
    path.write_text('{"schema_version": 2, "name": "Road', encoding="utf-8")
    window = open_window(qtbot, path, prompts)
    assert any("truncated" in text for text in prompts.texts("confirm"))
    assert window.document.plan == realistic_plan


def test_damaged_file_still_starts_the_app(qtbot: QtBot, prompts: FakePrompts) -> None:
    path = paths.plans_dir() / "broken.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00\x01 not a plan")
    window = open_window(qtbot, path, prompts)
    assert any("broken.json" in text for text in prompts.texts("warn"))
    assert window.document.plan.entries == []
    assert path.read_bytes() == b"\x00\x01 not a plan"


def test_second_window_on_same_plan_is_read_only(
    qtbot: QtBot, prompts: FakePrompts, realistic_plan: StudyPlan
) -> None:
    path = paths.plans_dir() / "road.json"
    save_plan(realistic_plan, path)
    first = open_window(qtbot, path)
    assert not first.document.read_only
    second = open_window(qtbot, path, prompts)
    assert second.document.read_only
    assert "read-only" in second.windowTitle()
    assert any("open in another StudyPlanner window" in t for t in prompts.texts("inform"))
    add_by_keyboard(qtbot, second, "security-specialty")
    assert "security-specialty" not in plan_ids(second)


def test_window_title_names_the_plan(qtbot: QtBot, prompts: FakePrompts) -> None:
    window = open_window(qtbot, prompts=prompts)
    window.document.update_plan("Rename", name="Before summer")
    assert window.windowTitle().startswith("Before summer")
    assert window.windowTitle().endswith("StudyPlanner")


def test_ladder_cards_show_plan_status(qtbot: QtBot, prompts: FakePrompts) -> None:
    from studyplanner.ui.canvas.ladder import PlanMark

    window = open_window(qtbot, prompts=prompts)
    add_by_keyboard(qtbot, window, "developer-associate")
    card = window.ladder.card("developer-associate")
    assert card.plan_mark == PlanMark.PLANNED
    entry_id = window.document.selected_entry_id
    window.document.update_entry(entry_id, "Studying", status="studying")
    assert card.plan_mark == PlanMark.STUDYING
    window.document.update_entry(entry_id, "Passed", status="passed", passed_on="2027-03-01")
    assert card.plan_mark == PlanMark.PASSED
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert card.plan_mark == PlanMark.PLANNED
    assert window.ladder.card("security-specialty").plan_mark == PlanMark.NONE


def test_delete_and_restore_from_the_file_menu(qtbot: QtBot, realistic_plan: StudyPlan) -> None:
    prompts = FakePrompts(confirm=True, choice=0)
    path = paths.plans_dir() / "road.json"
    save_plan(realistic_plan, path)
    window = open_window(qtbot, path, prompts)
    window.delete_action.trigger()
    assert not path.exists()
    assert window.document.path != path  # a fresh plan is open instead
    window.restore_action.trigger()
    (question,) = [a for a in prompts.asked if a.kind == "choose"]
    assert question.choices[0].startswith("Road to DevOps Pro — deleted")
    assert window.document.plan == realistic_plan
    assert window.document.path is not None and window.document.path.exists()


# --- nothing typed or pending is ever dropped (review findings) -----------------------------


def type_note(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.entry_dock.raise_()
    notes = window.entry_panel.notes
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus)
    qtbot.keyClicks(notes, text)


def test_quitting_while_typing_a_note_keeps_the_note(qtbot: QtBot, prompts: FakePrompts) -> None:
    window = open_window(qtbot, prompts=prompts)
    add_by_keyboard(qtbot, window, "developer-associate")
    window.activateWindow()
    type_note(qtbot, window, "Book the exam")
    path = window.document.path
    assert path is not None
    window.close()
    (entry,) = load_plan(path, window.catalog).entries
    assert entry.notes == "Book the exam"


def test_toolbar_undo_while_typing_undoes_the_typing(qtbot: QtBot, prompts: FakePrompts) -> None:
    window = open_window(qtbot, prompts=prompts)
    add_by_keyboard(qtbot, window, "developer-associate")
    window.activateWindow()
    type_note(qtbot, window, "Draft")
    window.undo_action.trigger()  # a toolbar click: the notes box keeps its focus
    assert window.document.plan.entries[0].notes == ""
    assert plan_ids(window) == ["developer-associate"]
    window.redo_action.trigger()
    assert window.document.plan.entries[0].notes == "Draft"
    assert window.entry_panel.notes.toPlainText() == "Draft"


def test_a_failed_save_is_not_thrown_away_by_opening_another_plan(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts = FakePrompts(confirm=False)
    window = open_window(qtbot, prompts=prompts)

    def refuse(plan: StudyPlan, path: Path, **_kwargs: object) -> None:
        raise PlanFileError(path, PlanProblem.NOT_SAVED, reason="input/output error")

    monkeypatch.setattr(autosave, "save_plan", refuse)
    add_by_keyboard(qtbot, window, "developer-associate")
    window.new_action.trigger()
    assert any("could not be saved" in text for text in prompts.texts("confirm"))
    assert plan_ids(window) == ["developer-associate"]  # Cancel: still here, still undoable
    assert window.document.undo_stack.count() == 1


def test_reopening_the_open_plan_keeps_the_latest_edit(qtbot: QtBot, prompts: FakePrompts) -> None:
    window = open_window(qtbot, prompts=prompts)
    add_by_keyboard(qtbot, window, "developer-associate")
    path = window.document.path
    assert path is not None
    add_by_keyboard(qtbot, window, "solutions-architect-associate")
    assert window.open_plan(path)  # e.g. Open Recent, within the autosave delay
    assert plan_ids(window) == ["developer-associate", "solutions-architect-associate"]
    assert [e.certification_id for e in load_plan(path, window.catalog).entries] == plan_ids(window)


def test_save_as_adds_json_without_replacing_another_plan(
    qtbot: QtBot, prompts: FakePrompts, realistic_plan: StudyPlan
) -> None:
    window = open_window(qtbot, prompts=prompts)
    spring = paths.plans_dir() / "spring.json"
    save_plan(realistic_plan, spring)
    original = spring.read_bytes()
    add_by_keyboard(qtbot, window, "security-specialty")
    prompts.answer_save = paths.plans_dir() / "spring.2027"
    window.save_as_action.trigger()
    assert spring.read_bytes() == original
    assert window.document.path == paths.plans_dir() / "spring.2027.json"
    assert plan_ids(window) == ["security-specialty"]


def test_save_as_refuses_a_plan_open_in_another_window(
    qtbot: QtBot, prompts: FakePrompts, realistic_plan: StudyPlan
) -> None:
    from studyplanner.storage.locks import PlanLock

    window = open_window(qtbot, prompts=prompts)
    other = paths.plans_dir() / "other.json"
    save_plan(realistic_plan, other)
    elsewhere = PlanLock(other)
    assert elsewhere.acquire()  # another window has it open
    original = other.read_bytes()
    prompts.answer_save = other
    window.save_as_action.trigger()
    assert other.read_bytes() == original
    assert window.document.path != other
    assert any("open in another StudyPlanner window" in text for text in prompts.texts("warn"))
    elsewhere.release()


def test_duplicate_gives_the_copy_its_own_calendar_ids(
    qtbot: QtBot, prompts: FakePrompts, realistic_plan: StudyPlan
) -> None:
    path = paths.plans_dir() / "road.json"
    save_plan(realistic_plan, path)
    window = open_window(qtbot, path)
    window.duplicate_action.trigger()
    copy = window.document.plan
    assert window.document.path != path
    assert copy.name == "Road to DevOps Pro (copy)"
    assert [e.certification_id for e in copy.entries] == [
        e.certification_id for e in realistic_plan.entries
    ]
    assert not {e.id for e in copy.entries} & {e.id for e in realistic_plan.entries}


def test_rename_to_an_overlong_name_is_explained(qtbot: QtBot) -> None:
    prompts = FakePrompts(text="x" * 300)
    window = open_window(qtbot, prompts=prompts)
    before = window.document.plan.name
    window.rename_action.trigger()
    assert window.document.plan.name == before
    assert any("at most 200 characters" in text for text in prompts.texts("warn"))


def test_deleting_a_never_saved_plan_just_moves_on(qtbot: QtBot) -> None:
    prompts = FakePrompts(confirm=True)
    window = open_window(qtbot, prompts=prompts)  # first start: a new plan, not written yet
    first_path = window.document.path
    assert first_path is not None and not first_path.exists()
    window.delete_action.trigger()
    assert prompts.texts("warn") == []
    assert window.document.plan.entries == []


def test_a_held_certification_shows_as_held_with_its_expiry(
    qtbot: QtBot, realistic_plan: StudyPlan
) -> None:
    from datetime import date

    from studyplanner.domain.plan import HeldCertification

    plan = realistic_plan.model_copy(
        update={
            "held": [
                HeldCertification(
                    certification_id="cloud-practitioner", earned_on=date(2024, 1, 10)
                )
            ]
        }
    )
    path = paths.plans_dir() / "held.json"
    save_plan(plan, path)
    window = MainWindow(load_app_catalog(), prompts=FakePrompts(), today=lambda: date(2026, 11, 29))
    qtbot.addWidget(window)
    window.open_initial(path)
    card = window.ladder.card("cloud-practitioner")
    assert card.holding is not None and card.holding.ribbon == "✓ HELD"
    window.ladder.select_certification("cloud-practitioner")
    assert "You hold it." in window.details.text()
    assert "valid until 10 Jan 2027" in window.details.text()
