"""File › Print, Export as PDF and Export to Calendar, reached by menu, shortcut and toolbar.

The printing module (and QtPrintSupport) is imported on first use: most sessions never print,
and the window should not pay for it at start.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from studyplanner import APP_NAME
from studyplanner.ui.plan_document import PlanDocument
from studyplanner.ui.prompts import Prompts


class OutputCommands(QObject):
    def __init__(self, document: PlanDocument, prompts: Prompts, window: QWidget) -> None:
        super().__init__(window)
        self._document = document
        self._prompts = prompts
        self._window = window
        self.print = QAction("&Print…", window)
        self.print.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.pdf = QAction("Export as P&DF…", window)
        self.pdf.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.calendar = QAction("Export to &Calendar…", window)
        self.print.triggered.connect(self.print_plan)
        self.pdf.triggered.connect(self.export_pdf)
        self.calendar.triggered.connect(self.export_calendar)

    @property
    def actions(self) -> list[QAction]:
        return [self.print, self.pdf, self.calendar]

    def print_plan(self) -> None:
        if self._schedulable():
            from studyplanner.ui.printing import show_print_preview

            show_print_preview(self._window, self._document)

    def export_pdf(self) -> None:
        if self._schedulable():
            from studyplanner.ui.printing import export_pdf_dialog

            export_pdf_dialog(self._window, self._document)

    def export_calendar(self) -> None:
        if self._schedulable():
            from studyplanner.ui.printing import export_calendar_dialog

            export_calendar_dialog(self._window, self._document)

    def _schedulable(self) -> bool:
        """Printing needs dates: say why there are none instead of printing an empty plan."""
        if self._document.schedule is None:
            message = self._document.schedule_error or "The plan cannot be scheduled."
            self._prompts.warn(APP_NAME, message)
            return False
        return True
