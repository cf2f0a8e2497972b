"""What to do when an exam's date has passed and the plan does not say how it went: *Passed
on…* (one undo step), *Failed — plan a retake* (the failed attempt noted and a new one planned
at least 14 days later, one undo step), or *Move* (the exam date gets the keyboard).

The warnings panel and the exam panel offer the same three actions; both go through
``ExamOutcomes`` so each has one implementation.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from studyplanner.domain.advice import Advice
from studyplanner.domain.wording import format_day
from studyplanner.i18n import N_, _
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.panels.notice_card import NoticeCard

if TYPE_CHECKING:
    from studyplanner.ui.panels.passed_on_dialog import PassedOnDialog

EXAM_DATE_PASSED = "exam-date-passed"
"""The advice code of an exam date that has gone by without the exam marked passed."""

PASSED_TEXT = N_("Passed on…")
FAILED_TEXT = N_("Failed — plan a retake")
MOVE_TEXT = N_("Move")


def exam_day(document: PlanDocument, entry_id: str) -> date | None:
    """The entry's exam date: the pinned one, else the computed one (None when unknown)."""
    with suppress(KeyError):
        entry = document.current_plan.entry(entry_id)
        if entry.pinned_exam_date is not None:
            return entry.pinned_exam_date
        if document.schedule is not None:
            return document.schedule.for_entry(entry_id).exam_date
    return None


def date_passed_advice(document: PlanDocument, entry_id: str) -> Advice | None:
    """The entry's *exam date passed* warning, if it has one."""
    for advice in document.advice:
        if advice.code == EXAM_DATE_PASSED and advice.entry_id == entry_id:
            return advice
    return None


def outcome_day(document: PlanDocument, entry_id: str) -> date:
    """The day the exam was most likely sat: its date, or today if that is still to come."""
    day = exam_day(document, entry_id) or document.today()
    return min(day, document.today())


class ExamOutcomes(QObject):
    """The three answers to "the exam date has passed", for any entry."""

    move_requested = Signal(str)
    """The learner wants to give the entry another exam date: select it and focus its date."""

    def __init__(self, document: PlanDocument, parent: QWidget) -> None:
        super().__init__(parent)
        self._document = document
        self._parent = parent

    def _code(self, entry_id: str) -> str:
        document = self._document
        return document.catalog.get(document.current_plan.entry(entry_id).certification_id).code

    def ask_passed_on(self, entry_id: str) -> PassedOnDialog | None:
        """Ask for the pass date (window-modal, not blocking); *Mark Passed* records it as one
        undo step. Returns the dialog (tests answer it)."""
        from studyplanner.ui.panels.passed_on_dialog import PassedOnDialog  # asked for rarely

        document = self._document
        if document.read_only or entry_id not in document.entry_ids():
            return None
        dialog = PassedOnDialog(
            self._code(entry_id), outcome_day(document, entry_id), document.today(), self._parent
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def record() -> None:
            if entry_id in document.entry_ids() and document.mark_passed(
                entry_id, dialog.chosen_day()
            ):
                document.select(entry_id)

        dialog.accepted.connect(record)
        dialog.open()
        return dialog

    def plan_retake(self, entry_id: str) -> str:
        """The exam was failed on its date: plan the retake (one undo step); returns the entry
        of the new attempt."""
        document = self._document
        if document.read_only or entry_id not in document.entry_ids():
            return ""
        return document.plan_retake(entry_id, outcome_day(document, entry_id))

    def move(self, entry_id: str) -> None:
        if entry_id in self._document.entry_ids():
            self._document.select(entry_id)
            self.move_requested.emit(entry_id)


class ExamDateNotice(NoticeCard):
    """In the exam panel: "The exam date, 3 Nov 2026, has passed. How did it go?" with the
    three answers."""

    passed_requested = Signal()
    failed_requested = Signal()
    move_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Exam date passed"), parent)
        self.passed_button = self.add_button(
            _(PASSED_TEXT), _("Mark the exam passed, on the day you choose")
        )
        self.failed_button = self.add_button(
            _(FAILED_TEXT),
            _(
                "Note the failed attempt and plan the exam again, at least 14 days later "
                "(the fee is counted again)"
            ),
        )
        self.move_button = self.add_button(
            _(MOVE_TEXT), _("You have not sat it yet: choose another date")
        )
        self.passed_button.clicked.connect(self.passed_requested)
        self.failed_button.clicked.connect(self.failed_requested)
        self.move_button.clicked.connect(self.move_requested)

    def show_date(self, code: str, day: date | None) -> None:
        text = (
            _("The {code} exam date, {date}, has passed. How did it go?").format(
                code=code, date=format_day(day)
            )
            if day is not None
            else _("The {code} exam date has passed. How did it go?").format(code=code)
        )
        self.text.setText(text)

    def set_editable(self, editable: bool) -> None:
        for button in (self.passed_button, self.failed_button, self.move_button):
            button.setEnabled(editable)
