"""The exam panel's *Exam domains*: the selected exam's hours split by the domains of its exam
guide (weight, hours, logged, to go, last result), and the learner's own rating of each domain,
which moves the hours still to study toward the domains new to them.

The figures are the analysis's ``DomainSplit``; a rating is one undo step
(``PlanDocument.update_entry``), and the split the analysis works out again shows at once.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from studyplanner.domain.domains import DomainShare, DomainSplit
from studyplanner.domain.plan import DomainRating, EntryStatus, PlanEntry
from studyplanner.domain.wording import format_hours
from studyplanner.domain.wording_domains import (
    RATING_NAMES,
    rating_text,
    result_text,
    share_label,
    share_text,
)
from studyplanner.i18n import _
from studyplanner.style import Colour, colour, is_dark_palette
from studyplanner.ui.document.plan_document import PlanDocument

RATINGS = (DomainRating.NEW, DomainRating.SOME, DomainRating.STRONG)
"""The choices of a rating box, in this order; 'know some' is also what no rating means."""


def share_figures(share: DomainShare) -> str:
    """'30 h · 4 h logged · 26 h to go · last result 55 %': one domain's line under its name."""
    parts = [
        format_hours(share.hours),
        _("{hours} logged").format(hours=format_hours(share.logged)),
        _("{hours} to go").format(hours=format_hours(share.remaining)),
    ]
    if share.result is not None:
        parts.append(_("last result {result}").format(result=result_text(share.result)))
    return " · ".join(parts)


def ratings_after(entry: PlanEntry, number: int, rating: DomainRating) -> dict[int, DomainRating]:
    """The entry's ratings with ``number`` rated ``rating``; 'know some' is what no rating
    means, so it removes the domain's rating rather than storing it."""
    kept = {key: value for key, value in entry.domain_ratings.items() if key != number}
    if rating is not DomainRating.SOME:
        kept[number] = rating
    return dict(sorted(kept.items()))


class DomainRow:
    """One domain's name and figures, and its rating box."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rating = QComboBox()
        for rating in RATINGS:
            self.rating.addItem(_(RATING_NAMES[rating]), rating.value)
        self.rating.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)


class DomainSplitBox(QGroupBox):
    """The split of the entry set with ``set_entry``; hidden for an exam without domains."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(_("Exam domains"), parent)
        self._document = document
        self._entry_id = ""
        self._rows: list[DomainRow] = []
        self.setObjectName("examDomains")
        self.intro = QLabel(
            _(
                "Hours by the exam guide's domains. Weak practice results and domains new to "
                "you get more of the hours still to study; the last part is a review of all."
            )
        )
        self.intro.setWordWrap(True)
        self.intro.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(0, 1)
        self._grid.setVerticalSpacing(8)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self._grid_host)
        layout.addWidget(self.summary)
        document.changed.connect(self.refresh)
        document.opened.connect(self.refresh)

    @property
    def rows(self) -> list[DomainRow]:
        return list(self._rows)

    def row(self, number: int) -> DomainRow:
        return next(row for row in self._rows if row.number == number)

    def set_entry(self, entry_id: str) -> None:
        self._entry_id = entry_id
        self.refresh()

    def _split(self) -> DomainSplit | None:
        return self._document.analysis.domains_of(self._entry_id) if self._entry_id else None

    @Slot()
    def refresh(self) -> None:
        """Show the analysis's split; the rows stay (and keep the focus) while the exam's
        domains are the same, only their texts and choices change."""
        try:
            entry = self._document.current_plan.entry(self._entry_id)
        except KeyError:
            self.hide()
            return
        split = self._split()
        if split is None or not split.shares or entry.status is EntryStatus.PASSED:
            self.hide()
            return
        numbers = [share.number for share in split.shares]
        if numbers != [row.number for row in self._rows]:
            self._build_rows(numbers)
        dark = is_dark_palette(self.palette())
        editable = not self._document.read_only
        for row, share in zip(self._rows, split.shares, strict=True):
            row.text.setText(self._row_html(share, dark))
            row.text.setAccessibleName(share_text(share))
            chosen = entry.domain_ratings.get(share.number, DomainRating.SOME)
            row.rating.blockSignals(True)
            row.rating.setCurrentIndex(RATINGS.index(chosen))
            row.rating.blockSignals(False)
            row.rating.setEnabled(editable)
        summary = _("{hours} to go, {review} of them review (weakest domains first)").format(
            hours=format_hours(split.remaining), review=format_hours(split.review_hours)
        )
        if self._document.catalog.get(entry.certification_id).domains_assumed:
            summary += "\n" + _("assumed: the weights could not be read in AWS's guide")
        self.summary.setText(summary)
        self.show()

    def _row_html(self, share: DomainShare, dark: bool) -> str:
        name = escape(share_label(share))
        weight = _("{weight} % of the exam").format(weight=share.weight)
        muted = colour(Colour.MUTED_TEXT, dark)
        head = f"<b>{name}</b> <span style='color:{muted}'>· {escape(weight)}</span>"
        figures = escape(share_figures(share))
        if share.weak:
            ink = colour(Colour.WARNING_EDGE, dark)
            figures += f" · <span style='color:{ink}'><b>{escape(_('weak'))}</b></span>"
        return f"{head}<br>{figures}"

    def _build_rows(self, numbers: list[int]) -> None:
        for row in self._rows:
            row.text.deleteLater()
            row.rating.deleteLater()
        self._rows = []
        for index, number in enumerate(numbers):
            row = DomainRow(number)
            row.rating.activated.connect(lambda choice, n=number: self._rate(n, choice))
            self._grid.addWidget(row.text, index, 0)
            self._grid.addWidget(row.rating, index, 1, Qt.AlignmentFlag.AlignTop)
            self._rows.append(row)
        split = self._split()
        if split is not None:
            for row, share in zip(self._rows, split.shares, strict=True):
                row.rating.setAccessibleName(
                    _("Your rating of {domain}").format(domain=share_label(share))
                )
                row.rating.setToolTip(
                    _(
                        "How well you know {domain} before practice scores say so: "
                        "new to you gets more of the hours still to study, well known fewer"
                    ).format(domain=share_label(share))
                )
        previous: QWidget = self.intro
        for row in self._rows:
            QWidget.setTabOrder(previous, row.rating)
            previous = row.rating

    def _rate(self, number: int, choice: int) -> None:
        """Store the rating chosen for domain ``number`` (one undo step)."""
        try:
            entry = self._document.current_plan.entry(self._entry_id)
        except KeyError:
            return
        rating = RATINGS[choice]
        ratings = ratings_after(entry, number, rating)
        if ratings == entry.domain_ratings:
            return
        split = self._split()
        share = split.share(number) if split is not None else None
        label = share_label(share) if share is not None else str(number)
        code = self._document.catalog.get(entry.certification_id).code
        self._document.update_entry(
            entry.id,
            _("Rate {domain} of {code} {rating}").format(
                domain=label, code=code, rating=rating_text(rating)
            ),
            domain_ratings=ratings,
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._rows:
            self.refresh()  # the weak mark's ink follows the theme
