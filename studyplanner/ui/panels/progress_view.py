"""The *Progress* dock: how far the finish has moved from the baseline, the pace of the exam
being studied, the burn-up chart and the heat strip of study days.

It redraws from the document's signals, and only while it is shown (a hidden tab costs
nothing).
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QFont, QPalette, QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from studyplanner.domain.wording import count_text, format_day, format_hours
from studyplanner.domain.wording_progress import pace_text, shift_text
from studyplanner.i18n import _
from studyplanner.style import Colour, colour, is_dark_palette
from studyplanner.ui.canvas.progress_charts import BurnUpChart, HeatStrip
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.widgets.form_fields import scrolling

RECENT_DAYS = 28
"""The window the "study days lately" figure counts."""


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 8, 0, 0)
    return label


class ProgressView(QWidget):
    """Finish against the baseline, pace, burn-up and study days of the open plan."""

    def __init__(
        self,
        document: PlanDocument,
        set_baseline: QAction | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._stale = True
        self.finish = QLabel()
        self.finish.setWordWrap(True)
        self.finish.setAccessibleName(_("Finish against the baseline"))
        bold = QFont(self.finish.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.finish.setFont(bold)
        self.set_baseline = QPushButton(_("Set Baseline"))
        self.set_baseline.setAutoDefault(False)
        self.set_baseline.setToolTip(
            _("Keep today's dates as the ones progress is measured against")
        )
        if set_baseline is not None:
            self.set_baseline.clicked.connect(set_baseline.trigger)
        self.pace = QLabel()
        self.pace.setWordWrap(True)
        self.pace.setAccessibleName(_("Pace"))
        self.logged = QLabel()
        self.logged.setWordWrap(True)
        self.logged.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.chart = BurnUpChart()
        self.strip = HeatStrip()

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.finish)
        column.addWidget(self.set_baseline, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.pace)
        column.addWidget(self.logged)
        column.addWidget(_caption(_("Hours over time")))
        column.addWidget(self.chart, 1)
        column.addWidget(_caption(_("Study days")))
        column.addWidget(self.strip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(content))

        document.changed.connect(self._on_changed)
        document.opened.connect(self._on_changed)

    @Slot()
    def _on_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Redraw everything from the document."""
        self._stale = False
        document = self._document
        analysis = document.analysis
        plan, schedule, today = analysis.plan, analysis.schedule, analysis.today
        dark = is_dark_palette(self.palette())
        shift = analysis.finish_shift_days
        baseline = plan.baseline
        if baseline is not None and baseline.finish is not None and shift is not None:
            text = shift_text(shift, baseline.finish)
            self.finish.setText(text[:1].upper() + text[1:])
            ink = Colour.WARNING_EDGE if shift > 0 else Colour.TEXT
            self.finish.setStyleSheet(f"color: {colour(ink, dark)};")
            self.finish.setToolTip(
                _("Baseline set on {date}").format(date=format_day(baseline.taken_on))
            )
        elif plan.entries:
            self.finish.setText(_("No baseline yet: set one to see how the plan moves"))
            self.finish.setStyleSheet("")
            self.finish.setToolTip("")
        else:
            self.finish.setText(_("Add exams to the plan to follow its progress"))
            self.finish.setStyleSheet("")
            self.finish.setToolTip("")
        self.set_baseline.setVisible(baseline is None and bool(plan.entries))
        self.set_baseline.setEnabled(not document.read_only and schedule is not None)

        pace = analysis.pace
        if pace is not None and pace.started:
            self.pace.setText(pace_text(pace, plan.availability.weekly_hours))
        else:
            self.pace.setText(_("No exam is being studied yet: log study time to follow the pace"))
        days = analysis.study_days
        total = sum(days.values())
        recent = sum(
            1 for day, hours in days.items() if hours > 0 and today - day < timedelta(RECENT_DAYS)
        )
        self.logged.setText(
            _("{hours} logged in all · {days} in the last four weeks").format(
                hours=format_hours(total), days=count_text(recent, "study day")
            )
        )
        lines = analysis.burn_up
        if lines is not None:
            self.chart.show_series(lines.baseline, lines.planned, lines.logged, today)
        else:
            self.chart.show_series([], [], [], today)
        self.strip.show_days(days, today)
