"""The exam panel's *Study log*: hours studied and to go, the exam's pace against the plan
the learner made ("4 h behind (about half a week at your pace)"), and the sessions, editable
in place and deletable (each change one undo step)."""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studyplanner.domain.plan import EntryStatus
from studyplanner.domain.progress import Pace
from studyplanner.domain.wording import count_text, format_hours
from studyplanner.domain.wording_progress import ON_PACE_HOURS, entry_pace_text
from studyplanner.i18n import _
from studyplanner.style import Colour, colour, is_dark_palette
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.panels.sessions_model import DOMAIN, LogDelegate, SessionsModel
from studyplanner.ui.widgets.form_fields import problem_label

VISIBLE_ROWS = 5
"""Rows a log table shows before it scrolls."""


def pace_colour(pace: Pace, dark: bool) -> str:
    """Amber ink when behind, green when ahead, the body text when on pace."""
    if pace.behind_hours >= ON_PACE_HOURS:
        return colour(Colour.WARNING_EDGE, dark)
    if pace.behind_hours <= -ON_PACE_HOURS:
        return colour(Colour.PASSED_RIBBON, dark)
    return colour(Colour.TEXT, dark)


def fit_table(table: QTableView, rows: int) -> None:
    """Make a short table exactly as tall as its rows (up to ``VISIBLE_ROWS``), so the panel
    does not keep an empty box open."""
    shown = max(1, min(rows, VISIBLE_ROWS))
    height = (
        table.horizontalHeader().sizeHint().height()
        + shown * table.verticalHeader().defaultSectionSize()
        + 2 * table.frameWidth()
    )
    table.setFixedHeight(height)


def log_table(parent: QWidget | None = None) -> QTableView:
    """A compact table for a log: whole rows selected, edited by double click or F2."""
    table = QTableView(parent)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setHighlightSections(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    return table


class StudyLogBox(QGroupBox):
    """Hours studied, pace and the sessions of one entry."""

    log_requested = Signal()
    """*Log Study Time…* was clicked (the window's action opens the dialog)."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(_("Study log"), parent)
        self._document = document
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.pace = QLabel()
        self.pace.setWordWrap(True)
        self.pace.setAccessibleName(_("Pace"))
        pace_font = QFont(self.pace.font())
        pace_font.setBold(True)
        self.pace.setFont(pace_font)

        self.model = SessionsModel(document, self)
        self.table = log_table()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Study sessions"))
        self._delegate = LogDelegate(document.today(), (0.25, 24.0), " h", self.table)
        self.table.setItemDelegate(self._delegate)
        self.empty = QLabel(_("No study logged for this exam yet."))
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.log_button = QPushButton(_("Log Study Time…"))
        self.log_button.setAutoDefault(False)
        self.log_button.setToolTip(_("Add the hours you studied (today, unless you change it)"))
        self.delete_button = QPushButton(_("Delete Session"))
        self.delete_button.setAutoDefault(False)
        self.delete_button.setToolTip(_("Delete the selected session (undo brings it back)"))
        self.delete_action = QAction(_("Delete Session"), self.table)
        self.delete_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence(Qt.Key.Key_Backspace)]
        )
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.delete_action)
        self.problem = problem_label()

        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.log_button)
        row.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.pace)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(buttons, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.problem)

        self.log_button.clicked.connect(self.log_requested)
        self.delete_button.clicked.connect(self.delete_current)
        self.delete_action.triggered.connect(self.delete_current)
        self.model.problem.connect(self._show_problem)
        self.model.modelReset.connect(self.refresh)
        self.table.selectionModel().currentChanged.connect(self._update_buttons)

    def set_entry(self, entry_id: str) -> None:
        self.problem.hide()
        self.model.set_entry(entry_id)

    @Slot()
    def refresh(self) -> None:
        document = self._document
        self._delegate.today = document.today()
        entry_id = self.model.entry_id
        try:
            entry = document.current_plan.entry(entry_id)
        except KeyError:
            return
        sessions = len(entry.sessions)
        studied_hours = format_hours(entry.hours_logged)
        text = _("{hours} studied").format(hours=studied_hours)
        if sessions:
            text = _("{hours} studied in {sessions}").format(
                hours=studied_hours, sessions=count_text(sessions, "session")
            )
        if entry.status is not EntryStatus.PASSED and document.schedule is not None:
            with suppress(KeyError):
                remaining = document.schedule.for_entry(entry_id).remaining_hours
                text = _("{summary} · {hours} to go").format(
                    summary=text, hours=format_hours(remaining)
                )
        self.summary.setText(text)
        plan_pace = document.pace
        pace = plan_pace.for_entry(entry_id) if plan_pace is not None else None
        studied = pace is not None and (pace.planned_by_today > 0 or pace.logged > 0)
        if pace is not None and studied:
            weekly = document.current_plan.availability.weekly_hours
            ink = pace_colour(pace, is_dark_palette(self.palette()))
            self.pace.setText(entry_pace_text(pace, weekly))
            self.pace.setStyleSheet(f"color: {ink};")
        self.pace.setVisible(studied)
        self.table.setVisible(sessions > 0)
        self.empty.setVisible(sessions == 0)
        fit_table(self.table, sessions)
        self.table.setColumnHidden(DOMAIN, not self.model.domain_choices())
        editable = not document.read_only
        self.log_button.setEnabled(editable and entry.status is not EntryStatus.PASSED)
        self._update_buttons()

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        current = self.table.currentIndex()
        enabled = not self._document.read_only and current.isValid()
        self.delete_button.setEnabled(enabled)
        self.delete_action.setEnabled(enabled)

    @Slot()
    def delete_current(self) -> None:
        """Delete the selected session; the next one (or the new last) becomes current."""
        row = self.table.currentIndex().row()
        had_focus = self.table.hasFocus()
        if row < 0 or not self.model.remove_row(row):
            return
        rows = self.model.rowCount()
        if rows:
            self.table.setCurrentIndex(self.model.index(min(row, rows - 1), 0))
            if had_focus:
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(str)
    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
