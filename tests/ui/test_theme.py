"""The canvases follow the theme: the system's scheme and its changes at run time, or a light
or dark theme forced from *View › Theme*; both columns come from one colour registry."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import StudyPlan
from studyplanner.style import Colour, is_dark_palette, qcolor
from studyplanner.ui.canvas.ladder import LadderView
from studyplanner.ui.canvas.timeline import TimelineView
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.widgets.theme import ThemeChoice, apply_theme, theme_tracker


@pytest.fixture(autouse=True)
def system_theme_after(qapp: QApplication) -> Iterator[None]:
    """Every test leaves the application on the system theme, as the next one expects."""
    yield
    apply_theme(qapp, ThemeChoice.SYSTEM)


def canvases(qtbot: QtBot, catalog: Catalog, plan: StudyPlan) -> tuple[LadderView, TimelineView]:
    ladder = LadderView(catalog)
    document = PlanDocument(catalog, today=lambda: date(2026, 11, 29))
    timeline = TimelineView(document)
    for view in (ladder, timeline):
        qtbot.addWidget(view)
        view.resize(900, 420)
        view.show()
    document.set_plan(plan, None)
    return ladder, timeline


def background(view: LadderView | TimelineView) -> QColor:
    return view.backgroundBrush().color()


def axis_caption_colour(view: TimelineView) -> QColor:
    for item in view.scene().items():
        if isinstance(item, QGraphicsSimpleTextItem) and item.text() in view.axis_captions():
            return item.brush().color()
    raise AssertionError("no axis caption drawn")


def settle(qtbot: QtBot, view: LadderView | TimelineView, colour: QColor) -> None:
    """Qt delivers the palette change to widgets on the next turn of the event loop."""
    qtbot.waitUntil(lambda: background(view) == colour, timeout=2000)


def corner_pixel(view: LadderView) -> QColor:
    """A pixel of the ladder's own background (its corner is outside every rung)."""
    return view.viewport().grab().toImage().pixelColor(1, 1)


def test_forcing_dark_then_light_repaints_both_canvases(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan, qapp: QApplication
) -> None:
    ladder, timeline = canvases(qtbot, catalog, realistic_plan)
    assert background(ladder) == qcolor(Colour.CANVAS)
    assert axis_caption_colour(timeline) == qcolor(Colour.TEXT)

    apply_theme(qapp, ThemeChoice.DARK)
    assert is_dark_palette(QGuiApplication.palette())
    settle(qtbot, timeline, qcolor(Colour.SURFACE, dark=True))
    assert background(ladder) == qcolor(Colour.CANVAS, dark=True)
    assert corner_pixel(ladder) == qcolor(Colour.CANVAS, dark=True)
    assert background(timeline) == qcolor(Colour.SURFACE, dark=True)
    assert axis_caption_colour(timeline) == qcolor(Colour.TEXT, dark=True)

    apply_theme(qapp, ThemeChoice.LIGHT)
    assert not is_dark_palette(QGuiApplication.palette())
    settle(qtbot, ladder, qcolor(Colour.CANVAS))
    assert corner_pixel(ladder) == qcolor(Colour.CANVAS)
    assert axis_caption_colour(timeline) == qcolor(Colour.TEXT)


def test_the_system_scheme_is_followed_when_it_changes(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan, qapp: QApplication
) -> None:
    ladder, timeline = canvases(qtbot, catalog, realistic_plan)
    tracker = apply_theme(qapp, ThemeChoice.SYSTEM)
    hints = qapp.styleHints()
    # What the platform emits when the desktop switches to dark (offscreen has no desktop).
    with qtbot.wait_signal(tracker.changed) as switched:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert switched.args == [True]
    settle(qtbot, ladder, qcolor(Colour.CANVAS, dark=True))
    assert axis_caption_colour(timeline) == qcolor(Colour.TEXT, dark=True)

    with qtbot.wait_signal(tracker.changed) as switched:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert switched.args == [False]
    settle(qtbot, ladder, qcolor(Colour.CANVAS))


def test_a_forced_theme_ignores_the_system_scheme(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan, qapp: QApplication
) -> None:
    ladder, _timeline = canvases(qtbot, catalog, realistic_plan)
    tracker = apply_theme(qapp, "light")
    with qtbot.assert_not_emitted(tracker.changed):
        qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    qapp.processEvents()
    assert tracker.choice is ThemeChoice.LIGHT
    assert background(ladder) == qcolor(Colour.CANVAS)


def test_one_tracker_per_application(qapp: QApplication) -> None:
    assert theme_tracker(qapp) is apply_theme(qapp, ThemeChoice.DARK)
    assert theme_tracker(qapp).dark


def test_the_view_menu_theme_is_applied_and_remembered(qtbot: QtBot) -> None:
    from studyplanner.storage.catalog_updates import load_app_catalog
    from studyplanner.storage.settings import load_settings
    from studyplanner.ui.widgets.theme import ThemeChoice, theme_tracker
    from studyplanner.ui.window.main_window import MainWindow
    from tests.ui.fake_prompts import FakePrompts

    window = MainWindow(load_app_catalog(), prompts=FakePrompts())
    qtbot.addWidget(window)
    window.open_initial(None)
    try:
        window.theme_menu.choices[ThemeChoice.DARK].trigger()
        assert theme_tracker().dark
        assert window.theme_menu.choices[ThemeChoice.DARK].isChecked()
        assert load_settings().theme == "dark"
    finally:
        window.theme_menu.set_theme(ThemeChoice.LIGHT)
    assert not theme_tracker().dark


def test_the_theme_option_starts_the_app_dark(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STUDYPLANNER_DATA_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "studyplanner", "--theme", "dark", "--smoke"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "first paint after" in result.stdout
