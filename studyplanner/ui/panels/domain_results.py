"""The practice score's optional results by exam domain: for each domain of the exam a box
that takes a percent ("55", "55 %") or AWS's score-report words ("meets", "needs
improvement"), chosen from its list or typed. Empty means no result for that domain.

It only reads what was typed; ``ReadinessBox`` adds the score (one undo step) and says what
is wrong when a box cannot be read, keeping every box as it was typed.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QToolButton, QVBoxLayout, QWidget

from studyplanner.domain.catalog import ExamDomain
from studyplanner.domain.plan import DomainResult, DomainVerdict
from studyplanner.domain.wording_domains import VERDICT_NAMES, domain_label
from studyplanner.i18n import _

_PERCENT = re.compile(r"^(\d{1,3}(?:[.,]\d+)?)\s*%?$")


class DomainResultError(ValueError):
    """A box that cannot be read as a result: its domain's number and what to type."""

    def __init__(self, number: int, message: str) -> None:
        super().__init__(message)
        self.number = number


def parse_result(text: str) -> DomainResult | None:
    """'55' or '55 %' -> 55.0; 'meets', 'needs improvement' (as shown, in any case, or
    AWS's own 'needs-improvement') -> the verdict; '' -> None. Raises ValueError otherwise."""
    typed = " ".join(text.split()).casefold()
    if not typed:
        return None
    for verdict, name in VERDICT_NAMES.items():
        if typed in {_(name).casefold(), name.casefold(), verdict.value}:
            return verdict
    found = _PERCENT.match(typed)
    if found is not None:
        value = float(found.group(1).replace(",", "."))
        if 0 <= value <= 100:
            return value
    raise ValueError(typed)


class DomainResultsField(QWidget):
    """A disclosure button, *Results by domain*, over one box per domain of the exam."""

    submitted = Signal()
    """Enter was pressed in a box (the score is added, as from the percent box)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setText(_("Results by domain (optional)"))
        self.toggle.setToolTip(
            _(
                "What the score report says for each domain: a percent, meets or needs "
                "improvement. Weak domains get more of the hours still to study."
            )
        )
        self.toggle.setAutoRaise(True)
        self._boxes_host = QWidget()
        self._form = QFormLayout(self._boxes_host)
        self._form.setContentsMargins(16, 0, 0, 0)
        self.boxes: dict[int, QComboBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._boxes_host)
        self._boxes_host.hide()
        self._domains: tuple[tuple[int, str], ...] = ()
        self.toggle.toggled.connect(self._show_boxes)

    @Slot(bool)
    def _show_boxes(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self._boxes_host.setVisible(shown)

    def set_domains(self, domains: list[ExamDomain]) -> None:
        """Offer a box per domain (the whole field hidden for an exam without domains); the
        same domains keep what was typed."""
        wanted = tuple((d.number, d.name) for d in domains)
        self.setVisible(bool(wanted))
        if wanted == self._domains:
            return
        self._domains = wanted
        while self._form.rowCount():
            self._form.removeRow(0)
        self.boxes = {}
        for number, name in wanted:
            box = QComboBox()
            box.setEditable(True)
            box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            box.addItems(["", *(_(VERDICT_NAMES[v]) for v in DomainVerdict)])
            line = box.lineEdit()  # an editable combo box has one
            if line is not None:
                line.setPlaceholderText(_("no result"))
                line.returnPressed.connect(self.submitted)
            label = domain_label(number, name)
            box.setAccessibleName(_("Result for {domain}").format(domain=label))
            box.setToolTip(_("A percent (e.g. 62), meets or needs improvement; empty for none"))
            self._form.addRow(_("Domain {number}:").format(number=number), box)
            self._form.labelForField(box).setToolTip(label)
            self.boxes[number] = box

    def results(self) -> dict[int, DomainResult]:
        """The results typed, by domain number; raises ``DomainResultError`` for the first
        box that cannot be read (its text is left as typed)."""
        found: dict[int, DomainResult] = {}
        for number, box in self.boxes.items():
            try:
                result = parse_result(box.currentText())
            except ValueError:
                raise DomainResultError(
                    number,
                    _(
                        "Domain {number}: type a percent from 0 to 100, or choose meets or "
                        "needs improvement (or leave it empty)."
                    ).format(number=number),
                ) from None
            if result is not None:
                found[number] = result
        return found

    def focus_box(self, number: int) -> None:
        box = self.boxes.get(number)
        if box is not None:
            self.toggle.setChecked(True)
            box.setFocus(Qt.FocusReason.OtherFocusReason)
            line = box.lineEdit()
            if line is not None:
                line.selectAll()

    def clear(self) -> None:
        """Empty every box (after a score is added: the next attempt has its own results)."""
        for box in self.boxes.values():
            box.setCurrentIndex(0)
            box.setEditText("")

    def set_editable(self, editable: bool) -> None:
        self.toggle.setEnabled(editable)
        for box in self.boxes.values():
            box.setEnabled(editable)
