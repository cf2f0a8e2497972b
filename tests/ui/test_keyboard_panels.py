"""Keyboard gaps of issue 21, with real key events to the active window: a shortcut per panel
brings it to the front with the keyboard inside, F6 and the first Tab land where focus shows,
a restored layout's tabs are not Tab stops, and the first arrow after F6 moves in the ladder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDockWidget,
    QScrollArea,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from studyplanner.storage.catalog_updates import load_app_catalog
from studyplanner.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from studyplanner.ui.widgets.readable_note import ReadableNote
from studyplanner.ui.window.dock_focus import behind_a_tab, out_of_sight
from studyplanner.ui.window.main_window import MainWindow
from studyplanner.ui.window.state import remember_window
from tests.ui.fake_prompts import FakePrompts
from tests.ui.test_keyboard import focused, press
from tests.ui.test_main_window import add_by_keyboard, open_window

CTRL = Qt.KeyboardModifier.ControlModifier
PANELS = [
    (Qt.Key.Key_1, "details_dock"),
    (Qt.Key.Key_2, "entry_dock"),
    (Qt.Key.Key_3, "settings_dock"),
    (Qt.Key.Key_4, "progress_dock"),
    (Qt.Key.Key_5, "warnings_dock"),
]


def shows_focus(widget: QWidget, window: MainWindow) -> bool:
    """The keyboard is on something a person can see take it: not a bare panel or scroll area
    (neither draws focus), not in a panel behind a tab."""
    seen = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
    return (
        widget.isVisible()
        and not seen.visibleRegion().isEmpty()
        and not out_of_sight(widget, window)
        and not isinstance(widget, QScrollArea | QDockWidget)
        and type(widget).__name__ not in {"EntryPanel", "PlanSettingsPanel", "DeferredPanel"}
    )


@pytest.mark.parametrize(("key", "name"), PANELS)
def test_ctrl_number_brings_a_panel_to_the_front_with_the_keyboard_in_it(
    qtbot: QtBot, key: Qt.Key, name: str
) -> None:
    window = open_window(qtbot)
    dock: QDockWidget = getattr(window, name)
    other = window.progress_dock if dock is not window.progress_dock else window.details_dock
    other.raise_()
    window.ladder.setFocus()
    qtbot.wait(20)
    press(qtbot, key, CTRL)
    qtbot.waitUntil(lambda: not behind_a_tab(dock, window), timeout=1000)
    assert dock.isAncestorOf(focused())
    assert shows_focus(focused(), window), type(focused()).__name__


def test_ctrl_number_shows_a_closed_panel_again(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    window.settings_dock.close()
    window.ladder.setFocus()
    press(qtbot, Qt.Key.Key_3, CTRL)
    qtbot.waitUntil(lambda: not behind_a_tab(window.settings_dock, window), timeout=1000)
    assert window.settings_dock.isVisible()
    assert window.settings_dock.isAncestorOf(focused())


def test_the_view_menu_names_the_panels_with_their_keys(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    texts = {a.text(): a.shortcut().toString() for a in window.pane_cycle.panel_actions}
    assert texts == {
        "&Certification": "Ctrl+1",
        "E&xam in Plan": "Ctrl+2",
        "Plan &Settings": "Ctrl+3",
        "Pro&gress": "Ctrl+4",
        "&Warnings": "Ctrl+5",
    }
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert set(window.pane_cycle.panel_actions) <= set(view_menu.actions())


def test_f6_into_an_empty_exam_panel_lands_on_its_note(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    window.entry_dock.raise_()
    window.ladder.setFocus()
    qtbot.wait(20)
    press(qtbot, Qt.Key.Key_F6)
    press(qtbot, Qt.Key.Key_F6)
    assert isinstance(focused(), ReadableNote)
    assert shows_focus(focused(), window)


def test_f6_and_the_first_tab_in_a_filled_exam_panel_land_on_fields(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    add_by_keyboard(qtbot, window, "developer-associate")
    window.entry_dock.raise_()
    window.ladder.setFocus()
    qtbot.wait(20)
    press(qtbot, Qt.Key.Key_F6)
    press(qtbot, Qt.Key.Key_F6)
    assert window.entry_dock.isAncestorOf(focused())
    assert shows_focus(focused(), window), type(focused()).__name__
    press(qtbot, Qt.Key.Key_Tab)
    assert shows_focus(focused(), window), type(focused()).__name__


def test_tab_never_stops_on_a_scroll_area_or_a_panel_tab_after_a_restored_layout(
    qtbot: QtBot,
) -> None:
    first = MainWindow(load_app_catalog(), prompts=FakePrompts())
    qtbot.addWidget(first)
    first.open_initial(None)
    first.show()
    first.settings_dock.raise_()
    qtbot.wait(20)
    settings = first.settings
    remember_window(first, settings)
    first.close()

    window = MainWindow(load_app_catalog(), prompts=FakePrompts(), settings=settings)
    qtbot.addWidget(window)
    window.open_initial(None)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    assert window.findChildren(QTabBar)
    window.ladder.setFocus()
    stops: list[QWidget] = []
    unseen: list[str] = []
    for _ in range(80):
        press(qtbot, Qt.Key.Key_Tab)
        if focused() is window.ladder:
            break
        stops.append(focused())
        if not shows_focus(focused(), window):
            unseen.append(type(focused()).__name__)
    else:
        pytest.fail("Tab never came back to the ladder")
    assert not [w for w in stops if isinstance(w, QTabBar) or isinstance(w.parent(), QTabBar)]
    scroll_areas = [w for w in stops if type(w) in (QScrollArea, QAbstractScrollArea)]
    assert not scroll_areas
    assert unseen == []


def test_the_first_arrow_after_f6_moves_in_the_ladder(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    window.timeline.setFocus()
    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)  # back to the ladder
    assert focused() is window.ladder
    start = window.ladder.focused_certification()
    assert start and not window.ladder.selected_certification()
    press(qtbot, Qt.Key.Key_Right)
    moved = window.ladder.selected_certification()
    assert moved and moved != start
    assert window.ladder.focused_certification() == moved


def test_help_lists_every_shortcut(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    keys = {keys for keys, _what in dialog.rows()}
    for number in range(1, 6):
        assert f"Ctrl+{number}" in keys
    assert {"F6", "Shift+F6", "F1", "Ctrl+Z", "Ctrl+0"} <= {
        k for row in keys for k in row.split(", ")
    }
    what = {what for _keys, what in dialog.rows()}
    assert "Keyboard Shortcuts" in what and "Plan Settings" in what
    add_by_keyboard(qtbot, window, "developer-associate")
    assert "Undo" in {what for _keys, what in ShortcutsDialog(window).rows()}  # not "Undo Add…"
