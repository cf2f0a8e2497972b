"""Dates can be typed (issue 21): "10 Jan 2024" or "2024-01-10" typed over the date gives
10 Jan 2024, Tab moves to the next field, and the calendar is there for the mouse."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from studyplanner.ui.widgets.form_fields import DateField, bounded_date_edit, from_qdate
from tests.ui.test_main_window import add_by_keyboard, open_window


@pytest.fixture
def form(qtbot: QtBot) -> Iterator[tuple[QLineEdit, DateField, QLineEdit]]:
    """A date field between two text fields, in an active window."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    before, field, after = QLineEdit(), bounded_date_edit(), QLineEdit()
    for widget in (before, field, after):
        layout.addWidget(widget)
    field.setDate(QDate(2026, 12, 7))
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    yield before, field, after  # the window lives as long as the test


def type_over(qtbot: QtBot, field: QDateEdit, text: str) -> None:
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, text)


@pytest.mark.parametrize("typed", ["10 Jan 2024", "2024-01-10", "10 january 2024"])
def test_a_date_typed_over_the_selection_is_taken(
    qtbot: QtBot, form: tuple[QLineEdit, DateField, QLineEdit], typed: str
) -> None:
    _before, field, _after = form
    type_over(qtbot, field, typed)
    assert from_qdate(field.date()) == date(2024, 1, 10)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.text() == "10 Jan 2024"  # shown the field's own way once left


def test_tab_leaves_the_date_field(
    qtbot: QtBot, form: tuple[QLineEdit, DateField, QLineEdit]
) -> None:
    before, field, after = form
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert field.hasFocus()
    assert field.lineEdit().selectedText() == "7 Dec 2026"  # typing replaces the whole date
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert after.hasFocus()
    qtbot.keyClick(after, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert field.hasFocus()
    qtbot.keyClick(field, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert before.hasFocus()


def test_an_unfinished_date_is_put_back_on_leaving(
    qtbot: QtBot, form: tuple[QLineEdit, DateField, QLineEdit]
) -> None:
    _before, field, after = form
    type_over(qtbot, field, "10 Jan")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert after.hasFocus()
    assert from_qdate(field.date()) == date(2026, 12, 7)
    assert field.text() == "7 Dec 2026"


def test_up_and_down_still_step_the_part_under_the_cursor(
    qtbot: QtBot, form: tuple[QLineEdit, DateField, QLineEdit]
) -> None:
    _before, field, _after = form
    field.setFocus()
    field.lineEdit().setCursorPosition(len("7 De"))
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert from_qdate(field.date()) == date(2027, 1, 7)
    field.lineEdit().setCursorPosition(len("7 Jan 20"))
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert from_qdate(field.date()) == date(2026, 1, 7)


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # offscreen
@pytest.mark.parametrize("how", ["click", "alt-down"])
def test_the_calendar_opens_for_the_mouse_and_the_keyboard(
    qtbot: QtBot, form: tuple[QLineEdit, DateField, QLineEdit], how: str
) -> None:
    _before, field, _after = form
    assert field.calendarPopup()
    field.setFocus()
    if how == "click":
        qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=field.arrow_rect().center())
    else:
        qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.calendarWidget()
    qtbot.waitUntil(calendar.isVisible, timeout=1000)
    calendar.setSelectedDate(QDate(2027, 3, 14))
    calendar.activated.emit(QDate(2027, 3, 14))
    qtbot.waitUntil(lambda: not calendar.isVisible(), timeout=1000)
    assert from_qdate(field.date()) == date(2027, 3, 14)


def test_a_typed_start_date_is_one_edit_of_the_plan(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    add_by_keyboard(qtbot, window, "developer-associate")
    window.settings_dock.raise_()
    start = window.plan_settings.start_date
    assert isinstance(start, DateField)
    done = window.document.undo_stack.count()
    type_over(qtbot, start, "10 Jan 2027")
    qtbot.keyClick(start, Qt.Key.Key_Tab)
    assert window.document.plan.start_date == date(2027, 1, 10)
    assert window.document.undo_stack.count() == done + 1
    assert QApplication.focusWidget() is not start


def test_every_date_field_of_the_window_reads_typed_dates(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    add_by_keyboard(qtbot, window, "developer-associate")
    for dock in (window.entry_dock, window.settings_dock):
        dock.raise_()
    fields = window.findChildren(QDateEdit)
    assert len(fields) > 5
    assert all(isinstance(f, DateField) and f.calendarPopup() for f in fields)
