"""*Years in other fields*: a small dialog for the years a learner has in fields of work other
than their role's (a developer's years of networking, say). Exam guides ask for such years
(Advanced Networking: 5 of networking); a field left "Not set" counts as 0 for those exams.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.roles import ExperienceField, Role
from studyplanner.i18n import _
from studyplanner.ui.panels.plan_settings_fields import OptionalYearsSpinBox


class OtherFieldsDialog(QDialog):
    """One box per field of work except the role's own; "Not set" counts as 0."""

    def __init__(
        self, role: Role, years: dict[ExperienceField, float], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Years in Other Fields"))
        intro = QLabel(
            _(
                "Some exam guides ask for years in a field of work: Advanced Networking 5 of "
                "networking, Security 3 of security. Years you do not set count as 0."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.boxes: dict[ExperienceField, OptionalYearsSpinBox] = {}
        for field in ExperienceField:
            if field is role.field:
                continue  # the role's own field has its box in Plan settings
            box = OptionalYearsSpinBox()
            box.set_years(years.get(field))
            box.setAccessibleName(field.label)
            self.boxes[field] = box
            # Only the first letter is raised: capitalize() would lower the rest ("AI" -> "ai").
            label = field.label[:1].upper() + field.label[1:]
            form.addRow(_("{field}:").format(field=label), box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def years(self) -> dict[ExperienceField, float]:
        """The years set, "Not set" and 0 left out (both count as none)."""
        found: dict[ExperienceField, float] = {}
        for field, box in self.boxes.items():
            value = box.years()
            if value:
                found[field] = value
        return found

    @classmethod
    def ask(
        cls, parent: QWidget | None, role: Role, years: dict[ExperienceField, float]
    ) -> dict[ExperienceField, float] | None:
        """The years the learner set, or None when they cancelled (tests replace this)."""
        dialog = cls(role, years, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.years()
