"""Shared form fields: number boxes whose unit agrees with the number."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from pytestqt.qtbot import QtBot

from studyplanner.ui.widgets.form_fields import (
    DATE_FORMAT,
    DecimalSpinBox,
    bounded_date_edit,
    signals_blocked,
)


def test_the_unit_follows_the_number_even_when_set_quietly(qtbot: QtBot) -> None:
    spin = DecimalSpinBox()
    qtbot.addWidget(spin)
    spin.setRange(0, 50)
    spin.set_unit("year")
    spin.setValue(2)
    assert spin.text() == "2 years"
    with signals_blocked(spin):  # how panels show a plan without sending edits back
        spin.setValue(1)
    assert spin.text() == "1 year"
    spin.setValue(1.5)
    assert spin.text() == "1.5 years"


@pytest.fixture
def german_desktop() -> Iterator[None]:
    """Qt's default locale as on a German desktop: 'Mär' for March, a comma for decimals."""
    saved = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        yield
    finally:
        QLocale.setDefault(saved)


def test_number_boxes_read_and_write_english_on_a_german_desktop(
    qtbot: QtBot, german_desktop: None
) -> None:
    spin = DecimalSpinBox()
    qtbot.addWidget(spin)
    spin.setRange(0, 500)
    spin.setDecimals(1)
    spin.set_unit("hour")
    spin.setValue(2.5)
    assert spin.text() == "2.5 hours"
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "40.5")
    spin.interpretText()
    assert spin.value() == 40.5  # not 405, as a German reading of "40.5" would give


def test_date_boxes_name_months_in_english_on_a_german_desktop(
    qtbot: QtBot, german_desktop: None
) -> None:
    edit = bounded_date_edit()
    qtbot.addWidget(edit)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setDate(QDate(2027, 3, 7))
    assert edit.text() == "7 Mar 2027"


def test_the_unit_follows_the_number_while_it_is_typed(qtbot: QtBot) -> None:
    """A box that commits only when the typing is done said "1 years" meanwhile."""
    spin = DecimalSpinBox()
    qtbot.addWidget(spin)
    spin.setRange(0, 50)
    spin.setKeyboardTracking(False)
    spin.set_unit("year")
    spin.setValue(3)
    with qtbot.waitActive(spin):
        spin.show()
        spin.activateWindow()
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "1")
    assert spin.text() == "1 year"
    qtbot.keyClicks(spin, "2")
    assert spin.text() == "12 years"
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert spin.value() == 12
