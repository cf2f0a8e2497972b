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
from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtWidgets import QListWidgetItem, QVBoxLayout, QWidget

from studyplanner.domain.lifecycle import Validity
from studyplanner.domain.plan import (
    MAX_TEXT,
    WEEKDAYS,
    Blackout,
    HeldCertification,
    LearnerProfile,
    Owner,
    StudyPlan,
    WeeklyAvailability,
    clean_plan_name,
)
from studyplanner.domain.roles import Direction, Role
from studyplanner.domain.wording import format_weekly_hours
from studyplanner.domain.wording_budget import fee_totals
from studyplanner.domain.wording_schedule import blackout_entry
from studyplanner.domain.wording_validity import held_text
from studyplanner.i18n import _, ngettext
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.panels.plan_settings_fields import (
    FIELD_NAMES,
    FIELD_YEARS_TIP,
    NO_FIELD_TIP,
    field_years_label,
    focus_areas_text,
    other_fields_summary,
    parse_focus_areas,
)
from studyplanner.ui.panels.plan_settings_sections import (
    BlackoutBox,
    FeesBox,
    HeldBox,
    LearnerBox,
    NotesBox,
    PlanBox,
    StudyTimeBox,
)
from studyplanner.ui.widgets.form_fields import (
    align_form_labels,
    from_qdate,
    problem_label,
    scrolling,
    signals_blocked,
    to_qdate,
    validation_message,
)


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
        """The boxes one under the other in a scrolling column, the problem line under it;
        each box's fields become the panel's own (``self.name``, ``self.held`` …)."""
        plan, fees = PlanBox(), FeesBox()
        learner, held = LearnerBox(), HeldBox(self._document.catalog)
        time, blackout, notes = StudyTimeBox(), BlackoutBox(), NotesBox()
        boxes = (plan, fees, learner, held, time, blackout, notes)
        content = QWidget()
        column = QVBoxLayout(content)
        for box in boxes:
            column.addWidget(box)
        column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(content), 1)
        self.problem = problem_label()
        self.problem.setContentsMargins(9, 0, 9, 9)
        outer.addWidget(self.problem)
        align_form_labels(plan.form, fees.form, learner.form, held.form, time.form, blackout.form)

        self.name, self.start_date = plan.name, plan.start_date
        self.owner_name, self.owner_team = plan.owner_name, plan.owner_team
        self.readiness_target = plan.readiness_target
        self.list_price, self.with_vouchers = fees.list_price, fees.with_vouchers
        self.worst_case, self.voucher_note = fees.worst_case, fees.voucher_note
        self.voucher_months = fees.voucher_months
        self.role, self.experience, self.direction = (
            learner.role,
            learner.experience,
            learner.direction,
        )
        self.field_years, self.field_years_label = learner.field_years, learner.field_years_label
        self.other_fields, self.focus_areas = learner.other_fields, learner.focus_areas
        self.exam_language = learner.exam_language
        self.held, self.remove_held, self.add_held = held.held, held.remove_held, held.add_held
        self.held_certification, self.held_earned = held.held_certification, held.held_earned
        self.weekly_hours, self.day_hours = time.weekly_hours, time.day_hours
        self.blackouts, self.remove_blackout = blackout.blackouts, blackout.remove_blackout
        self.blackout_start, self.blackout_end = blackout.blackout_start, blackout.blackout_end
        self.blackout_label, self.add_blackout = blackout.blackout_label, blackout.add_blackout
        self.notes = notes.notes
        self._connect()
        self._editors: tuple[QWidget, ...] = (
            self.name,
            self.owner_name,
            self.owner_team,
            self.start_date,
            self.readiness_target,
            self.role,
            self.experience,
            self.field_years,
            self.other_fields,
            self.direction,
            self.exam_language,
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

    def _connect(self) -> None:
        """Each field commits its own edit when the user is done with it."""
        for spin in self.day_hours:
            spin.editingFinished.connect(self._commit_day_of_sender)
        self.notes.installEventFilter(self)
        self.name.editingFinished.connect(self._commit_name)
        self.owner_name.editingFinished.connect(self._commit_owner)
        self.owner_team.editingFinished.connect(self._commit_owner)
        self.start_date.dateChanged.connect(self._commit_start_date)
        self.role.activated.connect(self._commit_profile)
        self.experience.editingFinished.connect(self._commit_profile)
        self.field_years.editingFinished.connect(self._commit_profile)
        self.other_fields.clicked.connect(self._edit_other_fields)
        self.direction.activated.connect(self._commit_profile)
        self.exam_language.activated.connect(self._commit_profile)
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
            self.owner_name,
            self.owner_team,
            self.start_date,
            self.readiness_target,
            self.role,
            self.direction,
            self.exam_language,
            self.focus_areas,
            self.weekly_hours,
            *self.day_hours,
            self.voucher_months,
        )
        with signals_blocked(*value_widgets):
            if self.name.text() != plan.name:
                self.name.setText(plan.name)
            self._show_owner(plan.owner)
            self.start_date.setDate(to_qdate(plan.start_date))
            self.readiness_target.setValue(plan.readiness_target)
            self.role.setCurrentIndex(self.role.findData(plan.profile.role.value))
            self.experience.setValue(plan.profile.experience_years)
            self.field_years.set_years(plan.profile.field_years)
            self.other_fields.setText(other_fields_summary(plan.profile.other_field_years))
            direction = plan.profile.direction.value if plan.profile.direction else ""
            self.direction.setCurrentIndex(self.direction.findData(direction))
            self.exam_language.set_code(plan.profile.exam_language)
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

        list_price, with_vouchers, worst_case = fee_totals(self._document.budget)
        self.list_price.setText(list_price)
        self.with_vouchers.setText(f"<b>{with_vouchers}</b>")
        self.worst_case.setText(worst_case)

        validities = self._document.validities
        current_held = self.held.currentRow()
        self.held.clear()
        for held in plan.held:
            text = held_text(held, self._document.catalog, held_validity(held, validities))
            item = QListWidgetItem(text)
            item.setToolTip(text.replace("\n", " · "))
            self.held.addItem(item)
        if self.held.count():
            self.held.setCurrentRow(min(max(current_held, 0), self.held.count() - 1))

        current = self.blackouts.currentRow()
        self.blackouts.clear()
        for blackout in plan.availability.blackouts:
            item = QListWidgetItem(blackout_entry(blackout))
            item.setToolTip(blackout_entry(blackout))
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

    def _show_owner(self, owner: Owner | None) -> None:
        """The owner's name and team as the plan keeps them (spaces tidied)."""
        name, team = (owner.name, owner.team or "") if owner is not None else ("", "")
        if self.owner_name.text() != name:
            self.owner_name.setText(name)
        if self.owner_team.text() != team:
            self.owner_team.setText(team)

    @Slot()
    def _commit_owner(self) -> None:
        """Name and team as one owner: an empty name means no owner (the team view then shows
        the file's name); a team needs a name, and is kept in its field until one is typed."""
        name, team = self.owner_name.text().strip(), self.owner_team.text().strip()
        if not name and team:
            self._show_problem(_("Type the owner's name to go with the team."))
            return
        try:
            owner = Owner(name=name, team=team or None) if name else None
        except ValidationError as exc:
            self._show_problem(validation_message(exc))
            return
        if owner == self._document.current_plan.owner:
            self.problem.hide()
            self._show_owner(owner)
            return
        self._apply(_("Change owner"), owner=owner)

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
                exam_language=self.exam_language.code(),
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
        return _("Change years in {field}").format(field=_(FIELD_NAMES[field]))
    if before.direction != after.direction:
        return _("Change career direction")
    if before.exam_language != after.exam_language:
        return _("Change exam language")
    return _("Change organisation focus")
