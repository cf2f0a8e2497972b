"""The panel that edits the selected plan entry: hours, exam date, status, who pays, deadline,
progress and notes.

It shows what the scheduler computed for the entry (estimate, study window, exam date) next to
the learner's own numbers, so a change in hours is seen moving the dates at once. Every change
goes through ``PlanDocument.update_entry`` as one undo command, committed when the user finishes
editing a field, never per keystroke.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, Signal, Slot
from PySide6.QtGui import QFont, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.budget import EntryCost
from studyplanner.domain.catalog import Catalog, Certification
from studyplanner.domain.estimates import HourEstimate, credit_text, entry_hours
from studyplanner.domain.plan import MAX_OWN_FEE, MAX_TEXT, EntryStatus, OwnFee, PlanEntry
from studyplanner.domain.wording import (
    STATUS_LABELS,
    format_day,
    format_fee,
    format_hours,
    format_hours_range,
)
from studyplanner.domain.wording_budget import entry_fee_text
from studyplanner.domain.wording_schedule import schedule_text
from studyplanner.domain.wording_validity import valid_until
from studyplanner.i18n import N_, _
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.panels.domain_split import DomainSplitBox
from studyplanner.ui.panels.exam_outcome import (
    ExamDateNotice,
    ExamOutcomes,
    date_passed_advice,
    exam_day,
)
from studyplanner.ui.panels.notice_card import NoticeCard
from studyplanner.ui.panels.readiness_box import ReadinessBox
from studyplanner.ui.panels.study_log import StudyLogBox
from studyplanner.ui.panels.week_view import WeekBox
from studyplanner.ui.widgets.form_fields import (
    DATE_FORMAT,
    DecimalSpinBox,
    align_form_labels,
    bounded_date_edit,
    from_qdate,
    problem_label,
    scrolling,
    signals_blocked,
    to_qdate,
    validation_message,
)
from studyplanner.ui.widgets.readable_note import ReadableNote

PLACEHOLDER_TEXT = N_("Select an exam in the plan to edit it")
MAX_HOURS = 5000.0


def retirement_successor(
    entry: PlanEntry, cert: Certification, exam_date: date | None, catalog: Catalog
) -> Certification | None:
    """The certification that can take a not-yet-passed entry's place because its own exam is
    retired (or retires before the planned exam), or None when there is nothing to replace."""
    if entry.status is EntryStatus.PASSED:
        return None
    replacement = cert.lifecycle.replaced_by
    if not replacement or replacement not in catalog:
        return None
    successor = catalog.get(replacement)
    if successor.is_retired:
        return None
    if cert.is_retired or (exam_date is not None and cert.retired_by(exam_date)):
        return successor
    return None


def retirement_text(cert: Certification, successor: Certification) -> str:
    """'SOA-C02 was retired on 30 Sep 2025. SOA-C03 CloudOps Engineer – Associate replaces
    it.'"""
    end = format_day(cert.lifecycle.ends_on)
    text = (
        _("{code} was retired on {end}. {successor} {name} replaces it.")
        if cert.is_retired
        else _("{code} retires on {end}, before the exam. {successor} {name} replaces it.")
    )
    return text.format(code=cert.code, end=end, successor=successor.code, name=successor.name)


class RetirementNotice(NoticeCard):
    """A card saying the entry's exam is retired, with a button that puts its successor in its
    place."""

    replace_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Retired exam"), parent)
        self.button = self.add_button("")
        self.button.clicked.connect(self.replace_requested)

    def show_successor(self, cert: Certification, successor: Certification) -> None:
        self.text.setText(retirement_text(cert, successor))
        self.button.setText(_("Replace with {code}").format(code=successor.code))
        self.button.setToolTip(
            _(
                "Put {successor} in place of {code}, keeping the notes and hours "
                "studied. Undo brings it back."
            ).format(successor=successor.code, code=cert.code)
        )


class EntryPanel(QWidget):
    """Edits the entry selected in the plan; shows a hint when nothing is selected."""

    log_requested = Signal()
    """*Log Study Time…* was clicked in the study log (the window's action opens it)."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._entry_id = ""
        self._shown_hours = 0.0
        self._offered_currency = ""
        self.outcomes = ExamOutcomes(document, self)
        self._build()
        document.changed.connect(self._refresh)
        document.opened.connect(self._refresh)
        document.selection_changed.connect(self._on_selection_changed)
        self._on_selection_changed(document.selected_entry_id)

    # --- construction --------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self._stack = QStackedWidget()
        outer.addWidget(self._stack)

        self.placeholder = ReadableNote(_(PLACEHOLDER_TEXT))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._stack.addWidget(self.placeholder)

        editor = QWidget()
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)

        self.title = QLabel()
        title_font = QFont(self.title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.dates = QLabel()
        self.dates.setWordWrap(True)
        dates_font = QFont(self.dates.font())
        dates_font.setBold(True)
        self.dates.setFont(dates_font)
        self.dates.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.read_only_note = QLabel(_("Read-only: this plan is open in another window."))
        self.read_only_note.setWordWrap(True)
        column.addWidget(self.title)
        column.addWidget(self.subtitle)
        column.addWidget(self.dates)
        column.addWidget(self.read_only_note)
        self.retirement = RetirementNotice()
        self.retirement.replace_requested.connect(self._replace_with_successor)
        column.addWidget(self.retirement)
        self.date_passed = ExamDateNotice()
        self.date_passed.passed_requested.connect(self._passed)
        self.date_passed.failed_requested.connect(self._failed)
        self.date_passed.move_requested.connect(self.focus_exam_date)
        column.addWidget(self.date_passed)
        self.retirement.hide()  # shown when they apply (_refresh)
        self.date_passed.hide()

        # Exam
        exam_box = QGroupBox(_("Exam"))
        self._exam_form = QFormLayout(exam_box)
        self.status = QComboBox()
        for status, label in STATUS_LABELS.items():
            self.status.addItem(label, status)  # the status's value: 'planned' …
        self._exam_form.addRow(_("Status:"), self.status)
        self.passed_on = self._date_edit()
        self.passed_on.setAccessibleName(_("Passed on"))
        self._exam_form.addRow(_("Passed on:"), self.passed_on)
        self.pinned = QCheckBox(_("Fixed date"))
        self.pinned.setToolTip(_("Keep the exam on a booked date instead of the earliest one"))
        self.pinned_date = self._date_edit()
        self.pinned_date.setAccessibleName(_("Pinned exam date"))
        self._pinned_row = QHBoxLayout()
        self._pinned_row.addWidget(self.pinned)
        self._pinned_row.addWidget(self.pinned_date, 1)
        self._exam_form.addRow(_("Exam date:"), self._pinned_row)
        self.deadline = self._date_edit()
        self.deadline.setAccessibleName(_("Deadline"))
        self.deadline.setToolTip(
            _(
                "The day you need this certification by (your employer's date, the exam's "
                "retirement, or when a certification it renews expires)"
            )
        )
        self.add_deadline = QPushButton(_("Set a deadline"))
        self.add_deadline.setAutoDefault(False)
        self.add_deadline.setToolTip(
            _("Say when you need this certification by, to check there is room for a retake")
        )
        self.clear_deadline = QPushButton(_("Clear"))
        self.clear_deadline.setAutoDefault(False)
        self.clear_deadline.setToolTip(_("This exam has no deadline"))
        self._deadline_row = QHBoxLayout()
        self._deadline_row.addWidget(self.deadline, 1)
        self._deadline_row.addWidget(self.add_deadline, 1)
        self._deadline_row.addWidget(self.clear_deadline)
        self._exam_form.addRow(_("Deadline:"), self._deadline_row)
        # as for an exam without a deadline until one is shown: the hidden form, all of it
        # showing, made the panel (and the panels tabbed with it) claim 100 px more width
        self.deadline.hide()
        self.clear_deadline.hide()
        self.fee = QLabel()
        self.fee.setWordWrap(True)
        self.fee.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fee.setAccessibleName(_("Exam fee"))
        self._exam_form.addRow(_("Fee:"), self.fee)
        self.own_fee = DecimalSpinBox()
        self.own_fee.setRange(0.0, MAX_OWN_FEE)
        self.own_fee.setDecimals(2)
        self.own_fee.setSpecialValueText(_("List price"))
        self.own_fee.setKeyboardTracking(False)
        self.own_fee.setAccessibleName(_("Your fee"))
        self.own_fee.setToolTip(
            _(
                "What you pay for this exam in your own currency, tax included: the budget "
                "counts it instead of the USD list price, and catalog updates keep it"
            )
        )
        self.own_currency = QLineEdit()
        self.own_currency.setMaxLength(3)
        self.own_currency.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,3}"), self.own_currency)
        )
        self.own_currency.setPlaceholderText(_("EUR"))
        self.own_currency.setAccessibleName(_("Currency of your fee"))
        self.own_currency.setToolTip(_("The currency's three-letter code: EUR, GBP, INR, USD, …"))
        self.own_currency.setMaximumWidth(
            self.own_currency.fontMetrics().horizontalAdvance("MMMMM")
        )
        self.use_list_price = QPushButton(_("Use list price"))
        self.use_list_price.setAutoDefault(False)
        self.use_list_price.setToolTip(_("Forget your own fee and count the catalog's list price"))
        self._own_fee_row = QHBoxLayout()
        self._own_fee_row.addWidget(self.own_fee, 1)
        self._own_fee_row.addWidget(self.own_currency)
        self._own_fee_row.addWidget(self.use_list_price)
        self._exam_form.addRow(_("Your fee:"), self._own_fee_row)
        self.paid_by_other = QCheckBox(_("Paid by someone else"))
        self.paid_by_other.setToolTip(
            _(
                "An employer or event voucher pays this exam: it costs the plan nothing, and a "
                "pass still earns a 50 % voucher for a later exam"
            )
        )
        self._exam_form.addRow("", self.paid_by_other)
        self.validity = QLabel()
        self.validity.setWordWrap(True)
        self.validity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.validity.setAccessibleName(_("Valid until"))
        self._exam_form.addRow(_("Validity:"), self.validity)
        column.addWidget(exam_box)

        # Study hours
        hours_box = QGroupBox(_("Study hours"))
        hours_form = QFormLayout(hours_box)
        self.hours = DecimalSpinBox()
        self.hours.setRange(1.0, MAX_HOURS)
        self.hours.setDecimals(0)
        self.hours.setSuffix(_(" h"))
        self.hours.setKeyboardTracking(False)
        self.hours.setAccessibleName(_("Study hours"))
        self.use_estimate = QPushButton(_("Use estimate"))
        self.use_estimate.setToolTip(_("Forget your own figure and plan with the estimate"))
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.hours, 1)
        hours_row.addWidget(self.use_estimate)
        hours_form.addRow(_("Planned hours:"), hours_row)
        self.estimate = QLabel()
        self.estimate.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        hours_form.addRow("", self.estimate)
        column.addWidget(hours_box)
        self.domains = DomainSplitBox(self._document)  # the hours by exam domain
        column.addWidget(self.domains)
        self.week = WeekBox(self._document)  # what to study each day of a week
        column.addWidget(self.week)

        self.study_log = StudyLogBox(self._document)
        self.study_log.log_requested.connect(self.log_requested)
        column.addWidget(self.study_log)
        self.practice = ReadinessBox(self._document)
        column.addWidget(self.practice)

        # Notes
        notes_box = QGroupBox(_("Notes"))
        notes_column = QVBoxLayout(notes_box)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(_("Study resources, booking reference, anything to remember"))
        self.notes.setTabChangesFocus(True)
        self.notes.installEventFilter(self)
        notes_column.addWidget(self.notes)
        column.addWidget(notes_box, 1)

        self.problem = problem_label()
        outer.addWidget(self.problem)
        align_form_labels(self._exam_form, hours_form)

        self._editor = scrolling(editor)
        self._stack.addWidget(self._editor)

        self.hours.editingFinished.connect(self._commit_hours)
        self.use_estimate.clicked.connect(self._use_estimate)
        self.status.activated.connect(self._commit_status)
        self.passed_on.dateChanged.connect(self._commit_passed_on)
        self.pinned.toggled.connect(self._commit_pinned)
        self.pinned_date.dateChanged.connect(self._commit_pinned)
        self.paid_by_other.toggled.connect(self._commit_paid_by_other)
        self.own_fee.editingFinished.connect(self._commit_own_fee)
        self.own_currency.editingFinished.connect(self._commit_own_fee)
        self.use_list_price.clicked.connect(self._use_list_price)
        self.deadline.dateChanged.connect(self._commit_deadline)
        self.add_deadline.clicked.connect(self._set_deadline)
        self.clear_deadline.clicked.connect(self._clear_deadline)

    def _date_edit(self) -> QDateEdit:
        edit = bounded_date_edit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setKeyboardTracking(False)
        return edit

    # --- reading the document -------------------------------------------------------------

    def _entry(self) -> PlanEntry | None:
        if not self._entry_id:
            return None
        try:
            return self._document.current_plan.entry(self._entry_id)
        except KeyError:
            return None

    def _certification(self, entry: PlanEntry) -> Certification:
        return self._document.catalog.get(entry.certification_id)

    def _estimate(self, entry: PlanEntry) -> HourEstimate:
        schedule = self._document.schedule
        if schedule is not None:
            try:
                return schedule.for_entry(entry.id).estimate
            except KeyError:
                pass
        profile = self._document.current_plan.profile
        technical = profile.role.field is not None
        cert = self._certification(entry)
        return entry_hours(entry, cert, profile.experience_years, technical=technical)

    @Slot(str)
    def _on_selection_changed(self, entry_id: str) -> None:
        if entry_id != self._entry_id:
            self._commit_notes()
            self._entry_id = entry_id
            self.problem.hide()
            self.study_log.set_entry(entry_id)
            self.practice.set_entry(entry_id)
            self.domains.set_entry(entry_id)
            self.week.set_highlighted_entry(entry_id)
            self.own_currency.clear()  # what was typed for another exam is not this one's
        self._refresh()

    @Slot()
    def _refresh(self) -> None:
        """Show the document's values without sending any of them back as edits."""
        entry = self._entry()
        if entry is None:
            self._entry_id = ""
            self._stack.setCurrentWidget(self.placeholder)
            return
        self._stack.setCurrentWidget(self._editor)
        cert = self._certification(entry)
        estimate = self._estimate(entry)
        read_only = self._document.read_only

        widgets = (
            self.hours,
            self.status,
            self.passed_on,
            self.pinned,
            self.pinned_date,
            self.notes,
            self.paid_by_other,
            self.deadline,
            self.own_fee,
            self.own_currency,
        )
        with signals_blocked(*widgets):
            self.title.setText(f"{cert.code}  {cert.name}")
            self.subtitle.setText(
                _("{tier} · {minutes} min exam · {fee}").format(
                    tier=cert.tier.label,
                    minutes=cert.exam.minutes,
                    fee=format_fee(cert.exam.fee_usd),
                )
            )
            self.hours.setValue(estimate.hours)
            said = _("Estimate {typical} (range {range})").format(
                typical=format_hours(estimate.typical),
                range=format_hours_range(estimate.low, estimate.high),
            )
            if estimate.credit is not None:
                said = _("{estimate}; {credit}").format(
                    estimate=said, credit=credit_text(estimate.credit, self._document.catalog)
                )
            self.estimate.setText(said)
            self.estimate.setWordWrap(True)
            self.use_estimate.setEnabled(estimate.overridden and not read_only)
            # What the box shows after rounding: leaving it unchanged is not an edit.
            self._shown_hours = self.hours.value()
            self.status.setCurrentIndex(self.status.findData(entry.status.value))
            passed = entry.status is EntryStatus.PASSED
            self._exam_form.setRowVisible(self.passed_on, passed)
            self.passed_on.setDate(to_qdate(entry.passed_on or self._document.today()))
            self.pinned.setChecked(entry.pinned_exam_date is not None)
            self.pinned_date.setDate(to_qdate(entry.pinned_exam_date or self._exam_day(entry)))
            self.pinned_date.setEnabled(entry.pinned_exam_date is not None and not read_only)
            self._exam_form.setRowVisible(self._pinned_row, not passed)
            self.paid_by_other.setChecked(entry.paid_by_other)
            self._exam_form.setRowVisible(self.paid_by_other, not passed)
            self._show_own_fee(entry)
            self._exam_form.setRowVisible(self._own_fee_row, not passed)
            has_deadline = entry.deadline is not None
            self.deadline.setDate(to_qdate(entry.deadline or self._exam_day(entry)))
            # The row first: showing it shows every widget in it.
            self._exam_form.setRowVisible(self._deadline_row, not passed)
            self.deadline.setVisible(has_deadline and not passed)
            self.clear_deadline.setVisible(has_deadline and not passed)
            self.add_deadline.setVisible(not has_deadline and not passed)
            if self.notes.toPlainText() != entry.notes:
                self.notes.setPlainText(entry.notes)

        editors = (
            self.hours,
            self.status,
            self.passed_on,
            self.pinned,
            self.paid_by_other,
            self.deadline,
            self.add_deadline,
            self.clear_deadline,
            self.own_fee,
            self.own_currency,
        )
        for widget in editors:
            widget.setEnabled(not read_only)
        self.use_list_price.setEnabled(entry.own_fee is not None and not read_only)
        self.fee.setText(
            entry_fee_text(
                entry, cert, self._cost(entry), self._document.current_plan, self._document.catalog
            )
        )
        validity = valid_until(self._document.validity_of(entry.id), self._document.catalog)
        self.validity.setText(validity)
        self._exam_form.setRowVisible(self.validity, bool(validity))
        self.notes.setReadOnly(read_only)
        self.read_only_note.setVisible(read_only)
        self.dates.setText(self._dates_text(entry))
        successor = self._successor(entry)
        if successor is not None:
            self.retirement.show_successor(cert, successor)
            self.retirement.button.setEnabled(not read_only)
        self.retirement.setVisible(successor is not None)
        date_passed = date_passed_advice(self._document, entry.id) is not None
        if date_passed:
            self.date_passed.show_date(cert.code, exam_day(self._document, entry.id))
            self.date_passed.set_editable(not read_only)
        self.date_passed.setVisible(date_passed)

    def _show_own_fee(self, entry: PlanEntry) -> None:
        """The entry's own fee in the boxes; without one, 'List price', and the currency box
        keeps what is being typed there, offering (greyed) the currency of the plan's other
        own fees, which an amount typed alone is taken in."""
        own = entry.own_fee
        self.own_fee.setValue(own.amount if own is not None else 0.0)
        if own is not None:
            self.own_currency.setText(own.currency)
        others = [e.own_fee.currency for e in self._document.current_plan.entries if e.own_fee]
        self._offered_currency = others[0] if others else ""
        self.own_currency.setPlaceholderText(self._offered_currency or _("EUR"))

    def _cost(self, entry: PlanEntry) -> EntryCost | None:
        budget = self._document.budget
        if budget is None:
            return None
        for cost in budget.entries:
            if cost.entry_id == entry.id:
                return cost
        return None

    def _successor(self, entry: PlanEntry) -> Certification | None:
        """What can replace the entry's retired exam, if anything."""
        schedule = self._document.schedule
        exam_date = None
        if schedule is not None:
            with suppress(KeyError):
                exam_date = schedule.for_entry(entry.id).exam_date
        catalog = self._document.catalog
        return retirement_successor(entry, self._certification(entry), exam_date, catalog)

    def _exam_day(self, entry: PlanEntry) -> date:
        """The computed exam date, used as the starting point when pinning one."""
        schedule = self._document.schedule
        if schedule is not None:
            try:
                exam = schedule.for_entry(entry.id).exam_date
            except KeyError:
                exam = None
            if exam is not None:
                return exam
        return self._document.today()

    def _dates_text(self, entry: PlanEntry) -> str:
        schedule = self._document.schedule
        if schedule is None:
            return self._document.schedule_error or _("No dates yet")
        try:
            item = schedule.for_entry(entry.id)
        except KeyError:
            return _("No dates yet")
        pinned = entry.pinned_exam_date
        past = pinned if pinned is not None and pinned < self._document.today() else None
        return schedule_text(
            entry.status,
            item.study_start,
            item.study_end,
            item.exam_date,
            item.pinned_unreachable,
            past,
        )

    # --- edits -----------------------------------------------------------------------------

    def _apply(self, text: str, **fields: Any) -> None:
        """Send one edit to the document; a value the plan refuses is explained, not lost."""
        if not self._entry_id or self._document.read_only:
            return
        try:
            self._document.update_entry(self._entry_id, text, **fields)
        except ValidationError as exc:
            self.problem.setText(validation_message(exc))
            self.problem.show()
            return
        self.problem.hide()

    def _code(self) -> str:
        entry = self._entry()
        return self._certification(entry).code if entry else ""

    @Slot()
    def _commit_hours(self) -> None:
        value = self.hours.value()
        if self._entry() is None or value == self._shown_hours:
            return
        self._apply(_("Change hours of {code}").format(code=self._code()), hours_override=value)

    @Slot()
    def _replace_with_successor(self) -> None:
        entry = self._entry()
        successor = self._successor(entry) if entry is not None else None
        if entry is None or successor is None or self._document.read_only:
            return
        self._document.replace_certification(entry.id, successor.id)

    @Slot()
    def _use_estimate(self) -> None:
        self._apply(
            _("Use estimated hours for {code}").format(code=self._code()), hours_override=None
        )

    @Slot()
    def _passed(self) -> None:
        self.outcomes.ask_passed_on(self._entry_id)

    @Slot()
    def _failed(self) -> None:
        self.outcomes.plan_retake(self._entry_id)

    @Slot()
    def focus_exam_date(self) -> None:
        """Put the keyboard on the exam date, pinning it first (one undo step) when it was
        computed: *Move* after an exam date has passed."""
        entry = self._entry()
        if entry is None or self._document.read_only:
            return
        if entry.status is EntryStatus.PASSED:
            return
        if not self.pinned.isChecked():
            self.pinned.setChecked(True)  # commits the pin
        self._editor.ensureWidgetVisible(self.pinned_date)
        self.pinned_date.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(int)
    def _commit_status(self, index: int) -> None:
        entry = self._entry()
        if entry is None:
            return
        status = EntryStatus(self.status.itemData(index))
        if status is entry.status:
            return
        if status is EntryStatus.PASSED:
            passed_on = entry.pinned_exam_date or min(self._exam_day(entry), self._document.today())
            text = _("Mark {code} as passed").format(code=self._code())
            self._apply(text, status=status, passed_on=passed_on)
        else:
            self._apply(
                _("Mark {code} as {status}").format(
                    code=self._code(), status=STATUS_LABELS[status].lower()
                ),
                status=status,
                passed_on=None,
            )

    @Slot()
    def _commit_passed_on(self) -> None:
        entry = self._entry()
        if entry is None or entry.status is not EntryStatus.PASSED:
            return
        day = from_qdate(self.passed_on.date())
        if day == entry.passed_on:
            return
        self._apply(_("Change pass date of {code}").format(code=self._code()), passed_on=day)

    @Slot()
    def _commit_pinned(self) -> None:
        entry = self._entry()
        if entry is None:
            return
        day = from_qdate(self.pinned_date.date()) if self.pinned.isChecked() else None
        self.pinned_date.setEnabled(day is not None)
        if day == entry.pinned_exam_date:
            return
        if day is None:
            text = _("Unpin exam date of {code}")
        elif entry.pinned_exam_date is None:
            text = _("Pin exam date of {code}")
        else:
            text = _("Change exam date of {code}")
        self._apply(text.format(code=self._code()), pinned_exam_date=day)

    @Slot(bool)
    def _commit_paid_by_other(self, paid: bool) -> None:
        entry = self._entry()
        if entry is None or paid == entry.paid_by_other:
            return
        text = _("Mark {code} as paid by someone else") if paid else _("Mark {code} as paid by you")
        self._apply(text.format(code=self._code()), paid_by_other=paid)

    @Slot()
    def _commit_own_fee(self) -> None:
        """The amount and currency as one fee, one undoable edit; 'List price' (0) forgets it.
        An amount without a currency waits for one, and says so."""
        entry = self._entry()
        if entry is None:
            return
        amount = round(self.own_fee.value(), 2)
        currency = self.own_currency.text().strip().upper() or self._offered_currency
        if amount == 0:
            self.problem.hide()
            self._use_list_price()
            return
        if len(currency) != 3:
            self.problem.setText(_("Your fee needs its currency: the three-letter code, e.g. EUR."))
            self.problem.show()
            return
        wanted = OwnFee(amount=amount, currency=currency)
        if wanted == entry.own_fee:
            self.problem.hide()
            return
        text = _("Set your fee for {code} to {fee}").format(
            code=self._code(), fee=format_fee(amount, currency)
        )
        self._apply(text, own_fee=wanted.model_dump())

    @Slot()
    def _use_list_price(self) -> None:
        entry = self._entry()
        if entry is None or entry.own_fee is None:
            return
        self._apply(_("Use the list price for {code}").format(code=self._code()), own_fee=None)

    @Slot()
    def _set_deadline(self) -> None:
        entry = self._entry()
        if entry is None or entry.deadline is not None:
            return
        text = _("Set deadline of {code}").format(code=self._code())
        self._apply(text, deadline=self._exam_day(entry))
        if self.deadline.isVisible():
            self.deadline.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _clear_deadline(self) -> None:
        entry = self._entry()
        if entry is None or entry.deadline is None:
            return
        self._apply(_("Clear deadline of {code}").format(code=self._code()), deadline=None)
        if self.add_deadline.isVisible():
            self.add_deadline.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _commit_deadline(self) -> None:
        entry = self._entry()
        if entry is None or entry.deadline is None:
            return
        day = from_qdate(self.deadline.date())
        if day != entry.deadline:
            self._apply(_("Change deadline of {code}").format(code=self._code()), deadline=day)

    def _commit_notes(self) -> None:
        entry = self._entry()
        if entry is None or self.notes.isReadOnly():
            return
        text = self.notes.toPlainText()
        if text == entry.notes:
            return
        if len(text) > MAX_TEXT:
            self.problem.setText(
                _(
                    "Notes can hold up to {limit} characters; these have {count}. "
                    "Shorten them to save."
                ).format(limit=f"{MAX_TEXT:,}", count=f"{len(text):,}")
            )
            self.problem.show()
            return
        self._apply(_("Edit notes of {code}").format(code=self._code()), notes=text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes and event.type() == QEvent.Type.FocusOut:
            self._commit_notes()
        return super().eventFilter(watched, event)
