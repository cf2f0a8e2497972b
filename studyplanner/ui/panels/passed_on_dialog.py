"""*Passed on…*: the day an exam whose date has gone by was passed (see ``exam_outcome``).

A module of its own, loaded when the question is first asked: the warnings panel, shown at
every start, needs ``ExamOutcomes`` but not this dialog's Qt classes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from studyplanner.i18n import _
from studyplanner.ui.widgets.form_fields import DATE_FORMAT, bounded_date_edit, from_qdate, to_qdate


class PassedOnDialog(QDialog):
    """When was the exam passed? The exam date is offered; a later day can be chosen, never
    one after today."""

    def __init__(self, code: str, day: date, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("{code} passed").format(code=code))
        self.day = bounded_date_edit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(DATE_FORMAT)
        self.day.setMaximumDate(to_qdate(today))
        self.day.setDate(to_qdate(min(day, today)))
        self.day.setAccessibleName(_("Passed on"))
        form = QFormLayout()
        form.addRow(QLabel(_("Congratulations! When did you pass {code}?").format(code=code)))
        form.addRow(_("Passed on:"), self.day)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Mark Passed"))
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.day.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen_day(self) -> date:
        return from_qdate(self.day.date())
