"""Plan settings: weekly hours move the exam dates; every finished change is one undo command."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from studyplanner.domain.advice import AdviceCode
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    MAX_TEXT,
    Blackout,
    Direction,
    HeldCertification,
    LearnerProfile,
    PlanEntry,
    Role,
    StudyPlan,
    WeeklyAvailability,
)
from studyplanner.domain.wording import format_day, format_fee
from studyplanner.storage.catalog_updates import load_app_catalog
from studyplanner.storage.plan_files import load_plan, save_plan
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.panels.plan_settings import PlanSettingsPanel
from studyplanner.ui.panels.plan_settings_fields import NO_VOUCHER_LIMIT, OptionalYearsSpinBox
from studyplanner.ui.panels.plan_settings_sections import NO_DIRECTION
from studyplanner.ui.widgets.form_fields import DecimalSpinBox
from studyplanner.ui.window.main_window import MainWindow

HOLIDAYS = Blackout(start=date(2026, 12, 24), end=date(2027, 1, 1), label="Holidays")


def three_exam_plan() -> StudyPlan:
    return StudyPlan(
        name="Road to DevOps Pro",
        start_date=date(2026, 12, 1),
        profile=LearnerProfile(
            role=Role.DEVELOPER,
            experience_years=2,
            direction=Direction.DEVOPS,
            focus_areas=["serverless", "data lake"],
        ),
        availability=WeeklyAvailability.spread(8, blackouts=[HOLIDAYS]),
        entries=[
            PlanEntry(certification_id="developer-associate"),
            PlanEntry(certification_id="solutions-architect-associate"),
            PlanEntry(certification_id="devops-engineer-professional"),
        ],
    )


@pytest.fixture
def document(catalog: Catalog) -> PlanDocument:
    doc = PlanDocument(catalog)
    doc.set_plan(three_exam_plan(), None)
    return doc


@pytest.fixture
def panel(qtbot: QtBot, document: PlanDocument) -> PlanSettingsPanel:
    widget = PlanSettingsPanel(document)
    qtbot.addWidget(widget)
    widget.resize(380, 760)
    with qtbot.waitActive(widget):  # waits on leaving the block; keys need an active window
        widget.show()
        widget.activateWindow()
    return widget


def networking_plan(field_years: float | None = None) -> StudyPlan:
    """A network engineer with 2 years on AWS, Advanced Networking after the Associate."""
    return StudyPlan(
        name="Networking",
        start_date=date(2027, 1, 4),
        profile=LearnerProfile(role=Role.NETWORKING, experience_years=2, field_years=field_years),
        availability=WeeklyAvailability.spread(8),
        entries=[
            PlanEntry(certification_id="solutions-architect-associate"),
            PlanEntry(certification_id="advanced-networking-specialty"),
        ],
        notes="Ask about the Direct Connect lab",
    )


def experience_warnings(document: PlanDocument) -> list[str]:
    return [a.message for a in document.advice if a.code is AdviceCode.EXPERIENCE_BELOW_TIER]


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


def exam_dates(document: PlanDocument) -> list[date | None]:
    assert document.schedule is not None
    return [item.exam_date for item in document.schedule.entries]


def day_values(panel: PlanSettingsPanel) -> list[float]:
    return [spin.value() for spin in panel.day_hours]


def test_shows_the_plan(panel: PlanSettingsPanel) -> None:
    assert panel.name.text() == "Road to DevOps Pro"
    assert panel.start_date.date() == QDate(2026, 12, 1)
    assert panel.role.currentText() == Role.DEVELOPER.label
    assert panel.experience.text() == "2 years"
    assert panel.direction.currentText() == Direction.DEVOPS.label
    assert panel.focus_areas.text() == "serverless, data lake"
    assert panel.weekly_hours.text() == "8 h/week"
    days = three_exam_plan().availability.hours_per_weekday
    assert [spin.text() for spin in panel.day_hours] == [f"{hours:g}" for hours in days]
    assert [panel.blackouts.item(i).text() for i in range(panel.blackouts.count())] == [
        "24 Dec 2026 – 1 Jan 2027  Holidays"
    ]


def test_hours_a_week_spreads_over_the_days_and_moves_the_exams(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    before = exam_dates(document)

    type_into(qtbot, panel.weekly_hours, "16")

    availability = document.plan.availability
    assert availability == WeeklyAvailability.spread(16, blackouts=[HOLIDAYS])
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Study 16 h a week"
    after = exam_dates(document)
    assert all(
        a is not None and b is not None and a < b for a, b in zip(after, before, strict=True)
    )
    assert day_values(panel) == availability.hours_per_weekday

    document.undo_stack.undo()

    assert panel.weekly_hours.value() == 8
    assert day_values(panel) == WeeklyAvailability.spread(8).hours_per_weekday
    assert exam_dates(document) == before
    assert document.undo_stack.count() == 1, "showing the undone value must not push an edit"


def test_one_weekday_changes_only_that_day_and_the_weekly_total(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    saturday = panel.day_hours[5]
    old_days = document.plan.availability.hours_per_weekday

    type_into(qtbot, saturday, "4")

    days = document.plan.availability.hours_per_weekday
    assert days[5] == 4
    assert days[:5] == old_days[:5] and days[6] == old_days[6]
    assert document.plan.availability.blackouts == [HOLIDAYS]
    assert document.undo_stack.undoText() == "Change Saturday hours"
    assert document.undo_stack.count() == 1
    assert panel.weekly_hours.value() == pytest.approx(sum(days), abs=0.01)


def test_leaving_hour_boxes_unchanged_pushes_nothing(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    # Quarter and eighth hours show exactly; leaving boxes as they show the plan is no edit.
    plan = three_exam_plan()
    plan.availability = WeeklyAvailability(hours_per_weekday=[0.75] * 5 + [2.125] * 2)
    document.set_plan(plan, None)
    assert [spin.text() for spin in panel.day_hours] == ["0.75"] * 5 + ["2.125"] * 2

    for spin in [panel.weekly_hours, *panel.day_hours, panel.experience]:
        spin.editingFinished.emit()
    type_into(qtbot, panel.day_hours[6], panel.day_hours[6].cleanText())

    assert document.undo_stack.count() == 0


def test_rename_and_refuse_an_empty_name(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    type_into(qtbot, panel.name, "Cloud year")

    assert document.plan.name == "Cloud year"
    assert document.undo_stack.undoText() == "Rename plan"

    type_into(qtbot, panel.name, " ")

    assert document.plan.name == "Cloud year"
    assert document.undo_stack.count() == 1
    assert not panel.problem.isHidden()
    assert "name" in panel.problem.text()


def test_a_pasted_two_line_name_is_kept_as_one_line(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    panel.name.selectAll()
    panel.name.insert("Cloud\nyear")  # what pasting two lines from a note does
    qtbot.keyClick(panel.name, Qt.Key.Key_Return)
    assert document.plan.name == "Cloud year"


def test_start_date_moves_the_first_study_day(
    panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    panel.start_date.setDate(QDate(2027, 2, 1))

    assert document.plan.start_date == date(2027, 2, 1)
    assert document.schedule is not None
    assert document.schedule.entries[0].study_start == date(2027, 2, 1)
    assert document.undo_stack.count() == 1


def test_profile_edits_each_one_command(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    assert document.schedule is not None
    hours_before = document.schedule.total_hours

    choose(panel.role, Role.OPERATIONS.label)
    assert document.plan.profile.role is Role.OPERATIONS
    assert document.undo_stack.undoText() == "Change role"

    type_into(qtbot, panel.experience, "0.5")
    assert document.plan.profile.experience_years == 0.5
    assert document.undo_stack.undoText() == "Change years on AWS"
    assert document.schedule is not None
    assert document.schedule.total_hours > hours_before, "less experience, more study"

    choose(panel.direction, NO_DIRECTION)
    assert document.plan.profile.direction is None

    type_into(qtbot, panel.focus_areas, " SAP, , security ,")
    assert document.plan.profile.focus_areas == ["SAP", "security"]
    assert document.undo_stack.undoText() == "Change organisation focus"

    assert document.undo_stack.count() == 4
    choose(panel.role, Role.OPERATIONS.label)
    assert document.undo_stack.count() == 4


def test_a_focus_area_too_long_is_explained_and_kept(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    text = "serverless, " + "x" * 61

    type_into(qtbot, panel.focus_areas, text)

    assert document.undo_stack.count() == 0
    assert not panel.problem.isHidden()
    assert "60 characters" in panel.problem.text()
    assert panel.focus_areas.text() == text


def test_add_and_remove_a_blackout_period(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    before = exam_dates(document)
    panel.blackout_start.setDate(QDate(2027, 2, 1))
    panel.blackout_end.setDate(QDate(2027, 2, 28))
    panel.blackout_label.setText("Busy season")

    qtbot.mouseClick(panel.add_blackout, Qt.MouseButton.LeftButton)

    blackouts = document.plan.availability.blackouts
    assert blackouts == [
        HOLIDAYS,
        Blackout(start=date(2027, 2, 1), end=date(2027, 2, 28), label="Busy season"),
    ]
    assert document.undo_stack.count() == 1
    assert panel.blackouts.count() == 2
    assert panel.blackouts.item(1).text() == "1 Feb 2027 – 28 Feb 2027  Busy season"
    assert exam_dates(document)[-1] > before[-1]  # type: ignore[operator]

    panel.blackouts.setCurrentRow(0)
    qtbot.mouseClick(panel.remove_blackout, Qt.MouseButton.LeftButton)

    assert [b.label for b in document.plan.availability.blackouts] == ["Busy season"]
    assert document.undo_stack.count() == 2
    assert document.undo_stack.undoText() == "Remove blackout period"


def test_a_period_that_ends_before_it_starts_is_refused_visibly(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    panel.blackout_start.setDate(QDate(2027, 3, 10))
    panel.blackout_end.setDate(QDate(2027, 3, 1))
    panel.blackout_label.setText("Move house")

    qtbot.mouseClick(panel.add_blackout, Qt.MouseButton.LeftButton)

    assert document.undo_stack.count() == 0
    assert not panel.problem.isHidden()
    assert "end on or after its start" in panel.problem.text()
    assert panel.blackout_label.text() == "Move house"
    assert panel.blackout_start.date() == QDate(2027, 3, 10)
    assert panel.blackout_end.date() == QDate(2027, 3, 1)


def test_read_only_plan_disables_editing(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    document.set_plan(networking_plan(), None, read_only=True)

    for widget in (
        panel.name,
        panel.start_date,
        panel.role,
        panel.experience,
        panel.field_years,
        panel.weekly_hours,
        *panel.day_hours,
        panel.add_blackout,
        panel.remove_blackout,
    ):
        assert not widget.isEnabled(), widget
    assert panel.notes.isReadOnly()
    assert panel.notes.toPlainText() == "Ask about the Direct Connect lab", "still readable"
    panel.notes.setFocus()
    qtbot.keyClicks(panel.notes, "more")
    panel.name.setFocus()
    assert document.plan.notes == "Ask about the Direct Connect lab"
    assert document.undo_stack.count() == 0


def test_opening_another_plan_shows_its_values_without_edits(
    panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    other = StudyPlan(
        name="Data path",
        start_date=date(2027, 5, 3),
        availability=WeeklyAvailability(hours_per_weekday=[0, 0, 0, 0, 0, 5, 5]),
    )

    document.set_plan(other, None)

    assert panel.name.text() == "Data path"
    assert panel.weekly_hours.value() == 10
    assert day_values(panel) == [0, 0, 0, 0, 0, 5, 5]
    assert panel.blackouts.count() == 0
    assert not panel.remove_blackout.isEnabled()
    assert panel.direction.currentText() == NO_DIRECTION
    assert document.undo_stack.count() == 0


# --- years in the role's field ------------------------------------------------------------


def test_field_years_reach_the_plan_and_undo(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    document.set_plan(networking_plan(), None)
    assert panel.field_years.text() == OptionalYearsSpinBox.NOT_SET
    assert experience_warnings(document), "2 years on AWS is not 5 years of networking"

    type_into(qtbot, panel.field_years, "8")

    assert document.plan.profile.field_years == 8
    assert document.plan.profile.experience_years == 2
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Change years in networking"
    assert experience_warnings(document) == []

    document.undo_stack.undo()

    assert document.plan.profile.field_years is None
    assert panel.field_years.text() == OptionalYearsSpinBox.NOT_SET
    assert experience_warnings(document)

    document.undo_stack.redo()

    assert panel.field_years.text() == "8 years"
    assert document.undo_stack.count() == 1, "showing undone values pushes nothing"


def test_clearing_field_years_means_not_set(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    document.set_plan(networking_plan(field_years=6), None)
    assert panel.field_years.text() == "6 years"

    panel.field_years.lineEdit().selectAll()
    qtbot.keyClick(panel.field_years, Qt.Key.Key_Delete)
    qtbot.keyClick(panel.field_years, Qt.Key.Key_Return)

    assert document.plan.profile.field_years is None
    assert panel.field_years.text() == OptionalYearsSpinBox.NOT_SET
    assert document.undo_stack.count() == 1


def test_field_years_step_between_not_set_and_zero(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    document.set_plan(networking_plan(), None)
    panel.field_years.setFocus()

    qtbot.keyClick(panel.field_years, Qt.Key.Key_Up)
    assert panel.field_years.text() == "0 years", "no years in the field is a real answer"
    qtbot.keyClick(panel.field_years, Qt.Key.Key_Down)
    assert panel.field_years.text() == OptionalYearsSpinBox.NOT_SET
    qtbot.keyClicks(panel.field_years, "3")
    qtbot.keyClick(panel.field_years, Qt.Key.Key_Return)

    assert document.plan.profile.field_years == 3


def test_other_profile_edits_keep_the_field_years(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    document.set_plan(networking_plan(field_years=8), None)

    type_into(qtbot, panel.experience, "3")
    choose(panel.direction, Direction.SECURITY.label)
    type_into(qtbot, panel.focus_areas, "hybrid")

    assert document.plan.profile.field_years == 8
    assert document.undo_stack.count() == 3


def test_field_years_label_follows_the_role(
    panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    assert panel.field_years_label.text() == "Years in software:"

    choose(panel.role, Role.SECURITY.label)
    assert panel.field_years_label.text() == "Years in security:"
    assert panel.field_years.isEnabled()
    assert "Advanced Networking" in panel.field_years.toolTip()

    choose(panel.role, Role.MANAGER.label)
    assert not panel.field_years.isEnabled()
    assert "Does not apply" in panel.field_years.toolTip()

    document.undo_stack.undo()
    assert panel.field_years_label.text() == "Years in security:"
    assert panel.field_years.isEnabled()


# --- plan notes -----------------------------------------------------------------------------


def test_plan_notes_edit_is_one_undo_step(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    document.set_plan(networking_plan(), None)
    assert panel.notes.toPlainText() == "Ask about the Direct Connect lab"
    panel.notes.setFocus()
    panel.notes.moveCursor(QTextCursor.MoveOperation.End)

    qtbot.keyClicks(panel.notes, " in March")
    qtbot.keyClick(panel.notes, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.notes, "Book the exam early")
    assert document.undo_stack.count() == 0, "typing is not an edit until the box is left"
    panel.name.setFocus()

    assert document.plan.notes == "Ask about the Direct Connect lab in March\nBook the exam early"
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Edit plan notes"

    document.undo_stack.undo()
    assert panel.notes.toPlainText() == "Ask about the Direct Connect lab"


def test_notes_being_typed_survive_an_edit_made_elsewhere(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    panel.notes.setFocus()
    qtbot.keyClicks(panel.notes, "Half done")

    # e.g. an exam dropped on the timeline: a drag does not take the focus from the notes
    document.update_plan("Rename plan", name="Busy year")

    assert panel.notes.toPlainText() == "Half done"
    panel.name.setFocus()
    assert document.plan.notes == "Half done"
    assert document.plan.name == "Busy year"


def test_notes_too_long_are_explained_and_kept(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    panel.notes.setFocus()
    panel.notes.setPlainText("x" * (MAX_TEXT + 1))
    panel.name.setFocus()

    assert document.undo_stack.count() == 0
    assert not panel.problem.isHidden()
    assert "10,000 characters" in panel.problem.text()
    assert len(panel.notes.toPlainText()) == MAX_TEXT + 1


def test_notes_survive_switching_plans(
    qtbot: QtBot, tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_message_box(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, no_message_box)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    save_plan(networking_plan(), first)
    save_plan(three_exam_plan(), second)
    window = MainWindow(load_app_catalog())
    qtbot.addWidget(window)
    window.open_initial(first)
    with qtbot.waitActive(window):  # waits on leaving the block; keys need an active window
        window.show()
        window.activateWindow()
    notes = window.plan_settings.notes
    window.settings_dock.raise_()
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus)
    notes.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(notes, ". Lab booked.")

    assert window.open_plan(second)
    assert notes.toPlainText() == ""
    assert window.open_plan(first)

    assert notes.toPlainText() == "Ask about the Direct Connect lab. Lab booked."
    assert load_plan(first, catalog).notes == "Ask about the Direct Connect lab. Lab booked."


def test_add_a_held_certification_then_remove_it_each_one_undo_step(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    combo = panel.held_certification
    combo.setCurrentIndex(combo.findData("cloud-practitioner"))
    panel.held_earned.setDate(QDate(2024, 1, 10))
    qtbot.mouseClick(panel.add_held, Qt.MouseButton.LeftButton)

    assert [(h.certification_id, h.earned_on) for h in document.plan.held] == [
        ("cloud-practitioner", date(2024, 1, 10))
    ]
    assert panel.held.count() == 1
    shown = panel.held.item(0).text()
    assert "CLF-C02 Cloud Practitioner" in shown and "earned 10 Jan 2024" in shown
    assert "expires 10 Jan 2027" in shown  # the plan's first exam comes after the expiry
    assert document.undo_stack.undoText() == "Add held CLF-C02"

    qtbot.mouseClick(panel.remove_held, Qt.MouseButton.LeftButton)
    assert document.plan.held == [] and panel.held.count() == 0
    document.undo_stack.undo()
    assert panel.held.count() == 1
    document.undo_stack.undo()
    assert panel.held.count() == 0 and not panel.remove_held.isEnabled()


def test_a_held_certification_renewed_by_the_plan_says_until_when(
    panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    document.add_held("cloud-practitioner", date(2025, 3, 1))  # every exam of the plan renews it
    shown = panel.held.item(0).text()
    assert "renewed by DOP-C02" in shown  # the last renewal decides the expiry
    validity = next(v for v in document.validities if v.entry_id is None)
    assert f"expires {format_day(validity.expires_on)}" in shown
    assert validity.expires_on > date(2028, 3, 1)


def test_retired_certifications_can_be_held_and_are_marked(panel: PlanSettingsPanel) -> None:
    combo = panel.held_certification
    labels = [combo.itemText(i) for i in range(combo.count())]
    retired = [label for label in labels if label.endswith("(retired)")]
    assert any(label.startswith("SOA-C02") for label in retired)
    assert labels.index(retired[0]) > labels.index(
        combo.itemText(combo.findData("cloud-practitioner"))
    )  # current certifications come first


def test_the_three_fee_figures_follow_the_plan(
    panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    budget = document.budget
    assert budget is not None
    assert panel.list_price.text() == format_fee(budget.list_usd)
    assert format_fee(budget.with_vouchers_usd) in panel.with_vouchers.text()
    assert panel.worst_case.text() == format_fee(budget.worst_case_usd)
    assert budget.with_vouchers_usd < budget.list_usd < budget.worst_case_usd

    dva = document.entry_ids()[0]
    document.update_entry(dva, "Employer pays", paid_by_other=True)
    after = document.budget
    assert after is not None and after.with_vouchers_usd < budget.with_vouchers_usd
    assert format_fee(after.with_vouchers_usd) in panel.with_vouchers.text()


def test_the_voucher_validity_is_a_visible_assumption_that_can_be_changed(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    box = panel.voucher_months
    assert box.text() == NO_VOUCHER_LIMIT
    assert "assumption" in panel.voucher_note.text().lower()

    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "12")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert document.plan.voucher_valid_months == 12
    assert document.undo_stack.undoText() == "Assume vouchers last 12 months"
    assert box.text() == "12 months"

    document.undo_stack.undo()
    assert document.plan.voucher_valid_months is None
    assert box.text() == NO_VOUCHER_LIMIT


def test_held_certifications_cannot_be_edited_read_only(
    panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    plan = document.plan
    plan.held = [
        HeldCertification(certification_id="cloud-practitioner", earned_on=date(2024, 1, 10))
    ]
    document.set_plan(plan, None, read_only=True)
    assert panel.held.count() == 1
    assert not panel.add_held.isEnabled() and not panel.remove_held.isEnabled()
    assert not panel.voucher_months.isEnabled()


def test_the_readiness_target_is_set_for_the_plan(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    assert panel.readiness_target.value() == 80
    panel.readiness_target.setFocus()
    panel.readiness_target.lineEdit().selectAll()
    qtbot.keyClicks(panel.readiness_target, "85")
    qtbot.keyClick(panel.readiness_target, Qt.Key.Key_Return)
    assert document.plan.readiness_target == 85
    assert document.undo_stack.undoText() == "Change readiness target"
    document.undo_stack.undo()
    assert panel.readiness_target.value() == 80


def test_years_in_other_fields_are_set_in_a_dialog_kept_and_undone(
    panel: PlanSettingsPanel, document: PlanDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studyplanner.domain.roles import ExperienceField
    from studyplanner.ui.dialogs.other_fields_dialog import OtherFieldsDialog

    assert panel.other_fields.text() == "None given"
    asked: list[tuple[Role, dict[ExperienceField, float]]] = []

    def answer(
        _parent: object, role: Role, years: dict[ExperienceField, float]
    ) -> dict[ExperienceField, float]:
        asked.append((role, dict(years)))
        return {ExperienceField.NETWORKING: 3.0, ExperienceField.SECURITY: 1.0}

    monkeypatch.setattr(OtherFieldsDialog, "ask", answer)
    panel.other_fields.click()
    assert asked == [(Role.DEVELOPER, {})]
    profile = document.plan.profile
    assert profile.other_field_years == {ExperienceField.NETWORKING: 3, ExperienceField.SECURITY: 1}
    assert panel.other_fields.text() == "security 1 year, networking 3 years"
    # Another profile edit keeps them; one undo step takes them out again.
    panel.experience.setValue(4)
    panel.experience.editingFinished.emit()
    assert document.plan.profile.other_field_years == profile.other_field_years
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.plan.profile.other_field_years == {}
    assert panel.other_fields.text() == "None given"


def test_the_other_fields_dialog_leaves_out_the_roles_own_field_and_unset_years(
    qtbot: QtBot,
) -> None:
    from studyplanner.domain.roles import ExperienceField
    from studyplanner.ui.dialogs.other_fields_dialog import OtherFieldsDialog

    dialog = OtherFieldsDialog(Role.NETWORKING, {ExperienceField.SECURITY: 2.0})
    qtbot.addWidget(dialog)
    assert ExperienceField.NETWORKING not in dialog.boxes  # the role's field is in the panel
    assert dialog.years() == {ExperienceField.SECURITY: 2.0}
    dialog.boxes[ExperienceField.SECURITY].set_years(None)
    dialog.boxes[ExperienceField.DATA].setValue(0)  # 0 years: the same as none
    dialog.boxes[ExperienceField.MACHINE_LEARNING].setValue(1.5)
    assert dialog.years() == {ExperienceField.MACHINE_LEARNING: 1.5}
