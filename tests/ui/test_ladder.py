"""The tier ladder shows the catalog by tier, hides retired exams on request, and hands
certifications to the plan by keyboard, double-click or drag."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDrag, QFont, QImage
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.plan import EntryStatus, HeldCertification, PlanEntry, StudyPlan
from studyplanner.ui.canvas import ladder as ladder_module
from studyplanner.ui.canvas.ladder import LadderView, Layout, PlanMark
from studyplanner.ui.document.plan_document import PlanDocument


def make_ladder(qtbot: QtBot, catalog: Catalog) -> LadderView:
    view = LadderView(catalog)
    qtbot.addWidget(view)
    view.resize(1800, 560)  # wide enough for Specialty beside the rungs
    with qtbot.waitActive(view):  # waits on leaving the block; keys need an active window
        view.show()
        view.activateWindow()
    return view


def test_rungs_go_up_and_specialty_stands_beside(qtbot: QtBot, catalog: Catalog) -> None:
    view = make_ladder(qtbot, catalog)
    y = {
        tier: view.card(catalog.by_tier(tier, include_retired=False)[0].id).pos().y()
        for tier in Tier
    }
    assert y[Tier.FOUNDATIONAL] > y[Tier.ASSOCIATE] + view.metrics.height
    assert y[Tier.ASSOCIATE] > y[Tier.PROFESSIONAL] + view.metrics.height
    rightmost_linear = max(
        view.card(c.id).pos().x()
        for tier in (Tier.FOUNDATIONAL, Tier.ASSOCIATE, Tier.PROFESSIONAL)
        for c in catalog.by_tier(tier, include_retired=False)
    )
    assert all(
        view.card(c.id).pos().x() > rightmost_linear
        for c in catalog.by_tier(Tier.SPECIALTY, include_retired=False)
    )


def test_retired_hidden_until_toggled(qtbot: QtBot, catalog: Catalog) -> None:
    view = make_ladder(qtbot, catalog)
    retired = {c.id for c in catalog if c.is_retired}
    assert retired and not retired & set(view.visible_certifications())
    view.set_show_retired(True)
    assert retired <= set(view.visible_certifications())
    assert len(view.visible_certifications()) == len(catalog)


def test_recommended_path_arrows(qtbot: QtBot, catalog: Catalog) -> None:
    view = make_ladder(qtbot, catalog)
    arrows = {item.data(0) for item in view.scene().items() if isinstance(item.data(0), str)}
    assert "solutions-architect-associate->solutions-architect-professional" in arrows
    assert "developer-associate->devops-engineer-professional" in arrows


def test_enter_on_selected_card_asks_to_add(qtbot: QtBot, catalog: Catalog) -> None:
    view = make_ladder(qtbot, catalog)
    with qtbot.wait_signal(view.certification_selected) as selected:
        view.select_certification("developer-associate")
    assert selected.args == ["developer-associate"]
    with qtbot.wait_signal(view.add_requested) as added:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert added.args == ["developer-associate"]


def test_arrow_keys_walk_the_ladder(qtbot: QtBot, catalog: Catalog) -> None:
    view = make_ladder(qtbot, catalog)
    view.select_certification("solutions-architect-associate")
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.selected_certification() == "solutions-architect-professional"
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.selected_certification() == "developer-associate"


def test_retired_cards_cannot_be_added(qtbot: QtBot, catalog: Catalog) -> None:
    view = make_ladder(qtbot, catalog)
    view.set_show_retired(True)
    view.select_certification("sysops-administrator-associate")
    with qtbot.assert_not_emitted(view.add_requested):
        qtbot.keyClick(view, Qt.Key.Key_Return)


def test_click_selects_and_double_click_adds(qtbot: QtBot, catalog: Catalog) -> None:
    view = make_ladder(qtbot, catalog)
    point = view.card_center_in_viewport("cloud-practitioner").toPoint()
    with qtbot.wait_signal(view.certification_selected):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.selected_certification() == "cloud-practitioner"
    with qtbot.wait_signal(view.add_requested) as added:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert added.args == ["cloud-practitioner"]


def test_plan_marks_reach_cards(qtbot: QtBot, catalog: Catalog) -> None:
    view = make_ladder(qtbot, catalog)
    view.set_plan_marks({"developer-associate": PlanMark.PASSED})
    assert view.card("developer-associate").plan_mark == PlanMark.PASSED
    assert view.card("solutions-architect-associate").plan_mark == PlanMark.NONE


def test_held_certifications_are_marked_held_with_their_expiry(
    qtbot: QtBot, catalog: Catalog
) -> None:
    view = make_ladder(qtbot, catalog)
    document = PlanDocument(catalog, today=lambda: date(2026, 11, 29))
    plan = StudyPlan(
        start_date=date(2026, 12, 7),
        held=[
            HeldCertification(certification_id="cloud-practitioner", earned_on=date(2024, 1, 10)),
            HeldCertification(certification_id="ai-practitioner", earned_on=date(2022, 6, 1)),
        ],
        entries=[
            PlanEntry(
                certification_id="developer-associate",
                status=EntryStatus.PASSED,
                passed_on=date(2025, 5, 2),
            ),
            PlanEntry(certification_id="solutions-architect-associate"),
        ],
    )
    document.set_plan(plan, None)
    view.follow(document)

    clf = view.card("cloud-practitioner")
    assert clf.holding is not None and clf.holding.ribbon == "✓ HELD"
    # Passing DVA-C02 on 2 May 2025 already renewed it; SAA-C03 in the plan will again.
    assert "Held since 10 Jan 2024 · valid until 2 May 2028" in clf.toolTip()
    assert "SAA-C03 on" in clf.toolTip()
    dva = view.card("developer-associate")  # passed in the plan: held as well
    assert dva.holding is not None and "valid until 2 May 2028" in dva.toolTip()
    aif = view.card("ai-practitioner")
    assert aif.holding is not None and aif.holding.ribbon == "EXPIRED"
    assert "expired 1 Jun 2025" in aif.toolTip()
    assert view.card("solutions-architect-associate").holding is None  # planned, not held

    document.remove_held(0)
    assert view.card("cloud-practitioner").holding is None
    view.set_show_retired(True)  # a rebuilt ladder keeps the marks
    assert view.card("developer-associate").holding is not None


# --- focus, fonts, reflow, refusals ---------------------------------------------------------


def ring_region(view: LadderView, cert_id: str) -> QImage:
    """The strip just outside a card, where its focus ring is drawn."""
    card = view.card(cert_id)
    rect = view.mapFromScene(card.sceneBoundingRect()).boundingRect()
    return view.viewport().grab(rect).toImage()


def test_the_card_with_keyboard_focus_wears_a_ring(qtbot: QtBot, catalog: Catalog) -> None:
    view = make_ladder(qtbot, catalog)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)  # the first key selects the focused card
    focused = view.focused_certification()
    assert focused and focused == view.selected_certification()
    assert view.card(focused).shows_focus()
    with_ring = ring_region(view, focused)

    other = QLineEdit()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    other.setFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    assert view.focused_certification() == ""
    assert not view.card(focused).shows_focus()
    assert ring_region(view, focused) != with_ring  # the ring is gone from the screen


def test_text_follows_the_application_font_and_never_goes_below_8_pt(
    qtbot: QtBot, catalog: Catalog, qapp: QApplication
) -> None:
    normal = LadderView(catalog)
    qtbot.addWidget(normal)
    original = qapp.font()
    try:
        large = QFont(original)
        large.setPointSizeF(14)
        qapp.setFont(large)
        big = LadderView(catalog)
        qtbot.addWidget(big)
        assert big.metrics.name_font.pointSizeF() > normal.metrics.name_font.pointSizeF()
        assert big.metrics.width > normal.metrics.width

        tiny = QFont(original)
        tiny.setPointSizeF(5)
        qapp.setFont(tiny)
        small = LadderView(catalog)
        qtbot.addWidget(small)
        small.resize(380, 260)  # a cramped window: the ladder scrolls, text keeps its size
        small.show()
        assert small.scale_factor() >= 1.0
        assert min(f.pointSizeF() for f in small.metrics.fonts()) * small.scale_factor() >= 8
        assert small.horizontalScrollBar().maximum() > 0 or small.verticalScrollBar().maximum() > 0
    finally:
        qapp.setFont(original)


def test_a_narrow_ladder_stacks_specialty_under_the_rungs(qtbot: QtBot, catalog: Catalog) -> None:
    view = make_ladder(qtbot, catalog)
    assert view.layout_mode == Layout.BESIDE
    view.resize(640, 500)
    assert view.layout_mode == Layout.STACKED
    assert view.scale_factor() == 1.0
    foundational = view.card("cloud-practitioner").pos().y()
    assert all(
        view.card(c.id).pos().y() > foundational
        for c in catalog.by_tier(Tier.SPECIALTY, include_retired=False)
    )
    lowest_right = max(
        view.card(c).sceneBoundingRect().right() for c in view.visible_certifications()
    )
    assert view.mapFromScene(lowest_right, 0).x() <= view.viewport().width()  # no sideways scroll


def test_dropping_a_retired_card_says_why_nothing_happened(
    qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    class NobodyTakesIt(QDrag):
        def exec(self, *_args: object) -> Qt.DropAction:  # type: ignore[override]
            return Qt.DropAction.IgnoreAction  # the timeline refused it

    monkeypatch.setattr(ladder_module, "QDrag", NobodyTakesIt)
    view = make_ladder(qtbot, catalog)
    view.set_show_retired(True)
    retired = catalog.get("sysops-administrator-associate")
    point = view.card_center_in_viewport(retired.id).toPoint()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    with qtbot.wait_signal(view.message) as said:
        qtbot.mouseMove(view.viewport(), point + QPoint(30, 30))
    assert said.args == [f"{retired.code} {retired.name} is retired and cannot be planned"]
    assert view.notice() == said.args[0]


def test_a_retired_card_let_go_over_the_timeline_is_refused_there_only(
    qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    timeline = QWidget()
    qtbot.addWidget(timeline)

    class TheTimelineRefusedIt(QDrag):
        def exec(self, *_args: object) -> Qt.DropAction:  # type: ignore[override]
            return Qt.DropAction.IgnoreAction

        def target(self) -> QWidget:  # type: ignore[override]
            return timeline  # which showed its own refusal where the card was let go

    monkeypatch.setattr(ladder_module, "QDrag", TheTimelineRefusedIt)
    view = make_ladder(qtbot, catalog)
    view.set_show_retired(True)
    point = view.card_center_in_viewport("sysops-administrator-associate").toPoint()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    with qtbot.assert_not_emitted(view.message):
        qtbot.mouseMove(view.viewport(), point + QPoint(30, 30))
    assert view.notice() == ""


def test_enter_on_a_retired_card_says_why_it_is_not_added(qtbot: QtBot, catalog: Catalog) -> None:
    view = make_ladder(qtbot, catalog)
    view.set_show_retired(True)
    view.select_certification("sysops-administrator-associate")
    with qtbot.wait_signal(view.message):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert "retired" in view.notice()
