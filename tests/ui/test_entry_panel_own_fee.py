"""The exam panel's own fee (issue 23, item 6): typed by keyboard (amount, Tab, currency),
one undo step per finished edit, shown as the learner's with the list price beside it, and
forgotten again with *Use list price* (or 'List price', the lowest amount)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import OwnFee
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.panels.entry_panel import EntryPanel
from tests.ui.test_entry_panel import (
    shown_panel,
    three_exam_document,
    three_exam_plan,
    type_into,
)


@pytest.fixture
def document(catalog: Catalog) -> PlanDocument:
    return three_exam_document(catalog)


@pytest.fixture
def panel(qtbot: QtBot, document: PlanDocument) -> EntryPanel:
    return shown_panel(qtbot, document, 720)


def test_an_own_fee_is_typed_amount_then_currency_as_one_undo_step(
    qtbot: QtBot, panel: EntryPanel, document: PlanDocument
) -> None:
    """SAA-C03 ($150 list) at 189.50 EUR: its voucher from DVA-C02 halves it to 94.75 EUR."""
    _dva, saa, _dop = document.entry_ids()
    document.select(saa)
    assert panel.own_fee.text() == "List price" and panel.own_currency.text() == ""
    assert not panel.use_list_price.isEnabled()
    steps = document.undo_stack.count()

    panel.own_fee.setFocus()
    type_into(qtbot, panel.own_fee, "189.5")
    assert document.plan.entry(saa).own_fee is None, "an amount waits for its currency"
    assert panel.problem.isVisible() and "currency" in panel.problem.text()
    qtbot.keyClick(panel.own_fee, Qt.Key.Key_Tab)
    assert panel.own_currency.hasFocus(), "Tab goes from the amount to its currency"
    qtbot.keyClicks(panel.own_currency, "eur")
    qtbot.keyClick(panel.own_currency, Qt.Key.Key_Return)

    assert document.plan.entry(saa).own_fee == OwnFee(amount=189.5, currency="EUR")
    assert document.undo_stack.count() == steps + 1
    assert document.undo_stack.undoText() == "Set your fee for SAA-C03 to 189.50 EUR"
    assert not panel.problem.isVisible()
    assert panel.own_currency.text() == "EUR"
    assert panel.fee.text() == (
        "189.50 EUR your fee · $150 list · 94.75 EUR with a voucher from DVA-C02"
    )
    assert panel.use_list_price.isEnabled()

    document.undo_stack.undo()
    assert document.plan.entry(saa).own_fee is None
    assert panel.own_fee.text() == "List price"
    assert panel.fee.text() == "$150 list · $75 with a voucher from DVA-C02"
    document.undo_stack.redo()
    assert panel.fee.text().startswith("189.50 EUR your fee")


def test_use_list_price_forgets_it_in_one_step_and_another_exam_offers_the_currency(
    qtbot: QtBot, panel: EntryPanel, document: PlanDocument
) -> None:
    dva, saa, dop = document.entry_ids()
    document.update_entry(dva, "own fee", own_fee={"amount": 165, "currency": "GBP"})
    document.select(dva)
    assert panel.own_currency.text() == "GBP"
    assert panel.fee.text() == (
        "165 GBP your fee · $150 list · full price (no voucher from an earlier pass)"
    )
    qtbot.mouseClick(panel.use_list_price, Qt.MouseButton.LeftButton)
    assert document.plan.entry(dva).own_fee is None
    assert document.undo_stack.undoText() == "Use the list price for DVA-C02"
    document.undo_stack.undo()

    document.select(dop)  # its own fee box is empty, the plan's own fees' currency offered
    assert panel.own_fee.text() == "List price" and panel.own_currency.text() == ""
    assert panel.own_currency.placeholderText() == "GBP"
    panel.own_fee.setFocus()
    type_into(qtbot, panel.own_fee, "300")
    assert document.plan.entry(dop).own_fee == OwnFee(amount=300, currency="GBP")

    panel.own_fee.setFocus()
    panel.own_fee.lineEdit().selectAll()
    qtbot.keyClick(panel.own_fee, Qt.Key.Key_Delete)
    qtbot.keyClicks(panel.own_fee, "0")
    qtbot.keyClick(panel.own_fee, Qt.Key.Key_Return)
    assert document.plan.entry(dop).own_fee is None, "'List price' forgets it"
    assert document.plan.entry(saa).own_fee is None
    QApplication.processEvents()


def test_a_read_only_plan_shows_the_own_fee_without_editing_it(
    panel: EntryPanel, document: PlanDocument
) -> None:
    plan = three_exam_plan()
    plan.entries[0].own_fee = OwnFee(amount=140, currency="EUR")
    document.set_plan(plan, None, read_only=True)
    document.select(document.entry_ids()[0])
    assert panel.own_fee.text() == "140" and panel.own_currency.text() == "EUR"
    assert not panel.own_fee.isEnabled() and not panel.own_currency.isEnabled()
    assert not panel.use_list_price.isEnabled()
