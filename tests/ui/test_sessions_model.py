"""The study log's table model: an entry's sessions, newest first, reloaded when they change and
left alone (selection and scroll kept) when an edit elsewhere in the plan leaves them be."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import WeeklyAvailability
from studyplanner.domain.wording import format_day
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.panels.scores_model import ScoresModel
from studyplanner.ui.panels.sessions_model import SessionsModel
from tests.ui.progress_plans import TODAY, months_old_plan


@pytest.fixture
def document(catalog: Catalog) -> PlanDocument:
    doc = PlanDocument(catalog, today=lambda: TODAY)
    doc.set_plan(months_old_plan(), None)
    return doc


def test_sessions_and_scores_pass_the_model_tester(
    qtmodeltester: ModelTester, document: PlanDocument
) -> None:
    for model in (SessionsModel(document), ScoresModel(document)):
        model.set_entry(document.entry_ids()[0])
        qtmodeltester.check(model)


def test_rows_are_the_entrys_sessions_newest_first(document: PlanDocument) -> None:
    model = SessionsModel(document)
    entry_id = document.entry_ids()[0]
    model.set_entry(entry_id)
    sessions = document.plan.entry(entry_id).sessions
    assert model.rowCount() == len(sessions) > 0
    assert model.index(0, 0).data() == format_day(sessions[-1].on)
    assert model.index(model.rowCount() - 1, 0).data() == format_day(sessions[0].on)


def test_an_edit_elsewhere_leaves_the_table_alone_and_a_new_session_reloads_it(
    qtbot: QtBot, document: PlanDocument
) -> None:
    model = SessionsModel(document)
    entry_id = document.entry_ids()[0]
    model.set_entry(entry_id)
    count = model.rowCount()

    with qtbot.assert_not_emitted(model.modelReset):
        document.update_plan("Weekly hours", availability=WeeklyAvailability.spread(12))

    with qtbot.wait_signal(model.modelReset):
        document.log_session(entry_id, TODAY - timedelta(days=40), 2.0, "Labs")
    assert model.rowCount() == count + 1

    with qtbot.wait_signal(model.modelReset):
        document.undo_stack.undo()
    assert model.rowCount() == count


def test_a_read_only_plan_makes_the_rows_read_only(qtbot: QtBot, document: PlanDocument) -> None:
    model = SessionsModel(document)
    entry_id = document.entry_ids()[0]
    model.set_entry(entry_id)
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable

    with qtbot.wait_signal(model.modelReset):
        document.set_plan(document.plan, None, read_only=True)
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
