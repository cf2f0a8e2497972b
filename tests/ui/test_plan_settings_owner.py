"""Plan settings: the plan's owner (issue 25), the name and team a team view shows, typed in
two fields, each finished change one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import Owner
from studyplanner.storage.plan_files import load_plan, save_plan
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.panels.plan_settings import PlanSettingsPanel
from tests.ui.conftest import sunday_evening_plan


@pytest.fixture
def document(catalog: Catalog) -> PlanDocument:
    doc = PlanDocument(catalog)
    doc.set_plan(sunday_evening_plan(), None)
    return doc


@pytest.fixture
def panel(qtbot: QtBot, document: PlanDocument) -> PlanSettingsPanel:
    widget = PlanSettingsPanel(document)
    qtbot.addWidget(widget)
    widget.resize(380, 760)
    with qtbot.waitActive(widget):  # keys need an active window
        widget.show()
        widget.activateWindow()
    return widget


def type_into(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Replace the field's text as a person does, and press Enter."""
    field.setFocus()
    field.selectAll()
    if text:
        qtbot.keyClicks(field, text)
    else:
        qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_owner_and_team_typed_in_are_undoable_steps(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    assert document.plan.owner is None
    assert (panel.owner_name.text(), panel.owner_team.text()) == ("", "")
    type_into(qtbot, panel.owner_name, "  Ana   Silva ")
    assert document.plan.owner == Owner(name="Ana Silva")
    assert document.undo_stack.undoText() == "Change owner"
    assert panel.owner_name.text() == "Ana Silva"  # as the plan keeps it
    type_into(qtbot, panel.owner_team, "Platform")
    assert document.plan.owner == Owner(name="Ana Silva", team="Platform")
    assert document.undo_stack.count() == 2
    # pressing Enter again changes nothing: no empty undo step
    qtbot.keyClick(panel.owner_team, Qt.Key.Key_Return)
    assert document.undo_stack.count() == 2

    document.undo_stack.undo()
    assert document.plan.owner == Owner(name="Ana Silva")
    assert panel.owner_team.text() == ""
    document.undo_stack.undo()
    assert document.plan.owner is None
    assert (panel.owner_name.text(), panel.owner_team.text()) == ("", "")
    document.undo_stack.redo()
    assert panel.owner_name.text() == "Ana Silva"


def test_an_empty_name_means_no_owner_and_a_team_needs_a_name(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    type_into(qtbot, panel.owner_name, "Ben")
    type_into(qtbot, panel.owner_team, "Security")
    type_into(qtbot, panel.owner_name, "")
    # the team alone is refused, said, and kept in its field until a name is typed
    assert document.plan.owner == Owner(name="Ben", team="Security")
    assert not panel.problem.isHidden()
    assert panel.problem.text() == "Type the owner's name to go with the team."
    assert panel.owner_team.text() == "Security"
    type_into(qtbot, panel.owner_team, "")
    assert document.plan.owner is None
    assert panel.problem.isHidden()


def test_a_refused_owner_is_explained_and_left_in_the_field(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    panel.owner_name.setText("Ana\u0007Silva")  # a control character, pasted
    panel.owner_name.editingFinished.emit()
    assert document.plan.owner is None
    assert "control characters" in panel.problem.text()
    assert panel.owner_name.text() == "Ana\u0007Silva"
    assert document.undo_stack.count() == 0


def test_the_owner_is_saved_with_the_plan(
    qtbot: QtBot, panel: PlanSettingsPanel, document: PlanDocument, catalog: Catalog, tmp_path: Path
) -> None:
    type_into(qtbot, panel.owner_name, "Ana Silva")
    type_into(qtbot, panel.owner_team, "Platform")
    path = tmp_path / "ana.json"
    save_plan(document.plan, path)
    assert load_plan(path, catalog).owner == Owner(name="Ana Silva", team="Platform")


def test_a_read_only_plan_shows_its_owner_in_closed_fields(
    panel: PlanSettingsPanel, document: PlanDocument
) -> None:
    assert panel.owner_name.isEnabled() and panel.owner_team.isEnabled()
    assert panel.owner_name.accessibleName() == "Owner"
    assert panel.owner_team.accessibleName() == "Team"
    plan = sunday_evening_plan()
    plan.owner = Owner(name="Cy", team="Data")
    document.set_plan(plan, None, read_only=True)  # a plan from a newer StudyPlanner, say
    assert (panel.owner_name.text(), panel.owner_team.text()) == ("Cy", "Data")
    assert not panel.owner_name.isEnabled() and not panel.owner_team.isEnabled()
