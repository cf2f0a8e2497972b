"""The window's two central panes, its status line and its recent-plans menu. Each keeps
itself up to date from the document's signals, so the window only places them."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

import shiboken6
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QMenu, QVBoxLayout, QWidget

from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import EntryStatus, StudyPlan
from studyplanner.domain.progress import PlanPace
from studyplanner.domain.schedule import Schedule
from studyplanner.domain.wording import count_text, format_day, format_hours, format_weekly_hours
from studyplanner.domain.wording_progress import pace_brief
from studyplanner.i18n import _
from studyplanner.ui.canvas.ladder import LadderView
from studyplanner.ui.canvas.timeline import TimelineView
from studyplanner.ui.document.autosave import Autosaver
from studyplanner.ui.document.plan_document import PlanDocument
from studyplanner.ui.document.plan_session import PlanSession


def _stack(parent: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    return layout


class LadderPane(QWidget):
    """The ladder under a one-line header with the *Show retired* switch."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ladder = LadderView(catalog, self)
        self.show_retired = QCheckBox(_("Show retired certifications"), self)
        header = QWidget(self)
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(12, 6, 12, 6)
        title = QLabel(
            _(
                "<b>Certification ladder</b> — drag a card into the plan below, "
                "or select it and press Enter"
            ),
            header,
        )
        title.setWordWrap(True)  # a narrow window wraps the hint instead of cutting it off
        header_layout.addWidget(title, 1)
        header_layout.addWidget(self.show_retired)
        layout = _stack(self)
        layout.addWidget(header)
        layout.addWidget(self.ladder, 1)


class TimelinePane(QWidget):
    """The timeline under a title naming the plan, its start and its weekly hours."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.timeline = TimelineView(document, self)
        self.title = QLabel(self)
        self.title.setContentsMargins(12, 6, 12, 6)
        layout = _stack(self)
        layout.addWidget(self.title)
        layout.addWidget(self.timeline, 1)
        document.changed.connect(self._refresh)
        document.opened.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        plan = self._document.current_plan
        self.title.setText(
            _("<b>{name}</b> — from {start}, {hours}").format(
                name=escape(plan.name),
                start=format_day(plan.start_date),
                hours=format_weekly_hours(plan.availability.weekly_hours),
            )
        )


def summary_text(plan: StudyPlan, schedule: Schedule, pace: PlanPace | None = None) -> str:
    """What is still to do, like the report counts it (passed exams are done):
    '2 exams to sit · 180 h still to study · 8 h/week · finish 7 Dec 2027', and how far the
    learner is behind or ahead of the plan they made (' · 12 h behind plan')."""
    if not plan.entries:
        return _("No exams planned yet")
    to_sit = sum(1 for e in plan.entries if e.status is not EntryStatus.PASSED)
    if to_sit == 0:
        return _("All {exams} passed").format(exams=count_text(len(plan.entries), "exam"))
    text = _("{exams} to sit · {hours} still to study · {weekly}/week · finish {finish}").format(
        exams=count_text(to_sit, "exam"),
        hours=format_hours(schedule.remaining_hours),
        weekly=format_hours(plan.availability.weekly_hours),
        finish=format_day(schedule.finish_date),
    )
    brief = pace_brief(pace)
    return _("{summary} · {pace}").format(summary=text, pace=brief) if brief else text


class PlanSummary(QLabel):
    """'2 exams to sit · 180 h still to study · 8 h/week · finish 7 Dec 2027', or why there is
    no date."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        document.changed.connect(self._refresh)
        document.opened.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        document = self._document
        plan, schedule = document.current_plan, document.schedule
        if schedule is None:
            self.setText(document.schedule_error or "")
        else:
            self.setText(summary_text(plan, schedule, document.pace))


def countdown_text(schedule: Schedule | None, today: date) -> str:
    """'DVA-C02 in 12 days' for the next exam still to sit ('today', 'tomorrow'), or ''."""
    if schedule is None:
        return ""
    upcoming = [
        (item.exam_date, item.certification.code)
        for item in schedule.entries
        if item.entry.status is not EntryStatus.PASSED
        and item.exam_date is not None
        and item.exam_date >= today
    ]
    if not upcoming:
        return ""
    day, code = min(upcoming)
    days = (day - today).days
    if days == 0:
        return _("{code} today").format(code=code)
    if days == 1:
        return _("{code} tomorrow").format(code=code)
    return _("{code} in {days}").format(code=code, days=count_text(days, "day"))


class Countdown(QLabel):
    """The status bar's countdown to the next exam: "DVA-C02 in 12 days"."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.setAccessibleName(_("Next exam"))
        self.setContentsMargins(0, 0, 12, 0)  # apart from the save state beside it
        document.changed.connect(self._refresh)
        document.opened.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        document = self._document
        text = countdown_text(document.schedule, document.today())
        self.setText(text)
        tip = _("Next exam, counted from {today}").format(today=format_day(document.today()))
        self.setToolTip(tip if text else "")
        self.setVisible(bool(text))


class SaveState(QLabel):
    """Where the plan's changes are: saved, saving, not saved yet, failed, or read-only.

    It also keeps the window's title and modified mark (``[*]``) in step.
    """

    def __init__(
        self, document: PlanDocument, autosaver: Autosaver, window: QWidget, app_name: str
    ) -> None:
        super().__init__(window)
        self._document = document
        self._autosaver = autosaver
        self._window = window
        self._app_name = app_name
        document.changed.connect(self.refresh)
        document.opened.connect(self.refresh)
        autosaver.pending_changed.connect(self.refresh)
        autosaver.saved.connect(self.refresh)
        autosaver.failed.connect(self._on_failed)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        document = self._document
        if not shiboken6.isValid(document):
            return
        title = _("{plan}[*] (read-only) — {app}") if document.read_only else _("{plan}[*] — {app}")
        self._window.setWindowTitle(
            title.format(plan=document.current_plan.name, app=self._app_name)
        )
        pending = self._autosaver.pending
        self._window.setWindowModified(pending)
        if document.read_only:
            self.setText(_("Read-only"))
        elif pending:
            self.setText(_("Saving…"))
        elif document.path is not None and document.path.exists():
            self.setText(_("All changes saved"))
        else:
            self.setText(_("Not saved yet"))

    def _on_failed(self, _message: str) -> None:
        self.refresh()
        self.setText(_("Save failed — changes kept in memory"))


class RecentPlansMenu(QMenu):
    """*File › Open Recent*: the plans by name, filled from the session each time it opens;
    two plans of one name are told apart by their file names."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(_("Open &Recent"), parent)
        self._session = session
        self.aboutToShow.connect(self._fill)
        self.triggered.connect(self._open)

    def _fill(self) -> None:
        self.clear()
        recent = self._session.recent_plans()
        names = [name for _path, name in recent]
        for path, name in recent:
            label = (
                name
                if names.count(name) == 1
                else _("{name} ({file})").format(name=name, file=path.name)
            )
            action = self.addAction(label.replace("&", "&&"))
            action.setStatusTip(str(path))
            action.setData(str(path))
        if not recent:
            self.addAction(_("No plans yet")).setEnabled(False)

    def _open(self, action: QAction) -> None:
        if action.data():
            self._session.open(Path(str(action.data())))
