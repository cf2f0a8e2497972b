"""Adding or changing one of the team's targets: by which day, how many, and of what (a tier,
or one certification). The dialog only asks; the team view turns the answer into an edit."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.catalog import Catalog, Tier
from studyplanner.domain.team import MAX_TARGET_COUNT, TeamTarget
from studyplanner.i18n import _
from studyplanner.ui.panels.plan_settings_fields import date_edit
from studyplanner.ui.widgets.form_fields import (
    from_qdate,
    problem_label,
    to_qdate,
    validation_message,
)


class TargetDialog(QDialog):
    """The three fields of a target, with the reason shown when one is refused."""

    def __init__(
        self, parent: QWidget | None, catalog: Catalog, target: TeamTarget | None, today: date
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Edit Target") if target is not None else _("Add Target"))
        self.by = date_edit()
        self.by.setAccessibleName(_("By"))
        self.count = QSpinBox()
        self.count.setRange(1, MAX_TARGET_COUNT)
        self.count.setAccessibleName(_("How many"))
        self.what = QComboBox()
        self.what.setAccessibleName(_("Of what"))
        for tier in Tier:
            self.what.addItem(_("{tier} certifications (any)").format(tier=tier.label), tier.value)
        self.what.insertSeparator(self.what.count())
        for cert in sorted(catalog, key=lambda c: c.code):
            self.what.addItem(f"{cert.code} · {cert.name}", cert.id)
        form = QFormLayout()
        form.addRow(_("&By:"), self.by)
        form.addRow(_("How &many:"), self.count)
        form.addRow(_("&Of:"), self.what)
        self.problem = problem_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.problem)
        column.addWidget(buttons)
        if target is None:
            self.by.setDate(to_qdate(date(today.year, 12, 31)))
            self.count.setValue(1)
            self.what.setCurrentIndex(self.what.findData(Tier.ASSOCIATE.value))
        else:
            self.by.setDate(to_qdate(target.by))
            self.count.setValue(target.count)
            kind = target.tier.value if target.tier is not None else target.certification
            self.what.setCurrentIndex(max(0, self.what.findData(kind)))
        self.result_target: TeamTarget | None = None

    def target(self) -> TeamTarget:
        """The target as filled in; raises ``ValidationError`` for one the team file refuses."""
        kind = str(self.what.currentData())
        tiers = {tier.value for tier in Tier}
        return TeamTarget(
            by=from_qdate(self.by.date()),
            count=self.count.value(),
            tier=Tier(kind) if kind in tiers else None,
            certification=None if kind in tiers else kind,
        )

    def accept(self) -> None:
        try:
            self.result_target = self.target()
        except ValidationError as exc:
            self.problem.setText(validation_message(exc))
            self.problem.show()
            return
        super().accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, catalog: Catalog, target: TeamTarget | None, today: date
    ) -> TeamTarget | None:
        """The target filled in, or None when cancelled (tests replace this)."""
        dialog = cls(parent, catalog, target, today)
        try:
            return dialog.result_target if dialog.exec() else None
        finally:
            dialog.deleteLater()
