"""The plan document: every edit is one undo step and undo restores the plan exactly."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studyplanner.domain.analysis import PlanAnalysis, analyse
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    HeldCertification,
    PlanEntry,
    StudyPlan,
    StudySession,
    WeeklyAvailability,
)
from studyplanner.ui.document import plan_document
from studyplanner.ui.document.plan_document import PlanDocument


def test_opening_is_not_an_edit(qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan) -> None:
    document = PlanDocument(catalog)
    with qtbot.wait_signal(document.opened):
        document.set_plan(realistic_plan, None)
    assert document.undo_stack.count() == 0
    assert document.plan == realistic_plan


def test_edit_sequence_undoes_to_the_original(
    qtbot: QtBot, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    document = PlanDocument(catalog)
    document.set_plan(realistic_plan, None)
    snapshots = [document.plan]
    first = document.plan.entries[0].id
    document.insert_certification("security-specialty", 1)
    snapshots.append(document.plan)
    document.move_entry(first, 2)
    snapshots.append(document.plan)
    document.update_entry(first, "Change hours", hours_override=42)
    snapshots.append(document.plan)
    document.update_plan("Hours", availability=WeeklyAvailability.spread(12))
    snapshots.append(document.plan)
    document.remove_entry(first)
    snapshots.append(document.plan)
    assert document.undo_stack.count() == 5

    for expected in reversed(snapshots[:-1]):
        document.undo_stack.undo()
        assert document.plan == expected
    for expected in snapshots[1:]:
        document.undo_stack.redo()
        assert document.plan == expected


def test_no_op_edit_pushes_nothing(catalog: Catalog, realistic_plan: StudyPlan) -> None:
    document = PlanDocument(catalog)
    document.set_plan(realistic_plan, None)
    entry = document.plan.entries[0]
    assert not document.update_entry(entry.id, "Same", notes=entry.notes)
    assert document.undo_stack.count() == 0


def test_schedule_follows_weekly_hours(catalog: Catalog, realistic_plan: StudyPlan) -> None:
    document = PlanDocument(catalog)
    document.set_plan(realistic_plan, None)
    assert document.schedule is not None
    before = document.schedule.finish_date
    assert before is not None
    document.update_plan("More hours", availability=WeeklyAvailability.spread(16))
    after = document.schedule.finish_date
    assert after is not None and after < before


def test_a_plan_field_edit_shares_nothing_with_the_plan_before_or_the_caller(
    catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    """Setting a plan's own fields changes a shallow copy of it (a quicker edit of a long
    plan); the plan installed still has every part of its own, so changing the value handed
    in, or undoing, changes nothing else."""
    document = PlanDocument(catalog)
    document.set_plan(realistic_plan, None)
    before, original = document.plan, document.current_plan
    availability = WeeklyAvailability.spread(16)
    assert document.update_plan("More hours", name="Renamed", availability=availability)
    availability.hours_per_weekday[0] = 9.0  # the caller's object, changed afterwards
    edited = document.current_plan
    assert edited.name == "Renamed"
    assert edited.availability == WeeklyAvailability.spread(16)
    assert edited.availability is not availability
    assert edited.entries == original.entries
    assert all(new is not old for new, old in zip(edited.entries, original.entries, strict=True))
    document.undo_stack.undo()
    assert document.plan == before
    document.undo_stack.redo()
    assert document.current_plan == edited


def test_zero_hours_is_reported_not_raised(catalog: Catalog, realistic_plan: StudyPlan) -> None:
    document = PlanDocument(catalog)
    document.set_plan(realistic_plan, None)
    document.update_plan("No time", availability=WeeklyAvailability(hours_per_weekday=[0] * 7))
    assert document.schedule is None
    assert document.schedule_error and "zero" in document.schedule_error
    document.undo_stack.undo()
    assert document.schedule is not None


def test_read_only_document_refuses_edits(catalog: Catalog, realistic_plan: StudyPlan) -> None:
    document = PlanDocument(catalog)
    document.set_plan(realistic_plan, None, read_only=True)
    assert document.insert_certification("security-specialty") == ""
    assert document.plan == realistic_plan


def test_replacing_a_retired_exam_keeps_its_place_and_is_one_undo_step(
    qapp: QApplication, catalog: Catalog
) -> None:
    document = PlanDocument(catalog, today=lambda: date(2026, 12, 1))
    old = PlanEntry(
        certification_id="sysops-administrator-associate",
        hours_override=50,
        notes="my notes",
        sessions=[StudySession(on=date(2026, 12, 1), hours=12)],
    )
    first = PlanEntry(certification_id="cloud-practitioner")
    document.set_plan(StudyPlan(start_date=date(2026, 12, 1), entries=[first, old]), None)
    assert any(a.replace_with == "cloudops-engineer-associate" for a in document.advice)

    assert document.replace_certification(old.id, "cloudops-engineer-associate")
    replaced = document.plan.entries[1]
    assert (replaced.id, replaced.certification_id) == (old.id, "cloudops-engineer-associate")
    assert (replaced.notes, replaced.hours_logged, replaced.hours_override) == (
        "my notes",
        12,
        None,
    )
    assert document.undo_stack.undoText() == "Replace SOA-C02 with SOA-C03"
    assert not any(a.replace_with for a in document.advice)

    document.undo_stack.undo()
    assert document.plan.entries[1] == old


def held_clf_plan() -> StudyPlan:
    """Cloud Practitioner held since 10 Jan 2024 (expires 10 Jan 2027), then three exams."""
    return StudyPlan(
        start_date=date(2026, 12, 7),
        availability=WeeklyAvailability.spread(8),
        held=[
            HeldCertification(certification_id="cloud-practitioner", earned_on=date(2024, 1, 10))
        ],
        entries=[
            PlanEntry(certification_id="developer-associate"),
            PlanEntry(certification_id="solutions-architect-associate"),
            PlanEntry(certification_id="devops-engineer-professional"),
        ],
    )


def test_held_certifications_are_added_in_date_order_and_removed_as_undo_steps(
    qapp: QApplication, catalog: Catalog
) -> None:
    document = PlanDocument(catalog, today=lambda: date(2026, 12, 1))
    document.set_plan(held_clf_plan(), None)
    before = document.plan

    assert document.add_held("ai-practitioner", date(2023, 5, 2))
    assert [h.certification_id for h in document.plan.held] == [
        "ai-practitioner",
        "cloud-practitioner",
    ]
    assert document.undo_stack.undoText() == "Add held AIF-C01"
    assert document.remove_held(1)
    assert [h.certification_id for h in document.plan.held] == ["ai-practitioner"]
    assert document.undo_stack.undoText() == "Remove held CLF-C02"
    assert not document.remove_held(5)

    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.plan == before


def test_the_document_offers_validities_and_fees_with_the_schedule(
    qapp: QApplication, catalog: Catalog
) -> None:
    document = PlanDocument(catalog, today=lambda: date(2026, 12, 1))
    document.set_plan(held_clf_plan(), None)
    held = [v for v in document.validities if v.entry_id is None]
    assert [(v.certification_id, v.first_expiry) for v in held] == [
        ("cloud-practitioner", date(2027, 1, 10))
    ]
    dva = document.plan.entries[0].id
    validity = document.validity_of(dva)
    assert validity is not None and validity.certification_id == "developer-associate"
    budget = document.budget
    assert budget is not None and budget.with_vouchers_usd < budget.list_usd

    document.update_plan("No time", availability=WeeklyAvailability(hours_per_weekday=[0] * 7))
    # The held one keeps its expiry; the planned exams have no date, so renew nothing.
    assert [(v.certification_id, v.expires_on, v.renewals) for v in document.validities] == [
        ("cloud-practitioner", date(2027, 1, 10), ())
    ]
    assert document.validity_of(dva) is None and document.budget is None


def test_adding_a_renewal_is_one_undo_step_that_selects_the_new_exam(
    qapp: QApplication, catalog: Catalog
) -> None:
    document = PlanDocument(catalog, today=lambda: date(2026, 12, 1))
    document.set_plan(held_clf_plan(), None)
    before = document.plan
    new_id = document.add_renewal("cloud-practitioner", date(2027, 1, 10))

    assert new_id and document.selected_entry_id == new_id
    plan = document.plan
    assert len(plan.entries) == 4
    assert plan.entry(new_id).certification_id == "cloud-practitioner"
    schedule = document.schedule
    assert schedule is not None
    exam = schedule.for_entry(new_id).exam_date
    assert exam is not None and exam <= date(2027, 1, 10)
    assert document.undo_stack.undoText() == "Add CLF-C02 before 10 Jan 2027"

    document.undo_stack.undo()
    assert document.plan == before
    document.read_only = True
    assert document.add_renewal("cloud-practitioner", date(2027, 1, 10)) == ""


def count_work(
    monkeypatch: pytest.MonkeyPatch, document: PlanDocument
) -> tuple[list[date], list[str]]:
    """The days the plan is worked out for, and the notifications the document sends, from
    now on."""
    worked: list[date] = []
    told: list[str] = []

    def counted(plan: StudyPlan, catalog: Catalog, today: date) -> PlanAnalysis:
        worked.append(today)
        return analyse(plan, catalog, today)

    monkeypatch.setattr(plan_document, "analyse", counted)
    document.changed.connect(lambda: told.append("changed"))
    document.opened.connect(lambda: told.append("opened"))
    document.selection_changed.connect(lambda entry_id: told.append("selection_changed"))
    return worked, told


def test_opening_works_the_plan_out_once_and_tells_once(
    monkeypatch: pytest.MonkeyPatch, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    """Every pane redraws on ``opened``: a ``changed`` as well would redraw each twice."""
    document = PlanDocument(catalog)
    worked, told = count_work(monkeypatch, document)

    document.set_plan(realistic_plan, None)

    assert len(worked) == 1 and told == ["opened"]
    assert document.schedule is document.analysis.schedule is not None


def test_opening_another_plan_clears_the_selection_it_had(
    monkeypatch: pytest.MonkeyPatch, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    document = PlanDocument(catalog)
    document.set_plan(realistic_plan, None)
    document.select(document.entry_ids()[0])
    worked, told = count_work(monkeypatch, document)

    document.set_plan(realistic_plan, None)

    assert len(worked) == 1 and told == ["opened", "selection_changed"]
    assert document.selected_entry_id == ""


def test_one_edit_works_the_plan_out_once_and_tells_once(
    monkeypatch: pytest.MonkeyPatch, catalog: Catalog, realistic_plan: StudyPlan
) -> None:
    document = PlanDocument(catalog)
    document.set_plan(realistic_plan, None)
    before = document.analysis
    worked, told = count_work(monkeypatch, document)

    document.update_plan("More hours", availability=WeeklyAvailability.spread(16))
    assert len(worked) == 1 and told == ["changed"]
    assert document.analysis is not before

    document.undo_stack.undo()
    assert len(worked) == 2 and told == ["changed", "changed"]
