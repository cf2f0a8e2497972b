"""Shared form fields: number boxes whose unit agrees with the number."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from studyplanner.ui.form_fields import DecimalSpinBox, signals_blocked


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
