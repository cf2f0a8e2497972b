"""The window remembers and tells: its layout and size across a restart, a minimum size that
squeezes nothing, toolbar buttons that hold still, what the status bar counts, plan names in
*Open Recent*, and save dialogs that never replace a file without asking."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import EntryStatus, StudyPlan
from studyplanner.storage import paths
from studyplanner.storage.catalog_updates import load_app_catalog
from studyplanner.storage.plan_files import save_plan
from studyplanner.ui.document.plan_session import PlanSession
from studyplanner.ui.document.prompts import PDF_FILES, DialogPrompts
from studyplanner.ui.window.dock_focus import behind_a_tab
from studyplanner.ui.window.main_window import MainWindow
from studyplanner.ui.window.panes import RecentPlansMenu
from tests.ui.fake_prompts import FakePrompts
from tests.ui.test_main_window import add_by_keyboard, open_window


def test_layout_size_and_front_tab_come_back_after_a_restart(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    window.resize(760, 700)  # the offscreen screen is 800 x 800: this fits wherever it stands
    window.warnings_dock.close()  # put away by the person
    window.settings_dock.raise_()
    qtbot.waitUntil(lambda: not behind_a_tab(window.settings_dock, window), timeout=1000)
    window.close()

    again = MainWindow(load_app_catalog(), prompts=FakePrompts())
    qtbot.addWidget(again)
    again.open_initial(None)
    assert again.size() == QSize(760, 700)
    with qtbot.waitActive(again):
        again.show()
        again.activateWindow()
    qtbot.waitUntil(lambda: not behind_a_tab(again.settings_dock, again), timeout=1000)
    assert behind_a_tab(again.details_dock, again)
    assert not again.warnings_dock.isVisible()


def test_the_minimum_size_squeezes_no_pane(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    minimum = window.minimumSize()
    metrics = window.fontMetrics()
    assert minimum.width() >= 70 * metrics.averageCharWidth()
    assert minimum.height() >= 30 * metrics.lineSpacing()
    assert minimum.width() <= 1366 and minimum.height() <= 768  # a small laptop still fits
    window.resize(minimum)
    qtbot.waitUntil(lambda: window.size() == minimum, timeout=1000)
    for dock in (window.details_dock, window.warnings_dock):
        assert dock.width() >= dock.minimumSizeHint().width()
        assert dock.height() >= dock.minimumSizeHint().height()
    for pane in (window.ladder, window.timeline):
        assert pane.height() > 0 and pane.width() >= pane.minimumSizeHint().width()


def test_toolbar_buttons_keep_their_width_and_menus_name_the_step(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    toolbar = window.findChild(QToolBar, "toolbar-main")
    assert toolbar is not None
    undo_button = toolbar.widgetForAction(window.undo_action)
    width = undo_button.width()
    add_by_keyboard(qtbot, window, "developer-associate")
    QApplication.processEvents()
    assert undo_button.width() == width
    assert window.undo_action.iconText() == "Undo"
    assert window.undo_action.text() == "&Undo Add DVA-C02"  # the Edit menu
    assert window.undo_action.toolTip() == "Undo Add DVA-C02"


def test_the_status_bar_counts_what_is_still_to_study(
    qtbot: QtBot, realistic_plan: StudyPlan
) -> None:
    first = realistic_plan.entries[0]
    realistic_plan.entries[0] = first.model_copy(
        update={"status": EntryStatus.PASSED, "passed_on": date(2027, 1, 20)}
    )
    path = paths.plans_dir() / "road.json"
    save_plan(realistic_plan, path)
    window = open_window(qtbot, path)
    schedule = window.document.schedule
    assert schedule is not None
    text = window.summary.text()
    assert text.startswith("2 exams to sit")
    hours = schedule.remaining_hours
    assert hours < schedule.total_hours
    assert f"{hours:,.0f} h still to study" in text


def test_new_plans_get_distinct_names_and_open_recent_shows_them(
    qtbot: QtBot, catalog: Catalog
) -> None:
    first = paths.plans_dir() / "my-certification-plan.json"
    save_plan(StudyPlan(start_date=date(2026, 12, 7)), first)
    session = PlanSession(catalog, FakePrompts())
    session.open_initial(None)
    assert session.document.plan.name == "My certification plan"
    assert session.new()
    assert session.document.plan.name == "My certification plan 2"
    assert session.new()
    assert session.document.plan.name == "My certification plan 3"
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = RecentPlansMenu(session, parent)
    menu.aboutToShow.emit()
    labels = [action.text() for action in menu.actions()]
    assert labels == [
        "My certification plan 3",
        "My certification plan 2",
        "My certification plan",
    ]


def test_a_plan_that_fails_to_open_is_not_offered_again(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    prompts = FakePrompts()
    session = PlanSession(catalog, prompts)
    good = paths.plans_dir() / "road.json"
    save_plan(realistic_plan, good)
    session.open_initial(good)
    broken = paths.plans_dir() / "broken.json"
    broken.write_bytes(b"\x00 not a plan")
    session.settings.remember(broken)  # opened fine once, damaged since
    assert not session.open(broken)
    (warning,) = prompts.texts("warn")
    assert warning.startswith("Cannot open plan: broken.json cannot be opened")
    assert [path for path, _ in session.recent_plans()] == [good]
    assert str(broken) not in session.settings.recent_plans


def test_the_save_dialog_adds_the_suffix_before_asking_to_replace(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Qt's own dialog (the one offscreen, and the fallback everywhere): typing "report"
    where report.pdf exists asks about report.pdf."""
    existing = tmp_path / "report.pdf"
    existing.write_bytes(b"last month")
    parent = QWidget()
    qtbot.addWidget(parent)
    asked: list[str] = []

    def answer() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox):
            asked.append(modal.text())
            modal.button(QMessageBox.StandardButton.No).click()
        elif isinstance(modal, QFileDialog):
            if asked:
                modal.reject()
                return
            name = modal.findChild(QLineEdit, "fileNameEdit")
            assert name is not None
            name.setText("report")
            QTimer.singleShot(50, answer)  # the replace question opens inside accept()
            modal.accept()
            return
        QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    chosen = DialogPrompts(parent).save_path("Export as PDF", tmp_path / "plan.pdf", PDF_FILES)
    assert chosen is None
    assert asked and "report.pdf already exists" in asked[0]
    assert existing.read_bytes() == b"last month"
