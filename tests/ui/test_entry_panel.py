"""The entry panel: each finished edit is one undo command, and the panel follows undo."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    MAX_TEXT,
    Blackout,
    Direction,
    EntryStatus,
    LearnerProfile,
    PlanEntry,
    Role,
    StudyPlan,
    WeeklyAvailability,
)
from studyplanner.domain.wording import format_day
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.panels.entry_panel import PLACEHOLDER_TEXT, EntryPanel
from studyplanner.ui.widgets.form_fields import DecimalSpinBox


def three_exam_plan() -> StudyPlan:
    return StudyPlan(
        name="Road to DevOps Pro",
        start_date=date(2026, 12, 1),
        profile=LearnerProfile(role=Role.DEVELOPER, experience_years=2, direction=Direction.DEVOPS),
        availability=WeeklyAvailability.spread(
            8, blackouts=[Blackout(start=date(2026, 12, 24), end=date(2027, 1, 1), label="Xmas")]
        ),
        entries=[
            PlanEntry(certification_id="developer-associate", notes="Start with Lambda"),
            PlanEntry(certification_id="solutions-architect-associate"),
            PlanEntry(certification_id="devops-engineer-professional"),
        ],
    )


def three_exam_document(catalog: Catalog) -> PlanDocument:
    """The three-exam plan opened on 1 December 2026, its first day."""
    doc = PlanDocument(catalog, today=lambda: date(2026, 12, 1))
    doc.set_plan(three_exam_plan(), None)
    return doc


def shown_panel(qtbot: QtBot, document: PlanDocument, height: int) -> EntryPanel:
    """The panel on screen and active, ``height`` pixels tall, ready for typed keys."""
    widget = EntryPanel(document)
    qtbot.addWidget(widget)
    widget.resize(380, height)
    with qtbot.waitActive(widget):  # waits on leaving the block; keys need an active window
        widget.show()
        widget.activateWindow()
    return widget


@pytest.fixture
def document(catalog: Catalog) -> PlanDocument:
    return three_exam_document(catalog)


@pytest.fixture
def panel(qtbot: QtBot, document: PlanDocument) -> EntryPanel:
    return shown_panel(qtbot, document, 620)


def first_id(document: PlanDocument) -> str:
    return document.entry_ids()[0]


def type_into(qtbot: QtBot, box: DecimalSpinBox | QLineEdit, text: str) -> None:
    """Replace the box's text as a user would and press Enter."""
    line = box if isinstance(box, QLineEdit) else box.lineEdit()
    line.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def choose(combo: QComboBox, text: str) -> None:
    """Pick an item the way a mouse choice does: current index set, then ``activated``."""
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_without_selection_the_panel_says_what_to_do(
    panel: EntryPanel, document: PlanDocument
) -> None:
    assert panel.placeholder.isVisible()
    assert panel.placeholder.text() == PLACEHOLDER_TEXT
    assert not panel.hours.isVisible()

    document.select(first_id(document))

    assert not panel.placeholder.isVisible()
    assert panel.hours.isVisible()


def test_shows_certification_estimate_and_computed_dates(
    panel: EntryPanel, document: PlanDocument
) -> None:
    document.select(first_id(document))
    assert document.schedule is not None
    item = document.schedule.for_entry(first_id(document))
    estimate = item.estimate

    assert "DVA-C02" in panel.title.text()
    assert "Developer – Associate" in panel.title.text()
    assert "Associate" in panel.subtitle.text()
    assert panel.hours.value() == estimate.hours
    assert panel.estimate.text() == (
        f"Estimate {estimate.typical:g} h (range {estimate.low:g}–{estimate.high:g} h)"
    )
    assert not panel.use_estimate.isEnabled()
    assert item.study_start == date(2026, 12, 1)
    assert item.study_end is not None and item.exam_date is not None
    assert panel.dates.text() == (
        f"Study 1 Dec 2026 – {format_day(item.study_end)}, exam {format_day(item.exam_date)}"
    )
    assert panel.notes.toPlainText() == "Start with Lambda"


def test_changing_hours_is_one_undo_command_that_moves_the_exam(
    qtbot: QtBot, panel: EntryPanel, document: PlanDocument
) -> None:
    entry_id = first_id(document)
    document.select(entry_id)
    assert document.schedule is not None
    exam_before = document.schedule.for_entry(entry_id).exam_date
    assert exam_before is not None
    estimate = panel.hours.value()

    type_into(qtbot, panel.hours, "200")

    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Change hours of DVA-C02"
    assert document.plan.entry(entry_id).hours_override == 200
    assert document.schedule.for_entry(entry_id).exam_date > exam_before
    assert panel.use_estimate.isEnabled()
    assert "exam" in panel.dates.text()

    # Leaving the box afterwards (a second editingFinished) is not another edit.
    panel.hours.editingFinished.emit()
    assert document.undo_stack.count() == 1

    document.undo_stack.undo()

    assert panel.hours.value() == estimate
    assert document.plan.entry(entry_id).hours_override is None
    assert not panel.use_estimate.isEnabled()
    assert document.undo_stack.count() == 1, "showing the undone value must not push an edit"


def test_finishing_hours_without_a_change_pushes_nothing(
    qtbot: QtBot, panel: EntryPanel, document: PlanDocument
) -> None:
    document.select(first_id(document))

    type_into(qtbot, panel.hours, panel.hours.cleanText())

    assert document.undo_stack.count() == 0


def test_use_estimate_drops_the_override(
    qtbot: QtBot, panel: EntryPanel, document: PlanDocument
) -> None:
    entry_id = first_id(document)
    document.update_entry(entry_id, "setup", hours_override=150)
    document.select(entry_id)
    assert panel.hours.value() == 150

    qtbot.mouseClick(panel.use_estimate, Qt.MouseButton.LeftButton)

    assert document.plan.entry(entry_id).hours_override is None
    assert document.undo_stack.count() == 2
    assert document.undo_stack.undoText() == "Use estimated hours for DVA-C02"
    assert document.schedule is not None
    assert panel.hours.value() == document.schedule.for_entry(entry_id).estimate.typical


def test_pinning_keeps_the_exam_on_the_chosen_date(
    panel: EntryPanel, document: PlanDocument
) -> None:
    entry_id = document.entry_ids()[1]
    document.select(entry_id)
    assert document.schedule is not None
    computed = document.schedule.for_entry(entry_id).exam_date
    assert not panel.pinned_date.isEnabled()

    panel.pinned.click()

    assert document.plan.entry(entry_id).pinned_exam_date == computed
    assert document.undo_stack.undoText() == "Pin exam date of SAA-C03"
    assert panel.pinned_date.isEnabled()

    panel.pinned_date.setDate(QDate(2028, 3, 15))  # what a calendar pick does

    assert document.plan.entry(entry_id).pinned_exam_date == date(2028, 3, 15)
    assert document.schedule.for_entry(entry_id).exam_date == date(2028, 3, 15)
    assert document.undo_stack.count() == 2
    assert "exam 15 Mar 2028" in panel.dates.text()

    panel.pinned.click()

    assert document.plan.entry(entry_id).pinned_exam_date is None
    assert document.undo_stack.count() == 3


def test_passed_status_sets_the_pass_date_in_the_same_edit(
    panel: EntryPanel, document: PlanDocument
) -> None:
    entry_id = first_id(document)
    document.select(entry_id)
    assert panel.passed_on.isHidden()

    choose(panel.status, "Passed")

    entry = document.plan.entry(entry_id)
    assert entry.status is EntryStatus.PASSED
    # the exam would be later: passed today (the document's today, not the machine's)
    assert entry.passed_on == date(2026, 12, 1)
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Mark DVA-C02 as passed"
    assert not panel.passed_on.isHidden()
    assert panel.pinned.isHidden()

    panel.passed_on.setDate(QDate(2026, 6, 3))

    assert document.plan.entry(entry_id).passed_on == date(2026, 6, 3)
    assert document.undo_stack.count() == 2
    assert panel.dates.text() == "Passed on 3 Jun 2026"

    choose(panel.status, "Studying")

    entry = document.plan.entry(entry_id)
    assert entry.status is EntryStatus.STUDYING
    assert entry.passed_on is None
    assert document.undo_stack.count() == 3
    assert panel.passed_on.isHidden()

    document.undo_stack.undo()

    assert panel.status.currentText() == "Passed"
    assert panel.passed_on.date() == QDate(2026, 6, 3)
    assert document.undo_stack.count() == 3


def test_choosing_the_same_status_pushes_nothing(panel: EntryPanel, document: PlanDocument) -> None:
    document.select(first_id(document))

    choose(panel.status, "Planned")

    assert document.undo_stack.count() == 0


def test_notes_are_kept_literally_and_committed_on_focus_out(
    qtbot: QtBot, panel: EntryPanel, document: PlanDocument
) -> None:
    entry_id = first_id(document)
    document.select(entry_id)
    panel.notes.setFocus()
    panel.notes.clear()
    first_line, second_line = "<b>Book</b> the exam & bring ID", "  - practice test *twice*"

    qtbot.keyClicks(panel.notes, first_line)
    qtbot.keyClick(panel.notes, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.notes, second_line)
    text = f"{first_line}\n{second_line}"
    assert document.undo_stack.count() == 0, "typing is not yet an edit"
    panel.hours.setFocus()

    assert document.plan.entry(entry_id).notes == text
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Edit notes of DVA-C02"

    document.undo_stack.undo()

    assert panel.notes.toPlainText() == "Start with Lambda"


def test_notes_are_saved_when_another_entry_is_selected(
    panel: EntryPanel, document: PlanDocument
) -> None:
    first, second = document.entry_ids()[:2]
    document.select(first)
    panel.notes.setPlainText("Book for March")

    document.select(second)

    assert document.plan.entry(first).notes == "Book for March"
    assert panel.notes.toPlainText() == ""
    assert "SAA-C03" in panel.title.text()


def test_a_refused_value_is_explained_not_lost(
    qtbot: QtBot, panel: EntryPanel, document: PlanDocument
) -> None:
    document.select(first_id(document))
    panel.notes.setFocus()
    panel.notes.setPlainText("y" * (MAX_TEXT + 5))
    panel.hours.setFocus()

    assert not panel.problem.isHidden()
    assert "10,000" in panel.problem.text()
    assert panel.notes.toPlainText() == "y" * (MAX_TEXT + 5)
    assert document.undo_stack.count() == 0


def test_read_only_plan_disables_editing(
    qtbot: QtBot, catalog: Catalog, panel: EntryPanel, document: PlanDocument
) -> None:
    document.set_plan(three_exam_plan(), None, read_only=True)
    document.select(first_id(document))

    assert not panel.hours.isEnabled()
    assert not panel.status.isEnabled()
    assert not panel.pinned.isEnabled()
    assert not panel.study_log.log_button.isEnabled()
    assert not panel.practice.add_button.isEnabled()
    assert panel.notes.isReadOnly()
    assert not panel.read_only_note.isHidden()

    panel.notes.setFocus()
    panel.notes.setPlainText("changed")
    panel.hours.setFocus()
    panel.hours.setValue(300)
    panel.hours.editingFinished.emit()

    assert document.undo_stack.count() == 0
    assert document.plan.entry(first_id(document)).notes == "Start with Lambda"


def test_removing_the_selected_entry_shows_the_placeholder(
    panel: EntryPanel, document: PlanDocument
) -> None:
    entry_id = document.entry_ids()[-1]
    document.select(entry_id)
    document.remove_entry(entry_id)
    document.select("")

    assert panel.placeholder.isVisible()


# --- a retired exam and its successor --------------------------------------------------------


def retired_exam_plan() -> StudyPlan:
    """SysOps Administrator (SOA-C02, retired 30 Sep 2025, succeeded by SOA-C03) with notes and
    an own hour figure, then the retired Database Specialty, which has no successor."""
    return StudyPlan(
        start_date=date(2026, 12, 1),
        availability=WeeklyAvailability.spread(8),
        entries=[
            PlanEntry(
                certification_id="sysops-administrator-associate",
                notes="Labs done",
                hours_override=90,
            ),
            PlanEntry(certification_id="database-specialty"),
        ],
    )


def test_retired_exam_offers_its_successor_in_one_undo_step(
    qtbot: QtBot, panel: EntryPanel, document: PlanDocument
) -> None:
    document.set_plan(retired_exam_plan(), None)
    sysops = first_id(document)
    document.select(sysops)

    assert panel.retirement.isVisible()
    assert "SOA-C02 was retired on 30 Sep 2025" in panel.retirement.text.text()
    assert "SOA-C03 CloudOps Engineer – Associate" in panel.retirement.text.text()
    assert panel.retirement.button.text() == "Replace with SOA-C03"

    qtbot.mouseClick(panel.retirement.button, Qt.MouseButton.LeftButton)

    entry = document.plan.entry(sysops)
    assert entry.certification_id == "cloudops-engineer-associate"
    assert entry.notes == "Labs done"
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Replace SOA-C02 with SOA-C03"
    assert "SOA-C03" in panel.title.text()
    assert not panel.retirement.isVisible()

    document.undo_stack.undo()

    assert document.plan.entry(sysops).certification_id == "sysops-administrator-associate"
    assert panel.retirement.isVisible()


def test_no_retirement_notice_without_a_successor_or_once_passed(
    panel: EntryPanel, document: PlanDocument
) -> None:
    document.set_plan(retired_exam_plan(), None)
    sysops, database = document.entry_ids()

    document.select(database)
    assert "DBS-C01" in panel.title.text()
    assert not panel.retirement.isVisible()

    document.select(sysops)
    assert panel.retirement.isVisible()
    document.update_entry(sysops, "Passed", status=EntryStatus.PASSED, passed_on=date(2025, 6, 2))
    assert not panel.retirement.isVisible(), "a passed exam stays what it was"

    document.set_plan(three_exam_plan(), None)
    document.select(first_id(document))
    assert not panel.retirement.isVisible()


def test_read_only_plan_shows_the_notice_without_the_action(
    panel: EntryPanel, document: PlanDocument
) -> None:
    document.set_plan(retired_exam_plan(), None, read_only=True)
    document.select(first_id(document))

    assert panel.retirement.isVisible()
    assert not panel.retirement.button.isEnabled()
    panel.retirement.replace_requested.emit()
    assert document.plan.entries[0].certification_id == "sysops-administrator-associate"
    assert document.undo_stack.count() == 0


def test_the_fee_line_names_the_voucher_that_pays_half(
    panel: EntryPanel, document: PlanDocument
) -> None:
    dva, saa, _dop = document.entry_ids()
    document.select(dva)
    assert panel.fee.text() == "$150 list · full price (no voucher from an earlier pass)"
    document.select(saa)
    assert panel.fee.text() == "$150 list · $75 with a voucher from DVA-C02"


def test_paid_by_someone_else_is_one_undo_step_and_changes_the_fee(
    qtbot: QtBot, panel: EntryPanel, document: PlanDocument
) -> None:
    dva = first_id(document)
    document.select(dva)
    qtbot.mouseClick(panel.paid_by_other, Qt.MouseButton.LeftButton)

    assert document.plan.entry(dva).paid_by_other
    assert document.undo_stack.undoText() == "Mark DVA-C02 as paid by someone else"
    assert panel.fee.text() == "$150 list · paid by someone else"
    document.undo_stack.undo()
    assert not document.plan.entry(dva).paid_by_other
    assert not panel.paid_by_other.isChecked()


def test_a_deadline_is_set_changed_and_cleared_each_one_undo_step(
    qtbot: QtBot, panel: EntryPanel, document: PlanDocument
) -> None:
    dva = first_id(document)
    document.select(dva)
    assert panel.add_deadline.isVisible() and not panel.deadline.isVisible()
    assert not panel.clear_deadline.isVisible()

    qtbot.mouseClick(panel.add_deadline, Qt.MouseButton.LeftButton)
    schedule = document.schedule
    assert schedule is not None
    exam = schedule.for_entry(dva).exam_date
    assert document.plan.entry(dva).deadline == exam
    assert panel.deadline.isVisible() and panel.clear_deadline.isVisible()
    assert not panel.add_deadline.isVisible()

    panel.deadline.setDate(QDate(2027, 6, 30))
    assert document.plan.entry(dva).deadline == date(2027, 6, 30)
    assert document.undo_stack.undoText() == "Change deadline of DVA-C02"

    qtbot.mouseClick(panel.clear_deadline, Qt.MouseButton.LeftButton)
    assert document.plan.entry(dva).deadline is None
    assert panel.add_deadline.isVisible() and not panel.deadline.isVisible()

    document.undo_stack.undo()
    assert document.plan.entry(dva).deadline == date(2027, 6, 30)
    assert panel.deadline.date() == QDate(2027, 6, 30)


def test_the_panel_says_until_when_the_certification_is_valid(
    panel: EntryPanel, document: PlanDocument
) -> None:
    dva = first_id(document)
    document.select(dva)
    validity = document.validity_of(dva)
    assert validity is not None
    assert panel.validity.text().startswith(f"Valid until {format_day(validity.first_expiry)}")
    assert "renewed by DOP-C02" in panel.validity.text()  # the Professional renews it


def test_a_pinned_exam_date_in_the_past_says_so(panel: EntryPanel, document: PlanDocument) -> None:
    entry_id = first_id(document)
    document.select(entry_id)
    document.update_entry(entry_id, "Pin", pinned_exam_date=date(2026, 11, 20))  # before today
    assert "the pinned date, 20 Nov 2026, is in the past" in panel.dates.text()
    assert "cannot be reached" not in panel.dates.text()
