"""The mouse wheel scrolls a panel and never changes a field the person is not in (issue 21):
real wheel events to fields of *Plan settings*, *Exam in plan* and a dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from studyplanner.storage.catalog_updates import load_app_catalog
from studyplanner.ui.widgets.wheel_guard import scroll_area_around
from studyplanner.ui.window.main_window import MainWindow
from tests.ui.test_main_window import add_by_keyboard, open_window

DOWN = QPoint(0, -120)  # one notch towards the person: scrolls down, steps a value down


def wheel(widget: QWidget, delta: QPoint = DOWN) -> None:
    """One notch of the wheel over the middle of ``widget``, as Qt delivers it."""
    at = QPointF(widget.rect().center())
    event = QWheelEvent(
        at,
        QPointF(widget.mapToGlobal(at)),
        QPoint(),
        delta,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def value_of(field: QWidget) -> object:
    if isinstance(field, QComboBox):
        return field.currentIndex()
    assert isinstance(field, QAbstractSpinBox)
    return field.text()


def short_window(qtbot: QtBot) -> MainWindow:
    """A window short enough that the panels' forms scroll."""
    window = open_window(qtbot)
    window.resize(1100, 560)
    qtbot.wait(10)
    return window


def settings_area(window: MainWindow) -> QScrollArea:
    area = scroll_area_around(window.plan_settings.experience)
    assert isinstance(area, QScrollArea)
    return area


def test_the_wheel_over_unfocused_settings_fields_scrolls_the_panel(qtbot: QtBot) -> None:
    window = short_window(qtbot)
    window.settings_dock.raise_()
    panel = window.plan_settings
    area = settings_area(window)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0, "the form must be taller than the panel for this test"
    window.ladder.setFocus()
    fields = [panel.experience, panel.role, panel.direction, panel.start_date]
    fields += [panel.held_certification, panel.held_earned, panel.weekly_hours]
    for field in fields:
        area.ensureWidgetVisible(field)
        bar.setValue(min(bar.value(), bar.maximum() - 40))
        before, scrolled = value_of(field), bar.value()
        wheel(field.lineEdit() if isinstance(field, QAbstractSpinBox) else field)
        wheel(field)
        assert value_of(field) == before, f"the wheel changed {field.objectName() or field}"
        assert bar.value() > scrolled, "the panel did not scroll"
    assert window.document.undo_stack.count() == 0


def test_a_focused_field_still_takes_the_wheel(qtbot: QtBot) -> None:
    window = short_window(qtbot)
    window.settings_dock.raise_()
    experience = window.plan_settings.experience
    experience.setFocus()
    qtbot.waitUntil(experience.hasFocus, timeout=1000)
    before = experience.value()
    wheel(experience, QPoint(0, 120))
    assert experience.value() > before


def test_fields_take_the_keyboard_from_a_click_or_tab_never_from_the_wheel(
    qtbot: QtBot,
) -> None:
    window = open_window(qtbot)
    for dock in (window.settings_dock, window.entry_dock):
        dock.raise_()
        qtbot.wait(1)
    fields = window.findChildren(QAbstractSpinBox) + window.findChildren(QComboBox)
    assert len(fields) > 8
    assert not [f for f in fields if f.focusPolicy() == Qt.FocusPolicy.WheelFocus]


def test_the_wheel_over_the_exam_panel_scrolls_it(qtbot: QtBot) -> None:
    window = short_window(qtbot)
    add_by_keyboard(qtbot, window, "developer-associate")
    window.entry_dock.raise_()
    panel = window.entry_panel
    hours, status = panel.hours, panel.status
    area = scroll_area_around(hours)
    assert isinstance(area, QAbstractScrollArea)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0
    window.ladder.setFocus()
    for field in (hours, status):
        bar.setValue(0)
        before = value_of(field)
        wheel(field)
        assert value_of(field) == before
        assert bar.value() > 0


def test_the_wheel_in_a_dialog_leaves_its_fields_alone(qtbot: QtBot) -> None:
    from studyplanner.ui.dialogs.profile_dialog import NewPlanFromProfileDialog

    dialog = NewPlanFromProfileDialog(None, load_app_catalog().catalog, date(2026, 12, 7))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.role.setFocus()
    for field in (dialog.experience, dialog.direction, dialog.weekly_hours, dialog.start_date):
        before = value_of(field)
        wheel(field)
        assert value_of(field) == before


def test_fields_made_before_and_after_the_window_paints_both_leave_the_wheel_to_the_panel(
    qtbot: QtBot, qapp: QApplication
) -> None:
    """The app guards the wheel only once its window has painted: a field that was already
    there (polished unguarded, as Qt made it) and one made afterwards behave alike."""
    from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox

    from studyplanner.ui.widgets.wheel_guard import guard_wheel, guard_wheel_once_painted

    qapp.removeEventFilter(guard_wheel(qapp))  # as at the start of the app: no guard yet
    try:
        window = QScrollArea()
        qtbot.addWidget(window)
        window.resize(300, 200)
        form = QWidget()
        rows = QFormLayout(form)
        name = QLineEdit()  # where the keyboard is
        made_before = QSpinBox(value=5)
        rows.addRow("Name", name)
        rows.addRow("Before", made_before)
        for n in range(12):
            rows.addRow(f"Row {n}", QWidget(minimumHeight=30))
        window.setWidget(form)
        guard_wheel_once_painted(window)
        window.show()
        qtbot.waitExposed(window)
        assert made_before.focusPolicy() == Qt.FocusPolicy.WheelFocus  # Qt's own, unguarded
        qtbot.waitUntil(lambda: made_before.focusPolicy() == Qt.FocusPolicy.StrongFocus)
        made_after = QSpinBox(value=5)
        rows.insertRow(2, "After", made_after)
        made_after.show()
        qtbot.wait(1)
        assert made_after.focusPolicy() == Qt.FocusPolicy.StrongFocus
        name.setFocus()
        qtbot.waitUntil(name.hasFocus, timeout=1000)
        bar = window.verticalScrollBar()
        assert bar.maximum() > 0
        for field in (made_before, made_after):
            bar.setValue(0)
            wheel(field)
            assert field.value() == 5, "the wheel changed a field the person is not in"
            assert bar.value() > 0, "the panel did not scroll"
        made_after.setFocus()
        qtbot.waitUntil(made_after.hasFocus, timeout=1000)
        wheel(made_after)
        assert made_after.value() == 4, "a field the person is in takes the wheel"
    finally:
        guard_wheel(qapp)
