"""Assistive technology sees the ladder's cards and the plan's entries as list items with a
name, a description and their selected / focused state, driven by real key presses."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import StudyPlan
from studyplanner.ui.canvas.ladder import LadderView, PlanMark
from studyplanner.ui.canvas.timeline import TimelineView
from studyplanner.ui.document.plan_document import PlanDocument

SAA = "SAA-C03 Solutions Architect – Associate"


def shown_active(qtbot: QtBot, view: QWidget) -> None:
    qtbot.addWidget(view)
    view.resize(1000, 480)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    view.setFocus()


def children(iface: QAccessibleInterface) -> list[QAccessibleInterface]:
    found = [iface.child(i) for i in range(iface.childCount())]
    assert all(child is not None for child in found)
    return found


def named(iface: QAccessibleInterface, name: str) -> QAccessibleInterface:
    for child in children(iface):
        if child.text(QAccessible.Text.Name) == name:
            return child
    raise AssertionError(f"no child named {name!r}")


def test_ladder_cards_are_list_items_with_name_and_description(
    qtbot: QtBot, catalog: Catalog
) -> None:
    view = LadderView(catalog)
    shown_active(qtbot, view)
    view.set_plan_marks({"solutions-architect-associate": PlanMark.PLANNED})
    iface = QAccessible.queryAccessibleInterface(view)
    assert iface.role() == QAccessible.Role.List
    assert iface.text(QAccessible.Text.Name) == "Certification ladder"
    assert iface.childCount() == len(view.visible_certifications())
    card = named(iface, SAA)
    assert card.role() == QAccessible.Role.ListItem
    description = card.text(QAccessible.Text.Description)
    assert "Associate" in description and "120 h typical" in description
    assert "In plan" in description
    assert card.parent().object() is view
    assert iface.indexOfChild(card) == children(iface).index(card)
    assert card.state().selectable and not card.state().selected
    assert card.rect().width() > 0


def test_keys_move_the_selection_and_the_focus_a_screen_reader_reports(
    qtbot: QtBot, catalog: Catalog
) -> None:
    view = LadderView(catalog)
    shown_active(qtbot, view)
    view.select_certification("solutions-architect-associate")
    iface = QAccessible.queryAccessibleInterface(view)
    card = named(iface, SAA)
    assert card.state().selected and card.state().focused
    assert iface.focusChild().text(QAccessible.Text.Name) == SAA

    qtbot.keyClick(view, Qt.Key.Key_Up)
    up = iface.focusChild()
    assert up.text(QAccessible.Text.Name).startswith("SAP-C02")
    assert up.state().selected and up.state().focused
    assert not card.state().selected and not card.state().focused


def test_plan_entries_are_list_items_in_plan_order(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    document = PlanDocument(catalog, today=lambda: date(2026, 11, 29))
    view = TimelineView(document)
    shown_active(qtbot, view)
    document.set_plan(realistic_plan, None)
    iface = QAccessible.queryAccessibleInterface(view)
    assert iface.text(QAccessible.Text.Name) == "Plan timeline"
    names = [child.text(QAccessible.Text.Name) for child in children(iface)]
    assert names == [
        "DVA-C02 Developer – Associate",
        SAA,
        "DOP-C02 DevOps Engineer – Professional",
    ]
    assert iface.focusChild() is None

    qtbot.keyClick(view, Qt.Key.Key_Down)
    first = iface.focusChild()
    assert first is not None
    assert first.text(QAccessible.Text.Name) == names[0]
    assert first.state().selected and first.state().focused
    description = first.text(QAccessible.Text.Description)
    assert "Exam " in description and "<" not in description

    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert iface.focusChild().text(QAccessible.Text.Name) == SAA
    assert not first.state().selected


def test_a_removed_entry_leaves_the_list(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    document = PlanDocument(catalog, today=lambda: date(2026, 11, 29))
    view = TimelineView(document)
    shown_active(qtbot, view)
    document.set_plan(realistic_plan, None)
    document.remove_entry(document.entry_ids()[0])
    iface = QAccessible.queryAccessibleInterface(view)
    assert children(iface)[0].text(QAccessible.Text.Name) == SAA
