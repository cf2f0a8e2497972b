"""New plan from profile: the suggested path and its reasons follow the answers live."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import StudyPlan
from studyplanner.domain.roles import Direction, Role
from studyplanner.ui.dialogs.profile_dialog import FOLLOW_ROLE, NewPlanFromProfileDialog
from studyplanner.ui.panels.plan_settings_fields import OptionalYearsSpinBox
from studyplanner.ui.widgets.form_fields import DecimalSpinBox

TODAY = date(2026, 11, 29)


@pytest.fixture
def dialog(qtbot: QtBot, catalog: Catalog) -> NewPlanFromProfileDialog:
    widget = NewPlanFromProfileDialog(None, catalog, TODAY)
    qtbot.addWidget(widget)
    with qtbot.waitActive(widget):  # waits on leaving the block; keys need an active window
        widget.show()
        widget.activateWindow()
    return widget


def choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def type_into(qtbot: QtBot, box: DecimalSpinBox, text: str) -> None:
    """Replace the number as a user would; the preview follows every keystroke."""
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, text)


def answer_developer(qtbot: QtBot, dialog: NewPlanFromProfileDialog) -> None:
    choose(dialog.role, Role.DEVELOPER.label)
    type_into(qtbot, dialog.experience, "2")
    type_into(qtbot, dialog.weekly_hours, "8")
    choose(dialog.direction, Direction.DEVOPS.label)
    dialog.start_date.setDate(QDate(2027, 1, 4))


def create_with(
    monkeypatch: pytest.MonkeyPatch,
    catalog: Catalog,
    answer: Callable[[NewPlanFromProfileDialog], None],
) -> StudyPlan | None:
    """Run ``ask`` as a user who gives ``answer`` and clicks Create Plan."""

    def create(self: NewPlanFromProfileDialog) -> int:
        answer(self)
        self.create_button.click()
        return self.result()

    monkeypatch.setattr(NewPlanFromProfileDialog, "exec", create)
    return NewPlanFromProfileDialog.ask(None, catalog, TODAY)


def without(catalog: Catalog, cert_id: str) -> Catalog:
    """A user's catalog that lacks ``cert_id`` (and every reference to it)."""
    data = catalog.model_dump()
    data["certifications"] = [c for c in data["certifications"] if c["id"] != cert_id]
    for cert in data["certifications"]:
        cert["recommended_prior"] = [i for i in cert["recommended_prior"] if i != cert_id]
        cert["next_steps"] = [i for i in cert["next_steps"] if i != cert_id]
        if cert["lifecycle"]["replaced_by"] == cert_id:
            cert["lifecycle"]["replaced_by"] = None
    return Catalog.model_validate(data)


def codes(catalog: Catalog, dialog: NewPlanFromProfileDialog) -> list[str]:
    return [catalog.get(e.certification_id).code for e in dialog.suggestion().plan.entries]


def test_developer_with_two_years_heading_for_devops(
    qtbot: QtBot, catalog: Catalog, dialog: NewPlanFromProfileDialog
) -> None:
    answer_developer(qtbot, dialog)

    assert codes(catalog, dialog) == ["DVA-C02", "SAA-C03", "DOP-C02"]
    plan = dialog.suggestion().plan
    assert plan.profile.experience_years == 2
    assert plan.profile.direction is Direction.DEVOPS
    assert plan.availability.weekly_hours == 8
    assert plan.start_date == date(2027, 1, 4)
    assert plan.name == "Developer path"

    preview = dialog.preview.toPlainText()
    positions = [preview.index(code) for code in ("DVA-C02", "SAA-C03", "DOP-C02")]
    assert positions == sorted(positions), "the exams are listed in plan order"
    for reason in dialog.suggestion().reasons:
        assert reason.reason in preview.replace("\n", " ")
    assert "3 exams" in preview
    assert dialog.create_button.isEnabled()


def test_preview_follows_each_answer_live(qtbot: QtBot, dialog: NewPlanFromProfileDialog) -> None:
    answer_developer(qtbot, dialog)
    assert "DOP-C02" in dialog.preview.toPlainText()

    choose(dialog.role, Role.DATA.label)
    choose(dialog.direction, FOLLOW_ROLE)

    preview = dialog.preview.toPlainText()
    assert "DEA-C01" in preview
    assert "DOP-C02" not in preview
    assert dialog.name.placeholderText() == "Data path"


def test_remarks_are_shown(qtbot: QtBot, dialog: NewPlanFromProfileDialog) -> None:
    answer_developer(qtbot, dialog)

    qtbot.keyClicks(dialog.focus_areas, "SAP, security")

    remarks = dialog.suggestion().remarks
    assert remarks
    preview = dialog.preview.toPlainText().replace("\n", " ")
    for remark in remarks:
        assert remark in preview


def test_few_hours_keep_the_plan_short_and_say_so(
    qtbot: QtBot, catalog: Catalog, dialog: NewPlanFromProfileDialog
) -> None:
    answer_developer(qtbot, dialog)

    type_into(qtbot, dialog.weekly_hours, "3")

    assert codes(catalog, dialog) == ["DVA-C02", "SAA-C03"]
    assert "3 hours a week" in dialog.preview.toPlainText()


def test_plan_name_typed_by_the_user_is_used(
    qtbot: QtBot, dialog: NewPlanFromProfileDialog
) -> None:
    qtbot.keyClicks(dialog.name, "My 2027 plan")

    assert dialog.suggestion().plan.name == "My 2027 plan"


def test_ask_returns_the_plan_on_create(
    qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    def create(self: NewPlanFromProfileDialog) -> int:
        answer_developer(qtbot, self)
        self.create_button.click()
        return self.result()

    monkeypatch.setattr(NewPlanFromProfileDialog, "exec", create)

    plan = NewPlanFromProfileDialog.ask(None, catalog, TODAY)

    assert plan is not None
    assert [catalog.get(e.certification_id).code for e in plan.entries] == [
        "DVA-C02",
        "SAA-C03",
        "DOP-C02",
    ]
    assert all(e.notes for e in plan.entries), "each exam keeps its reason in its notes"


def test_ask_returns_none_on_cancel(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    def cancel(self: NewPlanFromProfileDialog) -> int:
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
        return self.result()

    monkeypatch.setattr(NewPlanFromProfileDialog, "exec", cancel)

    assert NewPlanFromProfileDialog.ask(None, catalog, TODAY) is None


def test_escape_cancels(qtbot: QtBot, dialog: NewPlanFromProfileDialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    assert dialog.result() == QDialog.DialogCode.Rejected


NEW_DEVELOPER_REMARK = (
    "Add DevOps Engineer – Professional (DOP-C02) once you have about 2 years on AWS, "
    "around Jan 2029."
)


def answer_new_developer(qtbot: QtBot, dialog: NewPlanFromProfileDialog) -> None:
    choose(dialog.role, Role.DEVELOPER.label)
    type_into(qtbot, dialog.experience, "0")
    type_into(qtbot, dialog.weekly_hours, "15")
    dialog.start_date.setDate(QDate(2027, 1, 4))


def test_a_new_developer_is_told_when_to_add_devops_pro(
    qtbot: QtBot, catalog: Catalog, dialog: NewPlanFromProfileDialog
) -> None:
    answer_new_developer(qtbot, dialog)

    assert codes(catalog, dialog) == ["CLF-C02", "DVA-C02", "SAA-C03"]
    preview = dialog.preview.toPlainText().replace("\n", " ")
    assert NEW_DEVELOPER_REMARK in preview
    assert "Kept in the plan's notes" in preview


def test_the_created_plan_keeps_the_remarks_in_its_notes(
    qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = create_with(monkeypatch, catalog, lambda d: answer_new_developer(qtbot, d))

    assert plan is not None
    assert NEW_DEVELOPER_REMARK in plan.notes.splitlines()


def answer_network_engineer(qtbot: QtBot, dialog: NewPlanFromProfileDialog) -> None:
    choose(dialog.role, Role.NETWORKING.label)
    type_into(qtbot, dialog.experience, "2")
    type_into(qtbot, dialog.weekly_hours, "8")
    dialog.start_date.setDate(QDate(2027, 1, 4))


def test_years_of_networking_bring_advanced_networking_in(
    qtbot: QtBot, catalog: Catalog, dialog: NewPlanFromProfileDialog
) -> None:
    answer_network_engineer(qtbot, dialog)
    assert dialog.field_years.text() == OptionalYearsSpinBox.NOT_SET
    assert codes(catalog, dialog) == ["SAA-C03"], "unset: 2 years of networking, as on AWS"
    assert "5 years of networking work" in dialog.preview.toPlainText().replace("\n", " ")

    type_into(qtbot, dialog.field_years, "8")

    assert codes(catalog, dialog) == ["SAA-C03", "ANS-C01"]
    assert "ANS-C01 Advanced Networking" in dialog.preview.toPlainText()
    assert dialog.suggestion().plan.profile.field_years == 8


def test_the_created_plan_keeps_the_field_years(
    qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    def answer(dialog: NewPlanFromProfileDialog) -> None:
        answer_network_engineer(qtbot, dialog)
        type_into(qtbot, dialog.field_years, "8")

    plan = create_with(monkeypatch, catalog, answer)

    assert plan is not None
    assert plan.profile.field_years == 8
    assert [e.certification_id for e in plan.entries][-1] == "advanced-networking-specialty"


def test_field_years_label_follows_the_role(qtbot: QtBot, dialog: NewPlanFromProfileDialog) -> None:
    choose(dialog.role, Role.SECURITY.label)
    assert dialog.field_years_label.text() == "Years in security:"
    assert "Advanced Networking" in dialog.field_years.toolTip()
    type_into(qtbot, dialog.field_years, "4")
    assert dialog.profile().field_years == 4

    choose(dialog.role, Role.MANAGER.label)

    assert dialog.field_years_label.text() == "Years in your field:"
    assert not dialog.field_years.isEnabled()
    assert "Does not apply" in dialog.field_years.toolTip()
    assert dialog.profile().field_years is None

    choose(dialog.role, Role.NETWORKING.label)
    assert dialog.field_years_label.text() == "Years in networking:"
    assert dialog.field_years.isEnabled()


def test_a_catalog_without_a_suggested_exam_says_so(
    qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    trimmed = without(catalog, "devops-engineer-professional")

    def answer(dialog: NewPlanFromProfileDialog) -> None:
        answer_developer(qtbot, dialog)
        preview = dialog.preview.toPlainText().replace("\n", " ")
        assert "'devops-engineer-professional' is not in the certification catalog" in preview
        assert "DVA-C02" in preview

    plan = create_with(monkeypatch, trimmed, answer)

    assert plan is not None
    assert [trimmed.get(e.certification_id).code for e in plan.entries] == [
        "DVA-C02",
        "SAA-C03",
    ]
    assert "devops-engineer-professional" in plan.notes
