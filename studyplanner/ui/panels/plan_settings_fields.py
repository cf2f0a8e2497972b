"""The small editors of the Plan settings panel that the profile dialog shares: years that may
be unknown, a voucher's months, hours a day, and how the learner's field of work is named.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QSpinBox,
    QWidget,
)

from studyplanner.domain.roles import ExperienceField, Role
from studyplanner.domain.wording import count_text, plural
from studyplanner.i18n import N_, _
from studyplanner.ui.widgets.form_fields import DATE_FORMAT, DecimalSpinBox, bounded_date_edit

NO_VOUCHER_LIMIT = N_("No limit assumed")


def focus_areas_text(areas: list[str]) -> str:
    return ", ".join(areas)


def parse_focus_areas(text: str) -> list[str]:
    """'SAP, data lake,, security ' -> ['SAP', 'data lake', 'security']."""
    return [part.strip() for part in text.split(",") if part.strip()]


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


def hours_spin(suffix: str, maximum: float) -> DecimalSpinBox:
    """Hours with up to three decimals, committed when typing is finished."""
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


FIELD_NAMES = {
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
    return _("Years in {field}:").format(field=_(FIELD_NAMES[field]))


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


def compact(combo: QComboBox) -> None:
    """Let a combo with long labels shrink with a narrow panel instead of widening it."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)


def date_edit() -> QDateEdit:
    """A day box of the panel: a calendar pops up, and typing commits when it is finished."""
    edit = bounded_date_edit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setKeyboardTracking(False)
    return edit
