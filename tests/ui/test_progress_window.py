"""Progress in the window, by keyboard where a person would: Ctrl+L then Enter logs today's
study; an exam date gone by is answered from the warnings or the exam panel; the timeline
draws what was studied and the baseline; the progress dock and the countdown tell the rest."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import EntryStatus, StudyPlan
from studyplanner.domain.progress import Readiness
from studyplanner.domain.wording import format_hours
from studyplanner.storage import paths
from studyplanner.storage.catalog_updates import load_app_catalog
from studyplanner.storage.plan_files import save_plan
from studyplanner.style import TIER_COLORS
from studyplanner.ui.canvas.timeline import TimelineView
from studyplanner.ui.canvas.timeline_items import light_tint
from studyplanner.ui.dialogs.log_dialog import LogStudyDialog, usual_hours
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.panels.passed_on_dialog import PassedOnDialog
from studyplanner.ui.panels.warnings_model import AdviceCodeRole
from studyplanner.ui.window.main_window import MainWindow
from studyplanner.ui.window.panes import countdown_text
from tests.ui.fake_prompts import FakePrompts
from tests.ui.progress_plans import TODAY, months_old_plan

T = TypeVar("T", bound=QDialog)


def open_window(qtbot: QtBot, plan: StudyPlan) -> MainWindow:
    path = paths.plans_dir() / "progress.json"
    save_plan(plan, path)
    window = MainWindow(load_app_catalog(), prompts=FakePrompts(), today=lambda: TODAY)
    qtbot.addWidget(window)
    window.open_initial(path)
    window.resize(1400, 900)
    with qtbot.waitActive(window):  # waits on leaving the block (a bare call does not wait)
        window.show()
        window.activateWindow()
    return window


def active_modal(qtbot: QtBot, kind: type[T]) -> T:
    """The dialog of ``kind`` once it is open and has the keyboard."""
    found: list[T] = []

    def shown() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, kind) and dialog.isActiveWindow()
        found.append(dialog)

    qtbot.waitUntil(shown)
    return found[0]


def log_dialog(qtbot: QtBot) -> LogStudyDialog:
    return active_modal(qtbot, LogStudyDialog)


def test_ctrl_l_then_enter_logs_a_usual_day_on_the_exam_being_studied(qtbot: QtBot) -> None:
    window = open_window(qtbot, months_old_plan())
    document = window.document
    studied = document.entry_ids()[0]
    before = document.plan.entry(studied).hours_logged
    window.timeline.setFocus()

    qtbot.keyClick(window.timeline, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = log_dialog(qtbot)
    assert dialog.exam.currentData() == studied
    assert dialog.day.date().toPython() == TODAY
    assert dialog.hours.hasFocus()
    assert dialog.hours.lineEdit().selectedText() == dialog.hours.cleanText()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    usual = usual_hours(document.plan.availability, TODAY)
    entry = document.plan.entry(studied)
    assert entry.hours_logged == pytest.approx(before + usual)
    assert entry.sessions[-1].on == TODAY
    assert document.undo_stack.undoText() == f"Log {usual:g} h on DVA-C02"
    window.undo_action.trigger()
    assert document.plan.entry(studied).hours_logged == pytest.approx(before)


def test_typing_hours_and_a_note_logs_them(qtbot: QtBot) -> None:
    window = open_window(qtbot, months_old_plan(logged=False))
    document = window.document
    window.progress_commands.log_study.trigger()
    dialog = log_dialog(qtbot)
    qtbot.keyClicks(dialog.hours, "2.5")
    dialog.note.setFocus()
    qtbot.keyClicks(dialog.note, "S3 chapter")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    entry = document.plan.entries[0]
    assert [(s.on, s.hours, s.note) for s in entry.sessions] == [(TODAY, 2.5, "S3 chapter")]
    assert entry.status is EntryStatus.STUDYING


def test_escape_logs_nothing(qtbot: QtBot) -> None:
    window = open_window(qtbot, months_old_plan())
    window.progress_commands.log_study.trigger()
    dialog = log_dialog(qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert window.document.undo_stack.count() == 0


def test_the_timeline_context_menu_logs_for_the_entry_under_the_mouse(qtbot: QtBot) -> None:
    window = open_window(qtbot, months_old_plan())
    document = window.document
    second = document.entry_ids()[1]
    rect = window.timeline.bar_rect(second)
    assert rect is not None
    position = QPointF(window.timeline.mapFromScene(rect.center()))
    menu = window.timeline.context_menu(position)
    assert menu is not None
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts[0] == "&Log Study Time…"
    assert document.selected_entry_id == second
    menu.actions()[0].trigger()
    dialog = log_dialog(qtbot)
    assert dialog.exam.currentData() == second
    dialog.reject()


def test_sessions_are_edited_in_place_and_deleted_by_key(qtbot: QtBot) -> None:
    window = open_window(qtbot, months_old_plan())
    document = window.document
    entry_id = document.entry_ids()[0]
    document.select(entry_id)
    log = window.entry_panel.study_log
    count = log.model.rowCount()
    assert count == len(document.plan.entry(entry_id).sessions) > 0
    newest = log.model.index(0, 1)
    assert log.model.setData(newest, 2.0)
    assert document.plan.entry(entry_id).sessions[-1].hours == 2.0
    assert document.undo_stack.undoText() == "Change study session of DVA-C02"

    log.table.setCurrentIndex(log.model.index(0, 0))
    log.table.setFocus()
    qtbot.keyClick(log.table, Qt.Key.Key_Delete)
    assert len(document.plan.entry(entry_id).sessions) == count - 1
    assert log.table.currentIndex().row() == 0, "the next session is ready for another Delete"
    window.undo_action.trigger()
    assert len(document.plan.entry(entry_id).sessions) == count


def test_the_exam_panel_says_how_far_behind_the_studied_exam_is(qtbot: QtBot) -> None:
    window = open_window(qtbot, months_old_plan())
    document = window.document
    document.select(document.entry_ids()[0])
    pace = document.pace
    assert pace is not None and pace.behind_hours > 0
    log = window.entry_panel.study_log
    assert log.pace.isVisibleTo(window.entry_panel)
    assert log.pace.text().startswith(f"{format_hours(pace.behind_hours)} behind (about")
    assert "at your pace" in log.pace.text()
    assert "studied in" in log.summary.text() and "to go" in log.summary.text()
    document.select(document.entry_ids()[1])
    assert not log.pace.isVisibleTo(window.entry_panel), "pace is for the exam being studied"


def date_passed_plan() -> StudyPlan:
    plan = months_old_plan()
    plan.entries[0].pinned_exam_date = TODAY - timedelta(days=3)
    return plan


def select_date_passed_warning(window: MainWindow) -> None:
    model = window.warnings.model
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(AdviceCodeRole) == "exam-date-passed":
            window.warnings.view.setCurrentIndex(index)
            return
    raise AssertionError("no exam-date-passed warning")


def test_passed_on_from_the_warning_by_keyboard(qtbot: QtBot) -> None:
    window = open_window(qtbot, date_passed_plan())
    document = window.document
    entry_id = document.entry_ids()[0]
    select_date_passed_warning(window)
    panel = window.warnings
    assert panel.passed_button.isVisibleTo(panel) and panel.failed_button.isVisibleTo(panel)
    assert not panel.replace_button.isVisibleTo(panel)

    panel.passed_button.setFocus()
    qtbot.keyClick(panel.passed_button, Qt.Key.Key_Space)
    dialog = active_modal(qtbot, PassedOnDialog)
    assert dialog.chosen_day() == TODAY - timedelta(days=3), "the exam date is offered"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    entry = document.plan.entry(entry_id)
    assert entry.status is EntryStatus.PASSED and entry.passed_on == TODAY - timedelta(days=3)
    assert document.undo_stack.count() == 1


def test_failed_plans_a_retake_in_one_step(qtbot: QtBot) -> None:
    window = open_window(qtbot, date_passed_plan())
    document = window.document
    entry_id = document.entry_ids()[0]
    select_date_passed_warning(window)
    window.warnings.failed_button.click()
    entry = document.plan.entry(entry_id)
    assert entry.pinned_exam_date == TODAY - timedelta(days=3) + timedelta(days=14)
    assert entry.status is not EntryStatus.PASSED
    assert document.undo_stack.count() == 1
    assert not any(a.code == "exam-date-passed" for a in document.advice)


def test_move_puts_the_keyboard_on_the_exam_date(qtbot: QtBot) -> None:
    window = open_window(qtbot, date_passed_plan())
    select_date_passed_warning(window)
    window.warnings.move_button.click()
    panel = window.entry_panel
    assert window.document.selected_entry_id == window.document.entry_ids()[0]
    qtbot.waitUntil(lambda: panel.pinned_date.hasFocus())
    assert window.document.undo_stack.count() == 0, "already pinned: moving changes nothing yet"


def test_the_exam_panel_offers_the_same_three_answers(qtbot: QtBot) -> None:
    window = open_window(qtbot, date_passed_plan())
    document = window.document
    document.select(document.entry_ids()[0])
    notice = window.entry_panel.date_passed
    assert notice.isVisibleTo(window.entry_panel)
    assert "has passed" in notice.text.text()
    notice.failed_button.click()
    assert document.undo_stack.undoText() == "Plan a retake of DVA-C02"
    assert not notice.isVisibleTo(window.entry_panel)


def test_the_bar_is_filled_up_to_today_and_lighter_after(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path
) -> None:
    document = PlanDocument(catalog, today=lambda: TODAY)
    view = TimelineView(document)
    qtbot.addWidget(view)
    view.resize(1100, 400)
    with qtbot.waitExposed(view):
        view.show()
    document.set_plan(months_old_plan(), None)
    view.fit_to_plan()
    studied, later = document.entry_ids()[:2]
    bar = view.bar_rect(studied)
    logged = view.logged_rect(studied)
    assert bar is not None and logged is not None
    assert bar.left() == logged.left() < logged.right() < bar.right()
    # up to today, where the remaining hours take over
    assert logged.right() == pytest.approx(view.x_of(TODAY), abs=0.5)
    assert view.logged_rect(later) is None, "nothing studied: no fill"

    path = tmp_path / "bars.png"
    assert view.grab().save(str(path))
    image = QImage(str(path))
    full = QColor(TIER_COLORS["associate"])  # type: ignore[index]
    tint = light_tint(full)

    def colour_at(x: float) -> QColor:
        spot = view.mapFromScene(QPointF(x, bar.center().y() + 6))
        return image.pixelColor(spot.x(), spot.y())

    for x, expected in ((logged.left() + 4, full), (bar.right() - 4, tint)):
        pixel = colour_at(x)
        assert abs(pixel.red() - expected.red()) < 14
        assert abs(pixel.blue() - expected.blue()) < 14


def test_baseline_ghosts_show_the_slip_and_can_be_hidden(qtbot: QtBot) -> None:
    window = open_window(qtbot, months_old_plan())
    document, timeline = window.document, window.timeline
    first = document.entry_ids()[0]
    assert timeline.baseline_ghost(first) is None
    window.progress_commands.set_baseline.trigger()
    ghost = timeline.baseline_ghost(first)
    assert ghost is not None and ghost.exam_centre is not None
    exam = timeline.exam_marker_pos(first)
    assert exam is not None and ghost.exam_centre.x() == pytest.approx(exam.x())

    availability = document.plan.availability.model_copy(
        update={"hours_per_weekday": [0.5] * 5 + [1.0] * 2}
    )
    document.update_plan("Change study time", availability=availability)
    ghost = timeline.baseline_ghost(first)
    exam = timeline.exam_marker_pos(first)
    assert ghost is not None and ghost.exam_centre is not None and exam is not None
    assert exam.x() > ghost.exam_centre.x(), "the exam slipped past its baseline day"
    assert "later" in window.progress.finish.text()

    window.progress_commands.show_baseline.trigger()
    assert timeline.baseline_ghost(first) is None
    window.progress_commands.show_baseline.trigger()
    assert timeline.baseline_ghost(first) is not None


def test_scores_are_added_by_keyboard_and_readiness_follows(qtbot: QtBot) -> None:
    window = open_window(qtbot, months_old_plan())
    document = window.document
    entry_id = document.entry_ids()[0]
    document.select(entry_id)
    box = window.entry_panel.practice
    assert box.readiness.text() == "No practice scores yet"
    for percent in ("78", "84", "88"):
        box.percent.lineEdit().selectAll()
        box.percent.setFocus()
        qtbot.keyClicks(box.percent, percent)
        qtbot.keyClick(box.percent, Qt.Key.Key_Return)
    assert [s.percent for s in document.plan.entry(entry_id).scores] == [78, 84, 88]
    assert document.readiness_of(entry_id) is Readiness.READY
    assert box.readiness.text().startswith("Ready: last two practice scores 84 % and 88 %")
    assert box.chart.scores == [78, 84, 88] and box.chart.target == 80
    box.table.setCurrentIndex(box.model.index(0, 0))
    box.remove_button.click()
    assert document.readiness_of(entry_id) is Readiness.NOT_READY
    assert document.undo_stack.count() == 4


def test_the_progress_dock_and_the_countdown(qtbot: QtBot) -> None:
    window = open_window(qtbot, months_old_plan())
    document = window.document
    assert window.tabifiedDockWidgets(window.progress_dock)
    window.progress_dock.raise_()
    progress = window.progress
    qtbot.waitUntil(progress.isVisible)
    assert progress.finish.text() == "No baseline yet: set one to see how the plan moves"
    assert progress.set_baseline.isVisibleTo(progress)
    # Without a baseline, pace is against the plan as made from its start on 7 Sep.
    assert " behind the plan from its start on 7 Sep 2026 (" in progress.pace.text()
    behind = document.pace.behind_hours if document.pace is not None else 0.0
    assert behind > 8 and "behind plan" in window.summary.text()
    progress.set_baseline.click()
    assert progress.finish.text().startswith("Finish as planned on")
    # A baseline set today is the plan the learner commits to now: on pace with it.
    assert progress.pace.text().startswith("on pace with the baseline of 29 Nov 2026 (")
    assert "behind plan" not in window.summary.text()
    chart = progress.chart
    assert chart.planned and chart.logged and chart.baseline
    assert chart.today == TODAY
    assert chart.logged[-1][1] == pytest.approx(document.plan.entries[0].hours_logged)

    strip = progress.strip
    studied_day = document.plan.entries[0].sessions[-1].on
    centre = strip.cell_rect(studied_day).center()
    assert strip.tooltip_at(centre).endswith(f"{studied_day.day} Nov 2026: 1 h studied")
    assert strip.day_at(strip.cell_rect(TODAY + timedelta(days=1)).center()) is None

    schedule = document.schedule
    assert schedule is not None
    exam = schedule.entries[0].exam_date
    assert exam is not None
    expected = f"DVA-C02 in {(exam - TODAY).days} days"
    assert window.countdown.text() == expected == countdown_text(schedule, TODAY)


def test_countdown_says_today_and_tomorrow(catalog: Catalog) -> None:
    plan = months_old_plan()
    first = plan.entries[0]
    first.hours_override = first.hours_logged + 0.5  # half an hour to go: tomorrow is reachable
    first.pinned_exam_date = TODAY + timedelta(days=1)
    document = PlanDocument(catalog, today=lambda: TODAY)
    document.set_plan(plan, None)
    assert countdown_text(document.schedule, TODAY) == "DVA-C02 tomorrow"
    assert countdown_text(document.schedule, TODAY + timedelta(days=1)) == "DVA-C02 today"
    assert countdown_text(None, TODAY) == ""


def test_the_profile_dialog_starts_on_the_documents_today(qtbot: QtBot) -> None:
    from studyplanner.ui.dialogs.profile_dialog import NewPlanFromProfileDialog

    dialog = NewPlanFromProfileDialog(None, load_app_catalog().catalog, date(2031, 5, 6))
    qtbot.addWidget(dialog)
    assert dialog.start_date.date().toPython() == date(2031, 5, 6)
    assert dialog.result() == QDialog.DialogCode.Rejected
