"""The ladder fits the window (issue 21): at the default 1440x900 all of it, arrows and
Specialty included, without scrolling; at 1280x800 and with retired exams shown it keeps the
cards along the path with their arrows and Specialty set apart; a panel widening never moves
the cards sideways."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Tier
from studyplanner.storage.catalog_updates import load_app_catalog
from studyplanner.ui.canvas.ladder import LadderView, Layout
from studyplanner.ui.window.main_window import MainWindow
from tests.ui.fake_prompts import FakePrompts


def window_of_size(qtbot: QtBot, width: int, height: int) -> MainWindow:
    """A fresh window (the default layout) at ``width`` x ``height``."""
    window = MainWindow(load_app_catalog(), prompts=FakePrompts())
    qtbot.addWidget(window)
    window.open_initial(None)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)
    return window


def arrows(view: LadderView) -> set[str]:
    return {
        item.data(0)
        for item in view.scene().items()
        if isinstance(item.data(0), str) and "->" in item.data(0)
    }


def cards_in_view(view: LadderView) -> bool:
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return all(
        shown.contains(view.card(cert_id).sceneBoundingRect())
        for cert_id in view.visible_certifications()
    )


def test_the_whole_ladder_shows_at_the_default_1440_by_900(qtbot: QtBot) -> None:
    window = window_of_size(qtbot, 1440, 900)
    view = window.ladder
    assert view.layout_mode == Layout.BESIDE
    assert view.verticalScrollBar().maximum() == 0
    assert view.horizontalScrollBar().maximum() == 0
    assert cards_in_view(view)
    assert "solutions-architect-associate->solutions-architect-professional" in arrows(view)
    assert "cloud-practitioner->solutions-architect-associate" in arrows(view)
    # Specialty beside the rungs: its cards to the right of every rung's cards
    rungs = [c for c in view.visible_certifications() if view.card(c).cert.tier != Tier.SPECIALTY]
    right_of_rungs = max(view.card(c).sceneBoundingRect().right() for c in rungs)
    specialty = [c for c in view.visible_certifications() if c not in rungs]
    assert specialty
    assert all(view.card(c).sceneBoundingRect().left() > right_of_rungs for c in specialty)


@pytest.mark.parametrize("retired", [False, True])
def test_at_1280_by_800_the_arrows_stay_and_specialty_is_set_apart(
    qtbot: QtBot, retired: bool
) -> None:
    window = window_of_size(qtbot, 1280, 800)
    window.set_show_retired(retired)
    view = window.ladder
    assert view.layout_mode in (Layout.BESIDE, Layout.APART)
    assert "solutions-architect-associate->solutions-architect-professional" in arrows(view)
    assert "developer-associate->devops-engineer-professional" in arrows(view)
    cards = [view.card(c) for c in view.visible_certifications()]
    rungs = [c for c in cards if c.cert.tier != Tier.SPECIALTY]
    specialty = [c for c in cards if c.cert.tier == Tier.SPECIALTY]
    lowest_rung = max(c.sceneBoundingRect().bottom() for c in rungs)
    # apart: below every rung, with more room between than between two rungs
    assert all(c.sceneBoundingRect().top() > lowest_rung + 30 for c in specialty)


def test_retired_exams_shown_at_1440_keep_the_arrows(qtbot: QtBot) -> None:
    window = window_of_size(qtbot, 1440, 900)
    window.set_show_retired(True)
    view = window.ladder
    assert "sysops-administrator-associate" in view.visible_certifications()
    assert "developer-associate->devops-engineer-professional" in arrows(view)


def test_the_cards_do_not_jump_sideways_when_a_panel_is_first_shown(qtbot: QtBot) -> None:
    window = window_of_size(qtbot, 1440, 900)
    view = window.ladder

    def where() -> dict[str, QPointF]:
        return {
            c: QPointF(view.mapFromScene(view.card(c).sceneBoundingRect().topLeft()))
            for c in view.visible_certifications()
        }

    before, layout = where(), view.layout_mode
    dock_width = window.details_dock.width()
    for dock in (window.entry_dock, window.settings_dock, window.progress_dock):
        dock.raise_()
        qtbot.wait(20)
    assert window.details_dock.width() == dock_width
    assert view.layout_mode == layout
    assert where() == before
