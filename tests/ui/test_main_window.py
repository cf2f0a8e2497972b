"""The whole window as a person uses it: build a plan by keyboard or by dragging, undo,
autosave, quit, restart and find the plan as it was; damaged files and second instances."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from studyplanner.domain.plan import StudyPlan, WeeklyAvailability
from studyplanner.storage import paths
from studyplanner.storage.catalog_source import load_app_catalog
from studyplanner.storage.plan_files import PlanFileError, load_plan, save_plan
from studyplanner.ui import autosave
from studyplanner.ui.main_window import MainWindow
from studyplanner.ui.mime import certification_mime
from tests.ui.dnd import drop

THREE_EXAMS = [
    "developer-associate",
    "solutions-architect-associate",
    "devops-engineer-professional",
]


class Dialogs:
    """Records message boxes instead of showing them (they would block a headless test)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: Any = None) -> None:
        self.shown: list[tuple[str, str]] = []
        for name in ("information", "warning", "critical"):
            monkeypatch.setattr(
                QMessageBox, name, self._record(name, QMessageBox.StandardButton.Ok)
            )
        monkeypatch.setattr(
            QMessageBox,
            "question",
            self._record("question", answer or QMessageBox.StandardButton.Cancel),
        )

    def _record(self, kind: str, answer: Any) -> Any:
        def show(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            self.shown.append((kind, f"{title}: {text}"))
            return answer

        return staticmethod(show).__func__


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


def open_window(qtbot: QtBot, plan_path: Path | None = None) -> MainWindow:
    window = MainWindow(load_app_catalog())
    qtbot.addWidget(window)
    window.open_initial(plan_path)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
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


def test_keyboard_only_builds_a_three_exam_plan(qtbot: QtBot, dialogs: Dialogs) -> None:
    window = open_window(qtbot)
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
    assert not dialogs.shown


def test_drag_path_builds_the_same_plan(qtbot: QtBot, dialogs: Dialogs) -> None:
    window = open_window(qtbot)
    viewport = window.timeline.viewport()
    bottom = QPointF(viewport.width() / 2, viewport.height() - 10)
    for cert_id in THREE_EXAMS:
        entered, moved = drop_on_timeline(window, certification_mime(cert_id), bottom)
        assert entered and moved
    assert plan_ids(window) == THREE_EXAMS
    window.undo_action.trigger()
    assert plan_ids(window) == THREE_EXAMS[:2]


def test_dates_move_with_weekly_hours(qtbot: QtBot, dialogs: Dialogs) -> None:
    window = open_window(qtbot)
    for cert_id in THREE_EXAMS:
        add_by_keyboard(qtbot, window, cert_id)
    schedule = window.document.schedule
    assert schedule is not None and schedule.finish_date is not None
    before = schedule.finish_date
    window.document.update_plan("Hours a week", availability=WeeklyAvailability.spread(16))
    after = window.document.schedule
    assert after is not None and after.finish_date is not None
    assert after.finish_date < before
    assert f"{after.finish_date:%-d %b %Y}" in window.summary.text()


def test_autosave_then_restart_finds_the_plan(qtbot: QtBot, dialogs: Dialogs) -> None:
    window = open_window(qtbot)
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
    qtbot: QtBot, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot)

    def refuse(plan: StudyPlan, path: Path) -> None:
        raise PlanFileError(path, "could not be saved (disk full)")

    monkeypatch.setattr(autosave, "save_plan", refuse)
    with qtbot.wait_signal(window.autosaver.failed, timeout=2500):
        add_by_keyboard(qtbot, window, "developer-associate")
    assert any("disk full" in text for _, text in dialogs.shown)
    assert plan_ids(window) == ["developer-associate"]
    assert window.autosaver.pending and window.isWindowModified()


def test_damaged_file_offers_latest_good_backup(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, realistic_plan: StudyPlan
) -> None:
    dialogs = Dialogs(monkeypatch, answer=QMessageBox.StandardButton.Open)
    path = paths.plans_dir() / "road.json"
    save_plan(realistic_plan, path)
    save_plan(realistic_plan, path)  # the first version is now a backup
    path.write_text('{"schema_version": 2, "name": "Road', encoding="utf-8")
    window = open_window(qtbot, path)
    assert any("truncated" in text for kind, text in dialogs.shown if kind == "question")
    assert window.document.plan == realistic_plan


def test_damaged_file_still_starts_the_app(qtbot: QtBot, dialogs: Dialogs) -> None:
    path = paths.plans_dir() / "broken.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00\x01 not a plan")
    window = open_window(qtbot, path)
    assert any("broken.json" in text for _, text in dialogs.shown)
    assert window.document.plan.entries == []
    assert path.read_bytes() == b"\x00\x01 not a plan"


def test_second_window_on_same_plan_is_read_only(
    qtbot: QtBot, dialogs: Dialogs, realistic_plan: StudyPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = paths.plans_dir() / "road.json"
    save_plan(realistic_plan, path)
    first = open_window(qtbot, path)
    assert not first.document.read_only
    # a lock held by another live process (pid 1 always exists)
    from studyplanner.storage import locks

    monkeypatch.setattr(locks.os, "getpid", lambda: 1)
    second = open_window(qtbot, path)
    assert second.document.read_only
    assert "read-only" in second.windowTitle()
    add_by_keyboard(qtbot, second, "security-specialty")
    assert "security-specialty" not in plan_ids(second)


def test_window_title_names_the_plan(qtbot: QtBot, dialogs: Dialogs) -> None:
    window = open_window(qtbot)
    window.document.update_plan("Rename", name="Before summer")
    assert window.windowTitle().startswith("Before summer")
    assert window.windowTitle().endswith("StudyPlanner")


def test_ladder_cards_show_plan_status(qtbot: QtBot, dialogs: Dialogs) -> None:
    from studyplanner.ui.ladder import PlanMark

    window = open_window(qtbot)
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


def test_delete_and_restore_from_the_file_menu(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, realistic_plan: StudyPlan
) -> None:
    from PySide6.QtWidgets import QInputDialog

    Dialogs(monkeypatch, answer=QMessageBox.StandardButton.Yes)
    path = paths.plans_dir() / "road.json"
    save_plan(realistic_plan, path)
    window = open_window(qtbot, path)
    window.delete_action.trigger()
    assert not path.exists()
    assert window.document.path != path  # a fresh plan is open instead

    def pick_first(_parent: Any, _title: str, _label: str, items: list[str], *_a: Any) -> Any:
        assert items[0].startswith("Road to DevOps Pro — deleted")
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", pick_first)
    window.restore_action.trigger()
    assert window.document.plan == realistic_plan
    assert window.document.path is not None and window.document.path.exists()


# --- nothing typed or pending is ever dropped (review findings) -----------------------------


def type_note(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.entry_dock.raise_()
    notes = window.entry_panel.notes
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus)
    qtbot.keyClicks(notes, text)


def test_quitting_while_typing_a_note_keeps_the_note(qtbot: QtBot, dialogs: Dialogs) -> None:
    window = open_window(qtbot)
    add_by_keyboard(qtbot, window, "developer-associate")
    window.activateWindow()
    type_note(qtbot, window, "Book the exam")
    path = window.document.path
    assert path is not None
    window.close()
    (entry,) = load_plan(path, window.catalog).entries
    assert entry.notes == "Book the exam"


def test_toolbar_undo_while_typing_undoes_the_typing(qtbot: QtBot, dialogs: Dialogs) -> None:
    window = open_window(qtbot)
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
    dialogs = Dialogs(monkeypatch, answer=QMessageBox.StandardButton.Cancel)
    window = open_window(qtbot)

    def refuse(plan: StudyPlan, path: Path) -> None:
        raise PlanFileError(path, "could not be saved (input/output error)")

    monkeypatch.setattr(autosave, "save_plan", refuse)
    add_by_keyboard(qtbot, window, "developer-associate")
    window.new_action.trigger()
    assert any(kind == "question" and "could not be saved" in text for kind, text in dialogs.shown)
    assert plan_ids(window) == ["developer-associate"]  # Cancel: still here, still undoable
    assert window.document.undo_stack.count() == 1


def test_reopening_the_open_plan_keeps_the_latest_edit(qtbot: QtBot, dialogs: Dialogs) -> None:
    window = open_window(qtbot)
    add_by_keyboard(qtbot, window, "developer-associate")
    path = window.document.path
    assert path is not None
    add_by_keyboard(qtbot, window, "solutions-architect-associate")
    assert window.open_plan(path)  # e.g. Open Recent, within the autosave delay
    assert plan_ids(window) == ["developer-associate", "solutions-architect-associate"]
    assert [e.certification_id for e in load_plan(path, window.catalog).entries] == plan_ids(window)


def test_save_as_adds_json_without_replacing_another_plan(
    qtbot: QtBot, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch, realistic_plan: StudyPlan
) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = open_window(qtbot)
    spring = paths.plans_dir() / "spring.json"
    save_plan(realistic_plan, spring)
    original = spring.read_bytes()
    add_by_keyboard(qtbot, window, "security-specialty")
    typed = str(paths.plans_dir() / "spring.2027")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (typed, ""))
    window.save_as_action.trigger()
    assert spring.read_bytes() == original
    assert window.document.path == paths.plans_dir() / "spring.2027.json"
    assert plan_ids(window) == ["security-specialty"]


def test_save_as_refuses_a_plan_open_in_another_window(
    qtbot: QtBot, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch, realistic_plan: StudyPlan
) -> None:
    import json
    import socket

    from PySide6.QtWidgets import QFileDialog

    from studyplanner.storage.locks import lock_path

    window = open_window(qtbot)
    other = paths.plans_dir() / "other.json"
    save_plan(realistic_plan, other)
    lock_path(other).write_text(json.dumps({"pid": 1, "host": socket.gethostname()}))
    original = other.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(other), ""))
    window.save_as_action.trigger()
    assert other.read_bytes() == original
    assert window.document.path != other
    assert any("open in another StudyPlanner window" in text for _, text in dialogs.shown)


def test_duplicate_gives_the_copy_its_own_calendar_ids(
    qtbot: QtBot, dialogs: Dialogs, realistic_plan: StudyPlan
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


def test_rename_to_an_overlong_name_is_explained(
    qtbot: QtBot, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    window = open_window(qtbot)
    before = window.document.plan.name
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("x" * 300, True))
    window.rename_action.trigger()
    assert window.document.plan.name == before
    assert any("at most 200 characters" in text for _, text in dialogs.shown)


def test_deleting_a_never_saved_plan_just_moves_on(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs = Dialogs(monkeypatch, answer=QMessageBox.StandardButton.Yes)
    window = open_window(qtbot)  # first start: a new plan, not written yet
    first_path = window.document.path
    assert first_path is not None and not first_path.exists()
    window.delete_action.trigger()
    assert not any(kind == "warning" for kind, _ in dialogs.shown)
    assert window.document.plan.entries == []
