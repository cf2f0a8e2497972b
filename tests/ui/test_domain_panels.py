"""Issue 24 in the window: the exam panel's split by exam domain (a rating per domain, one undo
step, the split updated at once), this week day by day, a session's domain in the log dialog,
results by domain with a practice score, and the timeline bar's tooltip."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import (
    DomainRating,
    DomainVerdict,
    EntryStatus,
    PlanEntry,
    PracticeScore,
    StudyPlan,
    StudySession,
    WeeklyAvailability,
)
from studyplanner.ui.canvas.timeline_tips import TimelineWording
from studyplanner.ui.dialogs.log_dialog import LogStudyDialog
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.panels.domain_results import DomainResultsField, parse_result
from studyplanner.ui.panels.domain_split import DomainSplitBox, ratings_after
from studyplanner.ui.panels.readiness_box import ReadinessBox
from studyplanner.ui.panels.week_view import WeekBox

MONDAY = date(2027, 1, 4)
WEDNESDAY = MONDAY + timedelta(days=2)


def saa_plan(*, logged: bool = False) -> StudyPlan:
    """SAA-C03 (30/26/24/20) at 100 h, 2 h every day from Monday 4 Jan 2027; with ``logged``,
    2 h of Domain 1 on that Monday."""
    sessions = [StudySession(on=MONDAY, hours=2, domain=1)] if logged else []
    return StudyPlan(
        name="Domains",
        start_date=MONDAY,
        availability=WeeklyAvailability(hours_per_weekday=[2.0] * 7),
        entries=[
            PlanEntry(
                certification_id="solutions-architect-associate",
                hours_override=100,
                sessions=sessions,
                status=EntryStatus.STUDYING if logged else EntryStatus.PLANNED,
            ),
            PlanEntry(certification_id="cloud-practitioner", status=EntryStatus.PASSED),
        ],
    )


def opened(catalog: Catalog, plan: StudyPlan, today: date = MONDAY) -> PlanDocument:
    document = PlanDocument(catalog, today=lambda: today)
    document.set_plan(plan, None)
    return document


def shown(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()


# --- the split by domain ---------------------------------------------------------------------


def test_the_split_shows_each_domain_by_hand(qtbot: QtBot, catalog: Catalog) -> None:
    """100 h, nothing logged: each domain's hours are its weight of 100 h (the review's 10 h
    go by weight too): 30, 26, 24 and 20 h, all to go."""
    document = opened(catalog, saa_plan())
    box = DomainSplitBox(document)
    qtbot.addWidget(box)
    box.set_entry(document.entry_ids()[0])

    assert not box.isHidden()
    texts = [row.text.text() for row in box.rows]
    assert len(texts) == 4
    assert "Domain 1, Design Secure Architectures" in texts[0]
    assert "30 % of the exam" in texts[0] and "30 h · 0 h logged · 30 h to go" in texts[0]
    assert "26 h · 0 h logged · 26 h to go" in texts[1]
    assert "20 h · 0 h logged · 20 h to go" in texts[3]
    assert box.summary.text() == "100 h to go, 10 h of them review (weakest domains first)"
    assert box.row(2).rating.accessibleName() == (
        "Your rating of Domain 2, Design Resilient Architectures"
    )


def test_a_rating_chosen_with_the_keyboard_is_one_undo_step_and_moves_hours_at_once(
    qtbot: QtBot, catalog: Catalog
) -> None:
    document = opened(catalog, saa_plan())
    box = DomainSplitBox(document)
    box.set_entry(document.entry_ids()[0])
    shown(qtbot, box)
    rating = box.row(3).rating
    before = box.row(3).text.text()
    rating.setFocus()
    assert rating.currentText() == "know some"  # no rating is 'some'

    qtbot.keyClick(rating, Qt.Key.Key_Up)  # 'new to me' is above 'know some'

    entry = document.plan.entries[0]
    assert entry.domain_ratings == {3: DomainRating.NEW}
    assert document.undo_stack.undoText() == (
        "Rate Domain 3, Design High-Performing Architectures of SAA-C03 new to me"
    )
    assert box.row(3).text.text() != before  # more of the hours to study: shown at once
    split = document.analysis.domains_of(entry.id)
    assert split is not None and split.study_order[0] == 3
    assert box.row(3).rating is rating and rating.hasFocus()  # the row stayed, with the focus

    document.undo_stack.undo()
    assert document.plan.entries[0].domain_ratings == {}
    assert rating.currentText() == "know some"
    assert box.row(3).text.text() == before


def test_know_some_clears_a_rating(catalog: Catalog) -> None:
    entry = PlanEntry(
        certification_id="solutions-architect-associate",
        domain_ratings={1: DomainRating.STRONG, 3: DomainRating.NEW},
    )
    assert ratings_after(entry, 3, DomainRating.SOME) == {1: DomainRating.STRONG}
    assert ratings_after(entry, 2, DomainRating.NEW) == {
        1: DomainRating.STRONG,
        2: DomainRating.NEW,
        3: DomainRating.NEW,
    }


def test_no_split_for_a_passed_exam_or_one_without_domains(qtbot: QtBot, catalog: Catalog) -> None:
    retired = next(c for c in catalog if not c.domains)
    plan = saa_plan()
    plan.entries.append(PlanEntry(certification_id=retired.id))
    document = opened(catalog, plan)
    box = DomainSplitBox(document)
    qtbot.addWidget(box)
    box.show()
    box.set_entry(document.entry_ids()[1])  # passed
    assert box.isHidden()
    box.set_entry(document.entry_ids()[2])  # no domains
    assert box.isHidden()
    box.set_entry(document.entry_ids()[0])
    assert not box.isHidden()


def test_read_only_ratings_cannot_change(qtbot: QtBot, catalog: Catalog) -> None:
    document = PlanDocument(catalog, today=lambda: MONDAY)
    document.set_plan(saa_plan(), None, read_only=True)
    box = DomainSplitBox(document)
    qtbot.addWidget(box)
    box.set_entry(document.entry_ids()[0])
    assert not any(row.rating.isEnabled() for row in box.rows)


# --- this week ------------------------------------------------------------------------------


def test_this_week_shows_the_log_before_today_and_the_plan_from_today(
    qtbot: QtBot, catalog: Catalog
) -> None:
    """Monday: 2 h of Domain 1 logged; Tuesday nothing; from Wednesday (today) the plan, 2 h
    a day of Domain 1 (27 h of study left on it): 2 + 5 x 2 = 12 h in the week."""
    document = opened(catalog, saa_plan(logged=True), WEDNESDAY)
    box = WeekBox(document)
    qtbot.addWidget(box)

    assert box.heading.text() == "This week, 4 Jan 2027 – 10 Jan 2027 · 12 h (SAA-C03)"
    described = box.days.accessibleDescription().splitlines()
    assert described[0] == (
        "Mon 4 Jan 2027: SAA-C03 · Domain 1, Design Secure Architectures (logged) · 2 h"
    )
    assert described[1] == "Tue 5 Jan 2027: no study"
    assert described[2] == "Wed 6 Jan 2027: SAA-C03 · Domain 1, Design Secure Architectures · 2 h"
    assert len(described) == 7
    assert "today" in box.days.text()
    assert not box.this_week_button.isEnabled()


def test_previous_and_next_week_with_buttons_and_keys(qtbot: QtBot, catalog: Catalog) -> None:
    document = opened(catalog, saa_plan(), MONDAY)
    box = WeekBox(document)
    shown(qtbot, box)
    box.next_button.click()
    assert box.start == MONDAY + timedelta(days=7)
    assert box.heading.text().startswith("Next week, 11 Jan 2027 – 17 Jan 2027 · 14 h")
    assert box.this_week_button.isEnabled()

    box.days.setFocus()
    qtbot.keyClick(box.days, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert box.start == MONDAY + timedelta(days=14)
    assert box.heading.text().startswith("Week of 18 Jan 2027")
    qtbot.keyClick(box.days, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert box.start == MONDAY
    qtbot.keyClick(box.days, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert box.heading.text().startswith("Last week, 28 Dec 2026")
    assert box.days.accessibleDescription().count("no study") == 7  # before the plan


def test_the_review_and_the_exam_show_in_their_week(qtbot: QtBot, catalog: Catalog) -> None:
    """The review is the last 10 h: 18-22 Feb at 2 h a day (see the calendar's test)."""
    document = opened(catalog, saa_plan(), MONDAY)
    box = WeekBox(document)
    qtbot.addWidget(box)
    box.show_week_of(date(2027, 2, 18))
    text = box.days.accessibleDescription()
    assert "Thu 18 Feb 2027: SAA-C03 · review: Domain 1, Design Secure Architectures" in text
    assert document.schedule is not None
    exam = document.schedule.entries[0].exam_date
    assert exam is not None
    box.show_week_of(exam)
    assert "exam SAA-C03" in box.days.accessibleDescription()


def test_a_rating_changes_this_week_at_once(qtbot: QtBot, catalog: Catalog) -> None:
    document = opened(catalog, saa_plan(), MONDAY)
    box = WeekBox(document)
    qtbot.addWidget(box)
    assert "Domain 1," in box.days.accessibleDescription().splitlines()[0]
    entry = document.plan.entries[0]
    document.update_entry(entry.id, "Rate", domain_ratings={4: DomainRating.NEW})
    assert "Domain 4," in box.days.accessibleDescription().splitlines()[0]


# --- logging and scoring by domain ----------------------------------------------------------


def test_the_log_dialog_names_a_domain_and_any_domain_by_default(
    qtbot: QtBot, catalog: Catalog
) -> None:
    document = opened(catalog, saa_plan(), WEDNESDAY)
    entry_id = document.entry_ids()[0]
    dialog = LogStudyDialog(document, entry_id)
    qtbot.addWidget(dialog)
    assert dialog.domain.currentText() == "Any domain"
    assert [dialog.domain.itemText(i) for i in range(dialog.domain.count())][1:3] == [
        "Domain 1, Design Secure Architectures",
        "Domain 2, Design Resilient Architectures",
    ]
    session = dialog.session()
    assert session is not None and session.domain is None

    dialog.domain.setCurrentIndex(2)
    session = dialog.session()
    assert session is not None and session.domain == 2
    assert document.log_session(
        session.entry_id, session.on, session.hours, session.note, session.domain
    )
    assert document.plan.entries[0].sessions[-1].domain == 2
    split = document.analysis.domains_of(entry_id)
    assert split is not None and split.share(2) is not None
    assert split.share(2).logged == pytest.approx(session.hours)  # type: ignore[union-attr]
    document.undo_stack.undo()
    assert document.plan.entries[0].sessions == []


def test_an_exam_without_domains_hides_the_domain_row(qtbot: QtBot, catalog: Catalog) -> None:
    retired = next(c for c in catalog if not c.domains)
    plan = saa_plan()
    plan.entries.append(PlanEntry(certification_id=retired.id))
    document = opened(catalog, plan, WEDNESDAY)
    dialog = LogStudyDialog(document, document.entry_ids()[2])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.domain.isHidden()
    session = dialog.session()
    assert session is not None and session.domain is None
    dialog.exam.setCurrentIndex(0)  # SAA-C03: its domains offered
    assert not dialog.domain.isHidden() and dialog.domain.count() == 5


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("", None),
        ("55", 55.0),
        (" 62.5 % ", 62.5),
        ("0", 0.0),
        ("100%", 100.0),
        ("meets", DomainVerdict.MEETS),
        ("Needs  Improvement", DomainVerdict.NEEDS_IMPROVEMENT),
        ("needs-improvement", DomainVerdict.NEEDS_IMPROVEMENT),
    ],
)
def test_a_domain_result_is_read_as_typed(typed: str, read: object) -> None:
    assert parse_result(typed) == read


@pytest.mark.parametrize("typed", ["101", "-3", "abc", "55 points", "meet"])
def test_a_domain_result_that_cannot_be_read_is_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_result(typed)


def score_box(qtbot: QtBot, document: PlanDocument) -> ReadinessBox:
    box = ReadinessBox(document)
    box.set_entry(document.entry_ids()[0])
    shown(qtbot, box)
    return box


def test_a_score_with_results_by_domain_is_one_undo_step(qtbot: QtBot, catalog: Catalog) -> None:
    document = opened(catalog, saa_plan(), WEDNESDAY)
    box = score_box(qtbot, document)
    field: DomainResultsField = box.domain_results
    assert not field.isHidden() and sorted(field.boxes) == [1, 2, 3, 4]
    qtbot.keyClick(field.toggle, Qt.Key.Key_Space)  # the boxes open from the keyboard
    assert field.boxes[2].isVisible()
    field.boxes[2].setFocus()
    qtbot.keyClicks(field.boxes[2], "55")
    field.boxes[4].setFocus()
    qtbot.keyClicks(field.boxes[4], "meets")
    qtbot.keyClick(field.boxes[4], Qt.Key.Key_Return)  # Enter adds the score

    (score,) = document.plan.entries[0].scores
    assert score.domains == {2: 55.0, 4: DomainVerdict.MEETS}
    assert field.boxes[2].currentText() == ""  # the next attempt has its own results
    assert "Domain 2, Design Resilient Architectures, 55 %" in box.readiness.text()
    document.undo_stack.undo()
    assert document.plan.entries[0].scores == []


def test_a_result_that_cannot_be_read_keeps_everything_typed(
    qtbot: QtBot, catalog: Catalog
) -> None:
    document = opened(catalog, saa_plan(), WEDNESDAY)
    box = score_box(qtbot, document)
    field = box.domain_results
    field.toggle.setChecked(True)
    field.boxes[1].setEditText("70")
    field.boxes[3].setEditText("lots")
    box.add_score()

    assert document.plan.entries[0].scores == []
    assert document.undo_stack.count() == 0
    assert box.problem.text() == (
        "Domain 3: type a percent from 0 to 100, or choose meets or needs improvement "
        "(or leave it empty)."
    )
    assert not box.problem.isHidden()
    assert field.boxes[3].currentText() == "lots" and field.boxes[1].currentText() == "70"
    assert QApplication.focusWidget() in (field.boxes[3], field.boxes[3].lineEdit())


def test_the_scores_tooltip_lists_its_domain_results(catalog: Catalog) -> None:
    plan = saa_plan()
    plan.entries[0].scores = [
        PracticeScore(on=MONDAY, percent=70, domains={3: DomainVerdict.NEEDS_IMPROVEMENT})
    ]
    document = opened(catalog, plan, WEDNESDAY)
    box = ReadinessBox(document)
    box.set_entry(document.entry_ids()[0])
    tip = box.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "70 % on 4 Jan 2027\nDomain 3: needs improvement"
    box.deleteLater()


# --- the timeline's tooltip -----------------------------------------------------------------


def test_the_bar_tooltip_shows_the_split(catalog: Catalog) -> None:
    document = opened(catalog, saa_plan(logged=True), WEDNESDAY)
    analysis = document.analysis
    assert analysis.schedule is not None
    wording = TimelineWording(
        catalog, {c.id: c for c in catalog}, WEDNESDAY, split_of=analysis.domains_of
    )
    saa, passed = analysis.schedule.entries
    lines = wording.entry_tooltip(saa).split("<br>")
    heading = lines.index("<b>By exam domain</b>")
    assert lines[heading + 1].startswith(
        "Domain 1, Design Secure Architectures (30 %): 30 h, 2 h logged, 28 h to go"
    )
    assert len(lines) == heading + 5
    assert "By exam domain" not in wording.entry_tooltip(passed)
    assert "By exam domain" not in TimelineWording(catalog, {}, WEDNESDAY).entry_tooltip(saa)


def test_a_sessions_domain_is_edited_in_place_with_the_keyboard(
    qtbot: QtBot, catalog: Catalog
) -> None:
    from studyplanner.ui.panels.sessions_model import DOMAIN
    from studyplanner.ui.panels.study_log import StudyLogBox

    document = opened(catalog, saa_plan(logged=True), WEDNESDAY)
    box = StudyLogBox(document)
    box.set_entry(document.entry_ids()[0])
    shown(qtbot, box)
    cell = box.model.index(0, DOMAIN)
    assert cell.data() == "Domain 1"
    assert not box.table.isColumnHidden(DOMAIN)
    box.table.setFocus()
    box.table.setCurrentIndex(cell)

    qtbot.keyClick(box.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not box.table
    qtbot.keyClick(editor, Qt.Key.Key_Down)  # Domain 1 -> Domain 2
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits it on the next turn of events

    qtbot.waitUntil(lambda: document.plan.entries[0].sessions[0].domain == 2)
    qtbot.waitUntil(lambda: box.model.index(0, DOMAIN).data() == "Domain 2")  # reloaded next
    document.undo_stack.undo()
    assert document.plan.entries[0].sessions[0].domain == 1


def test_an_exam_without_domains_hides_the_sessions_domain_column(
    qtbot: QtBot, catalog: Catalog
) -> None:
    from studyplanner.ui.panels.sessions_model import DOMAIN
    from studyplanner.ui.panels.study_log import StudyLogBox

    retired = next(c for c in catalog if not c.domains)
    plan = saa_plan()
    plan.entries = [
        PlanEntry(
            certification_id=retired.id,
            sessions=[StudySession(on=MONDAY, hours=1)],
            status=EntryStatus.STUDYING,
        )
    ]
    document = opened(catalog, plan, WEDNESDAY)
    box = StudyLogBox(document)
    qtbot.addWidget(box)
    box.set_entry(document.entry_ids()[0])
    assert box.table.isColumnHidden(DOMAIN)
    assert not box.model.flags(box.model.index(0, DOMAIN)) & Qt.ItemFlag.ItemIsEditable
