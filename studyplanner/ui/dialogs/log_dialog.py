"""*Log Study Time*: a small dialog that records one study session in two keystrokes.

It opens with the exam being studied chosen, today's date and the hours the learner usually
has today already typed and selected, so Ctrl+L then Enter logs a normal day; typing a number
first logs a different one. The dialog only collects the session: the caller adds it to the
plan through ``PlanDocument.log_session`` (one undo step).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.plan import MAX_SESSION_NOTE, EntryStatus, WeeklyAvailability
from studyplanner.domain.wording_domains import domain_label
from studyplanner.i18n import _
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.widgets.form_fields import (
    DATE_FORMAT,
    DecimalSpinBox,
    bounded_date_edit,
    from_qdate,
    to_qdate,
)

MAX_SESSION_HOURS = 24.0


@dataclass(frozen=True)
class LoggedSession:
    """What the learner typed: hours studied for one exam on one day."""

    entry_id: str
    on: date
    hours: float
    note: str = ""
    domain: int | None = None
    """The exam domain studied, by its number in the exam guide; None for the whole exam."""


def usual_hours(availability: WeeklyAvailability, day: date) -> float:
    """The hours the learner plans for ``day`` (a day off or a blackout: the average day's),
    rounded to a half hour and at least half an hour: the dialog's starting figure."""
    hours = availability.hours_on(day) or availability.weekly_hours / 7
    return max(0.5, math.floor(hours * 2 + 0.5) / 2)


class LogStudyDialog(QDialog):
    """Exam, date, hours and an optional note; Enter logs them."""

    def __init__(self, document: PlanDocument, entry_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Log Study Time"))
        self.setObjectName("logStudyDialog")
        today = document.today()
        plan = document.current_plan

        self.exam = QComboBox()
        self.exam.setAccessibleName(_("Exam"))
        for entry in plan.entries:
            if entry.status is EntryStatus.PASSED:
                continue
            cert = document.catalog.get(entry.certification_id)
            self.exam.addItem(f"{cert.code}  {cert.name}", entry.id)
        self.exam.setCurrentIndex(max(0, self.exam.findData(entry_id)))

        self.domain = QComboBox()
        self.domain.setAccessibleName(_("Exam domain"))
        self.domain.setToolTip(
            _(
                "The part of the exam guide you studied: its hours come off that domain's. "
                "Any domain spreads them over all of them by weight."
            )
        )

        self.day = bounded_date_edit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(DATE_FORMAT)
        self.day.setMaximumDate(to_qdate(today))  # what happened, not what is planned
        self.day.setDate(to_qdate(today))
        self.day.setAccessibleName(_("Date"))

        self.hours = DecimalSpinBox()
        self.hours.setRange(0.25, MAX_SESSION_HOURS)
        self.hours.setDecimals(2)
        self.hours.setSingleStep(0.5)
        self.hours.set_unit("hour")
        self.hours.setValue(usual_hours(plan.availability, today))
        self.hours.setAccessibleName(_("Hours studied"))

        self.note = QLineEdit()
        self.note.setMaxLength(MAX_SESSION_NOTE)
        self.note.setPlaceholderText(_("Optional: what you studied"))
        self.note.setAccessibleName(_("Note"))

        form = QFormLayout()
        form.addRow(_("Exam:"), self.exam)
        form.addRow(_("Domain:"), self.domain)
        self._form = form
        form.addRow(_("Date:"), self.day)
        form.addRow(_("Hours:"), self.hours)
        form.addRow(_("Note:"), self.note)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.log_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.log_button.setText(_("Log"))
        self.log_button.setDefault(True)
        self.log_button.setEnabled(self.exam.count() > 0)
        self._document = document
        self.problem = QLabel()
        """Why the session cannot be logged as typed (a full log, a day over 24 hours); the
        dialog stays open with what was typed."""
        self.problem.setObjectName("logProblem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        self._offer_domains()
        self.exam.currentIndexChanged.connect(self._offer_domains)
        # The number the learner most likely changes has the focus, already selected.
        self.hours.setFocus(Qt.FocusReason.OtherFocusReason)

    def _offer_domains(self) -> None:
        """The chosen exam's domains (the row hidden for an exam whose guide lists none); the
        domain chosen for another exam is not carried over."""
        self.domain.clear()
        self.domain.addItem(_("Any domain"), None)
        entry_id = self.exam.currentData()
        domains = []
        if entry_id:
            entry = self._document.current_plan.entry(str(entry_id))
            domains = self._document.catalog.get(entry.certification_id).domains
        for domain in domains:
            self.domain.addItem(domain_label(domain.number, domain.name), domain.number)
        self._form.setRowVisible(self.domain, bool(domains))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.hours.selectAll()  # typing replaces the figure; Enter keeps it

    def accept(self) -> None:
        """Log, unless the plan cannot take the session: then say why and keep the typing."""
        session = self.session()
        if session is not None:
            refusal = self._document.current_plan.why_no_session(
                session.entry_id, session.on, session.hours
            )
            if refusal is not None:
                self.problem.setText(refusal[:1].upper() + refusal[1:] + ".")
                self.problem.setVisible(True)
                self.hours.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        super().accept()

    def session(self) -> LoggedSession | None:
        """The session as typed (None when there is no exam left to study)."""
        entry_id = self.exam.currentData()
        if not entry_id:
            return None
        return LoggedSession(
            str(entry_id),
            from_qdate(self.day.date()),
            round(self.hours.value(), 2),
            self.note.text().strip(),
            self.domain.currentData() if self.domain.count() > 1 else None,
        )


def open_log_dialog(document: PlanDocument, entry_id: str, parent: QWidget) -> LogStudyDialog:
    """Open the dialog without blocking (window-modal); on *Log* the session is added to the
    plan as one undo step. Returns the dialog (tests type into it)."""
    dialog = LogStudyDialog(document, entry_id or document.log_target(), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def add() -> None:
        session = dialog.session()
        if session is not None and not document.read_only:
            document.log_session(
                session.entry_id, session.on, session.hours, session.note, session.domain
            )
            document.select(session.entry_id)

    dialog.accepted.connect(add)
    dialog.open()
    return dialog
