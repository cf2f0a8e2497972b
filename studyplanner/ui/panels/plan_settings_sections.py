"""The boxes of the Plan settings panel, one per part of the plan: the plan itself, its exam
fees, the learner, the certifications they hold, their study time, blackout periods and notes.

Each box builds its fields and keeps them as attributes; the panel (``plan_settings``) shows
the plan in them and turns what the user changes into edits. ``form`` is the box's form
layout, so that the panel can line the labels of all boxes up.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.plan import MAX_OWNER_NAME, MAX_TEAM_NAME, WEEKDAYS
from studyplanner.domain.roles import Direction, Role
from studyplanner.domain.wording import short_weekday
from studyplanner.i18n import N_, _
from studyplanner.ui.panels.plan_settings_fields import (
    OptionalYearsSpinBox,
    VoucherMonthsSpinBox,
    compact,
    date_edit,
    field_years_caption,
    hours_spin,
)
from studyplanner.ui.widgets.exam_language_box import ExamLanguageBox
from studyplanner.ui.widgets.form_fields import DecimalSpinBox

NO_DIRECTION = N_("(none)")
MAX_WEEKLY_HOURS = 7 * 24.0
VOUCHER_ASSUMPTION = N_(
    "An assumption you can change: no published limit was found on how long the 50 % voucher "
    "from a pass stays usable, and AWS's policy says a voucher's expiry date cannot be "
    "extended."
)
WORST_CASE_TIP = N_(
    "Every exam still to sit failed once and paid again at full price (a voucher only covers "
    "the first attempt); a retake waits at least 14 days."
)


class PlanBox(QGroupBox):
    """The plan's name and owner (for a team's roll-up), first day of study and readiness
    target."""

    def __init__(self) -> None:
        super().__init__(_("Plan"))
        self.form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.form.addRow(_("Name:"), self.name)
        self.owner_name = QLineEdit()
        self.owner_name.setMaxLength(MAX_OWNER_NAME)
        self.owner_name.setPlaceholderText(_("Whose plan this is"))
        self.owner_name.setToolTip(
            _("How a team view names you; left empty, it shows the plan's file name")
        )
        self.owner_name.setAccessibleName(_("Owner"))
        self.form.addRow(_("Ow&ner:"), self.owner_name)
        self.owner_team = QLineEdit()
        self.owner_team.setMaxLength(MAX_TEAM_NAME)
        self.owner_team.setPlaceholderText(_("Optional"))
        self.owner_team.setToolTip(_("The team you belong to, shown beside your name"))
        self.owner_team.setAccessibleName(_("Team"))
        self.form.addRow(_("Te&am:"), self.owner_team)
        self.start_date = date_edit()
        self.start_date.setToolTip(_("The first day of study"))
        self.form.addRow(_("Start studying:"), self.start_date)
        self.readiness_target = DecimalSpinBox()
        self.readiness_target.setRange(50.0, 100.0)
        self.readiness_target.setDecimals(0)
        self.readiness_target.setSuffix(" %")
        self.readiness_target.setKeyboardTracking(False)
        self.readiness_target.setAccessibleName(_("Readiness target"))
        self.readiness_target.setToolTip(
            _("An exam is ready when your last two practice scores reach this")
        )
        self.form.addRow(_("Ready at:"), self.readiness_target)


class FeesBox(QGroupBox):
    """The three fee totals and how long a pass voucher is assumed to last."""

    def __init__(self) -> None:
        super().__init__(_("Exam fees"))
        self.form = QFormLayout(self)
        self.list_price = QLabel()
        self.list_price.setToolTip(_("The catalog fee of every exam still to sit"))
        self.form.addRow(_("List price:"), self.list_price)
        self.with_vouchers = QLabel()
        self.with_vouchers.setToolTip(
            _(
                "Each pass earns one 50 % voucher for a later exam; they are used where they "
                "save the most. Exams paid by someone else cost nothing."
            )
        )
        self.form.addRow(_("With vouchers:"), self.with_vouchers)
        self.worst_case = QLabel()
        self.worst_case.setToolTip(_(WORST_CASE_TIP))
        self.form.addRow(_("Worst case:"), self.worst_case)
        for figure in (self.list_price, self.with_vouchers, self.worst_case):
            figure.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.voucher_months = VoucherMonthsSpinBox()
        self.voucher_months.setToolTip(_(VOUCHER_ASSUMPTION))
        self.voucher_months.setAccessibleName(_("Voucher valid for"))
        self.form.addRow(_("Voucher valid for:"), self.voucher_months)
        self.voucher_note = QLabel(f"<i>{_(VOUCHER_ASSUMPTION)}</i>")
        self.voucher_note.setWordWrap(True)
        self.voucher_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.form.addRow(self.voucher_note)


class LearnerBox(QGroupBox):
    """Who the learner is: role, years on AWS and in their fields, direction and focus."""

    def __init__(self) -> None:
        super().__init__(_("Learner"))
        self.form = QFormLayout(self)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role.value)
        compact(self.role)
        self.form.addRow(_("Role:"), self.role)
        self.experience = DecimalSpinBox()
        self.experience.setRange(0.0, 50.0)
        self.experience.setDecimals(1)
        self.experience.setSingleStep(0.5)
        self.experience.set_unit("year")
        self.experience.setKeyboardTracking(False)
        self.experience.setToolTip(_("Years of hands-on AWS experience; it scales the estimates"))
        self.form.addRow(_("Years on AWS:"), self.experience)
        self.field_years = OptionalYearsSpinBox()
        self.field_years.setKeyboardTracking(False)
        self.field_years_label = field_years_caption()
        self.field_years_label.setBuddy(self.field_years)
        self.form.addRow(self.field_years_label, self.field_years)
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
        self.form.addRow(other_fields_label, self.other_fields)
        self.direction = QComboBox()
        self.direction.addItem(_(NO_DIRECTION), "")
        for direction in Direction:
            self.direction.addItem(direction.label, direction.value)
        compact(self.direction)
        self.form.addRow(_("Career direction:"), self.direction)
        self.exam_language = ExamLanguageBox()
        compact(self.exam_language)
        self.form.addRow(_("Exam language:"), self.exam_language)
        self.focus_areas = QLineEdit()
        self.focus_areas.setPlaceholderText(_("e.g. serverless, data lake, SAP"))
        self.focus_areas.setToolTip(_("Your organisation's focus areas, separated by commas"))
        self.form.addRow(_("Organisation focus:"), self.focus_areas)


class HeldBox(QGroupBox):
    """The certifications the learner holds, and the fields to add one."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__(_("Certifications you hold"))
        self.setToolTip(
            _(
                "Certifications you already have: they expire 3 years after you earned them, "
                "and the plan's exams can renew them"
            )
        )
        column = QVBoxLayout(self)
        self.held = QListWidget()
        self.held.setMinimumHeight(48)
        self.held.setMaximumHeight(110)
        self.held.setAccessibleName(_("Certifications you hold"))
        self.held.setWordWrap(True)
        column.addWidget(self.held)
        self.remove_held = QPushButton(_("Remove"))
        self.remove_held.setToolTip(_("Forget the selected certification"))
        # Aligned rather than pushed by a stretch: a spacer nested in a sub-layout can be freed
        # twice when the window is garbage-collected (PySide 6.11, tests/ui/test_lifetimes.py).
        column.addWidget(self.remove_held, 0, Qt.AlignmentFlag.AlignRight)
        # Nested layouts go in empty and are filled after: PySide 6.11 wraps the items of a
        # filled layout when it is added, and can free those wrappers twice when the window
        # is garbage-collected (tests/ui/test_lifetimes.py).
        self.form = QFormLayout()
        column.addLayout(self.form)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.held_certification = QComboBox()
        self.held_certification.setAccessibleName(_("Certification held"))
        self._fill_choices(catalog)
        compact(self.held_certification)
        self.form.addRow(_("Certification:"), self.held_certification)
        earned_row = QHBoxLayout()
        self.held_earned = date_edit()
        self.held_earned.setAccessibleName(_("Earned on"))
        self.add_held = QPushButton(_("Add"))
        self.add_held.setToolTip(_("Add this certification to the ones you hold"))
        earned_row.addWidget(self.held_earned, 1)
        earned_row.addWidget(self.add_held)
        self.form.addRow(_("Earned on:"), earned_row)

    def _fill_choices(self, catalog: Catalog) -> None:
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


class StudyTimeBox(QGroupBox):
    """Hours a week, and the hours of each day of the week under them."""

    def __init__(self) -> None:
        super().__init__(_("Study time"))
        column = QVBoxLayout(self)
        self.form = QFormLayout()
        column.addLayout(self.form)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.weekly_hours = hours_spin(_(" h/week"), MAX_WEEKLY_HOURS)
        self.weekly_hours.setToolTip(
            _("Spread this total over the week: a little each weekday, more at the weekend")
        )
        self.form.addRow(_("Hours a week:"), self.weekly_hours)
        days = QGridLayout()
        column.addLayout(days)
        days.setHorizontalSpacing(4)
        self.day_hours: list[DecimalSpinBox] = []
        for index, day in enumerate(WEEKDAYS):
            label = QLabel(short_weekday(index))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            spin = hours_spin("", 24.0)
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


class BlackoutBox(QGroupBox):
    """The periods without study, and the fields to add one."""

    def __init__(self) -> None:
        super().__init__(_("Blackout periods"))
        self.setToolTip(_("Holidays or busy weeks without any study"))
        column = QVBoxLayout(self)
        self.blackouts = QListWidget()
        self.blackouts.setMinimumHeight(56)
        self.blackouts.setMaximumHeight(120)
        self.blackouts.setAccessibleName(_("Blackout periods"))
        column.addWidget(self.blackouts)
        self.remove_blackout = QPushButton(_("Remove"))
        self.remove_blackout.setToolTip(_("Remove the selected period"))
        column.addWidget(self.remove_blackout, 0, Qt.AlignmentFlag.AlignRight)
        self.form = QFormLayout()
        column.addLayout(self.form)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.blackout_start = date_edit()
        self.blackout_end = date_edit()
        self.form.addRow(_("From:"), self.blackout_start)
        self.form.addRow(_("To (inclusive):"), self.blackout_end)
        label_row = QHBoxLayout()
        self.blackout_label = QLineEdit()
        self.blackout_label.setMaxLength(200)
        self.blackout_label.setPlaceholderText(_("e.g. Holidays"))
        self.add_blackout = QPushButton(_("Add period"))
        label_row.addWidget(self.blackout_label, 1)
        label_row.addWidget(self.add_blackout)
        self.form.addRow(_("Label:"), label_row)


class NotesBox(QGroupBox):
    """Notes about the whole plan."""

    def __init__(self) -> None:
        super().__init__(_("Notes"))
        column = QVBoxLayout(self)
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
        column.addWidget(self.notes)
