"""The document follows reality: one "today" per refresh and a new one at midnight, every log,
score, pass, retake and baseline one undo step, and new plans keep their dates as a baseline."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from pydantic import ValidationError
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import EntryStatus, PlanEntry, StudyPlan
from studyplanner.domain.progress import Readiness
from studyplanner.ui.document.midnight import MidnightWatch, ms_to_next_midnight
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.document.plan_session import PlanSession
from tests.ui.fake_prompts import FakePrompts
from tests.ui.progress_plans import STARTED, TODAY, months_old_plan


class Clock:
    """A clock the test turns; counts how often it is read."""

    def __init__(self, day: date) -> None:
        self.day = day
        self.reads = 0

    def __call__(self) -> date:
        self.reads += 1
        return self.day


def open_document(catalog: Catalog, plan: StudyPlan, clock: Clock | None = None) -> PlanDocument:
    document = PlanDocument(catalog, today=clock or (lambda: TODAY))
    document.set_plan(plan, None)
    return document


def first_exam(document: PlanDocument) -> date:
    assert document.schedule is not None
    exam = document.schedule.entries[0].exam_date
    assert exam is not None
    return exam


def test_a_plan_started_months_ago_is_planned_from_today(catalog: Catalog) -> None:
    document = open_document(catalog, months_old_plan(logged=False))
    assert document.plan.start_date == STARTED
    assert document.schedule is not None
    assert document.schedule.entries[0].study_start == TODAY
    assert first_exam(document) > TODAY


def test_the_clock_is_read_once_per_refresh_and_again_at_midnight(
    qtbot: QtBot, catalog: Catalog
) -> None:
    clock = Clock(TODAY)
    document = open_document(catalog, months_old_plan(logged=False), clock)
    before = first_exam(document)
    reads = clock.reads
    document.select(document.entry_ids()[0])  # not a refresh
    assert clock.reads == reads

    assert not document.refresh_today(), "same day: nothing to redo"
    clock.day = TODAY + timedelta(days=1)
    watch = MidnightWatch(document, now=lambda: datetime(2026, 11, 29, 23, 59, 59))
    with qtbot.wait_signal(document.changed):
        assert watch.check()
    assert document.today() == TODAY + timedelta(days=1)
    assert first_exam(document) > before, "a day without study pushes the exam back"
    assert document.undo_stack.count() == 0, "a new day is not an edit"


def test_the_midnight_timer_aims_just_past_midnight() -> None:
    assert ms_to_next_midnight(datetime(2026, 11, 29, 23, 59, 0)) == 60_000 + 2000
    assert ms_to_next_midnight(datetime(2026, 11, 29, 0, 0, 0)) == 86_400_000 + 2000


def test_logging_study_is_one_undo_step_and_brings_the_exam_closer(catalog: Catalog) -> None:
    document = open_document(catalog, months_old_plan(logged=False))
    entry_id = document.entry_ids()[0]
    before = first_exam(document)

    assert document.log_session(entry_id, TODAY, 20.0, "VPC labs")

    entry = document.plan.entry(entry_id)
    assert entry.hours_logged == 20.0
    assert entry.status is EntryStatus.STUDYING
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Log 20 h on DVA-C02"
    assert first_exam(document) < before
    document.undo_stack.undo()
    assert document.plan.entry(entry_id).sessions == []
    assert first_exam(document) == before


def test_sessions_can_be_changed_and_deleted_each_as_one_step(catalog: Catalog) -> None:
    document = open_document(catalog, months_old_plan())
    entry_id = document.entry_ids()[0]
    count = len(document.plan.entry(entry_id).sessions)
    assert count > 1

    assert document.update_session(entry_id, 0, hours=3.0, on=TODAY)
    sessions = document.plan.entry(entry_id).sessions
    assert sessions[-1].on == TODAY and sessions[-1].hours == 3.0, "kept in date order"
    assert document.remove_session(entry_id, count - 1)
    assert len(document.plan.entry(entry_id).sessions) == count - 1
    with pytest.raises(ValidationError):
        document.update_session(entry_id, 0, hours=30.0)
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.plan.entry(entry_id).sessions == months_old_plan().entries[0].sessions


def test_scores_make_an_exam_ready(catalog: Catalog) -> None:
    document = open_document(catalog, months_old_plan())
    entry_id = document.entry_ids()[0]
    assert document.readiness_of(entry_id) is Readiness.UNKNOWN
    document.add_score(entry_id, TODAY - timedelta(days=3), 72, "official practice set")
    assert document.readiness_of(entry_id) is Readiness.NOT_READY
    document.add_score(entry_id, TODAY - timedelta(days=2), 84)
    document.add_score(entry_id, TODAY, 86)
    assert document.readiness_of(entry_id) is Readiness.READY
    assert document.remove_score(entry_id, 2)
    assert document.readiness_of(entry_id) is Readiness.NOT_READY
    assert document.undo_stack.count() == 4


def test_passed_and_failed_are_one_step_each(catalog: Catalog) -> None:
    plan = months_old_plan()
    plan.entries[0].pinned_exam_date = TODAY - timedelta(days=5)
    document = open_document(catalog, plan)
    entry_id = document.entry_ids()[0]
    assert any(a.code == "exam-date-passed" and a.entry_id == entry_id for a in document.advice)

    assert document.mark_passed(entry_id, TODAY - timedelta(days=5))
    assert document.plan.entry(entry_id).status is EntryStatus.PASSED
    assert not any(a.code == "exam-date-passed" for a in document.advice)
    document.undo_stack.undo()

    retake = document.plan_retake(entry_id, TODAY - timedelta(days=5))
    assert retake == entry_id
    entry = document.plan.entry(entry_id)
    assert entry.pinned_exam_date is not None
    assert entry.pinned_exam_date >= TODAY - timedelta(days=5) + timedelta(days=14)
    assert "Failed" in entry.notes
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Plan a retake of DVA-C02"


def test_set_baseline_keeps_todays_dates_and_the_shift_follows(catalog: Catalog) -> None:
    document = open_document(catalog, months_old_plan())
    assert document.finish_shift_days is None
    assert document.set_baseline()
    baseline = document.plan.baseline
    assert baseline is not None and baseline.taken_on == TODAY
    assert document.finish_shift_days == 0
    availability = document.plan.availability.model_copy(
        update={"hours_per_weekday": [0.5] * 5 + [1.0] * 2}
    )
    document.update_plan("Change study time", availability=availability)
    shift = document.finish_shift_days
    assert shift is not None and shift > 0


def test_a_new_plan_with_exams_starts_with_its_dates_as_baseline(
    qapp: object, catalog: Catalog
) -> None:
    session = PlanSession(catalog, FakePrompts(), today=lambda: TODAY)
    plan = StudyPlan(start_date=TODAY, entries=[PlanEntry(certification_id="developer-associate")])
    assert session.create(plan)
    baseline = session.document.plan.baseline
    assert baseline is not None and baseline.taken_on == TODAY
    entry_id = session.document.entry_ids()[0]
    assert baseline.exam_dates[entry_id] == first_exam(session.document)

    assert session.new()
    assert session.document.plan.baseline is None, "nothing to keep in an empty plan"


def test_log_target_is_the_selected_unfinished_entry_else_the_one_studied(
    catalog: Catalog,
) -> None:
    document = open_document(catalog, months_old_plan())
    first, second, _third = document.entry_ids()
    assert document.log_target() == first
    document.select(second)
    assert document.log_target() == second
    document.mark_passed(second, TODAY)
    assert document.log_target() == first
