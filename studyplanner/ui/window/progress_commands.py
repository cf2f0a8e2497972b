"""Progress commands: *Log Study Time…* (Ctrl+L), *Set Baseline* and *Show Baseline*.

One implementation each: the Edit and View menus, the exam panel's button and the timeline's
context menu all trigger these actions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from studyplanner.domain.wording import format_day
from studyplanner.i18n import _
from studyplanner.ui.document.plan_document import PlanDocument

if TYPE_CHECKING:
    from studyplanner.ui.dialogs.log_dialog import LogStudyDialog

LOG_SHORTCUT = "Ctrl+L"


class ProgressCommands(QObject):
    """The actions, enabled when they can do something."""

    message = Signal(str)
    """A one-line confirmation for the status bar."""

    def __init__(self, document: PlanDocument, window: QWidget) -> None:
        super().__init__(window)
        self._document = document
        self._window = window
        self.dialog: LogStudyDialog | None = None
        """The last *Log Study Time* dialog opened (tests type into it)."""
        self.log_study = QAction(_("&Log Study Time…"), window)
        self.log_study.setShortcut(QKeySequence(LOG_SHORTCUT))
        self.log_study.setStatusTip(_("Add the hours you studied today (or on another day)"))
        self.set_baseline = QAction(_("Set &Baseline"), window)
        self.set_baseline.setStatusTip(
            _("Keep today's dates as the ones progress is measured against")
        )
        self.show_baseline = QAction(_("Show &Baseline"), window)
        self.show_baseline.setCheckable(True)
        self.show_baseline.setChecked(True)
        self.show_baseline.setStatusTip(
            _("Draw the baseline's dates as ghost bars on the timeline")
        )
        self.log_study.triggered.connect(self.open_log)
        self.set_baseline.triggered.connect(self._set_baseline)
        document.changed.connect(self._update)
        document.opened.connect(self._update)
        document.selection_changed.connect(self._update)
        self._update()

    @Slot()
    def open_log(self) -> LogStudyDialog | None:
        """Open *Log Study Time* for the entry being studied (or the selected one)."""
        if not self.log_study.isEnabled():
            return None
        from studyplanner.ui.dialogs.log_dialog import (
            open_log_dialog,  # the dialog's code on first use
        )

        self.dialog = open_log_dialog(self._document, self._document.log_target(), self._window)
        return self.dialog

    @Slot()
    def _set_baseline(self) -> None:
        if self._document.set_baseline():
            today = format_day(self._document.today())
            self.message.emit(
                _("Baseline set: the dates of {today} are kept to compare against").format(
                    today=today
                )
            )

    @Slot()
    def _update(self, *_args: object) -> None:
        document = self._document
        editable = not document.read_only
        self.log_study.setEnabled(editable and bool(document.log_target()))
        self.set_baseline.setEnabled(
            editable and document.schedule is not None and bool(document.entry_ids())
        )
