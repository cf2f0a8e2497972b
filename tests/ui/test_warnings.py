"""The warnings list: follows the plan's advice, and choosing a warning selects its exam."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QStyleOptionViewItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from studyplanner.domain.advice import AdviceCode
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    HeldCertification,
    LearnerProfile,
    PlanEntry,
    StudyPlan,
    WeeklyAvailability,
)
from studyplanner.domain.roles import ExperienceField
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.panels.warnings_model import (
    EntryIdRole,
    RenewBeforeRole,
    RenewWithRole,
    ReplaceWithRole,
    WarningsModel,
)
from studyplanner.ui.panels.warnings_panel import NO_WARNINGS_TEXT, WarningsPanel


def plan_with_problems() -> StudyPlan:
    """Security specialty before any Associate, and an unreachable pinned date (by a learner
    with the years of security work the specialty asks for)."""
    return StudyPlan(
        name="Too ambitious",
        start_date=date(2026, 12, 1),
        profile=LearnerProfile(experience_years=6, other_field_years={ExperienceField.SECURITY: 5}),
        availability=WeeklyAvailability.spread(8),
        entries=[
            PlanEntry(certification_id="security-specialty"),
            PlanEntry(certification_id="developer-associate", pinned_exam_date=date(2026, 12, 10)),
        ],
    )


def retired_plan() -> StudyPlan:
    """Developer – Associate, then SysOps Administrator (SOA-C02), retired since 30 Sep 2025."""
    return StudyPlan(
        name="Operations",
        start_date=date(2026, 12, 1),
        profile=LearnerProfile(experience_years=3),
        availability=WeeklyAvailability.spread(8),
        entries=[
            PlanEntry(certification_id="developer-associate"),
            PlanEntry(certification_id="sysops-administrator-associate", notes="Book at Pearson"),
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
    with qtbot.waitActive(widget):  # waits on leaving the block; keys need an active window
        widget.show()
        widget.activateWindow()
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


def test_an_edit_that_leaves_the_advice_alone_keeps_the_list_and_its_current_warning(
    qtbot: QtBot, panel: WarningsPanel, document: PlanDocument
) -> None:
    panel.view.setCurrentIndex(panel.model.index(1))
    with qtbot.assert_not_emitted(panel.model.modelReset):
        document.update_plan("Rename", name="Still too ambitious")
    assert panel.view.currentIndex().row() == 1

    with qtbot.wait_signal(panel.model.modelReset):  # new advice: the list follows it
        document.update_plan("Weekly hours", availability=WeeklyAvailability.spread(30))
    assert [panel.model.advice_at(row) for row in range(panel.model.rowCount())] == (
        document.advice
    )


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


# --- one-click fix: replace a retired exam with its successor --------------------------------


@pytest.fixture
def retired_panel(qtbot: QtBot, document: PlanDocument) -> WarningsPanel:
    document.set_plan(retired_plan(), None)
    widget = WarningsPanel(document)
    qtbot.addWidget(widget)
    widget.resize(380, 320)
    with qtbot.waitActive(widget):  # waits on leaving the block; keys need an active window
        widget.show()
        widget.activateWindow()
    return widget


def retirement_row(document: PlanDocument) -> int:
    return next(i for i, a in enumerate(document.advice) if a.code is AdviceCode.AFTER_RETIREMENT)


def click_row(qtbot: QtBot, panel: WarningsPanel, row: int) -> None:
    rect = panel.view.visualRect(panel.model.index(row))
    assert rect.isValid()
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def cert_ids(document: PlanDocument) -> list[str]:
    return [entry.certification_id for entry in document.plan.entries]


def test_retirement_warning_carries_its_fix(document: PlanDocument) -> None:
    document.set_plan(retired_plan(), None)
    model = WarningsModel(document)
    index = model.index(retirement_row(document))

    assert index.data(ReplaceWithRole) == "cloudops-engineer-associate"
    assert "Replace with SOA-C03" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert all(
        model.index(row).data(ReplaceWithRole) == ""
        for row in range(model.rowCount())
        if row != index.row()
    )


def test_replace_button_puts_the_successor_in_place_as_one_undo_step(
    qtbot: QtBot, retired_panel: WarningsPanel, document: PlanDocument
) -> None:
    sysops = document.entry_ids()[1]

    click_row(qtbot, retired_panel, retirement_row(document))

    assert retired_panel.replace_button.isVisible()
    assert retired_panel.replace_button.text() == "Replace with SOA-C03"
    steps = document.undo_stack.count()
    with qtbot.wait_signal(retired_panel.model.modelReset):
        qtbot.mouseClick(retired_panel.replace_button, Qt.MouseButton.LeftButton)

    assert cert_ids(document) == ["developer-associate", "cloudops-engineer-associate"]
    assert document.plan.entry(sysops).notes == "Book at Pearson"
    assert document.selected_entry_id == sysops
    assert document.undo_stack.count() == steps + 1
    assert document.undo_stack.undoText() == "Replace SOA-C02 with SOA-C03"
    assert all(a.code is not AdviceCode.AFTER_RETIREMENT for a in document.advice)
    assert not retired_panel.fix_bar.isVisible()

    document.undo_stack.undo()

    assert cert_ids(document) == ["developer-associate", "sysops-administrator-associate"]
    assert any(a.code is AdviceCode.AFTER_RETIREMENT for a in document.advice)


def test_replace_is_reachable_from_the_keyboard(
    qtbot: QtBot, retired_panel: WarningsPanel, document: PlanDocument
) -> None:
    plan = retired_plan()
    plan.entries.insert(0, PlanEntry(certification_id="security-specialty"))
    document.set_plan(plan, None)  # a warning that stays after the fix
    retired_panel.view.setFocus()
    retired_panel.view.setCurrentIndex(retired_panel.model.index(retirement_row(document)))

    qtbot.keyClick(retired_panel.view, Qt.Key.Key_Tab)
    assert retired_panel.replace_button.hasFocus()
    qtbot.keyClick(retired_panel.replace_button, Qt.Key.Key_Space)

    assert cert_ids(document)[2] == "cloudops-engineer-associate"
    assert retired_panel.view.hasFocus(), "the keyboard stays in the list"


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_context_menu_offers_the_same_fix(
    qtbot: QtBot, retired_panel: WarningsPanel, document: PlanDocument
) -> None:
    view = retired_panel.view
    rect = view.visualRect(retired_panel.model.index(retirement_row(document)))
    shown: list[list[str]] = []

    def choose_first_action() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        shown.append([action.text() for action in menu.actions()])
        menu.actions()[0].trigger()
        menu.close()

    QTimer.singleShot(50, choose_first_action)
    pos = rect.center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)

    assert shown == [["Replace with SOA-C03"]]
    assert cert_ids(document)[1] == "cloudops-engineer-associate"
    assert document.undo_stack.undoText() == "Replace SOA-C02 with SOA-C03"


def test_warnings_without_a_fix_offer_no_replace(
    qtbot: QtBot, panel: WarningsPanel, document: PlanDocument
) -> None:
    for row in range(panel.model.rowCount()):
        click_row(qtbot, panel, row)
        assert not panel.fix_bar.isVisible()
        assert panel.fix_menu(panel.model.index(row)) is None
    assert panel.fix_menu(QModelIndex()) is None

    with qtbot.assert_not_emitted(document.changed):
        panel.replace_current()


def test_read_only_plan_offers_no_replace(
    qtbot: QtBot, retired_panel: WarningsPanel, document: PlanDocument
) -> None:
    document.set_plan(retired_plan(), None, read_only=True)
    row = retirement_row(document)
    index = retired_panel.model.index(row)

    click_row(qtbot, retired_panel, row)

    assert not retired_panel.fix_bar.isVisible()
    assert retired_panel.fix_menu(index) is None
    assert "Replace with" not in index.data(Qt.ItemDataRole.ToolTipRole)
    retired_panel.replace_current()
    assert cert_ids(document)[1] == "sysops-administrator-associate"
    assert document.undo_stack.count() == 0


def expiring_plan() -> StudyPlan:
    """Cloud Practitioner held since 10 Jan 2024 (expires 10 Jan 2027); Developer next."""
    return StudyPlan(
        start_date=date(2026, 12, 1),
        profile=LearnerProfile(experience_years=2),
        availability=WeeklyAvailability.spread(8),
        held=[
            HeldCertification(certification_id="cloud-practitioner", earned_on=date(2024, 1, 10))
        ],
        entries=[PlanEntry(certification_id="developer-associate")],
    )


def renewal_row(panel: WarningsPanel) -> int:
    rows = [r for r in range(panel.model.rowCount()) if panel.model.index(r).data(RenewWithRole)]
    assert rows, "no warning offers a renewal"
    return rows[0]


def test_an_expiring_certification_offers_its_renewal_as_one_undo_step(
    qtbot: QtBot, panel: WarningsPanel, document: PlanDocument
) -> None:
    document.set_plan(expiring_plan(), None)
    before = document.plan
    row = renewal_row(panel)
    index = panel.model.index(row)
    assert index.data(RenewWithRole) == "cloud-practitioner"  # the cheapest exam that renews it
    assert index.data(RenewBeforeRole) == "2027-01-10"
    assert "Add CLF-C02 before 10 Jan 2027" in index.data(Qt.ItemDataRole.ToolTipRole)

    panel.view.setCurrentIndex(index)
    assert panel.fix_bar.isVisible()
    assert panel.replace_button.text() == "Add CLF-C02 before 10 Jan 2027"
    qtbot.mouseClick(panel.replace_button, Qt.MouseButton.LeftButton)

    plan = document.plan
    assert [e.certification_id for e in plan.entries].count("cloud-practitioner") == 1
    new = next(e for e in plan.entries if e.certification_id == "cloud-practitioner")
    assert document.selected_entry_id == new.id
    schedule = document.schedule
    assert schedule is not None
    exam = schedule.for_entry(new.id).exam_date
    assert exam is not None and exam <= date(2027, 1, 10)
    assert not any(a.renew_with for a in document.advice if a.entry_id is None)

    document.undo_stack.undo()
    assert document.plan == before


def test_the_renewal_is_in_the_warnings_context_menu_too(
    panel: WarningsPanel, document: PlanDocument
) -> None:
    document.set_plan(expiring_plan(), None)
    menu = panel.fix_menu(panel.model.index(renewal_row(panel)))
    assert menu is not None
    (action,) = menu.actions()
    assert action.text() == "Add CLF-C02 before 10 Jan 2027"
    action.trigger()
    assert len(document.plan.entries) == 2
    assert document.undo_stack.count() == 1


def test_a_read_only_plan_offers_no_renewal(panel: WarningsPanel, document: PlanDocument) -> None:
    document.set_plan(expiring_plan(), None, read_only=True)
    index = panel.model.index(renewal_row(panel))
    panel.view.setCurrentIndex(index)
    assert panel.fix_for(index) is None
    assert not panel.fix_bar.isVisible()
