"""New plan from profile: a few questions about the learner, and the suggested path with reasons.

The suggestion is recomputed as each answer changes, so the person sees why each exam is there
(and what was left out) before creating the plan. Creating a plan is not an edit: the caller
opens the returned plan.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.advice import AdviceCode
from studyplanner.domain.analysis import analyse
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import LearnerProfile, StudyPlan
from studyplanner.domain.roles import Direction, Role
from studyplanner.domain.suggest import Suggestion, suggest_plan
from studyplanner.domain.wording import (
    count_text,
    format_day,
    format_hours,
    format_number,
    plural,
    sentence_start,
)
from studyplanner.i18n import N_, _
from studyplanner.ui.panels.plan_settings_fields import (
    FIELD_YEARS_TIP,
    NO_FIELD_TIP,
    OptionalYearsSpinBox,
    field_years_caption,
    field_years_label,
    parse_focus_areas,
)
from studyplanner.ui.widgets.exam_language_box import ExamLanguageBox
from studyplanner.ui.widgets.form_fields import (
    DATE_FORMAT,
    DecimalSpinBox,
    align_form_labels,
    bounded_date_edit,
    from_qdate,
    to_qdate,
)

FOLLOW_ROLE = N_("(none: follow my role)")
DEFAULT_WEEKLY_HOURS = 8.0


class NewPlanFromProfileDialog(QDialog):
    """Asks for role, experience, focus, direction, exam language and time, and previews the
    suggested plan (with a note on any exam not offered in the learner's exam language)."""

    def __init__(self, parent: QWidget | None, catalog: Catalog, today: date) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._today = today
        self.setWindowTitle(_("New Plan from Profile"))
        self._build()
        self._show_role_field()
        self._update_suggestion()

    @classmethod
    def ask(cls, parent: QWidget | None, catalog: Catalog, today: date) -> StudyPlan | None:
        """Show the dialog (the plan starts ``today`` unless changed); the suggested plan if
        the user clicks Create, else None."""
        dialog = cls(parent, catalog, today)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.suggestion().plan
            return None
        finally:
            dialog.deleteLater()

    # --- construction --------------------------------------------------------------------

    def _build(self) -> None:
        columns = QHBoxLayout()

        you_box = QGroupBox(_("About you"))
        you_form = QFormLayout(you_box)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role.value)
        you_form.addRow(_("Your role:"), self.role)
        self.experience = DecimalSpinBox()
        self.experience.setRange(0.0, 50.0)
        self.experience.setDecimals(1)
        self.experience.setSingleStep(0.5)
        self.experience.setValue(1.0)
        self.experience.set_unit("year")
        self.experience.setToolTip(_("Years of hands-on AWS experience"))
        you_form.addRow(_("Years on AWS:"), self.experience)
        self.field_years = OptionalYearsSpinBox()
        self.field_years_label = field_years_caption()
        self.field_years_label.setBuddy(self.field_years)
        you_form.addRow(self.field_years_label, self.field_years)
        self.focus_areas = QLineEdit()
        self.focus_areas.setPlaceholderText(_("e.g. serverless, data lake, SAP"))
        self.focus_areas.setToolTip(_("What your organisation works on, separated by commas"))
        you_form.addRow(_("Organisation focus:"), self.focus_areas)
        self.direction = QComboBox()
        self.direction.addItem(_(FOLLOW_ROLE), "")
        for direction in Direction:
            self.direction.addItem(direction.label, direction.value)
        you_form.addRow(_("Career direction:"), self.direction)
        self.exam_language = ExamLanguageBox()
        you_form.addRow(_("Exam language:"), self.exam_language)

        plan_box = QGroupBox(_("Your plan"))
        plan_form = QFormLayout(plan_box)
        self.weekly_hours = DecimalSpinBox()
        self.weekly_hours.setRange(0.5, 80.0)
        self.weekly_hours.setDecimals(1)
        self.weekly_hours.setSingleStep(1.0)
        self.weekly_hours.setValue(DEFAULT_WEEKLY_HOURS)
        self.weekly_hours.setSuffix(_(" h/week"))
        plan_form.addRow(_("Study time:"), self.weekly_hours)
        self.start_date = bounded_date_edit()
        self.start_date.setCalendarPopup(True)
        self.start_date.setDisplayFormat(DATE_FORMAT)
        self.start_date.setDate(to_qdate(self._today))
        plan_form.addRow(_("Start studying:"), self.start_date)
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        plan_form.addRow(_("Plan name:"), self.name)

        align_form_labels(you_form, plan_form)
        left = QVBoxLayout()
        left.addWidget(you_box)
        left.addWidget(plan_box)
        left.addStretch(1)
        columns.addLayout(left)

        preview_box = QGroupBox(_("Suggested path"))
        preview_column = QVBoxLayout(preview_box)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setMinimumSize(420, 400)
        self.preview.setAccessibleName(_("Suggested path"))
        preview_column.addWidget(self.preview)
        columns.addWidget(preview_box, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(_("Create Plan"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)

        self.role.currentIndexChanged.connect(self._show_role_field)
        self.role.currentIndexChanged.connect(self._update_suggestion)
        self.field_years.valueChanged.connect(self._update_suggestion)
        self.experience.valueChanged.connect(self._update_suggestion)
        self.focus_areas.textChanged.connect(self._update_suggestion)
        self.direction.currentIndexChanged.connect(self._update_suggestion)
        self.exam_language.currentIndexChanged.connect(self._update_suggestion)
        self.weekly_hours.valueChanged.connect(self._update_suggestion)
        self.start_date.dateChanged.connect(self._update_suggestion)
        self.name.textChanged.connect(self._update_suggestion)

    # --- the suggestion --------------------------------------------------------------------

    def profile(self) -> LearnerProfile:
        direction = self.direction.currentData()
        role = Role(self.role.currentData())
        return LearnerProfile(
            role=role,
            experience_years=self.experience.value(),
            field_years=self.field_years.years() if role.field is not None else None,
            direction=Direction(direction) if direction else None,
            focus_areas=[area[:60] for area in parse_focus_areas(self.focus_areas.text())][:30],
            exam_language=self.exam_language.code(),
        )

    @Slot()
    def _show_role_field(self) -> None:
        """Name the chosen role's field; a role without one has no field years to give."""
        role = Role(self.role.currentData())
        applies = role.field is not None
        self.field_years_label.setText(field_years_label(role))
        for widget in (self.field_years_label, self.field_years):
            widget.setEnabled(applies)
            widget.setToolTip(_(FIELD_YEARS_TIP if applies else NO_FIELD_TIP))

    def suggestion(self) -> Suggestion:
        """The plan the dialog would create with the answers as they are now."""
        return suggest_plan(
            self._catalog,
            self.profile(),
            self.weekly_hours.value(),
            from_qdate(self.start_date.date()),
            self.name.text().strip() or None,
        )

    @Slot()
    def _update_suggestion(self) -> None:
        suggestion = self.suggestion()
        self.name.setPlaceholderText(suggestion.plan.name)
        self.preview.setHtml(self._describe(suggestion))
        self.create_button.setEnabled(bool(suggestion.plan.entries))

    def _describe(self, suggestion: Suggestion) -> str:
        """The suggested exams in order, each with its reason, then the remarks and a summary."""
        parts: list[str] = []
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        plan = suggestion.plan  # laid out from its start date, as it will be made
        analysis = analyse(plan, self._catalog, plan.start_date)
        schedule = analysis.schedule
        languages = {
            a.entry_id: a.message for a in analysis.advice if a.code is AdviceCode.EXAM_LANGUAGE
        }
        if schedule is not None and schedule.finish_date is not None:
            hours = schedule.total_hours
            parts.append(
                "<p><b>"
                + _("{exams}, about {hours} study {unit}, last exam on {date}").format(
                    exams=count_text(len(schedule.entries), "exam"),
                    hours=format_number(hours),
                    unit=plural(hours, "hour"),
                    date=format_day(schedule.finish_date),
                )
                + "</b></p>"
            )
        if not suggestion.reasons:
            parts.append("<p>" + _("No exam fits these answers yet.") + "</p>")
        else:
            parts.append("<ol style='-qt-list-indent: 1;'>")
            for index, reason in enumerate(suggestion.reasons):
                cert = self._catalog.get(reason.certification_id)
                when, language_note = "", ""
                if schedule is not None:
                    item = schedule.entries[index]
                    if item.entry.id in languages:
                        language_note = (
                            f"<br><span style='color: {muted};'>"
                            f"{html.escape(sentence_start(languages[item.entry.id]))}</span>"
                        )
                    if item.exam_date is not None:
                        exam = format_day(item.exam_date)
                        when = _("{hours} of study, exam {date}").format(
                            hours=format_hours(item.hours), date=exam
                        )
                parts.append(
                    "<li style='margin-bottom: 8px;'>"
                    f"<b>{html.escape(cert.code)} {html.escape(cert.name)}</b>"
                    f"<br><span style='color: {muted};'>{html.escape(when)}</span>"
                    f"<br>{html.escape(reason.reason)}{language_note}</li>"
                )
            parts.append("</ol>")
        if suggestion.remarks:
            parts.append(f"<p style='color: {muted};'>" + _("Kept in the plan's notes:") + "</p>")
        for remark in suggestion.remarks:
            parts.append(f"<p><i>{html.escape(remark)}</i></p>")
        return "".join(parts)
