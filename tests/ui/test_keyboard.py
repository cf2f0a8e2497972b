"""The window by keyboard alone, with real key events to the active window: Tab stays in what
can be seen, F6 moves between panes, Ctrl+Z works from any field, Enter does not add an exam
twice without asking."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from studyplanner.ui.window.dock_focus import out_of_sight
from studyplanner.ui.window.main_window import MainWindow
from tests.ui.fake_prompts import FakePrompts
from tests.ui.test_main_window import add_by_keyboard, open_window, plan_ids


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifier)


def press_standard(qtbot: QtBot, standard: QKeySequence.StandardKey) -> None:
    combination = QKeySequence(standard)[0]
    qtbot.keyClick(focused(), combination.key(), combination.keyboardModifiers())


def in_dock(window: MainWindow, widget: QWidget) -> str:
    for dock in window.docks:
        if dock.isAncestorOf(widget):
            return dock.objectName()
    return ""


@pytest.mark.parametrize("backwards", [False, True])
def test_tab_never_walks_into_a_panel_behind_a_tab(qtbot: QtBot, backwards: bool) -> None:
    window = open_window(qtbot)
    window.details_dock.raise_()
    window.ladder.setFocus()
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    visited: list[QWidget] = []
    for _ in range(80):
        press(qtbot, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab, modifier)
        if focused() is window.ladder:
            break
        visited.append(focused())
    else:
        pytest.fail("Tab never came back to the ladder")
    assert visited, "Tab went nowhere"
    assert not [w for w in visited if out_of_sight(w, window)]
    docks = {in_dock(window, w) for w in visited}
    assert "dock-settings" not in docks and "dock-entry" not in docks
    assert window.plan_settings.isAncestorOf(focused()) is False
    assert window.timeline in visited  # every pane is on the way


def test_focus_put_in_a_hidden_panel_brings_it_to_the_front(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    window.details_dock.raise_()
    assert out_of_sight(window.plan_settings.name, window)
    window.plan_settings.name.setFocus()  # as a label's Alt+letter does
    assert not out_of_sight(window.plan_settings.name, window)


def test_a_panel_sent_behind_hands_the_keyboard_to_the_one_in_front(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    window.settings_dock.raise_()
    window.plan_settings.name.setFocus()
    window.details_dock.raise_()  # e.g. an undo selected a ladder card
    qtbot.waitUntil(lambda: not window.plan_settings.isAncestorOf(focused()), timeout=1000)
    assert not out_of_sight(focused(), window)
    assert in_dock(window, focused()) == "dock-details"


def test_f6_cycles_the_panes_and_shift_f6_goes_back(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    window.settings_dock.raise_()
    window.ladder.setFocus()
    press(qtbot, Qt.Key.Key_F6)
    assert focused() is window.timeline
    press(qtbot, Qt.Key.Key_F6)
    assert in_dock(window, focused()) == "dock-settings"  # the tab in front
    press(qtbot, Qt.Key.Key_F6)
    assert in_dock(window, focused()) == "dock-warnings"
    press(qtbot, Qt.Key.Key_F6)
    assert focused() is window.ladder
    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert in_dock(window, focused()) == "dock-warnings"
    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert in_dock(window, focused()) == "dock-settings"


def test_f6_leaves_a_note_and_comes_back_to_it(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    add_by_keyboard(qtbot, window, "developer-associate")
    window.entry_dock.raise_()
    notes = window.entry_panel.notes
    notes.setFocus()
    qtbot.keyClicks(notes, "Book")
    press(qtbot, Qt.Key.Key_F6)
    assert in_dock(window, focused()) == "dock-warnings"
    assert window.document.plan.entries[0].notes == "Book"  # committed on leaving
    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is notes  # back where the keyboard was in that pane


def test_ctrl_z_in_a_field_undoes_the_plan_unless_typing(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    add_by_keyboard(qtbot, window, "developer-associate")
    window.settings_dock.raise_()
    name = window.plan_settings.name
    assert isinstance(name, QLineEdit)
    name.setFocus()

    # nothing typed: Ctrl+Z is the plan's undo, and the field keeps the keyboard
    press_standard(qtbot, QKeySequence.StandardKey.Undo)
    assert plan_ids(window) == []
    assert focused() is name
    press_standard(qtbot, QKeySequence.StandardKey.Redo)
    assert plan_ids(window) == ["developer-associate"]

    # typing: Ctrl+Z takes back the typing, not the plan
    original = name.text()
    name.end(False)
    qtbot.keyClicks(name, " 2")
    press_standard(qtbot, QKeySequence.StandardKey.Undo)
    assert name.text() == original
    assert plan_ids(window) == ["developer-associate"]

    # committed with Enter: a plan edit, which Ctrl+Z takes back
    qtbot.keyClicks(name, " 2")
    press(qtbot, Qt.Key.Key_Return)
    assert window.document.plan.name == f"{original} 2"
    press_standard(qtbot, QKeySequence.StandardKey.Undo)
    assert window.document.plan.name == original
    assert name.text() == original
    assert plan_ids(window) == ["developer-associate"]


def test_ctrl_z_in_a_number_box_undoes_the_plan(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    add_by_keyboard(qtbot, window, "developer-associate")
    window.settings_dock.raise_()
    window.plan_settings.weekly_hours.setFocus()
    press_standard(qtbot, QKeySequence.StandardKey.Undo)
    assert plan_ids(window) == []


def test_enter_on_a_card_already_in_the_plan_asks_first(qtbot: QtBot) -> None:
    prompts = FakePrompts(confirm=False)
    window = open_window(qtbot, prompts=prompts)
    add_by_keyboard(qtbot, window, "developer-associate")
    assert prompts.asked == []
    add_by_keyboard(qtbot, window, "developer-associate")
    assert plan_ids(window) == ["developer-associate"]
    (question,) = prompts.texts("confirm")
    assert "DVA-C02" in question and "already in the plan" in question
    assert "already in the plan" in window.statusBar().currentMessage()

    prompts.answer_confirm = True  # a retake, meant
    add_by_keyboard(qtbot, window, "developer-associate")
    assert plan_ids(window) == ["developer-associate", "developer-associate"]
