"""The exam panel's *Practice exams*: whether the learner is ready (the last two scores reach
the plan's target), the scores as a small chart against the target line, and the scores
themselves (added, edited in place and removed, each one undo step)."""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Slot
from PySide6.QtGui import QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.plan import MAX_SOURCE
from studyplanner.domain.progress import Readiness
from studyplanner.domain.wording_progress import readiness_text
from studyplanner.i18n import _, ngettext
from studyplanner.style import Colour, colour, is_dark_palette, qcolor
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.panels.domain_results import DomainResultError, DomainResultsField
from studyplanner.ui.panels.scores_model import ScoresModel, percent_text
from studyplanner.ui.panels.sessions_model import LogDelegate
from studyplanner.ui.panels.study_log import fit_table, log_table
from studyplanner.ui.widgets.form_fields import (
    DATE_FORMAT,
    DecimalSpinBox,
    bounded_date_edit,
    from_qdate,
    problem_label,
    to_qdate,
    validation_message,
)

CHART_HEIGHT = 84


def readiness_colour(state: Readiness, dark: bool) -> str:
    if state is Readiness.READY:
        return colour(Colour.PASSED_RIBBON, dark)
    if state is Readiness.NOT_READY:
        return colour(Colour.WARNING_EDGE, dark)
    return colour(Colour.MUTED_TEXT, dark)


class ScoreChart(QWidget):
    """Practice scores in the order they were taken, as a line over the target line: a glance
    says whether they are rising and how far from the target they are."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scores: list[float] = []
        self.target = 80.0
        self.setMinimumHeight(CHART_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Practice scores chart"))

    def sizeHint(self) -> QSize:
        return QSize(260, CHART_HEIGHT)

    def show_scores(self, scores: list[float], target: float) -> None:
        self.scores = list(scores)
        self.target = target
        described = (
            ngettext(
                "{count} practice score, last {last}, target {target}",
                "{count} practice scores, last {last}, target {target}",
                len(scores),
            ).format(count=len(scores), last=percent_text(scores[-1]), target=percent_text(target))
            if scores
            else _("{count} practice scores, target {target}").format(
                count=len(scores), target=percent_text(target)
            )
        )
        self.setAccessibleDescription(described)
        self.update()

    def floor(self) -> float:
        """The lowest percent drawn: a little under the lowest score or the target, in tens."""
        lowest = min([*self.scores, self.target])
        return max(0.0, float((int(lowest - 5) // 10) * 10))

    def point(self, index: int, area: QRectF) -> QPointF:
        """Where the score at ``index`` is drawn in ``area``."""
        count = len(self.scores)
        x = area.center().x() if count == 1 else area.left() + area.width() * index / (count - 1)
        return QPointF(x, self._y(self.scores[index], area))

    def _y(self, percent: float, area: QRectF) -> float:
        low = self.floor()
        return area.bottom() - area.height() * (percent - low) / max(1.0, 100.0 - low)

    def plot_area(self) -> QRectF:
        return QRectF(16, 14, self.width() - 68, self.height() - 28)

    def paintEvent(self, event: QPaintEvent) -> None:
        dark = is_dark_palette(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self.plot_area()
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        painter.setFont(small)

        frame = QRectF(0.5, 0.5, self.width() - 1, self.height() - 1)
        painter.setPen(QPen(qcolor(Colour.HAIRLINE, dark), 1))
        painter.setBrush(qcolor(Colour.SURFACE, dark))
        painter.drawRoundedRect(frame, 6, 6)

        muted = qcolor(Colour.MUTED_TEXT, dark)
        target_y = self._y(self.target, area)
        dashed = QPen(muted, 1, Qt.PenStyle.DashLine)
        painter.setPen(dashed)
        painter.drawLine(QPointF(area.left(), target_y), QPointF(area.right(), target_y))
        painter.drawText(
            self.target_label_rect(area),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            percent_text(self.target),
        )
        if not self.scores:
            painter.drawText(
                area.adjusted(0, 0, 0, -4),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                _("Add a practice score to see the trend"),
            )
            painter.end()
            return

        line_colour = qcolor(Colour.INFO, dark)
        points = [self.point(index, area) for index in range(len(self.scores))]
        if len(points) > 1:
            fill = QPainterPath(QPointF(points[0].x(), area.bottom()))
            for point in points:
                fill.lineTo(point)
            fill.lineTo(QPointF(points[-1].x(), area.bottom()))
            shade = qcolor(Colour.INFO, dark)
            shade.setAlpha(36)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(shade)
            painter.drawPath(fill)
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(line_colour, 2))
            painter.drawPath(path)
        good = qcolor(Colour.PASSED_RIBBON, dark)
        low = qcolor(Colour.WARNING_EDGE, dark)
        for index, (point, score) in enumerate(zip(points, self.scores, strict=True)):
            radius = 4.5 if index == len(points) - 1 else 3.0
            painter.setPen(QPen(qcolor(Colour.SURFACE, dark), 1.5))
            painter.setBrush(good if score >= self.target else low)
            painter.drawEllipse(point, radius, radius)
        painter.setPen(qcolor(Colour.TEXT, dark))
        painter.drawText(
            self.score_label_rect(area),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            percent_text(self.scores[-1]),
        )
        painter.end()

    def target_label_rect(self, area: QRectF) -> QRectF:
        """Where the target's percent is written: right of the plot, on the target line."""
        target_y = self._y(self.target, area)
        return QRectF(area.right() + 6, target_y - 9, 50, 18)

    def score_label_rect(self, area: QRectF) -> QRectF:
        """Where the last score's percent is written: left of its point, above it unless the
        target line or its label would run through the text there (a score just under the
        target was struck through, issue 21), else below; always inside the chart."""
        last = self.point(len(self.scores) - 1, area)
        width = 54.0 if len(self.scores) > 1 else 120.0
        height = 16.0
        left = last.x() - 6 - width
        target_y = self._y(self.target, area)
        target_label = self.target_label_rect(area)
        candidates = [
            QRectF(left, last.y() - 4 - height, width, height),
            QRectF(left, last.y() + 4, width, height),
        ]
        inside = [r for r in candidates if r.top() >= 1 and r.bottom() <= self.height() - 1]
        for rect in inside:
            struck = rect.top() - 1 <= target_y <= rect.bottom() + 1
            if not struck and not rect.intersects(target_label):
                return rect
        # no clear place (a chart too small): the side away from the target line
        usable = inside or candidates
        return max(usable, key=lambda r: abs(r.center().y() - target_y))


class ReadinessBox(QGroupBox):
    """Readiness, the chart and the scores of one entry, with a row to add a score."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(_("Practice exams"), parent)
        self._document = document
        self.readiness = QLabel()
        self.readiness.setWordWrap(True)
        self.readiness.setAccessibleName(_("Readiness"))
        bold = QFont(self.readiness.font())
        bold.setBold(True)
        self.readiness.setFont(bold)
        self.chart = ScoreChart()
        self.model = ScoresModel(document, self)
        self.table = log_table()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Practice scores"))
        self._delegate = LogDelegate(document.today(), (0.0, 100.0), " %", self.table)
        self.table.setItemDelegate(self._delegate)

        self.day = bounded_date_edit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(DATE_FORMAT)
        self.day.setAccessibleName(_("Score date"))
        self.percent = DecimalSpinBox()
        self.percent.setRange(0.0, 100.0)
        self.percent.setDecimals(1)
        self.percent.setSuffix(" %")
        self.percent.setValue(75.0)
        self.percent.setAccessibleName(_("Score"))
        self.source = QLineEdit()
        self.source.setMaxLength(MAX_SOURCE)
        self.source.setPlaceholderText(_("Source, e.g. official practice set"))
        self.source.setAccessibleName(_("Score source"))
        self.domain_results = DomainResultsField()
        self.add_button = QPushButton(_("Add Score"))
        self.add_button.setAutoDefault(False)
        self.remove_button = QPushButton(_("Remove Score"))
        self.remove_button.setAutoDefault(False)
        self.problem = problem_label()

        adding = QWidget()
        add_row = QHBoxLayout(adding)
        add_row.setContentsMargins(0, 0, 0, 0)
        add_row.addWidget(self.day)
        add_row.addWidget(self.percent)
        add_row.addWidget(self.source, 1)
        buttons = QWidget()
        button_row = QHBoxLayout(buttons)
        button_row.setContentsMargins(0, 0, 0, 0)
        button_row.addWidget(self.add_button)
        button_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.readiness)
        layout.addWidget(self.chart)
        layout.addWidget(self.table)
        layout.addWidget(adding)
        layout.addWidget(self.domain_results)
        layout.addWidget(buttons, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.problem)

        self.add_button.clicked.connect(self.add_score)
        self.percent.lineEdit().returnPressed.connect(self.add_score)
        self.source.returnPressed.connect(self.add_score)
        self.domain_results.submitted.connect(self.add_score)
        self.remove_button.clicked.connect(self.remove_current)
        self.model.problem.connect(self._show_problem)
        self.model.modelReset.connect(self.refresh)
        self.table.selectionModel().currentChanged.connect(self._update_buttons)

    def set_entry(self, entry_id: str) -> None:
        self.problem.hide()
        self.day.setDate(to_qdate(self._document.today()))
        self.model.set_entry(entry_id)

    @Slot()
    def refresh(self) -> None:
        document = self._document
        today = document.today()
        self._delegate.today = today
        self.day.setMaximumDate(to_qdate(today))
        try:
            entry = document.current_plan.entry(self.model.entry_id)
        except KeyError:
            return
        target = document.current_plan.readiness_target
        state = document.readiness_of(entry.id)
        split = document.analysis.domains_of(entry.id)
        text = readiness_text(entry, target, split.weak if split is not None else ())
        self.readiness.setText(text[:1].upper() + text[1:])
        ink = readiness_colour(state, is_dark_palette(self.palette()))
        self.readiness.setStyleSheet(f"color: {ink};")
        self.chart.show_scores([score.percent for score in entry.scores], target)
        count = len(entry.scores)
        self.table.setVisible(count > 0)
        fit_table(self.table, count)
        editable = not document.read_only
        for widget in (self.day, self.percent, self.source, self.add_button):
            widget.setEnabled(editable)
        self.domain_results.set_domains(document.catalog.get(entry.certification_id).domains)
        self.domain_results.set_editable(editable)
        self._update_buttons()

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        current = self.table.currentIndex()
        self.remove_button.setEnabled(not self._document.read_only and current.isValid())

    @Slot()
    def add_score(self) -> None:
        """Add the typed score (one undo step); the source is kept for the next one."""
        entry_id = self.model.entry_id
        if not entry_id or self._document.read_only:
            return
        self.percent.interpretText()
        try:
            domains = self.domain_results.results()
        except DomainResultError as exc:
            self._show_problem(str(exc))
            self.domain_results.focus_box(exc.number)
            return
        try:
            self._document.add_score(
                entry_id,
                from_qdate(self.day.date()),
                round(self.percent.value(), 1),
                self.source.text().strip(),
                domains,
            )
        except ValidationError as exc:
            self._show_problem(validation_message(exc))
            return
        self.problem.hide()
        self.domain_results.clear()

    @Slot()
    def remove_current(self) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            self.model.remove_row(row)

    @Slot(str)
    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
