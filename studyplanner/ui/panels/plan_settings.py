"""The plan's own settings: its name and start, who the learner is and what they already hold,
when they can study, what the exams cost, and notes about the whole plan.

Changing the weekly hours is the quickest way to see the whole schedule move, so the panel
offers one "hours a week" control beside the seven per-weekday ones and keeps them in step.
Every change is one undo command through ``PlanDocument.update_plan``; a value the plan refuses
(a blackout that ends before it starts, an empty name) is explained and left in the field.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QPalette, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.budget import Budget
from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.lifecycle import Validity
from studyplanner.domain.plan import (
    MAX_TEXT,
    WEEKDAYS,
    Blackout,
    HeldCertification,
    LearnerProfile,
    StudyPlan,
    WeeklyAvailability,
    clean_plan_name,
)
from studyplanner.domain.roles import Direction, ExperienceField, Role
from studyplanner.domain.wording import (
    assumed_text,
    count_text,
    format_amounts,
    format_day,
    format_weekly_hours,
    plural,
)
from studyplanner.i18n import N_, _, ngettext
from studyplanner.ui.document.plan_document import PlanDocument
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

NO_DIRECTION = N_("(none)")
MAX_WEEKLY_HOURS = 7 * 24.0
NO_VOUCHER_LIMIT = N_("No limit assumed")
VOUCHER_ASSUMPTION = N_(
    "An assumption you can change: no published limit was found on how long the 50 % voucher "
    "from a pass stays usable, and AWS's policy says a voucher's expiry date cannot be "
    "extended."
)
WORST_CASE_TIP = N_(
    "Every exam still to sit failed once and paid again at full price (a voucher only covers "
    "the first attempt); a retake waits at least 14 days."
)
DAY_LABELS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
"""The day boxes' captions, Monday first (a translation can shorten a name its own way)."""


def focus_areas_text(areas: list[str]) -> str:
    return ", ".join(areas)


def parse_focus_areas(text: str) -> list[str]:
    """'SAP, data lake,, security ' -> ['SAP', 'data lake', 'security']."""
    return [part.strip() for part in text.split(",") if part.strip()]


def describe_blackout(blackout: Blackout) -> str:
    if blackout.start == blackout.end:
        span = format_day(blackout.start)
    else:
        span = f"{format_day(blackout.start)} – {format_day(blackout.end)}"
    return _("{span}  {label}").format(span=span, label=blackout.label) if blackout.label else span


def describe_held(held: HeldCertification, catalog: Catalog, validity: Validity | None) -> str:
    """'CLF-C02 Cloud Practitioner', then 'earned 10 Jan 2024 · expires 10 Jan 2027' on a
    second line, with the renewal when the plan renews it ('renewed by SAA-C03 on 28 May 2027
    · expires 28 May 2030')."""
    cert_id = held.certification_id
    if cert_id not in catalog:
        return _("{cert}\nearned {date}").format(cert=cert_id, date=format_day(held.earned_on))
    cert = catalog.get(cert_id)
    text = f"{cert.code} {cert.name}"
    if cert.is_retired:
        text = _("{cert} (retired exam)").format(cert=text)
    text = _("{cert}\nearned {date}").format(cert=text, date=format_day(held.earned_on))
    if validity is None:
        return text
    if validity.renewals:
        last = validity.renewals[-1]
        code = catalog.get(last.certification_id).code
        renewed = assumed_text(
            _("renewed by {code} on {date}").format(code=code, date=format_day(last.on)),
            last.assumed,
        )
        text = _("{held} · {renewed}").format(held=text, renewed=renewed)
    return _("{held} · expires {date}").format(held=text, date=format_day(validity.expires_on))


def held_validity(held: HeldCertification, validities: list[Validity]) -> Validity | None:
    """The computed validity of a held certification (matched on certification and date)."""
    for validity in validities:
        if (
            validity.entry_id is None
            and validity.certification_id == held.certification_id
            and validity.earned_on == held.earned_on
        ):
            return validity
    return None


def budget_figures(budget: Budget | None) -> tuple[str, str, str]:
    """The three fee totals as shown: list price, with vouchers, worst case ('—' without a
    schedule)."""
    if budget is None:
        return ("—", "—", "—")
    return (
        format_amounts(budget.list_price.pairs),
        format_amounts(budget.with_vouchers.pairs),
        format_amounts(budget.worst_case.pairs),
    )


class VoucherMonthsSpinBox(QSpinBox):
    """Months a pass voucher stays usable; the lowest step reads "No limit assumed" (None)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 120)
        self.setSpecialValueText(_(NO_VOUCHER_LIMIT))
        self.setKeyboardTracking(False)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.valueChanged.connect(self._update_unit)
        self._update_unit(self.value())

    @Slot(int)
    def _update_unit(self, value: int) -> None:
        self.setSuffix(f" {plural(value, 'month')}")

    def months(self) -> int | None:
        value = self.value()
        return None if value == 0 else value

    def set_months(self, months: int | None) -> None:
        """Also keeps the unit right when the value is set with signals blocked."""
        self.setValue(0 if months is None else months)
        self._update_unit(self.value())


def _hours_spin(suffix: str, maximum: float) -> DecimalSpinBox:
    spin = DecimalSpinBox()
    spin.setRange(0.0, maximum)
    spin.setDecimals(3)  # a spread weekend day can be 2.125 h
    spin.setSingleStep(0.5)
    spin.setSuffix(suffix)
    spin.setKeyboardTracking(False)
    return spin


FIELD_YEARS_TIP = N_(
    "Years of work in your field, on AWS or not; used to check Specialty exams such as "
    "Advanced Networking (5+ years of networking). Left unset, your years on AWS are used."
)
NO_FIELD_TIP = N_(
    "Does not apply to this role: no exam asks for years in a manager's or other "
    "non-engineering field."
)


_FIELD_NAMES = {
    ExperienceField.SOFTWARE: N_("software"),
    ExperienceField.ARCHITECTURE: N_("architecture"),
    ExperienceField.OPERATIONS: N_("operations"),
    ExperienceField.DATA: N_("data"),
    ExperienceField.SECURITY: N_("security"),
    ExperienceField.NETWORKING: N_("networking"),
    ExperienceField.MACHINE_LEARNING: N_("ML / AI"),
}
"""Short names for a form label ("Years in ML / AI"), so a narrow panel keeps its fields."""


def field_years_label(role: Role) -> str:
    """'Years in networking:' for the role's field; 'Years in your field:' when it has none."""
    field = role.field
    if field is None:
        return _("Years in your field:")
    return _("Years in {field}:").format(field=_(_FIELD_NAMES[field]))


def field_years_caption() -> QLabel:
    """The label of the field-years box, as wide as its widest wording, so that choosing
    another role does not shift the form's fields sideways (the caller sets the text)."""
    label = QLabel()
    metrics = label.fontMetrics()
    texts = [field_years_label(role) for role in Role]
    label.setText(max(texts, key=lambda text: metrics.horizontalAdvance(text)))
    return label


def other_fields_summary(years: dict[ExperienceField, float]) -> str:
    """'networking 3 years, security 1 year', or 'None given', for the button that opens the
    dialog."""
    if not years:
        return _("None given")
    order = list(ExperienceField)
    return ", ".join(
        _("{field} {years}").format(field=field.label, years=count_text(value, "year"))
        for field, value in sorted(years.items(), key=lambda item: order.index(item[0]))
    )


class OptionalYearsSpinBox(DecimalSpinBox):
    """Years that may be unknown: the step below 0 shows "Not set" and means None.

    Clearing the box also means "not set"; negative numbers cannot be typed.
    """

    NOT_SET = N_("Not set")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1.0, 50.0)
        self.setDecimals(1)
        self.setSingleStep(0.5)
        self.setSpecialValueText(_(self.NOT_SET))
        self.set_unit("year")
        self.setValue(self.minimum())

    def years(self) -> float | None:
        value = self.value()
        return None if value < 0 else value

    def set_years(self, years: float | None) -> None:
        self.setValue(self.minimum() if years is None else years)

    def _unset_text(self, text: str) -> bool:
        number = text.strip().removesuffix("years").removesuffix("year").strip()
        return not number or text.strip().casefold() == _(self.NOT_SET).casefold()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if self._unset_text(text):
            return QValidator.State.Acceptable, text, pos
        body = text.removesuffix(self.suffix())
        typed = "".join(c for c in body if c.isdigit() or c in ".,")
        if typed and "".join(c for c in body if c not in typed) == _(self.NOT_SET):
            text, pos = typed + self.suffix(), len(typed)  # a number typed into "Not set"
        if text.lstrip().startswith("-"):
            return QValidator.State.Invalid, text, pos
        return super().validate(text, pos)

    def valueFromText(self, text: str) -> float:
        if self._unset_text(text):
            return self.minimum()
        return super().valueFromText(text)

    def stepBy(self, steps: int) -> None:
        """Step from "Not set" to 0 and from the lowest years back to "Not set"."""
        value = self.value()
        if value < 0 < steps:
            self.setValue(0.0)
            steps -= 1
        elif steps < 0 and value + steps * self.singleStep() < 0:
            self.setValue(self.minimum())
            steps = 0
        if steps:
            super().stepBy(steps)
        self.selectAll()


def _compact(combo: QComboBox) -> None:
    """Let a combo with long labels shrink with a narrow panel instead of widening it."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)


class PlanSettingsPanel(QWidget):
    """Edits the plan's name, start date, learner profile, weekly hours and blackout periods."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._shown_experience = 0.0
        self._shown_field_years: float | None = None
        self._shown_notes = ""
        self._shown_weekly = 0.0
        self._shown_days = [0.0] * len(WEEKDAYS)
        self._build()
        document.changed.connect(self._refresh)
        document.opened.connect(self._show_opened_plan)
        self._refresh()

    # --- construction --------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        content = QWidget()
        column = QVBoxLayout(content)

        plan_box = QGroupBox(_("Plan"))
        plan_form = QFormLayout(plan_box)
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        plan_form.addRow(_("Name:"), self.name)
        self.start_date = self._date_edit()
        self.start_date.setToolTip(_("The first day of study"))
        plan_form.addRow(_("Start studying:"), self.start_date)
        self.readiness_target = DecimalSpinBox()
        self.readiness_target.setRange(50.0, 100.0)
        self.readiness_target.setDecimals(0)
        self.readiness_target.setSuffix(" %")
        self.readiness_target.setKeyboardTracking(False)
        self.readiness_target.setAccessibleName(_("Readiness target"))
        self.readiness_target.setToolTip(
            _("An exam is ready when your last two practice scores reach this")
        )
        plan_form.addRow(_("Ready at:"), self.readiness_target)
        column.addWidget(plan_box)

        fees_box = QGroupBox(_("Exam fees"))
        fees_form = QFormLayout(fees_box)
        self.list_price = QLabel()
        self.list_price.setToolTip(_("The catalog fee of every exam still to sit"))
        fees_form.addRow(_("List price:"), self.list_price)
        self.with_vouchers = QLabel()
        self.with_vouchers.setToolTip(
            _(
                "Each pass earns one 50 % voucher for a later exam; they are used where they "
                "save the most. Exams paid by someone else cost nothing."
            )
        )
        fees_form.addRow(_("With vouchers:"), self.with_vouchers)
        self.worst_case = QLabel()
        self.worst_case.setToolTip(_(WORST_CASE_TIP))
        fees_form.addRow(_("Worst case:"), self.worst_case)
        for figure in (self.list_price, self.with_vouchers, self.worst_case):
            figure.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.voucher_months = VoucherMonthsSpinBox()
        self.voucher_months.setToolTip(_(VOUCHER_ASSUMPTION))
        self.voucher_months.setAccessibleName(_("Voucher valid for"))
        fees_form.addRow(_("Voucher valid for:"), self.voucher_months)
        self.voucher_note = QLabel(f"<i>{_(VOUCHER_ASSUMPTION)}</i>")
        self.voucher_note.setWordWrap(True)
        self.voucher_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        fees_form.addRow(self.voucher_note)
        column.addWidget(fees_box)

        profile_box = QGroupBox(_("Learner"))
        profile_form = QFormLayout(profile_box)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role.value)
        _compact(self.role)
        profile_form.addRow(_("Role:"), self.role)
        self.experience = DecimalSpinBox()
        self.experience.setRange(0.0, 50.0)
        self.experience.setDecimals(1)
        self.experience.setSingleStep(0.5)
        self.experience.set_unit("year")
        self.experience.setKeyboardTracking(False)
        self.experience.setToolTip(_("Years of hands-on AWS experience; it scales the estimates"))
        profile_form.addRow(_("Years on AWS:"), self.experience)
        self.field_years = OptionalYearsSpinBox()
        self.field_years.setKeyboardTracking(False)
        self.field_years_label = field_years_caption()
        self.field_years_label.setBuddy(self.field_years)
        profile_form.addRow(self.field_years_label, self.field_years)
        self.other_fields = QPushButton()
        self.other_fields.setToolTip(
            _(
                "Years in fields of work other than your role's, for the exams that ask for "
                "them (Advanced Networking: networking; Security: security); a field not set "
                "counts as 0"
            )
        )
        other_fields_label = QLabel(_("Years in &other fields:"))
        other_fields_label.setBuddy(self.other_fields)
        profile_form.addRow(other_fields_label, self.other_fields)
        self.direction = QComboBox()
        self.direction.addItem(_(NO_DIRECTION), "")
        for direction in Direction:
            self.direction.addItem(direction.label, direction.value)
        _compact(self.direction)
        profile_form.addRow(_("Career direction:"), self.direction)
        self.focus_areas = QLineEdit()
        self.focus_areas.setPlaceholderText(_("e.g. serverless, data lake, SAP"))
        self.focus_areas.setToolTip(_("Your organisation's focus areas, separated by commas"))
        profile_form.addRow(_("Organisation focus:"), self.focus_areas)
        column.addWidget(profile_box)

        held_box = QGroupBox(_("Certifications you hold"))
        held_box.setToolTip(
            _(
                "Certifications you already have: they expire 3 years after you earned them, "
                "and the plan's exams can renew them"
            )
        )
        held_column = QVBoxLayout(held_box)
        self.held = QListWidget()
        self.held.setMinimumHeight(48)
        self.held.setMaximumHeight(110)
        self.held.setAccessibleName(_("Certifications you hold"))
        self.held.setWordWrap(True)
        held_column.addWidget(self.held)
        self.remove_held = QPushButton(_("Remove"))
        self.remove_held.setToolTip(_("Forget the selected certification"))
        # Aligned rather than pushed by a stretch: a spacer nested in a sub-layout can be freed
        # twice when the window is garbage-collected (PySide 6.11, tests/ui/test_lifetimes.py).
        held_column.addWidget(self.remove_held, 0, Qt.AlignmentFlag.AlignRight)
        # Nested layouts go in empty and are filled after: PySide 6.11 wraps the items of a
        # filled layout when it is added, and can free those wrappers twice when the window
        # is garbage-collected (tests/ui/test_lifetimes.py).
        held_form = QFormLayout()
        held_column.addLayout(held_form)
        held_form.setContentsMargins(0, 0, 0, 0)
        self.held_certification = QComboBox()
        self.held_certification.setAccessibleName(_("Certification held"))
        self._fill_held_choices(self._document.catalog)
        _compact(self.held_certification)
        held_form.addRow(_("Certification:"), self.held_certification)
        earned_row = QHBoxLayout()
        self.held_earned = self._date_edit()
        self.held_earned.setAccessibleName(_("Earned on"))
        self.add_held = QPushButton(_("Add"))
        self.add_held.setToolTip(_("Add this certification to the ones you hold"))
        earned_row.addWidget(self.held_earned, 1)
        earned_row.addWidget(self.add_held)
        held_form.addRow(_("Earned on:"), earned_row)
        column.addWidget(held_box)

        time_box = QGroupBox(_("Study time"))
        time_column = QVBoxLayout(time_box)
        time_form = QFormLayout()
        time_column.addLayout(time_form)
        time_form.setContentsMargins(0, 0, 0, 0)
        self.weekly_hours = _hours_spin(_(" h/week"), MAX_WEEKLY_HOURS)
        self.weekly_hours.setToolTip(
            _("Spread this total over the week: a little each weekday, more at the weekend")
        )
        time_form.addRow(_("Hours a week:"), self.weekly_hours)
        days = QGridLayout()
        time_column.addLayout(days)
        days.setHorizontalSpacing(4)
        self.day_hours: list[DecimalSpinBox] = []
        for index, day in enumerate(WEEKDAYS):
            label = QLabel(_(DAY_LABELS[index]))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            spin = _hours_spin("", 24.0)
            spin.setMinimumWidth(36)
            spin.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            spin.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.NoButtons)
            spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
            spin.setAccessibleName(_("Hours on {day}").format(day=_(day)))
            spin.setToolTip(_("Study hours on {day}s").format(day=_(day)))
            label.setBuddy(spin)
            days.addWidget(label, 0, index)
            days.addWidget(spin, 1, index)
            self.day_hours.append(spin)
            spin.editingFinished.connect(self._commit_day_of_sender)
        column.addWidget(time_box)

        blackout_box = QGroupBox(_("Blackout periods"))
        blackout_box.setToolTip(_("Holidays or busy weeks without any study"))
        blackout_column = QVBoxLayout(blackout_box)
        self.blackouts = QListWidget()
        self.blackouts.setMinimumHeight(56)
        self.blackouts.setMaximumHeight(120)
        self.blackouts.setAccessibleName(_("Blackout periods"))
        blackout_column.addWidget(self.blackouts)
        self.remove_blackout = QPushButton(_("Remove"))
        self.remove_blackout.setToolTip(_("Remove the selected period"))
        blackout_column.addWidget(self.remove_blackout, 0, Qt.AlignmentFlag.AlignRight)
        add_form = QFormLayout()
        blackout_column.addLayout(add_form)
        add_form.setContentsMargins(0, 0, 0, 0)
        self.blackout_start = self._date_edit()
        self.blackout_end = self._date_edit()
        add_form.addRow(_("From:"), self.blackout_start)
        add_form.addRow(_("To (inclusive):"), self.blackout_end)
        label_row = QHBoxLayout()
        self.blackout_label = QLineEdit()
        self.blackout_label.setMaxLength(200)
        self.blackout_label.setPlaceholderText(_("e.g. Holidays"))
        self.add_blackout = QPushButton(_("Add period"))
        label_row.addWidget(self.blackout_label, 1)
        label_row.addWidget(self.add_blackout)
        add_form.addRow(_("Label:"), label_row)
        column.addWidget(blackout_box)

        notes_box = QGroupBox(_("Notes"))
        notes_column = QVBoxLayout(notes_box)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(_("Anything to remember about this plan"))
        self.notes.setToolTip(
            _("Notes about the whole plan; suggested plans keep their remarks here")
        )
        self.notes.setAccessibleName(_("Plan notes"))
        self.notes.setTabChangesFocus(True)
        lines = self.notes.fontMetrics().lineSpacing()
        self.notes.setMinimumHeight(lines * 4 + 12)
        self.notes.setMaximumHeight(lines * 8 + 12)
        self.notes.installEventFilter(self)
        notes_column.addWidget(self.notes)
        column.addWidget(notes_box)
        column.addStretch(1)

        outer.addWidget(scrolling(content), 1)
        self.problem = problem_label()
        self.problem.setContentsMargins(9, 0, 9, 9)
        outer.addWidget(self.problem)

        align_form_labels(plan_form, fees_form, profile_form, held_form, time_form, add_form)

        self.name.editingFinished.connect(self._commit_name)
        self.start_date.dateChanged.connect(self._commit_start_date)
        self.role.activated.connect(self._commit_profile)
        self.experience.editingFinished.connect(self._commit_profile)
        self.field_years.editingFinished.connect(self._commit_profile)
        self.other_fields.clicked.connect(self._edit_other_fields)
        self.direction.activated.connect(self._commit_profile)
        self.focus_areas.editingFinished.connect(self._commit_profile)
        self.weekly_hours.editingFinished.connect(self._commit_weekly_hours)
        self.add_blackout.clicked.connect(self._add_blackout)
        self.remove_blackout.clicked.connect(self._remove_blackout)
        self.blackouts.currentRowChanged.connect(self._update_buttons)
        self.add_held.clicked.connect(self._add_held)
        self.remove_held.clicked.connect(self._remove_held)
        self.held.currentRowChanged.connect(self._update_buttons)
        self.voucher_months.editingFinished.connect(self._commit_voucher_months)
        self.readiness_target.editingFinished.connect(self._commit_readiness_target)
        self._editors: tuple[QWidget, ...] = (
            self.name,
            self.start_date,
            self.readiness_target,
            self.role,
            self.experience,
            self.field_years,
            self.other_fields,
            self.direction,
            self.focus_areas,
            self.weekly_hours,
            *self.day_hours,
            self.blackout_start,
            self.blackout_end,
            self.blackout_label,
            self.add_blackout,
            self.held_certification,
            self.held_earned,
            self.add_held,
            self.voucher_months,
        )
        self._fill_new_blackout(self._document.today())
        self.held_earned.setDate(to_qdate(self._document.today()))

    def _fill_held_choices(self, catalog: Catalog) -> None:
        """Every certification, current ones first; a retired one can still be held until it
        expires, so it is offered too, marked as retired."""
        tiers = list(Tier)
        certs = sorted(
            catalog, key=lambda cert: (cert.is_retired, tiers.index(cert.tier), cert.code)
        )
        for cert in certs:
            label = f"{cert.code} {cert.name}"
            if cert.is_retired:
                label = _("{cert} (retired)").format(cert=label)
            self.held_certification.addItem(label, cert.id)

    def _date_edit(self) -> QDateEdit:
        edit = bounded_date_edit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setKeyboardTracking(False)
        return edit

    # --- showing the document ---------------------------------------------------------------

    @Slot()
    def _show_opened_plan(self) -> None:
        """Another plan took this one's place: its notes replace whatever the box held."""
        self._refresh(reopened=True)

    @Slot()
    def _refresh(self, reopened: bool = False) -> None:
        """Show the document's values without sending any of them back as edits."""
        plan = self._document.current_plan
        # The year boxes stay unblocked so their unit follows the number ('1 year'); they
        # commit on editingFinished, which showing a value does not send.
        value_widgets = (
            self.name,
            self.start_date,
            self.readiness_target,
            self.role,
            self.direction,
            self.focus_areas,
            self.weekly_hours,
            *self.day_hours,
            self.voucher_months,
        )
        with signals_blocked(*value_widgets):
            if self.name.text() != plan.name:
                self.name.setText(plan.name)
            self.start_date.setDate(to_qdate(plan.start_date))
            self.readiness_target.setValue(plan.readiness_target)
            self.role.setCurrentIndex(self.role.findData(plan.profile.role.value))
            self.experience.setValue(plan.profile.experience_years)
            self.field_years.set_years(plan.profile.field_years)
            self.other_fields.setText(other_fields_summary(plan.profile.other_field_years))
            direction = plan.profile.direction.value if plan.profile.direction else ""
            self.direction.setCurrentIndex(self.direction.findData(direction))
            if parse_focus_areas(self.focus_areas.text()) != plan.profile.focus_areas:
                self.focus_areas.setText(focus_areas_text(plan.profile.focus_areas))
            self.weekly_hours.setValue(plan.availability.weekly_hours)
            for spin, hours in zip(
                self.day_hours, plan.availability.hours_per_weekday, strict=True
            ):
                spin.setValue(hours)
            # What the boxes show after rounding: leaving a box unchanged is not an edit.
            self._shown_experience = self.experience.value()
            self._shown_field_years = self.field_years.years()
            self._shown_weekly = self.weekly_hours.value()
            self._shown_days = [spin.value() for spin in self.day_hours]
            self.voucher_months.set_months(plan.voucher_valid_months)

        list_price, with_vouchers, worst_case = budget_figures(self._document.budget)
        self.list_price.setText(list_price)
        self.with_vouchers.setText(f"<b>{with_vouchers}</b>")
        self.worst_case.setText(worst_case)

        validities = self._document.validities
        current_held = self.held.currentRow()
        self.held.clear()
        for held in plan.held:
            text = describe_held(held, self._document.catalog, held_validity(held, validities))
            item = QListWidgetItem(text)
            item.setToolTip(text.replace("\n", " · "))
            self.held.addItem(item)
        if self.held.count():
            self.held.setCurrentRow(min(max(current_held, 0), self.held.count() - 1))

        current = self.blackouts.currentRow()
        self.blackouts.clear()
        for blackout in plan.availability.blackouts:
            item = QListWidgetItem(describe_blackout(blackout))
            item.setToolTip(describe_blackout(blackout))
            self.blackouts.addItem(item)
        if self.blackouts.count():
            self.blackouts.setCurrentRow(min(max(current, 0), self.blackouts.count() - 1))

        # Show the plan's notes when they changed, not over a note being typed: an edit made
        # elsewhere without taking the focus (a drop on the timeline) must not wipe it.
        if plan.notes != self._shown_notes or reopened:
            if self.notes.toPlainText() != plan.notes:
                self.notes.setPlainText(plan.notes)
            self._shown_notes = plan.notes

        read_only = self._document.read_only
        for widget in self._editors:
            widget.setEnabled(not read_only)
        self.notes.setReadOnly(read_only)
        self._show_field_applies(plan.profile.role, read_only)
        self._update_buttons()

    def _show_field_applies(self, role: Role, read_only: bool) -> None:
        """Name the role's field in the label; a role without one has no field years."""
        applies = role.field is not None
        self.field_years_label.setText(field_years_label(role))
        self.field_years_label.setEnabled(applies)
        self.field_years.setEnabled(applies and not read_only)
        tip = _(FIELD_YEARS_TIP if applies else NO_FIELD_TIP)
        self.field_years.setToolTip(tip)
        self.field_years_label.setToolTip(tip)

    @Slot()
    def _update_buttons(self) -> None:
        editable = not self._document.read_only
        self.remove_blackout.setEnabled(editable and self.blackouts.currentRow() >= 0)
        self.remove_held.setEnabled(editable and self.held.currentRow() >= 0)

    def _fill_new_blackout(self, start: date) -> None:
        self.blackout_start.setDate(to_qdate(start))
        self.blackout_end.setDate(to_qdate(start + timedelta(days=6)))

    # --- edits -----------------------------------------------------------------------------

    def _apply(self, text: str, **fields: Any) -> bool:
        """Send one edit to the document; a value the plan refuses is explained, not lost."""
        if self._document.read_only:
            return False
        try:
            self._document.update_plan(text, **fields)
        except ValidationError as exc:
            self._show_problem(validation_message(exc))
            return False
        self.problem.hide()
        return True

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()

    @Slot()
    def _commit_name(self) -> None:
        try:
            name = clean_plan_name(self.name.text())  # a pasted line break becomes a space
        except ValueError as exc:
            self._show_problem(
                _("{problem} The old name is kept until you type a new one.").format(problem=exc)
            )
            return
        if name == self._document.current_plan.name:
            self.problem.hide()
            return
        self._apply(_("Rename plan"), name=name)

    @Slot()
    def _commit_readiness_target(self) -> None:
        target = self.readiness_target.value()
        if target != self._document.current_plan.readiness_target:
            self._apply(_("Change readiness target"), readiness_target=target)

    @Slot()
    def _commit_start_date(self) -> None:
        day = from_qdate(self.start_date.date())
        if day != self._document.current_plan.start_date:
            self._apply(_("Change start date"), start_date=day)

    @Slot()
    def _commit_profile(self) -> None:
        current = self._document.current_plan.profile
        direction = self.direction.currentData()
        try:
            years = self.experience.value()
            field_years = self.field_years.years()
            profile = LearnerProfile(
                role=Role(self.role.currentData()),
                experience_years=current.experience_years
                if years == self._shown_experience
                else years,
                field_years=current.field_years
                if field_years == self._shown_field_years
                else field_years,
                other_field_years=current.other_field_years,
                direction=Direction(direction) if direction else None,
                focus_areas=parse_focus_areas(self.focus_areas.text()),
            )
        except ValidationError as exc:
            self._show_problem(
                _("Organisation focus: {problem}").format(problem=validation_message(exc))
            )
            return
        if profile == current:
            return
        self._apply(_profile_change_text(current, profile), profile=profile)

    @Slot()
    def _edit_other_fields(self) -> None:
        from studyplanner.ui.dialogs.other_fields_dialog import OtherFieldsDialog  # opened rarely

        current = self._document.current_plan.profile
        years = OtherFieldsDialog.ask(self, current.role, current.other_field_years)
        if years is None or years == current.other_field_years:
            return
        profile = current.model_copy(update={"other_field_years": years})
        self._apply(_("Change years in other fields"), profile=profile)

    @Slot()
    def _commit_weekly_hours(self) -> None:
        hours = self.weekly_hours.value()
        if hours == self._shown_weekly:
            return
        plan = self._document.current_plan
        availability = WeeklyAvailability.spread(hours, blackouts=plan.availability.blackouts)
        text = _("Study {hours}").format(hours=format_weekly_hours(hours))
        self._apply(text, availability=availability)

    def _commit_notes(self) -> None:
        if self.notes.isReadOnly():
            return
        text = self.notes.toPlainText()
        if text == self._document.current_plan.notes:
            return
        if len(text) > MAX_TEXT:
            self._show_problem(
                _(
                    "Notes can hold up to {limit} characters; these have {count}. "
                    "Shorten them to save."
                ).format(limit=f"{MAX_TEXT:,}", count=f"{len(text):,}")
            )
            return
        self._apply(_("Edit plan notes"), notes=text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes and event.type() == QEvent.Type.FocusOut:
            self._commit_notes()
        return super().eventFilter(watched, event)

    @Slot()
    def _commit_day_of_sender(self) -> None:
        sender = self.sender()
        if sender in self.day_hours:
            self._commit_day(self.day_hours.index(sender))

    def _commit_day(self, index: int) -> None:
        hours = self.day_hours[index].value()
        if hours == self._shown_days[index]:
            return
        plan = self._document.current_plan
        days = list(plan.availability.hours_per_weekday)
        days[index] = hours
        availability = plan.availability.model_copy(update={"hours_per_weekday": days})
        text = _("Change {day} hours").format(day=_(WEEKDAYS[index]))
        self._apply(text, availability=availability)

    @Slot()
    def _add_blackout(self) -> None:
        plan = self._document.current_plan
        try:
            blackout = Blackout(
                start=from_qdate(self.blackout_start.date()),
                end=from_qdate(self.blackout_end.date()),
                label=self.blackout_label.text().strip(),
            )
        except ValidationError as exc:
            self._show_problem(
                _("This period was not added: {problem}.").format(problem=validation_message(exc))
            )
            return
        blackouts = sorted([*plan.availability.blackouts, blackout], key=lambda b: b.start)
        availability = _with_blackouts(plan, blackouts)
        if self._apply(_("Add blackout period"), availability=availability):
            self.blackout_label.clear()
            self.blackouts.setCurrentRow(blackouts.index(blackout))
            self._fill_new_blackout(blackout.end + timedelta(days=1))

    @Slot()
    def _remove_blackout(self) -> None:
        plan = self._document.current_plan
        row = self.blackouts.currentRow()
        if not 0 <= row < len(plan.availability.blackouts):
            return
        blackouts = list(plan.availability.blackouts)
        del blackouts[row]
        self._apply(
            _("Remove blackout period"),
            availability=_with_blackouts(plan, blackouts),
        )

    @Slot()
    def _add_held(self) -> None:
        cert_id = self.held_certification.currentData()
        if not cert_id or self._document.read_only:
            return
        earned = from_qdate(self.held_earned.date())
        try:
            added = self._document.add_held(cert_id, earned)
        except ValidationError as exc:
            self._show_problem(
                _("This certification was not added: {problem}.").format(
                    problem=validation_message(exc)
                )
            )
            return
        self.problem.hide()
        if added:
            plan = self._document.current_plan
            for row, held in enumerate(plan.held):
                if held.certification_id == cert_id and held.earned_on == earned:
                    self.held.setCurrentRow(row)

    @Slot()
    def _remove_held(self) -> None:
        row = self.held.currentRow()
        if row >= 0:
            self._document.remove_held(row)

    @Slot()
    def _commit_voucher_months(self) -> None:
        months = self.voucher_months.months()
        if months == self._document.current_plan.voucher_valid_months:
            return
        text = (
            _("Assume vouchers never expire")
            if months is None
            else ngettext(
                "Assume vouchers last {months} month",
                "Assume vouchers last {months} months",
                months,
            ).format(months=months)
        )
        self._apply(text, voucher_valid_months=months)


def _with_blackouts(plan: StudyPlan, blackouts: list[Blackout]) -> WeeklyAvailability:
    return WeeklyAvailability(
        hours_per_weekday=list(plan.availability.hours_per_weekday), blackouts=blackouts
    )


def _profile_change_text(before: LearnerProfile, after: LearnerProfile) -> str:
    """Name the one field that changed, for the Undo menu."""
    if before.role != after.role:
        return _("Change role")
    if before.experience_years != after.experience_years:
        return _("Change years on AWS")
    if before.field_years != after.field_years:
        field = after.role.field
        if field is None:
            return _("Change years in your field")
        return _("Change years in {field}").format(field=_(_FIELD_NAMES[field]))
    if before.direction != after.direction:
        return _("Change career direction")
    return _("Change organisation focus")
