"""Every limit is a clear refusal in the window (issue 20, finding 4): *Log Study Time* on a
full study log or a full day says why and keeps what was typed in the dialog; a 501st exam is
refused with a message. Never an uncaught ``ValidationError`` (the crash dialog)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studyplanner.domain.plan import (
    MAX_ENTRIES,
    MAX_PLAN_SESSIONS,
    MAX_SESSIONS,
    PlanEntry,
    StudyPlan,
    StudySession,
)
from studyplanner.ui.window.main_window import MainWindow
from tests.ui.fake_prompts import FakePrompts
from tests.ui.progress_plans import TODAY, months_old_plan
from tests.ui.test_progress_window import log_dialog, open_window


def sessions(count: int, last: date, hours: float = 0.5) -> list[StudySession]:
    return [StudySession(on=last - timedelta(days=n), hours=hours) for n in range(count)]


def type_and_log(qtbot: QtBot, window: MainWindow, hours: str, note: str) -> None:
    window.progress_commands.log_study.trigger()
    dialog = log_dialog(qtbot)
    qtbot.keyClicks(dialog.hours, hours)
    dialog.note.setFocus()
    qtbot.keyClicks(dialog.note, note)
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)


def assert_kept_in_the_dialog(qtbot: QtBot, window: MainWindow, hours: float, says: str) -> None:
    dialog = window.progress_commands.dialog
    assert dialog is not None and dialog.isVisible(), "the dialog stays open"
    assert dialog.problem.isVisible()
    assert says in dialog.problem.text()
    assert dialog.hours.value() == hours
    assert dialog.note.text() == "chapter 9"
    assert window.document.undo_stack.count() == 0


def test_a_full_exam_log_is_said_in_the_dialog_with_the_typing_kept(qtbot: QtBot) -> None:
    plan = months_old_plan(logged=False)
    plan.entries[0].sessions = sessions(MAX_SESSIONS, TODAY - timedelta(days=1))
    window = open_window(qtbot, plan)
    # chosen: its 1,000 h logged leave it no study to schedule, so the dialog would otherwise
    # offer the next exam (whose log is not full) first
    window.document.select(plan.entries[0].id)
    type_and_log(qtbot, window, "2.5", "chapter 9")
    assert_kept_in_the_dialog(qtbot, window, 2.5, f"at most {MAX_SESSIONS:,} study sessions")
    assert len(window.document.plan.entries[0].sessions) == MAX_SESSIONS


def test_a_full_plan_log_is_said_in_the_dialog(qtbot: QtBot) -> None:
    plan = months_old_plan(logged=False)
    per_entry = MAX_PLAN_SESSIONS // 5
    plan.entries = [
        PlanEntry(
            certification_id="developer-associate",
            sessions=sessions(per_entry, TODAY - timedelta(days=1 + per_entry * n)),
        )
        for n in range(5)
    ] + [PlanEntry(certification_id="solutions-architect-associate")]
    window = open_window(qtbot, plan)
    type_and_log(qtbot, window, "1", "chapter 9")
    assert_kept_in_the_dialog(qtbot, window, 1.0, "a plan keeps at most 5,000 study sessions")


def test_a_day_over_24_hours_is_said_in_the_dialog(qtbot: QtBot) -> None:
    plan = months_old_plan(logged=False)
    plan.entries[1].sessions = [StudySession(on=TODAY, hours=23)]
    window = open_window(qtbot, plan)
    type_and_log(qtbot, window, "2", "chapter 9")
    assert_kept_in_the_dialog(qtbot, window, 2.0, "a day holds at most 24 h")
    # fewer hours fit: the same dialog logs them
    dialog = window.progress_commands.dialog
    assert dialog is not None
    dialog.hours.setValue(1)
    dialog.accept()
    assert [s.hours for s in window.document.plan.entries[0].sessions] == [1]


def test_a_session_edited_past_a_full_day_is_refused_with_a_message(qtbot: QtBot) -> None:
    plan = months_old_plan(logged=False)
    plan.entries[0].sessions = [StudySession(on=TODAY, hours=20)]
    plan.entries[1].sessions = [StudySession(on=TODAY, hours=4)]
    window = open_window(qtbot, plan)
    prompts = window.prompts
    assert isinstance(prompts, FakePrompts)
    entry_id = window.document.entry_ids()[0]
    assert not window.document.update_session(entry_id, 0, hours=21)
    assert window.document.plan.entries[0].sessions[0].hours == 20
    assert any("a day holds at most 24 h" in text for text in prompts.texts("warn"))
    assert window.document.update_session(entry_id, 0, hours=19)


def test_a_501st_exam_is_refused_with_a_message(qtbot: QtBot) -> None:
    plan = StudyPlan(
        start_date=TODAY,
        entries=[PlanEntry(certification_id="cloud-practitioner") for _ in range(MAX_ENTRIES)],
    )
    window = open_window(qtbot, plan)
    prompts = window.prompts
    assert isinstance(prompts, FakePrompts)
    prompts.answer_confirm = True  # "add it again?"
    assert window.adding.add("developer-associate") == ""
    assert len(window.document.plan.entries) == MAX_ENTRIES
    assert any(f"at most {MAX_ENTRIES} exams" in t for t in prompts.texts("warn"))
    # the timeline's drop and a renewal or retake take the same road
    assert window.document.insert_certification("developer-associate", 3) == ""
    assert window.document.add_renewal("cloud-practitioner", TODAY + timedelta(days=400)) == ""
    assert len(window.document.plan.entries) == MAX_ENTRIES
    assert QApplication.activeModalWidget() is None


def test_a_held_certification_cannot_be_earned_after_today(qtbot: QtBot) -> None:
    window = open_window(qtbot, months_old_plan())
    prompts = window.prompts
    assert isinstance(prompts, FakePrompts)
    assert not window.document.add_held("cloud-practitioner", TODAY + timedelta(days=1))
    assert window.document.plan.held == []
    assert any("earned on or before today" in t for t in prompts.texts("warn"))
    assert window.document.add_held("cloud-practitioner", TODAY)
