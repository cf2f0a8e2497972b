"""The warnings list: follows the plan's advice, and choosing a warning selects its exam."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from studyplanner.domain.advice import AdviceCode
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import LearnerProfile, PlanEntry, StudyPlan, WeeklyAvailability
from studyplanner.ui.plan_document import PlanDocument
from studyplanner.ui.warnings_model import EntryIdRole, WarningsModel
from studyplanner.ui.warnings_panel import NO_WARNINGS_TEXT, WarningsPanel


def plan_with_problems() -> StudyPlan:
    """Security specialty before any Associate, and an unreachable pinned date."""
    return StudyPlan(
        name="Too ambitious",
        start_date=date(2026, 12, 1),
        profile=LearnerProfile(experience_years=6),
        availability=WeeklyAvailability.spread(8),
        entries=[
            PlanEntry(certification_id="security-specialty"),
            PlanEntry(certification_id="developer-associate", pinned_exam_date=date(2026, 12, 10)),
        ],
    )


def clean_plan() -> StudyPlan:
    return StudyPlan(
        start_date=date(2026, 12, 1),
        entries=[PlanEntry(certification_id="developer-associate")],
    )


@pytest.fixture
def document(qapp: QApplication, catalog: Catalog) -> PlanDocument:
    doc = PlanDocument(catalog, today=lambda: date(2026, 12, 1))
    doc.set_plan(plan_with_problems(), None)
    return doc


@pytest.fixture
def panel(qtbot: QtBot, document: PlanDocument) -> WarningsPanel:
    widget = WarningsPanel(document)
    qtbot.addWidget(widget)
    widget.resize(380, 260)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, document: PlanDocument) -> None:
    model = WarningsModel(document)

    qtmodeltester.check(model)
    document.set_plan(clean_plan(), None)
    qtmodeltester.check(model)


def test_model_rows_follow_the_advice(document: PlanDocument) -> None:
    model = WarningsModel(document)
    advice = document.advice
    assert {a.code for a in advice} == {
        AdviceCode.SPECIALTY_BEFORE_ASSOCIATE,
        AdviceCode.PINNED_DATE_UNREACHABLE,
    }

    assert model.rowCount() == len(advice)
    for row, item in enumerate(advice):
        index = model.index(row)
        assert index.data(Qt.ItemDataRole.DisplayRole) == item.message
        assert item.message in index.data(Qt.ItemDataRole.ToolTipRole)
        assert index.data(EntryIdRole) == item.entry_id
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        assert isinstance(icon, QIcon) and not icon.isNull()
    assert "SCS-C03" in model.index(0).data()


def test_model_resets_when_the_plan_changes_including_undo(
    qtbot: QtBot, document: PlanDocument
) -> None:
    model = WarningsModel(document)
    security = document.entry_ids()[0]

    with qtbot.wait_signal(model.modelReset):
        document.remove_entry(security)
    assert model.rowCount() == 1
    assert model.index(0).data(EntryIdRole) == document.entry_ids()[0]

    with qtbot.wait_signal(model.modelReset):
        document.undo_stack.undo()
    assert model.rowCount() == 2


def test_clicking_a_warning_selects_its_entry(
    qtbot: QtBot, panel: WarningsPanel, document: PlanDocument
) -> None:
    developer = document.entry_ids()[1]
    row = next(i for i, a in enumerate(document.advice) if a.entry_id == developer)
    rect = panel.view.visualRect(panel.model.index(row))
    assert rect.isValid()

    with qtbot.wait_signal(document.selection_changed) as blocker:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert blocker.args == [developer]
    assert document.selected_entry_id == developer


def test_enter_on_a_warning_selects_its_entry(
    qtbot: QtBot, panel: WarningsPanel, document: PlanDocument
) -> None:
    security = document.entry_ids()[0]
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0))

    qtbot.keyClick(panel.view, Qt.Key.Key_Return)

    assert document.selected_entry_id == security


def test_plan_wide_advice_selects_nothing(
    qtbot: QtBot, panel: WarningsPanel, document: PlanDocument
) -> None:
    document.update_plan(
        "Cram", availability=WeeklyAvailability(hours_per_weekday=[8, 8, 8, 8, 8, 8, 8])
    )
    row = next(
        i for i, a in enumerate(document.advice) if a.code is AdviceCode.UNREALISTIC_AVAILABILITY
    )
    assert panel.model.index(row).data(EntryIdRole) == ""
    rect = panel.view.visualRect(panel.model.index(row))

    with qtbot.assert_not_emitted(document.selection_changed):
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_no_warnings_placeholder(panel: WarningsPanel, document: PlanDocument) -> None:
    assert panel.view.isVisible()
    assert not panel.placeholder.isVisible()

    document.set_plan(clean_plan(), None)

    assert document.advice == []
    assert panel.placeholder.isVisible()
    assert panel.placeholder.text() == NO_WARNINGS_TEXT
    assert not panel.view.isVisible()


def assert_messages_show_in_full(panel: WarningsPanel) -> None:
    """Each row is tall enough for its message wrapped at the width the style draws it in."""
    view = panel.view
    style = view.style()
    for row in range(panel.model.rowCount()):
        index = panel.model.index(row)
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = view.visualRect(index)
        option.decorationSize = view.iconSize()
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        view.itemDelegate().initStyleOption(option, index)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, view) + 1
        needed = option.fontMetrics.boundingRect(
            QRect(0, 0, text_rect.width() - 2 * margin, 100_000),
            int(Qt.TextFlag.TextWordWrap),
            index.data(),
        )
        assert option.rect.width() <= view.viewport().width()
        assert text_rect.height() >= needed.height(), "the whole message shows, not '…'"


def test_long_warnings_wrap_to_the_view_width(qtbot: QtBot, panel: WarningsPanel) -> None:
    assert_messages_show_in_full(panel)

    panel.resize(260, 300)
    qtbot.wait_until(lambda: panel.view.viewport().width() < 260)

    assert_messages_show_in_full(panel)


def test_invalid_index_has_no_data(document: PlanDocument) -> None:
    model = WarningsModel(document)

    assert model.data(QModelIndex()) is None
    assert model.data(model.index(0), Qt.ItemDataRole.EditRole) is None
